// figure-conflict: one claim, two values that cannot both be meant; and the traps that are never a conflict.

import { test } from 'node:test';
import { figureConflict } from '../../../server/src/checks/figure-conflict';
import { checkFindings, release, type Expected } from './claimFixtures';
import type { CheckedRelease } from '../../../server/src/checks/check';

const A = 'file:///ws/releases/2021-10-23-consultations.release.md';
const B = 'file:///ws/releases/2022-03-02-trade-forum.release.md';
const C = 'file:///ws/releases/2022-11-09-visit.release.md';

const trade = (figure: string, period: string, extra: object = {}) =>
  ({ figure, metric: 'trade.total', metricText: 'two-way trade', parties: ['VNM', 'KHM'], period, ...extra });

const consultations = release(A,
  'The two sides met by video link.\nBilateral trade climbed from USD 5.26 billion in 2019 to USD 5.33 billion in 2020.\n',
  [trade('USD 5.26 billion', '2019'), trade('USD 5.33 billion', '2020')]);

interface Row {
  readonly name: string;
  readonly releases: readonly CheckedRelease[];
  readonly expected: readonly Expected[];
}

const rows: Row[] = [
  {
    name: 'another release states the 2020 trade as 5.8 billion: a warning in each release, pointing at the other',
    releases: [
      consultations,
      release(B, 'Trade forum opens.\nIn 2020 two-way trade stood at USD 5.8 billion, officials said.\n', [trade('USD 5.8 billion', '2020')]),
    ],
    expected: [
      { uri: B, span: 'USD 5.8 billion', severity: 'warning', related: [A],
        words: ['2020 two-way trade Cambodia–Viet Nam: USD 5.8 billion here, USD 5.33 billion in 2021-10-23-consultations.release.md (line 2)'] },
      { uri: A, span: 'USD 5.33 billion', severity: 'warning', related: [B],
        words: ['2020 two-way trade Cambodia–Viet Nam: USD 5.33 billion here, USD 5.8 billion in 2022-03-02-trade-forum.release.md (line 2)'] },
    ],
  },
  {
    name: 'one release states the same year twice with exact values that cannot both be true: an error on each',
    releases: [
      release(C, 'Trade reached USD 9.5 billion in 2021.\n\nLater in the text: trade of USD 8.9 billion in 2021.\n',
        [trade('USD 9.5 billion', '2021'), trade('USD 8.9 billion', '2021')]),
    ],
    expected: [
      { uri: C, span: 'USD 9.5 billion', severity: 'error', words: ['2021 two-way trade', 'USD 9.5 billion here', 'USD 8.9 billion on line 3'] },
      { uri: C, span: 'USD 8.9 billion', severity: 'error', words: ['USD 8.9 billion here', 'USD 9.5 billion on line 1'] },
    ],
  },
  {
    name: 'within one release, a qualified figure that cannot meet the other is a warning, not an error',
    releases: [
      release(C, 'Trade topped USD 9.5 billion in 2021.\nTrade came to USD 8.9 billion in 2021.\n',
        [trade('topped USD 9.5 billion', '2021'), trade('USD 8.9 billion', '2021')]),
    ],
    expected: [
      { uri: C, span: 'topped USD 9.5 billion', severity: 'warning', words: ['USD 8.9 billion on line 2'] },
      { uri: C, span: 'USD 8.9 billion', severity: 'warning', words: ['topped USD 9.5 billion on line 1'] },
    ],
  },
  {
    name: 'two releases disagree with a third: its finding names both and relates both',
    releases: [
      consultations,
      release(B, 'Trade in 2020: USD 5.8 billion.\n', [trade('USD 5.8 billion', '2020')]),
      release(C, 'Trade in 2020: USD 5.9 billion.\n', [trade('USD 5.9 billion', '2020')]),
    ],
    expected: [
      { uri: A, span: 'USD 5.33 billion', severity: 'warning', related: [B, C], words: ['USD 5.8 billion in 2022-03-02-trade-forum.release.md (line 1)', 'USD 5.9 billion in 2022-11-09-visit.release.md (line 1)'] },
      // 5.8 and 5.9 billion are different too ([5.75, 5.85] and [5.85, 5.95] touch: agreement).
      { uri: B, span: 'USD 5.8 billion', severity: 'warning', related: [A], words: ['USD 5.33 billion'] },
      { uri: C, span: 'USD 5.9 billion', severity: 'warning', related: [A], words: ['USD 5.33 billion'] },
    ],
  },
  {
    name: 'two targets for the same year in one release disagree: a warning',
    releases: [
      release(C, 'They aim to lift trade to USD 10 billion in 2025.\nThe plan: USD 25 billion of trade in 2025.\n', [
        trade('USD 10 billion', '2025', { modality: 'target' }),
        trade('USD 25 billion', '2025', { modality: 'target' }),
      ]),
    ],
    expected: [
      { uri: C, span: 'USD 10 billion', severity: 'warning', words: ['2025 target two-way trade', 'USD 25 billion on line 2'] },
      { uri: C, span: 'USD 25 billion', severity: 'warning', words: ['USD 10 billion on line 1'] },
    ],
  },
  {
    name: 'a project count that differs on the same day is a conflict (a stock at one point in time)',
    releases: [
      release(A, 'Viet Nam has 198 projects in Cambodia.\n', [{ figure: '198 projects', metric: 'investment.projects', parties: ['VNM', 'KHM'], directional: true, period: '@2022-11-09' }]),
      release(B, 'Viet Nam runs 205 projects in Cambodia.\n', [{ figure: '205 projects', metric: 'investment.projects', parties: ['VNM', 'KHM'], directional: true, period: '@2022-11-09' }]),
    ],
    expected: [
      { uri: A, span: '198 projects', severity: 'warning', words: ['as of 9 November 2022', 'Viet Nam → Cambodia', '198 projects here, 205 projects in'] },
      { uri: B, span: '205 projects', severity: 'warning', words: ['205 projects here, 198 projects in'] },
    ],
  },
  {
    name: 'the same change stated as a rise in one release and a fall in another',
    releases: [
      release(A, 'Trade rose 12% in 2021 against 2020.\n', [trade('12%', '2021', { measure: 'change', base: '2020', sign: 1 })]),
      release(B, 'Trade fell 12% in 2021 against 2020.\n', [trade('12%', '2021', { measure: 'change', base: '2020', sign: -1 })]),
    ],
    expected: [
      { uri: A, span: '12%', severity: 'warning', words: ['2021 vs 2020 change in two-way trade Cambodia–Viet Nam: up 12% here, down 12% in 2022-03-02-trade-forum.release.md (line 1)'] },
      { uri: B, span: '12%', severity: 'warning', words: ['down 12% here, up 12% in 2021-10-23-consultations.release.md (line 1)'] },
    ],
  },
  {
    name: 'a configured tolerance of 1% narrows "about USD 5.5 billion" until it no longer covers 5.33 billion',
    releases: [
      consultations,
      release(B, 'Trade in 2020 was about USD 5.5 billion.\n', [trade('about USD 5.5 billion', '2020')], { tolerance: 0.01 }),
    ],
    expected: [
      { uri: B, span: 'about USD 5.5 billion', severity: 'warning', words: ['about USD 5.5 billion here, USD 5.33 billion in'] },
      { uri: A, span: 'USD 5.33 billion', severity: 'warning', words: ['USD 5.33 billion here, about USD 5.5 billion in'] },
    ],
  },
  {
    name: 'trap: with the default tolerance (5%), "about USD 5.5 billion" covers 5.33 billion',
    releases: [consultations, release(B, 'Trade in 2020 was about USD 5.5 billion.\n', [trade('about USD 5.5 billion', '2020')])],
    expected: [],
  },

  // ---- never a conflict ----
  {
    name: 'trap: changes of the same year against different bases ("up 40% on 2019", "up 80% on 2020")',
    releases: [
      release(A, 'Trade in 2021 was up 40% on 2019.\n', [trade('40%', '2021', { measure: 'change', base: '2019', sign: 1 })]),
      release(B, 'Trade in 2021 was up 80% on 2020.\n', [trade('80%', '2021', { measure: 'change', base: '2020', sign: 1 })]),
    ],
    expected: [],
  },
  {
    name: 'trap: a change whose direction one text does not tell agrees in size ("a change of 12%", "fell 12%")',
    releases: [
      release(A, 'Trade saw a change of 12% in 2021 against 2020.\n', [trade('12%', '2021', { measure: 'change', base: '2020' })]),
      release(B, 'Trade fell 12% in 2021 against 2020.\n', [trade('12%', '2021', { measure: 'change', base: '2020', sign: -1 })]),
    ],
    expected: [],
  },
  {
    name: 'trap: another pair (Laos–Viet Nam) in the same year',
    releases: [consultations, release(B, 'Laos and Viet Nam traded USD 5.8 billion in 2020.\n', [{ ...trade('USD 5.8 billion', '2020'), parties: ['VNM', 'LAO'] }])],
    expected: [],
  },
  {
    name: 'trap: another year (a historical figure against a new year)',
    releases: [consultations, release(B, 'Trade hit USD 9.5 billion in 2021.\n', [trade('USD 9.5 billion', '2021')])],
    expected: [],
  },
  {
    name: 'trap: nine months against the full year',
    releases: [
      release(A, 'Trade was USD 9.5 billion in 2021.\n', [trade('USD 9.5 billion', '2021')]),
      release(B, 'Trade was USD 7.2 billion in the first nine months of 2021.\n', [trade('USD 7.2 billion', '2021-01..2021-09')]),
    ],
    expected: [],
  },
  {
    name: 'trap: a target against the actual figure of the same year, in one release and across releases',
    releases: [
      consultations,
      release(B, 'In 2015 both sides set out to raise trade to USD 5 billion in 2020.\n', [trade('USD 5 billion', '2020', { modality: 'target' })]),
      release(C, 'Trade reached USD 5.33 billion in 2020, short of the USD 6.5 billion aimed at for 2020.\n',
        [trade('USD 5.33 billion', '2020'), trade('USD 6.5 billion', '2020', { modality: 'target' })]),
    ],
    expected: [],
  },
  {
    name: 'trap: exports from Cambodia to Viet Nam against two-way trade of the same year',
    releases: [consultations, release(B, 'Cambodian exports to Viet Nam came to USD 2.1 billion in 2020.\n',
      [{ figure: 'USD 2.1 billion', metric: 'trade.flow', parties: ['KHM', 'VNM'], directional: true, period: '2020' }])],
    expected: [],
  },
  {
    name: 'trap: the same value in USD and in VND',
    releases: [consultations, release(B, 'Trade in 2020 was worth VND 123,000 billion.\n', [trade('VND 123,000 billion', '2020')])],
    expected: [],
  },
  {
    name: 'trap: rounding and qualifiers — nearly 4.7 vs 4.68; 9.5 vs 9.54; topped 9.5 vs 9.54',
    releases: [
      release(A, 'Trade was USD 4.68 billion in 2018 and USD 9.54 billion in 2021.\n', [trade('USD 4.68 billion', '2018'), trade('USD 9.54 billion', '2021')]),
      release(B, 'Trade was nearly USD 4.7 billion in 2018 and USD 9.5 billion in 2021.\n', [trade('nearly USD 4.7 billion', '2018'), trade('USD 9.5 billion', '2021')]),
      release(C, 'Trade topped USD 9.5 billion in 2021.\n', [trade('topped USD 9.5 billion', '2021')]),
    ],
    expected: [],
  },
  {
    name: 'trap: project counts that change over time (2019 and 2022 releases, each "at present")',
    releases: [
      release(A, 'Viet Nam has 150 projects in Cambodia at present.\n', [{ figure: '150 projects', metric: 'investment.projects', parties: ['VNM', 'KHM'], directional: true, period: '@2019-05-10' }]),
      release(B, 'Viet Nam has 198 projects in Cambodia at present.\n', [{ figure: '198 projects', metric: 'investment.projects', parties: ['VNM', 'KHM'], directional: true, period: '@2022-11-09' }]),
    ],
    expected: [],
  },
  {
    name: 'trap: a claim whose metric or period is unknown is never compared',
    releases: [
      consultations,
      release(B, 'A figure of USD 5.8 billion was cited for 2020.\n', [{ ...trade('USD 5.8 billion', '2020'), unknown: ['metric unknown'] }]),
      release(C, 'Trade was USD 5.9 billion.\n', [trade('USD 5.9 billion', null as unknown as string)]),
    ],
    expected: [],
  },
  {
    name: 'trap: a project count and the projects\u2019 capital, a share demarcated and a share remaining',
    releases: [
      release(A, 'Viet Nam has 198 projects worth USD 2.92 billion in Cambodia. 84% of the border is marked; 16% remains.\n', [
        { figure: '198 projects', metric: 'investment.projects', parties: ['VNM', 'KHM'], directional: true, period: '@2022-11-09' },
        { figure: 'USD 2.92 billion', metric: 'investment.capital', parties: ['VNM', 'KHM'], directional: true, period: '@2022-11-09' },
        { figure: '84%', metric: 'border.demarcated', parties: ['VNM', 'KHM'], period: '@2022-11-09', measure: 'share' },
        { figure: '16%', metric: 'border.undemarcated', parties: ['VNM', 'KHM'], period: '@2022-11-09', measure: 'share' },
      ]),
    ],
    expected: [],
  },
  {
    name: 'trap: a level and a change of the same metric and year',
    releases: [
      release(A, 'Trade reached USD 9.5 billion in 2021, up 78% on 2020.\n', [
        trade('USD 9.5 billion', '2021'),
        trade('78%', '2021', { measure: 'change', base: '2020' }),
      ]),
    ],
    expected: [],
  },
];

for (const row of rows) {
  test(`figure-conflict: ${row.name}`, () => checkFindings(figureConflict, row.releases, row.expected));
}
