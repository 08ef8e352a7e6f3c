// Shared by the textual, date and event checks (weekday, dateline, anniversary, ordinal, party
// variant, glued words, unresolved dates): sentences over tokens, words around a span, and naming
// a place in a release for a message. Pure; linear in the release.

import { positionAt, proseContext, type ProseContext, type Token } from '../analysis/text';
import type { DateMention, Span } from '../analysis/types';
import type { CheckedRelease } from './check';
import eventWords from '../knowledge/event-words.json';

const FUTURE_WORDS = new Set<string>(eventWords.futureWords);
const FUTURE_PHRASES = new Set<string>(eventWords.futurePhrases);

/** The last segment of a URI's path, decoded: "2021-10-23-consultations.release.md". */
export function fileName(uri: string): string {
  const path = uri.split(/[?#]/)[0] ?? uri;
  const last = path.slice(path.lastIndexOf('/') + 1);
  try {
    return decodeURIComponent(last);
  } catch {
    return last;
  }
}

/** One-based line of an offset in a release. */
export function lineOf(release: CheckedRelease, offset: number): number {
  return positionAt(release.analysis.lineStarts, offset).line + 1;
}

/** "line 12" in the same release, "2021-10-23-consultations.release.md, line 12" in another. */
export function placeOf(there: CheckedRelease, offset: number, here: CheckedRelease): string {
  const line = lineOf(there, offset);
  return there.uri === here.uri ? `line ${line}` : `${fileName(there.uri)}, line ${line}`;
}

export { formatIsoDay, WEEKDAY_NAMES } from '../analysis/calendar';

/** A whole number as an English ordinal: "1st", "13th", "55th" (messages, hovers). */
export function ordinal(value: number): string {
  const n = Math.trunc(value);
  const lastTwo = Math.abs(n) % 100;
  const last = Math.abs(n) % 10;
  const suffix = lastTwo >= 11 && lastTwo <= 13 ? 'th' : last === 1 ? 'st' : last === 2 ? 'nd' : last === 3 ? 'rd' : 'th';
  return `${n}${suffix}`;
}

/** True when a date mention writes its year ("21 October 2021"), false for "21 October" or "this year". */
export function writesYear(date: DateMention): boolean {
  const t = date.text;
  for (let i = 0; i + 3 < t.length; i++) {
    if (isDigit(t, i) && isDigit(t, i + 1) && isDigit(t, i + 2) && isDigit(t, i + 3) && !isDigit(t, i - 1) && !isDigit(t, i + 4)) return true;
  }
  return false;
}

function isDigit(t: string, i: number): boolean {
  const c = t.charCodeAt(i);
  return c >= 0x30 && c <= 0x39;
}

// ---------------------------------------------------------------------------------------------
// Sentences over tokens.

const ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'no', 'nos', 'st', 'vs', 'etc', 'e', 'g', 'i', 'h', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul',
  'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'gen', 'lt', 'col', 'sen', 'rep', 'gov', 'approx', 'inc', 'ltd', 'co', 'corp', 'art',
  'para', 'vol', 'p', 'pp', 'fig', 'govt', 'dept', 'assoc', 'est', 'amb', 'hon', 'rev', 'capt', 'maj', 'sgt', 'cmdr', 'adm',
]);

/** The folded text of every token, and for every token the index of the first token of its sentence. */
export interface Sentences {
  readonly tokens: readonly Token[];
  /** `fold`ed text of each token. */
  readonly words: readonly string[];
  /** For token i, the index of the first token of its sentence. */
  readonly start: Int32Array;
  /** For token i, one past the index of the last token of its sentence. */
  readonly end: Int32Array;
}

/**
 * Splits the tokens into sentences: a sentence ends at ".", "!", "?" or ";" followed by white space
 * (not after an abbreviation or a single letter, "H.E.", "U.S."), and at a blank line.
 */
export function sentences(context: ProseContext): Sentences {
  const { tokens, keys: words, prose } = context;
  const n = tokens.length;
  const start = new Int32Array(n);
  const end = new Int32Array(n);
  let first = 0;
  const close = (last: number): void => {
    for (let k = first; k <= last; k++) end[k] = last + 1;
    first = last + 1;
  };
  for (let i = 0; i < n; i++) {
    start[i] = first;
    const t = tokens[i]!;
    const next = tokens[i + 1];
    if (next && blankLineBetween(prose, t.end, next.start)) {
      close(i);
      continue;
    }
    const w = words[i]!;
    if (t.kind === 'punct' && (w === '.' || w === '!' || w === '?' || w === ';')) {
      if (next && !next.spaceBefore) continue; // "./." or a decimal handled by the tokenizer
      if (w === '.' && i > 0) {
        const before = tokens[i - 1]!;
        const bw = words[i - 1]!;
        if (before.kind === 'word' && before.end === t.start && (bw.length === 1 || ABBREVIATIONS.has(bw))) continue;
      }
      close(i);
    }
  }
  if (first < n) close(n - 1);
  return { tokens, words, start, end };
}

function blankLineBetween(prose: string, from: number, to: number): boolean {
  let newlines = 0;
  for (let i = from; i < to; i++) {
    const c = prose.charCodeAt(i);
    if (c === 0x0a) {
      newlines++;
      if (newlines >= 2) return true;
    } else if (c !== 0x20 && c !== 0x09 && c !== 0x0d) newlines = 0;
  }
  return false;
}

/** Index of the first token that starts at or after `offset`. */
export function firstTokenFrom(tokens: readonly Token[], offset: number): number {
  let low = 0;
  let high = tokens.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (tokens[mid]!.start < offset) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** The indices [first, last] of the tokens inside a span, or null when none is. */
export function tokenRange(tokens: readonly Token[], span: Span): [number, number] | null {
  const first = firstTokenFrom(tokens, span.start);
  if (first >= tokens.length || tokens[first]!.start >= span.end) return null;
  let last = first;
  while (last + 1 < tokens.length && tokens[last + 1]!.end <= span.end) last++;
  return [first, last];
}

/** True when any word of the sentence tokens [from, to) speaks of the future or of what may be ("will", "to be held", "upcoming"). */
export function speaksOfFuture(s: Sentences, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const w = s.words[i]!;
    if (FUTURE_WORDS.has(w)) return true;
    if (i + 1 < to && FUTURE_PHRASES.has(`${w} ${s.words[i + 1]!}`)) return true;
  }
  return false;
}

/**
 * The prose context and the sentences of the release being checked. Several checks read them, one
 * after another on the same release (runChecks runs every check on one release in a row, and the
 * index asks every check for its keys in a row): the last release's are kept, so each is built once
 * per release instead of once per check. Only one is kept: a language server holding every
 * indexed release's tokens would hold tens of millions of objects. A release never changes once
 * made (a new version is a new object), so this is a cache of pure functions, never stale.
 */
let lastRelease: CheckedRelease | null = null;
let lastContext: ProseContext | null = null;
let lastSentences: Sentences | null = null;

export function releaseProse(release: CheckedRelease): ProseContext {
  if (lastRelease !== release || lastContext === null) {
    lastRelease = release;
    lastContext = proseContext(release.text, release.uri, release.analysis.format);
    lastSentences = null;
  }
  return lastContext;
}

/**
 * Hands the checks the prose context the analysis of this release read (`AnalysisOptions.onContext`):
 * the index asks the checks for the new release's keys right after analysing it, and would
 * otherwise tokenize the whole text a second time.
 */
export function primeReleaseProse(release: CheckedRelease, context: ProseContext): void {
  lastRelease = release;
  lastContext = context;
  lastSentences = null;
}

export function releaseSentences(release: CheckedRelease): Sentences {
  const context = releaseProse(release);
  if (lastSentences === null) lastSentences = sentences(context);
  return lastSentences;
}
