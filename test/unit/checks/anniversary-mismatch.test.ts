// anniversary-mismatch: an Nth anniversary in year Y against a founding date stated in a release or
// known to the built-in table; and the anniversaries that are right, of other things, or not tied
// to a year.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { anniversaryMismatch, readFacts } from '../../../server/src/checks/anniversary-mismatch';
import { analysed, assertWorkspaceRows, type WorkspaceRow } from './textFixtures';

const A = 'file:///ws/releases/2021-10-23-consultations.release.md';
const B = 'file:///ws/releases/2022-06-24-friendship.release.md';
const C = 'file:///ws/releases/2022-08-03-asean.release.md';

const founding = analysed(A, [
  '# Consultations',
  '',
  'Cambodia and Viet Nam reviewed their cooperation by video link.',
  '',
  'The two sides recalled that Cambodia and Viet Nam established diplomatic relations on 24 June 1966.',
  '',
  'Phnom Penh, 23 October 2021',
].join('\n'));

const rows: WorkspaceRow[] = [
  {
    name: 'the built-in date: the 56th in 2022 implies 1966, relations date from 1967',
    releases: [analysed(B, 'Cambodia and Viet Nam celebrate the 56th anniversary of diplomatic relations in 2022 with a year of friendship.\n')],
    expected: { [B]: [{ span: '56th anniversary', severity: 'warning', words: ['56th anniversary in 2022 implies 1966, but relations were established on 24 June 1967 (built-in)'] }] },
  },
  {
    name: 'the built-in date, right: the 55th in 2022',
    releases: [analysed(B, 'Cambodia and Viet Nam celebrate the 55th anniversary of diplomatic relations in 2022 with a year of friendship.\n')],
    expected: {},
  },
  {
    name: 'a founding date stated in another release wins over the table, and is named with its line',
    releases: [founding, analysed(B, 'Cambodia and Viet Nam celebrate the 55th anniversary of diplomatic relations in 2022.\n')],
    expected: {
      [B]: [{ span: '55th anniversary', words: ['55th anniversary in 2022 implies 1967, but relations were established on 24 June 1966 (2021-10-23-consultations.release.md, line 5)'], related: [A] }],
    },
  },
  {
    name: 'a stated founding that agrees: nothing (the table is not consulted)',
    releases: [founding, analysed(B, 'Cambodia and Viet Nam celebrate the 56th anniversary of diplomatic relations in 2022.\n')],
    expected: {},
  },
  {
    name: '"their diplomatic ties" takes the release\'s two countries; the year before, tied by "as … celebrate"',
    releases: [analysed(B, 'Viet Nam and Cambodia met in Hanoi.\n\nThe visit is significant in 2022 as the two countries celebrate the 57th anniversary of their diplomatic ties.\n')],
    expected: { [B]: [{ span: '57th anniversary', words: ['implies 1965', '24 June 1967 (built-in)'] }] },
  },
  {
    name: '"2022 marks the Nth anniversary"',
    releases: [analysed(B, '2022 marks the 54th anniversary of diplomatic relations between Cambodia and Viet Nam.\n')],
    expected: { [B]: [{ span: '54th anniversary', words: ['54th anniversary in 2022 implies 1968'] }] },
  },
  {
    name: 'a date elsewhere in the sentence is not the anniversary\'s year',
    releases: [analysed(B, 'They prepared the joint commission to be held in December 2021 in Cambodia and the celebration of the 55th anniversary of diplomatic relations between Cambodia and Viet Nam.\n')],
    expected: {},
  },
  {
    name: 'the founding date after "the anniversary of the establishment of …" is a founding date, and today is the year',
    releases: [analysed(B, '---\ndate: 2022-06-24\n---\nThe Kingdom of Cambodia and the Socialist Republic of Viet Nam celebrate today the 55th anniversary of the establishment of diplomatic relations on 24 June 1967.\n')],
    expected: {},
  },
  {
    name: 'another pair has its own date: Viet Nam and Laos, 60th in 2022',
    releases: [analysed(B, 'Viet Nam and Laos celebrate the 60th anniversary of diplomatic relations in 2022.\n')],
    expected: {},
  },
  {
    name: 'a pair the table does not know, with no stated founding: nothing to compare',
    releases: [analysed(B, 'Cambodia and Laos celebrate the 61st anniversary of diplomatic relations in 2022.\n')],
    expected: {},
  },
  {
    name: 'an organisation\'s founding: ASEAN, 8 August 1967',
    releases: [analysed(C, '2022 marks the 56th anniversary of ASEAN. In 2017 the region celebrated the 50th anniversary of the founding of ASEAN.\n')],
    expected: { [C]: [{ span: '56th anniversary', words: ['56th anniversary in 2022 implies 1966, but ASEAN was founded on 8 August 1967 (built-in)'] }] },
  },
  {
    name: 'anniversaries of partnerships and dialogue relations are other things',
    releases: [analysed(C, '2022 marks the 10th anniversary of the Comprehensive Partnership between Cambodia and Viet Nam. 2021 marks the 30th anniversary of ASEAN-China dialogue relations.\n')],
    expected: {},
  },
  {
    name: 'an anniversary with no year tied to it',
    releases: [analysed(B, 'Cambodia and Viet Nam will prepare the 58th anniversary of diplomatic relations.\n')],
    expected: {},
  },
];

test('anniversary-mismatch: rows', () => {
  assertWorkspaceRows(anniversaryMismatch, rows);
});

test('anniversary-mismatch: keys tie an anniversary to the release that states the founding', () => {
  const anniversary = analysed(B, 'Cambodia and Viet Nam celebrate the 55th anniversary of diplomatic relations in 2022.\n');
  const keysA = [...anniversaryMismatch.keys!(founding)];
  const keysB = [...anniversaryMismatch.keys!(anniversary)];
  assert.deepEqual(keysA, ['anniversary:KHM+VNM']);
  assert.deepEqual(keysB, ['anniversary:KHM+VNM']);
  const facts = readFacts(founding);
  assert.equal(facts.foundings.length, 1);
  assert.equal(facts.foundings[0]!.date, '1966-06-24');
});

test('anniversary-mismatch: founding statements in several shapes', () => {
  const shapes: [string, string][] = [
    ['Diplomatic relations between Cambodia and Viet Nam were established on 24 June 1967.', '1967-06-24'],
    ['Since the establishment of diplomatic relations between Cambodia and Viet Nam on 24 June 1967, ties have grown.', '1967-06-24'],
    ['The two sides recalled diplomatic relations between Cambodia and Viet Nam, established in 1967.', '1967'],
    ['ASEAN was founded on 8 August 1967 in Bangkok.', '1967-08-08'],
  ];
  for (const [text, date] of shapes) {
    const facts = readFacts(analysed(A, `${text}\n`));
    assert.deepEqual(facts.foundings.map((f) => f.date), [date], text);
  }
});
