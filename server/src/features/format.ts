// Formatting of figures, intervals and dates for people: thousands separators, scale words,
// weekdays, distances in days. Shared by hovers, the outline and the command line's text output.

import { formatIsoDay, isoDayNumber, parseIso, weekdayOf as calendarWeekday, WEEKDAY_NAMES } from '../analysis/calendar';
import type { Figure } from '../analysis/types';
import { ordinal } from '../checks/textual';

const integerFormat = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const decimalFormat = new Intl.NumberFormat('en-US', { maximumFractionDigits: 6 });

/** "5330000000" → "5,330,000,000"; "16.7" → "16.7". */
export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  return Number.isInteger(value) ? integerFormat.format(value) : decimalFormat.format(value);
}

const SCALES: ReadonlyArray<[number, string]> = [
  [1e12, 'trillion'],
  [1e9, 'billion'],
  [1e6, 'million'],
];

/** "5330000000" → "5.33 billion"; values under a million stay as they are. */
export function formatScaled(value: number): string {
  const magnitude = Math.abs(value);
  for (const [scale, word] of SCALES) {
    if (magnitude >= scale) return `${decimalFormat.format(Number((value / scale).toPrecision(12)))} ${word}`;
  }
  return formatNumber(value);
}

/** The normalised value of a figure as one would write it in full: "USD 5,330,000,000", "16.7%", "198 projects", "55th". */
export function formatFigureValue(figure: Figure): string {
  const range = (f: (v: number) => string): string =>
    figure.valueTo !== undefined ? `${f(figure.value)}–${f(figure.valueTo)}` : f(figure.value);
  switch (figure.kind) {
    case 'money':
      return `${figure.unit ?? '¤'} ${range(formatNumber)}`;
    case 'percent':
      return `${range(formatNumber)}%`;
    case 'count':
      return figure.unit ? `${range(formatNumber)} ${figure.unit}` : range(formatNumber);
    case 'ordinal':
      return range(ordinal);
    case 'number':
      return range(formatNumber);
  }
}

/**
 * The interval a figure's written precision allows: "5.33 billion" (resolution 1e7) covers
 * [5.325, 5.335) billion. Qualifiers widen it elsewhere; this is the rounding alone.
 */
export function roundingInterval(figure: Figure): { low: number; high: number } {
  const half = figure.resolution / 2;
  return { low: figure.value - half, high: (figure.valueTo ?? figure.value) + half };
}

// ---------------------------------------------------------------------------------------------
// Dates.

/** Days since 1970-01-01 of an ISO `YYYY-MM-DD` date, or NaN. */
function isoToDayNumber(iso: string): number {
  const day = parseIso(iso);
  return day ? isoDayNumber(day) : Number.NaN;
}

/** The weekday of an ISO day by name ("Thursday"), or null. */
export function weekdayOf(iso: string): string | null {
  const day = parseIso(iso);
  return day ? WEEKDAY_NAMES[calendarWeekday(day.y, day.m, day.d)]! : null;
}

/** "2021-10-23" → "23 October 2021". */
export const formatLongDate = formatIsoDay;

/** "2 days before", "on the same day as", "3 days after"; weeks and years for longer distances. */
export function describeDistance(fromIso: string, toIso: string): string | null {
  const a = isoToDayNumber(fromIso);
  const b = isoToDayNumber(toIso);
  if (Number.isNaN(a) || Number.isNaN(b)) return null;
  const days = a - b;
  if (days === 0) return 'the same day as';
  const magnitude = Math.abs(days);
  const side = days < 0 ? 'before' : 'after';
  if (magnitude < 60) return `${magnitude} day${magnitude === 1 ? '' : 's'} ${side}`;
  if (magnitude < 730) return `about ${Math.round(magnitude / 30.44)} months ${side}`;
  return `about ${Math.round(magnitude / 365.25)} years ${side}`;
}
