// dateline-order: a release dated before an event it reports as past; and the sentences that speak
// of the future, dates before the release date, undated releases and dates written without a year.

import { test } from 'node:test';
import { datelineOrder } from '../../../server/src/checks/dateline-order';
import { analysed, assertFindings, type Expected } from './textFixtures';

const NONE = { release: () => undefined, releases: () => [], releasesWithKey: () => [] };
const URI = 'file:///ws/press/2021-10-23-talks.txt';
const DATELINE = '\n\nPhnom Penh, 23 October 2021\n';

const rows: [string, string, Expected[]][] = [
  ['talks held two days after the release date', 'The two foreign ministers held talks on 25 October in Hanoi.' + DATELINE,
    [{ span: '25 October', severity: 'warning', words: ['“25 October” (25 October 2021) is reported as past (“held”)', 'dated earlier: 23 October 2021 (line 3)'] }]],
  ['an agreement signed, year written', 'The agreement was signed in Vientiane on 26 October 2021.' + DATELINE,
    [{ span: '26 October 2021', words: ['“signed”', '23 October 2021'] }]],
  ['"took place on"', 'The ceremony took place on 30 October 2021 at the Peace Palace.' + DATELINE,
    [{ span: '30 October 2021', words: ['“took place”'] }]],
  ['a sentence opening with the date, then a past verb', 'On 27 October 2021, the delegations exchanged views on trade.' + DATELINE,
    [{ span: '27 October 2021', words: ['“exchanged”'] }]],
  ['a range of days after the release date', 'The ministers met on 25-26 November 2021 in Siem Reap.' + DATELINE,
    [{ span: '25-26 November 2021', words: ['“met”'] }]],
  ['future: "will be held"', 'The summit will be held on 28 October 2021.' + DATELINE, []],
  ['future: readiness to host', 'Cambodia expressed its readiness to host the summit on 25-26 November 2021.' + DATELINE, []],
  ['future: "to be held"', 'They discussed the meeting to be held on 2 November 2021 in Hanoi.' + DATELINE, []],
  ['future: scheduled', 'The meeting was scheduled on 2 November 2021.' + DATELINE, []],
  ['a past event before the release date', 'The meeting took place on 21 October 2021 by video link.' + DATELINE, []],
  ['the release date itself', 'The ministers met on 23 October 2021.' + DATELINE, []],
  ['a date with no past report', 'The exhibition runs on 30 October 2021 at the museum.' + DATELINE, []],
  ['no year, far after the release date: probably last year', 'The two leaders signed the treaty on 20 December in Hanoi.' + DATELINE, []],
  ['a release with no date', 'The two foreign ministers held talks on 25 October 2021 in Hanoi.\n', []],
  ['a past verb a long way before the date is not its report',
    'The ministers stressed the importance of the commission and the meeting on 2 November 2021.' + DATELINE, []],
];

test('dateline-order: rows', () => {
  for (const [label, text, expected] of rows) {
    const release = analysed(URI, text);
    assertFindings(release, datelineOrder.run(release, NONE), expected, label, 'dateline-order');
  }
});

test('dateline-order: front matter dates the release too', () => {
  const uri = 'file:///ws/releases/talks.release.md';
  const text = '---\ndate: 2021-10-23\n---\n# Talks\n\nThe two foreign ministers held talks on 25 October 2021.\n';
  const release = analysed(uri, text);
  assertFindings(release, datelineOrder.run(release, NONE), [{ span: '25 October 2021', words: ['line 2'] }], 'front matter', 'dateline-order');
});

test('words of the future after the date do not change the tense of the verb before it', () => {
  const past = analysed('file:///p.release.txt', 'The ministers held talks in Vientiane on 26 October 2021 and signed a plan for the coming year.\n\nVientiane, 23 October 2021\n');
  assertFindings(past, datelineOrder.run(past, NONE), [{ span: '26 October 2021', words: ['held'] }], 'future words after the date', 'dateline-order');
  const future = analysed('file:///f.release.txt', 'The ministers will hold talks in Vientiane on 26 October 2021.\n\nVientiane, 23 October 2021\n');
  assertFindings(future, datelineOrder.run(future, NONE), [], 'future words before the date', 'dateline-order');
});
