// Text primitives every extractor shares: the prose view of a document (Markdown syntax blanked
// out, offsets kept), case-and-diacritic folding that keeps offsets, and a single-pass tokenizer
// that splits words run together by PDF extraction ("ASEANin", "2.92billion", "of11").

import type { DocumentFormat, Span } from './types';

// ---------------------------------------------------------------------------------------------
// Character classes. Hand-written tests over char codes: the tokenizer runs on every keystroke and
// over whole archives, and a per-character regular expression would cost several times more.

const letterCache = new Uint8Array(0x10000); // 0 = unknown, 1 = letter, 2 = not a letter
const LETTER_RE = /\p{L}|\p{M}/u;

export function isLetterCode(code: number): boolean {
  if (code < 0x80) return (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a);
  let known = letterCache[code];
  if (known === 0) {
    // Surrogate halves are never letters on their own; astral letters are rare in releases.
    known = code >= 0xd800 && code <= 0xdfff ? 2 : LETTER_RE.test(String.fromCharCode(code)) ? 1 : 2;
    letterCache[code] = known;
  }
  return known === 1;
}

export function isDigitCode(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}

/** Letter case per code unit: 0 = not yet known, 1 = upper, 2 = lower, 3 = neither. */
const caseCache = new Uint8Array(0x10000);

function caseOf(code: number): number {
  let known = caseCache[code]!;
  if (known === 0) {
    const ch = String.fromCharCode(code);
    const lower = ch.toLowerCase();
    const upper = ch.toUpperCase();
    known = ch !== lower && ch === upper ? 1 : ch !== upper && ch === lower ? 2 : 3;
    caseCache[code] = known;
  }
  return known;
}

export function isUpperCode(code: number): boolean {
  if (code < 0x80) return code >= 0x41 && code <= 0x5a;
  return caseOf(code) === 1;
}

export function isLowerCode(code: number): boolean {
  if (code < 0x80) return code >= 0x61 && code <= 0x7a;
  return caseOf(code) === 2;
}

export function isSpaceCode(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d || code === 0xa0 || code === 0x0c || code === 0x0b ||
    (code >= 0x2000 && code <= 0x200a) || code === 0x202f || code === 0x3000;
}

// ---------------------------------------------------------------------------------------------
// Folding: lower case without diacritics, one UTF-16 code unit for one, so a folded string indexes
// exactly like the original ("Việt Nam" → "viet nam", "ĐÀ NẴNG" → "da nang").

const foldCache = new Uint16Array(0x10000); // 0 = not yet computed

function computeFold(code: number): number {
  if (code >= 0xd800 && code <= 0xdfff) return code;
  const ch = String.fromCharCode(code);
  const special = SPECIAL_FOLDS[ch];
  if (special !== undefined) return special.charCodeAt(0);
  const lower = ch.toLowerCase();
  const base = lower.normalize('NFD');
  const first = base.length > 0 ? base.charCodeAt(0) : code;
  // Keep characters whose decomposition does not start with a plain base character of one unit.
  if (lower.length !== 1) return code;
  return first;
}

// Letters that carry their mark inside the character (no canonical decomposition).
const SPECIAL_FOLDS: Record<string, string> = {
  'Đ': 'd', 'đ': 'd', 'Ø': 'o', 'ø': 'o', 'Ł': 'l', 'ł': 'l', 'Ħ': 'h', 'ħ': 'h', 'Ŧ': 't', 'ŧ': 't',
  'ı': 'i', '’': "'", '‘': "'", 'ʼ': "'", '–': '-', '—': '-', '‑': '-', '‐': '-',
};

export function foldCode(code: number): number {
  if (code < 0x80) return code >= 0x41 && code <= 0x5a ? code + 0x20 : code;
  let folded = foldCache[code];
  if (folded === 0) {
    folded = computeFold(code);
    foldCache[code] = folded;
  }
  return folded;
}

/** Lower case, diacritics removed, curly quotes and dashes made plain; same length as the input. */
export function fold(text: string): string {
  // For ASCII, foldCode is exactly what the native toLowerCase does (A–Z to a–z, nothing else), and
  // releases are nearly all ASCII: fold the ASCII runs natively and only the code units ≥ 0x80 here.
  // Text dense in other scripts (a Vietnamese release) goes code unit by code unit instead.
  NON_ASCII.lastIndex = 0;
  let match = NON_ASCII.exec(text);
  if (match === null) return text.toLowerCase();
  const parts: string[] = [];
  let from = 0;
  let count = 0;
  while (match !== null) {
    const i = match.index;
    if (i > from) parts.push(text.slice(from, i).toLowerCase());
    parts.push(String.fromCharCode(foldCode(text.charCodeAt(i))));
    from = i + 1;
    if (++count >= 64 && count * 16 > i) {
      parts.push(foldByCodeUnit(text, from));
      return parts.join('');
    }
    match = NON_ASCII.exec(text);
  }
  if (from < text.length) parts.push(text.slice(from).toLowerCase());
  return parts.join('');
}

const NON_ASCII = /[^\u0000-\u007f]/g;

/** `fold(text.slice(from))`, one code unit at a time. */
function foldByCodeUnit(text: string, from: number): string {
  const parts: string[] = [];
  const CHUNK = 4096;
  for (let offset = from; offset < text.length; offset += CHUNK) {
    const end = Math.min(text.length, offset + CHUNK);
    const codes = new Array<number>(end - offset);
    for (let i = offset; i < end; i++) codes[i - offset] = foldCode(text.charCodeAt(i));
    parts.push(String.fromCharCode.apply(null, codes));
  }
  return parts.join('');
}

// ---------------------------------------------------------------------------------------------
// Lines.

export function computeLineStarts(text: string): number[] {
  const starts = [0];
  if (text.indexOf('\r') < 0) {
    // Only "\n" breaks lines: let the native search find them.
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    return starts;
  }
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0a) starts.push(i + 1);
    else if (c === 0x0d) {
      if (text.charCodeAt(i + 1) === 0x0a) i++;
      starts.push(i + 1);
    }
  }
  return starts;
}

/** Zero-based line and UTF-16 column of an offset. */
export function positionAt(lineStarts: readonly number[], offset: number): { line: number; character: number } {
  let low = 0;
  let high = lineStarts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (lineStarts[mid]! <= offset) low = mid;
    else high = mid - 1;
  }
  return { line: low, character: offset - lineStarts[low]! };
}

// ---------------------------------------------------------------------------------------------
// Front matter.

export interface FrontMatterField extends Span {
  readonly key: string;
  /** The value with surrounding quotes removed. */
  readonly value: string;
}

export interface FrontMatter extends Span {
  readonly fields: readonly FrontMatterField[];
}

/** A YAML front-matter block (`---` … `---`) at the very start of a Markdown document, read as flat `key: value` lines. */
export function readFrontMatter(text: string): FrontMatter | null {
  let start = 0;
  if (text.charCodeAt(0) === 0xfeff) start = 1;
  if (!text.startsWith('---', start)) return null;
  let lineEnd = text.indexOf('\n', start);
  if (lineEnd < 0 || text.slice(start + 3, lineEnd).trim() !== '') return null;
  const fields: FrontMatterField[] = [];
  let pos = lineEnd + 1;
  while (pos < text.length) {
    lineEnd = text.indexOf('\n', pos);
    const end = lineEnd < 0 ? text.length : lineEnd;
    const line = text.slice(pos, end).replace(/\r$/, '');
    if (line === '---' || line === '...') return { start: 0, end, fields };
    const colon = line.indexOf(':');
    if (colon > 0 && !/^\s/.test(line)) {
      const key = line.slice(0, colon).trim();
      let valueStart = colon + 1;
      while (valueStart < line.length && line.charCodeAt(valueStart) === 0x20) valueStart++;
      let valueEnd = line.length;
      while (valueEnd > valueStart && line.charCodeAt(valueEnd - 1) === 0x20) valueEnd--;
      let value = line.slice(valueStart, valueEnd);
      let vs = pos + valueStart;
      let ve = pos + valueEnd;
      if (value.length >= 2 && (value[0] === '"' || value[0] === "'") && value[value.length - 1] === value[0]) {
        value = value.slice(1, -1);
        vs++;
        ve--;
      }
      fields.push({ key, value, start: vs, end: ve });
    }
    if (lineEnd < 0) break;
    pos = lineEnd + 1;
  }
  return null; // an unterminated block is not front matter
}

// ---------------------------------------------------------------------------------------------
// Prose view: the document with everything that is not prose replaced by spaces. Same length as
// the text, so every offset found in the prose view is an offset into the document.

export interface ProseView {
  readonly prose: string;
  readonly frontMatter: FrontMatter | null;
}

export function formatOf(uri: string): DocumentFormat {
  const path = uri.toLowerCase().split(/[?#]/)[0] ?? '';
  return path.endsWith('.txt') ? 'plain' : 'markdown';
}

export function proseView(text: string, format: DocumentFormat): ProseView {
  const { prose, frontMatter } = markupBlanked(text, format);
  return { prose: blankControls(prose), frontMatter };
}

/** The prose view before control characters are blanked. */
function markupBlanked(text: string, format: DocumentFormat): ProseView {
  if (format === 'plain') return { prose: text, frontMatter: null };
  // A mask of the code units to blank; the prose is built from it in one pass at the end.
  const mask = maskFor(text.length);
  const blank = (from: number, to: number): void => {
    mask.fill(1, Math.max(0, from), Math.min(text.length, to));
  };
  const frontMatter = readFrontMatter(text);
  if (frontMatter) blank(0, frontMatter.end);

  let pos = frontMatter ? frontMatter.end : 0;
  let fence: string | null = null;
  while (pos < text.length) {
    let lineEnd = text.indexOf('\n', pos);
    if (lineEnd < 0) lineEnd = text.length;
    const line = text.slice(pos, lineEnd);
    const trimmed = line.trimStart();
    if (fence !== null) {
      blank(pos, lineEnd);
      if (trimmed.startsWith(fence)) fence = null;
    } else if (trimmed.startsWith('```') || trimmed.startsWith('~~~')) {
      fence = trimmed.slice(0, 3);
      blank(pos, lineEnd);
    } else {
      blankLineSyntax(line, pos, blank);
    }
    pos = lineEnd + 1;
  }
  blankInlineSyntax(text, mask, blank);
  return { prose: applyMask(text, mask), frontMatter };
}

/**
 * A cleared mask of `length` code units. One buffer, kept from one document to the next (a typed
 * array's backing store costs far more to make than to clear), serves `proseView`, which never
 * calls itself and hands the mask to no one. A huge document's mask is made for it alone, so as not
 * to be kept.
 */
let maskBuffer = new Uint8Array(0);
const MAX_KEPT_MASK = 1 << 20;

function maskFor(length: number): Uint8Array {
  if (length > MAX_KEPT_MASK) return new Uint8Array(length);
  if (maskBuffer.length < length) maskBuffer = new Uint8Array(Math.min(MAX_KEPT_MASK, Math.max(length, 2 * maskBuffer.length)));
  return maskBuffer.fill(0, 0, length);
}

/** The text with every masked code unit replaced by a space, line breaks kept. */
function applyMask(text: string, mask: Uint8Array): string {
  const parts: string[] = [];
  let runStart = 0;
  let i = 0;
  const n = text.length;
  while (i < n) {
    if (mask[i] === 0) {
      i++;
      continue;
    }
    if (i > runStart) parts.push(text.slice(runStart, i));
    let j = i;
    while (j < n && mask[j] === 1) j++;
    // Blank the run but keep its line breaks, so lines and offsets stay where they were.
    let k = i;
    while (k < j) {
      const c = text.charCodeAt(k);
      if (c === 0x0a || c === 0x0d) {
        parts.push(text[k]!);
        k++;
      } else {
        let m = k;
        while (m < j && text.charCodeAt(m) !== 0x0a && text.charCodeAt(m) !== 0x0d) m++;
        parts.push(' '.repeat(m - k));
        k = m;
      }
    }
    i = runStart = j;
  }
  if (runStart === 0) return text;
  if (runStart < n) parts.push(text.slice(runStart));
  return parts.join('');
}

/** NUL and other control characters are not prose; blanking them keeps extractors on plain text. */
function blankControls(text: string): string {
  // eslint-disable-next-line no-control-regex
  return /[\u0000-\u0008\u000e-\u001f]/.test(text) ? text.replace(/[\u0000-\u0008\u000e-\u001f]/g, ' ') : text;
}

/** The code units `blankControls` blanks. */
function isControlCode(code: number): boolean {
  return code <= 0x08 || (code >= 0x0e && code <= 0x1f);
}

// Block-level markers at the start of a line: headings, quotes, list bullets and numbers, table
// delimiter rows, thematic breaks, link reference definitions.
function blankLineSyntax(line: string, lineStart: number, blank: (from: number, to: number) => void): void {
  let i = 0;
  while (i < line.length && (line[i] === ' ' || line[i] === '\t')) i++;
  // Blockquote markers, possibly nested.
  while (line[i] === '>') {
    blank(lineStart + i, lineStart + i + 1);
    i++;
    while (line[i] === ' ') i++;
  }
  // Every marker below starts with a mark, a digit or a space; most lines start with a word.
  if (isLetterCode(line.charCodeAt(i))) return;
  const rest = line.slice(i);
  if (/^#{1,6}(\s|$)/.test(rest)) {
    const hashes = rest.indexOf(' ') < 0 ? rest.length : rest.indexOf(' ');
    blank(lineStart + i, lineStart + i + hashes);
    return;
  }
  if (/^([-*_])(\s*\1){2,}\s*$/.test(rest)) {
    blank(lineStart + i, lineStart + line.length);
    return;
  }
  if (/^\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$/.test(rest)) {
    blank(lineStart + i, lineStart + line.length);
    return;
  }
  if (/^\[[^\]]+\]:\s*\S/.test(rest)) {
    blank(lineStart + i, lineStart + line.length);
    return;
  }
  const bullet = /^([-*+]|\d{1,9}[.)])\s/.exec(rest);
  if (bullet) blank(lineStart + i, lineStart + i + bullet[1]!.length);
}

// Inline syntax: HTML comments and tags, code spans, link and image targets, autolinks and bare
// URLs, emphasis markers, table pipes, backslash escapes. One forward scan, no backtracking.
function blankInlineSyntax(text: string, mask: Uint8Array, blank: (from: number, to: number) => void): void {
  const n = text.length;
  let i = 0;
  while (i < n) {
    // Jump to the next code unit the switch below acts on: every other one is left as it is.
    INLINE_SYNTAX_START.lastIndex = i;
    const next = INLINE_SYNTAX_START.exec(text);
    if (next === null) break;
    i = next.index;
    const c = text.charCodeAt(i);
    if (mask[i] === 1) {
      i++;
      continue; // already blanked (front matter, code block)
    }
    switch (c) {
      case 0x3c /* < */: {
        if (text.startsWith('<!--', i)) {
          const close = text.indexOf('-->', i + 4);
          const end = close < 0 ? n : close + 3;
          blank(i, end);
          i = end;
          continue;
        }
        const tag = /^<\/?[A-Za-z][A-Za-z0-9-]*(\s[^<>]*)?\/?>|^<[a-z][a-z0-9+.-]*:[^\s<>]*>/.exec(text.slice(i, i + 512));
        if (tag) {
          blank(i, i + tag[0].length);
          i += tag[0].length;
          continue;
        }
        break;
      }
      case 0x60 /* ` */: {
        let ticks = 1;
        while (text.charCodeAt(i + ticks) === 0x60) ticks++;
        const marker = '`'.repeat(ticks);
        const close = text.indexOf(marker, i + ticks);
        const lineEnd = text.indexOf('\n\n', i);
        if (close >= 0 && (lineEnd < 0 || close < lineEnd)) {
          blank(i, close + ticks);
          i = close + ticks;
          continue;
        }
        blank(i, i + ticks);
        i += ticks;
        continue;
      }
      case 0x21 /* ! */:
        if (text.charCodeAt(i + 1) === 0x5b) {
          const end = linkEnd(text, i + 1);
          if (end > 0) {
            blank(i, end);
            i = end;
            continue;
          }
        }
        break;
      case 0x5b /* [ */: {
        const close = closingBracket(text, i);
        if (close > 0 && (text.charCodeAt(close + 1) === 0x28 || text.charCodeAt(close + 1) === 0x5b)) {
          const end = linkEnd(text, i);
          if (end > 0) {
            blank(i, i + 1);
            blank(close, end);
            i = i + 1;
            continue;
          }
        }
        break;
      }
      case 0x2a /* * */:
      case 0x7c /* | */:
      case 0x5c /* \ */:
        mask[i] = 1;
        break;
      case 0x5f /* _ */: {
        // "_" is emphasis at a word edge; inside a word ("snake_case") leave it.
        const before = i > 0 ? text.charCodeAt(i - 1) : 0x20;
        const after = i + 1 < n ? text.charCodeAt(i + 1) : 0x20;
        if (!(isLetterCode(before) || isDigitCode(before)) || !(isLetterCode(after) || isDigitCode(after))) mask[i] = 1;
        break;
      }
      case 0x68 /* h */:
        if ((text.startsWith('http://', i) || text.startsWith('https://', i)) && (i === 0 || !isLetterCode(text.charCodeAt(i - 1)))) {
          let end = i;
          while (end < n && !isSpaceCode(text.charCodeAt(end)) && text.charCodeAt(end) !== 0x29 && text.charCodeAt(end) !== 0x3e) end++;
          blank(i, end);
          i = end;
          continue;
        }
        break;
      default:
        break;
    }
    i++;
  }
}

/** Where `blankInlineSyntax` may have something to blank: its marks, and URLs. */
const INLINE_SYNTAX_START = /[<`!*|\\_[]|https?:\/\//g;

/** The index of the `]` closing the `[` at `open` on the same paragraph, or -1. */
function closingBracket(text: string, open: number): number {
  const limit = Math.min(text.length, open + 1000);
  let depth = 0;
  for (let i = open; i < limit; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x5b) depth++;
    else if (c === 0x5d) {
      depth--;
      if (depth === 0) return i;
    } else if (c === 0x0a && text.charCodeAt(i + 1) === 0x0a) return -1;
  }
  return -1;
}

/** The end of a link or image `[text](target)` / `[text][ref]` starting at `open`, or -1. */
function linkEnd(text: string, open: number): number {
  const close = closingBracket(text, open);
  if (close < 0) return -1;
  const next = text.charCodeAt(close + 1);
  const closer = next === 0x28 ? ')' : next === 0x5b ? ']' : null;
  if (closer === null) return -1;
  const end = text.indexOf(closer, close + 2);
  if (end < 0 || end - close > 2000) return -1;
  const target = text.slice(close + 2, end);
  if (target.includes('\n')) return -1;
  return end + 1;
}

// ---------------------------------------------------------------------------------------------
// Tokens.

export type TokenKind = 'word' | 'number' | 'punct';

export interface Token extends Span {
  readonly kind: TokenKind;
  /**
   * True when this token touches the previous one with no space and the boundary was found inside
   * a run of letters and digits: a word run together with the previous one by PDF extraction
   * ("bilateral|relations" is not split, but "and|Cambodia", "ASEAN|in", "2.92|billion", "of|11" are).
   */
  readonly glued: boolean;
  /** True when whitespace (or the start of the text) comes right before the token. */
  readonly spaceBefore: boolean;
}

// What the tokenizer asks of each code unit, as bits: one table read instead of several tests.
// ASCII is filled in here; other code units on first sight (bit COMPUTED marks them known).
const C_LETTER = 1;
const C_UPPER = 2;
const C_LOWER = 4;
const C_DIGIT = 8;
const C_SPACE = 16;
/** A control character, which the prose view blanks (`isControlCode`). */
const C_CONTROL = 32;
const C_COMPUTED = 128;
const charClasses = new Uint8Array(0x10000);

function computeClass(code: number): number {
  return (
    C_COMPUTED |
    (isLetterCode(code) ? C_LETTER : 0) |
    (isUpperCode(code) ? C_UPPER : 0) |
    (isLowerCode(code) ? C_LOWER : 0) |
    (isDigitCode(code) ? C_DIGIT : 0) |
    (isSpaceCode(code) ? C_SPACE : 0) |
    (isControlCode(code) ? C_CONTROL : 0)
  );
}

for (let code = 0; code < 0x80; code++) charClasses[code] = computeClass(code);

function classOf(code: number): number {
  const known = charClasses[code]!;
  if (known !== 0) return known;
  const computed = computeClass(code);
  charClasses[code] = computed;
  return computed;
}

/**
 * Splits the prose view into words, numbers and punctuation in one pass. A number is a run of
 * digits with single `.` or `,` between digit groups ("5.26", "1,200,000"). Inside a run of letters
 * and digits, tokens split where the case or the class changes in a way words never do: lower to
 * upper ("andCambodia"), a capital run of two or more into lower case of two or more ("ASEANin"),
 * letters to digits and back ("of11", "2.92billion", "55th"). Such tokens are marked `glued`.
 */
export function tokenize(prose: string, from = 0, to = prose.length): Token[] {
  const tokens: Token[] = [];
  sinkFolded = null;
  sinkTokens = tokens;
  sinkCount = 0;
  try {
    scanTokens(prose, from, to);
  } finally {
    sinkTokens = [];
  }
  return tokens;
}

// The scan writes tokens to `sinkTokens`; while `proseContext` tokenizes, it also looks up each
// token's key (its folded text) in the key table, with the hash it computed while reading the
// token's code units: one pass over the text instead of a second one over every token. Set only for
// the duration of one scan.
let sinkTokens: Token[] = [];
let sinkCount = 0;
let sinkFolded: string | null = null;
/** Whether the scan met a control character (`isControlCode`). */
let sinkSawControl = false;
// A keyed scan writes its tokens and keys to arrays kept from one document to the next, and copies
// them out at the end: growing two fresh arrays by doubling, token by token, allocated more than the
// tokens themselves. Only the copies leave this module; the scratch arrays are emptied after each
// scan, so they keep no document's tokens alive.
let scratchTokens: Token[] = [];
let scratchKeys: string[] = [];
/** Key ids of the scan so far; grown by doubling, sliced to the token count at the end. */
let sinkIds = new Int32Array(1 << 12);

/** `tokenize(prose)` with `tokenKeyTable(folded, tokens)`, in one pass, and whether the prose holds a control character. */
function tokenizeWithKeys(prose: string, folded: string): { tokens: Token[]; keys: string[]; keyIds: KeyIds; sawControl: boolean } {
  startKeyTableDocument();
  sinkTokens = scratchTokens;
  sinkCount = 0;
  sinkFolded = folded;
  sinkSawControl = false;
  try {
    scanTokens(prose, 0, prose.length);
    const count = sinkCount;
    return {
      tokens: scratchTokens.slice(0, count),
      keys: scratchKeys.slice(0, count),
      keyIds: { ids: sinkIds.slice(0, count), epoch: keyEpoch },
      sawControl: sinkSawControl,
    };
  } finally {
    sinkFolded = null;
    sinkTokens = [];
    if (sinkCount > MAX_KEPT_SCRATCH) {
      // A huge document's scratch arrays are let go, like its mask: kept, they would hold megabytes
      // for the rest of the session on behalf of releases a hundred times smaller.
      scratchTokens = [];
      scratchKeys = [];
      sinkIds = new Int32Array(1 << 12);
    } else {
      scratchTokens.fill(NO_TOKEN, 0, sinkCount);
      scratchKeys.fill('', 0, sinkCount);
    }
  }
}

/** Tokens whose scratch arrays are kept for the next document: a release of a few hundred kilobytes. */
const MAX_KEPT_SCRATCH = 1 << 16;

/** What the scratch arrays hold between scans (not `undefined`: the arrays stay packed arrays of tokens and strings). */
const NO_TOKEN: Token = { kind: 'punct', start: 0, end: 0, glued: false, spaceBefore: false };

/** Adds one token (a number or punctuation), and its key when a keyed scan is on. */
function pushToken(kind: TokenKind, start: number, end: number, glued: boolean, spaceBefore: boolean): void {
  const index = sinkCount++;
  sinkTokens[index] = { kind, start, end, glued, spaceBefore };
  if (sinkFolded !== null) addKey(index, sinkFolded, start, end, foldedKeyId(sinkFolded, start, end));
}

/** Adds one word, and its key when a keyed scan is on: `last4` to `units` are as `keyId` takes them. */
function pushWord(start: number, end: number, glued: boolean, spaceBefore: boolean, last4: number, prev4: number, prev8: number, units: number): void {
  const index = sinkCount++;
  sinkTokens[index] = { kind: 'word', start, end, glued, spaceBefore };
  if (sinkFolded !== null) addKey(index, sinkFolded, start, end, keyId(sinkFolded, start, end, last4, prev4, prev8, units));
}

/** The key of id `id` (-1: not interned, the slice itself) for the folded text [start, end). */
function keyString(folded: string, start: number, end: number, id: number): string {
  return id >= 0 ? keyStrings[id]! : folded.slice(start, end);
}

/** Records the key of token `index`, whose id is `id`. */
function addKey(index: number, folded: string, start: number, end: number, id: number): void {
  scratchKeys[index] = keyString(folded, start, end, id);
  if (index >= sinkIds.length) {
    const grown = new Int32Array(sinkIds.length * 2);
    grown.set(sinkIds);
    sinkIds = grown;
  }
  sinkIds[index] = id;
}

function scanTokens(prose: string, from: number, to: number): void {
  let i = from;
  let spaceBefore = true;
  while (i < to) {
    const c = prose.charCodeAt(i);
    if (c === 0x20) {
      // The commonest code unit between tokens, told without the class table.
      spaceBefore = true;
      i++;
      continue;
    }
    const cls = classOf(c);
    if ((cls & C_SPACE) !== 0) {
      spaceBefore = true;
      i++;
      continue;
    }
    if ((cls & (C_DIGIT | C_LETTER)) !== 0) {
      // A run of letters and digits: numbers and words in turn ("of11", "2.92billion", "55th"),
      // each glued to the one before. A loop, not calls in calls, so that no run is too long for the
      // stack.
      let glued = false;
      let kind = cls;
      for (;;) {
        if ((kind & C_DIGIT) !== 0) {
          const j = numberEnd(prose, i + 1, to);
          pushToken('number', i, j, glued, spaceBefore);
          i = j;
        } else {
          i = pushWords(prose, i, to, glued, spaceBefore);
        }
        spaceBefore = false;
        glued = true;
        if (i >= to) break;
        kind = classOf(prose.charCodeAt(i));
        if ((kind & (C_DIGIT | C_LETTER)) === 0) break;
      }
      continue;
    }
    if ((cls & C_CONTROL) !== 0) sinkSawControl = true;
    // Surrogate pairs stay together as one punctuation token.
    const width = c >= 0xd800 && c <= 0xdbff && i + 1 < to ? 2 : 1;
    pushToken('punct', i, i + width, false, spaceBefore);
    spaceBefore = false;
    i += width;
  }
}

/** The end of a number's digits from `j` on: digits, and single `.` or `,` between digit groups. */
function numberEnd(prose: string, j: number, to: number): number {
  while (j < to) {
    const d = prose.charCodeAt(j);
    if (d >= 0x30 && d <= 0x39) j++;
    else if ((d === 0x2e || d === 0x2c) && j + 1 < to && isDigitCode(prose.charCodeAt(j + 1))) j += 2;
    else break;
  }
  return j;
}

/**
 * Pushes the words of one run of letters; returns where the run ends. Reads what `keyId` takes of
 * each word's key on the way (over folded code units: `foldCode` of each one, which is what `fold`
 * puts at that offset).
 */
function pushWords(prose: string, start: number, to: number, gluedFirst: boolean, spaceBefore: boolean): number {
  let wordStart = start;
  let glued = gluedFirst;
  // One word a turn: a word run together with the one before ("andCambodia") starts the loop over.
  for (;;) {
    let i = wordStart;
    let upperRun = 0; // length of the current run of capitals
    let lowerRun = 0;
    // The word's folded code units seven bits each, shifted in: the last four in last4, the four
    // before in prev4 and the four before those in prev8; and all of them or-ed together (see `keyId`).
    let last4 = 0;
    let prev4 = 0;
    let prev8 = 0;
    let units = 0;
    /** Whether another word is run together with this one at i. */
    let split = false;
    while (i < to) {
      const c = prose.charCodeAt(i);
      if (c >= 0x61 && c <= 0x7a && (lowerRun > 0 || upperRun < 2)) {
        // ASCII lower-case letters after another lower-case one or fewer than two capitals: never a
        // split point (the splits below need a capital here, or two capitals and no lower case
        // before), and their own folds. Most letters are these: the rest of the run is read here.
        // (Only whether lowerRun is 0 matters below.)
        prev8 = ((prev8 << 7) | (prev4 >>> 21)) & 0xfffffff;
        prev4 = ((prev4 << 7) | (last4 >>> 21)) & 0xfffffff;
        last4 = ((last4 << 7) | c) & 0xfffffff;
        lowerRun = 1;
        i++;
        while (i < to) {
          const d = prose.charCodeAt(i);
          if (d < 0x61 || d > 0x7a) break;
          prev8 = ((prev8 << 7) | (prev4 >>> 21)) & 0xfffffff;
          prev4 = ((prev4 << 7) | (last4 >>> 21)) & 0xfffffff;
          last4 = ((last4 << 7) | d) & 0xfffffff;
          i++;
        }
        continue;
      }
      if (c >= 0x41 && c <= 0x5a && lowerRun === 0) {
        // An ASCII capital with no lower case before it in the word: no split, its fold is the lower case.
        prev8 = ((prev8 << 7) | (prev4 >>> 21)) & 0xfffffff;
        prev4 = ((prev4 << 7) | (last4 >>> 21)) & 0xfffffff;
        last4 = ((last4 << 7) | (c + 0x20)) & 0xfffffff;
        upperRun++;
        i++;
        continue;
      }
      // A space ends the word, as below, without the class table.
      if (c === 0x20) break;
      const cls = classOf(c);
      // Anything but a letter ends the run: digits are read next as a number glued on; an apostrophe
      // too ("haven’t": the suffix becomes a word of its own).
      if ((cls & C_LETTER) === 0) break;
      const upper = (cls & C_UPPER) !== 0;
      const lower = !upper && (cls & C_LOWER) !== 0;
      if (upper && lowerRun > 0 && i > wordStart) {
        // "andCambodia": lower then upper.
        split = true;
        break;
      }
      if (lower && upperRun >= 2 && lowerRun === 0 && i + 1 < to && (classOf(prose.charCodeAt(i + 1)) & C_LOWER) !== 0 && i - wordStart === upperRun) {
        // "ASEANin": a capital run of two or more, then two or more lower-case letters. The whole
        // run stays an acronym ("ASEAN|in"), unlike "DOllar" which is a typo, not glue.
        split = true;
        break;
      }
      if (upper) {
        upperRun++;
      } else if (lower) {
        lowerRun++;
      }
      const f = foldCode(c);
      prev8 = ((prev8 << 7) | (prev4 >>> 21)) & 0xfffffff;
      prev4 = ((prev4 << 7) | (last4 >>> 21)) & 0xfffffff;
      last4 = ((last4 << 7) | f) & 0xfffffff;
      units |= f;
      i++;
    }
    pushWord(wordStart, i, glued, spaceBefore, last4, prev4, prev8, units);
    if (!split) return i;
    spaceBefore = false;
    glued = true;
    wordStart = i;
  }
}

/** Index of the first token whose end is after `offset` (binary search), or `tokens.length`. */
export function tokenIndexAt(tokens: readonly Token[], offset: number): number {
  let low = 0;
  let high = tokens.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (tokens[mid]!.end <= offset) low = mid + 1;
    else high = mid;
  }
  return low;
}

/**
 * `tokenIndexAt(tokens, offset)` when it is known to be at least `from`: gallop, then a binary
 * search. Walks through a text in order read a few tokens near the last answer, not the ten or so
 * of a search over the whole token array, which lie all over it.
 */
export function tokenIndexFrom(tokens: readonly Token[], from: number, offset: number): number {
  const n = tokens.length;
  let low = from;
  let high = from;
  let step = 1;
  while (high < n && tokens[high]!.end <= offset) {
    low = high + 1;
    high += step;
    step *= 2;
  }
  if (high > n) high = n;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (tokens[mid]!.end <= offset) low = mid + 1;
    else high = mid;
  }
  return low;
}

// ---------------------------------------------------------------------------------------------
// Token keys: the folded text of each token, shared by every extractor.
//
// Every extractor looks tokens up by their folded text (the gazetteer trie, the date lexicon, the
// metric phrases, word lists). A key is looked up in a process-wide table by its code units, so the
// same word is one string object across tokens and documents: no slice per token, and the hash a
// Map or Set look-up computes is computed once per word, not once per token per look-up.

// When the table is half full it starts over, and with it every memo by key id (KeyMemo, KeyFlags),
// which then computes its answers again, word by word: the table is sized so that a workspace's
// vocabulary (the benchmark corpus has some 4,500 distinct words) does not fill it over and over.
// Ids are dense (see below), so the parts of the per-id arrays read most stay small however large
// the table is.
const KEY_SLOTS = 1 << 15; // a power of two
const MAX_KEYS = KEY_SLOTS >> 1; // at most half full, so probe runs stay short
const MAX_INTERNED_LENGTH = 40; // longer tokens are rare: sliced, not kept
/**
 * Key ids: in the order the keys were first met, 0 to MAX_KEYS - 1, or MAX_KEYS + code for a
 * one-code-unit ASCII key. The common words of a release come early, so the ids of nearly all
 * tokens are small and the parts of the per-id arrays (here and in every `KeyMemo`) that are read
 * most lie together.
 */
const KEY_ID_COUNT = MAX_KEYS + 0x80;
// A key is known by its last twelve code units, seven bits each, shifted into three numbers of 28
// bits (`last4`, `prev4`, `prev8`; the first code unit highest), which the tokenizer computes as it
// reads a word (a few register operations per code unit; 28 bits stay small integers when passed
// to a function, where 32 would be boxed), and by its shape (`keyShape`). A key of twelve code units
// or fewer, each below 0x80 (nearly every word), is the only key with those numbers and that shape:
// nearly every word is told from every other by these four numbers, with no compare of code units
// one by one, which cost more than the rest of the look-up (each read of a string's code unit checks
// the string's representation again). Other keys are compared with their code units, kept in
// `keyUnits` (one after another, from `keyOffsets[id]`). A slot holds only the id plus one (0 for an
// empty slot): a small table, 64 KB, of which the probes read one number, and the four numbers of a
// key lie by id, where the keys met most (met first) lie together. The key's string is read only
// once it is found: strings lie all over the heap.
const slots = new Uint16Array(KEY_SLOTS);
/** Per key id, four numbers: its shape, last4, prev4 and prev8. */
const keyCodes = new Int32Array(4 * MAX_KEYS);
/** Where each key's code units start in `keyUnits`. */
const keyOffsets = new Int32Array(MAX_KEYS);
const keyUnits = new Uint16Array(MAX_KEYS * MAX_INTERNED_LENGTH);
let keyUnitCount = 0;
/** The string of each key id, the one-code-unit ASCII keys included. Filled, so the array is a packed one, not a sparse one. */
const keyStrings: string[] = new Array<string>(KEY_ID_COUNT).fill('');
for (let code = 0; code < 0x80; code++) keyStrings[MAX_KEYS + code] = String.fromCharCode(code);
let keyCount = 0;
/** Counts the times the table was emptied: ids of one epoch mean nothing in another. */
let keyEpoch = 0;

/** A key's length, and whether its numbers tell it (twelve code units or fewer, all of them or-ed together below 0x80). */
function keyShape(length: number, units: number): number {
  return (length << 1) | (length <= 12 && units < 0x80 ? 1 : 0);
}

/**
 * The id of the key `folded.slice(start, end)`, added to the table if new, or -1 when it is not kept
 * (too long, or the table is full). `last4`, `prev4` and `prev8` hold its last twelve code units
 * (`n = (n << 7 | code) & 0xfffffff` through the three, first code unit highest), `units` all its
 * code units or-ed together, as `pushWords` reads them.
 */
function keyId(folded: string, start: number, end: number, last4: number, prev4: number, prev8: number, units: number): number {
  const length = end - start;
  // last4 is the code unit itself when there is one.
  if (length === 1 && last4 < 0x80) return MAX_KEYS + last4;
  if (length > MAX_INTERNED_LENGTH) return -1;
  const shape = keyShape(length, units);
  // Mixed so that keys that differ in any code unit or in length spread over the table.
  let hash = Math.imul(last4, 0x9e3779b1) ^ Math.imul(prev4 ^ length, 0x85ebca6b) ^ Math.imul(prev8, 0xc2b2ae35);
  hash = Math.imul(hash ^ (hash >>> 15), 0x2c1b3c6d);
  hash ^= hash >>> 13;
  // Each read of a module's variable is a load and a check: read once.
  const table = slots;
  const codes = keyCodes;
  for (let slot = hash & (KEY_SLOTS - 1); ; slot = (slot + 1) & (KEY_SLOTS - 1)) {
    const idPlusOne = table[slot]!;
    if (idPlusOne === 0) return addedKeyId(folded, start, end, slot, shape, last4, prev4, prev8);
    const at = 4 * (idPlusOne - 1);
    if (codes[at + 1] === last4 && codes[at + 2] === prev4 && codes[at + 3] === prev8 && codes[at] === shape) {
      if ((shape & 1) === 1 || sameCodeUnits(keyOffsets[idPlusOne - 1]!, folded, start, length)) return idPlusOne - 1;
    }
  }
}

/** `keyId` of a key not met yet, put at `slot`, the empty slot its probe ended at. Kept apart: it is rare, and `keyId` is small enough to inline. */
function addedKeyId(folded: string, start: number, end: number, slot: number, shape: number, last4: number, prev4: number, prev8: number): number {
  if (keyCount >= MAX_KEYS) return -1; // full (only inside one huge document): not kept
  const id = keyCount++;
  const offset = keyUnitCount;
  for (let k = start; k < end; k++) keyUnits[keyUnitCount++] = folded.charCodeAt(k);
  // A string of its own, not a slice: a slice of 13 code units or more would keep the whole folded
  // document alive for as long as the table keeps the key.
  keyStrings[id] = String.fromCharCode.apply(null, keyUnits.subarray(offset, keyUnitCount) as unknown as number[]);
  keyOffsets[id] = offset;
  keyCodes[4 * id] = shape;
  keyCodes[4 * id + 1] = last4;
  keyCodes[4 * id + 2] = prev4;
  keyCodes[4 * id + 3] = prev8;
  slots[slot] = id + 1;
  return id;
}

/** `keyId` of `folded.slice(start, end)`, read from `folded`. */
function foldedKeyId(folded: string, start: number, end: number): number {
  let last4 = 0;
  let prev4 = 0;
  let prev8 = 0;
  let units = 0;
  for (let k = start; k < end; k++) {
    const code = folded.charCodeAt(k);
    prev8 = ((prev8 << 7) | (prev4 >>> 21)) & 0xfffffff;
    prev4 = ((prev4 << 7) | (last4 >>> 21)) & 0xfffffff;
    last4 = ((last4 << 7) | code) & 0xfffffff;
    units |= code;
  }
  return keyId(folded, start, end, last4, prev4, prev8, units);
}

/** True when the `length` code units of `keyUnits` from `offset` are those of `text` from `start`. */
function sameCodeUnits(offset: number, text: string, start: number, length: number): boolean {
  for (let k = 0; k < length; k++) if (keyUnits[offset + k] !== text.charCodeAt(start + k)) return false;
  return true;
}

/** The key id of each token of one document, and the epoch of the key table they belong to. */
export interface KeyIds {
  readonly ids: Int32Array;
  readonly epoch: number;
}

function startKeyTableDocument(): void {
  if (keyCount > MAX_KEYS >> 1) {
    // Half full: start over rather than grow without bound. Only here, before a document, so that
    // all the ids of a document belong to one epoch; a document that fills the table keeps its
    // further words out of it (id -1).
    slots.fill(0);
    keyStrings.fill('', 0, MAX_KEYS);
    keyUnitCount = 0;
    keyCount = 0;
    keyEpoch++;
  }
}

/** `folded.slice(t.start, t.end)` for every token, and the ids of those keys. */
export function tokenKeyTable(folded: string, tokens: readonly Token[]): { keys: string[]; keyIds: KeyIds } {
  startKeyTableDocument();
  const keys = new Array<string>(tokens.length);
  const ids = new Int32Array(tokens.length);
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const id = foldedKeyId(folded, t.start, t.end);
    keys[i] = keyString(folded, t.start, t.end, id);
    ids[i] = id;
  }
  return { keys, keyIds: { ids, epoch: keyEpoch } };
}

/** `folded.slice(t.start, t.end)` for every token. */
export function tokenKeys(folded: string, tokens: readonly Token[]): string[] {
  return tokenKeyTable(folded, tokens).keys;
}

/**
 * A pure function of a token key over vocabularies that never change, remembered per distinct key:
 * one array read per token where a Map or Set look-up (or several) was. `compute` must never
 * return undefined (use null).
 */
export class KeyMemo<T> {
  private epoch = -1;
  /**
   * Per key id: 0 not computed yet, NULL_VALUE when `compute` gave null (most words: no gazetteer
   * form, no phrase, no date word start here), VALUE when the value is in `values`. A byte per key
   * stays in the processor's cache where an array of 16 K pointers does not.
   */
  private states = new Uint8Array(0);
  private values: (T | null)[] = [];

  constructor(private readonly compute: (key: string) => T) {}

  /** `compute(key)` for token i of a context whose key ids are `keyIds` and whose key is `key`. */
  get(keyIds: KeyIds, i: number, key: string): T {
    const id = keyIds.ids[i]!;
    if (id < 0 || keyIds.epoch !== keyEpoch) return this.compute(key);
    if (this.epoch !== keyEpoch) {
      this.states = new Uint8Array(KEY_ID_COUNT);
      // Filled, so the array is a packed one, not a sparse one.
      this.values = new Array<T | null>(KEY_ID_COUNT).fill(null);
      this.epoch = keyEpoch;
    }
    const state = this.states[id]!;
    if (state === NULL_VALUE) return null as T;
    if (state === VALUE) return this.values[id] as T;
    const value = this.compute(key);
    if (value === null) this.states[id] = NULL_VALUE;
    else {
      this.values[id] = value;
      this.states[id] = VALUE;
    }
    return value;
  }
}

const NULL_VALUE = 1;
const VALUE = 2;

/**
 * Which of a module's word lists a token's key is in, as a bitmask of up to 30 flags, remembered per
 * distinct key: one typed-array read per question where a Set or Map look-up was (hashing, then
 * comparing strings: several times the cost, asked several times per token near every figure).
 * `classify` must be a pure function of the key over vocabularies that never change.
 */
export class KeyFlags {
  private epoch = -1;
  /** Per key id: 0 not computed yet, else the flags with KNOWN set. */
  private flags = new Int32Array(0);

  constructor(private readonly classify: (key: string) => number) {}

  /** `classify(key)` for token i of a context whose key ids are `keyIds` and whose key is `key`. */
  of(keyIds: KeyIds, i: number, key: string): number {
    const id = keyIds.ids[i]!;
    if (id < 0 || keyIds.epoch !== keyEpoch) return this.classify(key);
    if (this.epoch !== keyEpoch) {
      this.flags = new Int32Array(KEY_ID_COUNT);
      this.epoch = keyEpoch;
    }
    let flags = this.flags[id]!;
    if (flags === 0) {
      flags = this.classify(key) | KNOWN;
      this.flags[id] = flags;
    }
    return flags & ~KNOWN;
  }

  /**
   * The first token i in [from, to) whose flags have one of `flag`, or `to`: for a walk that passes
   * over most tokens, a tight loop over the key ids where calling `of` for each token would check
   * the table's epoch every time.
   */
  next(keyIds: KeyIds, keys: readonly string[], from: number, to: number, flag: number): number {
    if (keyIds.epoch !== keyEpoch || this.epoch !== keyEpoch) {
      for (let i = from; i < to; i++) if ((this.of(keyIds, i, keys[i]!) & flag) !== 0) return i;
      return to;
    }
    const ids = keyIds.ids;
    const table = this.flags;
    for (let i = from; i < to; i++) {
      const id = ids[i]!;
      const flags = id >= 0 ? table[id]! : 0;
      if ((flags === 0 ? this.of(keyIds, i, keys[i]!) : flags) & flag) return i;
    }
    return to;
  }
}

/** Marks a computed entry of `KeyFlags` (whose flags may all be 0). */
const KNOWN = 1 << 30;

/** What every extractor reads: the text, its prose view, the prose folded for matching, and its tokens. */
export interface ProseContext {
  readonly uri: string;
  readonly text: string;
  readonly format: DocumentFormat;
  /** The text with non-prose (Markdown syntax, front matter, code) blanked to spaces; same length. */
  readonly prose: string;
  /** `fold(prose)`: lower case without diacritics; same length. */
  readonly folded: string;
  readonly tokens: readonly Token[];
  /** `keys[i]` is the folded text of token i (`folded.slice(start, end)`). */
  readonly keys: readonly string[];
  /** Ids of the keys, for `KeyMemo`. */
  readonly keyIds: KeyIds;
  readonly frontMatter: FrontMatter | null;
}

export function proseContext(text: string, uri: string, format: DocumentFormat = formatOf(uri)): ProseContext {
  // Control characters are rare: rather than search the whole text for them before tokenizing (as
  // proseView does), tokenize, and if the tokenizer met one (every one reaches it as punctuation),
  // blank them and tokenize again. Without them the blanked prose is the prose itself.
  const { prose: marked, frontMatter } = markupBlanked(text, format);
  let prose = marked;
  let folded = fold(prose);
  let scan = tokenizeWithKeys(prose, folded);
  if (scan.sawControl) {
    prose = blankControls(marked);
    folded = fold(prose);
    scan = tokenizeWithKeys(prose, folded);
  }
  const { tokens, keys, keyIds } = scan;
  return { uri, text, format, prose, folded, tokens, keys, keyIds, frontMatter };
}

/** True when two spans overlap. */
export function overlaps(a: Span, b: Span): boolean {
  return a.start < b.end && b.start < a.end;
}
