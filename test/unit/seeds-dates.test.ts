// The two real seed releases in ../shared/seeds (read, never copied into the project): the release
// date of each and every date mention a reader finds in them, in order.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { proseContext } from '../../server/src/analysis/text';
import { extractDates, findReleaseDate } from '../../server/src/analysis/dates';
import type { DateGranularity } from '../../server/src/analysis/types';

// Compiled tests run from out/test/unit: the repository root is three levels up.
const SEEDS = join(__dirname, '..', '..', '..', '..', 'shared', 'seeds');

type Row = readonly [text: string, from: string | null, to: string | null, granularity: DateGranularity, relative: boolean, needsReleaseDate?: boolean];

interface Seed {
  readonly prefix: string;
  /** [date, source, text] of the release date, or null. */
  readonly release: readonly [string, string, string] | null;
  readonly dates: readonly Row[];
}

const SEED_EXPECTATIONS: readonly Seed[] = [
  {
    // A news-agency item that states no date of its own: its relative dates stay unresolved.
    prefix: '000_',
    release: null,
    dates: [
      ['2022', '2022-01-01', '2022-12-31', 'year', false], // "Chair of ASEANin 2022"
      ['the next few days', null, null, 'range', true, true],
      ['2022', '2022-01-01', '2022-12-31', 'year', false], // "significance in 2022"
      ['2021', '2021-01-01', '2021-12-31', 'year', false], // trade "in 2021"
      ['the first nine months of this year', null, null, 'period', true, true],
      ['at present', null, null, 'day', true, true],
      ['2023', '2023-01-01', '2023-12-31', 'year', false], // SEA Games "in 2023"
      ['at an early date', null, null, 'vague', true, false],
    ],
  },
  {
    // A ministry release: an event line under the title, the signature dateline at the end.
    prefix: '002_',
    release: ['2021-10-23', 'dateline', 'Phnom Penh, 23 October 2021'],
    dates: [
      ['21 October 2021', '2021-10-21', '2021-10-21', 'day', false], // "Video Conference, 21 October 2021"
      ['21 October 2021', '2021-10-21', '2021-10-21', 'day', false], // "On 21 October 2021, ..."
      ['2019', '2019-01-01', '2019-12-31', 'year', false],
      ['2020', '2020-01-01', '2020-12-31', 'year', false],
      ['seven months of 2021', '2021-01-01', '2021-07-31', 'period', false],
      ['at the earliest opportunity', null, null, 'vague', true, false],
      ['25-26 November 2021', '2021-11-25', '2021-11-26', 'range', false],
      ['2022', '2022-01-01', '2022-12-31', 'year', false], // "ASEAN Chairmanship 2022"
      ['December 2021', '2021-12-01', '2021-12-31', 'month', false],
      ['2022', '2022-01-01', '2022-12-31', 'year', false], // "the Year 2022"
      ['2023', '2023-01-01', '2023-12-31', 'year', false], // "8th Political Consultations in 2023"
      ['23 October 2021', '2021-10-23', '2021-10-23', 'day', false], // the signature
    ],
  },
];

test('seeds: release dates and date mentions', async (t) => {
  if (!existsSync(SEEDS)) {
    t.skip(`no seed releases at ${SEEDS}`);
    return;
  }
  const files = readdirSync(SEEDS);
  for (const seed of SEED_EXPECTATIONS) {
    const file = files.find((f) => f.startsWith(seed.prefix) && f.endsWith('.txt'));
    await t.test(seed.prefix, (st) => {
      if (!file) {
        st.skip(`seed ${seed.prefix}* not found in ${SEEDS}`);
        return;
      }
      const text = readFileSync(join(SEEDS, file), 'utf8');
      const context = proseContext(text, `file:///seeds/${file}`);
      const release = findReleaseDate(context);
      assert.deepEqual(release ? [release.date, release.source, release.text] : null, seed.release);
      if (release) assert.equal(release.text, text.slice(release.start, release.end));
      const dates = extractDates(context, release);
      for (const d of dates) assert.equal(d.text, text.slice(d.start, d.end));
      const rows = dates.map((d): Row => d.relative
        ? [d.text, d.from, d.to, d.granularity, d.relative, d.needsReleaseDate ?? false]
        : [d.text, d.from, d.to, d.granularity, d.relative]);
      assert.deepEqual(rows, seed.dates);
    });
  }
});

test('seeds: the signature of 002 is where the release date is read', (t) => {
  if (!existsSync(SEEDS)) {
    t.skip(`no seed releases at ${SEEDS}`);
    return;
  }
  const file = readdirSync(SEEDS).find((f) => f.startsWith('002_'));
  if (!file) {
    t.skip('seed 002 not found');
    return;
  }
  const text = readFileSync(join(SEEDS, file), 'utf8');
  const release = findReleaseDate(proseContext(text, `file:///seeds/${file}`));
  assert.equal(release?.start, text.lastIndexOf('Phnom Penh'));
});
