// partial-exceeds-total: a flow over part of a year above the flow over a longer stretch containing it.

import { test } from 'node:test';
import { partialExceedsTotal } from '../../../server/src/checks/partial-exceeds-total';
import type { CheckedRelease } from '../../../server/src/checks/check';
import { checkFindings, release, type ClaimSpec, type Expected } from './claimFixtures';

const A = 'file:///ws/releases/2022-10-20-trade.release.md';
const B = 'file:///ws/releases/2023-01-15-review.release.md';

const trade = (figure: string, period: string, extra: Partial<ClaimSpec> = {}): ClaimSpec =>
  ({ figure, metric: 'trade.total', parties: ['KHM', 'VNM'], period, ...extra });

interface Row {
  readonly name: string;
  readonly releases: readonly CheckedRelease[];
  readonly expected: readonly Expected[];
}

const rows: Row[] = [
  {
    name: 'nine months of 2022 at 10.2 billion, the whole of 2022 at 9.5 billion: both releases are told',
    releases: [
      release(A, 'Trading news.\nTrade reached USD 10.2 billion in the first nine months of 2022.\n', [trade('USD 10.2 billion', '2022-01..2022-09')]),
      release(B, 'For the whole of 2022, trade was USD 9.5 billion.\n', [trade('USD 9.5 billion', '2022')]),
    ],
    expected: [
      { uri: A, span: 'USD 10.2 billion', severity: 'warning', related: [B],
        words: ['January–September 2022 two-way trade Cambodia–Viet Nam: USD 10.2 billion here, more than the whole of 2022: USD 9.5 billion in 2023-01-15-review.release.md (line 1)'] },
      { uri: B, span: 'USD 9.5 billion', severity: 'warning', related: [A],
        words: ['2022 two-way trade Cambodia–Viet Nam: USD 9.5 billion here, less than January–September 2022 alone: USD 10.2 billion in 2022-10-20-trade.release.md (line 2)'] },
    ],
  },
  {
    name: 'one release: 8.2 billion in January–September 2021 and 7.9 billion in all of 2021',
    releases: [release(A, 'Trade was USD 8.2 billion in January–September 2021\nand USD 7.9 billion for 2021 as a whole.\n',
      [trade('USD 8.2 billion', '2021-01..2021-09'), trade('USD 7.9 billion', '2021')])],
    expected: [
      { uri: A, span: 'USD 8.2 billion', severity: 'warning', related: [A], words: ['more than the whole of 2021: USD 7.9 billion on line 2'] },
      { uri: A, span: 'USD 7.9 billion', severity: 'warning', related: [A], words: ['less than January–September 2021 alone: USD 8.2 billion on line 1'] },
    ],
  },
  {
    name: 'seven months above nine months of the same year',
    releases: [
      release(A, 'In seven months of 2021 trade reached USD 6.5 billion.\n', [trade('USD 6.5 billion', '2021-01..2021-07')]),
      release(B, 'In nine months of 2021 trade reached USD 6.03 billion.\n', [trade('USD 6.03 billion', '2021-01..2021-09')]),
    ],
    expected: [
      { uri: A, span: 'USD 6.5 billion', severity: 'warning', words: ['January–July 2021', 'more than the whole of January–September 2021'] },
      { uri: B, span: 'USD 6.03 billion', severity: 'warning', words: ['less than January–July 2021 alone'] },
    ],
  },
  {
    name: 'tourist arrivals over a quarter above the year',
    releases: [release(A, 'Viet Nam received 420,000 tourists from Cambodia in the first quarter of 2023 and 380,000 tourists in 2023.\n', [
      { figure: '420,000 tourists', metric: 'tourism.arrivals', parties: ['KHM', 'VNM'], directional: true, period: '2023-01..2023-03' },
      { figure: '380,000 tourists', metric: 'tourism.arrivals', parties: ['KHM', 'VNM'], directional: true, period: '2023' },
    ])],
    expected: [
      { uri: A, span: '420,000 tourists', severity: 'warning', words: ['tourist arrivals Cambodia → Viet Nam', 'more than the whole of 2023'] },
      { uri: A, span: '380,000 tourists', severity: 'warning', words: ['less than January–March 2023 alone'] },
    ],
  },

  // ---- never a finding ----
  {
    name: 'trap: seven months of 2021 (6.03 billion) below the year that topped 9.5 billion',
    releases: [
      release(A, 'Trade reached USD 6.03 billion in just seven months of 2021.\n', [trade('USD 6.03 billion', '2021-01..2021-07')]),
      release(B, 'Trade topped USD 9.5 billion in 2021.\n', [trade('topped USD 9.5 billion', '2021')]),
    ],
    expected: [],
  },
  {
    name: 'trap: eleven months above a year stated only as a floor ("topped 9.5 billion")',
    releases: [
      release(A, 'Trade reached USD 10.4 billion in the first eleven months of 2021.\n', [trade('USD 10.4 billion', '2021-01..2021-11')]),
      release(B, 'Trade topped USD 9.5 billion in 2021.\n', [trade('topped USD 9.5 billion', '2021')]),
    ],
    expected: [],
  },
  {
    name: 'trap: a part of one year against the whole of another',
    releases: [
      release(A, 'Trade reached USD 10.2 billion in the first nine months of 2022.\n', [trade('USD 10.2 billion', '2022-01..2022-09')]),
      release(B, 'Trade was USD 9.5 billion in 2021.\n', [trade('USD 9.5 billion', '2021')]),
    ],
    expected: [],
  },
  {
    name: 'trap: another pair, a target, another currency, another metric',
    releases: [
      release(A, 'Trade reached USD 10.2 billion in the first nine months of 2022.\n', [trade('USD 10.2 billion', '2022-01..2022-09')]),
      release(B, 'Laos–Viet Nam trade was USD 1.7 billion in 2022. The goal for 2022 was USD 10 billion. In VND: VND 9,000 billion. Exports from Cambodia: USD 3.4 billion in 2022.\n', [
        { ...trade('USD 1.7 billion', '2022'), parties: ['LAO', 'VNM'] },
        trade('USD 10 billion', '2022', { modality: 'target' }),
        trade('VND 9,000 billion', '2022'),
        { figure: 'USD 3.4 billion', metric: 'trade.flow', parties: ['KHM', 'VNM'], directional: true, period: '2022' },
      ]),
    ],
    expected: [],
  },
  {
    name: 'trap: rounding — nine months at 9.54 billion and the year at 9.5 billion may be equal',
    releases: [
      release(A, 'Trade was USD 9.54 billion in January–September 2022.\n', [trade('USD 9.54 billion', '2022-01..2022-09')]),
      release(B, 'Trade was USD 9.5 billion in 2022.\n', [trade('USD 9.5 billion', '2022')]),
    ],
    expected: [],
  },
  {
    name: 'trap: stocks (projects, capital) and shares are not flows',
    releases: [
      release(A, 'In the first half of 2022 Viet Nam had 210 projects and USD 3.1 billion invested, 90% of the border marked.\n', [
        { figure: '210 projects', metric: 'investment.projects', parties: ['VNM', 'KHM'], directional: true, period: '2022-01..2022-06' },
        { figure: 'USD 3.1 billion', metric: 'investment.capital', parties: ['VNM', 'KHM'], directional: true, period: '2022-01..2022-06' },
        { figure: '90%', metric: 'border.demarcated', parties: ['KHM', 'VNM'], period: '2022-01..2022-06', measure: 'share' },
      ]),
      release(B, 'In 2022 Viet Nam had 198 projects and USD 2.92 billion invested, 84% of the border marked.\n', [
        { figure: '198 projects', metric: 'investment.projects', parties: ['VNM', 'KHM'], directional: true, period: '2022' },
        { figure: 'USD 2.92 billion', metric: 'investment.capital', parties: ['VNM', 'KHM'], directional: true, period: '2022' },
        { figure: '84%', metric: 'border.demarcated', parties: ['KHM', 'VNM'], period: '2022', measure: 'share' },
      ]),
    ],
    expected: [],
  },
  {
    name: 'trap: a change over nine months is no level',
    releases: [release(A, 'Trade rose 16.7% in the first nine months of 2022; the 2022 total was USD 9.5 billion.\n', [
      trade('16.7%', '2022-01..2022-09', { measure: 'change', base: '2021-01..2021-09' }),
      trade('USD 9.5 billion', '2022'),
    ])],
    expected: [],
  },
];

for (const row of rows) {
  test(`partial-exceeds-total: ${row.name}`, () => checkFindings(partialExceedsTotal, row.releases, row.expected));
}
