// Figures: money, percentages, counts, ordinals and plain numbers, with value, unit, precision,
// qualifier and modality.
//
// One walk over the token array of text.ts. At each number token (or spelled-out number word) the
// extractor reads a little context on either side: a currency before ("USD", "US$", "€") or after
// ("USD", "US dollars", "yen"), a scale ("billion", "bln", "2.92billion"), "%" / "percent", a
// counted noun ("198 valid investment projects"), an ordinal suffix ("55th"); then the qualifier
// words right before the figure ("nearly", "topped", "more than") and, within the sentence, a
// target or forecast cue ("aim to raise … to", "expected to reach"). Every lookup is a Map hit on
// the folded token text; nothing scans more than a bounded number of tokens, so the cost is linear
// in the text.
//
// What is not a figure: years ("in 2021"), day numbers ("21 October"), numbers inside names and
// codes ("COVID-19", "G20", "ASEAN+3", "Article 5"), list numbering ("1."), times ("10:30"),
// measurements glued to a unit we do not model ("180ml"), and spelled-out numbers in the diplomatic
// reference construction ("the two countries", "the two sides").
//
// Resolution (see Figure.resolution): the place value of the last significant written digit,
// scale applied. Digits after a decimal point are all significant ("9.50 billion" → 1e7). Trailing
// zeros of a whole number are NOT significant: "2,000 students" → 1000, "80%" → 10, "10 billion" →
// 1e10. A round number is often a rounded one, and the consistency engine widens its tolerance with
// the resolution: reading round numbers coarsely trades a few missed findings for no wrong ones.
// Ordinals are exact (resolution 1); a value of zero has the resolution of its scale.

import type { Figure, FigureKind, Modality, Qualifier, Span } from './types';
import { fold, KeyFlags, tokenize, type KeyIds, type ProseContext, type Token } from './text';
import vocabulary from '../knowledge/figure-vocabulary.json';
import currencyData from '../knowledge/currencies.json';

// ---------------------------------------------------------------------------------------------
// Vocabulary, built once at load time (immutable afterwards).

const setOf = (words: readonly string[]): ReadonlySet<string> => new Set(words);
const mapOf = (record: Record<string, number>): ReadonlyMap<string, number> => new Map(Object.entries(record));

const SCALES = mapOf(vocabulary.scales);
const CURRENCY_SCALES = mapOf(vocabulary.currencyScales);
const CARDINALS = mapOf(vocabulary.cardinals);
const TENS = mapOf(vocabulary.tens);
const ORDINALS = mapOf(vocabulary.ordinals);
const COMMON_ORDINALS = setOf(vocabulary.commonOrdinals);
const ORDINAL_SUFFIXES = setOf(vocabulary.ordinalSuffixes);
const FRACTION_WORDS = setOf(vocabulary.fractionWords);
const COUNT_NOUNS = setOf(vocabulary.countNouns);
const COUNT_STOP = setOf(vocabulary.countStopWords);
const TIME_UNITS = setOf(vocabulary.timeUnits);
const PERIOD_LEADS = setOf(vocabulary.periodLeads);
const REFERENCE_NOUNS = setOf(vocabulary.referenceNouns);
const REFERENCE_DETERMINERS = setOf(vocabulary.referenceDeterminers);
const EVENT_NOUNS = setOf(vocabulary.eventNouns);
const RANK_VERBS = setOf(vocabulary.rankVerbs);
const RANK_FOLLOWERS = setOf(vocabulary.rankFollowers);
const MONTHS = setOf(vocabulary.months);
const IDENTIFIER_WORDS = setOf(vocabulary.identifierWords);
const GLUE_WORDS = setOf(vocabulary.glueWords);
const TIME_WORDS = setOf(vocabulary.timeWords);
const TARGET_VERBS = setOf(vocabulary.targetVerbs);
const TARGET_MODALS = setOf(vocabulary.targetModals);
const INTENT_VERBS = setOf(vocabulary.intentVerbs);
const BASELINE_WORDS = setOf(vocabulary.baselineWords);
const MODALITY_BLOCKERS = setOf(vocabulary.modalityBlockers);
/** Words that can start a spelled-out number. */
const NUMBER_WORDS: ReadonlySet<string> = new Set([...CARDINALS.keys(), ...TENS.keys(), ...ORDINALS.keys()]);
/** Prepositions after which a year-like number is a year even before a counted noun ("in 2021 students …"). */
const YEAR_LEADS = setOf(['in', 'since', 'by', 'during', 'until', 'till', 'of', 'from', 'before', 'after', 'early', 'late', 'mid', 'year', 'to', 'through', 'and', 'or']);
/** Glue prefixes under which a lower-case ordinal word can hide ("andfifth"). */
const ORDINAL_GLUE_PREFIXES = ['and', 'the', 'of', 'in', 'to', 'its', 'their', 'a'];

interface Phrase<T> {
  /** Folded words, in text order. */
  readonly words: readonly string[];
  readonly value: T;
}

interface PhraseIndex<T> {
  readonly byLast: Map<string, Phrase<T>[]>;
  readonly byFirst: Map<string, Phrase<T>[]>;
  /**
   * `byLast`'s list with only the phrases that can end at a word given the word before it: those of
   * one word, and those whose next-to-last word it is. Common last words end many phrases ("to" ends
   * thirty cues), and the word before rules out nearly all of them with one look-up.
   */
  readonly byLastTwo: Map<string, { readonly byPenultimate: Map<string, Phrase<T>[]>; readonly single: Phrase<T>[] }>;
}

/** Phrases indexed by their last word (for matching backwards from a figure) and by their first word. */
function phraseIndex<T>(entries: ReadonlyArray<[string, T]>): PhraseIndex<T> {
  const byLast = new Map<string, Phrase<T>[]>();
  const byFirst = new Map<string, Phrase<T>[]>();
  for (const [text, value] of entries) {
    const words = text.split(' ');
    const phrase: Phrase<T> = { words, value };
    const last = words[words.length - 1]!;
    const first = words[0]!;
    (byLast.get(last) ?? byLast.set(last, []).get(last)!).push(phrase);
    (byFirst.get(first) ?? byFirst.set(first, []).get(first)!).push(phrase);
  }
  // Longest first, so the first match is the longest.
  for (const list of byLast.values()) list.sort((a, b) => b.words.length - a.words.length);
  for (const list of byFirst.values()) list.sort((a, b) => b.words.length - a.words.length);
  const byLastTwo: PhraseIndex<T>['byLastTwo'] = new Map();
  for (const [last, list] of byLast) {
    const single = list.filter((phrase) => phrase.words.length === 1);
    const byPenultimate = new Map<string, Phrase<T>[]>();
    for (const phrase of list) {
      if (phrase.words.length < 2) continue;
      const penultimate = phrase.words[phrase.words.length - 2]!;
      if (!byPenultimate.has(penultimate)) byPenultimate.set(penultimate, list.filter((p) => p.words.length === 1 || p.words[p.words.length - 2] === penultimate));
    }
    byLastTwo.set(last, { byPenultimate, single });
  }
  return { byLast, byFirst, byLastTwo };
}

/** The phrases of `index` that may end at a word `last` after the word `penultimate`, longest first ('' for no word). */
function phrasesEndingIn<T>(index: PhraseIndex<T>, last: string, penultimate: string): readonly Phrase<T>[] | undefined {
  const two = index.byLastTwo.get(last);
  return two === undefined ? undefined : (two.byPenultimate.get(penultimate) ?? two.single);
}

const QUALIFIERS = phraseIndex<Qualifier>(
  (['approximate', 'at-least', 'at-most'] as const).flatMap((q) => vocabulary.qualifiers[q].map((p): [string, Qualifier] => [p, q])),
);
const POST_QUALIFIERS = phraseIndex<Qualifier>(
  (['approximate', 'at-least', 'at-most'] as const).flatMap((q) => vocabulary.postQualifiers[q].map((p): [string, Qualifier] => [p, q])),
);
const MODALITY_CUES = phraseIndex<Modality>(
  (['target', 'forecast'] as const).flatMap((m) => vocabulary.modality[m].map((p): [string, Modality] => [p, m])),
);
const PERCENT_PHRASES = phraseIndex<boolean>(vocabulary.percentWords.map((p): [string, boolean] => [p, true]));
const POINT_PHRASES = phraseIndex<boolean>(vocabulary.percentagePoints.map((p): [string, boolean] => [p, true]));

// Currencies: a trie over folded token texts, so "US$", "U.S. dollars", "Hong Kong dollars" and "USD"
// are all matched token by token.

type CurrencyPosition = 'both' | 'prefix' | 'suffix';
type CaseRule = 'any' | 'upper' | 'exact';

interface CurrencyEntry {
  readonly code: string;
  readonly position: CurrencyPosition;
  readonly caseRule: CaseRule;
  /** For `exact`: the form as written, without spaces. */
  readonly form: string;
}

interface TrieNode {
  readonly next: Map<string, TrieNode>;
  entries: CurrencyEntry[] | null;
}

const CURRENCY_TRIE: TrieNode = { next: new Map(), entries: null };

function addCurrency(form: string, entry: CurrencyEntry): void {
  const folded = fold(form);
  const tokens = tokenize(folded);
  if (tokens.length === 0) return;
  let node = CURRENCY_TRIE;
  for (const token of tokens) {
    const key = folded.slice(token.start, token.end);
    let child = node.next.get(key);
    if (!child) {
      child = { next: new Map(), entries: null };
      node.next.set(key, child);
    }
    node = child;
  }
  (node.entries ??= []).push(entry);
}

{
  const wordCodes = new Set(currencyData.wordCodes);
  const lowercaseCodes = new Set(currencyData.lowercaseCodes);
  for (const { code, names } of currencyData.currencies) {
    if (!wordCodes.has(code)) {
      addCurrency(code, { code, position: 'both', caseRule: lowercaseCodes.has(code.toLowerCase()) ? 'any' : 'upper', form: code });
    }
    for (const name of names) addCurrency(name, { code, position: 'suffix', caseRule: 'any', form: name });
  }
  for (const code of lowercaseCodes) {
    if (!currencyData.currencies.some((c) => c.code.toLowerCase() === code)) {
      // "rmb": a lower-case-safe code that is not itself an ISO code.
      addCurrency(code, { code: 'CNY', position: 'both', caseRule: 'any', form: code });
    }
  }
  for (const [symbol, code] of Object.entries(currencyData.symbols)) addCurrency(symbol, { code, position: 'both', caseRule: 'any', form: symbol });
  for (const [symbol, code] of Object.entries(currencyData.prefixedSymbols)) {
    // "A$", "C$", "S$": a lone letter is a currency prefix only in capitals ("a$5" is no AUD).
    const oneLetter = /^[A-Za-z][^A-Za-z]/.test(symbol);
    addCurrency(symbol, { code, position: 'both', caseRule: oneLetter ? 'upper' : 'any', form: symbol });
  }
  for (const [word, code] of Object.entries(currencyData.prefixWords)) addCurrency(word, { code, position: 'prefix', caseRule: 'exact', form: word });
}

// The word lists the scanner asks about most, as flags per key (see KeyFlags): near every number it
// asks a dozen of them about each token around it.

const F_MONTH = 1 << 0;
const F_TIME_UNIT = 1 << 1;
const F_TIME_WORD = 1 << 2;
const F_SCALE = 1 << 3;
const F_CURRENCY_SCALE = 1 << 4;
const F_COUNT_NOUN = 1 << 5;
/** A word that ends the search for a counted noun: a stop word, or a number word. */
const F_COUNT_BREAK = 1 << 6;
const F_CARDINAL = 1 << 7;
const F_TEN = 1 << 8;
const F_PERIOD_LEAD = 1 << 9;
const F_YEAR_LEAD = 1 << 10;
const F_MODALITY_BLOCKER = 1 << 11;
const F_TARGET_VERB = 1 << 12;
const F_TARGET_MODAL = 1 << 13;
const F_INTENT_VERB = 1 << 14;
const F_BASELINE = 1 << 15;
const F_IDENTIFIER = 1 << 16;
const F_GLUE = 1 << 17;
const F_ORDINAL_SUFFIX = 1 << 18;
const F_NUMBER_WORD = 1 << 19;
const F_QUALIFIER_LAST = 1 << 20;
const F_POST_QUALIFIER_FIRST = 1 << 21;
const F_CUE_LAST = 1 << 22;
const F_PERCENT_FIRST = 1 << 23;
const F_POINT_FIRST = 1 << 24;
/** A currency form starts with this key (the currency trie's root has it). */
const F_CURRENCY_START = 1 << 25;
const F_REFERENCE_DETERMINER = 1 << 26;
/** An ordinal run into a short word ("andfifth"): some glue prefix leaves an ordinal (see gluedOrdinal). */
const F_GLUED_ORDINAL = 1 << 27;
/** The key starts with a digit: every number token's does (digits fold to themselves). */
const F_DIGITS = 1 << 28;
/** A word atWord may read as a number: a number word, "a" ("a million"), or F_GLUED_ORDINAL. */
const F_MAY_START = 1 << 29;

const FLAGGED_LISTS: ReadonlyArray<readonly [{ has(key: string): boolean }, number]> = [
  [MONTHS, F_MONTH], [TIME_UNITS, F_TIME_UNIT], [TIME_WORDS, F_TIME_WORD], [SCALES, F_SCALE], [CURRENCY_SCALES, F_CURRENCY_SCALE],
  [COUNT_NOUNS, F_COUNT_NOUN], [COUNT_STOP, F_COUNT_BREAK], [CARDINALS, F_COUNT_BREAK | F_CARDINAL], [TENS, F_COUNT_BREAK | F_TEN],
  [SCALES, F_COUNT_BREAK], [PERIOD_LEADS, F_PERIOD_LEAD], [YEAR_LEADS, F_YEAR_LEAD], [MODALITY_BLOCKERS, F_MODALITY_BLOCKER],
  [TARGET_VERBS, F_TARGET_VERB], [TARGET_MODALS, F_TARGET_MODAL], [INTENT_VERBS, F_INTENT_VERB], [BASELINE_WORDS, F_BASELINE],
  [IDENTIFIER_WORDS, F_IDENTIFIER], [GLUE_WORDS, F_GLUE], [ORDINAL_SUFFIXES, F_ORDINAL_SUFFIX], [NUMBER_WORDS, F_NUMBER_WORD],
  [QUALIFIERS.byLast, F_QUALIFIER_LAST], [POST_QUALIFIERS.byFirst, F_POST_QUALIFIER_FIRST], [MODALITY_CUES.byLast, F_CUE_LAST],
  [PERCENT_PHRASES.byFirst, F_PERCENT_FIRST], [POINT_PHRASES.byFirst, F_POINT_FIRST], [CURRENCY_TRIE.next, F_CURRENCY_START],
  [REFERENCE_DETERMINERS, F_REFERENCE_DETERMINER],
];

const FIGURE_WORDS = new KeyFlags((key) => {
  let flags = 0;
  for (const [list, flag] of FLAGGED_LISTS) if (list.has(key)) flags |= flag;
  if (mayBeGluedOrdinal(key)) flags |= F_GLUED_ORDINAL;
  if ((flags & (F_NUMBER_WORD | F_GLUED_ORDINAL)) !== 0 || key === 'a') flags |= F_MAY_START;
  const first = key.charCodeAt(0);
  if (first >= 0x30 && first <= 0x39) flags |= F_DIGITS;
  return flags;
});

/** What `gluedOrdinal` asks of the word alone before it looks around: "thailand" and "against" end like ordinals, hide none. */
function mayBeGluedOrdinal(word: string): boolean {
  const tail = word.slice(-2);
  if (tail !== 'th' && tail !== 'st' && tail !== 'nd' && tail !== 'rd') return false;
  if (ORDINALS.has(word) || CARDINALS.has(word)) return false;
  return ORDINAL_GLUE_PREFIXES.some((prefix) => word.startsWith(prefix) && ORDINALS.has(word.slice(prefix.length)));
}

// ---------------------------------------------------------------------------------------------
// Limits.

/** How far back (in tokens) a target or forecast cue may stand from its figure, within the sentence. */
const MODALITY_LOOKBACK = 14;
/** How many words may stand between a number and its counted noun ("198 valid investment projects"). */
const COUNT_WINDOW = 4;
/** Longer number tokens are not figures (and would not survive `Number`). */
const MAX_NUMBER_LENGTH = 40;

// ---------------------------------------------------------------------------------------------

interface Quantity {
  /** First and last token index of the written number ("1,200"; "twenty-one"; "40 000"). */
  readonly first: number;
  readonly last: number;
  readonly start: number;
  readonly end: number;
  /** Digits of the whole part, without separators; for a spelled number, the value's digits. */
  readonly int: string;
  /** Digits after the decimal point. */
  readonly frac: string;
  /** Written with grouping separators ("2,000"). */
  readonly separators: boolean;
  readonly spelled: boolean;
  /** Number of number words, for a spelled number. */
  readonly words: number;
}

interface CurrencyMatch {
  readonly code: string;
  /** Token indices, `last` inclusive. */
  readonly first: number;
  readonly last: number;
}

/**
 * Finds every figure in the prose. `exclude` holds spans already taken by dates (years, day
 * numbers) and parties, where no figure may start.
 */
export function extractFigures(context: ProseContext, exclude: readonly Span[]): Figure[] {
  return new FigureScanner(context, exclude).run();
}

class FigureScanner {
  private readonly tokens: readonly Token[];
  private readonly prose: string;
  private readonly text: string;
  private readonly n: number;
  /** Folded text of each token. */
  private readonly keys: readonly string[];
  private readonly keyIds: KeyIds;
  /** The spans where no figure may start, merged, in text order: their starts and ends. */
  private readonly takenStart: number[] = [];
  private readonly takenEnd: number[] = [];
  /** `excluded` remembers its last answer: the first taken span ending after `excludedFrom`. */
  private excludedFrom = 0;
  private excludedAt = 0;
  private readonly out: Figure[] = [];
  /** Tokens before this index belong to an earlier figure (or were read as part of one). */
  private floor = 0;

  constructor(context: ProseContext, exclude: readonly Span[]) {
    this.tokens = context.tokens;
    this.prose = context.prose;
    this.text = context.text;
    this.n = this.tokens.length;
    this.keys = context.keys;
    this.keyIds = context.keyIds;
    mergeSpans(exclude, this.takenStart, this.takenEnd);
  }

  run(): Figure[] {
    const { tokens, n } = this;
    let k = 0;
    while (k < n) {
      // Only numbers and words atWord may read start a figure: the tokens in between are passed
      // over in one tight loop (a superset: a key of digits may be no number).
      k = FIGURE_WORDS.next(this.keyIds, this.keys, k, n, F_DIGITS | F_MAY_START);
      if (k >= n) break;
      const t = tokens[k]!;
      let next = k + 1;
      if (t.kind === 'number') next = this.atDigits(k);
      else if (t.kind === 'word') next = this.atWord(k);
      if (next > k + 1) this.floor = Math.max(this.floor, next);
      k = Math.max(next, k + 1);
    }
    return this.out;
  }

  // -------------------------------------------------------------------------------------------
  // Token helpers.

  /** Folded text of a word token ('' for other tokens and out of range). */
  private w(k: number): string {
    if (k < 0 || k >= this.n) return '';
    return this.tokens[k]!.kind === 'punct' ? '' : this.keys[k]!;
  }

  /** Folded text of any token (punctuation included). */
  private f(k: number): string {
    if (k < 0 || k >= this.n) return '';
    return this.keys[k]!;
  }

  /** The FIGURE_WORDS flags of token k's key, punctuation included; 0 out of range. */
  private keyFlags(k: number): number {
    if (k < 0 || k >= this.n) return 0;
    return FIGURE_WORDS.of(this.keyIds, k, this.keys[k]!);
  }

  /** The FIGURE_WORDS flags of the key `w(k)` gives: 0 for punctuation and out of range. */
  private flags(k: number): number {
    if (k < 0 || k >= this.n || this.tokens[k]!.kind === 'punct') return 0;
    return FIGURE_WORDS.of(this.keyIds, k, this.keys[k]!);
  }

  /** `LIST.has(this.w(k))` for the lists of `flag`. */
  private has(k: number, flag: number): boolean {
    return (this.flags(k) & flag) !== 0;
  }

  private isPunct(k: number, ch: string): boolean {
    if (k < 0 || k >= this.n) return false;
    return this.tokens[k]!.kind === 'punct' && this.keys[k] === ch;
  }

  private isWord(k: number): boolean {
    return k >= 0 && k < this.n && this.tokens[k]!.kind === 'word';
  }

  private isNumber(k: number): boolean {
    return k >= 0 && k < this.n && this.tokens[k]!.kind === 'number';
  }

  /** True when token b follows token a with nothing between them. */
  private adjacent(a: number, b: number): boolean {
    if (a < 0 || b >= this.n || a >= b) return false;
    return this.tokens[a]!.end === this.tokens[b]!.start;
  }

  /** True when only spaces or tabs (no line break) separate token a from token b, and at most `max` of them. */
  private near(a: number, b: number, max = 2): boolean {
    if (a < 0 || b >= this.n) return false;
    const from = this.tokens[a]!.end;
    const to = this.tokens[b]!.start;
    if (to - from > max) return false;
    for (let i = from; i < to; i++) {
      const c = this.prose.charCodeAt(i);
      if (c === 0x0a || c === 0x0d) return false;
    }
    return true;
  }

  /** True when a blank line (a paragraph break) separates token a from token b. */
  private paragraphBreak(a: number, b: number): boolean {
    const from = this.tokens[a]!.end;
    const to = this.tokens[b]!.start;
    let lines = 0;
    for (let i = from; i < to; i++) {
      const c = this.prose.charCodeAt(i);
      if (c === 0x0a) {
        if (++lines >= 2) return true;
      } else if (c === 0x0d) {
        if (this.prose.charCodeAt(i + 1) !== 0x0a && ++lines >= 2) return true;
      }
    }
    return false;
  }

  private isSentenceEnd(k: number): boolean {
    const t = this.tokens[k]!;
    if (t.kind !== 'punct') return false;
    const c = this.prose.charCodeAt(t.start);
    return c === 0x2e || c === 0x21 || c === 0x3f || c === 0x3b || c === 0x3a;
  }

  private isUpperWord(k: number): boolean {
    const t = this.tokens[k]!;
    const s = this.prose.slice(t.start, t.end);
    return s === s.toUpperCase() && s !== s.toLowerCase();
  }

  private isMonth(k: number): boolean {
    return this.isWord(k) && this.has(k, F_MONTH);
  }

  /** A month name right before token k ("October 21", "Oct. 21"). */
  private monthBefore(k: number): boolean {
    if (this.isMonth(k - 1)) return true;
    return this.isPunct(k - 1, '.') && this.isMonth(k - 2);
  }

  /** A month name right after token k ("21 October", "21st of October"). */
  private monthAfter(k: number): boolean {
    if (this.isMonth(k + 1)) return true;
    return this.w(k + 1) === 'of' && this.isMonth(k + 2);
  }

  private excluded(offset: number): boolean {
    const starts = this.takenStart;
    const ends = this.takenEnd;
    let i: number;
    if (offset >= this.excludedFrom) {
      // Asked in text order, nearly always: walk on from the last answer, a span or two.
      i = this.excludedAt;
      while (i < ends.length && ends[i]! <= offset) i++;
    } else {
      let high = ends.length;
      i = 0;
      while (i < high) {
        const mid = (i + high) >> 1;
        if (ends[mid]! <= offset) i = mid + 1;
        else high = mid;
      }
    }
    this.excludedFrom = offset;
    this.excludedAt = i;
    return i < ends.length && starts[i]! <= offset;
  }

  // -------------------------------------------------------------------------------------------
  // Numbers written in digits.

  private atDigits(k: number): number {
    const { tokens } = this;
    const t = tokens[k]!;
    if (this.excluded(t.start)) return k + 1;
    if (t.end - t.start > MAX_NUMBER_LENGTH) return k + 1;

    // ".08": a decimal without its leading zero, after a space.
    let first = k;
    let leadingPoint = false;
    if (this.isPunct(k - 1, '.') && this.adjacent(k - 1, k) && k - 1 >= this.floor && (k - 1 === 0 || tokens[k - 1]!.spaceBefore) && !t.glued) {
      first = k - 1;
      leadingPoint = true;
    }

    if (this.identifierBefore(first)) return this.skipAttached(k);

    const raw = this.prose.slice(t.start, t.end);
    const parsed = leadingPoint ? { int: '0', frac: digitsOnly(raw), separators: false, list: null } : parseDigits(raw);
    if (parsed === null) return this.skipAttached(k);
    if (parsed.list !== null) {
      // "22,24,26,31": a list of numbers run together with commas.
      for (const part of parsed.list) this.push(plainNumber(this.text, t.start + part.offset, t.start + part.offset + part.digits.length, part.digits));
      return k + 1;
    }

    // What follows right after the number, glued: a dot-less list ("192.168.1.2" never reaches here),
    // "/" or ":" (dates, times, ratios, codes) end the matter.
    if (this.attachedAfter(k)) return this.skipAttached(k);

    // Telephone numbers and codes: "023 214 777", "+856 21 413 400", "(856-21) 413 379".
    if (!leadingPoint && raw.length > 1 && raw.charCodeAt(0) === 0x30 && raw.charCodeAt(1) !== 0x2e) return this.skipAttached(k);
    if (!t.glued && this.isNumber(first - 1) && this.near(first - 1, first, 2)) return this.skipAttached(k);
    if (this.isPunct(first - 1, ')') && this.isNumber(first - 2) && this.adjacent(first - 2, first - 1)) return this.skipAttached(k);

    let last = k;
    let int = parsed.int;
    let frac = parsed.frac;
    let separators = parsed.separators;
    // "40 000", "1 234 567", "1 234 567.89": groups of three digits after single spaces.
    if (frac === '' && !separators && int.length <= 3 && !t.glued) {
      let j = k + 1;
      let grouped = int;
      while (this.isNumber(j) && this.near(j - 1, j, 1) && !this.excluded(this.tokens[j]!.start)) {
        const group = this.prose.slice(this.tokens[j]!.start, this.tokens[j]!.end);
        if (group.length === 3 && isAllDigits(group, 0, 3)) {
          grouped += group;
          last = j;
          j++;
          continue;
        }
        if (group.length > 4 && group.charCodeAt(3) === 0x2e && isAllDigits(group, 0, 3) && isAllDigits(group, 4, group.length)) {
          grouped += group.slice(0, 3);
          frac = group.slice(4);
          last = j;
        }
        break;
      }
      if (last > k) {
        int = grouped;
        separators = true;
      }
    }

    // "+84 24 3799 3000": numbers in a row with single spaces are a telephone number or a code.
    if (last === k && !t.glued && ((this.isNumber(k + 1) && this.near(k, k + 1, 1)) || (this.isNumber(first - 1) && this.near(first - 1, first, 1)))) {
      return this.skipAttached(k);
    }

    const q: Quantity = {
      first,
      last,
      start: tokens[first]!.start,
      end: tokens[last]!.end,
      int,
      frac,
      separators,
      spelled: false,
      words: 0,
    };

    // Ordinal suffix: "55th", "41st", "32nd".
    if (this.isWord(last + 1) && this.adjacent(last, last + 1) && this.has(last + 1, F_ORDINAL_SUFFIX) && q.frac === '' && !separators && !leadingPoint) {
      return this.digitOrdinal(q, last + 1);
    }
    return this.complete(q);
  }

  /** A word, code or sign right before the number makes it part of a name, not a figure. */
  private identifierBefore(k: number): boolean {
    const { tokens } = this;
    const t = tokens[k]!;
    const p = k - 1;
    // List numbering: "1." or "2)" at the start of a line; "(3)" alone.
    if (
      this.tokens[k]!.end - this.tokens[k]!.start <= 2 && this.lineStartBefore(k) && (this.isPunct(k + 1, '.') || this.isPunct(k + 1, ')')) &&
      this.adjacent(k, k + 1) && k + 2 < this.n && this.near(k + 1, k + 2, 3) && !this.isNumber(k + 2)
    ) return true;
    if (p < 0) return false;
    const prev = tokens[p]!;
    if (prev.end === t.start) {
      if (prev.kind === 'word') {
        // "G20", "A380", "COVID19" are names; "of11", "reached8.45" are PDF glue; "USD5.2" is money.
        if (this.has(p, F_GLUE)) return false;
        if (this.currencyEndingAt(p) !== null) return false;
        return true;
      }
      if (prev.kind === 'punct') {
        const c = this.prose.charCodeAt(prev.start);
        // "COVID-19", "ASEAN+3", "SARS-CoV-2", "#5", "+84", "-1": a sign or a joiner.
        if (c === 0x2b || c === 0x23 || c === 0x40 || c === 0x5f || c === 0x3d || c === 0x26 || c === 0x2212) return true;
        if (c === 0x2d || c === 0x2013 || c === 0x2010 || c === 0x2011) {
          if (p - 1 >= 0 && tokens[p - 1]!.end === prev.start) return true; // joined to a word or number before
          return prev.spaceBefore || p === 0; // a minus sign
        }
        if (c === 0x2f || c === 0x3a || c === 0x5c) return true; // "21/10", "10:30"
        if (c === 0x2e && p - 1 >= 0 && tokens[p - 1]!.end === prev.start && tokens[p - 1]!.kind !== 'punct') return true; // "v.2", "1.2.3"
      }
    }
    // "No. 15", "Article 5", "National Road 1".
    let q = p;
    if ((this.isPunct(q, '.') || this.isPunct(q, ':')) && this.adjacent(q - 1, q)) q--;
    if (this.isWord(q) && this.has(q, F_IDENTIFIER) && this.near(q, q === p ? k : p, 2)) return true;
    if (this.isPunct(p, '(') && this.adjacent(p, k) && this.isPunct(k + 1, ')') && this.adjacent(k, k + 1)) return true;
    return false;
  }

  private lineStartBefore(k: number): boolean {
    const start = this.tokens[k]!.start;
    for (let i = start - 1; i >= 0; i--) {
      const c = this.prose.charCodeAt(i);
      if (c === 0x0a || c === 0x0d) return true;
      if (c !== 0x20 && c !== 0x09) return false;
    }
    return true;
  }

  /** "/", ":", "@" or "_" glued after the number, followed by more: a date, a time, a ratio or a code. */
  private attachedAfter(k: number): boolean {
    const j = k + 1;
    if (j >= this.n || !this.adjacent(k, j) || this.tokens[j]!.kind !== 'punct') return false;
    const c = this.prose.charCodeAt(this.tokens[j]!.start);
    if (c === 0x2f || c === 0x3a || c === 0x40 || c === 0x5f || c === 0x5c) return this.adjacent(j, j + 1) && this.tokens[j + 1]!.kind !== 'punct';
    if (c === 0x2e) return this.adjacent(j, j + 1) && this.tokens[j + 1]!.kind === 'number'; // "1.2.3" is never one token, but "3.x" may be
    return false;
  }

  /** Skips a number and whatever is glued to it (letters, digits, joiners): "A380neo", "192.168.1.2", "10:30". */
  private skipAttached(k: number): number {
    let j = k + 1;
    while (j < this.n && this.adjacent(j - 1, j)) {
      const t = this.tokens[j]!;
      if (t.kind === 'punct') {
        const c = this.prose.charCodeAt(t.start);
        const joiner = c === 0x2f || c === 0x3a || c === 0x2d || c === 0x2e || c === 0x5f || c === 0x40 || c === 0x2b || c === 0x2013;
        if (!joiner || !this.adjacent(j, j + 1) || this.tokens[j + 1]!.kind === 'punct') break;
      }
      j++;
    }
    return j;
  }

  private digitOrdinal(q: Quantity, suffix: number): number {
    const value = Number(q.int);
    // "21st October", "October 21st", "the 21st of October": a day of a date.
    if (value >= 1 && value <= 31 && (this.monthAfter(suffix) || this.monthBefore(q.first))) return suffix + 1;
    // "the 3rd quarter", "2nd half": a period.
    if (this.has(suffix + 1, F_TIME_UNIT) || (this.isPunct(suffix + 1, '-') && this.has(suffix + 2, F_TIME_UNIT))) return suffix + 1;
    // Letters glued after the suffix ("5thgeneration" aside, "1stAve") are left alone.
    if (this.isWord(suffix + 1) && this.adjacent(suffix, suffix + 1)) return suffix + 2;
    this.push(this.figure('ordinal', q.start, this.tokens[suffix]!.end, value, undefined, null, 1, null));
    return suffix + 1;
  }

  // -------------------------------------------------------------------------------------------
  // Words: spelled-out numbers and ordinals.

  private atWord(k: number): number {
    // Only words flagged F_MAY_START reach here (see run): a number word, "a", or a glued ordinal.
    const word = this.w(k);
    const isNumberWord = this.has(k, F_NUMBER_WORD) || (word === 'a' && this.startsScale(k + 1));
    if (!isNumberWord) {
      if (!this.tokens[k]!.glued && this.has(k, F_GLUED_ORDINAL)) return this.gluedOrdinal(k, word);
      return k + 1;
    }
    if (this.excluded(this.tokens[k]!.start)) return k + 1;
    const spelled = this.parseSpelled(k);
    if (spelled === null) return k + 1;
    if (spelled.ordinal) return this.wordOrdinal(k, spelled);
    return this.spelledCardinal(k, spelled);
  }

  private startsScale(k: number): boolean {
    const word = this.w(k);
    return word === 'hundred' || (SCALES.has(word) && SCALES.get(word)! >= 3 && word.length > 3);
  }

  /**
   * Reads a run of number words from token k: "two", "twenty-one", "one hundred and six",
   * "five million", "twenty-first". Returns null when the run is not a well-formed number.
   */
  private parseSpelled(k: number): { value: number; last: number; ordinal: boolean; words: number } | null {
    type Kind = 'none' | 'unit' | 'teen' | 'ten' | 'hundred' | 'scale';
    let total = 0;
    let current = 0;
    let prev: Kind = 'none';
    let lastScale = Infinity;
    let j = k;
    let last = -1;
    let words = 0;
    while (j < this.n && this.isWord(j)) {
      const word = this.w(j);
      let kind: Kind | 'ordinal';
      let value = 0;
      if (word === 'a' && j === k && this.startsScale(j + 1)) {
        kind = 'unit';
        value = 1;
      } else if (CARDINALS.has(word)) {
        value = CARDINALS.get(word)!;
        kind = value < 10 ? 'unit' : 'teen';
      } else if (TENS.has(word)) {
        value = TENS.get(word)!;
        kind = 'ten';
      } else if (word === 'hundred') {
        kind = 'hundred';
      } else if (SCALES.has(word) && SCALES.get(word)! >= 3) {
        kind = 'scale';
        value = 10 ** SCALES.get(word)!;
      } else if (ORDINALS.has(word)) {
        kind = 'ordinal';
        value = ORDINALS.get(word)!;
      } else {
        break;
      }

      if (kind === 'ordinal') {
        // "first" … "ninth" after a ten or alone; "twentieth" … alone or after hundreds; "hundredth" after a unit.
        if (value < 10 && !(prev === 'none' || prev === 'ten' || prev === 'hundred' || prev === 'scale')) break;
        if (value >= 10 && value < 20 && !(prev === 'none' || prev === 'hundred' || prev === 'scale')) break;
        if (value >= 20 && value < 100 && !(prev === 'none' || prev === 'hundred' || prev === 'scale')) break;
        if (value === 100) {
          if (!(prev === 'unit' || prev === 'teen' || prev === 'none')) break;
          current = (current || 1) * 100;
        } else if (value === 1000) {
          if (prev === 'none') current = 1000;
          else {
            total = (total + current) * 1000;
            current = 0;
          }
        } else current += value;
        return { value: total + current, last: j, ordinal: true, words: words + 1 };
      }
      if (kind === 'unit' && !(prev === 'none' || prev === 'ten' || prev === 'hundred' || prev === 'scale')) break;
      if ((kind === 'teen' || kind === 'ten') && !(prev === 'none' || prev === 'hundred' || prev === 'scale')) break;
      if (kind === 'hundred') {
        if (!(prev === 'unit' || prev === 'teen') || current >= 100) break;
        current *= 100;
      } else if (kind === 'scale') {
        if (prev === 'none' || prev === 'scale' || value >= lastScale) break;
        total += current * value;
        current = 0;
        lastScale = value;
      } else {
        current += value;
      }
      prev = kind;
      last = j;
      words++;
      // Connectors: "twenty-one", "fifty - two", "one hundred and six", "two million and three".
      const after = j + 1;
      if (this.isPunct(after, '-') && prev === 'ten' && this.near(j, after) && this.near(after, after + 1)) {
        const nw = this.w(after + 1);
        const unit = CARDINALS.get(nw);
        const ord = ORDINALS.get(nw);
        if ((unit !== undefined && unit >= 1 && unit < 10) || (ord !== undefined && ord < 10)) {
          j = after + 1;
          continue;
        }
        break;
      }
      if (this.w(after) === 'and' && (prev === 'hundred' || prev === 'scale') && this.isWord(after + 1)) {
        const nw = this.w(after + 1);
        if (CARDINALS.has(nw) || TENS.has(nw)) {
          j = after + 1;
          continue;
        }
        break;
      }
      j++;
    }
    if (last < 0) return null;
    return { value: total + current, last, ordinal: false, words };
  }

  private wordOrdinal(k: number, spelled: { value: number; last: number; words: number }): number {
    const word = this.w(spelled.last);
    const after = spelled.last + 1;
    const prevWord = this.w(k - 1);
    // "one fifth", "a third of": fractions.
    if (spelled.words === 1) {
      if (CARDINALS.has(prevWord) || TENS.has(prevWord)) return after;
      if ((prevWord === 'a' || prevWord === 'an') && (this.w(after) === 'of' || !this.isWord(after))) return after;
    }
    // "May the eleventh", "the fourth of July": a day of a date.
    if (this.monthAfter(spelled.last) || this.monthBefore(k) || (prevWord === 'the' && this.monthBefore(k - 1))) return after;
    // "the fourth quarter", "the first nine months": periods belong to the dates.
    if (this.has(after, F_TIME_UNIT) || this.isNumber(after) || this.has(after, F_CARDINAL | F_TEN)) return after;
    if (this.isPunct(after, '-') && this.has(after + 1, F_TIME_UNIT)) return after;
    if (spelled.words === 1 && COMMON_ORDINALS.has(word) && !this.rankOrEvent(k, after)) return after;
    this.push(this.figure('ordinal', this.tokens[k]!.start, this.tokens[spelled.last]!.end, spelled.value, undefined, null, 1, null));
    return after;
  }

  /** "ranking first", "the second largest", "first among", "the first meeting", "the Second ASEAN-Japan Summit". */
  private rankOrEvent(k: number, after: number): boolean {
    if (RANK_VERBS.has(this.w(k - 1))) return true;
    const next = this.w(after);
    if (RANK_FOLLOWERS.has(next)) return true;
    if (this.isPunct(after, '-') && RANK_FOLLOWERS.has(this.w(after + 1))) return true;
    for (let j = after, seen = 0; j < this.n && seen < 5; j++) {
      const t = this.tokens[j]!;
      if (t.kind === 'punct') {
        if (this.prose.charCodeAt(t.start) === 0x2d && this.adjacent(j - 1, j)) continue; // "ASEAN-Japan"
        return false;
      }
      if (t.kind === 'number') return false;
      const word = this.w(j);
      if (EVENT_NOUNS.has(word)) return true;
      if (COUNT_STOP.has(word)) return false;
      seen++;
    }
    return false;
  }

  /** "andfifth": an ordinal run into a short word by PDF extraction. */
  private gluedOrdinal(k: number, word: string): number {
    // The caller asks only for words of F_GLUED_ORDINAL (mayBeGluedOrdinal).
    for (const prefix of ORDINAL_GLUE_PREFIXES) {
      if (!word.startsWith(prefix)) continue;
      const rest = word.slice(prefix.length);
      const value = ORDINALS.get(rest);
      if (value === undefined) continue;
      // The plain reading of a glued word is a word; take only ordinals that cannot be one.
      if (COMMON_ORDINALS.has(rest) && !RANK_FOLLOWERS.has(this.w(k + 1))) return k + 1;
      if (TIME_UNITS.has(this.w(k + 1))) return k + 1;
      const t = this.tokens[k]!;
      const start = t.start + prefix.length;
      if (this.excluded(start)) return k + 1;
      this.push(this.figure('ordinal', start, t.end, value, undefined, null, 1, null));
      return k + 1;
    }
    return k + 1;
  }

  private spelledCardinal(k: number, spelled: { value: number; last: number; words: number }): number {
    const after = spelled.last + 1;
    // "two-way", "three-day", "two-thirds": a compound word, not a figure.
    if (this.isPunct(after, '-') && this.adjacent(spelled.last, after)) return after;
    // "two thirds", "three quarters", "one half".
    if (FRACTION_WORDS.has(this.w(after))) return after + 1;
    const int = String(spelled.value);
    if (!Number.isFinite(spelled.value)) return after;
    const q: Quantity = {
      first: k,
      last: spelled.last,
      start: this.tokens[k]!.start,
      end: this.tokens[spelled.last]!.end,
      int,
      frac: '',
      separators: false,
      spelled: true,
      words: spelled.words,
    };
    return this.complete(q);
  }

  // -------------------------------------------------------------------------------------------
  // The context after a number: range, scale, currency, percent, counted noun.

  private complete(q: Quantity): number {
    let r = q.last + 1;
    let second: Quantity | null = null;
    let spanStart = q.start;
    let firstTok = q.first;
    // The currency written before the number ("USD 5.26 billion", "US$11 billion", "€3m"), found
    // once: the range tests ask where it starts, and it is the prefix below.
    const prefix = q.spelled ? null : this.currencyEndingAt(q.first - 1);
    const prefixStart = prefix !== null ? prefix.first : q.first;

    // Ranges: "10-15%", "USD 3-5 billion", "between 3 and 5 billion USD", "3 to 5 percent".
    if (!q.spelled) {
      const between = this.w(q.first - 1) === 'between' || this.w(prefixStart - 1) === 'between';
      const joiner = this.f(r);
      const isDash = joiner === '-' && this.tokens[r] !== undefined && (this.adjacent(q.last, r) === this.adjacent(r, r + 1));
      const isTo = joiner === 'to' && this.w(prefixStart - 1) !== 'from' && !between;
      const isAnd = joiner === 'and' && between;
      if ((isDash || isTo || isAnd) && this.isNumber(r + 1) && !this.excluded(this.tokens[r + 1]!.start) && !this.tokens[r + 1]!.glued) {
        const t2 = this.tokens[r + 1]!;
        const parsed = parseDigits(this.prose.slice(t2.start, t2.end));
        if (parsed !== null && parsed.list === null && t2.end - t2.start <= MAX_NUMBER_LENGTH) {
          const candidate: Quantity = {
            first: r + 1, last: r + 1, start: t2.start, end: t2.end, int: parsed.int, frac: parsed.frac,
            separators: parsed.separators, spelled: false, words: 0,
          };
          const low = quantityValue(q, 0);
          const high = quantityValue(candidate, 0);
          // "25-26 November": a range of days; "2019-2020": of years; "222-2222-333": a code.
          if (this.monthAfter(r + 1) || this.monthBefore(q.first)) return r + 2;
          if (isYearLike(q) && isYearLike(candidate)) return r + 2;
          if (isDash && this.isPunct(r + 2, '-') && this.adjacent(r + 1, r + 2)) return this.skipAttached(r + 1);
          if (this.attachedAfter(r + 1)) return this.skipAttached(r + 1);
          if (high > low) {
            second = candidate;
            r += 2;
            if (isAnd) {
              spanStart = this.tokens[prefixStart - 1]!.start;
              firstTok = prefixStart - 1;
            }
          } else if (isDash && this.adjacent(q.last, r)) {
            return this.skipAttached(q.last);
          }
        }
      }
    }
    const tail = second ?? q;

    // Currency before the number.
    let code: string | null = prefix?.code ?? null;
    if (prefix && firstTok === q.first) {
      firstTok = prefix.first;
      spanStart = this.tokens[prefix.first]!.start;
    }

    // Scale: "billion", "bln", glued "2.92billion"; letter scales ("3m", "$10k") only with a currency.
    let scale = 0;
    if (!q.spelled && this.isWord(r)) {
      const word = this.w(r);
      const flags = this.flags(r);
      const full = (flags & F_SCALE) !== 0 ? SCALES.get(word) : undefined;
      const glued = this.adjacent(tail.last, r);
      if (full !== undefined && (glued || this.near(tail.last, r, 3))) {
        scale = full;
        r++;
      } else if ((flags & F_CURRENCY_SCALE) !== 0 && (glued || this.near(tail.last, r, 1))) {
        const suffix = code === null ? this.currencyAt(r + 1) : null;
        if (code !== null || suffix !== null) {
          scale = CURRENCY_SCALES.get(word)!;
          r++;
        }
      }
    }

    // Currency after: "9.5 billion USD", "5 billion US dollars", "100 ₭".
    let end = this.tokens[r - 1]!.end;
    if (code === null) {
      const suffix = this.currencyAt(r);
      if (suffix !== null && (this.near(r - 1, r, 3) || this.adjacent(r - 1, r))) {
        code = suffix.code;
        r = suffix.last + 1;
        end = this.tokens[suffix.last]!.end;
        // "75 USD million", as tables write it.
        const late = this.has(r, F_SCALE) ? SCALES.get(this.w(r)) : undefined;
        if (scale === 0 && !q.spelled && late !== undefined && this.near(r - 1, r, 1)) {
          scale = late;
          end = this.tokens[r]!.end;
          r++;
        }
      }
    }

    // Letters glued right after the number that are none of the above: "180ml", "5G", "29km".
    if (code === null && scale === 0 && this.isWord(tail.last + 1) && this.adjacent(tail.last, tail.last + 1)) {
      return this.skipAttached(tail.last);
    }

    let kind: FigureKind = 'number';
    let unit: string | null = null;
    if (code !== null) {
      kind = 'money';
      unit = code;
    } else {
      // Percent: "16.7%", "84 %", "84 percent", "25 per cent"; percentage points are a number.
      const points = this.phraseAt(POINT_PHRASES.byFirst, F_POINT_FIRST, r);
      const percent = points < 0 ? this.percentAt(r) : -1;
      if (points >= 0 && this.near(r - 1, r, 2)) {
        kind = 'number';
        unit = 'percentage points';
        end = this.tokens[points]!.end;
        r = points + 1;
      } else if (percent >= 0) {
        kind = 'percent';
        unit = '%';
        end = this.tokens[percent]!.end;
        r = percent + 1;
      }
    }

    const noUnit = kind === 'number' && unit === null && scale === 0;
    if (noUnit && second === null && !q.separators && q.frac === '') {
      const value = Number(q.int);
      // Times: "10 am", "3 p.m.".
      if (this.has(r, F_TIME_WORD) || ((this.w(r) === 'a' || this.w(r) === 'p') && this.isPunct(r + 1, '.') && this.w(r + 2) === 'm')) return r + 1;
      // Day numbers: "21 October", "October 21", "the 21 of October".
      if (!q.spelled && value >= 1 && value <= 31 && (this.monthAfter(q.last) || this.monthBefore(q.first))) return r;
    }

    // Counted noun: "198 valid investment projects", "two important legal documents".
    // "one" counts nothing: "one country", "One Belt One Road", "one of the".
    if (noUnit && q.spelled && q.words === 1 && q.int === '1') return r;
    if (kind === 'number' && unit === null) {
      // With a scale too: "2.2 million international tourists".
      const head = this.countNounAt(r, q);
      if (head === 'reference' && noUnit) return r;
      if (head === 'period' && noUnit) return r;
      if (typeof head === 'number') {
        kind = 'count';
        const t = this.tokens[head]!;
        unit = this.text.slice(t.start, t.end).toLowerCase();
        end = t.end;
        r = head + 1;
      }
    }

    if (noUnit && kind === 'number') {
      // Years: "in 2021", "ASEAN Chairmanship 2022".
      if (!q.spelled && second === null && isYearLike(q)) return r;
      // "5-year plan": a compound adjective; the number stands alone.
      // A spelled-out number with nothing to count is a word, unless it is a compound or large.
      if (q.spelled && !(q.words >= 2 || Number(q.int) >= 11)) return r;
    } else if (kind === 'count' && !q.spelled && second === null && isYearLike(q)) {
      // "in 2021 students …": a year before a noun.
      if (this.has(q.first - 1, F_YEAR_LEAD) || r - 1 !== q.last + 1) return q.last + 1;
    }

    const value = quantityValue(q, scale);
    const valueTo = second ? quantityValue(second, scale) : undefined;
    if (!Number.isFinite(value) || (valueTo !== undefined && !Number.isFinite(valueTo))) return r;
    let resolution = quantityResolution(q, scale);
    if (second) resolution = Math.min(resolution, quantityResolution(second, scale));

    const figure = this.figure(kind, spanStart, end, value, valueTo, unit, resolution, firstTok, r);
    this.push(figure);
    return r;
  }

  /** Index of the last token of "%", "percent", "per cent" starting at token r, or -1. */
  private percentAt(r: number): number {
    if (r >= this.n) return -1;
    const t = this.tokens[r]!;
    if (t.kind === 'punct') {
      const c = this.prose.charCodeAt(t.start);
      if ((c === 0x25 || c === 0xff05) && this.near(r - 1, r, 1)) return r;
      return -1;
    }
    if (!this.near(r - 1, r, 2) && !this.adjacent(r - 1, r)) return -1;
    return this.phraseAt(PERCENT_PHRASES.byFirst, F_PERCENT_FIRST, r);
  }

  /** Index of the last token of a phrase from `index` (whose first words have `firstFlag`) that starts at token r, or -1 (longest match). */
  private phraseAt<T>(index: Map<string, Phrase<T>[]>, firstFlag: number, r: number): number {
    if (!this.isWord(r) || !this.has(r, firstFlag)) return -1;
    const list = index.get(this.w(r));
    if (!list) return -1;
    outer: for (const phrase of list) {
      for (let i = 1; i < phrase.words.length; i++) {
        if (this.w(r + i) !== phrase.words[i]) continue outer;
      }
      return r + phrase.words.length - 1;
    }
    return -1;
  }

  /**
   * The counted noun after a number: the index of the head noun, 'reference' for the diplomatic
   * reference construction ("the two countries"), 'period' for a count of time units that names a
   * period ("the first nine months", "seven months of 2021"), or null.
   */
  private countNounAt(r: number, q: Quantity): number | 'reference' | 'period' | null {
    const determiner = this.has(q.first - 1, F_REFERENCE_DETERMINER);
    for (let j = r, seen = 0; j < this.n && seen < COUNT_WINDOW; j++) {
      const t = this.tokens[j]!;
      if (t.kind !== 'word') {
        // "Co-chairs", "high-level": a hyphen inside a word is part of it.
        if (t.kind === 'punct' && this.prose.charCodeAt(t.start) === 0x2d && this.adjacent(j - 1, j) && this.adjacent(j, j + 1) && j > r) continue;
        return null;
      }
      if (j > r && this.paragraphBreak(j - 1, j)) return null;
      if (j === r && !this.near(q.last, j, 3) && !this.adjacent(q.last, j)) {
        // A line break between a number and its noun is PDF damage often enough to allow one.
        if (this.paragraphBreak(q.last, j)) return null;
      }
      const word = this.w(j);
      if (q.spelled && determiner && (REFERENCE_NOUNS.has(word) || (this.isPunct(j + 1, '-') && REFERENCE_NOUNS.has(word + '-' + this.w(j + 2))))) return 'reference';
      const flags = this.flags(j);
      if ((flags & F_COUNT_NOUN) !== 0) {
        if ((flags & F_TIME_UNIT) !== 0) {
          if (this.has(q.first - 1, F_PERIOD_LEAD)) return 'period';
          const of = this.w(j + 1) === 'of';
          if (of && (isYearToken(this.prose, this.tokens[j + 2]) || ['this', 'last', 'next', 'the'].includes(this.w(j + 2)))) return 'period';
        }
        return j;
      }
      if ((flags & F_COUNT_BREAK) !== 0) return null;
      // A party named between the number and its noun ("10 ASEAN members") stays inside the count:
      // the figure does not start there, and the outermost span wins where spans nest.
      seen++;
    }
    return null;
  }

  // -------------------------------------------------------------------------------------------
  // Currencies.

  /** A currency name, code or symbol starting at token r (for a suffix). */
  private currencyAt(r: number): CurrencyMatch | null {
    return this.matchCurrency(r, 'suffix', -1);
  }

  /** A currency name, code or symbol ending exactly at token e (for a prefix), not reaching before the floor. */
  private currencyEndingAt(e: number): CurrencyMatch | null {
    if (e < 0 || e < this.floor) return null;
    for (let s = Math.max(this.floor, e - 4); s <= e; s++) {
      const m = this.matchCurrency(s, 'prefix', e);
      if (m !== null) return m;
    }
    return null;
  }

  /** Walks the currency trie from token s; with `endAt` ≥ 0 the match must end exactly there. */
  private matchCurrency(s: number, position: 'prefix' | 'suffix', endAt: number): CurrencyMatch | null {
    let node: TrieNode | undefined = CURRENCY_TRIE;
    let best: CurrencyMatch | null = null;
    const limit = endAt >= 0 ? endAt : Math.min(this.n - 1, s + 5);
    for (let j = s; j <= limit && j < this.n; j++) {
      if (j > s && !this.adjacent(j - 1, j)) {
        // A space inside a currency name is fine ("US dollars", "US $"), but not after a lone letter:
        // "a $5 million grant" is no Australian dollar.
        if (!this.near(j - 1, j, 1)) break;
        const before = this.tokens[j - 1]!;
        if (before.kind === 'word' && before.end - before.start < 2) break;
      }
      // Most tokens start no currency: the root's answer is a flag.
      if (j === s && (this.keyFlags(j) & F_CURRENCY_START) === 0) break;
      node = node.next.get(this.f(j));
      if (node === undefined) break;
      if (node.entries !== null && (endAt < 0 || j === endAt)) {
        for (const entry of node.entries) {
          if (entry.position !== 'both' && entry.position !== position) continue;
          if (!this.caseOk(entry, s, j)) continue;
          best = { code: entry.code, first: s, last: j };
          break;
        }
      }
    }
    if (best === null) return null;
    // A name must end at a word boundary: "dong" in "dongle" is one token anyway; "USD" glued to letters is not a code.
    const next = best.last + 1;
    if (position === 'suffix' && this.isWord(next) && this.adjacent(best.last, next)) return null;
    if (position === 'prefix' && this.isWord(best.first - 1) && this.adjacent(best.first - 1, best.first)) return null;
    return best;
  }

  private caseOk(entry: CurrencyEntry, s: number, e: number): boolean {
    if (entry.caseRule === 'any') return true;
    if (entry.caseRule === 'upper') return this.isUpperWord(s);
    let written = '';
    for (let j = s; j <= e; j++) written += this.prose.slice(this.tokens[j]!.start, this.tokens[j]!.end);
    return written === entry.form.replace(/\s+/g, '');
  }

  // -------------------------------------------------------------------------------------------
  // Qualifier and modality.

  private figure(
    kind: FigureKind, start: number, end: number, value: number, valueTo: number | undefined, unit: string | null,
    resolution: number, firstTok: number | null, afterTok = -1,
  ): Figure {
    let qualifier: Qualifier = 'exact';
    let qualifierText: string | undefined;
    let modality: Modality = 'actual';
    let modalityText: string | undefined;
    if (firstTok !== null) {
      const q = this.qualifierBefore(firstTok);
      if (q !== null) {
        qualifier = q.value;
        qualifierText = this.text.slice(q.start, q.end);
      } else if (afterTok >= 0) {
        const post = this.postQualifierAt(afterTok);
        if (post !== null) {
          qualifier = post.value;
          qualifierText = this.text.slice(post.start, post.end);
        }
      }
      const m = this.modalityBefore(q !== null ? q.firstTok : firstTok);
      if (m !== null) {
        modality = m.value;
        modalityText = this.text.slice(m.start, m.end);
      }
    }
    const figure: {
      -readonly [K in keyof Figure]: Figure[K];
    } = { start, end, text: this.text.slice(start, end), kind, value, unit, resolution, qualifier, modality };
    if (valueTo !== undefined) figure.valueTo = valueTo;
    if (qualifierText !== undefined) figure.qualifierText = qualifierText;
    if (modalityText !== undefined) figure.modalityText = modalityText;
    return figure;
  }

  private qualifierBefore(s: number): { value: Qualifier; start: number; end: number; firstTok: number } | null {
    const e = s - 1;
    if (!this.isWord(e) || e < this.floor || !this.has(e, F_QUALIFIER_LAST)) return null;
    const list = phrasesEndingIn(QUALIFIERS, this.w(e), this.w(e - 1));
    if (!list) return null;
    outer: for (const phrase of list) {
      const len = phrase.words.length;
      const first = e - len + 1;
      if (first < this.floor || first < 0) continue;
      for (let i = 0; i < len - 1; i++) {
        if (this.w(first + i) !== phrase.words[i]) continue outer;
      }
      // "the above 3 points": "above" as an adjective.
      if (len === 1 && this.w(first - 1) === 'the') continue;
      return { value: phrase.value, start: this.tokens[first]!.start, end: this.tokens[e]!.end, firstTok: first };
    }
    return null;
  }

  private postQualifierAt(r: number): { value: Qualifier; start: number; end: number } | null {
    if (!this.isWord(r) || !this.has(r, F_POST_QUALIFIER_FIRST)) return null;
    const list = POST_QUALIFIERS.byFirst.get(this.w(r));
    if (!list) return null;
    outer: for (const phrase of list) {
      for (let i = 1; i < phrase.words.length; i++) {
        if (this.w(r + i) !== phrase.words[i]) continue outer;
      }
      const last = r + phrase.words.length - 1;
      return { value: phrase.value, start: this.tokens[r]!.start, end: this.tokens[last]!.end };
    }
    return null;
  }

  /**
   * A target or forecast cue before the figure, within its sentence and at most MODALITY_LOOKBACK
   * tokens back; a verb that reports an actual value in between ("reached", "topped") ends the search.
   */
  private modalityBefore(s: number): { value: Modality; start: number; end: number } | null {
    const toBefore = this.w(s - 1) === 'to';
    if (this.has(s - 1, F_BASELINE)) return null;
    for (let j = s - 1, steps = 0; j >= 0 && steps < MODALITY_LOOKBACK; j--, steps++) {
      if (this.paragraphBreak(j, j + 1)) break;
      const t = this.tokens[j]!;
      if (t.kind === 'punct') {
        if (this.isSentenceEnd(j) && !(this.prose.charCodeAt(t.start) === 0x2e && this.isNumber(j + 1) && this.adjacent(j, j + 1))) break;
        continue;
      }
      if (t.kind === 'number') continue;
      const flags = this.flags(j);
      if ((flags & F_MODALITY_BLOCKER) !== 0) return null;
      if ((flags & F_TARGET_VERB) !== 0 && toBefore && j < s - 1 && (this.has(j - 1, F_TARGET_MODAL) || (this.w(j - 1) === 'to' && this.has(j - 2, F_INTENT_VERB)))) {
        // "aim to raise trade to", "strive to bring trade to": the cue with its verb.
        const cue = this.cueEndingAt(j - 1);
        const lead = cue !== null ? cue.first : this.has(j - 1, F_TARGET_MODAL) ? j - 1 : j - 2;
        const start = this.tokens[lead]!.start;
        return { value: cue?.value ?? 'target', start, end: t.end };
      }
      const cue = this.cueEndingAt(j);
      if (cue !== null) return { value: cue.value, start: this.tokens[cue.first]!.start, end: t.end };
    }
    return null;
  }

  private cueEndingAt(e: number): { value: Modality; first: number } | null {
    if (!this.isWord(e) || !this.has(e, F_CUE_LAST)) return null;
    const list = phrasesEndingIn(MODALITY_CUES, this.w(e), this.w(e - 1));
    if (!list) return null;
    outer: for (const phrase of list) {
      const len = phrase.words.length;
      const first = e - len + 1;
      if (first < 0) continue;
      for (let i = 0; i < len - 1; i++) {
        if (this.w(first + i) !== phrase.words[i]) continue outer;
      }
      return { value: phrase.value, first };
    }
    return null;
  }

  private push(figure: Figure | null): void {
    if (figure === null) return;
    const last = this.out[this.out.length - 1];
    if (last !== undefined && figure.start < last.end) return; // never overlap an earlier figure
    this.out.push(figure);
  }
}

// ---------------------------------------------------------------------------------------------
// Pure helpers.

interface ParsedDigits {
  readonly int: string;
  readonly frac: string;
  readonly separators: boolean;
  /** For "22,24,26,31": the numbers of a comma-run list, with their offsets in the token. */
  readonly list: { offset: number; digits: string }[] | null;
}

/**
 * Reads a number token: "1234", "1,200", "5.26", "1,674.5", Indian "12,34,567.89". A run of
 * comma-separated numbers that is no grouping ("22,24,26,31") is a list. Anything else
 * ("192.168.1.2", "1,3", "5,26") is no figure: null.
 */
function parseDigits(raw: string): ParsedDigits | null {
  // Most numbers are digits alone ("2021", "5"): no groups to make.
  if (raw.indexOf(',') < 0 && raw.indexOf('.') < 0) return { int: raw, frac: '', separators: false, list: null };
  const groups: string[] = [];
  const seps: string[] = [];
  let from = 0;
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i]!;
    if (c === ',' || c === '.') {
      groups.push(raw.slice(from, i));
      seps.push(c);
      from = i + 1;
    }
  }
  groups.push(raw.slice(from));
  const dots = seps.filter((s) => s === '.').length;
  if (dots > 1) return null;
  if (dots === 1 && seps[seps.length - 1] !== '.') return null;
  const intGroups = dots === 1 ? groups.slice(0, -1) : groups;
  const frac = dots === 1 ? groups[groups.length - 1]! : '';
  if (intGroups.length === 1) return { int: intGroups[0]!, frac, separators: false, list: null };
  if (isWesternGrouping(intGroups) || isIndianGrouping(intGroups)) return { int: intGroups.join(''), frac, separators: true, list: null };
  if (dots === 0 && groups.length >= 3 && groups.every((g) => g.length >= 1 && g.length <= 3)) {
    const list: { offset: number; digits: string }[] = [];
    let offset = 0;
    for (const g of groups) {
      list.push({ offset, digits: g });
      offset += g.length + 1;
    }
    return { int: '', frac: '', separators: false, list };
  }
  return null;
}

function isWesternGrouping(groups: readonly string[]): boolean {
  if (groups[0]!.length < 1 || groups[0]!.length > 3) return false;
  for (let i = 1; i < groups.length; i++) if (groups[i]!.length !== 3) return false;
  return true;
}

function isIndianGrouping(groups: readonly string[]): boolean {
  // 12,34,567: a head of one or two digits, pairs, then a final group of three.
  if (groups.length < 3) return false;
  if (groups[0]!.length < 1 || groups[0]!.length > 2) return false;
  for (let i = 1; i < groups.length - 1; i++) if (groups[i]!.length !== 2) return false;
  return groups[groups.length - 1]!.length === 3;
}

function digitsOnly(raw: string): string {
  let out = '';
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (c >= 0x30 && c <= 0x39) out += raw[i];
  }
  return out;
}

function isAllDigits(s: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x30 || c > 0x39) return false;
  }
  return true;
}

function isYearLike(q: Quantity): boolean {
  if (q.separators || q.frac !== '' || q.spelled || q.int.length !== 4) return false;
  const v = Number(q.int);
  return v >= 1800 && v <= 2100;
}

function isYearToken(prose: string, t: Token | undefined): boolean {
  if (t === undefined || t.kind !== 'number' || t.end - t.start !== 4) return false;
  const v = Number(prose.slice(t.start, t.end));
  return v >= 1800 && v <= 2100;
}

/** The value with a scale of 10^scale applied, computed from the digits (no binary rounding of "5.33e9"). */
function quantityValue(q: Quantity, scale: number): number {
  return decimalValue(q.int + q.frac, scale - q.frac.length);
}

/** Place value of the last significant written digit, scale applied (see the notes at the top of this file). */
function quantityResolution(q: Quantity, scale: number): number {
  if (q.frac !== '') return decimalValue('1', scale - q.frac.length);
  let zeros = 0;
  for (let i = q.int.length - 1; i > 0 && q.int.charCodeAt(i) === 0x30; i--) zeros++;
  if (isAllZeros(q.int)) zeros = 0;
  return decimalValue('1', scale + zeros);
}

/** Exact powers of ten as doubles: 10^0 … 10^22 (10^23 is no longer exact). */
const EXACT_POWERS_OF_TEN = [
  1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
];

/**
 * `Number(`${digits}e${exponent}`)`, the decimal read with one rounding. When the digits are 1 to 15
 * decimal digits (an integer below 2^53, exact as a double) and the power of ten is exact, one
 * multiplication or division rounds once and gives the same double (the fast path of every correct
 * decimal reader); anything else is read from the string, as before.
 */
function decimalValue(digits: string, exponent: number): number {
  if (digits.length > 0 && digits.length <= 15 && exponent >= -22 && exponent <= 22 && isAllDigits(digits, 0, digits.length)) {
    const significand = Number(digits);
    return exponent >= 0 ? significand * EXACT_POWERS_OF_TEN[exponent]! : significand / EXACT_POWERS_OF_TEN[-exponent]!;
  }
  return Number(`${digits}e${exponent}`);
}

function isAllZeros(digits: string): boolean {
  for (let i = 0; i < digits.length; i++) if (digits.charCodeAt(i) !== 0x30) return false;
  return digits.length > 0;
}

function plainNumber(text: string, start: number, end: number, digits: string): Figure {
  const q: Quantity = { first: 0, last: 0, start, end, int: digits, frac: '', separators: false, spelled: false, words: 0 };
  return {
    start, end, text: text.slice(start, end), kind: 'number', value: quantityValue(q, 0), unit: null,
    resolution: quantityResolution(q, 0), qualifier: 'exact', modality: 'actual',
  };
}

/** Sorts and merges spans, pushing the start and end of each merged span: disjoint, in text order, for `excluded`. */
function mergeSpans(spans: readonly Span[], starts: number[], ends: number[]): void {
  if (spans.length === 0) return;
  let sorted = spans; // the caller passes spans in text order: no copy, no sort
  for (let i = 1; i < spans.length; i++) {
    if (spans[i]!.start < spans[i - 1]!.start) {
      sorted = [...spans].sort((a, b) => a.start - b.start);
      break;
    }
  }
  let start = sorted[0]!.start;
  let end = sorted[0]!.end;
  for (let i = 1; i < sorted.length; i++) {
    const s = sorted[i]!;
    if (s.start <= end) end = Math.max(end, s.end);
    else {
      starts.push(start);
      ends.push(end);
      start = s.start;
      end = s.end;
    }
  }
  starts.push(start);
  ends.push(end);
}
