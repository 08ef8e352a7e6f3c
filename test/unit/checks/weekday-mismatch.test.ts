// weekday-mismatch: a weekday written with a date it does not fall on; and the dates that are right,
// or cannot be checked.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { weekdayMismatch } from '../../../server/src/checks/weekday-mismatch';
import { analysed, assertFindings, type Expected } from './textFixtures';

const URI = 'file:///ws/releases/2021-10-23-talks.release.md';

// Calendar facts used below: 21 October 2021 was a Thursday; 25 October 2021 a Monday;
// 31 December 2021 a Friday (31 December 2022 a Saturday); 5 January 2022 a Wednesday.
const rows: [string, string, Expected[]][] = [
  ['a Tuesday that was a Thursday', 'The deputy ministers met by video link on Tuesday, 21 October 2021.\n',
    [{ span: 'Tuesday', severity: 'warning', words: ['21 October 2021 was a Thursday, not a Tuesday'] }]],
  ['the right weekday', 'The deputy ministers met by video link on Thursday, 21 October 2021.\n', []],
  ['month first, wrong weekday', 'Talks resumed on Friday, October 25, 2021, in Hanoi.\n',
    [{ span: 'Friday', words: ['October 25, 2021 was a Monday, not a Friday'] }]],
  ['weekday after the date', 'The summit closed on 21 October 2021 (Wednesday).\n',
    [{ span: 'Wednesday', words: ['21 October 2021 was a Thursday, not a Wednesday'] }]],
  ['abbreviated weekday, right', 'Filed Thu 21 Oct 2021.\n', []],
  ['a date after the release date is', 'The forum opens on Saturday, 25 October 2021.\n\nPhnom Penh, 23 October 2021\n',
    [{ span: 'Saturday', words: ['25 October 2021 is a Monday, not a Saturday'] }]],
  ['a weekday alone is resolved from it: nothing to contradict', 'The ministers spoke on Tuesday.\n\nPhnom Penh, 23 October 2021\n', []],
  ['no year written: the year before fits the weekday', 'The year closed on Friday, 31 December with a reception.\n\nHanoi, 5 January 2022\n', []],
  ['no year written and no year fits', 'They met on Sunday, 5 January.\n\nHanoi, 7 January 2022\n',
    [{ span: 'Sunday', words: ['was a Wednesday, not a Sunday'] }]],
];

test('weekday-mismatch: rows', () => {
  for (const [label, text, expected] of rows) {
    const release = analysed(URI, text);
    assertFindings(release, weekdayMismatch.run(release, { release: () => undefined, releases: () => [], releasesWithKey: () => [] }), expected, label, 'weekday-mismatch');
  }
});

test('weekday-mismatch is a document check', () => {
  assert.equal(weekdayMismatch.scope, 'document');
});
