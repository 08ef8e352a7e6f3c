// weekday-mismatch: a weekday written with a date that falls on another day ("Tuesday, 21 October
// 2021": 21 October 2021 was a Thursday). A contradiction of dates within the text: warning. The
// message names the right weekday, so a reader (and the quick fix) can correct it.

import { isValidDate, weekdayOf } from '../analysis/calendar';
import type { DateMention } from '../analysis/types';
import type { Check, CheckedRelease } from './check';
import type { Finding } from './finding';
import { formatIsoDay, WEEKDAY_NAMES, writesYear } from './textual';

/** The weekday a date mention should have named, or null when it names the right one (or cannot be checked). */
export function correctWeekday(date: DateMention): number | null {
  if (!date.weekday || date.from === null || date.from !== date.to || !/\d/.test(date.text)) return null;
  const [y, m, d] = date.from.split('-').map(Number) as [number, number, number];
  const actual = weekdayOf(y, m, d);
  if (actual === date.weekday.day) return null;
  if (!writesYear(date)) {
    // "Friday, 31 December" in a release of 3 January: the year was inferred and may be the one
    // before or after; if the weekday fits either, the text is not wrong.
    for (const year of [y - 1, y + 1]) if (isValidDate(year, m, d) && weekdayOf(year, m, d) === date.weekday.day) return null;
  }
  return actual;
}

/** The date as written without its weekday ("21 October 2021"), or the ISO day spelled out when the text has no year. */
function dateWithoutWeekday(release: CheckedRelease, date: DateMention): string {
  if (!writesYear(date) || !date.weekday) return formatIsoDay(date.from!);
  const before = release.text.slice(date.start, date.weekday.start);
  const after = release.text.slice(date.weekday.end, date.end);
  const rest = (before.trim().length > 0 ? before : after).replace(/^[\s,.()]+|[\s,.()]+$/g, '');
  return rest.length > 0 ? rest.replace(/\s+/g, ' ') : formatIsoDay(date.from!);
}

export const weekdayMismatch: Check = {
  code: 'weekday-mismatch',
  description: 'A weekday that is not the weekday of the date it names.',
  scope: 'document',
  run(release: CheckedRelease): Finding[] {
    const findings: Finding[] = [];
    const releaseDate = release.analysis.releaseDate?.date ?? null;
    for (const date of release.analysis.dates) {
      const actual = correctWeekday(date);
      if (actual === null || !date.weekday) continue;
      const tense = releaseDate !== null && date.from! >= releaseDate ? 'is' : 'was';
      findings.push({
        code: 'weekday-mismatch',
        severity: 'warning',
        message: `${dateWithoutWeekday(release, date)} ${tense} a ${WEEKDAY_NAMES[actual]}, not a ${WEEKDAY_NAMES[date.weekday.day]}`,
        start: date.weekday.start,
        end: date.weekday.end,
        related: [],
      });
    }
    return findings;
  },
};
