// The figures of the two real seed releases in ../shared/seeds, listed by reading them: every
// figure a reviewer would mark, exactly once, and nothing else (no years, no day numbers, no
// "19" of COVID-19, no "the two countries"). Skipped when the seeds folder is absent.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Figure } from '../../server/src/analysis/types';
import { analyseDocument } from '../../server/src/analysis/document';
import { extractFigures } from '../../server/src/analysis/figures';
import { proseContext } from '../../server/src/analysis/text';

// Compiled tests run from out/test/unit: the repository root is three levels up.
const seeds = resolve(__dirname, '..', '..', '..', '..', 'shared', 'seeds');

interface Expected {
  readonly text: string;
  readonly kind: Figure['kind'];
  readonly value: number;
  readonly unit: string | null;
  readonly qualifier?: Figure['qualifier'];
  readonly qualifierText?: string;
}

const expected: Record<string, readonly Expected[]> = {
  '000_6a6fe5dc36f90356.txt': [
    { text: '40th', kind: 'ordinal', value: 40, unit: null },
    { text: '41st', kind: 'ordinal', value: 41, unit: null },
    { text: '55th', kind: 'ordinal', value: 55, unit: null },
    { text: '9.5 billion USD', kind: 'money', value: 9.5e9, unit: 'USD', qualifier: 'at-least', qualifierText: 'topped' },
    { text: '8.45 billion USD', kind: 'money', value: 8.45e9, unit: 'USD', qualifier: 'exact' },
    { text: '80%', kind: 'percent', value: 80, unit: '%', qualifier: 'approximate', qualifierText: 'nearly' },
    { text: '16.7%', kind: 'percent', value: 16.7, unit: '%', qualifier: 'exact' },
    { text: '198 valid investment projects', kind: 'count', value: 198, unit: 'projects' },
    { text: '2.92billion USD', kind: 'money', value: 2.92e9, unit: 'USD' },
    { text: 'first', kind: 'ordinal', value: 1, unit: null },
    { text: 'fifth', kind: 'ordinal', value: 5, unit: null },
    { text: '16%', kind: 'percent', value: 16, unit: '%' },
    { text: '32nd', kind: 'ordinal', value: 32, unit: null },
    { text: '11 documents', kind: 'count', value: 11, unit: 'documents' },
  ],
  '002_8bdcf96810de8f6e.txt': [
    { text: 'SEVENTH', kind: 'ordinal', value: 7, unit: null },
    { text: '7th', kind: 'ordinal', value: 7, unit: null },
    { text: 'two important legal documents', kind: 'count', value: 2, unit: 'documents' },
    { text: '84%', kind: 'percent', value: 84, unit: '%' },
    { text: '16%', kind: 'percent', value: 16, unit: '%' },
    { text: 'USD 5.26 billion', kind: 'money', value: 5.26e9, unit: 'USD', qualifier: 'exact' },
    { text: 'USD 5.33 billion', kind: 'money', value: 5.33e9, unit: 'USD' },
    { text: 'USD 6.03 billion', kind: 'money', value: 6.03e9, unit: 'USD' },
    { text: '13th', kind: 'ordinal', value: 13, unit: null },
    { text: '19th', kind: 'ordinal', value: 19, unit: null },
    { text: '55th', kind: 'ordinal', value: 55, unit: null },
    { text: '8th', kind: 'ordinal', value: 8, unit: null },
  ],
};

function check(name: string, text: string, figures: readonly Figure[]): void {
  for (const f of figures) assert.equal(f.text, text.slice(f.start, f.end), `${name}: span of ${f.text}`);
  const want = expected[name]!;
  assert.deepEqual(figures.map((f) => f.text), want.map((e) => e.text), `${name}: the figures, in order`);
  want.forEach((e, i) => {
    const f = figures[i]!;
    assert.equal(f.kind, e.kind, `${name}: kind of ${e.text}`);
    assert.ok(Math.abs(f.value - e.value) <= Math.abs(e.value) * 1e-12, `${name}: value of ${e.text}: ${f.value}`);
    assert.equal(f.unit, e.unit, `${name}: unit of ${e.text}`);
    if (e.qualifier !== undefined) assert.equal(f.qualifier, e.qualifier, `${name}: qualifier of ${e.text}`);
    if (e.qualifierText !== undefined) assert.equal(f.qualifierText, e.qualifierText, `${name}: qualifier words of ${e.text}`);
    assert.equal(f.modality, 'actual', `${name}: ${e.text} is reported, not aimed at`);
  });
  // No year, no day number, no "19" of COVID-19 anywhere.
  for (const f of figures) {
    assert.ok(!/^(19|20)\d\d$/.test(f.text), `${name}: year ${f.text}`);
    assert.notEqual(f.text, '19', `${name}: COVID-19`);
  }
}

for (const name of Object.keys(expected)) {
  test(`seed ${name}: the figures a reviewer would mark (whole analysis)`, (t) => {
    const path = join(seeds, name);
    if (!existsSync(path)) {
      t.skip(`seed not found at ${path}`);
      return;
    }
    const text = readFileSync(path, 'utf8');
    check(name, text, analyseDocument(text, `file:///${name.replace('.txt', '.release.txt')}`).figures);
  });

  test(`seed ${name}: the same figures from the extractor alone (no date spans to lean on)`, (t) => {
    const path = join(seeds, name);
    if (!existsSync(path)) {
      t.skip(`seed not found at ${path}`);
      return;
    }
    const text = readFileSync(path, 'utf8');
    check(name, text, extractFigures(proseContext(text, 'file:///seed.release.txt'), []));
  });
}

test('seeds folder', (t) => {
  if (!existsSync(seeds)) t.skip(`no seeds at ${seeds}: the seed tests were skipped`);
});
