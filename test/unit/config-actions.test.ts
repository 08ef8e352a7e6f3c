// Quick fixes that write to the workspace: suppression comments in the release, and additions to the
// workspace file (an unknown acronym, a house form), as edits of the file's JSON with comments kept.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyEdits } from 'jsonc-parser';
import { analyseDocument } from '../../server/src/analysis/document';
import type { CheckedRelease } from '../../server/src/checks/check';
import type { Finding } from '../../server/src/checks/finding';
import { applySuppressions } from '../../server/src/checks/suppression';
import { configEdits, knowledgeActions, suppressionActions } from '../../server/src/features/configActions';
import { parseConfig } from '../../server/src/config/parse';
import { defaultGazetteer } from '../../server/src/knowledge/gazetteer';
import { ALL_CHECKS, runChecks } from '../../server/src/checks/index';
import { WorkspaceIndex } from '../../server/src/workspace/index';

const URI = 'file:///ws/releases/a.release.md';

function release(text: string): CheckedRelease {
  return { uri: URI, text, analysis: analyseDocument(text, URI) };
}

function finding(text: string, word: string, code = 'glued-words'): Finding {
  const start = text.indexOf(word);
  return { code, severity: 'hint', message: code, start, end: start + word.length, related: [] };
}

test('suppression quick fix: the inserted comment silences exactly that finding, without breaking the paragraph', () => {
  const rows: { name: string; text: string; word: string; expected: string }[] = [
    {
      name: 'first line: a comment line above',
      text: 'The bilateralrelations are good.\nMore text.\n',
      word: 'bilateralrelations',
      expected: '<!-- communique-disable-next-line glued-words -->\nThe bilateralrelations are good.\nMore text.\n',
    },
    {
      name: 'inside a paragraph: at the end of the line above',
      text: 'A first line\nthe bilateralrelations are good.\n',
      word: 'bilateralrelations',
      expected: 'A first line <!-- communique-disable-next-line glued-words -->\nthe bilateralrelations are good.\n',
    },
    {
      name: 'after a blank line: its own line, indented like the finding\'s',
      text: 'Title\n\n  - the bilateralrelations\n',
      word: 'bilateralrelations',
      expected: 'Title\n\n  <!-- communique-disable-next-line glued-words -->\n  - the bilateralrelations\n',
    },
    {
      name: 'CRLF',
      text: 'The bilateralrelations\r\n',
      word: 'bilateralrelations',
      expected: '<!-- communique-disable-next-line glued-words -->\r\nThe bilateralrelations\r\n',
    },
  ];
  for (const row of rows) {
    const f = finding(row.text, row.word);
    const [action, ...rest] = suppressionActions(release(row.text), [f], { start: f.start, end: f.start });
    assert.equal(rest.length, 0, row.name);
    const edited = row.text.slice(0, action!.insertion.offset) + action!.insertion.newText + row.text.slice(action!.insertion.offset);
    assert.equal(edited, row.expected, row.name);
    const moved = finding(edited, row.word);
    assert.deepEqual(applySuppressions(edited, [moved, { ...moved, code: 'figure-conflict' }]).map((x) => x.code), ['figure-conflict'], `${row.name}: only that code is silenced`);
  }
});

test('suppression quick fix: the analysis of the edited release is unchanged and the finding gone', () => {
  const text = 'Phnom Penh, 3 March 2023\n\nCambodia and Viet Nam reviewed\ntheir bilateralrelations today.\n';
  const r = release(text);
  const index = new WorkspaceIndex(ALL_CHECKS);
  index.set(r, 1);
  const glued = runChecks(r, index).findings.filter((f) => f.code === 'glued-words');
  assert.equal(glued.length, 1);
  const [action] = suppressionActions(r, glued, { start: glued[0]!.start, end: glued[0]!.end });
  const edited = text.slice(0, action!.insertion.offset) + action!.insertion.newText + text.slice(action!.insertion.offset);
  const after = { uri: URI, text: edited, analysis: analyseDocument(edited, URI) };
  const index2 = new WorkspaceIndex(ALL_CHECKS);
  index2.set(after, 2);
  assert.deepEqual(runChecks(after, index2).findings.filter((f) => f.code === 'glued-words'), []);
  assert.deepEqual(after.analysis.parties.map((p) => p.text), r.analysis.parties.map((p) => p.text), 'the comment is not prose');
});

test('knowledge quick fixes: when "add as an organisation" is offered', () => {
  const known = (id: string): boolean => defaultGazetteer().parties.has(id);
  const rows: { name: string; text: string; at: string; expected: string[] }[] = [
    { name: 'an unknown acronym alone', text: 'Officials of NIDIR met the press.\n', at: 'NIDIR', expected: ['party:NIDIR:organization:'] },
    {
      name: 'an acronym the release defines: with its full name',
      text: 'The National Institute of Diplomacy and International Relations (NIDIR) hosted it. NIDIR thanked them.\n',
      at: 'NIDIR thanked',
      expected: ['party:National Institute of Diplomacy and International Relations:organization:NIDIR'],
    },
    { name: 'a known acronym', text: 'Officials of ASEAN met the press.\n', at: 'ASEAN', expected: [] },
    { name: 'a heading in capitals', text: 'JOINT PRESS STATEMENT\n\nText.\n', at: 'PRESS', expected: [] },
    { name: 'a currency inside a figure', text: 'Trade reached USD 5 billion in 2022.\n', at: 'USD', expected: [] },
    { name: 'a word in lower case', text: 'Officials of nidir met.\n', at: 'nidir', expected: [] },
  ];
  for (const row of rows) {
    const r = release(row.text);
    const at = row.text.indexOf(row.at) + 1;
    const got = knowledgeActions(r, [], { start: at, end: at }, known).map((a) =>
      a.kind === 'party' ? `party:${a.party.name}:${a.party.kind}:${(a.party.aliases ?? []).join(',')}` : `prefer:${a.form}`,
    );
    assert.deepEqual(got, row.expected, row.name);
  }
});

test('knowledge quick fixes: "prefer" names the release\'s usual form of a party-variant finding', () => {
  const text = 'VIET NAM AND CAMBODIA\n\nViet Nam and Cambodia met. Viet Nam spoke. Vietnam agreed.\n';
  const r = release(text);
  const index = new WorkspaceIndex(ALL_CHECKS);
  index.set(r, 1);
  const findings = runChecks(r, index).findings.filter((f) => f.code === 'party-variant');
  assert.equal(findings.length, 1);
  const actions = knowledgeActions(r, findings, { start: findings[0]!.start, end: findings[0]!.start }, () => true);
  assert.deepEqual(actions.map((a) => a.title), ['Prefer “Viet Nam” in this workspace']);
  // The form comes from the finding's data, not its words (the first "Viet Nam" is the heading's "VIET NAM").
  const reworded = findings.map((f) => ({ ...f, message: 'reworded', related: f.related.map((l) => ({ ...l, message: 'reworded' })) }));
  assert.deepEqual(knowledgeActions(r, reworded, { start: findings[0]!.start, end: findings[0]!.start }, () => true).map((a) => a.title), ['Prefer “Viet Nam” in this workspace']);
  // A finding from a house form already configured offers nothing more.
  const configured: CheckedRelease = { ...r, config: { preferredForms: ['Viet Nam'] } };
  const house = runChecks(configured, index).findings.filter((f) => f.code === 'party-variant');
  assert.equal(house.length, 1);
  assert.deepEqual(knowledgeActions(configured, house, { start: house[0]!.start, end: house[0]!.start }, () => true), []);
});

test('configEdits: new file, existing file with comments, the result parses and says what was asked', () => {
  const prefer = { kind: 'prefer', title: '', form: 'Viet Nam', finding: { start: 0, end: 0 } } as const;
  const party = { kind: 'party', title: '', party: { name: 'NIDIR', kind: 'organization' }, at: { start: 0, end: 0 } } as const;
  const fresh = applyEdits('', configEdits('', prefer));
  assert.deepEqual(parseConfig(fresh).config, { preferredForms: ['Viet Nam'] });
  const existing = '{\n  // the house style\n  "preferredForms": ["Lao PDR"],\n  "checks": { "glued-words": "off" }\n}\n';
  const edited = applyEdits(applyEdits(existing, configEdits(existing, prefer)), configEdits(applyEdits(existing, configEdits(existing, prefer)), party));
  assert.ok(edited.includes('// the house style'), 'comments kept');
  const parsed = parseConfig(edited);
  assert.deepEqual(parsed.problems, []);
  assert.deepEqual(parsed.config?.preferredForms, ['Lao PDR', 'Viet Nam']);
  assert.deepEqual(parsed.config?.parties, [{ name: 'NIDIR', kind: 'organization' }]);
  assert.deepEqual(parsed.config?.checks, { 'glued-words': 'off' });
});
