// The release date: front matter `date:`, a signature dateline at the end, a dateline or a date
// line at the top — in that order of precedence — or none. Releases written for these tests.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { proseContext } from '../../server/src/analysis/text';
import { extractDates, findReleaseDate } from '../../server/src/analysis/dates';
import type { ReleaseDateSource } from '../../server/src/analysis/types';

interface Row {
  readonly name: string;
  readonly uri: string;
  readonly text: string;
  /** Expected date, source and the text it was read from; null when the release states no date. */
  readonly expected: readonly [string, ReleaseDateSource, string] | null;
}

const BODY = 'The two ministers reviewed cooperation in trade, investment, education, tourism and border affairs, and agreed to ' +
  'hold the next round of consultations in the capital at a date to be set through diplomatic channels, the statement said.';

const ROWS: readonly Row[] = [
  {
    name: 'front matter, ISO date',
    uri: 'file:///x.release.md',
    text: `---\ntitle: Outcome of the consultations\ndate: 2021-10-23\n---\n\n# Outcome\n\n${BODY}\n`,
    expected: ['2021-10-23', 'front-matter', '2021-10-23'],
  },
  {
    name: 'front matter, written date in quotes',
    uri: 'file:///x.release.md',
    text: `---\ndate: "23 October 2021"\n---\n\n${BODY}\n`,
    expected: ['2021-10-23', 'front-matter', '23 October 2021'],
  },
  {
    name: 'front matter, date with a time',
    uri: 'file:///x.release.md',
    text: `---\ndate: 2022-11-09T08:30:00+07:00\n---\n\n${BODY}\n`,
    expected: ['2022-11-09', 'front-matter', '2022-11-09T08:30:00+07:00'],
  },
  {
    name: 'front matter wins over a dateline at the top and a signature at the end',
    uri: 'file:///x.release.md',
    text: `---\ndate: 2021-10-25\n---\n\nHanoi, 22 October 2021\n\n${BODY}\n\nPhnom Penh, 23 October 2021\n`,
    expected: ['2021-10-25', 'front-matter', '2021-10-25'],
  },
  {
    name: 'a front-matter date that is no date falls through to the dateline',
    uri: 'file:///x.release.md',
    text: `---\ndate: to be confirmed\n---\n\nPhnom Penh, 23 October 2021\n\n${BODY}\n`,
    expected: ['2021-10-23', 'dateline', 'Phnom Penh, 23 October 2021'],
  },
  {
    name: 'dateline at the top of a plain-text release',
    uri: 'file:///x.release.txt',
    text: `JOINT PRESS RELEASE\n\nPhnom Penh, 23 October 2021\n\n${BODY}\n`,
    expected: ['2021-10-23', 'dateline', 'Phnom Penh, 23 October 2021'],
  },
  {
    name: 'a signature dateline at the end wins over an event line near the top',
    uri: 'file:///x.release.txt',
    text: `PRESS RELEASE\n\nOUTCOMES OF THE CONSULTATIONS\n\nVideo Conference, 21 October 2021\n\n* * *\n\n${BODY}\n\n${BODY}\n\nPhnom Penh, 23 October 2021\n\n`,
    expected: ['2021-10-23', 'dateline', 'Phnom Penh, 23 October 2021'],
  },
  {
    name: 'a signature in month-first order with a trailing full stop',
    uri: 'file:///x.release.txt',
    text: `${BODY}\n\nNew York, October 23, 2021.\n`,
    expected: ['2021-10-23', 'dateline', 'New York, October 23, 2021'],
  },
  {
    name: 'a date line under the title, with a weekday',
    uri: 'file:///x.release.txt',
    text: `JOINT STATEMENT\n\nTuesday, 19 October 2021\n\n${BODY}\n`,
    expected: ['2021-10-19', 'date-line', 'Tuesday, 19 October 2021'],
  },
  {
    name: 'a date line in month-first order',
    uri: 'file:///x.release.txt',
    text: `JOINT STATEMENT\nOctober 19, 2021\n\n${BODY}\n`,
    expected: ['2021-10-19', 'date-line', 'October 19, 2021'],
  },
  {
    name: 'the first of a dateline and a date line at the top wins',
    uri: 'file:///x.release.txt',
    text: `JOINT STATEMENT\n\n19 October 2021\n\nVientiane, 20 October 2021\n\n${BODY}\n`,
    expected: ['2021-10-19', 'date-line', '19 October 2021'],
  },
  {
    name: 'a dateline in bold under a Markdown heading',
    uri: 'file:///x.release.md',
    text: `# Joint statement\n\n**Phnom Penh, 23 October 2021**\n\n${BODY}\n`,
    expected: ['2021-10-23', 'dateline', 'Phnom Penh, 23 October 2021'],
  },
  {
    name: 'a news-agency dateline with its year opens the first paragraph',
    uri: 'file:///x.release.txt',
    text: `Hanoi, 23 October 2021 (VNA) – ${BODY}\n`,
    expected: ['2021-10-23', 'dateline', 'Hanoi, 23 October 2021'],
  },
  {
    name: 'a news-agency dateline without a year gives no date',
    uri: 'file:///x.release.txt',
    text: `Hanoi, October 23 (VNA) – ${BODY}\n`,
    expected: null,
  },
  {
    name: 'no date anywhere',
    uri: 'file:///x.release.txt',
    text: `At their talks in the capital, the two leaders agreed to deepen ties this year.\n${BODY}\n`,
    expected: null,
  },
  {
    name: 'a date inside a sentence is not a release date',
    uri: 'file:///x.release.txt',
    text: `On 21 October 2021, the two ministers met by video link.\n\n${BODY}\n`,
    expected: null,
  },
  {
    name: 'an empty document',
    uri: 'file:///x.release.md',
    text: '',
    expected: null,
  },
];

test('release date: each source and the order of precedence', async (t) => {
  for (const row of ROWS) {
    await t.test(row.name, () => {
      const found = findReleaseDate(proseContext(row.text, row.uri));
      if (row.expected === null) {
        assert.equal(found, null);
        return;
      }
      assert.ok(found, 'a release date');
      assert.deepEqual([found.date, found.source, found.text], row.expected);
      assert.equal(found.text, row.text.slice(found.start, found.end));
    });
  }
});

test('release date: the signature line is the one at the end, not the event line', () => {
  const text = `Video Conference, 21 October 2021\n\n${BODY}\n\nPhnom Penh, 23 October 2021\n`;
  const found = findReleaseDate(proseContext(text, 'file:///x.release.txt'));
  assert.equal(found?.start, text.lastIndexOf('Phnom Penh'));
});

test('release date: relative dates resolve against it and name its source', () => {
  const text = `Phnom Penh, 23 October 2021\n\nTrade grew this year and will grow next year.\n`;
  const context = proseContext(text, 'file:///x.release.txt');
  const release = findReleaseDate(context);
  const dates = extractDates(context, release);
  assert.deepEqual(dates.map((d) => [d.text, d.from, d.to, d.resolution]), [
    ['23 October 2021', '2021-10-23', '2021-10-23', undefined],
    ['this year', '2021-01-01', '2021-12-31', "'this year' → 2021, from the release date 2021-10-23 (dateline)"],
    ['next year', '2022-01-01', '2022-12-31', "'next year' → 2022, from the release date 2021-10-23 (dateline)"],
  ]);
});

test('release date: odd input never throws', () => {
  for (const text of ['\u0000', ',\n,\n,', 'A, 1', 'A B C D E, 21 October 2021', 'Tuesday,', '---\ndate:\n---\n', '---\ndate: 2021-02-30\n---\n']) {
    for (const uri of ['file:///x.release.md', 'file:///x.release.txt']) {
      const found = findReleaseDate(proseContext(text, uri));
      if (found) assert.equal(found.text, text.slice(found.start, found.end));
    }
  }
  assert.equal(findReleaseDate(proseContext('---\ndate: 2021-02-30\n---\n', 'file:///x.release.md')), null);
  // Five capitalised words are a sentence, not a place.
  assert.equal(findReleaseDate(proseContext('Our Friends From The North, 21 October 2021\n', 'file:///x.release.txt')), null);
});
