// Pure calendar arithmetic on ISO days (`YYYY-MM-DD`), with `Date.UTC` and day numbers: no time
// zones, no clocks. Months are 1–12, weekdays 0 = Sunday … 6 = Saturday.

const MS_PER_DAY = 86_400_000;

export interface Ymd {
  readonly y: number;
  readonly m: number;
  readonly d: number;
}

export function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function daysInMonth(y: number, m: number): number {
  if (m === 2) return isLeapYear(y) ? 29 : 28;
  return MONTH_DAYS[m - 1] ?? 0;
}

export function isValidDate(y: number, m: number, d: number): boolean {
  return Number.isInteger(y) && Number.isInteger(m) && Number.isInteger(d) && y >= 1 && y <= 9999 &&
    m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

function pad(n: number, width: number): string {
  const s = String(n);
  return s.length >= width ? s : '0'.repeat(width - s.length) + s;
}

/** "00" to "99": a month's or a day's two digits without formatting a number each time. */
const TWO_DIGITS: readonly string[] = Array.from({ length: 100 }, (_, i) => pad(i, 2));

/** `YYYY-MM-DD`; the caller makes sure the date is valid. */
export function toIso(y: number, m: number, d: number): string {
  return `${pad(y, 4)}-${TWO_DIGITS[m] ?? pad(m, 2)}-${TWO_DIGITS[d] ?? pad(d, 2)}`;
}

/** The first day of a month. */
export function monthStart(y: number, m: number): string {
  return toIso(y, m, 1);
}

/** The last day of a month. */
export function monthEnd(y: number, m: number): string {
  return toIso(y, m, daysInMonth(y, m));
}

/** Reads a strict `YYYY-MM-DD` (anything may follow it, as in `2021-10-23T09:00`); null when it is not a real day. */
export function parseIso(text: string): Ymd | null {
  if (text.length < 10) return null;
  for (let i = 0; i < 10; i++) {
    const c = text.charCodeAt(i);
    const dash = i === 4 || i === 7;
    if (dash ? c !== 0x2d : c < 0x30 || c > 0x39) return null;
  }
  if (text.length > 10) {
    const c = text.charCodeAt(10);
    if (c >= 0x30 && c <= 0x39) return null;
  }
  const y = Number(text.slice(0, 4));
  const m = Number(text.slice(5, 7));
  const d = Number(text.slice(8, 10));
  return isValidDate(y, m, d) ? { y, m, d } : null;
}

/** Days since 1970-01-01. */
export function dayNumber(y: number, m: number, d: number): number {
  const t = Date.UTC(y, m - 1, d);
  // Date.UTC maps years 0–99 to 1900–1999; set the year explicitly for them.
  if (y < 100) {
    const date = new Date(t);
    date.setUTCFullYear(y);
    return Math.round(date.getTime() / MS_PER_DAY);
  }
  return Math.round(t / MS_PER_DAY);
}

export function fromDayNumber(n: number): Ymd {
  const date = new Date(n * MS_PER_DAY);
  return { y: date.getUTCFullYear(), m: date.getUTCMonth() + 1, d: date.getUTCDate() };
}

export function isoFromDayNumber(n: number): string {
  const { y, m, d } = fromDayNumber(n);
  return toIso(y, m, d);
}

export function isoDayNumber(iso: Ymd): number {
  return dayNumber(iso.y, iso.m, iso.d);
}

export const WEEKDAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const;
export const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'] as const;

/** "2021-10-21" → "21 October 2021"; anything that is no ISO day comes back as it is. */
export function formatIsoDay(iso: string): string {
  const day = parseIso(iso);
  return day ? `${day.d} ${MONTH_NAMES[day.m - 1]} ${day.y}` : iso;
}

/**
 * A period for people, in messages, hovers and hints alike: "2020", "2019–2021", "October 2021",
 * "January–September 2022", "as of 23 October 2021" (a point in time), "21 October 2021".
 */
export function periodLabel(period: { readonly from: string; readonly to: string; readonly pointInTime?: boolean }): string {
  const from = parseIso(period.from);
  const to = parseIso(period.to);
  if (!from || !to) return `${period.from}–${period.to}`;
  if (period.pointInTime) return `as of ${formatIsoDay(period.to)}`;
  if (from.d === 1 && to.d === daysInMonth(to.y, to.m)) {
    if (from.m === 1 && to.m === 12) return from.y === to.y ? `${from.y}` : `${from.y}–${to.y}`;
    if (from.y === to.y) {
      if (from.m === to.m) return `${MONTH_NAMES[from.m - 1]} ${from.y}`;
      return `${MONTH_NAMES[from.m - 1]}–${MONTH_NAMES[to.m - 1]} ${from.y}`;
    }
    return `${MONTH_NAMES[from.m - 1]} ${from.y}–${MONTH_NAMES[to.m - 1]} ${to.y}`;
  }
  if (period.from === period.to) return formatIsoDay(period.from);
  return `${formatIsoDay(period.from)}–${formatIsoDay(period.to)}`;
}

/** 0 = Sunday … 6 = Saturday. */
export function weekdayOf(y: number, m: number, d: number): number {
  const n = dayNumber(y, m, d);
  return (((n + 4) % 7) + 7) % 7; // 1970-01-01 was a Thursday
}

/** An ISO day `days` after (or before, when negative) the given day. */
export function addDays(day: Ymd, days: number): string {
  return isoFromDayNumber(isoDayNumber(day) + days);
}

/** The month `months` after (or before) the given month, as [year, month]. */
export function addMonths(y: number, m: number, months: number): [number, number] {
  const index = y * 12 + (m - 1) + months;
  return [Math.floor(index / 12), (index % 12 + 12) % 12 + 1];
}

/** The Monday that starts the ISO week holding the day, as a day number. */
export function weekStartDayNumber(day: Ymd): number {
  const n = isoDayNumber(day);
  const weekday = (((n + 4) % 7) + 7) % 7;
  return n - ((weekday + 6) % 7);
}
