// Hover cards with workspace context, on an in-memory workspace of releases written for these
// tests: the table of the same metric for the same parties in other releases, the change against
// the previous period and whether stated changes agree, findings on a figure, the same day in other
// releases, and a party's forms and titles across releases.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { hoverAt } from '../../server/src/features/hover';
import { lineLink, previousYear } from '../../server/src/features/hoverContext';
import { inMemoryWorkspace, type InMemoryWorkspace } from './inMemoryWorkspace';

const A = `---
date: 2021-03-01
---

Deputy Minister of Foreign Affairs TRAN Van Binh of Viet Nam met officials of Cambodia in Phnom Penh.

Two-way trade between Cambodia and Viet Nam reached USD 5.20 billion in 2020.
`;

const B = `---
date: 2022-02-10
---

Two-way trade between Cambodia and Viet Nam reached USD 8.32 billion in 2021, up 60% on 2020.

The two sides will meet again on 15 February 2022.
`;

const C = `---
date: 2022-03-01
---

Vice Minister of Foreign Affairs TRAN Van Binh of Viet Nam said that two-way trade between Cambodia and Viet Nam reached USD 8.3 billion in 2021, up 20% on 2020.

The ministers met on 15 February 2022.
`;

const LONE = `---
date: 2022-03-01
---

Two-way trade between Laos and Thailand reached USD 3.1 billion in 2021.
`;

let cached: InMemoryWorkspace | undefined;
function workspace(): InMemoryWorkspace {
  return (cached ??= inMemoryWorkspace({ 'a.release.md': A, 'b.release.md': B, 'c.release.md': C, 'lone.release.md': LONE }));
}

function hover(file: string, needle: string, withWorkspace = true): string {
  const ws = workspace();
  const release = ws.release(file);
  const at = release.text.indexOf(needle);
  assert.ok(at >= 0, `${needle} in ${file}`);
  const card = hoverAt(release.analysis, at + 1, withWorkspace ? ws.view : undefined);
  assert.ok(card, `a card for ${needle}`);
  return card.markdown;
}

const uri = (file: string): string => `file:///ws/releases/${file}`;

/** `#L<line>,<column>` of `needle` in a fixture: where a link to it must land (1-based, as the editor counts). */
function place(text: string, needle: string): string {
  const before = text.slice(0, text.indexOf(needle)).split('\n');
  return `#L${before.length},${before[before.length - 1]!.length + 1}`;
}

const CASES: { name: string; file: string; on: string; has: (string | RegExp)[]; hasNot?: (string | RegExp)[] }[] = [
  {
    name: 'a level lists the same metric and pair in every release, linked to the figure, this one in bold',
    file: 'b.release.md',
    on: 'USD 8.32 billion',
    has: [
      '| Period | Value | Release | Line |',
      `| 2020 | USD 5.20 billion | [a.release.md](${uri('a.release.md')}${place(A, 'USD 5.20')}) | [7](${uri('a.release.md')}${place(A, 'USD 5.20')}) |`,
      `| 2021 | **USD 8.32 billion** | [this release](${uri('b.release.md')}${place(B, 'USD 8.32')}) | [5](${uri('b.release.md')}${place(B, 'USD 8.32')}) |`,
      `| 2021 | USD 8.3 billion | [c.release.md](${uri('c.release.md')}${place(C, 'USD 8.3 ')}) | [5](${uri('c.release.md')}${place(C, 'USD 8.3 ')}) |`,
    ],
  },
  {
    name: 'a level gives the change against the previous year and judges each stated change',
    file: 'b.release.md',
    on: 'USD 8.32 billion',
    // 8.32 / 5.20 = 1.6: +60.0%. "up 60%" fits it; "up 20%" does not.
    has: [/- Change: 2021 vs 2020: \\\+60\.0% \(USD 5\.20 billion → USD 8\.32 billion\); this release says “up 60%” ✓; \[c\.release\.md\]\([^)]*#L5,\d+\) says “up 20%” ✗/],
  },
  {
    name: 'a stated change is checked against the levels of both periods',
    file: 'c.release.md',
    on: '20%',
    // This release's own 2021 level first: 8.3 / 5.20 = 1.596: +59.6%.
    has: [/2021 vs 2020: \\\+59\.6% from the levels \(USD 5\.20 billion → USD 8\.3 billion\); this figure says “up 20%” ✗/],
  },
  {
    name: 'findings on a figure are in its card, naming the other value',
    file: 'c.release.md',
    on: '20%',
    has: [/⚠ `figure-conflict`: .*up 20% here, up 60% in b\.release\.md/, /⚠ `growth-mismatch`/],
  },
  {
    name: 'a level with no previous year states no change, and the earliest statement has the table',
    file: 'a.release.md',
    on: 'USD 5.20 billion',
    has: ['| 2020 | **USD 5.20 billion** |'],
    hasNot: ['- Change:'],
  },
  {
    name: 'a metric no other release states has no table',
    file: 'lone.release.md',
    on: 'USD 3.1 billion',
    has: ['- Measures: two-way trade'],
    hasNot: ['| Period |', 'across the workspace'],
  },
  {
    name: 'a day names the other releases that mention it, with a link to the mention',
    file: 'b.release.md',
    on: '15 February 2022',
    has: [`- Also named in 1 other release: [c.release.md:7](${uri('c.release.md')}${place(C, '15 February 2022')})`],
  },
  {
    name: 'a person shows the titles of each release in date order',
    file: 'c.release.md',
    on: 'TRAN Van Binh',
    has: ['- Titles by release date: Deputy Minister of Foreign Affairs (March 2021) → Vice Minister of Foreign Affairs (March 2022)'],
  },
  {
    name: 'a country counts its mentions across the releases that name it',
    file: 'a.release.md',
    on: 'Cambodia and',
    // Cambodia: a ×2, b ×1, c ×1; Viet Nam and Laos releases aside.
    has: [/- Across the workspace: 4 mentions in 3 releases, written “Cambodia” ×4/],
  },
];

for (const c of CASES) {
  test(`hover with the workspace: ${c.name}`, () => {
    const markdown = hover(c.file, c.on);
    for (const expected of c.has) {
      if (typeof expected === 'string') assert.ok(markdown.includes(expected), `expected ${JSON.stringify(expected)} in:\n${markdown}`);
      else assert.match(markdown, expected);
    }
    for (const unexpected of c.hasNot ?? []) assert.ok(!markdown.includes(unexpected as string), `did not expect ${String(unexpected)} in:\n${markdown}`);
  });
}

test('without a workspace the card is the release-only card', () => {
  const alone = hover('b.release.md', 'USD 8.32 billion', false);
  assert.ok(!alone.includes('| Period |'));
  assert.ok(hover('b.release.md', 'USD 8.32 billion').startsWith(alone));
});

test('previousYear shifts a period by one year, 29 February to 28 February', () => {
  const rows: [string, string, string, string][] = [
    ['2021-01-01', '2021-12-31', '2020-01-01', '2020-12-31'],
    ['2022-01-01', '2022-09-30', '2021-01-01', '2021-09-30'],
    ['2020-02-01', '2020-02-29', '2019-02-01', '2019-02-28'],
  ];
  for (const [from, to, pFrom, pTo] of rows) {
    const prev = previousYear({ from, to, granularity: 'year' });
    assert.deepEqual([prev.from, prev.to], [pFrom, pTo]);
  }
});

test('a long series shows the eight periods nearest this one, this one among them, and counts the rest', () => {
  const files: Record<string, string> = {};
  for (let year = 2010; year <= 2021; year++) {
    files[`y${year}.release.md`] = `---\ndate: ${year + 1}-02-01\n---\n\nTwo-way trade between Cambodia and Viet Nam reached USD ${year - 2000}.5 billion in ${year}.\n`;
  }
  const ws = inMemoryWorkspace(files);
  const release = ws.release('y2021.release.md');
  const card = hoverAt(release.analysis, release.text.indexOf('USD 21.5') + 1, ws.view);
  assert.ok(card);
  const periods = card.markdown
    .split('\n')
    .filter((line) => /^\| \d{4} \|/.test(line))
    .map((line) => line.slice(2, 6));
  assert.deepEqual(periods, ['2014', '2015', '2016', '2017', '2018', '2019', '2020', '2021']);
  assert.ok(card.markdown.includes('| 2021 | **USD 21.5 billion** |'), card.markdown);
  assert.ok(card.markdown.includes('…and 4 more'), card.markdown);
  // 21.5 / 20.5 − 1 = +4.9%.
  assert.match(card.markdown, /- Change: 2021 vs 2020: \\\+4\.9% \(USD 20\.5 billion → USD 21\.5 billion\)/);
});

test('lineLink: a Markdown link to a line (and a column when given), the URI safe inside the link', () => {
  assert.equal(lineLink('file:///ws/releases/a.release.md', 7, 'a.release.md', 12), '[a.release.md](file:///ws/releases/a.release.md#L7,12)');
  const rows: [string, number, string, string][] = [
    ['file:///ws/releases/a.release.md', 7, 'a.release.md', '[a.release.md](file:///ws/releases/a.release.md#L7)'],
    ['file:///ws/releases/trade%20(draft).md', 3, 'trade (draft).md', '[trade \\(draft\\).md](file:///ws/releases/trade%20%28draft%29.md#L3)'],
    ['file:///ws/releases/x).md', 1, 'x).md', '[x\\).md](file:///ws/releases/x%29.md#L1)'],
  ];
  for (const [uri, line, label, expected] of rows) assert.equal(lineLink(uri, line, label), expected);
});

test('the hover judges a stated change as the growth-mismatch check does, with the workspace tolerance', () => {
  const base = '---\ndate: 2021-03-01\n---\n\nTwo-way trade between Cambodia and Viet Nam reached USD 5.20 billion in 2020.\n';
  // 5.20 → 6.00 billion is +15.2% to +15.6%.
  const rows: { name: string; text: string; on: string; said: string; tolerance: number; accepted: boolean }[] = [
    {
      // "about 12%" reaches ±0.6 points by default, ±3.6 with a tolerance of 0.3.
      name: 'a wider tolerance lets "about 12%" meet the levels',
      text: 'Two-way trade between Cambodia and Viet Nam reached USD 6.00 billion in 2021, up about 12% on 2020.',
      on: 'USD 6.00 billion',
      said: 'up about 12%',
      tolerance: 0.3,
      accepted: true,
    },
    {
      // "about USD 6.00 billion" reaches ±5% by default (+9.4% to +21.4%), not at all with a tolerance of 0.
      name: 'no tolerance keeps "about USD 6.00 billion" from meeting "up 12%"',
      text: 'Two-way trade between Cambodia and Viet Nam reached about USD 6.00 billion in 2021, up 12% on 2020.',
      on: 'USD 6.00 billion',
      said: 'up 12%',
      tolerance: 0,
      accepted: false,
    },
  ];
  for (const row of rows) {
    const files = { 'a.release.md': base, 'b.release.md': `---\ndate: 2022-02-10\n---\n\n${row.text}\n` };
    for (const config of [undefined, { tolerance: row.tolerance }]) {
      const ws = inMemoryWorkspace(files, config ? { 'a.release.md': config, 'b.release.md': config } : {});
      const accepted = config ? row.accepted : !row.accepted;
      const label = `${row.name} (${config ? `tolerance ${row.tolerance}` : 'default tolerance'})`;
      const found = ws.findings('b.release.md').some((f) => f.code === 'growth-mismatch');
      assert.equal(found, !accepted, `${label}: the check`);
      const release = ws.release('b.release.md');
      const card = hoverAt(release.analysis, release.text.indexOf(row.on) + 1, ws.view);
      assert.ok(card, label);
      assert.ok(card.markdown.includes(`this release says “${row.said}” ${accepted ? '✓' : '✗'}`), `${label}: the hover\n${card.markdown}`);
    }
  }
});

test('the hover accepts a stated change when any pair of levels agrees, as the check does', () => {
  // 2021 is stated twice: 8.30 billion gives +59.4% to +59.9% over 5.20, 8.32 billion +59.7% to +60.3%; "up 60.2%" meets the second.
  const ws = inMemoryWorkspace({
    'a.release.md': '---\ndate: 2021-03-01\n---\n\nTwo-way trade between Cambodia and Viet Nam reached USD 5.20 billion in 2020.\n',
    'b.release.md': '---\ndate: 2022-02-10\n---\n\nTwo-way trade between Cambodia and Viet Nam reached USD 8.32 billion in 2021.\n',
    'c.release.md': '---\ndate: 2022-03-01\n---\n\nTwo-way trade between Cambodia and Viet Nam reached USD 8.30 billion in 2021, up 60.2% on 2020.\n',
  });
  assert.deepEqual(ws.findings('c.release.md').filter((f) => f.code === 'growth-mismatch'), []);
  const release = ws.release('c.release.md');
  const card = hoverAt(release.analysis, release.text.indexOf('60.2%') + 1, ws.view);
  assert.ok(card?.markdown.includes('this figure says “up 60.2%” ✓'), card?.markdown);
});

test('the hover names a period as the checks do, in the Measures line and in the table', () => {
  const ws = inMemoryWorkspace({
    'a.release.md': '---\ndate: 2021-10-10\n---\n\nTwo-way trade between Cambodia and Viet Nam reached USD 7.24 billion in the first nine months of 2021.\n',
    'b.release.md': '---\ndate: 2021-10-20\n---\n\nTwo-way trade between Cambodia and Viet Nam reached USD 7.2 billion in the first nine months of 2021.\n',
  });
  const release = ws.release('a.release.md');
  const card = hoverAt(release.analysis, release.text.indexOf('USD 7.24') + 1, ws.view);
  assert.ok(card);
  assert.ok(card.markdown.includes('- Measures: two-way trade · Cambodia–Viet Nam · January–September 2021'), card.markdown);
  assert.ok(card.markdown.includes('| January–September 2021 | **USD 7.24 billion** |'), card.markdown);
});
