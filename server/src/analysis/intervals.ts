// Stated values as intervals: the written precision and the qualifier bound what a figure can
// mean, and two statements conflict only when their intervals cannot overlap. Sums and ratios
// carry the intervals through (see ../shared/notes/claims.md).

import type { Figure, Qualifier } from './types';

/** A closed interval of values; `low <= high`. */
export interface Interval {
  readonly low: number;
  readonly high: number;
}

/** How far "nearly", "about", "over" reach, as a fraction of the value. Configurable later. */
export const DEFAULT_QUALIFIER_TOLERANCE = 0.05;

/**
 * The values a figure may stand for: its rounding ("5.33 billion" = [5.325, 5.335] billion) widened
 * by its qualifier: "nearly X" = [X(1−ε), X], "about X" = X ± ε·X, "over X" = [X, X(1+ε)],
 * "under X" = [X(1−ε), X]. Half-open rounding intervals are treated as closed: touching at an edge
 * is agreement, never a conflict.
 */
export function figureInterval(figure: Figure, tolerance = DEFAULT_QUALIFIER_TOLERANCE): Interval {
  const half = figure.resolution / 2;
  const low = figure.value - half;
  const high = (figure.valueTo ?? figure.value) + half;
  return qualify({ low, high }, figure.qualifier, figure.value, figure.qualifierText, tolerance);
}

const JUST_UNDER = new Set(['nearly', 'almost', 'close to', 'just under', 'nearly reaching']);

function qualify(rounded: Interval, qualifier: Qualifier, value: number, words: string | undefined, tolerance: number): Interval {
  const reach = Math.abs(value) * tolerance;
  switch (qualifier) {
    case 'exact':
      return rounded;
    case 'approximate':
      // "nearly X" and "almost X" stay below X; "about X" goes both ways.
      if (words !== undefined && JUST_UNDER.has(words.toLowerCase())) return { low: rounded.low - reach, high: rounded.high };
      return { low: rounded.low - reach, high: rounded.high + reach };
    case 'at-least':
      return { low: rounded.low, high: rounded.high + reach };
    case 'at-most':
      return { low: rounded.low - reach, high: rounded.high };
  }
}

export function overlap(a: Interval, b: Interval): boolean {
  return a.low <= b.high && b.low <= a.high;
}

export function add(a: Interval, b: Interval): Interval {
  return { low: a.low + b.low, high: a.high + b.high };
}

export function subtract(a: Interval, b: Interval): Interval {
  return { low: a.low - b.high, high: a.high - b.low };
}

/**
 * The relative change from `base` to `next`, in percent: (next / base − 1) × 100, over every value
 * both intervals allow. Null when the base interval reaches zero or below (no meaningful ratio).
 */
export function percentChange(base: Interval, next: Interval): Interval | null {
  if (base.low <= 0) return null;
  return { low: (next.low / base.high - 1) * 100, high: (next.high / base.low - 1) * 100 };
}

/** The interval's midpoint, for messages ("+78.2%"). */
export function midpoint(interval: Interval): number {
  return (interval.low + interval.high) / 2;
}
