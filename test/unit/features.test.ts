// Hover cards, outline and token classes built from hand-written analyses: what a reviewer reads.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { DateMention, DocumentAnalysis, Figure, PartyMention, PartySummary } from '../../server/src/analysis/types';
import { computeLineStarts } from '../../server/src/analysis/text';
import { hoverAt } from '../../server/src/features/hover';
import { outline } from '../../server/src/features/outline';
import { classify } from '../../server/src/features/tokens';
import { describeDistance, formatFigureValue, formatScaled, weekdayOf } from '../../server/src/features/format';
import { ordinal } from '../../server/src/checks/textual';

const TEXT = 'Phnom Penh, 23 October 2021\nTrade topped 9.5 billion USD in 2021 with Viet Nam and Vietnam, on Tuesday, 21 October 2021.';

function span(needle: string, occurrence = 0): { start: number; end: number; text: string } {
  let start = -1;
  for (let i = 0; i <= occurrence; i++) start = TEXT.indexOf(needle, start + 1);
  assert.ok(start >= 0, `${needle} not in fixture`);
  return { start, end: start + needle.length, text: needle };
}

const money: Figure = {
  ...span('9.5 billion USD'),
  kind: 'money',
  value: 9.5e9,
  unit: 'USD',
  resolution: 1e8,
  qualifier: 'at-least',
  qualifierText: 'topped',
  modality: 'actual',
};
const release: DateMention = { ...span('23 October 2021'), from: '2021-10-23', to: '2021-10-23', granularity: 'day', relative: false };
const year: DateMention = { ...span('2021', 1), from: '2021-01-01', to: '2021-12-31', granularity: 'year', relative: false };
const wrongWeekday: DateMention = {
  ...span('Tuesday, 21 October 2021'),
  from: '2021-10-21',
  to: '2021-10-21',
  granularity: 'day',
  relative: false,
  weekday: { ...span('Tuesday'), day: 2 },
};
const vietNam: PartyMention = { ...span('Viet Nam'), id: 'VNM', name: 'Viet Nam', kind: 'country' };
const vietnam: PartyMention = { ...span('Vietnam'), id: 'VNM', name: 'Viet Nam', kind: 'country' };
const summary: PartySummary = { id: 'VNM', name: 'Viet Nam', kind: 'country', iso2: 'VN', iso3: 'VNM', forms: ['Viet Nam', 'Vietnam'], titles: [], mentionCount: 2 };

const analysis: DocumentAnalysis = {
  uri: 'file:///r.release.txt',
  format: 'plain',
  length: TEXT.length,
  releaseDate: { start: 0, end: 27, date: '2021-10-23', source: 'dateline', text: 'Phnom Penh, 23 October 2021' },
  figures: [money],
  dates: [release, year, wrongWeekday].sort((a, b) => a.start - b.start),
  parties: [vietNam, vietnam],
  partySummaries: [summary],
  lineStarts: computeLineStarts(TEXT),
  claims: [],
};

test('a money hover states the value in full, the scale, the qualifier with its words, the precision and the modality', () => {
  const card = hoverAt(analysis, money.start + 2);
  assert.ok(card);
  assert.equal(card.span.start, money.start);
  assert.match(card.markdown, /\*\*USD 9,500,000,000\*\*/);
  assert.match(card.markdown, /USD 9\.5 billion/);
  assert.match(card.markdown, /at least \(“topped”\)/);
  assert.match(card.markdown, /to the nearest 100 million, so between 9\.45 billion and 9\.55 billion/);
  assert.match(card.markdown, /actual/);
});

test('a date hover gives the weekday and the distance to the release date, and flags a wrong weekday', () => {
  const card = hoverAt(analysis, wrongWeekday.start + 12);
  assert.ok(card);
  assert.match(card.markdown, /2021-10-21/);
  assert.match(card.markdown, /Thursday/);
  assert.match(card.markdown, /says Tuesday/);
  assert.match(card.markdown, /2 days before this release's dateline, 23 October 2021/);
});

test('the release date says it is the release date', () => {
  const card = hoverAt(analysis, release.start + 1);
  assert.match(card?.markdown ?? '', /release's own date \(dateline\)/);
});

test('a year hover gives the whole interval', () => {
  const card = hoverAt(analysis, year.start + 1);
  assert.match(card?.markdown ?? '', /2021-01-01 → 2021-12-31/);
});

test('a party hover gives the canonical name, kind, codes and each written form with its count', () => {
  const card = hoverAt(analysis, vietnam.start + 1);
  assert.ok(card);
  assert.match(card.markdown, /\*\*Viet Nam\*\* · country · VN \/ VNM/);
  assert.match(card.markdown, /“Viet Nam” ×1, “Vietnam” ×1/);
  assert.match(card.markdown, /2 mentions/);
});

test('no hover between items', () => {
  assert.equal(hoverAt(analysis, TEXT.indexOf('Trade') + 1), null);
});

test('the outline groups parties (one per party), figures and dates', () => {
  const nodes = outline(analysis);
  assert.deepEqual(nodes.map((n) => n.name), ['Parties', 'Figures', 'Dates']);
  assert.deepEqual(nodes[0]!.children.map((c) => c.name), ['Viet Nam']);
  assert.equal(nodes[0]!.children[0]!.kind, 'country');
  assert.deepEqual(nodes[1]!.children.map((c) => c.detail), ['USD 9,500,000,000 (at-least)']);
  assert.equal(nodes[2]!.children.length, 3);
});

test('token classes carry the kind modifiers and never overlap', () => {
  const spans = classify(analysis);
  const moneySpan = spans.find((s) => s.start === money.start);
  assert.deepEqual(moneySpan?.modifiers, ['money', 'approximate']);
  const partySpan = spans.find((s) => s.start === vietNam.start);
  assert.deepEqual(partySpan?.modifiers, ['country']);
  for (let i = 1; i < spans.length; i++) assert.ok(spans[i]!.start >= spans[i - 1]!.end);
  // "Tuesday, 21 October 2021" contains no other token; the year inside the money sentence is its own.
  assert.equal(spans.filter((s) => s.type === 'date').length, 3);
});

test('formatting for people', () => {
  const rows: [string, string][] = [
    [formatScaled(5.33e9), '5.33 billion'],
    [formatScaled(63.42e6), '63.42 million'],
    [formatScaled(2e12), '2 trillion'],
    [formatScaled(950), '950'],
    [ordinal(1), '1st'],
    [ordinal(2), '2nd'],
    [ordinal(13), '13th'],
    [ordinal(41), '41st'],
    [ordinal(112), '112th'],
    [weekdayOf('2021-10-21') ?? '', 'Thursday'],
    [weekdayOf('1967-06-24') ?? '', 'Saturday'],
    [weekdayOf('2024-02-29') ?? '', 'Thursday'],
    [describeDistance('2021-10-21', '2021-10-23') ?? '', '2 days before'],
    [describeDistance('2021-10-24', '2021-10-23') ?? '', '1 day after'],
    [describeDistance('2021-10-23', '2021-10-23') ?? '', 'the same day as'],
    [describeDistance('1967-06-24', '2022-06-24') ?? '', 'about 55 years before'],
    [formatFigureValue({ ...money, kind: 'percent', unit: '%', value: 10, valueTo: 15 }), '10–15%'],
    [formatFigureValue({ ...money, kind: 'count', unit: 'projects', value: 198 }), '198 projects'],
  ];
  for (const [actual, expected] of rows) assert.equal(actual, expected);
});
