// dateline-order: a release dated before an event it reports as past ("held talks on 25 October" in
// a release dated 23 October 2021). Two statements that cannot both be true as written, but the
// mistake may be in either date: warning.
//
// Precision first: only a day (or a range of days) after the release date, and only when the
// sentence clearly reports it as past: an event verb just before it ("held talks on", "was signed
// in Hanoi on", "took place on"), or a sentence that opens with "On <date>," and goes on in the past
// ("On 25 October, the ministers signed …"). Words of the future or of what may be ("will", "to be
// held", "scheduled", "upcoming", "readiness to host") before the date, or anywhere in an "On
// <date>," sentence, mean it is not reported as past. A date
// written without its year resolves to the release's year; it counts only within 31 days after the
// release date (beyond that the writer more likely meant the year before).

import { parseIso, isoDayNumber } from '../analysis/calendar';
import type { DateMention } from '../analysis/types';
import type { Check, CheckedRelease } from './check';
import type { Finding } from './finding';
import { formatIsoDay, lineOf, releaseSentences, speaksOfFuture, tokenRange, writesYear, type Sentences } from './textual';
import words from '../knowledge/event-words.json';

const EVENT_VERBS = new Set<string>(words.eventVerbs);
const REPORT_VERBS = new Set<string>(words.reportVerbs);

/** Days after the release date within which a date written without its year may be reported as past. */
const YEARLESS_WINDOW = 31;
/** Words between an event verb and the "on" before the date ("held talks in Hanoi on"). */
const MAX_BETWEEN = 5;

/** The words that report the date as past ("held talks on", "On …, signed"), or null. */
function pastReport(s: Sentences, first: number, last: number): string | null {
  const from = s.start[first]!;
  const to = s.end[first]!;
  const prep = first - 1;
  if (prep < from) return null;
  const pw = s.words[prep]!;
  if (pw !== 'on' && pw !== 'from') return null;
  // Before: an event verb a few words before "on", with no punctuation or "to" between, and no
  // word of the future before the date ("will hold talks on"). What follows the date does not
  // change the tense of the verb before it ("held talks on 26 October and agreed a plan for the
  // coming year").
  if (speaksOfFuture(s, from, first)) return null;
  for (let i = prep - 1, between = 0; i >= from && between <= MAX_BETWEEN; i--, between++) {
    const t = s.tokens[i]!;
    const w = s.words[i]!;
    if (t.kind === 'punct' && w !== '-') break;
    if (w === 'to') break;
    if (EVENT_VERBS.has(w)) {
      // "took place on": name both words.
      const next = i + 1 < prep && s.words[i + 1] === 'place' ? ' place' : '';
      return `${w}${next}`;
    }
  }
  // After: "On <date>, <subject> <verb>…" at the start of the sentence, with no word of the future in it.
  if (prep === from && pw === 'on' && !speaksOfFuture(s, from, to)) {
    for (let i = last + 1; i < to && i <= last + 40; i++) {
      const w = s.words[i]!;
      if (REPORT_VERBS.has(w)) return w;
    }
  }
  return null;
}

function isAfterRelease(date: DateMention, releaseDay: number): boolean {
  if (date.from === null || (date.granularity !== 'day' && date.granularity !== 'range')) return false;
  const from = parseIso(date.from);
  if (!from) return false;
  const gap = isoDayNumber(from) - releaseDay;
  if (gap <= 0) return false;
  if (writesYear(date)) return true;
  // Without a year: an explicit day and month ("25 October"), never "tomorrow" or "next week".
  return /\d/.test(date.text) && gap <= YEARLESS_WINDOW;
}

export const datelineOrder: Check = {
  code: 'dateline-order',
  description: 'A release date earlier than an event the release reports as past.',
  scope: 'document',
  run(release: CheckedRelease): Finding[] {
    const findings: Finding[] = [];
    const releaseDate = release.analysis.releaseDate;
    if (!releaseDate) return findings;
    const day = parseIso(releaseDate.date);
    if (!day) return findings;
    const releaseDay = isoDayNumber(day);
    const candidates = release.analysis.dates.filter(
      (d) => !(d.start >= releaseDate.start && d.end <= releaseDate.end) && isAfterRelease(d, releaseDay),
    );
    if (candidates.length === 0) return findings;
    const s = releaseSentences(release);
    for (const date of candidates) {
      const range = tokenRange(s.tokens, date);
      if (!range) continue;
      const verb = pastReport(s, range[0], range[1]);
      if (verb === null) continue;
      const written = date.text.replace(/\s+/g, ' ');
      const resolved = writesYear(date) ? '' : ` (${formatIsoDay(date.from!)})`;
      findings.push({
        code: 'dateline-order',
        severity: 'warning',
        message:
          `“${written}”${resolved} is reported as past (“${verb}”), but the release is dated earlier: ` +
          `${formatIsoDay(releaseDate.date)} (line ${lineOf(release, releaseDate.start)})`,
        start: date.start,
        end: date.end,
        related: [{ uri: release.uri, start: releaseDate.start, end: releaseDate.end, message: 'the release date' }],
      });
    }
    return findings;
  },
};
