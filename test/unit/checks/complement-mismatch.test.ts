// complement-mismatch: the share demarcated and the share remaining of one border, in one release.

import { test } from 'node:test';
import { complementMismatch } from '../../../server/src/checks/complement-mismatch';
import type { CheckedRelease } from '../../../server/src/checks/check';
import { checkFindings, release, type ClaimSpec, type Expected } from './claimFixtures';

const A = 'file:///ws/releases/2021-10-23-border.release.md';
const B = 'file:///ws/releases/2022-11-09-border.release.md';

const done = (figure: string, period: string, extra: Partial<ClaimSpec> = {}): ClaimSpec =>
  ({ figure, metric: 'border.demarcated', parties: ['KHM', 'VNM'], period, measure: 'share', ...extra });
const left = (figure: string, period: string, extra: Partial<ClaimSpec> = {}): ClaimSpec =>
  ({ figure, metric: 'border.undemarcated', parties: ['KHM', 'VNM'], period, measure: 'share', ...extra });

interface Row {
  readonly name: string;
  readonly releases: readonly CheckedRelease[];
  readonly expected: readonly Expected[];
}

const rows: Row[] = [
  {
    name: '84% demarcated and "the remaining 14%": 98%, not 100%',
    releases: [release(A, 'Both sides have completed 84% of the land border demarcation.\nTalks continue on the remaining 14% of the border.\n',
      [done('84%', '@2021-10-23'), left('14%', '@2021-10-23')])],
    expected: [{
      uri: A, span: '14%', severity: 'warning', related: [A],
      words: ['share of the land border not yet demarcated Cambodia–Viet Nam: 14% here', 'share of the land border demarcated Cambodia–Viet Nam: 84% on line 1', 'add up to 98%, not 100%'],
    }],
  },
  {
    name: 'the remaining share stated before the share done: the later one is marked',
    releases: [release(A, '12% of the border remains to be marked; 90% has been demarcated.\n', [left('12%', '@2021-10-23'), done('90%', '@2021-10-23')])],
    // "90%" is read at its written precision, [85, 95]: with 12% it is 97–107%, and that contains 100.
    expected: [],
  },
  {
    name: 'a decimal share: 84.5% and 13.5% are 98.0%',
    releases: [release(A, 'Demarcation: 84.5% done.\nA later paragraph says the remaining 13.5%.\n', [done('84.5%', '@2021-10-23'), left('13.5%', '@2021-10-23')])],
    expected: [{ uri: A, span: '13.5%', severity: 'warning', words: ['13.5% here', '84.5% on line 1', 'add up to 98.0%, not 100%'] }],
  },
  {
    name: 'a stock "as of 2021" and one "at present" in a release of 2021 are the same time',
    releases: [release(A, 'As of 2021, 84% was demarcated; at present the remaining 14% is being negotiated.\n',
      [done('84%', '@2021-12-31'), left('14%', '@2021-10-23')])],
    expected: [{ uri: A, span: '14%', severity: 'warning', words: ['98%'] }],
  },

  // ---- never a finding ----
  {
    name: 'trap: 84% and the remaining 16%',
    releases: [release(A, 'Completed: 84% of the border. Remaining: 16%.\n', [done('84%', '@2021-10-23'), left('16%', '@2021-10-23')])],
    expected: [],
  },
  {
    name: 'trap: qualifiers — "nearly 85%" with 16% remaining',
    releases: [release(A, 'Marking: nearly 85% of the border is done; 16% remains.\n', [done('nearly 85%', '@2021-10-23'), left('16%', '@2021-10-23')])],
    expected: [],
  },
  {
    name: 'trap: shares in different releases (different points in time)',
    releases: [
      release(A, '84% of the border was demarcated.\n', [done('84%', '@2021-10-23')]),
      release(B, 'The remaining 14% of the border is still open.\n', [left('14%', '@2022-11-09')]),
    ],
    expected: [],
  },
  {
    name: 'trap: one release, two different times (2019 and at present)',
    releases: [release(B, 'By 2019, 60% had been demarcated. The remaining 16% is now under talks.\n',
      [done('60%', '@2019-12-31'), left('16%', '@2022-11-09')])],
    expected: [],
  },
  {
    name: 'trap: different borders (Laos–Viet Nam done, Cambodia–Viet Nam remaining)',
    releases: [release(B, 'The Laos–Viet Nam border is 97% demarcated, while 16% of the Cambodia–Viet Nam border remains.\n',
      [done('97%', '@2022-11-09', { parties: ['LAO', 'VNM'] }), left('16%', '@2022-11-09')])],
    expected: [],
  },
  {
    name: 'trap: two remainders, one completes the share done: the other is a figure-conflict, not a complement finding',
    releases: [release(A, 'Demarcation: 84.5% done.\nThe remaining 15.5% is under talks.\nA later paragraph says the remaining 13.5%.\n',
      [done('84.5%', '@2021-10-23'), left('15.5%', '@2021-10-23'), left('13.5%', '@2021-10-23')])],
    expected: [],
  },
  {
    name: 'trap: a target share against the actual remainder; two shares of the same metric',
    releases: [release(B, 'They aim to finish 95% of the work by 2025. 84% is done and the remaining 16% is open. 86% was reported earlier.\n', [
      done('95%', '@2025-12-31', { modality: 'target' }),
      done('84%', '@2022-11-09'),
      left('16%', '@2022-11-09'),
      done('86%', '@2022-11-09'),
    ])],
    expected: [],
  },
  {
    name: 'trap: a change in a share is not a share',
    releases: [release(B, 'Demarcation rose 4% on 2021; 84% is done.\n', [
      { ...done('4%', '2022'), measure: 'change', base: '2021' },
      done('84%', '@2022-11-09'),
    ])],
    expected: [],
  },
];

for (const row of rows) {
  test(`complement-mismatch: ${row.name}`, () => checkFindings(complementMismatch, row.releases, row.expected));
}
