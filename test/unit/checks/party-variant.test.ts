// party-variant: one party spelled two ways in a release; and the forms that are legitimate:
// long forms, acronyms, other names of the party, capitals in headings, ties.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { partyVariant, skeleton, spellingKey } from '../../../server/src/checks/party-variant';
import { analysed, assertFindings, type Expected } from './textFixtures';

const NONE = { release: () => undefined, releases: () => [], releasesWithKey: () => [] };
const URI = 'file:///ws/releases/2021-10-23-consultations.release.md';

const rows: [string, string, Expected[]][] = [
  ['one "Vietnam" among "Viet Nam"s, inside a hyphenated pair',
    'Cambodia and Viet Nam held talks. Viet Nam thanked Cambodia. Trade between Cambodia and Viet Nam grew.\n\n' +
    'Both sides praised Cambodia-Vietnam friendship.\n',
    [{ span: 'Vietnam', severity: 'information', words: ['“Vietnam” here; this release writes “Viet Nam” 3 times'] }]],
  ['a release that writes "Vietnam" throughout', 'Vietnam and Cambodia met. Vietnam thanked Cambodia. Vietnam will host the next round.\n', []],
  ['a tie: no form is the release\'s own', 'Viet Nam and Cambodia met. Vietnam thanked Cambodia.\n', []],
  ['two against one: the one is reported', 'Viet Nam and Cambodia met. Viet Nam thanked Cambodia. Vietnam will host the next round.\n',
    [{ span: 'Vietnam', words: ['writes “Viet Nam” 2 times'] }]],
  ['the long form writes the short name and counts for it',
    'The Socialist Republic of Viet Nam and the Kingdom of Cambodia met. Viet Nam thanked Cambodia. Vietnam will host.\n',
    [{ span: 'Vietnam', words: ['writes “Viet Nam” 2 times'] }]],
  ['long forms and acronyms alone are not variants',
    'The Socialist Republic of Viet Nam and the Republic of Korea met. Viet Nam and the ROK agreed. Viet Nam and Korea signed.\n', []],
  ['a heading in capitals writes the same form', '# CAMBODIA AND VIET NAM\n\nViet Nam and Cambodia met. Viet Nam thanked Cambodia.\n', []],
  ['diacritics make a variant', 'Viet Nam and Cambodia met. Viet Nam thanked Cambodia. Việt Nam will host.\n',
    [{ span: 'Việt Nam', words: ['“Việt Nam” here', '“Viet Nam” 2 times'] }]],
  ['Laos and Lao PDR are two names, not two spellings', 'Laos and Cambodia met. The Lao PDR thanked Cambodia. Laos will host.\n', []],
];

test('party-variant: rows', () => {
  for (const [label, text, expected] of rows) {
    const release = analysed(URI, text);
    assertFindings(release, partyVariant.run(release, NONE), expected, label, 'party-variant');
  }
});

test('party-variant: spellings compare without case, spacing or diacritics for grouping, with diacritics for reporting', () => {
  assert.equal(skeleton('Việt Nam'), 'vietnam');
  assert.equal(skeleton('Viet-Nam'), 'vietnam');
  assert.equal(spellingKey('VIET  NAM'), spellingKey('Viet Nam'));
  assert.notEqual(spellingKey('Việt Nam'), spellingKey('Viet Nam'));
  assert.equal(spellingKey('Côte d’Ivoire'), "côte d'ivoire");
});

test('party-variant: the related location is the first writing of the majority form', () => {
  const text = 'Viet Nam and Cambodia met. Viet Nam thanked Cambodia. Vietnam will host.\n';
  const release = analysed(URI, text);
  const [finding] = partyVariant.run(release, NONE);
  assert.ok(finding);
  assert.equal(finding.related.length, 1);
  assert.equal(text.slice(finding.related[0]!.start, finding.related[0]!.end), 'Viet Nam');
  assert.equal(finding.related[0]!.start, 0);
});
