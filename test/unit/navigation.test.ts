// Navigation on an in-memory workspace: references and definitions of parties and metrics across
// releases, highlights, workspace symbols, code lenses over figures other releases state, and
// inlay hints for relative dates.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  definition,
  figureLenses,
  symbolMatch,
  highlights,
  references,
  relativeDateHints,
  workspaceSymbols,
  type NavLocation,
} from '../../server/src/features/navigation';
import { outline } from '../../server/src/features/outline';
import { hoverAt } from '../../server/src/features/hover';
import { inMemoryWorkspace } from './inMemoryWorkspace';

const A = `---
date: 2021-03-01
---

Viet Nam and Cambodia reviewed their trade. Two-way trade between Cambodia and Viet Nam reached USD 5.20 billion in 2020.
`;

const B = `---
date: 2022-02-10
---

Two-way trade between Cambodia and Viet Nam reached USD 8.32 billion in 2021, up 60% on 2020.

Both countries are members of the Association of Southeast Asian Nations (ASEAN). ASEAN welcomed the figures.
`;

const C = `---
date: 2022-03-01
---

Officials of Viet Nam said two-way trade between Cambodia and Viet Nam reached USD 8.3 billion in 2021, and that it would grow again this year.
`;

const ws = inMemoryWorkspace({ 'a.release.md': A, 'b.release.md': B, 'c.release.md': C });

/** Each location as "file:text", for comparison. */
function named(locations: readonly NavLocation[]): string[] {
  return locations
    .map((l) => {
      const file = l.uri.slice(l.uri.lastIndexOf('/') + 1);
      return `${file}:${ws.release(file).text.slice(l.start, l.end)}`;
    })
    .sort();
}

function at(file: string, needle: string, occurrence = 0): number {
  const text = ws.release(file).text;
  let index = -1;
  for (let i = 0; i <= occurrence; i++) index = text.indexOf(needle, index + 1);
  assert.ok(index >= 0, `${needle} in ${file}`);
  return index + 1;
}

test('references to a party: every mention in every release that names it', () => {
  const found = references(ws.release('c.release.md').analysis, at('c.release.md', 'Viet Nam'), ws.view);
  // a: 2, b: 1, c: 2.
  assert.deepEqual(named(found), [
    'a.release.md:Viet Nam',
    'a.release.md:Viet Nam',
    'b.release.md:Viet Nam',
    'c.release.md:Viet Nam',
    'c.release.md:Viet Nam',
  ]);
});

test('references to a metric: every figure of that metric and pair, any period, across releases', () => {
  const found = references(ws.release('a.release.md').analysis, at('a.release.md', 'USD 5.20'), ws.view);
  assert.deepEqual(named(found), [
    'a.release.md:USD 5.20 billion',
    'b.release.md:60%',
    'b.release.md:USD 8.32 billion',
    'c.release.md:USD 8.3 billion',
  ]);
});

test('references on plain words find nothing', () => {
  assert.deepEqual(references(ws.release('a.release.md').analysis, at('a.release.md', 'reviewed'), ws.view), []);
});

test('definition of a party: where its acronym is defined, else its first mention in the release', () => {
  const b = ws.release('b.release.md');
  const acronym = definition(b.analysis, at('b.release.md', 'ASEAN welcomed'), ws.view);
  assert.ok(acronym);
  assert.equal(b.text.slice(acronym.start, acronym.end), 'Association of Southeast Asian Nations (ASEAN)');
  const c = ws.release('c.release.md');
  const first = definition(c.analysis, at('c.release.md', 'Viet Nam', 1), ws.view);
  assert.ok(first);
  assert.equal(first.start, c.text.indexOf('Viet Nam'));
});

test('definition of a party whose acronym this release never spells out: the earliest release that does', () => {
  const spelled = (date: string, where: string): string =>
    `---\ndate: ${date}\n---\n\nViet Nam attended the meeting ${where} of the Association of Southeast Asian Nations (ASEAN).\n`;
  const bare = '---\ndate: 2023-05-02\n---\n\nCambodia thanked ASEAN for its support.\n';
  const ws2 = inMemoryWorkspace({ 'late.release.md': spelled('2023-01-09', 'in Jakarta'), 'early.release.md': spelled('2022-04-11', 'in Hanoi'), 'bare.release.md': bare });
  const found = definition(ws2.release('bare.release.md').analysis, bare.indexOf('ASEAN') + 1, ws2.view);
  assert.ok(found);
  assert.equal(found.uri, ws2.uri('early.release.md'));
  assert.equal(ws2.release('early.release.md').text.slice(found.start, found.end), 'Association of Southeast Asian Nations (ASEAN)');
  // The hover names the same release (the later one comes first among the peers as filed).
  const card = hoverAt(ws2.release('bare.release.md').analysis, bare.indexOf('ASEAN') + 1, ws2.view)?.markdown ?? '';
  assert.match(card, /- Acronym defined in \[early\.release\.md:5\]/, card);
  // Alone, the release's own first mention is where the party is introduced.
  const alone = inMemoryWorkspace({ 'bare.release.md': bare });
  const own = definition(alone.release('bare.release.md').analysis, bare.indexOf('ASEAN') + 1, alone.view);
  assert.deepEqual(own && { uri: own.uri, text: bare.slice(own.start, own.end) }, { uri: alone.uri('bare.release.md'), text: 'ASEAN' });
});

test('definition of a figure: the same claim in the earliest release that states it', () => {
  const found = definition(ws.release('c.release.md').analysis, at('c.release.md', 'USD 8.3 billion'), ws.view);
  assert.deepEqual(found && named([found]), ['b.release.md:USD 8.32 billion']);
});

test('highlights: the party, or the metric and pair, in this release only', () => {
  const a = ws.release('a.release.md');
  const spans = highlights(a.analysis, at('a.release.md', 'Cambodia'));
  assert.deepEqual(spans.map((s) => a.text.slice(s.start, s.end)), ['Cambodia', 'Cambodia']);
  const b = ws.release('b.release.md');
  assert.deepEqual(highlights(b.analysis, at('b.release.md', '60%')).map((s) => b.text.slice(s.start, s.end)), ['USD 8.32 billion', '60%']);
});

test('workspace symbols: parties and metric series, matched loosely', () => {
  const count = (key: string): number => [...ws.view.peers(key)].length;
  const viet = workspaceSymbols('viet', ws.view, count);
  assert.deepEqual(viet.map((s) => [s.name, s.kind, s.detail]).sort(), [
    ['Viet Nam', 'country', 'country · 3 releases'],
    ['two-way trade · Cambodia–Viet Nam', 'metric', 'metric · 3 releases'],
  ]);
  const trade = workspaceSymbols('two-way trade', ws.view, count);
  assert.deepEqual(trade.map((s) => [s.name, s.detail]), [['two-way trade · Cambodia–Viet Nam', 'metric · 3 releases']]);
  assert.ok(workspaceSymbols('', ws.view, count).length >= 4);
});

test('symbolMatch: a name that starts with the query first, then a word, then anywhere, then letters in order', () => {
  const rows: [string, string, number | null][] = [
    ['viet', 'Việt Nam', 0],
    ['VIET N', 'Viet Nam', 0],
    ['nam', 'Viet Nam', 1],
    ['trade', 'two-way trade · Cambodia–Viet Nam', 1],
    ['etna', 'Viet Nam', 2],
    ['vn', 'Viet Nam', 3],
    ['asean', 'Association of Southeast Asian Nations', 3],
    ['trade', 'Cambodia', null],
    ['', 'anything', 0],
    ['nv', 'Viet Nam', null],
  ];
  for (const [query, name, expected] of rows) assert.equal(symbolMatch(query, name), expected, `${query} ~ ${name}`);
});

test('workspace symbols: the best matches come first, then the most stated', () => {
  const count = (key: string): number => [...ws.view.peers(key)].length;
  // "Viet Nam" starts with "viet"; the trade series only has it as a word: the country first.
  assert.deepEqual(workspaceSymbols('viet', ws.view, count).map((s) => s.name), ['Viet Nam', 'two-way trade · Cambodia–Viet Nam']);
  // With no query, the parties stated in the most releases come first: Cambodia (3) before ASEAN (1).
  const all = workspaceSymbols('', ws.view, count).map((s) => s.name);
  assert.ok(all.indexOf('Cambodia') < all.indexOf('Association of Southeast Asian Nations'), all.join('\n'));
});

test('code lens: over each figure whose claim other releases state, with their places', () => {
  const lenses = figureLenses(ws.release('b.release.md').analysis, ws.view);
  const b = ws.release('b.release.md');
  // The 2021 level is in c too; the 2020 level (a) is not b's claim; the change "up 60%" no other release states.
  assert.deepEqual(
    lenses.map((l) => [b.text.slice(l.span.start, l.span.end), l.title, named(l.locations)]),
    [['USD 8.32 billion', 'stated in 1 other release', ['c.release.md:USD 8.3 billion']]],
  );
  assert.deepEqual(figureLenses(ws.release('a.release.md').analysis, ws.view), []);
});

test('inlay hints: the value of each resolved relative date', () => {
  const c = ws.release('c.release.md');
  const hints = relativeDateHints(c.analysis);
  assert.deepEqual(hints.map((h) => [c.text.slice(0, h.offset).endsWith('this year'), h.label]), [[true, '→ 2022']]);
  assert.deepEqual(relativeDateHints(c.analysis, { start: 0, end: 10 }), []);
  // Months and days as the hovers and the checks' messages write them.
  const text = '---\ndate: 2021-10-23\n---\n\nExports rose last month. The ministers met on Tuesday.\n';
  const d = inMemoryWorkspace({ 'd.release.md': text }).release('d.release.md');
  assert.deepEqual(relativeDateHints(d.analysis).map((h) => h.label), ['→ September 2021', '→ 19 October 2021']);
});

test('the outline groups figures by metric and parties, figures of no known metric after them', () => {
  const uri = 'file:///ws/releases/d.release.md';
  const text = `${B.trimEnd()} The two leaders also planted 300 trees.\n`;
  const d = inMemoryWorkspace({ 'd.release.md': text }).release('d.release.md');
  assert.equal(d.uri, uri);
  const figures = outline(d.analysis).find((n) => n.name === 'Figures');
  assert.ok(figures);
  const trees = d.analysis.figures.find((f) => f.text.startsWith('300'));
  assert.ok(trees, 'the count of trees is a figure');
  assert.deepEqual(
    figures.children.map((n) => [n.name, n.children.map((c) => c.name)]),
    [
      ['two-way trade · Cambodia–Viet Nam', ['USD 8.32 billion', '60%']],
      [trees.text, []],
    ],
  );
});
