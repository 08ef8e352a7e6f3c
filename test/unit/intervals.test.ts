// Stated precision and qualifiers as intervals: the arithmetic behind every figure comparison.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Figure } from '../../server/src/analysis/types';
import { add, figureInterval, overlap, percentChange } from '../../server/src/analysis/intervals';

function figure(value: number, resolution: number, qualifier: Figure['qualifier'] = 'exact', qualifierText?: string): Figure {
  return { start: 0, end: 1, text: 'x', kind: 'money', value, unit: 'USD', resolution, qualifier, modality: 'actual', ...(qualifierText ? { qualifierText } : {}) };
}

const close = (actual: number, expected: number) => assert.ok(Math.abs(actual - expected) < 1e-6 * Math.max(1, Math.abs(expected)), `${actual} ≈ ${expected}`);

test('rounding: "5.33 billion" covers 5.325 to 5.335 billion', () => {
  const i = figureInterval(figure(5.33e9, 1e7));
  close(i.low, 5.325e9);
  close(i.high, 5.335e9);
});

test('qualifiers widen the interval on the side they name', () => {
  const nearly = figureInterval(figure(80, 1, 'approximate', 'nearly'));
  assert.ok(nearly.high <= 80.5 && nearly.low < 79, 'nearly 80 stays at or under 80 (plus rounding)');
  const about = figureInterval(figure(80, 1, 'approximate', 'about'));
  assert.ok(about.high > 82 && about.low < 78);
  const topped = figureInterval(figure(9.5e9, 1e8, 'at-least', 'topped'));
  close(topped.low, 9.45e9);
  assert.ok(topped.high > 9.9e9);
  const under = figureInterval(figure(100, 1, 'at-most', 'under'));
  assert.ok(under.high <= 100.5 && under.low < 96);
});

test('nearly 4.7 billion agrees with 4.68 billion; 5.8 billion does not agree with 5.33 billion', () => {
  assert.ok(overlap(figureInterval(figure(4.7e9, 1e8, 'approximate', 'nearly')), figureInterval(figure(4.68e9, 1e7))));
  assert.ok(!overlap(figureInterval(figure(5.8e9, 1e8)), figureInterval(figure(5.33e9, 1e7))));
  assert.ok(overlap(figureInterval(figure(9.5e9, 1e8)), figureInterval(figure(9.54e9, 1e7))), '9.5 at two digits covers 9.54');
});

test('parts that round: 3.27 + 2.77 touches 6.03 at the edge, which is agreement', () => {
  const sum = add(figureInterval(figure(3.27e9, 1e7)), figureInterval(figure(2.77e9, 1e7)));
  assert.ok(overlap(sum, figureInterval(figure(6.03e9, 1e7))));
  assert.ok(!overlap(sum, figureInterval(figure(6.2e9, 1e7))));
});

test('a change computed from two intervals: topped 9.5 over 5.33 is at least +77%, and nearly 80% fits', () => {
  const change = percentChange(figureInterval(figure(5.33e9, 1e7)), figureInterval(figure(9.5e9, 1e8, 'at-least', 'topped')));
  assert.ok(change);
  assert.ok(change.low > 77 && change.low < 78.2);
  assert.ok(overlap(change, figureInterval(figure(80, 1, 'approximate', 'nearly'))));
  assert.ok(!overlap(change, figureInterval(figure(40, 1))));
  assert.equal(percentChange({ low: 0, high: 1 }, { low: 1, high: 2 }), null);
});
