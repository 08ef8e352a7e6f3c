// The dates extractor, row by row: sentences written for these tests, with the mentions a reader
// finds in them — every mention, in order, so a row also fails when the extractor finds a date
// that is not there. Then a differential test against chrono-node, an independent parser.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as chrono from 'chrono-node';
import { proseContext } from '../../server/src/analysis/text';
import { extractDates } from '../../server/src/analysis/dates';
import type { DateGranularity, DateMention, ReleaseDate } from '../../server/src/analysis/types';

interface Expected {
  readonly text: string;
  readonly from: string | null;
  readonly to: string | null;
  readonly granularity: DateGranularity;
  readonly relative: boolean;
  readonly needsReleaseDate?: boolean;
  /** The weekday the text states with the date: 0 = Sunday … 6 = Saturday, and its word. */
  readonly weekday?: readonly [number, string];
}

interface Row {
  readonly sentence: string;
  /** The release date the sentence is read against (ISO), or null for a release with no date. */
  readonly release: string | null;
  readonly dates: readonly Expected[];
}

const R = '2021-10-23'; // a Saturday

function day(text: string, iso: string, extra: Partial<Expected> = {}): Expected {
  return { text, from: iso, to: iso, granularity: 'day', relative: false, ...extra };
}
function span(text: string, from: string, to: string, granularity: DateGranularity, extra: Partial<Expected> = {}): Expected {
  return { text, from, to, granularity, relative: false, ...extra };
}
function rel(text: string, from: string, to: string, granularity: DateGranularity, extra: Partial<Expected> = {}): Expected {
  return { text, from, to, granularity, relative: true, needsReleaseDate: false, ...extra };
}
function unresolved(text: string, granularity: DateGranularity, extra: Partial<Expected> = {}): Expected {
  return { text, from: null, to: null, granularity, relative: true, needsReleaseDate: true, ...extra };
}
function vague(text: string): Expected {
  return { text, from: null, to: null, granularity: 'vague', relative: true, needsReleaseDate: false };
}

const ROWS: readonly Row[] = [
  // Full dates, both orders, abbreviations, numeric forms.
  { sentence: 'The talks took place on 21 October 2021 in the capital.', release: null, dates: [day('21 October 2021', '2021-10-21')] },
  { sentence: 'The agreement was signed on October 21, 2021, by both ministers.', release: null, dates: [day('October 21, 2021', '2021-10-21')] },
  { sentence: 'Officials met on Oct. 21, 2021 to review progress.', release: null, dates: [day('Oct. 21, 2021', '2021-10-21')] },
  { sentence: 'The visit ends on 21 Oct 2021.', release: null, dates: [day('21 Oct 2021', '2021-10-21')] },
  { sentence: 'The memorandum dated 21/10/2021 remains in force.', release: null, dates: [day('21/10/2021', '2021-10-21')] },
  { sentence: 'A note dated 10/21/2021 was circulated to both sides.', release: null, dates: [day('10/21/2021', '2021-10-21')] },
  { sentence: 'A note dated 05/11/2021 was circulated to both sides.', release: null, dates: [day('05/11/2021', '2021-11-05')] },
  { sentence: 'The record gives 2021-10-21 as the day of signing.', release: null, dates: [day('2021-10-21', '2021-10-21')] },
  { sentence: 'The minutes are dated 21.10.2021 and were approved.', release: null, dates: [day('21.10.2021', '2021-10-21')] },
  { sentence: 'The 21st of October 2021 was chosen for the ceremony.', release: null, dates: [day('21st of October 2021', '2021-10-21')] },
  { sentence: 'They met on 21October 2021 despite the storm.', release: null, dates: [day('21October 2021', '2021-10-21')] },
  { sentence: 'The report covers Dec. 2021 and the weeks after.', release: null, dates: [span('Dec. 2021', '2021-12-01', '2021-12-31', 'month')] },

  // Weekdays stated with a date: recorded as written, never corrected.
  {
    sentence: 'On Tuesday, 19 October 2021, the delegations arrived.', release: null,
    dates: [day('Tuesday, 19 October 2021', '2021-10-19', { weekday: [2, 'Tuesday'] })],
  },
  {
    sentence: 'On Monday, 21 October 2021, the ministers met.', release: null,
    dates: [day('Monday, 21 October 2021', '2021-10-21', { weekday: [1, 'Monday'] })],
  },
  {
    sentence: 'The forum opened on 3 March 2022 (Thursday) in the north.', release: null,
    dates: [day('3 March 2022 (Thursday)', '2022-03-03', { weekday: [4, 'Thursday'] })],
  },
  { sentence: 'The notice is dated Sat, 23 Oct 2021.', release: null, dates: [day('Sat, 23 Oct 2021', '2021-10-23', { weekday: [6, 'Sat'] })] },
  {
    sentence: 'The ministers met on Thursday (October 21) in the capital.', release: R,
    dates: [rel('Thursday (October 21)', '2021-10-21', '2021-10-21', 'day', { weekday: [4, 'Thursday'] })],
  },
  {
    sentence: 'The ministers met on Thursday (October 21) in the capital.', release: null,
    dates: [unresolved('Thursday (October 21)', 'day', { weekday: [4, 'Thursday'] })],
  },

  // Day ranges.
  { sentence: 'The summit is held on 25-26 November 2021 in the capital.', release: null, dates: [span('25-26 November 2021', '2021-11-25', '2021-11-26', 'range')] },
  { sentence: 'The summit is held on 25–26 November 2021 in the capital.', release: null, dates: [span('25–26 November 2021', '2021-11-25', '2021-11-26', 'range')] },
  { sentence: 'The fair runs November 10 to 13 in the capital.', release: '2022-11-09', dates: [rel('November 10 to 13', '2022-11-10', '2022-11-13', 'range')] },
  { sentence: 'The fair runs November 10 to 13 in the capital.', release: null, dates: [unresolved('November 10 to 13', 'range')] },
  { sentence: 'The summits run from 10 to 13 November 2022.', release: null, dates: [span('10 to 13 November 2022', '2022-11-10', '2022-11-13', 'range')] },
  { sentence: 'The exhibition runs 10 November – 2 December 2022 downtown.', release: null, dates: [span('10 November – 2 December 2022', '2022-11-10', '2022-12-02', 'range')] },
  { sentence: 'The games run November 10-13, 2022, in the stadium.', release: null, dates: [span('November 10-13, 2022', '2022-11-10', '2022-11-13', 'range')] },
  { sentence: 'The course runs between 3 and 5 May 2022 online.', release: null, dates: [span('3 and 5 May 2022', '2022-05-03', '2022-05-05', 'range')] },
  {
    sentence: 'The campaign ran from 28 December 2021 to 3 January 2022.', release: null,
    dates: [span('28 December 2021 to 3 January 2022', '2021-12-28', '2022-01-03', 'range')],
  },
  { sentence: 'The holiday runs 28 December – 3 January 2022.', release: null, dates: [span('28 December – 3 January 2022', '2021-12-28', '2022-01-03', 'range')] },

  // Months.
  { sentence: 'The commission is to meet in December 2021 in the capital.', release: null, dates: [span('December 2021', '2021-12-01', '2021-12-31', 'month')] },
  { sentence: 'The commission will meet in December.', release: R, dates: [rel('December', '2021-12-01', '2021-12-31', 'month')] },
  { sentence: 'The commission will meet in December.', release: null, dates: [unresolved('December', 'month')] },
  { sentence: 'Work resumes in mid-December.', release: R, dates: [rel('December', '2021-12-01', '2021-12-31', 'month')] },
  { sentence: 'Both sides may expand cooperation and march forward together.', release: R, dates: [] },
  { sentence: 'May the partnership prosper for generations.', release: R, dates: [] },
  { sentence: 'The forum met last December and meets again next March.', release: R, dates: [rel('last December', '2020-12-01', '2020-12-31', 'month'), rel('next March', '2022-03-01', '2022-03-31', 'month')] },
  { sentence: 'The ceremony is set for 21 October.', release: R, dates: [rel('21 October', '2021-10-21', '2021-10-21', 'day')] },
  { sentence: 'The ceremony is set for 21 October.', release: null, dates: [unresolved('21 October', 'day')] },

  // Years, and four-digit numbers that are not years.
  { sentence: 'Trade rose sharply in 2021.', release: null, dates: [span('2021', '2021-01-01', '2021-12-31', 'year')] },
  { sentence: 'Both countries named the Year 2022 a friendship year.', release: null, dates: [span('2022', '2022-01-01', '2022-12-31', 'year')] },
  { sentence: 'Cambodia holds the ASEAN Chairmanship 2022, the minister said.', release: null, dates: [span('2022', '2022-01-01', '2022-12-31', 'year')] },
  { sentence: 'Relations have grown steadily since 1967.', release: null, dates: [span('1967', '1967-01-01', '1967-12-31', 'year')] },
  { sentence: 'He praised the Chair of ASEANin 2022 for its work.', release: null, dates: [span('2022', '2022-01-01', '2022-12-31', 'year')] },
  { sentence: 'Ties deepened through the 1990s.', release: null, dates: [span('1990s', '1990-01-01', '1999-12-31', 'range')] },
  { sentence: 'The 2021–2025 plan was adopted.', release: null, dates: [span('2021–2025', '2021-01-01', '2025-12-31', 'range')] },
  { sentence: '2022 marks the 55th anniversary of diplomatic ties.', release: null, dates: [span('2022', '2022-01-01', '2022-12-31', 'year')] },
  { sentence: 'In 2022 tourists returned in large numbers.', release: null, dates: [span('2022', '2022-01-01', '2022-12-31', 'year')] },
  { sentence: 'The fund holds 2021 million USD for the projects.', release: null, dates: [] },
  { sentence: 'The province welcomed 2021 tourists last month.', release: R, dates: [rel('last month', '2021-09-01', '2021-09-30', 'month')] },
  { sentence: 'The fee is USD 2021 per application.', release: null, dates: [] },
  { sentence: 'The plant employs 2000 people on two shifts.', release: null, dates: [] },
  { sentence: 'The COVID-19 pandemic slowed trade for months.', release: null, dates: [] },
  { sentence: 'They marked the 55th anniversary with a concert.', release: null, dates: [] },
  { sentence: 'The 2 countries signed 11 documents at the ceremony.', release: null, dates: [] },
  { sentence: 'Flights resumed 12 months after the border reopened.', release: null, dates: [] },
  { sentence: 'The session ran from 10:30 to 12:00 at the ministry.', release: null, dates: [] },
  { sentence: 'Green H2 production and H1N1 vaccines were discussed.', release: null, dates: [] },
  { sentence: 'Resolution 2021/5 was adopted by consensus.', release: null, dates: [] },
  { sentence: 'Decree 2021/ND-CP and Decision No. 2021 took effect.', release: null, dates: [] },
  { sentence: 'The 2021/2022 school year opened late.', release: null, dates: [span('2021/2022', '2021-01-01', '2022-12-31', 'range')] },
  { sentence: 'The 2021-22 plan was adopted.', release: null, dates: [span('2021-22', '2021-01-01', '2022-12-31', 'range')] },
  { sentence: 'In the first half of the meeting, delegates spoke.', release: R, dates: [] },
  { sentence: 'The first six months after the launch were hard.', release: R, dates: [] },
  { sentence: 'Seven months of talks produced a draft.', release: R, dates: [] },
  { sentence: 'A quarter of the budget went to schools.', release: R, dates: [] },

  // Quarters, halves and periods counted from the start of a year.
  { sentence: 'Growth slowed in the third quarter of 2021.', release: null, dates: [span('the third quarter of 2021', '2021-07-01', '2021-09-30', 'quarter')] },
  {
    sentence: 'Exports rose in Q3 2021 and again in Q4/2021.', release: null,
    dates: [span('Q3 2021', '2021-07-01', '2021-09-30', 'quarter'), span('Q4/2021', '2021-10-01', '2021-12-31', 'quarter')],
  },
  { sentence: 'Imports fell in the first half of 2022.', release: null, dates: [span('the first half of 2022', '2022-01-01', '2022-06-30', 'half')] },
  { sentence: 'Investment recovered in H1 2022.', release: null, dates: [span('H1 2022', '2022-01-01', '2022-06-30', 'half')] },
  { sentence: 'Talks resume in the second half of the year.', release: R, dates: [rel('the second half of the year', '2021-07-01', '2021-12-31', 'half')] },
  {
    sentence: 'Trade reached 8 billion USD in the first nine months of this year.', release: '2022-11-09',
    dates: [rel('the first nine months of this year', '2022-01-01', '2022-09-30', 'period')],
  },
  {
    sentence: 'Trade reached 8 billion USD in the first nine months of this year.', release: null,
    dates: [unresolved('the first nine months of this year', 'period')],
  },
  { sentence: 'Trade reached USD 6 billion in just seven months of 2021.', release: null, dates: [span('seven months of 2021', '2021-01-01', '2021-07-31', 'period')] },
  { sentence: 'Arrivals doubled in the first six months.', release: R, dates: [rel('the first six months', '2021-01-01', '2021-06-30', 'period')] },
  { sentence: 'Figures for the January–September period were released.', release: '2022-11-09', dates: [rel('the January–September period', '2022-01-01', '2022-09-30', 'period')] },
  { sentence: 'Output grew in the first 10 months of 2022.', release: null, dates: [span('the first 10 months of 2022', '2022-01-01', '2022-10-31', 'period')] },
  { sentence: 'Exports peaked in the last quarter of 2021.', release: null, dates: [span('the last quarter of 2021', '2021-10-01', '2021-12-31', 'quarter')] },
  { sentence: 'Sales in January–September 2022 beat the forecast.', release: null, dates: [span('January–September 2022', '2022-01-01', '2022-09-30', 'period')] },
  { sentence: 'The survey ran from April to June 2022.', release: null, dates: [span('April to June 2022', '2022-04-01', '2022-06-30', 'range')] },

  // Relative forms, with and without a release date.
  { sentence: 'The visit is significant this year.', release: R, dates: [rel('this year', '2021-01-01', '2021-12-31', 'year')] },
  { sentence: 'The visit is significant this year.', release: null, dates: [unresolved('this year', 'year')] },
  { sentence: 'Trade grew faster than last year.', release: '2022-11-09', dates: [rel('last year', '2021-01-01', '2021-12-31', 'year')] },
  { sentence: 'The next round is planned for next year.', release: R, dates: [rel('next year', '2022-01-01', '2022-12-31', 'year')] },
  { sentence: 'Two agreements were signed this month.', release: R, dates: [rel('this month', '2021-10-01', '2021-10-31', 'month')] },
  { sentence: 'The border gate reopened last month.', release: '2022-01-15', dates: [rel('last month', '2021-12-01', '2021-12-31', 'month')] },
  { sentence: 'The border gate reopens next month.', release: '2021-12-10', dates: [rel('next month', '2022-01-01', '2022-01-31', 'month')] },
  {
    sentence: 'He arrived yesterday, speaks today and leaves tomorrow.', release: '2021-03-01',
    dates: [rel('yesterday', '2021-02-28', '2021-02-28', 'day'), rel('today', '2021-03-01', '2021-03-01', 'day'), rel('tomorrow', '2021-03-02', '2021-03-02', 'day')],
  },
  { sentence: 'The two ministers met on Tuesday.', release: R, dates: [rel('Tuesday', '2021-10-19', '2021-10-19', 'day', { weekday: [2, 'Tuesday'] })] },
  { sentence: 'The two ministers met on Tuesday.', release: null, dates: [unresolved('Tuesday', 'day', { weekday: [2, 'Tuesday'] })] },
  { sentence: 'The two ministers will meet again on Tuesday.', release: R, dates: [rel('Tuesday', '2021-10-26', '2021-10-26', 'day', { weekday: [2, 'Tuesday'] })] },
  { sentence: 'The statement was issued on Saturday.', release: R, dates: [rel('Saturday', '2021-10-23', '2021-10-23', 'day', { weekday: [6, 'Saturday'] })] },
  {
    sentence: 'They met last Saturday and meet again next Tuesday.', release: R,
    dates: [rel('last Saturday', '2021-10-16', '2021-10-16', 'day', { weekday: [6, 'Saturday'] }), rel('next Tuesday', '2021-10-26', '2021-10-26', 'day', { weekday: [2, 'Tuesday'] })],
  },
  {
    sentence: 'Experts met last week and report next week.', release: R,
    dates: [rel('last week', '2021-10-11', '2021-10-17', 'week'), rel('next week', '2021-10-25', '2021-10-31', 'week')],
  },
  { sentence: 'The summits open in the next few days.', release: '2022-11-09', dates: [rel('the next few days', '2022-11-10', '2022-11-16', 'range')] },
  { sentence: 'The summits open in the next few days.', release: null, dates: [unresolved('the next few days', 'range')] },
  { sentence: 'The plan is due in the current year.', release: R, dates: [rel('the current year', '2021-01-01', '2021-12-31', 'year')] },
  { sentence: 'Prices have eased over the last year.', release: R, dates: [] },
  { sentence: 'On Tuesday, the ministers will sign the agreement.', release: R, dates: [rel('Tuesday', '2021-10-26', '2021-10-26', 'day', { weekday: [2, 'Tuesday'] })] },
  { sentence: 'The ministers who met on Tuesday agreed to continue.', release: R, dates: [rel('Tuesday', '2021-10-19', '2021-10-19', 'day', { weekday: [2, 'Tuesday'] })] },
  { sentence: 'Exports rose this quarter.', release: R, dates: [rel('this quarter', '2021-10-01', '2021-12-31', 'quarter')] },
  { sentence: 'Growth should resume next quarter.', release: '2021-11-15', dates: [rel('next quarter', '2022-01-01', '2022-03-31', 'quarter')] },
  { sentence: 'Exports rose in Q3 of this year.', release: R, dates: [rel('Q3 of this year', '2021-07-01', '2021-09-30', 'quarter')] },
  { sentence: 'Talks continue in the coming weeks.', release: R, dates: [rel('the coming weeks', '2021-10-24', '2021-11-20', 'range')] },
  { sentence: 'Talks continue over the next two weeks.', release: R, dates: [rel('the next two weeks', '2021-10-24', '2021-11-06', 'range')] },
  { sentence: 'The two sides met this week.', release: R, dates: [rel('this week', '2021-10-18', '2021-10-24', 'week')] },
  { sentence: 'He invited his host to visit at an early date.', release: null, dates: [vague('at an early date')] },
  { sentence: 'A new border gate will open in the near future.', release: R, dates: [vague('in the near future')] },
  { sentence: 'The treaty will be ratified soon.', release: null, dates: [vague('soon')] },
  { sentence: 'They will sign as soon as they can.', release: null, dates: [] },
  { sentence: 'They looked forward to signing it at the earliest opportunity.', release: null, dates: [vague('at the earliest opportunity')] },
  { sentence: 'The company has 198 projects at present.', release: null, dates: [unresolved('at present', 'day')] },
  { sentence: 'The company has 198 projects at present.', release: R, dates: [rel('at present', '2021-10-23', '2021-10-23', 'day')] },
];

function releaseOf(iso: string | null): ReleaseDate | null {
  return iso === null ? null : { date: iso, source: 'dateline', start: 0, end: 0, text: '' };
}

function extract(sentence: string, release: string | null): DateMention[] {
  return extractDates(proseContext(sentence, 'file:///fixture.release.txt'), releaseOf(release));
}

function actual(sentence: string, m: DateMention): Expected {
  assert.equal(m.text, sentence.slice(m.start, m.end), `span of '${m.text}'`);
  return {
    text: m.text,
    from: m.from,
    to: m.to,
    granularity: m.granularity,
    relative: m.relative,
    ...(m.relative ? { needsReleaseDate: m.needsReleaseDate ?? false } : {}),
    ...(m.weekday ? { weekday: [m.weekday.day, m.weekday.text] as const } : {}),
  };
}

test('dates: the extractor finds exactly the dates of each sentence', async (t) => {
  assert.ok(ROWS.length >= 60, `${ROWS.length} rows`);
  for (const row of ROWS) {
    await t.test(`${row.release ?? 'no date'} | ${row.sentence}`, () => {
      const found = extract(row.sentence, row.release).map((m) => actual(row.sentence, m));
      assert.deepEqual(found, row.dates);
    });
  }
});

test('dates: a stated weekday keeps its own span', () => {
  const sentence = 'On Monday, 21 October 2021, the ministers met.';
  const [m] = extract(sentence, null);
  assert.ok(m?.weekday);
  assert.equal(sentence.slice(m.weekday.start, m.weekday.end), 'Monday');
});

test('dates: resolutions say what a relative date resolved against, or why it could not', () => {
  const [thisYear] = extract('The visit is significant this year.', R);
  assert.equal(thisYear?.resolution, "'this year' → 2021, from the release date 2021-10-23 (dateline)");
  const [unres] = extract('The visit is significant this year.', null);
  assert.equal(unres?.resolution, 'no release date: the release states no date of its own');
  const [few] = extract('The summits open in the next few days.', '2022-11-09');
  assert.match(few?.resolution ?? '', /estimate/);
  const [early] = extract('He invited his host to visit at an early date.', R);
  assert.equal(early?.needsReleaseDate, false);
  assert.equal(early?.from, null);
  const fm: ReleaseDate = { date: '2021-10-23', source: 'front-matter', start: 0, end: 0, text: '' };
  const [tuesday] = extractDates(proseContext('The ministers met on Tuesday.', 'file:///a.release.txt'), fm);
  assert.equal(tuesday?.resolution, "'Tuesday' → 2021-10-19, from the release date 2021-10-23 (front matter): the nearest Tuesday on or before the release date");
});

test('dates: Markdown syntax is not part of a date, and spans stay document offsets', () => {
  const text = '---\ndate: 2021-10-23\n---\n\n# Outcome\n\nThe summit is held on **25-26 November 2021** in `2020` code.\n';
  const mentions = extractDates(proseContext(text, 'file:///x.release.md'), null);
  assert.deepEqual(mentions.map((m) => [m.text, text.slice(m.start, m.end), m.from]), [['25-26 November 2021', '25-26 November 2021', '2021-11-25']]);
});

test('dates: odd input gives results, never an exception', () => {
  const inputs = ['', '\u0000\u0000', '\ud800 2021 \udfff', '1'.repeat(100_000), '1,1,'.repeat(20_000), ' - '.repeat(10_000),
    'the first '.repeat(5000), '21 October '.repeat(3000), 'Q', 'Q3/', '31 February 2021', '0/0/0000', '99/99/2021', 'next', 'the last'];
  for (const input of inputs) {
    const mentions = extractDates(proseContext(input, 'file:///odd.txt'), releaseOf(R));
    for (const m of mentions) assert.equal(m.text, input.slice(m.start, m.end));
  }
  assert.deepEqual(extract('Dated 99/99/2021 and 31 February.', R).map((m) => m.text), []);
});

// ---------------------------------------------------------------------------------------------
// chrono-node as an independent oracle: every full date it finds (day, month and year all stated)
// must be covered by one of our mentions that starts on the same day (or, for a range it reads
// as its last day only, ends on it).

test('dates: every full date chrono-node finds is found with the same day', () => {
  const sentences = ROWS.map((row) => row.sentence);
  let compared = 0;
  for (const sentence of sentences) {
    const mentions = extract(sentence, R);
    const reference = new Date(Date.UTC(2021, 9, 23, 12));
    for (const result of chrono.en.GB.parse(sentence, reference)) {
      const s = result.start;
      const known = (s as unknown as { knownValues: Record<string, number> }).knownValues;
      if (known['day'] === undefined || known['month'] === undefined || known['year'] === undefined) continue;
      // A full date states its year: "the weeks after" gets known values from the reference date.
      if (!result.text.includes(String(known['year']))) continue;
      const iso = `${String(s.get('year')).padStart(4, '0')}-${String(s.get('month')).padStart(2, '0')}-${String(s.get('day')).padStart(2, '0')}`;
      const start = result.index;
      const end = result.index + result.text.length;
      // chrono-node reads "between 3 and 5 May 2022" as the one date "5 May 2022": our range ends on that day.
      const covering = mentions.find((m) => m.start < end && m.end > start && (m.from === iso || (m.granularity === 'range' && m.to === iso)));
      assert.ok(covering, `chrono-node found '${result.text}' (${iso}) in: ${sentence}\nwe found: ${JSON.stringify(mentions.map((m) => [m.text, m.from]))}`);
      compared++;
    }
  }
  assert.ok(compared >= 15, `only ${compared} full dates compared`);
});

test('full month names in lower case count next to a day or a year; "may" and "march" in lower case never do', () => {
  const rows: [string, [string, string, string][]][] = [
    ['the wire copy said april 22, 2016 in lower case', [['april 22, 2016', '2016-04-22', '2016-04-22']]],
    ['trade rose in august 2020', [['august 2020', '2020-08-01', '2020-08-31']]],
    ['we may 22 times ask', []],
    ['they march 3 abreast', []],
  ];
  for (const [sentence, expected] of rows) {
    assert.deepEqual(extract(sentence, null).map((m) => [m.text, m.from, m.to]), expected, sentence);
  }
});
