// Dates: full dates, ranges, months, years, quarters, periods and relative forms, each resolved to
// an interval; and the release's own date, against which relative forms resolve.
//
// One left-to-right walk over the tokens of the prose view. At a token that can start a date (a
// number, a month or weekday name, "the", an ordinal, "this/last/next", a phrase such as "at an
// early date") small hand-written recognisers look a few tokens ahead; the longest form found is
// kept and the walk resumes after it. No regular expressions, no backtracking over the text: the
// cost is one lexicon look-up per word plus a few token comparisons at each candidate.

import type { DateGranularity, DateMention, ReleaseDate, ReleaseDateSource, StatedWeekday } from './types';
import type { ProseContext, Token } from './text';
import { fold, isLowerCode, isUpperCode, KeyFlags, KeyMemo, tokenIndexAt, tokenIndexFrom, tokenKeyTable, tokenize } from './text';
import type { KeyIds } from './text';
import {
  addDays,
  addMonths,
  daysInMonth,
  isValidDate,
  isoFromDayNumber,
  monthEnd,
  MONTH_NAMES,
  monthStart,
  parseIso,
  toIso,
  weekdayOf,
  weekStartDayNumber,
  type Ymd,
} from './calendar';
import vocabulary from '../knowledge/date-vocabulary.json';

// ---------------------------------------------------------------------------------------------
// Lexicon: every word the recognisers care about, with what it can mean. Built once from the JSON
// vocabulary at load time; never changed afterwards.

const F_MONTH = 1 << 0;
const F_MONTH_ABBR = 1 << 1;
const F_WEEKDAY = 1 << 2;
const F_WEEKDAY_ABBR = 1 << 3;
const F_NUMWORD = 1 << 4;
const F_ORDINAL = 1 << 5;
const F_REL = 1 << 6;
const F_UNIT = 1 << 7;
const F_DAYWORD = 1 << 8;
const F_FEW = 1 << 9;
const F_PERIOD = 1 << 10;
const F_CONNECTOR = 1 << 11;
const F_PHRASE = 1 << 12;
const F_YEAR_CUE = 1 << 13;
const F_MONTH_CUE = 1 << 14;
const F_FUTURE = 1 << 15;
const F_SCALE = 1 << 16;
const F_CURRENCY = 1 << 17;
const F_PERCENT = 1 << 18;
const F_COUNTED = 1 << 19;
const F_YEAR_VERB = 1 << 20;
const F_SUFFIX = 1 << 21;
const F_THE = 1 << 22;
const F_OF = 1 << 23;
const F_AND = 1 << 24;
const F_BETWEEN = 1 << 25;
const F_QUARTER_LETTER = 1 << 26;
const F_HALF_LETTER = 1 << 27;
const F_AS = 1 << 28;
const F_MID = 1 << 29;
const F_PERIOD_BREAK = 1 << 30;
const F_NUMBER_SIGN = 1 << 31; // negative as an int32; flags are only ever tested with `&`

/** Words at which a date form can start. */
const F_START = F_MONTH | F_MONTH_ABBR | F_WEEKDAY | F_WEEKDAY_ABBR | F_NUMWORD | F_ORDINAL | F_REL | F_DAYWORD |
  F_PHRASE | F_THE | F_QUARTER_LETTER | F_HALF_LETTER;

type Unit = 'year' | 'years' | 'month' | 'months' | 'week' | 'weeks' | 'day' | 'days' | 'quarter' | 'half';

type PhraseKind = 'vague' | 'present';

interface Phrase {
  readonly words: readonly string[];
  readonly kind: PhraseKind;
}

interface WordInfo {
  readonly word: string;
  flags: number;
  month: number;
  weekday: number;
  /** Value of a number word ("seven" = 7). */
  num: number;
  /** Value of an ordinal word ("third" = 3). */
  ordinal: number;
  /** -1, 0 or 1 for "last", "this", "next". */
  rel: number;
  unit: Unit | null;
  dayOffset: number;
  /** Phrases that start with this word, longest first. */
  phrases: Phrase[];
}

const LEXICON = new Map<string, WordInfo>();
let MAX_WORD = 0;
/** For each first letter a-z, a bit per word length the lexicon holds: skips most look-ups without slicing. */
const LENGTHS_BY_FIRST = new Uint32Array(26);

function entry(word: string): WordInfo {
  let w = LEXICON.get(word);
  if (!w) {
    w = { word, flags: 0, month: 0, weekday: -1, num: 0, ordinal: 0, rel: 0, unit: null, dayOffset: 0, phrases: [] };
    LEXICON.set(word, w);
    if (word.length > MAX_WORD) MAX_WORD = word.length;
    const first = word.charCodeAt(0) - 0x61;
    if (first >= 0 && first < 26 && word.length < 32) LENGTHS_BY_FIRST[first]! |= 1 << word.length;
  }
  return w;
}

/** The lexicon entry of a token key, remembered per key. */
const LEXICON_ENTRY_OF = (key: string): WordInfo | null => LEXICON.get(key) ?? null;
const LEXICON_ENTRY = new KeyMemo<WordInfo | null>(LEXICON_ENTRY_OF);

function flagAll(words: readonly string[], flag: number): void {
  for (const word of words) entry(word).flags |= flag;
}

const AHEAD_ESTIMATES: Readonly<Record<string, number>> = vocabulary.aheadEstimates;

(function buildLexicon(): void {
  for (const [word, m] of Object.entries(vocabulary.months)) {
    const w = entry(word);
    w.flags |= F_MONTH;
    w.month = m;
  }
  for (const [word, m] of Object.entries(vocabulary.monthAbbreviations)) {
    const w = entry(word);
    w.flags |= F_MONTH_ABBR;
    w.month = m;
  }
  for (const [word, d] of Object.entries(vocabulary.weekdays)) {
    const w = entry(word);
    w.flags |= F_WEEKDAY;
    w.weekday = d;
  }
  for (const [word, d] of Object.entries(vocabulary.weekdayAbbreviations)) {
    const w = entry(word);
    w.flags |= F_WEEKDAY_ABBR;
    w.weekday = d;
  }
  for (const [word, n] of Object.entries(vocabulary.numberWords)) {
    const w = entry(word);
    w.flags |= F_NUMWORD;
    w.num = n;
  }
  for (const [word, n] of Object.entries(vocabulary.ordinals)) {
    const w = entry(word);
    w.flags |= F_ORDINAL;
    w.ordinal = n;
  }
  for (const [word, r] of Object.entries(vocabulary.relativeWords)) {
    const w = entry(word);
    w.flags |= F_REL;
    w.rel = r;
  }
  for (const [word, unit] of Object.entries(vocabulary.units)) {
    const w = entry(word);
    w.flags |= F_UNIT;
    w.unit = unit as Unit;
  }
  for (const [word, offset] of Object.entries(vocabulary.dayWords)) {
    const w = entry(word);
    w.flags |= F_DAYWORD;
    w.dayOffset = offset;
  }
  const phrases: Phrase[] = [
    ...vocabulary.vaguePhrases.map((p) => ({ words: p.split(' '), kind: 'vague' as const })),
    ...vocabulary.presentPhrases.map((p) => ({ words: p.split(' '), kind: 'present' as const })),
  ];
  phrases.sort((a, b) => b.words.length - a.words.length);
  for (const phrase of phrases) {
    const w = entry(phrase.words[0]!);
    w.flags |= F_PHRASE;
    w.phrases.push(phrase);
  }
  flagAll(vocabulary.ordinalSuffixes, F_SUFFIX);
  flagAll(vocabulary.fewWords, F_FEW);
  flagAll(vocabulary.periodWords, F_PERIOD);
  flagAll(vocabulary.rangeConnectors, F_CONNECTOR);
  flagAll(vocabulary.yearCues, F_YEAR_CUE);
  flagAll(vocabulary.monthCues, F_MONTH_CUE);
  flagAll(vocabulary.futureCues, F_FUTURE);
  flagAll(vocabulary.scaleWords, F_SCALE);
  flagAll(vocabulary.currencies, F_CURRENCY);
  flagAll(vocabulary.percentWords, F_PERCENT);
  flagAll(vocabulary.countedNouns, F_COUNTED);
  flagAll(vocabulary.yearVerbs, F_YEAR_VERB);
  flagAll(vocabulary.quarterLetters, F_QUARTER_LETTER);
  flagAll(vocabulary.halfLetters, F_HALF_LETTER);
  flagAll(vocabulary.periodBreakers, F_PERIOD_BREAK);
  flagAll(vocabulary.numberSigns, F_NUMBER_SIGN);
  // Grammar words the recognisers name directly.
  entry('the').flags |= F_THE;
  entry('of').flags |= F_OF;
  entry('and').flags |= F_AND;
  entry('between').flags |= F_BETWEEN;
  entry('as').flags |= F_AS;
  entry('mid').flags |= F_MID;
})();

/** False when no word of the lexicon has this first code unit and length: most words are ruled out so, from a small table in the processor's cache. */
function mayBeInLexicon(first: number, length: number): boolean {
  const letter = first - 0x61;
  return length <= MAX_WORD && letter >= 0 && letter < 26 && (LENGTHS_BY_FIRST[letter]! & (1 << length)) !== 0;
}

/** `info` of a word whose key is `key`: its lexicon entry, or null. */
function lexiconWord(key: string): WordInfo | null {
  return mayBeInLexicon(key.charCodeAt(0), key.length) ? LEXICON_ENTRY_OF(key) : null;
}

/**
 * Whether a word can start a date (its lexicon entry has a flag of F_START), per key: the walk asks
 * it of every word, and one typed-array read is all it costs, where the entry costs two reads and
 * filling the scan's per-token cache.
 */
const CAN_START = 1;
/** The key starts with a digit: every number token's does (digits fold to themselves). */
const DIGITS = 2;
const STARTS_DATE = new KeyFlags((key) => {
  const w = lexiconWord(key);
  const first = key.charCodeAt(0);
  return (w !== null && (w.flags & F_START) !== 0 ? CAN_START : 0) | (first >= 0x30 && first <= 0x39 ? DIGITS : 0);
});

// ---------------------------------------------------------------------------------------------
// The walk's state and token helpers.

interface Scan {
  readonly tokens: readonly Token[];
  readonly n: number;
  readonly prose: string;
  readonly folded: string;
  /** Folded text of each token. */
  readonly keys: readonly string[];
  readonly keyIds: KeyIds;
  /** Lexicon entry per token, looked up on first use: undefined = not yet, null = none. */
  readonly infos: (WordInfo | null | undefined)[];
  /** Scratch: the value the last recogniser read (a day, a month, a year). */
  v: number;
}

function scanOf(tokens: readonly Token[], prose: string, folded: string, table: { keys: readonly string[]; keyIds: KeyIds } = tokenKeyTable(folded, tokens)): Scan {
  return { tokens, n: tokens.length, prose, folded, keys: table.keys, keyIds: table.keyIds, infos: new Array<WordInfo | null | undefined>(tokens.length), v: 0 };
}

/**
 * The scan `findReleaseDate` made, handed on to `extractDates` of the same context (which is how
 * `analyseDocument` calls them): the lexicon entries looked up for the release date serve the walk.
 * `extractDates` takes it back, so no document is held after its analysis. (Not a WeakMap: one
 * entry per document would cost the garbage collector more than the scan saves. A scan's `v` is
 * scratch, read right after it is written.)
 */
let handedOn: { readonly context: ProseContext; readonly scan: Scan } | null = null;

function contextScan(context: ProseContext, keep: boolean): Scan {
  const last = handedOn;
  handedOn = null;
  const S = last !== null && last.context === context ? last.scan : scanOf(context.tokens, context.prose, context.folded, context);
  if (keep) handedOn = { context, scan: S };
  return S;
}

function info(S: Scan, i: number): WordInfo | null {
  if (i < 0 || i >= S.n) return null;
  let w = S.infos[i];
  if (w === undefined) {
    const t = S.tokens[i]!;
    // The memo is read only for a word the shape table does not rule out.
    w = t.kind === 'word' && mayBeInLexicon(S.folded.charCodeAt(t.start), t.end - t.start) ? LEXICON_ENTRY.get(S.keyIds, i, S.keys[i]!) : null;
    S.infos[i] = w;
  }
  return w;
}

function flagsAt(S: Scan, i: number): number {
  const w = info(S, i);
  return w === null ? 0 : w.flags;
}

function punctIs(S: Scan, i: number, code: number): boolean {
  if (i < 0 || i >= S.n) return false;
  const t = S.tokens[i]!;
  return t.kind === 'punct' && S.folded.charCodeAt(t.start) === code;
}

const DASH = 0x2d; // folding makes en and em dashes plain hyphens
const COMMA = 0x2c;
const DOT = 0x2e;
const SLASH = 0x2f;
const COLON = 0x3a;
const PERCENT = 0x25;
const OPEN = 0x28;
const CLOSE = 0x29;

function capital(S: Scan, i: number): boolean {
  return isUpperCode(S.prose.charCodeAt(S.tokens[i]!.start));
}

/** Token i exists and touches the previous token (no space between). */
function tight(S: Scan, i: number): boolean {
  return i < S.n && i > 0 && !S.tokens[i]!.spaceBefore;
}

/** Token i exists and no blank line separates it from token i - 1: a date never spans paragraphs. */
function near(S: Scan, i: number): boolean {
  if (i >= S.n || i < 0) return false;
  if (i === 0) return true;
  const a = S.tokens[i - 1]!.end;
  const b = S.tokens[i]!.start;
  let lines = 0;
  for (let k = a; k < b; k++) {
    if (S.prose.charCodeAt(k) === 0x0a && ++lines > 1) return false;
  }
  return true;
}

/** The value of a token of only digits with `minLen`–`maxLen` of them, or -1. */
function digitsValue(S: Scan, i: number, minLen: number, maxLen: number): number {
  if (i < 0 || i >= S.n) return -1;
  const t = S.tokens[i]!;
  if (t.kind !== 'number') return -1;
  const len = t.end - t.start;
  if (len < minLen || len > maxLen) return -1;
  let v = 0;
  for (let k = t.start; k < t.end; k++) {
    const c = S.prose.charCodeAt(k) - 0x30;
    if (c < 0 || c > 9) return -1;
    v = v * 10 + c;
  }
  return v;
}

// ---------------------------------------------------------------------------------------------
// Small recognisers. Each takes a token index and returns the index after what it read (or -1),
// leaving the value in `S.v`.

/** A day of the month, "21" or "21st"; not a day when glued into something else ("COVID-19", "21km", "10:30"). */
function dayAt(S: Scan, i: number): number {
  const d = digitsValue(S, i, 1, 2);
  if (d < 1 || d > 31) return -1;
  const t = S.tokens[i]!;
  if (!t.spaceBefore && i > 1) {
    const p = S.tokens[i - 1]!;
    if (p.kind === 'punct') {
      const c = S.folded.charCodeAt(p.start);
      if (c === DOT || c === COMMA || c === 0x24 || c === COLON) return -1;
      // "COVID-19": a number hyphenated onto a word is part of a name.
      if (c === DASH && !p.spaceBefore && S.tokens[i - 2]!.kind === 'word') return -1;
    }
  }
  let j = i + 1;
  if (j < S.n && !S.tokens[j]!.spaceBefore) {
    const next = S.tokens[j]!;
    if (next.kind === 'word') {
      const f = flagsAt(S, j);
      if (f & F_SUFFIX) j++;
      else if (!(f & (F_MONTH | F_MONTH_ABBR))) return -1; // "21October" (glued) is still a day
    } else if (next.kind === 'punct') {
      const c = S.folded.charCodeAt(next.start);
      if (c === COLON || c === PERCENT) return -1;
    }
  }
  S.v = d;
  return j;
}

/**
 * A month name, or an abbreviation with its optional full stop ("Oct."); capitalised. A full month
 * name in lower case counts too ("april 22, 2016" in a news wire's lower-cased copy), but never
 * "may" or "march", which are far more often verbs.
 */
function monthAt(S: Scan, i: number): number {
  const w = info(S, i);
  if (w === null || !(w.flags & (F_MONTH | F_MONTH_ABBR))) return -1;
  if (!capital(S, i) && (!(w.flags & F_MONTH) || w.month === 3 || w.month === 5)) return -1;
  S.v = w.month;
  let j = i + 1;
  if (!(w.flags & F_MONTH) && punctIs(S, j, DOT) && tight(S, j)) j++;
  return j;
}

/** A four-digit year inside a full date (1000–2999). */
function yearAt(S: Scan, i: number): number {
  const y = digitsValue(S, i, 4, 4);
  if (y < 1000 || y > 2999) return -1;
  const j = i + 1;
  if (tight(S, j)) {
    const t = S.tokens[j]!;
    if (t.kind === 'punct' && S.folded.charCodeAt(t.start) === PERCENT) return -1;
    if (t.kind === 'word') {
      const f = flagsAt(S, j);
      if (f & (F_SUFFIX | F_SCALE | F_CURRENCY) || (t.end - t.start === 1 && S.folded.charCodeAt(t.start) === 0x73)) return -1;
    }
  }
  S.v = y;
  return j;
}

/** A number 1–12 written in figures or words ("nine", "10"). */
function countAt(S: Scan, i: number): number {
  const w = info(S, i);
  if (w !== null && w.flags & F_NUMWORD) {
    S.v = w.num;
    return i + 1;
  }
  const v = digitsValue(S, i, 1, 2);
  if (v < 1 || v > 12 || tight(S, i + 1)) return -1;
  S.v = v;
  return i + 1;
}

/** A unit word at i ("year", "months"), or null. */
function unitAt(S: Scan, i: number): Unit | null {
  if (!near(S, i)) return null;
  const w = info(S, i);
  return w !== null && w.flags & F_UNIT ? w.unit : null;
}

// ---------------------------------------------------------------------------------------------
// Full dates.

interface DayDate {
  readonly d: number;
  readonly m: number;
  /** 0 when the text gives no year. */
  readonly y: number;
  /** Token index after the date. */
  readonly next: number;
}

/** An optional ", 2021" or " 2021" after a day and month. */
function withYear(S: Scan, d: number, m: number, k: number): DayDate {
  let j = k;
  if (punctIs(S, j, COMMA) && near(S, j)) j++;
  if (near(S, j)) {
    const e = yearAt(S, j);
    if (e >= 0) return { d, m, y: S.v, next: e };
  }
  return { d, m, y: 0, next: k };
}

/** "21 October 2021", "21st of October", "21 Oct. 2021", "21 October". */
function dayFirst(S: Scan, i: number): DayDate | null {
  let j = dayAt(S, i);
  if (j < 0) return null;
  const d = S.v;
  if (!near(S, j)) return null;
  if (j > i + 1 && flagsAt(S, j) & F_OF) {
    j++; // "the 21st of October"
    if (!near(S, j)) return null;
  }
  const k = monthAt(S, j);
  if (k < 0) return null;
  const m = S.v;
  if (d > daysInMonth(2000, m)) return null;
  return withYear(S, d, m, k);
}

/** "October 21, 2021", "Oct. 21 2021", "October 21st". */
function monthFirst(S: Scan, i: number): DayDate | null {
  const j = monthAt(S, i);
  if (j < 0) return null;
  const m = S.v;
  if (!near(S, j)) return null;
  const k = dayAt(S, j);
  if (k < 0) return null;
  const d = S.v;
  if (d > daysInMonth(2000, m)) return null;
  return withYear(S, d, m, k);
}

/** ISO "2021-10-21", numeric "21/10/2021" (day first unless the day cannot be a month: "10/21/2021"), "21.10.2021". */
function numericDate(S: Scan, i: number): DayDate | null {
  const t = S.tokens[i]!;
  if (t.kind !== 'number') return null;
  const len = t.end - t.start;
  if (len >= 8 && len <= 10) {
    // "21.10.2021" is one number token.
    const p1 = S.prose.indexOf('.', t.start);
    const p2 = p1 < 0 ? -1 : S.prose.indexOf('.', p1 + 1);
    if (p1 > t.start && p2 > p1 && p2 < t.end && t.end - p2 === 5 && S.prose.indexOf('.', p2 + 1) !== p2 + 1) {
      const a = Number(S.prose.slice(t.start, p1));
      const b = Number(S.prose.slice(p1 + 1, p2));
      const y = Number(S.prose.slice(p2 + 1, t.end));
      if (p1 - t.start <= 2 && p2 - p1 - 1 <= 2 && y >= 1000) return dayMonthOrder(a, b, y, i + 1);
    }
    return null;
  }
  if (!tight(S, i + 1) || !tight(S, i + 2) || !tight(S, i + 3) || !tight(S, i + 4)) return null;
  const sep = S.tokens[i + 1]!;
  if (sep.kind !== 'punct') return null;
  const c = S.folded.charCodeAt(sep.start);
  if ((c !== DASH && c !== SLASH) || !punctIs(S, i + 3, c)) return null;
  if (tight(S, i + 5) && S.tokens[i + 5]!.kind === 'number') return null;
  const y4 = digitsValue(S, i, 4, 4);
  if (y4 >= 1000) {
    const m = digitsValue(S, i + 2, 1, 2);
    const d = digitsValue(S, i + 4, 1, 2);
    return isValidDate(y4, m, d) ? { d, m, y: y4, next: i + 5 } : null;
  }
  const a = digitsValue(S, i, 1, 2);
  const b = digitsValue(S, i + 2, 1, 2);
  const y = digitsValue(S, i + 4, 4, 4);
  if (a < 1 || b < 1 || y < 1000) return null;
  return dayMonthOrder(a, b, y, i + 5);
}

function dayMonthOrder(a: number, b: number, y: number, next: number): DayDate | null {
  if (isValidDate(y, b, a)) return { d: a, m: b, y, next };
  if (isValidDate(y, a, b)) return { d: b, m: a, y, next };
  return null;
}

/** Any full date starting at i, day first, month first or numeric. */
function fullDateAt(S: Scan, i: number): DayDate | null {
  if (i >= S.n) return null;
  const t = S.tokens[i]!;
  if (t.kind === 'number') return numericDate(S, i) ?? dayFirst(S, i);
  if (t.kind === 'word') return monthFirst(S, i);
  return null;
}

// ---------------------------------------------------------------------------------------------
// What a recogniser found, before resolution.

/** An interval inside one year, placed once the year is known. */
type Shape =
  | { readonly s: 'year' }
  | { readonly s: 'month'; readonly m: number }
  | { readonly s: 'day'; readonly m: number; readonly d: number }
  /** Days from (m1, d1) to (m2, d2); when (m2, d2) comes first, it falls in the next year. */
  | { readonly s: 'days'; readonly m1: number; readonly d1: number; readonly m2: number; readonly d2: number }
  | { readonly s: 'months'; readonly m1: number; readonly m2: number }
  | { readonly s: 'quarter'; readonly q: number }
  | { readonly s: 'half'; readonly h: number }
  /** The first n months. */
  | { readonly s: 'first'; readonly n: number }
  /** The last n months. */
  | { readonly s: 'last'; readonly n: number };

/** How a relative mention resolves against the release date. */
type Rel =
  /** A shape in the release year plus `off` ("this year", "in December", "the first nine months of this year"). */
  | { readonly k: 'shape'; readonly shape: Shape; readonly off: number }
  | { readonly k: 'month'; readonly off: number }
  | { readonly k: 'week'; readonly off: number }
  | { readonly k: 'quarter'; readonly off: number }
  /** A day `off` days from the release date; "at present" is the release date itself. */
  | { readonly k: 'day'; readonly off: number; readonly present: boolean }
  /** The days after the release date: "the next few days", "the next two weeks". */
  | { readonly k: 'ahead'; readonly unit: 'days' | 'weeks' | 'months'; readonly count: number; readonly estimate: boolean }
  /** A weekday alone: on or before the release date, strictly before ("last"), or strictly after (looking ahead). */
  | { readonly k: 'weekday'; readonly wd: number; readonly dir: 'on-or-before' | 'before' | 'after'; readonly why: string }
  /** "last December" (the one before the release month), "next December" (the one after). */
  | { readonly k: 'month-dir'; readonly m: number; readonly dir: -1 | 1 }
  | { readonly k: 'vague' };

interface Raw {
  readonly start: number;
  readonly end: number;
  /** Token index after the mention. */
  readonly next: number;
  readonly granularity: DateGranularity;
  /** The interval of an absolute mention (null when the text names a day that does not exist). */
  readonly from: string | null;
  readonly to: string | null;
  readonly rel: Rel | null;
  readonly invalid?: string;
  readonly weekday?: StatedWeekday;
}

/** The interval of a shape in a year, or null when it does not exist there (29 February 2021). */
function shapeInterval(shape: Shape, y: number): [string, string] | null {
  if (y < 1 || y > 9999) return null;
  switch (shape.s) {
    case 'year':
      return [toIso(y, 1, 1), toIso(y, 12, 31)];
    case 'month':
      return [monthStart(y, shape.m), monthEnd(y, shape.m)];
    case 'day':
      return isValidDate(y, shape.m, shape.d) ? [toIso(y, shape.m, shape.d), toIso(y, shape.m, shape.d)] : null;
    case 'days': {
      const y2 = shape.m2 * 100 + shape.d2 < shape.m1 * 100 + shape.d1 ? y + 1 : y;
      if (!isValidDate(y, shape.m1, shape.d1) || !isValidDate(y2, shape.m2, shape.d2)) return null;
      return [toIso(y, shape.m1, shape.d1), toIso(y2, shape.m2, shape.d2)];
    }
    case 'months':
      return shape.m1 <= shape.m2 ? [monthStart(y, shape.m1), monthEnd(y, shape.m2)] : null;
    case 'quarter':
      return [monthStart(y, shape.q * 3 - 2), monthEnd(y, shape.q * 3)];
    case 'half':
      return [monthStart(y, shape.h * 6 - 5), monthEnd(y, shape.h * 6)];
    case 'first':
      return [monthStart(y, 1), monthEnd(y, shape.n)];
    case 'last':
      return [monthStart(y, 13 - shape.n), monthEnd(y, 12)];
  }
}

function spanStart(S: Scan, i: number): number {
  return S.tokens[i]!.start;
}

function spanEnd(S: Scan, next: number): number {
  return S.tokens[next - 1]!.end;
}

/** A mention of a shape: absolute in year `y`, or relative to the release year when `y` is 0. */
function shapeRaw(S: Scan, startTok: number, next: number, granularity: DateGranularity, shape: Shape, y: number,
  off = 0, weekday?: StatedWeekday): Raw {
  const start = spanStart(S, startTok);
  const end = spanEnd(S, next);
  if (y === 0) return { start, end, next, granularity, from: null, to: null, rel: { k: 'shape', shape, off }, ...(weekday ? { weekday } : {}) };
  const interval = shapeInterval(shape, y);
  if (interval) return { start, end, next, granularity, from: interval[0], to: interval[1], rel: null, ...(weekday ? { weekday } : {}) };
  return { start, end, next, granularity, from: null, to: null, rel: null, invalid: `no such ${granularity} in ${y}`, ...(weekday ? { weekday } : {}) };
}

/** A stated weekday "(Thursday)" right after a date: returns the token after ")" and the weekday, or null. */
function weekdaySuffix(S: Scan, next: number): [number, StatedWeekday] | null {
  if (!punctIs(S, next, OPEN) || !near(S, next) || !near(S, next + 1) || !near(S, next + 2)) return null;
  const w = info(S, next + 1);
  if (w === null || !(w.flags & (F_WEEKDAY | F_WEEKDAY_ABBR)) || !capital(S, next + 1)) return null;
  let close = next + 2;
  if (punctIs(S, close, DOT) && tight(S, close)) close++;
  if (!punctIs(S, close, CLOSE)) return null;
  return [close + 1, statedWeekday(S, next + 1, w.weekday)];
}

function statedWeekday(S: Scan, i: number, day: number): StatedWeekday {
  const t = S.tokens[i]!;
  return { start: t.start, end: t.end, text: S.prose.slice(t.start, t.end), day };
}

/** A single day, with a weekday stated before it or in brackets after it. */
function dayRaw(S: Scan, startTok: number, date: DayDate, weekday?: StatedWeekday, next = date.next): Raw {
  let end = next;
  let stated = weekday;
  if (!stated) {
    const suffix = weekdaySuffix(S, next);
    if (suffix) {
      end = suffix[0];
      stated = suffix[1];
    }
  }
  return shapeRaw(S, startTok, end, 'day', { s: 'day', m: date.m, d: date.d }, date.y, 0, stated);
}

/** Two days as one range; years filled from each other ("10 November – 2 December 2022"). */
function rangeRaw(S: Scan, startTok: number, a: DayDate, b: DayDate): Raw | null {
  const first = a.m * 100 + a.d;
  const last = b.m * 100 + b.d;
  let y1 = a.y;
  let y2 = b.y;
  if (y1 === 0 && y2 === 0) {
    return shapeRaw(S, startTok, b.next, 'range', { s: 'days', m1: a.m, d1: a.d, m2: b.m, d2: b.d }, 0);
  }
  if (y1 === 0) y1 = first > last ? y2 - 1 : y2;
  if (y2 === 0) y2 = first > last ? y1 + 1 : y1;
  if (!isValidDate(y1, a.m, a.d) || !isValidDate(y2, b.m, b.d)) return null;
  const from = toIso(y1, a.m, a.d);
  const to = toIso(y2, b.m, b.d);
  if (from >= to) return null;
  return { start: spanStart(S, startTok), end: spanEnd(S, b.next), next: b.next, granularity: 'range', from, to, rel: null };
}

/** A range connector at j: a dash, "to", "until", "through", or "and" after "between". Returns the token after it, or -1. */
function connectorAt(S: Scan, j: number, between: boolean): number {
  if (!near(S, j) || !near(S, j + 1)) return -1;
  if (punctIs(S, j, DASH)) return j + 1;
  const f = flagsAt(S, j);
  if (f & F_CONNECTOR || (between && f & F_AND)) return j + 1;
  return -1;
}

// ---------------------------------------------------------------------------------------------
// Years after "of": "of 2021", "of this year", "of the year".

interface YearRef {
  readonly next: number;
  /** The year, or 0 when relative to the release year. */
  readonly y: number;
  /** Offset from the release year when relative. */
  readonly off: number;
}

/** "of 2021", "of this year", "of the year", or "2021" / "this year" right after ("the first quarter this year"). */
function yearTail(S: Scan, j: number): YearRef | null {
  let k = j;
  const hasOf = near(S, k) && (flagsAt(S, k) & F_OF) !== 0;
  if (hasOf) k++;
  if (!near(S, k)) return null;
  const e = yearAt(S, k);
  if (e >= 0) return { next: e, y: S.v, off: 0 };
  const w = info(S, k);
  if (w === null) return null;
  if (w.flags & F_REL && w.word !== 'last' && unitAt(S, k + 1) === 'year' && !(flagsAt(S, k - 1) & F_THE)) {
    return { next: k + 2, y: 0, off: w.rel };
  }
  if (w.word === 'last' && unitAt(S, k + 1) === 'year') return { next: k + 2, y: 0, off: -1 };
  if (hasOf && w.flags & F_THE) {
    if (unitAt(S, k + 1) === 'year') return { next: k + 2, y: 0, off: 0 }; // "of the year"
    const r = info(S, k + 1);
    if (r !== null && (r.word === 'current' || r.word === 'coming') && unitAt(S, k + 2) === 'year') return { next: k + 3, y: 0, off: r.rel };
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// Forms built on ordinals and counts: quarters, halves, periods.

/** At an ordinal or a number word (startTok may be a "the" before it). */
function ordinalForms(S: Scan, startTok: number, k: number): Raw | null {
  const w = info(S, k);
  if (w === null) return countedMonths(S, startTok, k);
  if (w.flags & F_ORDINAL) {
    const o = w.ordinal;
    const j = k + 1;
    const unit = unitAt(S, j);
    if (unit === 'quarter' && o <= 4) return ofYear(S, startTok, j + 1, 'quarter', { s: 'quarter', q: o }, true);
    if (unit === 'half' && o <= 2) return ofYear(S, startTok, j + 1, 'half', { s: 'half', h: o }, true);
    if (o === 1) {
      if (unit === 'month') return ofYear(S, startTok, j + 1, 'period', { s: 'first', n: 1 }, false);
      const c = countAt(S, j);
      if (c >= 0 && near(S, j)) {
        const n = S.v;
        const u = unitAt(S, c);
        if (u === 'months' && n >= 2) return ofYear(S, startTok, c + 1, 'period', { s: 'first', n }, true);
      }
    }
    return null;
  }
  if (w.flags & F_NUMWORD) return countedMonths(S, startTok, k);
  return null;
}

/** "seven months of 2021", "10 months of this year": a count of months from the start of a year; the year is required. */
function countedMonths(S: Scan, startTok: number, k: number): Raw | null {
  const c = countAt(S, k);
  if (c < 0) return null;
  const n = S.v;
  const u = unitAt(S, c);
  if (!((u === 'months' && n >= 2) || (u === 'month' && n === 1))) return null;
  if (!(flagsAt(S, c + 1) & F_OF)) return null;
  return ofYear(S, startTok, c + 1, 'period', { s: 'first', n }, false);
}

/** A shape followed by its year ("of 2021", "of this year"); without one, relative to the release year when `optional`. */
function ofYear(S: Scan, startTok: number, j: number, granularity: DateGranularity, shape: Shape, optional: boolean): Raw | null {
  const ref = yearTail(S, j);
  if (ref) return shapeRaw(S, startTok, ref.next, granularity, shape, ref.y, ref.off);
  if (!optional) return null;
  // "the first half of the meeting", "the first six months after the launch": not a part of a year.
  if (near(S, j) && flagsAt(S, j) & (F_OF | F_PERIOD_BREAK)) return null;
  return shapeRaw(S, startTok, j, granularity, shape, 0, 0);
}

/** After "the last": "the last quarter of 2021", "the last six months of 2021" (a year is required). */
function lastForms(S: Scan, startTok: number, j: number): Raw | null {
  if (unitAt(S, j) === 'quarter') return ofYear(S, startTok, j + 1, 'quarter', { s: 'quarter', q: 4 }, false);
  const c = countAt(S, j);
  if (c >= 0 && near(S, j) && unitAt(S, c) === 'months') {
    const n = S.v;
    if (n >= 2) return ofYear(S, startTok, c + 1, 'range', { s: 'last', n }, false);
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// Starting points of the walk.

function atNumber(S: Scan, i: number): Raw | null {
  const numeric = numericDate(S, i);
  if (numeric) return dayRaw(S, i, numeric);
  const between = (flagsAt(S, i - 1) & F_BETWEEN) !== 0;
  const a = dayFirst(S, i);
  if (a) {
    // "10 November – 2 December 2022"
    const c = connectorAt(S, a.next, between);
    if (c >= 0) {
      const b = dayFirst(S, c);
      if (b && (b.y !== 0 || a.y === 0)) {
        const r = rangeRaw(S, i, a, b);
        if (r) return r;
      }
    }
    return dayRaw(S, i, a);
  }
  // "25-26 November 2021", "10 to 13 November"
  const j = dayAt(S, i);
  if (j >= 0) {
    const d1 = S.v;
    const c = connectorAt(S, j, between);
    if (c >= 0) {
      const b = dayFirst(S, c);
      if (b && d1 < b.d) {
        const r = rangeRaw(S, i, { d: d1, m: b.m, y: b.y, next: j }, b);
        if (r) return r;
      }
    }
  }
  return countedMonths(S, i, i) ?? yearForms(S, i);
}

const CURRENCY_SIGNS = new Set([0x24, 0x20ac, 0xa3, 0xa5, 0x20ab, 0x20b9, 0x23]); // $ € £ ¥ ₫ ₹ #

/** A bare year (1900–2100), a decade ("the 1990s"), a span of years ("2021–2025"); not a figure ("2021 tourists", "USD 2021"). */
function yearForms(S: Scan, i: number): Raw | null {
  const y = digitsValue(S, i, 4, 4);
  if (y < 1900 || y > 2100) return null;
  const t = S.tokens[i]!;
  const prevFlags = near(S, i) ? flagsAt(S, i - 1) : 0;
  if (i > 0) {
    const p = S.tokens[i - 1]!;
    if (p.kind === 'punct') {
      const c = S.folded.charCodeAt(p.start);
      if (CURRENCY_SIGNS.has(c)) return null;
      if (!t.spaceBefore && (c === DOT || c === COMMA || c === COLON || c === SLASH)) return null;
    } else if (prevFlags & (F_CURRENCY | F_NUMBER_SIGN) && !(prevFlags & F_YEAR_CUE)) {
      return null;
    }
    // "No. 2021"
    if (punctIs(S, i - 1, DOT) && tight(S, i - 1) && flagsAt(S, i - 2) & F_NUMBER_SIGN) return null;
  }
  const j = i + 1;
  const start = t.start;
  if (tight(S, j) && S.tokens[j]!.kind === 'word') {
    const tj = S.tokens[j]!;
    if (tj.end - tj.start === 1 && S.folded.charCodeAt(tj.start) === 0x73) {
      // "the 1990s"
      if (y % 10 !== 0) return null;
      return { start, end: tj.end, next: j + 1, granularity: 'range', from: toIso(y, 1, 1), to: toIso(y + 9, 12, 31), rel: null };
    }
  }
  // "2021–2025", "2021 - 2025", "2021/2022", "2021-22"
  const slash = punctIs(S, j, SLASH) && tight(S, j) && tight(S, j + 1);
  if ((punctIs(S, j, DASH) && near(S, j) && near(S, j + 1)) || slash) {
    let y2 = digitsValue(S, j + 1, 4, 4);
    const short = digitsValue(S, j + 1, 2, 2);
    if (y2 < 0 && short >= 0 && tight(S, j + 1) && short === (y + 1) % 100) y2 = y + 1;
    if (y2 > y && y2 <= y + 100 && !(slash && y2 !== y + 1) && !yearBlockedAfter(S, j + 2, prevFlags)) {
      return { start, end: S.tokens[j + 1]!.end, next: j + 2, granularity: 'range', from: toIso(y, 1, 1), to: toIso(y2, 12, 31), rel: null };
    }
    // "Resolution 2021/5", "Decree 2021/ND-CP", "2021-123": a number, not a year.
    if (tight(S, j) && tight(S, j + 1) && (slash || S.tokens[j + 1]!.kind === 'number')) return null;
  }
  if (yearBlockedAfter(S, j, prevFlags)) return null;
  return { start, end: t.end, next: j, granularity: 'year', from: toIso(y, 1, 1), to: toIso(y, 12, 31), rel: null };
}

/** True when the token after a four-digit number makes it a figure: a scale, a currency, a percent sign or word, a counted noun. */
function yearBlockedAfter(S: Scan, j: number, prevFlags: number): boolean {
  if (!near(S, j)) return false;
  const t = S.tokens[j]!;
  if (t.kind === 'punct') return S.folded.charCodeAt(t.start) === PERCENT;
  if (t.kind !== 'word') return false;
  const f = flagsAt(S, j);
  if (f & (F_SCALE | F_PERCENT)) return true;
  if (f & F_CURRENCY) {
    // Currency codes are written in capitals ("2021 USD"); currency words in lower case ("2021 dollars").
    return true;
  }
  if (!t.spaceBefore) return f & F_SUFFIX ? true : false;
  if (prevFlags & F_YEAR_CUE) return false;
  if (!isLowerCode(S.prose.charCodeAt(t.start))) return false;
  if (f & F_COUNTED) return true;
  if (f & F_YEAR_VERB) return false;
  // A plural noun right after the number: "2021 tourists".
  const len = t.end - t.start;
  if (len < 3 || S.folded.charCodeAt(t.end - 1) !== 0x73) return false;
  const before = S.folded.charCodeAt(t.end - 2);
  return before !== 0x73 && before !== 0x75 && before !== 0x69; // not -ss, -us, -is
}

function atWord(S: Scan, i: number, w: WordInfo): Raw | null {
  const f = w.flags;
  let r: Raw | null = null;
  if (f & F_THE) return atThe(S, i);
  if (f & (F_WEEKDAY | F_WEEKDAY_ABBR)) {
    r = atWeekday(S, i, w);
    if (r) return r;
  }
  if (f & (F_MONTH | F_MONTH_ABBR)) {
    r = atMonth(S, i, w);
    if (r) return r;
  }
  if (f & (F_ORDINAL | F_NUMWORD)) {
    r = ordinalForms(S, i, i);
    if (r) return r;
  }
  if (f & F_REL) {
    r = atRel(S, i, i, w);
    if (r) return r;
  }
  if (f & F_DAYWORD) {
    const t = S.tokens[i]!;
    return { start: t.start, end: t.end, next: i + 1, granularity: 'day', from: null, to: null, rel: { k: 'day', off: w.dayOffset, present: false } };
  }
  if (f & (F_QUARTER_LETTER | F_HALF_LETTER)) {
    r = atLetterForm(S, i, w);
    if (r) return r;
  }
  if (f & F_PHRASE) return atPhrase(S, i, w);
  return null;
}

/** After "the": quarters, halves and periods with their ordinal, "the current year", "the next few days", "the January–September period". */
function atThe(S: Scan, i: number): Raw | null {
  const j = i + 1;
  if (!near(S, j)) return null;
  const w = info(S, j);
  if (w === null) return null;
  if (w.flags & (F_ORDINAL | F_NUMWORD)) return ordinalForms(S, i, j);
  if (w.flags & F_REL) return atRel(S, i, j, w);
  if (w.flags & (F_MONTH | F_MONTH_ABBR)) {
    const r = monthRange(S, i, j);
    if (r && near(S, r.next) && flagsAt(S, r.next) & F_PERIOD) {
      return { ...r, end: S.tokens[r.next]!.end, next: r.next + 1 };
    }
  }
  return null;
}

/** At "this/current/last/next/coming" (startTok is a "the" before it, or the word itself). */
function atRel(S: Scan, startTok: number, j: number, w: WordInfo): Raw | null {
  const withThe = startTok !== j;
  const k = j + 1;
  if (!near(S, k)) return null;
  if (withThe && w.word === 'last') return lastForms(S, startTok, k);
  // "the last year", "the next year" read as spans of a narrative, not as calendar years.
  if (!withThe && flagsAt(S, j - 1) & F_THE && near(S, j)) return null;
  if (w.rel === 1) {
    // "the next few days", "the coming weeks", "the next two weeks"
    let c = k;
    let count = 0;
    let estimate = true;
    if (flagsAt(S, c) & F_FEW) c++;
    else if (w.word === 'next') {
      const e = countAt(S, c);
      if (e >= 0) {
        count = S.v;
        estimate = false;
        c = e;
      }
    }
    const unit = unitAt(S, c);
    if (unit === 'days' || unit === 'weeks' || unit === 'months') {
      if (estimate) count = AHEAD_ESTIMATES[unit] ?? 7;
      const t = S.tokens;
      return { start: t[startTok]!.start, end: t[c]!.end, next: c + 1, granularity: 'range', from: null, to: null, rel: { k: 'ahead', unit, count, estimate } };
    }
  }
  if (withThe && !(w.word === 'current' || w.word === 'coming')) return null;
  const unit = unitAt(S, k);
  const start = S.tokens[startTok]!.start;
  const end = S.tokens[k]!.end;
  switch (unit) {
    case 'year':
      return { start, end, next: k + 1, granularity: 'year', from: null, to: null, rel: { k: 'shape', shape: { s: 'year' }, off: w.rel } };
    case 'month':
      return { start, end, next: k + 1, granularity: 'month', from: null, to: null, rel: { k: 'month', off: w.rel } };
    case 'week':
      return { start, end, next: k + 1, granularity: 'week', from: null, to: null, rel: { k: 'week', off: w.rel } };
    case 'quarter':
      return { start, end, next: k + 1, granularity: 'quarter', from: null, to: null, rel: { k: 'quarter', off: w.rel } };
    default:
      break;
  }
  if (withThe) return null;
  const v = info(S, k);
  if (v === null || !capital(S, k)) return null;
  if (v.flags & F_WEEKDAY) {
    const dir = w.rel < 0 ? 'before' : w.rel > 0 ? 'after' : looksAhead(S, j) ? 'after' : 'on-or-before';
    const why = w.rel < 0 ? `'${w.word}'` : w.rel > 0 ? `'${w.word}'` : dir === 'after' ? 'the sentence looks ahead' : '';
    return { start, end, next: k + 1, granularity: 'day', from: null, to: null, rel: { k: 'weekday', wd: v.weekday, dir, why }, weekday: statedWeekday(S, k, v.weekday) };
  }
  if (v.flags & F_MONTH) {
    if (w.rel === 0) return shapeRaw(S, startTok, k + 1, 'month', { s: 'month', m: v.month }, 0);
    return { start, end, next: k + 1, granularity: 'month', from: null, to: null, rel: { k: 'month-dir', m: v.month, dir: w.rel < 0 ? -1 : 1 } };
  }
  return null;
}

function endsSentence(S: Scan, k: number): boolean {
  const t = S.tokens[k]!;
  if (t.kind !== 'punct') return false;
  const c = S.folded.charCodeAt(t.start);
  return c === DOT || c === 0x21 || c === 0x3f || c === 0x3b;
}

/**
 * True when the sentence around token i looks ahead: a word such as "will" or "scheduled" before
 * it in the sentence ("will meet on Tuesday"), or after it when it opens the sentence ("On Tuesday,
 * the ministers will sign").
 */
function looksAhead(S: Scan, i: number): boolean {
  let words = 0;
  let k = i - 1;
  for (let steps = 0; k >= 0 && steps < 40; k--, steps++) {
    if (!near(S, k + 1) || endsSentence(S, k)) break;
    if (S.tokens[k]!.kind !== 'word') continue;
    if (flagsAt(S, k) & F_FUTURE) return true;
    words++;
  }
  if (words > 1) return false;
  for (let m = i + 1, steps = 0; m < S.n && steps < 40; m++, steps++) {
    if (!near(S, m) || endsSentence(S, m)) return false;
    if (flagsAt(S, m) & F_FUTURE) return true;
  }
  return false;
}

/** At a weekday: "Tuesday, 21 October 2021", "Thursday (October 21)", or a weekday alone ("on Tuesday"). */
function atWeekday(S: Scan, i: number, w: WordInfo): Raw | null {
  if (!capital(S, i)) return null;
  let j = i + 1;
  if (!(w.flags & F_WEEKDAY) && punctIs(S, j, DOT) && tight(S, j)) j++;
  if (punctIs(S, j, COMMA) && near(S, j)) j++;
  let paren = false;
  if (punctIs(S, j, OPEN) && near(S, j)) {
    paren = true;
    j++;
  }
  if (near(S, j)) {
    const date = fullDateAt(S, j);
    if (date) {
      let next = date.next;
      if (!paren || punctIs(S, next, CLOSE)) {
        if (paren) next++;
        return dayRaw(S, i, date, statedWeekday(S, i, w.weekday), next);
      }
    }
  }
  if (!(w.flags & F_WEEKDAY)) return null;
  const ahead = looksAhead(S, i);
  const t = S.tokens[i]!;
  return {
    start: t.start, end: t.end, next: i + 1, granularity: 'day', from: null, to: null,
    rel: { k: 'weekday', wd: w.weekday, dir: ahead ? 'after' : 'on-or-before', why: ahead ? 'the sentence looks ahead' : '' },
    weekday: statedWeekday(S, i, w.weekday),
  };
}

/** "January–September 2022", "January 2021 – March 2022", "from January to March": returns the raw range, or null. */
function monthRange(S: Scan, startTok: number, i: number): Raw | null {
  const j = monthAt(S, i);
  if (j < 0) return null;
  const m1 = S.v;
  let y1 = 0;
  let k = j;
  if (near(S, k)) {
    const e = yearAt(S, k);
    if (e >= 0) {
      y1 = S.v;
      k = e;
    }
  }
  const c = connectorAt(S, k, (flagsAt(S, startTok - 1) & F_BETWEEN) !== 0);
  if (c < 0) return null;
  const e2 = monthAt(S, c);
  if (e2 < 0) return null;
  const m2 = S.v;
  let y2 = 0;
  let next = e2;
  let e3 = e2;
  if (punctIs(S, e3, COMMA) && near(S, e3)) e3++;
  if (near(S, e3)) {
    const e = yearAt(S, e3);
    if (e >= 0) {
      y2 = S.v;
      next = e;
    }
  }
  if (y1 !== 0 && y2 === 0) return null; // "January 2021 to March" is not a form releases use
  if (y1 === 0 && y2 !== 0) y1 = m1 <= m2 ? y2 : y2 - 1;
  const granularity: DateGranularity = m1 === 1 && y1 === y2 ? 'period' : 'range';
  if (y2 === 0) {
    if (m1 >= m2) return null;
    return shapeRaw(S, startTok, next, granularity, m1 === 1 ? { s: 'first', n: m2 } : { s: 'months', m1, m2 }, 0);
  }
  const from = monthStart(y1, m1);
  const to = monthEnd(y2, m2);
  if (from >= to) return null;
  return { start: spanStart(S, startTok), end: spanEnd(S, next), next, granularity, from, to, rel: null };
}

function atMonth(S: Scan, i: number, w: WordInfo): Raw | null {
  const a = monthFirst(S, i);
  if (a) {
    const between = (flagsAt(S, i - 1) & F_BETWEEN) !== 0;
    const c = connectorAt(S, a.next, between);
    if (c >= 0) {
      // "November 10 – December 2, 2022"
      const b = monthFirst(S, c);
      if (b && (b.y !== 0 || a.y === 0)) {
        const r = rangeRaw(S, i, a, b);
        if (r) return r;
      }
      // "November 10-13, 2022", "November 10 to 13"
      if (a.y === 0 && !b) {
        const e = dayAt(S, c);
        if (e >= 0 && S.v > a.d && S.v <= daysInMonth(2000, a.m)) {
          const r = rangeRaw(S, i, a, withYear(S, S.v, a.m, e));
          if (r) return r;
        }
      }
    }
    return dayRaw(S, i, a);
  }
  const range = monthRange(S, i, i);
  if (range) return range;
  const j = monthAt(S, i);
  if (j < 0) return null;
  const m = S.v;
  if (near(S, j)) {
    const e = yearAt(S, j);
    if (e >= 0) return shapeRaw(S, i, e, 'month', { s: 'month', m }, S.v);
  }
  // A month name alone, after a word that makes it one: "in December", "mid-December", "by March".
  if (!(w.flags & F_MONTH) || !near(S, i)) return null;
  let cue = flagsAt(S, i - 1) & F_MONTH_CUE;
  if (!cue && punctIs(S, i - 1, DASH) && tight(S, i) && flagsAt(S, i - 2) & F_MID) cue = 1;
  if (!cue) return null;
  return shapeRaw(S, i, j, 'month', { s: 'month', m }, 0);
}

/** "Q3 2021", "Q3/2021", "H1 2022", "Q4 of this year": a year is required ("H2" alone is hydrogen). */
function atLetterForm(S: Scan, i: number, w: WordInfo): Raw | null {
  if (!capital(S, i) || !tight(S, i + 1)) return null;
  const v = digitsValue(S, i + 1, 1, 1);
  const quarter = (w.flags & F_QUARTER_LETTER) !== 0;
  if (v < 1 || v > (quarter ? 4 : 2)) return null;
  let j = i + 2;
  if (tight(S, j) && S.tokens[j]!.kind !== 'punct') return null; // "H1N1"
  if ((punctIs(S, j, SLASH) || punctIs(S, j, DASH)) && tight(S, j) && tight(S, j + 1)) j++;
  const shape: Shape = quarter ? { s: 'quarter', q: v } : { s: 'half', h: v };
  const ref = yearTail(S, j);
  if (!ref) return null;
  return shapeRaw(S, i, ref.next, quarter ? 'quarter' : 'half', shape, ref.y, ref.off);
}

/** "at an early date", "in the near future", "soon", "at present". */
function atPhrase(S: Scan, i: number, w: WordInfo): Raw | null {
  for (const phrase of w.phrases) {
    const words = phrase.words;
    // "in" and "at" start most phrases and most of their uses start none: the words are compared
    // first (a key is the token's folded text, and only words have a phrase word's key), and only a
    // phrase whose words all match is asked whether a blank line splits it.
    let ok = i + words.length <= S.n;
    for (let p = 1; ok && p < words.length; p++) ok = S.keys[i + p] === words[p];
    for (let p = 1; ok && p < words.length; p++) ok = near(S, i + p);
    if (!ok) continue;
    // "as soon as they arrive" is a conjunction, not a time.
    if (words.length === 1 && flagsAt(S, i - 1) & F_AS && flagsAt(S, i + 1) & F_AS) continue;
    const next = i + words.length;
    const start = S.tokens[i]!.start;
    const end = S.tokens[next - 1]!.end;
    if (phrase.kind === 'present') {
      return { start, end, next, granularity: 'day', from: null, to: null, rel: { k: 'day', off: 0, present: true } };
    }
    return { start, end, next, granularity: 'vague', from: null, to: null, rel: { k: 'vague' } };
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// Resolution against the release date.

interface Release {
  readonly ymd: Ymd;
  readonly iso: string;
  readonly label: string;
}

const SOURCE_LABELS: Readonly<Record<ReleaseDateSource, string>> = {
  'front-matter': 'front matter',
  dateline: 'dateline',
  'date-line': 'date line',
};

const WEEKDAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

interface Resolved {
  readonly from: string;
  readonly to: string;
  readonly note?: string;
}

function resolve(rel: Exclude<Rel, { k: 'vague' }>, r: Release): Resolved | string {
  const { y, m } = r.ymd;
  switch (rel.k) {
    case 'shape': {
      const year = y + rel.off;
      const interval = shapeInterval(rel.shape, year);
      return interval ? { from: interval[0], to: interval[1] } : `no such day in ${year}`;
    }
    case 'month': {
      const [yy, mm] = addMonths(y, m, rel.off);
      return { from: monthStart(yy, mm), to: monthEnd(yy, mm) };
    }
    case 'week': {
      const start = weekStartDayNumber(r.ymd) + 7 * rel.off;
      return { from: isoFromDayNumber(start), to: isoFromDayNumber(start + 6), note: 'weeks run Monday to Sunday' };
    }
    case 'quarter': {
      const index = y * 4 + Math.floor((m - 1) / 3) + rel.off;
      const yy = Math.floor(index / 4);
      const q = index - yy * 4 + 1;
      return { from: monthStart(yy, q * 3 - 2), to: monthEnd(yy, q * 3) };
    }
    case 'day': {
      const day = addDays(r.ymd, rel.off);
      return { from: day, to: day, ...(rel.present ? { note: 'the release date itself' } : {}) };
    }
    case 'ahead': {
      const from = addDays(r.ymd, 1);
      let to: string;
      if (rel.unit === 'months' && !rel.estimate) {
        const [yy, mm] = addMonths(y, m, rel.count);
        to = toIso(yy, mm, Math.min(r.ymd.d, daysInMonth(yy, mm)));
      } else {
        to = addDays(r.ymd, rel.unit === 'weeks' && !rel.estimate ? rel.count * 7 : rel.count);
      }
      const note = rel.estimate ? `an estimate: 'a few ${rel.unit}' taken as the ${rel.count} days after the release date` : undefined;
      return { from, to, ...(note ? { note } : {}) };
    }
    case 'weekday': {
      const rw = weekdayOf(r.ymd.y, r.ymd.m, r.ymd.d);
      let diff: number;
      let how: string;
      const name = WEEKDAY_NAMES[rel.wd]!;
      if (rel.dir === 'after') {
        diff = (rel.wd - rw + 7) % 7 || 7;
        how = `the first ${name} after the release date${rel.why ? ` (${rel.why})` : ''}`;
      } else if (rel.dir === 'before') {
        diff = -((rw - rel.wd + 7) % 7 || 7);
        how = `the last ${name} before the release date${rel.why ? ` (${rel.why})` : ''}`;
      } else {
        diff = -((rw - rel.wd + 7) % 7);
        how = `the nearest ${name} on or before the release date`;
      }
      const day = addDays(r.ymd, diff);
      return { from: day, to: day, note: how };
    }
    case 'month-dir': {
      const yy = rel.dir < 0 ? (rel.m < m ? y : y - 1) : rel.m > m ? y : y + 1;
      return { from: monthStart(yy, rel.m), to: monthEnd(yy, rel.m), note: `the ${rel.dir < 0 ? 'last' : 'next'} ${MONTH_NAMES[rel.m - 1]} ${rel.dir < 0 ? 'before' : 'after'} the release month` };
    }
  }
}

function describe(granularity: DateGranularity, from: string, to: string): string {
  if (granularity === 'year' && from.endsWith('-01-01') && to.endsWith('-12-31') && from.slice(0, 4) === to.slice(0, 4)) return from.slice(0, 4);
  if (granularity === 'month' && from.slice(0, 7) === to.slice(0, 7)) return from.slice(0, 7);
  return from === to ? from : `${from} to ${to}`;
}

function toMention(text: string, raw: Raw, release: Release | null): DateMention {
  const mentionText = text.slice(raw.start, raw.end);
  const rel = raw.rel;
  let from: string | null = null;
  let to: string | null = null;
  let resolution: string | undefined;
  let needsReleaseDate: boolean | undefined;
  if (rel === null) {
    from = raw.from;
    to = raw.to;
    if (raw.invalid) resolution = `'${mentionText}' names ${raw.invalid}`;
  } else if (rel.k === 'vague') {
    resolution = 'a vague time: it names no interval, so there is nothing to resolve';
    needsReleaseDate = false;
  } else if (release === null) {
    resolution = 'no release date: the release states no date of its own';
    needsReleaseDate = true;
  } else {
    needsReleaseDate = false;
    const resolved = resolve(rel, release);
    if (typeof resolved === 'string') {
      resolution = `'${mentionText}' → ${resolved}, from the release date ${release.iso} (${release.label})`;
    } else {
      from = resolved.from;
      to = resolved.to;
      const what = describe(raw.granularity, from, to);
      resolution = `'${mentionText}' → ${what}, from the release date ${release.iso} (${release.label})${resolved.note ? `: ${resolved.note}` : ''}`;
    }
  }
  const mention: { -readonly [K in keyof DateMention]: DateMention[K] } = {
    text: mentionText,
    start: raw.start,
    end: raw.end,
    from,
    to,
    granularity: raw.granularity,
    relative: rel !== null,
  };
  if (resolution !== undefined) mention.resolution = resolution;
  if (needsReleaseDate !== undefined) mention.needsReleaseDate = needsReleaseDate;
  if (raw.weekday) mention.weekday = raw.weekday;
  return mention;
}

// ---------------------------------------------------------------------------------------------
// The walk.

/** Every date mention, resolved against the release date where it is relative. */
export function extractDates(context: ProseContext, releaseDate: ReleaseDate | null): DateMention[] {
  const S = contextScan(context, false);
  const ymd = releaseDate ? parseIso(releaseDate.date) : null;
  const release: Release | null = ymd && releaseDate ? { ymd, iso: releaseDate.date, label: SOURCE_LABELS[releaseDate.source] ?? releaseDate.source } : null;
  const out: DateMention[] = [];
  const tokens = S.tokens;
  const n = S.n;
  let i = 0;
  while (i < n) {
    // Only numbers and words that can start a date start one: the tokens in between are passed over
    // in one tight loop (a superset: a key of digits may be no number).
    i = STARTS_DATE.next(S.keyIds, S.keys, i, n, CAN_START | DIGITS);
    if (i >= n) break;
    const t = tokens[i]!;
    let raw: Raw | null = null;
    if (t.kind === 'number') {
      raw = atNumber(S, i);
    } else if (t.kind === 'word') {
      // CAN_START, asked of the entry the recognisers read anyway.
      const w = info(S, i);
      if (w !== null && (w.flags & F_START) !== 0) raw = atWord(S, i, w);
    }
    if (raw !== null && raw.next > i) {
      out.push(toMention(context.text, raw, release));
      i = raw.next;
    } else {
      i++;
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// The release date.

/** The date the release speaks from: front matter `date:`, a dateline, or a date line under the title. */
export function findReleaseDate(context: ProseContext): ReleaseDate | null {
  return fromFrontMatter(context) ?? fromLines(context);
}

function fromFrontMatter(context: ProseContext): ReleaseDate | null {
  const fm = context.frontMatter;
  if (!fm) return null;
  for (const field of fm.fields) {
    if (field.key.toLowerCase() !== 'date') continue;
    const value = field.value;
    let date: string | null = null;
    const iso = parseIso(value.trim());
    if (iso) {
      date = toIso(iso.y, iso.m, iso.d);
    } else if (value.length < 200) {
      const S = scanOf(tokenize(value), value, fold(value));
      let i = 0;
      const w = info(S, 0);
      if (w !== null && w.flags & (F_WEEKDAY | F_WEEKDAY_ABBR)) {
        i = 1;
        if (punctIs(S, i, DOT)) i++;
        if (punctIs(S, i, COMMA)) i++;
      }
      const d = fullDateAt(S, i);
      if (d && d.y !== 0 && isValidDate(d.y, d.m, d.d)) date = toIso(d.y, d.m, d.d);
    }
    if (date) return { date, source: 'front-matter', start: field.start, end: field.end, text: context.text.slice(field.start, field.end) };
  }
  return null;
}

interface LineDate {
  readonly date: string | null;
  readonly source: 'dateline' | 'date-line';
  readonly start: number;
  readonly end: number;
}

/** How many non-empty lines at the end may carry a signature dateline. */
const SIGNATURE_LINES = 3;
/** How many non-empty lines at the top may carry a dateline or a date line. */
const TOP_LINES = 15;
/** A line of at least this many tokens that ends like a sentence is body text. */
const BODY_LINE_TOKENS = 12;

function fromLines(context: ProseContext): ReleaseDate | null {
  const S = contextScan(context, true);
  const prose = context.prose;
  const make = (found: LineDate): ReleaseDate | null =>
    found.date ? { date: found.date, source: found.source, start: found.start, end: found.end, text: context.text.slice(found.start, found.end) } : null;
  // A signature on the last non-empty lines, after the body text.
  let end = prose.length;
  for (let seen = 0; seen < SIGNATURE_LINES && end > 0;) {
    const nl = prose.lastIndexOf('\n', end - 1);
    const start = nl + 1;
    if (!isBlank(prose, start, end)) {
      seen++;
      const a = tokenIndexAt(S.tokens, start);
      const b = tokenIndexFrom(S.tokens, a, end);
      if (isBodyLine(S, a, b)) break;
      const found = lineDate(S, a, b, false);
      if (found && found.date) return make(found);
    }
    if (nl < 0) break;
    end = nl;
  }
  // The first dateline or date line in the top part: the lines up to the first body paragraph,
  // which may itself open with a news-agency dateline.
  let pos = 0;
  let a = 0; // the line's first token, found from the last line's on
  for (let seen = 0; seen < TOP_LINES && pos < prose.length;) {
    let nl = prose.indexOf('\n', pos);
    if (nl < 0) nl = prose.length;
    if (!isBlank(prose, pos, nl)) {
      seen++;
      a = tokenIndexFrom(S.tokens, a, pos);
      const b = tokenIndexFrom(S.tokens, a, nl);
      const found = lineDate(S, a, b, true);
      if (found) return make(found); // a dateline without a year ends the search: it gives no date
      if (isBodyLine(S, a, b)) break;
      a = b;
    }
    pos = nl + 1;
  }
  return null;
}

/**
 * A line of body text: long enough, and ending like a sentence. A line's tokens [a, b) are those
 * from `tokenIndexAt` of its start to `tokenIndexAt` of its end (the line break, or the end of the
 * text: no token spans a line break).
 */
function isBodyLine(S: Scan, a: number, b: number): boolean {
  if (b - a < BODY_LINE_TOKENS) return false;
  const last = S.tokens[b - 1]!;
  if (last.kind !== 'punct') return false;
  const c = S.folded.charCodeAt(last.start);
  return c === DOT || c === 0x21 || c === 0x3f || c === 0x3b || c === COLON || c === 0x22 || c === 0x201d || c === CLOSE;
}

function isBlank(text: string, from: number, to: number): boolean {
  for (let k = from; k < to; k++) {
    const c = text.charCodeAt(k);
    if (c !== 0x20 && c !== 0x09 && c !== 0x0d && c !== 0xa0) return false;
  }
  return true;
}

/**
 * A line that is a dateline ("Phnom Penh, 23 October 2021"), a date line ("Tuesday, 21 October
 * 2021"), or — when `paragraphStart` — a news-agency dateline opening a paragraph ("Hanoi, October
 * 23 (VNA) –"). The date is null when the line gives no year. The line's tokens are [a, b), as for
 * `isBodyLine`.
 */
function lineDate(S: Scan, a: number, b: number, paragraphStart: boolean): LineDate | null {
  if (a >= b) return null;
  // A date line: [weekday[,]] date[.]
  let i = a;
  const w = info(S, a);
  if (w !== null && w.flags & (F_WEEKDAY | F_WEEKDAY_ABBR) && capital(S, a)) {
    i++;
    if (punctIs(S, i, DOT) && tight(S, i)) i++;
    if (punctIs(S, i, COMMA)) i++;
  }
  const whole = fullDateAt(S, i);
  if (whole && whole.y !== 0 && endsLine(S, whole.next, b)) {
    return { date: isoOf(whole), source: 'date-line', start: S.tokens[a]!.start, end: S.tokens[whole.next - 1]!.end };
  }
  // A dateline: one to four capitalised words, a comma, a date.
  let k = a;
  while (k < b && k - a < 4 && S.tokens[k]!.kind === 'word' && capital(S, k) && !(flagsAt(S, k) & (F_MONTH | F_WEEKDAY))) k++;
  if (k === a || k - a > 4 || !punctIs(S, k, COMMA)) return null;
  const date = fullDateAt(S, k + 1);
  if (!date || date.next > b) return null;
  const start = S.tokens[a]!.start;
  const end = S.tokens[date.next - 1]!.end;
  if (endsLine(S, date.next, b)) return date.y !== 0 ? { date: isoOf(date), source: 'dateline', start, end } : null;
  if (!paragraphStart) return null;
  // "Hanoi, October 23 (VNA) –", "Phnom Penh, 23 October 2021 –"
  const next = date.next;
  const agency = punctIs(S, next, OPEN) && S.tokens[next + 1]?.kind === 'word' && punctIs(S, next + 2, CLOSE);
  const after = agency ? next + 3 : next;
  if (!agency && !punctIs(S, after, DASH) && !punctIs(S, after, COLON)) return null;
  return { date: date.y !== 0 ? isoOf(date) : null, source: 'dateline', start, end };
}

function endsLine(S: Scan, next: number, lineEndTok: number): boolean {
  return next === lineEndTok || (next === lineEndTok - 1 && punctIs(S, next, DOT));
}

function isoOf(date: DayDate): string | null {
  return isValidDate(date.y, date.m, date.d) ? toIso(date.y, date.m, date.d) : null;
}
