// ordinal-sequence: numbered meetings of one series whose dates contradict their order, across
// releases and within one; and the series that differ, dates that agree, and meetings with no date.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { numberedMeetings, ordinalSequence } from '../../../server/src/checks/ordinal-sequence';
import { analysed, assertWorkspaceRows, type WorkspaceRow } from './textFixtures';

const A = 'file:///ws/releases/2021-10-23-consultations.release.md';
const B = 'file:///ws/releases/2022-05-02-consultations.release.md';
const C = 'file:///ws/releases/2019-05-03-border.release.md';
const D = 'file:///ws/releases/2021-03-12-border.release.md';

const seventh = analysed(A, [
  'On 21 October 2021, the two deputy foreign ministers co-chaired the 7th Political Consultations between Cambodia and Viet Nam by video link.',
  '',
  'Phnom Penh, 23 October 2021',
].join('\n'));

const rows: WorkspaceRow[] = [
  {
    name: 'the 8th dated before the 7th, in another release: a warning on each, pointing at the other',
    releases: [seventh, analysed(B, 'Cambodia and Viet Nam held the 8th Political Consultations in Hanoi on 4 March 2021.\n')],
    expected: {
      [A]: [{ span: '7th Political Consultations between Cambodia and Viet Nam', severity: 'warning',
        words: ['the 7th Political Consultations between Cambodia and Viet Nam is dated 21 October 2021, after the 8th dated 4 March 2021 (2022-05-02-consultations.release.md, line 1)'], related: [B] }],
      [B]: [{ span: '8th Political Consultations', severity: 'warning',
        words: ['the 8th Political Consultations is dated 4 March 2021, before the 7th dated 21 October 2021 (2021-10-23-consultations.release.md, line 1)'], related: [A] }],
    },
  },
  {
    name: 'the 8th in 2023 after the 7th in 2021: in order',
    releases: [seventh, analysed(B, 'Cambodia and Viet Nam agreed to convene the 8th Political Consultations in 2023 in Cambodia.\n')],
    expected: {},
  },
  {
    name: 'the 8th in the same year as the 7th, given as a year: the year may hold both',
    releases: [seventh, analysed(B, 'Cambodia and Viet Nam held the 8th Political Consultations in 2021.\n')],
    expected: {},
  },
  {
    name: 'another pair\'s consultations are another series',
    releases: [seventh, analysed(B, 'Laos and Viet Nam held the 8th Political Consultations in Vientiane on 4 March 2021.\n')],
    expected: {},
  },
  {
    name: 'another series name: the 8th Joint Commission is not the 8th Political Consultations',
    releases: [seventh, analysed(B, 'Cambodia and Viet Nam held the 8th Joint Commission Meeting in Hanoi on 4 March 2021.\n')],
    expected: {},
  },
  {
    name: 'within one release, numbered summits out of order',
    releases: [analysed(C, 'Cambodia hosted the 40th ASEAN Summit on 10 May 2022. Indonesia hosted the 39th ASEAN Summit on 26 October 2022.\n')],
    expected: {
      [C]: [
        { span: '40th ASEAN Summit', words: ['the 40th ASEAN Summit is dated 10 May 2022, before the 39th dated 26 October 2022 (line 1)'] },
        { span: '39th ASEAN Summit', words: ['the 39th ASEAN Summit is dated 26 October 2022, after the 40th dated 10 May 2022 (line 1)'] },
      ],
    },
  },
  {
    name: 'two ordinals sharing one name and one date: in order with a later one',
    releases: [analysed(C, 'Cambodia hosted the 40th and 41st ASEAN Summits in November 2022. Indonesia hosted the 42nd ASEAN Summit on 10 May 2023.\n')],
    expected: {},
  },
  {
    name: 'a committee meeting across releases, tenth before ninth',
    releases: [
      analysed(C, 'Cambodia and Laos held the 10th Meeting of the Joint Border Committee in Vientiane on 3 May 2019.\n'),
      analysed(D, 'Cambodia and Laos held the 9th Meeting of the Joint Border Committee in Phnom Penh on 12 March 2021.\n'),
    ],
    expected: {
      [C]: [{ span: '10th Meeting of the Joint Border Committee', words: ['dated 3 May 2019, before the 9th dated 12 March 2021 (2021-03-12-border.release.md, line 1)'] }],
      [D]: [{ span: '9th Meeting of the Joint Border Committee', words: ['dated 12 March 2021, after the 10th dated 3 May 2019'] }],
    },
  },
  {
    name: 'a title is not a meeting: the First Deputy Prime Minister',
    releases: [analysed(C, 'The 1st Deputy Prime Minister of Cambodia visited Laos on 3 May 2022. The 2nd Deputy Prime Minister visited Laos on 2 May 2021.\n')],
    expected: {},
  },
  {
    name: 'a numbered meeting with no date tied to it is not compared',
    releases: [seventh, analysed(B, 'Cambodia and Viet Nam reviewed the outcomes of the 8th Political Consultations. Trade grew in 2020.\n')],
    expected: {},
  },
];

test('ordinal-sequence: rows', () => {
  assertWorkspaceRows(ordinalSequence, rows);
});

test('ordinal-sequence: the series key folds the name and keeps the parties', () => {
  const [m] = numberedMeetings(seventh);
  assert.ok(m);
  assert.equal(m.number, 7);
  assert.equal(m.key, 'series:political consultation|KHM+VNM');
  assert.equal(m.date.from, '2021-10-21');
  const heading = analysed(B, '# THE EIGHTH POLITICAL CONSULTATIONS BETWEEN CAMBODIA AND VIET NAM\n\nThe meeting was held in Hanoi.\n');
  assert.deepEqual(numberedMeetings(heading), [], 'a heading with no date tied to it');
  assert.deepEqual([...ordinalSequence.keys!(seventh)], ['series:political consultation|KHM+VNM']);
});
