// growth-mismatch: a stated change against the change the levels of both periods give.

import { test } from 'node:test';
import { growthMismatch } from '../../../server/src/checks/growth-mismatch';
import type { CheckedRelease } from '../../../server/src/checks/check';
import { checkFindings, release, type ClaimSpec, type Expected } from './claimFixtures';

const A = 'file:///ws/releases/2021-10-23-consultations.release.md';
const B = 'file:///ws/press/2022-11-09-visit.release.md';
const C = 'file:///ws/press/2022-12-01-forum.md';

const trade = (figure: string, period: string, extra: Partial<ClaimSpec> = {}): ClaimSpec =>
  ({ figure, metric: 'trade.total', parties: ['KHM', 'VNM'], period, ...extra });
const change = (figure: string, period: string, base: string, extra: Partial<ClaimSpec> = {}): ClaimSpec =>
  trade(figure, period, { measure: 'change', base, ...extra });

const consultations = release(A,
  'Video conference, 21 October 2021.\nTrade went from USD 5.26 billion in 2019 to USD 5.33 billion in 2020, and USD 6.03 billion in the first seven months of 2021.\n',
  [trade('USD 5.26 billion', '2019'), trade('USD 5.33 billion', '2020'), trade('USD 6.03 billion', '2021-01..2021-07')]);

interface Row {
  readonly name: string;
  readonly releases: readonly CheckedRelease[];
  readonly expected: readonly Expected[];
}

const rows: Row[] = [
  {
    name: 'a new release says trade rose 40% in 2021 while 5.33 → 9.5 billion is +78.2%',
    releases: [
      consultations,
      release(B, 'Trade reached USD 9.5 billion in 2021, an increase of 40% over 2020.\n', [trade('USD 9.5 billion', '2021'), change('40%', '2021', '2020')]),
    ],
    expected: [{
      uri: B, span: '40%', severity: 'warning', related: [A, B],
      words: ['2021 vs 2020 change in two-way trade Cambodia–Viet Nam: the figures give +78.2% (USD 5.33 billion in 2021-10-23-consultations.release.md (line 2) → USD 9.5 billion on line 1), this release says 40%'],
    }],
  },
  {
    name: 'one release: from 5.26 billion in 2019 to 5.33 billion in 2020 is +1.3%, not the 12% it states',
    releases: [
      release(C, 'Trade grew from USD 5.26 billion in 2019 to USD 5.33 billion in 2020,\na rise of 12%.\n',
        [trade('USD 5.26 billion', '2019'), trade('USD 5.33 billion', '2020'), change('12%', '2020', '2019')]),
    ],
    expected: [{ uri: C, span: '12%', severity: 'warning', related: [C, C], words: ['2020 vs 2019', '+1.3%', 'USD 5.26 billion on line 1 → USD 5.33 billion on line 1', 'says 12%'] }],
  },
  {
    name: 'nine months against the same nine months of the year before: 7.24 → 8.45 billion is +16.7%, not 30%',
    releases: [
      release(B, 'In January–September 2021 trade was USD 7.24 billion.\n', [trade('USD 7.24 billion', '2021-01..2021-09')]),
      release(C, 'Trade came to USD 8.45 billion in the first nine months of 2022, up 30% year on year.\n',
        [trade('USD 8.45 billion', '2022-01..2022-09'), change('30%', '2022-01..2022-09', '2021-01..2021-09')]),
    ],
    expected: [{ uri: C, span: '30%', severity: 'warning', related: [B, C], words: ['January–September 2022 vs January–September 2021', '+16.7%', 'USD 7.24 billion in 2022-11-09-visit.release.md (line 1)'] }],
  },
  {
    name: 'two releases state the 2021 level, and neither agrees with the change',
    releases: [
      consultations,
      release(B, 'Trade topped USD 9.5 billion in 2021, up 20% on 2020.\n', [trade('topped USD 9.5 billion', '2021'), change('20%', '2021', '2020')]),
      release(C, 'Trade was USD 9.54 billion in 2021.\n', [trade('USD 9.54 billion', '2021')]),
    ],
    expected: [{ uri: B, span: '20%', severity: 'warning', related: [A, B], words: ['the figures give +78.2%', 'topped USD 9.5 billion on line 1', 'says 20%'] }],
  },
  {
    name: 'a stated fall when the figures rose: "fell 78%" against 5.33 → 9.5 billion (+78.2%)',
    releases: [
      consultations,
      release(B, 'Trade fell 78% to USD 9.5 billion in 2021 compared with 2020.\n', [change('78%', '2021', '2020', { sign: -1 }), trade('USD 9.5 billion', '2021')]),
    ],
    expected: [{ uri: B, span: '78%', severity: 'warning', words: ['the figures give +78.2%', 'this release says down 78%'] }],
  },
  {
    name: 'a stated rise when the figures fell: 5.33 → 5.26 billion is −1.3%, "up 1.3%"',
    releases: [release(C, 'Trade went from USD 5.33 billion in 2019 to USD 5.26 billion in 2020, up 1.3%.\n',
      [trade('USD 5.33 billion', '2019'), trade('USD 5.26 billion', '2020'), change('1.3%', '2020', '2019', { sign: 1 })])],
    expected: [{ uri: C, span: '1.3%', severity: 'warning', words: ['the figures give −1.3%'] }],
  },

  // ---- never a mismatch ----
  {
    name: 'trap: a stated fall that the figures show: 5.33 → 5.26 billion, "down 1.3%"',
    releases: [release(C, 'Trade went from USD 5.33 billion in 2019 to USD 5.26 billion in 2020, down 1.3%.\n',
      [trade('USD 5.33 billion', '2019'), trade('USD 5.26 billion', '2020'), change('1.3%', '2020', '2019', { sign: -1 })])],
    expected: [],
  },
  {
    name: 'trap: a change whose direction the text does not tell is tried both ways ("changed by 1.3%")',
    releases: [release(C, 'Trade went from USD 5.33 billion in 2019 to USD 5.26 billion in 2020, a change of 1.3%.\n',
      [trade('USD 5.33 billion', '2019'), trade('USD 5.26 billion', '2020'), change('1.3%', '2020', '2019')])],
    expected: [],
  },
  {
    name: 'trap: "topped 9.5 billion … rising nearly 80%" over 5.33 billion in 2020 (+78.2%) agrees',
    releases: [
      consultations,
      release(B, 'Trade topped USD 9.5 billion in 2021, rising nearly 80% year on year.\n', [trade('topped USD 9.5 billion', '2021'), change('nearly 80%', '2021', '2020', { ofClaim: 0 })]),
    ],
    expected: [],
  },
  {
    name: 'trap: rounding — 5.26 → 5.33 billion gives +1.14% to +1.52%, and "up 1.3%" is inside',
    releases: [release(C, 'From USD 5.26 billion in 2019 to USD 5.33 billion in 2020, up 1.3%.\n',
      [trade('USD 5.26 billion', '2019'), trade('USD 5.33 billion', '2020'), change('1.3%', '2020', '2019')])],
    expected: [],
  },
  {
    name: 'trap: one of two stated levels agrees (9.54 billion gives +78.8%, "up 79%")',
    releases: [
      consultations,
      release(B, 'Trade was USD 9.2 billion in 2021.\n', [trade('USD 9.2 billion', '2021')]),
      release(C, 'Trade was USD 9.54 billion in 2021, up 79% on 2020.\n', [trade('USD 9.54 billion', '2021'), change('79%', '2021', '2020')]),
    ],
    expected: [],
  },
  {
    name: 'trap: the base level is another pair\u2019s (Laos–Viet Nam in 2020)',
    releases: [
      release(A, 'Laos and Viet Nam traded USD 1.4 billion in 2020.\n', [{ ...trade('USD 1.4 billion', '2020'), parties: ['LAO', 'VNM'] }]),
      release(B, 'Cambodia–Viet Nam trade reached USD 9.5 billion in 2021, up 40% on 2020.\n', [trade('USD 9.5 billion', '2021'), change('40%', '2021', '2020')]),
    ],
    expected: [],
  },
  {
    name: 'trap: the base level is a target, not an actual figure',
    releases: [
      release(A, 'Both sides aim for trade of USD 7 billion in 2020.\n', [trade('USD 7 billion', '2020', { modality: 'target' })]),
      release(B, 'Trade reached USD 9.5 billion in 2021, up 40% on 2020.\n', [trade('USD 9.5 billion', '2021'), change('40%', '2021', '2020')]),
    ],
    expected: [],
  },
  {
    name: 'trap: the base level is in VND and the new one in USD',
    releases: [
      release(A, 'Trade in 2020 was worth VND 123,000 billion.\n', [trade('VND 123,000 billion', '2020')]),
      release(B, 'Trade reached USD 9.5 billion in 2021, up 40% on 2020.\n', [trade('USD 9.5 billion', '2021'), change('40%', '2021', '2020')]),
    ],
    expected: [],
  },
  {
    name: 'trap: the only level near the base is for another period (seven months, not nine)',
    releases: [
      consultations,
      release(B, 'Trade reached USD 8.45 billion in the first nine months of 2022, up 16.7% year on year.\n',
        [trade('USD 8.45 billion', '2022-01..2022-09'), change('16.7%', '2022-01..2022-09', '2021-01..2021-09')]),
    ],
    expected: [],
  },
  {
    name: 'trap: exports changed, two-way trade levels stated',
    releases: [
      consultations,
      release(B, 'Trade reached USD 9.5 billion in 2021; Cambodian exports to Viet Nam rose 12% on 2020.\n', [
        trade('USD 9.5 billion', '2021'),
        { figure: '12%', metric: 'trade.flow', parties: ['KHM', 'VNM'], directional: true, period: '2021', base: '2020', measure: 'change' },
      ]),
    ],
    expected: [],
  },
  {
    name: 'trap: a change with no base period, and one whose claim is not comparable',
    releases: [
      consultations,
      release(B, 'Trade reached USD 9.5 billion in 2021, up 40%. Also up 35% on 2020, someone said.\n', [
        trade('USD 9.5 billion', '2021'),
        trade('40%', '2021', { measure: 'change' }),
        change('35%', '2021', '2020', { unknown: ['metric unknown'] }),
      ]),
    ],
    expected: [],
  },
];

for (const row of rows) {
  test(`growth-mismatch: ${row.name}`, () => checkFindings(growthMismatch, row.releases, row.expected));
}
