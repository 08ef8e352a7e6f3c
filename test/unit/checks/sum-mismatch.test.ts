// sum-mismatch: exports each way against two-way trade of the same pair and period.

import { test } from 'node:test';
import { sumMismatch } from '../../../server/src/checks/sum-mismatch';
import type { CheckedRelease } from '../../../server/src/checks/check';
import { checkFindings, release, type ClaimSpec, type Expected } from './claimFixtures';

const A = 'file:///ws/releases/2021-03-01-trade.release.md';
const B = 'file:///ws/releases/2021-06-30-customs.release.txt';

const total = (figure: string, period: string, extra: Partial<ClaimSpec> = {}): ClaimSpec =>
  ({ figure, metric: 'trade.total', parties: ['VNM', 'KHM'], period, ...extra });
const flow = (figure: string, from: string, to: string, period: string, extra: Partial<ClaimSpec> = {}): ClaimSpec =>
  ({ figure, metric: 'trade.flow', parties: [from, to], directional: true, period, ...extra });

interface Row {
  readonly name: string;
  readonly releases: readonly CheckedRelease[];
  readonly expected: readonly Expected[];
}

const rows: Row[] = [
  {
    name: 'one release: 1.2 + 3.6 billion is 4.8 billion, not the 5.33 billion of two-way trade',
    releases: [release(A, 'Two-way trade came to USD 5.33 billion in 2020,\nof which Cambodia exported USD 1.2 billion to Viet Nam and imported USD 3.6 billion from it.\n', [
      total('USD 5.33 billion', '2020'),
      flow('USD 1.2 billion', 'KHM', 'VNM', '2020'),
      flow('USD 3.6 billion', 'VNM', 'KHM', '2020'),
    ])],
    expected: [{
      uri: A, span: 'USD 5.33 billion', severity: 'warning', related: [A, A],
      words: ['2020 two-way trade Cambodia–Viet Nam: the parts add up to USD 4.8 billion (exports Cambodia → Viet Nam: USD 1.2 billion on line 2 + exports Viet Nam → Cambodia: USD 3.6 billion on line 2), the whole is USD 5.33 billion here'],
    }],
  },
  {
    name: 'the whole in one release, both parts in another: each release is told',
    releases: [
      release(A, 'Two-way trade came to USD 5.33 billion in 2020.\n', [total('USD 5.33 billion', '2020')]),
      release(B, 'Customs data.\nIn 2020 Viet Nam sold USD 3.1 billion to Cambodia and bought USD 1.4 billion from it.\n', [
        flow('USD 3.1 billion', 'VNM', 'KHM', '2020'),
        flow('USD 1.4 billion', 'KHM', 'VNM', '2020'),
      ]),
    ],
    expected: [
      { uri: A, span: 'USD 5.33 billion', severity: 'warning', related: [B, B],
        words: ['the parts add up to USD 4.5 billion', 'USD 1.4 billion in 2021-06-30-customs.release.txt (line 2)', 'USD 3.1 billion in 2021-06-30-customs.release.txt (line 2)', 'the whole is USD 5.33 billion here'] },
      { uri: B, span: 'USD 1.4 billion', severity: 'warning', related: [A, B],
        words: ['exports Cambodia → Viet Nam: USD 1.4 billion here', 'USD 3.1 billion on line 2', 'the whole is USD 5.33 billion in 2021-03-01-trade.release.md (line 1)'] },
    ],
  },
  {
    name: 'one part alone above the whole (the other part is not stated)',
    releases: [
      release(A, 'Two-way trade came to USD 5.33 billion in 2020.\n', [total('USD 5.33 billion', '2020')]),
      release(B, 'Viet Nam exported USD 6.1 billion to Cambodia in 2020.\n', [flow('USD 6.1 billion', 'VNM', 'KHM', '2020')]),
    ],
    expected: [
      { uri: A, span: 'USD 5.33 billion', severity: 'warning', related: [B], words: ['one part alone (exports Viet Nam → Cambodia: USD 6.1 billion in 2021-06-30-customs.release.txt (line 1)) exceeds the whole, USD 5.33 billion here'] },
      { uri: B, span: 'USD 6.1 billion', severity: 'warning', related: [A], words: ['one part alone', 'USD 6.1 billion here', 'USD 5.33 billion in 2021-03-01-trade.release.md (line 1)'] },
    ],
  },

  // ---- never a finding ----
  {
    name: 'trap: parts that round — 3.27 + 2.77 against 6.03 billion',
    releases: [release(A, 'Trade totalled USD 6.03 billion in January–July 2021: USD 3.27 billion of Vietnamese exports and USD 2.77 billion of Cambodian exports.\n', [
      total('USD 6.03 billion', '2021-01..2021-07'),
      flow('USD 3.27 billion', 'VNM', 'KHM', '2021-01..2021-07'),
      flow('USD 2.77 billion', 'KHM', 'VNM', '2021-01..2021-07'),
    ])],
    expected: [],
  },
  {
    name: 'trap: one part below the whole, the other unknown',
    releases: [
      release(A, 'Two-way trade came to USD 5.33 billion in 2020.\n', [total('USD 5.33 billion', '2020')]),
      release(B, 'Cambodia exported USD 2.1 billion to Viet Nam in 2020.\n', [flow('USD 2.1 billion', 'KHM', 'VNM', '2020')]),
    ],
    expected: [],
  },
  {
    name: 'trap: parts of another year, another pair, another currency, another modality',
    releases: [
      release(A, 'Two-way trade came to USD 5.33 billion in 2020.\n', [total('USD 5.33 billion', '2020')]),
      release(B, 'In 2021 Viet Nam sold USD 6.1 billion to Cambodia. In 2020 it sold USD 6.2 billion to Laos. Exports worth VND 150,000 billion. The aim: USD 7 billion of exports in 2020.\n', [
        flow('USD 6.1 billion', 'VNM', 'KHM', '2021'),
        flow('USD 6.2 billion', 'VNM', 'LAO', '2020'),
        flow('VND 150,000 billion', 'VNM', 'KHM', '2020'),
        flow('USD 7 billion', 'VNM', 'KHM', '2020', { modality: 'target' }),
      ]),
    ],
    expected: [],
  },
  {
    name: 'trap: a whole stated as a floor ("topped") is not exceeded by one part above it',
    releases: [release(A, 'Trade topped USD 9.5 billion in 2021; Vietnamese exports alone were USD 10.1 billion.\n', [
      total('topped USD 9.5 billion', '2021'),
      flow('USD 10.1 billion', 'VNM', 'KHM', '2021'),
    ])],
    expected: [],
  },
  {
    name: 'trap: the parts agree with one statement of the whole; another statement is a figure-conflict, not a sum-mismatch',
    releases: [
      release(A, 'Two-way trade came to USD 5.33 billion in 2020.\n', [total('USD 5.33 billion', '2020')]),
      release(B, 'In 2020 Viet Nam sold USD 3.6 billion to Cambodia and bought USD 1.73 billion from it; trade was USD 5.8 billion.\n', [
        flow('USD 3.6 billion', 'VNM', 'KHM', '2020'),
        flow('USD 1.73 billion', 'KHM', 'VNM', '2020'),
        total('USD 5.8 billion', '2020'),
      ]),
    ],
    expected: [],
  },
  {
    name: 'trap: border trade is not a part of two-way trade in the vocabulary',
    releases: [release(A, 'Two-way trade came to USD 5.33 billion in 2020, and border trade to USD 6.2 billion.\n', [
      total('USD 5.33 billion', '2020'),
      { figure: 'USD 6.2 billion', metric: 'trade.border', parties: ['KHM', 'VNM'], period: '2020' },
    ])],
    expected: [],
  },
];

for (const row of rows) {
  test(`sum-mismatch: ${row.name}`, () => checkFindings(sumMismatch, row.releases, row.expected));
}
