// Dates: full dates, ranges, months, years, quarters, periods and relative forms, each resolved to
// an interval; and the release's own date, against which relative forms resolve.

import type { DateMention, ReleaseDate } from './types';
import type { ProseContext } from './text';

/** The date the release speaks from: front matter `date:`, a dateline, or a date line under the title. */
export function findReleaseDate(context: ProseContext): ReleaseDate | null {
  void context;
  return null;
}

/** Every date mention, resolved against the release date where it is relative. */
export function extractDates(context: ProseContext, releaseDate: ReleaseDate | null): DateMention[] {
  void context;
  void releaseDate;
  return [];
}
