// Claims: what each figure measures, between whom, over which period.
//
// A figure of money, a percentage or a count becomes a claim: the metric named by the nearest
// metric phrase of its sentence (knowledge/metrics.json), the parties it is about (the pair of
// countries for two-way trade; [from, to] for exports, investment, tourists, aid), the period it
// covers (the date mention attached to it, a leading date of its clause, a list paired by
// "respectively", a stock "at present" on the release date), whether it is a level, a change
// ("up 16.7% year on year") or a share ("the remaining 16%"), and its modality.
//
// Precision first: whatever cannot be told with confidence is recorded in `unknown` and the claim is
// never compared. Nothing here guesses a pair from one country, a period from a far date, or a
// metric from a word outside the sentence.
//
// Cost: one pass over the party, date and figure mentions to mark their tokens; then per figure a
// bounded look-around within its sentence. Sentences, clauses, paragraphs, metric phrases and date
// roles are found on demand near the figures (each once), so the prose between figures, most of a
// release, is never segmented. Linear in the text.

import type { Claim, ClaimMeasure, ClaimPeriod } from './claimTypes';
import type { DateMention, Figure, PartyMention, ReleaseDate, Span } from './types';
import { daysInMonth, toIso } from './calendar';
import { fold, isDigitCode, isUpperCode, KeyFlags, KeyMemo, tokenIndexAt, type KeyIds, type ProseContext, type Token } from './text';
import { defaultGazetteer } from '../knowledge/gazetteer';
import vocabulary from '../knowledge/metrics.json';

// ---------------------------------------------------------------------------------------------
// The metric vocabulary, built once at load time.

export type MetricUnit = 'money' | 'count' | 'percent';

/** One metric of knowledge/metrics.json. */
export interface MetricDefinition {
  readonly id: string;
  /** What people read: "two-way trade", "exports", "investment projects". */
  readonly name: string;
  readonly unit: MetricUnit;
  /** True for a metric about a pair in no order (two-way trade); false for a flow [from, to]. */
  readonly symmetric: boolean;
  /** A flow over a period (trade in 2020) or a stock at a point in time (projects "at present"). */
  readonly temporal: 'flow' | 'stock';
  /** The metric is the sum of these metrics (two-way trade = exports each way). */
  readonly parts?: readonly string[];
  /** The metric and its complement add up to 100% of one whole. */
  readonly complement?: string;
}

type Agent = 'source' | 'destination';

interface PhraseSense {
  readonly metric: MetricDefinition;
  /** Whose is a possessive, a demonym or a subject before the phrase. */
  readonly agent: Agent;
  /** Words one of which must stand in the same sentence. */
  readonly requires?: ReadonlySet<string>;
}

interface PhraseEntry {
  readonly words: readonly string[];
  /** The metrics the phrase names, one per unit at most; empty for a blocker. */
  readonly senses: readonly PhraseSense[];
  readonly text: string;
}

interface RawPhrase {
  readonly text: string;
  readonly agent?: string;
  readonly reverse?: boolean;
  readonly requires?: readonly string[];
}

const METRICS: readonly MetricDefinition[] = vocabulary.metrics.map((m) => ({
  id: m.id,
  name: m.name,
  unit: m.unit as MetricUnit,
  symmetric: m.symmetric,
  temporal: m.temporal as 'flow' | 'stock',
  ...('parts' in m && m.parts ? { parts: m.parts } : {}),
  ...('complement' in m && m.complement ? { complement: m.complement } : {}),
}));
const METRIC_BY_ID = new Map(METRICS.map((m) => [m.id, m]));

/** Every metric of the vocabulary. */
export function metricDefinitions(): readonly MetricDefinition[] {
  return METRICS;
}

/** The metric with this id: a built-in one, or one the vocabulary's configuration defines; undefined when neither. */
export function metricDefinition(id: string, vocabulary?: MetricVocabulary): MetricDefinition | undefined {
  return METRIC_BY_ID.get(id) ?? vocabulary?.definitions.get(id);
}

/** The metric phrases the claims extractor matches: the built-in vocabulary, plus a configuration's. */
export interface MetricVocabulary {
  readonly phrases: ReadonlyMap<string, readonly PhraseEntry[]>;
  readonly firstWordShapes: Uint8Array;
  /** The last words of the phrases: no match ends at a token whose key is not one of them. */
  readonly lastWords: ReadonlySet<string>;
  /** `phrases.get(key) ?? null`, remembered per token key. */
  readonly phrasesStarting: KeyMemo<readonly PhraseEntry[] | null>;
  /** The metrics a configuration defines, by id (the built-in ones are `metricDefinition`'s). */
  readonly definitions: ReadonlyMap<string, MetricDefinition>;
}

/**
 * The built-in vocabulary plus extra phrases for known metric ids (a configuration's "metrics":
 * {"trade.total": ["bilateral commerce"]}). Phrases for unknown ids are ignored: the configuration
 * validates ids before it gets here. Pure; build once per configuration.
 */
export function buildMetricVocabulary(
  extra: Readonly<Record<string, readonly string[]>> = {},
  metrics: readonly (MetricDefinition & { readonly phrases: readonly string[] })[] = [],
): MetricVocabulary {
  // Metrics a configuration defines (ids the built-in vocabulary does not have), made once: their
  // phrases' senses and `definitions` hold the same object.
  const definitions = new Map<string, MetricDefinition>();
  for (const { phrases: _phrases, ...definition } of metrics) if (!METRIC_BY_ID.has(definition.id)) definitions.set(definition.id, definition);
  const phrases = buildPhrases(extra, metrics, definitions);
  const lastWords = new Set<string>();
  for (const list of phrases.values()) for (const entry of list) lastWords.add(entry.words[entry.words.length - 1]!);
  return { phrases, firstWordShapes: shapesOf(phrases.keys()), lastWords, phrasesStarting: new KeyMemo((key) => phrases.get(key) ?? null), definitions };
}

/** Phrases indexed by their first word; longest first. */
function buildPhrases(
  extra: Readonly<Record<string, readonly string[]>>,
  metrics: readonly { readonly id: string; readonly phrases: readonly string[] }[],
  definitions: ReadonlyMap<string, MetricDefinition>,
): Map<string, PhraseEntry[]> {
  const byText = new Map<string, { words: string[]; senses: PhraseSense[] }>();
  const entry = (text: string): { words: string[]; senses: PhraseSense[] } => {
    let e = byText.get(text);
    if (!e) {
      e = { words: splitPhrase(text), senses: [] };
      byText.set(text, e);
    }
    return e;
  };
  vocabulary.metrics.forEach((m, i) => {
    const metric = METRICS[i]!;
    for (const raw of m.phrases as ReadonlyArray<string | RawPhrase>) {
      const p: RawPhrase = typeof raw === 'string' ? { text: raw } : raw;
      const sense: PhraseSense = {
        metric,
        agent: p.agent === 'destination' ? 'destination' : 'source',
        ...(p.requires ? { requires: new Set(p.requires) } : {}),
      };
      entry(p.text).senses.push(sense);
    }
  });
  const added = (metric: MetricDefinition, texts: readonly string[]): void => {
    for (const text of texts) {
      const folded = fold(text).trim();
      if (folded.length > 0) entry(folded).senses.push({ metric, agent: 'source' });
    }
  };
  for (const [id, texts] of Object.entries(extra)) {
    const metric = METRIC_BY_ID.get(id);
    if (metric) added(metric, texts);
  }
  for (const { id, phrases } of metrics) {
    const definition = definitions.get(id);
    if (definition) added(definition, phrases);
  }
  for (const text of vocabulary.blockers) entry(text);
  const index = new Map<string, PhraseEntry[]>();
  for (const [text, e] of byText) {
    const first = e.words[0]!;
    const list = index.get(first) ?? [];
    list.push({ words: e.words, senses: e.senses, text });
    index.set(first, list);
  }
  for (const list of index.values()) list.sort((a, b) => b.words.length - a.words.length);
  return index;
}

/** Splits a phrase as the tokenizer would: words, numbers and punctuation ("two-way" → two - way). */
function splitPhrase(text: string): string[] {
  return text.match(/[\p{L}\p{M}]+|\d+|[^\s\p{L}\p{M}\d]/gu) ?? [];
}

function phraseIndex(list: readonly string[]): Map<string, string[][]> {
  const index = new Map<string, string[][]>();
  for (const text of list) {
    const words = splitPhrase(text);
    const l = index.get(words[0]!) ?? [];
    l.push(words);
    index.set(words[0]!, l);
  }
  for (const l of index.values()) l.sort((a, b) => b.length - a.length);
  return index;
}

const BUILT_IN_VOCABULARY: MetricVocabulary = buildMetricVocabulary();

/** (first code unit, length) of some words: most tokens are ruled out without slicing their text. */
function shapesOf(words: Iterable<string>): Uint8Array {
  const table = new Uint8Array(128 * 32);
  for (const word of words) {
    const c = word.charCodeAt(0);
    if (c < 128) table[(c << 5) | Math.min(word.length, 31)] = 1;
  }
  return table;
}

const CHANGE_BEFORE = phraseIndex([...vocabulary.changeBefore.increase, ...vocabulary.changeBefore.decrease]);
const DECREASE_WORDS = new Set([...vocabulary.changeBefore.decrease, ...vocabulary.changeAfter.decrease]);
const CHANGE_AFTER = phraseIndex([...vocabulary.changeAfter.increase, ...vocabulary.changeAfter.decrease]);
const CHANGE_SKIP = new Set(vocabulary.changeSkip);
const BASE_CUES = phraseIndex(vocabulary.baseCues);
const SAME_PERIOD = phraseIndex(vocabulary.samePeriod);
const STOCK_CUES = phraseIndex(vocabulary.stockCues);
const AS_OF = phraseIndex(vocabulary.asOf);
const PERIOD_LEADS = new Set(vocabulary.periodLeads);
const RECEIVE_VERBS = new Set(vocabulary.receiveVerbs);
const CLAUSE_BREAKS = new Set(vocabulary.clauseBreaks);
const AGENT_NOUNS = new Set(vocabulary.agentNouns);
const RESPECTIVELY = new Set(vocabulary.respectively);
const OF_WHICH = phraseIndex(vocabulary.ofWhich);
const PAIR_WORDS = phraseIndex(vocabulary.pairWords);
// Word lists asked about every word of a sentence, as flags per key (see KeyFlags).
const W_CLAUSE_BREAK = 1 << 0;
/** "respectively", or a word glued onto it: PDF extraction glues lower-case words the tokenizer cannot split ("respectivelyrising"). */
const W_RESPECTIVELY = 1 << 1;
const SENTENCE_WORDS = new KeyFlags((key) =>
  (CLAUSE_BREAKS.has(key) ? W_CLAUSE_BREAK : 0) | (RESPECTIVELY.has(key) || key.startsWith('respectively') ? W_RESPECTIVELY : 0));
/** Words skipped between a base cue and its date ("compared with the same period of 2021"). */
const BASE_FILLER = new Set(['the', 'same', 'period', 'periods', 'of', 'in', 'months', 'month', 'corresponding', 'time', 'year', 'that', 'level', 'figure']);
const ABBREVIATIONS = new Set(['mr', 'mrs', 'ms', 'dr', 'prof', 'st', 'no', 'vs', 'h', 'e', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'approx', 'est', 'etc', 'inc', 'co', 'ltd', 'corp', 'gen', 'lt', 'col', 'sen', 'rep', 'amb']);
const PREPOSITION_ROLE: ReadonlyMap<string, 'from' | 'to'> = new Map([
  ['from', 'from'], ['to', 'to'], ['in', 'to'], ['into', 'to'], ['for', 'to'], ['towards', 'to'], ['toward', 'to'],
]);
/** Words after which a country is the subject of its clause ("…, while Viet Nam has …"). */
const SUBJECT_LEADS = new Set(['that', 'while', 'meanwhile', 'whereas', 'besides', 'moreover', 'also', 'furthermore', 'currently', 'now', 'today', 'overall', 'the', 'and', 'so', 'presently']);
/** Granularities a date may have to set the period of a figure it does not stand right after. */
const LEADING_GRANULARITIES = new Set(['year', 'period', 'half', 'quarter', 'month', 'range']);
/** How far (tokens) a metric phrase may stand before its figure. */
const METRIC_BEFORE = 24;
/** How far (tokens) the phrase naming a share may stand after it ("86% of the common border between Cambodia and Laos has been demarcated"). */
const SHARE_AFTER = 16;
/** How far (tokens) any other look-around reaches from a figure: keeps the work linear on run-on text. */
const LOOK = 48;
/** How many earlier values of the sentence a value may look back over. */
const BACK = 8;
/** How many linking words may stand between a value and a metric phrase after it. */
const METRIC_AFTER_LINKS = 3;
const AFTER_LINKS = new Set(['in', 'of', 'worth', 'the', 'total', 'for', 'valid', 'new', 'registered', 'annual', 'bilateral', 'its', 'their']);
// ---------------------------------------------------------------------------------------------

export interface ClaimInputs {
  readonly figures: readonly Figure[];
  readonly dates: readonly DateMention[];
  readonly parties: readonly PartyMention[];
  readonly releaseDate: ReleaseDate | null;
  /** The metric phrases to match; the built-in vocabulary when absent. */
  readonly vocabulary?: MetricVocabulary;
}

/** One claim per figure that measures something (money, percentages, counts), in figure order. */
export function extractClaims(context: ProseContext, analysis: ClaimInputs): Claim[] {
  return new ClaimScanner(context, analysis).run();
}

interface PhraseMatch {
  readonly first: number;
  readonly last: number;
  readonly entry: PhraseEntry;
}

interface Cue {
  readonly country: string;
  /** Token index of the cue. */
  readonly at: number;
  readonly role: 'from' | 'to' | 'agent' | 'receiver';
}

interface Draft {
  readonly figureIndex: number;
  readonly figure: Figure;
  readonly first: number;
  readonly last: number;
  readonly sentence: number;
  readonly unitKind: MetricUnit;
  measure: ClaimMeasure;
  sign?: 1 | -1;
  metric: MetricDefinition | null;
  metricText?: string;
  metricMatch?: PhraseMatch;
  sense?: PhraseSense;
  parties: string[];
  partiesKnown: boolean;
  /** The country whose trade the sentence reports ("Viet Nam's trade with Cambodia"), for flows without their own cues. */
  reporter?: string;
  partner?: string;
  period: ClaimPeriod | null;
  periodSet: boolean;
  periodUnknownReason?: string;
  base?: ClaimPeriod;
  baseDate?: number;
  samePeriod?: boolean;
  ofDraft?: number;
  /** The leading date of the clause that set the period ("In 2021, …"), shared with the values after it. */
  leadingDate?: number;
  unknown: string[];
  /** Index into drafts. */
  readonly index: number;
}

/**
 * The scanner's token arrays, kept from one release to the next: a typed array's backing store costs
 * far more to make than to fill (4.7 µs against 0.2 µs for a release's 6,000 numbers), and a scanner
 * is made for every release. One buffer serves the scanner at work: `extractClaims` runs it to the
 * end before it returns, nothing in it calls out to code that could start another, and none of its
 * arrays leaves it. A huge document's arrays are made for it alone, so as not to be kept.
 */
let scannerArrays = new Int32Array(0);
const MAX_KEPT_SCANNER_ARRAYS = 1 << 18;

function scannerBuffer(length: number): Int32Array {
  if (length > MAX_KEPT_SCANNER_ARRAYS) return new Int32Array(length);
  if (scannerArrays.length < length) scannerArrays = new Int32Array(Math.min(MAX_KEPT_SCANNER_ARRAYS, Math.max(length, 2 * scannerArrays.length)));
  return scannerArrays;
}

class ClaimScanner {
  private readonly tokens: readonly Token[];
  private readonly folded: string;
  private readonly prose: string;
  private readonly text: string;
  private readonly n: number;
  /** Folded text of each token. */
  private readonly keys: readonly string[];
  private readonly keyIds: KeyIds;
  private readonly figures: readonly Figure[];
  private readonly dates: readonly DateMention[];
  private readonly parties: readonly PartyMention[];
  private readonly releaseDate: ReleaseDate | null;
  private readonly vocabulary: MetricVocabulary;
  /**
   * Sentence and clause number of each token plus one; 0 for a token whose sentence has not been
   * asked about yet. Claims exist only for figures, and every look-around stays near a figure, so
   * sentences are found on demand (`sentenceOf`) rather than over the whole release: most sentences
   * of a release hold no figure and are never segmented. Numbers are told apart, never ordered.
   */
  private readonly sentence1: Int32Array;
  private readonly clause1: Int32Array;
  private clauseCount = 0;
  /** First and end token of each sentence found so far, by sentence number. */
  private readonly sentenceStart: number[] = [];
  private readonly sentenceEnd: number[] = [];
  /** The metric phrases of each sentence found so far (by sentence number), found when first asked for. */
  private readonly sentencePhrases: (PhraseMatch[] | undefined)[] = [];
  /** Country mention index (into `parties`) covering each token, or -1; any party mention: -2. */
  private readonly partyAt: Int32Array;
  /** Date index covering each token, or -1. */
  private readonly dateAt: Int32Array;
  /** Figure index covering each token, or -1. */
  private readonly figureAt: Int32Array;
  /** The phrase matches found so far by their first and last token. */
  private readonly phraseStartingAt = new Map<number, PhraseMatch>();
  private readonly phraseEndingAtToken = new Map<number, PhraseMatch>();
  private readonly dateFirst: number[] = [];
  private readonly dateLast: number[] = [];
  /** First and last token of each figure (`tokenRange` of its span), found by markSpans. */
  private readonly figureFirst: number[] = [];
  private readonly figureLast: number[] = [];
  /** Per date: 'base' (of a change), 'asof' (a point in time), or 'period'; told when first asked for. */
  private readonly dateRoles: ('base' | 'asof' | 'period' | undefined)[] = [];
  private readonly dateTaken: boolean[];
  /** The release's pair of countries (see findReleasePair), undefined until a two-way metric asks for it. */
  private releasePairFound: string[] | null | undefined = undefined;
  /** The drafts of each sentence, in order. */
  private readonly sentenceDrafts = new Map<number, Draft[]>();
  /** Distinct countries of a sentence or paragraph, by its first token. */
  private readonly countryCache = new Map<number, string[]>();
  /** `respectivelyIn` of each sentence asked for so far. */
  private readonly respectivelyFound = new Map<number, number>();
  /** Paragraph number of each token plus one, 0 when not found yet (cleared when first needed); ranges by number. */
  private paragraph1: Int32Array | null = null;
  private readonly paragraphArea: Int32Array;
  private readonly paragraphStart: number[] = [];
  private readonly paragraphEnd: number[] = [];

  constructor(context: ProseContext, analysis: ClaimInputs) {
    this.tokens = context.tokens;
    this.folded = context.folded;
    this.prose = context.prose;
    this.text = context.text;
    this.n = this.tokens.length;
    this.keys = context.keys;
    this.keyIds = context.keyIds;
    this.figures = analysis.figures;
    this.dates = analysis.dates;
    this.parties = analysis.parties;
    this.releaseDate = analysis.releaseDate;
    this.vocabulary = analysis.vocabulary ?? BUILT_IN_VOCABULARY;
    // Two slots past the last token read as "no party", "no date", "no figure": look-aheads ("(",
    // "to" at the very end of the text) need no bounds checks of their own.
    const m = this.n + 2;
    const buffer = scannerBuffer(6 * m);
    buffer.fill(-1, 0, 3 * m);
    buffer.fill(0, 3 * m, 5 * m);
    this.partyAt = buffer.subarray(0, m);
    this.dateAt = buffer.subarray(m, 2 * m);
    this.figureAt = buffer.subarray(2 * m, 3 * m);
    this.sentence1 = buffer.subarray(3 * m, 4 * m);
    this.clause1 = buffer.subarray(4 * m, 5 * m);
    this.paragraphArea = buffer.subarray(5 * m, 5 * m + this.n);
    this.dateTaken = new Array<boolean>(this.dates.length).fill(false);
  }

  // -------------------------------------------------------------------------------------------
  // Token helpers.

  private w(k: number): string {
    if (k < 0 || k >= this.n) return '';
    return this.keys[k]!;
  }

  /** False when token k cannot be one of the words whose shapes are in the table. */
  private mayBe(shapes: Uint8Array, k: number): boolean {
    const t = this.tokens[k]!;
    const c = this.folded.charCodeAt(t.start);
    return c >= 128 || shapes[(c << 5) | Math.min(t.end - t.start, 31)] === 1;
  }

  private isWord(k: number): boolean {
    return k >= 0 && k < this.n && this.tokens[k]!.kind === 'word';
  }

  /** The longest phrase of `index` starting at token k; its last token index, or -1. */
  private phraseAt(index: Map<string, string[][]>, k: number): number {
    const list = index.get(this.w(k));
    if (!list) return -1;
    for (const words of list) if (this.matches(words, k)) return k + words.length - 1;
    return -1;
  }

  /** The longest phrase of `index` ending at token k; its first token index, or -1. */
  private phraseEndingAt(index: Map<string, string[][]>, k: number, maxWords = 4): number {
    for (let len = maxWords; len >= 1; len--) {
      const start = k - len + 1;
      if (start < 0) continue;
      const list = index.get(this.w(start));
      if (!list) continue;
      for (const words of list) if (words.length === len && this.matches(words, start)) return start;
    }
    return -1;
  }

  private matches(words: readonly string[], k: number): boolean {
    if (k + words.length > this.n) return false;
    if (this.keys[k] !== words[0]) return false;
    let s = -1; // k's sentence, found once a second word matches
    for (let i = 1; i < words.length; i++) {
      if (this.keys[k + i] !== words[i]) return false;
      if (s < 0) s = this.sentenceOf(k);
      if (!this.inSentence(k + i, s)) return false;
    }
    return true;
  }

  private tokenRange(start: number, end: number): [number, number] {
    const first = tokenIndexAt(this.tokens, start);
    let last = tokenIndexAt(this.tokens, Math.max(start, end - 1));
    if (last >= this.n || this.tokens[last]!.start >= end) last = Math.max(first, last - 1);
    return [first, Math.min(last, this.n - 1)];
  }

  // -------------------------------------------------------------------------------------------

  run(): Claim[] {
    if (this.figures.length === 0) return [];
    this.markSpans();

    const drafts: Draft[] = [];
    this.figures.forEach((figure, figureIndex) => {
      const draft = this.draftOf(figure, figureIndex, drafts.length);
      if (draft) drafts.push(draft);
    });
    if (drafts.length === 0) return [];
    for (const d of drafts) {
      const list = this.sentenceDrafts.get(d.sentence);
      if (list) list.push(d);
      else this.sentenceDrafts.set(d.sentence, [d]);
    }

    for (const d of drafts) this.findMetric(d, drafts);
    this.pairRespectively();
    for (const d of drafts) if (d.measure === 'change' && d.ofDraft === undefined) this.attachChange(d, drafts);
    for (const d of drafts) if (d.measure !== 'change' || d.ofDraft === undefined) this.findPeriod(d, drafts);
    for (const d of drafts) if (d.measure !== 'change' || d.ofDraft === undefined) this.findParties(d, drafts);
    for (const d of drafts) if (d.measure === 'change') this.finishChange(d, drafts);
    return drafts.map((d) => this.toClaim(d, drafts));
  }

  // -------------------------------------------------------------------------------------------
  // Sentences, clauses, paragraphs.

  /** The sentence number of token k (found now if need be); -1 outside the tokens. */
  private sentenceOf(k: number): number {
    if (k < 0 || k >= this.n) return -1;
    const s = this.sentence1[k]!;
    return s !== 0 ? s - 1 : this.findSentence(k);
  }

  /**
   * `sentenceOf(k) === s` for a sentence s already found, without finding the sentence of k: asking
   * whether a neighbour is in the figure's sentence must not segment the sentence next door.
   */
  private inSentence(k: number, s: number): boolean {
    return s >= 0 && k >= this.sentenceStart[s]! && k < this.sentenceEnd[s]!;
  }

  /** The clause number of token k; -1 outside the tokens. Clauses never span sentences. */
  private clauseOf(k: number): number {
    if (k < 0 || k >= this.n) return -1;
    if (this.sentence1[k] === 0) this.findSentence(k);
    return this.clause1[k]! - 1;
  }

  /** Numbers the sentence holding token k and its clauses; returns its number. */
  private findSentence(k: number): number {
    const { n } = this;
    let a = k;
    while (a > 0 && !this.sentenceBreakBefore(a)) a--;
    let b = k + 1;
    while (b < n && !this.sentenceBreakBefore(b)) b++;
    const s = this.sentenceStart.length;
    this.sentenceStart.push(a);
    this.sentenceEnd.push(b);
    let c = this.clauseCount++;
    for (let j = a; j < b; j++) {
      // Only words have the keys of clause breaks.
      if (j > a && (SENTENCE_WORDS.of(this.keyIds, j, this.keys[j]!) & W_CLAUSE_BREAK) !== 0) c = this.clauseCount++;
      this.sentence1[j] = s + 1;
      this.clause1[j] = c + 1;
    }
    return s;
  }

  /** True when a sentence starts at token k > 0: a blank line, sentence punctuation, or a line that is a title. */
  private sentenceBreakBefore(k: number): boolean {
    const gap = lineBreaks(this.prose, this.tokens[k - 1]!.end, this.tokens[k]!.start);
    return gap >= 2 || this.endsSentence(k - 1) || (gap === 1 && this.isHeadingBreak(k - 1));
  }

  /** True when a paragraph starts at token k > 0: a blank line, or a line break after a sentence's end. */
  private paragraphBreakBefore(k: number): boolean {
    const gap = lineBreaks(this.prose, this.tokens[k - 1]!.end, this.tokens[k]!.start);
    return gap >= 2 || (gap >= 1 && this.endsSentence(k - 1));
  }

  /** The paragraph number of token k (0 ≤ k < n), its paragraph found now if need be. */
  private paragraphOf(k: number): number {
    const numbers = (this.paragraph1 ??= this.paragraphArea.fill(0));
    if (numbers[k] !== 0) return numbers[k]! - 1;
    let a = k;
    while (a > 0 && !this.paragraphBreakBefore(a)) a--;
    let b = k + 1;
    while (b < this.n && !this.paragraphBreakBefore(b)) b++;
    const p = this.paragraphStart.length;
    this.paragraphStart.push(a);
    this.paragraphEnd.push(b);
    numbers.fill(p + 1, a, b);
    return p;
  }

  /** A line without sentence punctuation that ends before a new line starting a capital: a title. */
  private isHeadingBreak(k: number): boolean {
    const t = this.tokens[k]!;
    if (t.kind === 'punct') return false;
    const next = this.tokens[k + 1];
    if (!next) return false;
    // A wrapped line continues in lower case; a heading or a dateline is followed by a capital.
    const line = this.prose.lastIndexOf('\n', t.start);
    if (t.end - line > 200) return false;
    // A Markdown heading ("# Visit to Phnom Penh") or a line in capitals ("PRESS RELEASE"); a hard-wrapped
    // line of prose ("Two-way trade between\nCambodia and …") goes on.
    let i = line + 1;
    while (i < t.end && (this.text.charCodeAt(i) === 0x20 || this.text.charCodeAt(i) === 0x3e)) i++;
    if (this.text.charCodeAt(i) === 0x23 /* # */) return true;
    const lineText = this.prose.slice(line + 1, t.end);
    return lineText === lineText.toUpperCase() && lineText !== lineText.toLowerCase();
  }

  private endsSentence(k: number): boolean {
    const t = this.tokens[k]!;
    if (t.kind !== 'punct') return false;
    const ch = this.prose.charCodeAt(t.start);
    if (ch === 0x3b /* ; */ || ch === 0x21 || ch === 0x3f) return true;
    if (ch !== 0x2e) return false;
    const next = this.tokens[k + 1];
    if (!next) return true;
    if (k > 0 && this.isWord(k - 1) && this.tokens[k - 1]!.end === t.start) {
      const prev = this.w(k - 1);
      if (prev.length === 1 || ABBREVIATIONS.has(prev)) return false;
    }
    const c = this.prose.charCodeAt(next.start);
    if (isUpperCode(c) || isDigitCode(c)) return true;
    // "./." and similar closing marks, quotes.
    return c === 0x22 || c === 0x201c || c === 0x2f;
  }

  private markSpans(): void {
    const { tokens, n, partyAt, dateAt, figureAt } = this;
    const partyFirst: number[] = [];
    const partyLast: number[] = [];
    this.tokenRanges([this.parties, this.dates, this.figures], [partyFirst, this.dateFirst, this.figureFirst], [partyLast, this.dateLast, this.figureLast]);
    for (let i = 0; i < this.parties.length; i++) {
      const p = this.parties[i]!;
      const value = p.kind === 'country' ? i : -2;
      for (let k = partyFirst[i]!; k <= partyLast[i]! && k < n; k++) if (tokens[k]!.start < p.end) partyAt[k] = value;
    }
    for (let i = 0; i < this.dates.length; i++) for (let k = this.dateFirst[i]!; k <= this.dateLast[i]! && k < n; k++) dateAt[k] = i;
    for (let i = 0; i < this.figures.length; i++) {
      for (let k = this.figureFirst[i]!; k <= this.figureLast[i]! && k < n; k++) if (figureAt[k] === -1) figureAt[k] = i;
    }
  }

  /**
   * `tokenRange` of each span of each list, pushed onto that list's `first` and `last`. Each list is
   * in text order, its spans a few tokens apart: the spans of all the lists are taken in the order
   * of their starts, and each first token is found by walking on from the previous one's, so one
   * walk reads each token once (binary searches over the whole release, or a walk per list, read
   * far more); a list out of order falls back to the searches.
   */
  private tokenRanges(lists: readonly (readonly Span[])[], first: readonly number[][], last: readonly number[][]): void {
    const { tokens, n } = this;
    const inOrder = lists.map((spans) => {
      for (let i = 1; i < spans.length; i++) if (spans[i]!.start < spans[i - 1]!.start) return false;
      return true;
    });
    lists.forEach((spans, l) => {
      if (inOrder[l]) return;
      for (const span of spans) {
        const [a, b] = this.tokenRange(span.start, span.end);
        first[l]!.push(a);
        last[l]!.push(b);
      }
    });
    const next = lists.map(() => 0);
    let a = 0;
    for (;;) {
      // The list whose next span starts first.
      let l = -1;
      let start = Infinity;
      for (let m = 0; m < lists.length; m++) {
        if (!inOrder[m] || next[m]! >= lists[m]!.length) continue;
        const s = lists[m]![next[m]!]!.start;
        if (s < start) {
          start = s;
          l = m;
        }
      }
      if (l < 0) return;
      const end = lists[l]![next[l]!++]!.end;
      // tokenIndexAt(tokens, start): the first token ending after start, at or after the last one.
      while (a < n && tokens[a]!.end <= start) a++;
      // tokenIndexAt(tokens, max(start, end - 1)), then as tokenRange.
      const lastOffset = Math.max(start, end - 1);
      let b = a;
      while (b < n && tokens[b]!.end <= lastOffset) b++;
      if (b >= n || tokens[b]!.start >= end) b = Math.max(a, b - 1);
      first[l]!.push(a);
      last[l]!.push(Math.min(b, n - 1));
    }
  }

  /** The metric phrases of sentence s in token order, found on first use (greedy, longest first, as phrases never span sentences). */
  private phrasesOf(s: number): PhraseMatch[] {
    const known = this.sentencePhrases[s];
    if (known) return known;
    const found: PhraseMatch[] = [];
    const end = this.sentenceEnd[s]!;
    let k = this.sentenceStart[s]!;
    while (k < end) {
      if (!this.isWord(k) || this.partyAt[k] !== -1) {
        k++;
        continue;
      }
      // The shape table (in the processor's cache) rules out most words before the memo is read.
      if (!this.mayBe(this.vocabulary.firstWordShapes, k)) {
        k++;
        continue;
      }
      const list = this.vocabulary.phrasesStarting.get(this.keyIds, k, this.keys[k]!);
      let entry: PhraseEntry | undefined;
      if (list) {
        for (const e of list) {
          if (this.matches(e.words, k) && !this.partyWithin(k, k + e.words.length - 1)) {
            entry = e;
            break;
          }
        }
      }
      if (entry) {
        const match = { first: k, last: k + entry.words.length - 1, entry };
        found.push(match);
        this.phraseStartingAt.set(k, match);
        this.phraseEndingAtToken.set(match.last, match);
        k += entry.words.length;
      } else k++;
    }
    this.sentencePhrases[s] = found;
    return found;
  }

  /** The phrase match starting at token k, or undefined. */
  private matchStarting(k: number): PhraseMatch | undefined {
    // What phrasesOf passes over can start no match: no need to find the phrases of k's sentence.
    if (!this.isWord(k) || this.partyAt[k] !== -1 || !this.mayBe(this.vocabulary.firstWordShapes, k)) return undefined;
    const s = this.sentenceOf(k);
    if (s < 0) return undefined;
    this.phrasesOf(s);
    return this.phraseStartingAt.get(k);
  }

  /** The phrase match ending at token k, or undefined. */
  private matchEnding(k: number): PhraseMatch | undefined {
    // A match ends in a phrase's last word and outside a party mention.
    if (k < 0 || k >= this.n || this.partyAt[k] !== -1 || !this.vocabulary.lastWords.has(this.keys[k]!)) return undefined;
    const s = this.sentenceOf(k);
    if (s < 0) return undefined;
    this.phrasesOf(s);
    return this.phraseEndingAtToken.get(k);
  }

  private partyWithin(a: number, b: number): boolean {
    for (let k = a; k <= b; k++) if (this.partyAt[k] !== -1) return true;
    return false;
  }

  /** The role of date di, told on first use from the words just before it. */
  private dateRole(di: number): 'base' | 'asof' | 'period' {
    let role = this.dateRoles[di];
    if (role === undefined) {
      role = this.classifyDate(di);
      this.dateRoles[di] = role;
    }
    return role;
  }

  private classifyDate(i: number): 'base' | 'asof' | 'period' {
    const first = this.dateFirst[i]!;
    // Skip filler words back from the date ("compared with the same period of 2021").
    let k = first - 1;
    let steps = 0;
    while (k >= 0 && steps < 5 && this.isWord(k) && BASE_FILLER.has(this.w(k)) && this.phraseEndingAt(BASE_CUES, k) < 0) {
      k--;
      steps++;
    }
    if (k >= 0 && this.inSentence(k, this.sentenceOf(first)) && this.phraseEndingAt(BASE_CUES, k) >= 0 && this.percentBefore(k)) return 'base';
    if (first > 0 && this.phraseEndingAt(AS_OF, first - 1) >= 0) return 'asof';
    return 'period';
  }

  /** A percentage within a few tokens before token k in its sentence: a base cue after it states the base of a change. */
  private percentBefore(k: number): boolean {
    const s = this.sentenceOf(k);
    for (let j = k; j >= 0 && j > k - 12 && this.inSentence(j, s); j--) {
      const fi = this.figureAt[j];
      if (fi !== -1 && this.figures[fi]!.kind === 'percent') return true;
    }
    return false;
  }

  private get releasePair(): string[] | null {
    if (this.releasePairFound === undefined) this.releasePairFound = this.findReleasePair();
    return this.releasePairFound;
  }

  /** The two countries the release is about, when exactly two dominate its mentions. */
  private findReleasePair(): string[] | null {
    const counts = new Map<string, number>();
    for (const p of this.parties) if (p.kind === 'country') counts.set(p.id, (counts.get(p.id) ?? 0) + 1);
    const ranked = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
    if (ranked.length < 2) return null;
    const second = ranked[1]![1];
    const third = ranked[2]?.[1] ?? 0;
    if (third * 3 > second || ranked[0]![1] > second * 4) return null;
    return orderedPair(ranked[0]![0], ranked[1]![0]);
  }

  // -------------------------------------------------------------------------------------------
  // Drafts.

  private draftOf(figure: Figure, figureIndex: number, index: number): Draft | null {
    if (figure.kind === 'ordinal') return null;
    if (figure.kind === 'percent' && figure.unit !== '%') return null; // percentage points: not modelled
    const first = this.figureFirst[figureIndex]!;
    const last = this.figureLast[figureIndex]!;
    const unitKind: MetricUnit = figure.kind === 'money' ? 'money' : figure.kind === 'percent' ? 'percent' : 'count';
    // Every field, optional ones too, in one literal: drafts then share one shape, and the scanner's
    // reads of their fields stay monomorphic (fields added later, in varying orders, made a shape per
    // order). Nothing here tells an absent field from an undefined one.
    const draft: Draft = {
      figureIndex,
      figure,
      first,
      last,
      sentence: this.sentenceOf(first),
      unitKind,
      measure: 'level',
      sign: undefined,
      metric: null,
      metricText: undefined,
      metricMatch: undefined,
      sense: undefined,
      parties: [],
      partiesKnown: false,
      reporter: undefined,
      partner: undefined,
      period: null,
      periodSet: false,
      periodUnknownReason: undefined,
      base: undefined,
      baseDate: undefined,
      samePeriod: undefined,
      ofDraft: undefined,
      leadingDate: undefined,
      unknown: [],
      index,
    };
    if (figure.kind === 'percent') {
      const sign = this.changeSign(first, last);
      if (sign !== 0) {
        draft.measure = 'change';
        draft.sign = sign;
      } else draft.measure = 'share';
    }
    if (figure.kind === 'number') {
      // A plain number measures something only when a counted metric names it ("tourist arrivals reached 1.2 million").
      if (!this.nearestPhrase(draft, 'count')) return null;
    }
    return draft;
  }

  /** +1 for "up / rising / grew X%", −1 for "down / fell X%", 0 when the percentage is not a change. */
  private changeSign(first: number, last: number): 1 | -1 | 0 {
    // Before: skip qualifiers, "by", other percentages and list words.
    let k = first - 1;
    let steps = 0;
    // Tokens of earlier percentages skipped: bounded too, or a run of thousands of percentages in
    // one sentence ("5% 5% 5% …") walks back over all of them from each one (quadratic).
    let skipped = 0;
    const s = this.sentenceOf(first);
    while (k >= 0 && steps < 8 && skipped < 64 && this.inSentence(k, s)) {
      const start = this.phraseEndingAt(CHANGE_BEFORE, k, 2);
      if (start >= 0 && this.isWord(k)) {
        const text = this.wordsText(start, k);
        return DECREASE_WORDS.has(text) ? -1 : 1;
      }
      const t = this.tokens[k]!;
      const fig = this.figureAt[k];
      if (fig !== -1 && this.figures[fig]!.kind === 'percent') {
        k--;
        skipped++;
        continue; // "rising nearly 80% and 16.7%": the list shares the change word
      }
      if (t.kind === 'punct' && this.w(k) === ',') {
        k--;
        steps++;
        continue;
      }
      if (!this.isWord(k) || !CHANGE_SKIP.has(this.w(k))) break;
      k--;
      steps++;
    }
    // After: "16.7% year on year", "12% higher than".
    let j = last + 1;
    if (this.isWord(j) && this.inSentence(j, s)) {
      const end = this.phraseAt(CHANGE_AFTER, j);
      if (end >= 0) return DECREASE_WORDS.has(this.wordsText(j, end)) ? -1 : 1;
    }
    // "80% and 16.7% year on year": a list of percentages ending in a change phrase.
    while (j < this.n && this.inSentence(j, s) && j < last + 12) {
      const fig = this.figureAt[j];
      if (fig !== -1 && this.figures[fig]!.kind === 'percent') {
        j = this.figureLast[fig]! + 1;
        if (this.isWord(j)) {
          const end = this.phraseAt(CHANGE_AFTER, j);
          if (end >= 0) return DECREASE_WORDS.has(this.wordsText(j, end)) ? -1 : 1;
        }
        continue;
      }
      if ((this.isWord(j) && (this.w(j) === 'and' || CHANGE_SKIP.has(this.w(j)))) || this.w(j) === ',') {
        j++;
        continue;
      }
      break;
    }
    return 0;
  }

  private wordsText(a: number, b: number): string {
    const parts: string[] = [];
    for (let k = a; k <= b; k++) parts.push(this.w(k));
    return parts.join(' ').replace(/ - /g, '-');
  }

  // -------------------------------------------------------------------------------------------
  // Metric.

  /**
   * The nearest metric phrase before the figure in its sentence that names a metric of this unit (of
   * any unit but percent for `null`: a change); or one right after it, joined only by "in", "of" and
   * the like ("USD 5 billion in exports", "300,000 tourists"). A phrase after other words ("USD 2.5
   * billion and imports …") names the next value.
   */
  private nearestPhrase(d: Draft, unit: MetricUnit | null): { match: PhraseMatch; sense: PhraseSense | null } | null {
    const s = this.sentenceOf(d.first);
    // Only phrases within reach: ending at most METRIC_BEFORE before the figure, starting at most SHARE_AFTER after it.
    const list = this.phrasesOf(s);
    const reach = d.last + SHARE_AFTER;
    let bestMatch: PhraseMatch | null = null;
    let bestSense: PhraseSense | null = null;
    let bestDistance = Infinity;
    for (let i = firstMatchEndingFrom(list, d.first - METRIC_BEFORE); i < list.length && list[i]!.first <= reach; i++) {
      const match = list[i]!;
      let distance: number;
      if (match.last < d.first) distance = d.first - match.last;
      else if (match.first > d.last) {
        // A share names its whole after it ("84% of the land border has been demarcated"); other
        // values name their metric after them only through linking words.
        const share = unit === 'percent';
        if (share ? this.figureBetween(d.last + 1, match.first) || match.first - d.last > SHARE_AFTER : !this.onlyLinksBetween(d.last + 1, match.first)) continue;
        if (this.clauseOf(match.first) !== this.clauseOf(d.last)) continue;
        distance = match.first - d.last + 0.5; // before wins a tie
      } else distance = 0;
      if (match.last < d.first && distance > METRIC_BEFORE) continue;
      if (bestMatch !== null && bestDistance <= distance) continue;
      if (match.entry.senses.length === 0) {
        // A blocker.
        bestMatch = match;
        bestSense = null;
        bestDistance = distance;
        continue;
      }
      const sense = this.senseOf(match, unit, s);
      if (sense) {
        bestMatch = match;
        bestSense = sense;
        bestDistance = distance;
      }
    }
    return bestMatch === null ? null : { match: bestMatch, sense: bestSense };
  }

  /** The first sense of the match that names a metric of this unit (any unit but percent for `null`) and whose required words stand in sentence s. */
  private senseOf(match: PhraseMatch, unit: MetricUnit | null, s: number): PhraseSense | undefined {
    for (const sense of match.entry.senses) {
      if ((unit === null ? sense.metric.unit !== 'percent' : sense.metric.unit === unit) && this.requiresMet(sense, s, match.first)) return sense;
    }
    return undefined;
  }

  private figureBetween(a: number, b: number): boolean {
    for (let k = a; k < b; k++) if (this.figureAt[k] !== -1) return true;
    return false;
  }

  /** True when tokens [a, b) are only words that link a value to the noun after it ("in", "of", "worth of"). */
  private onlyLinksBetween(a: number, b: number): boolean {
    if (b - a > METRIC_AFTER_LINKS) return false;
    for (let k = a; k < b; k++) if (!this.isWord(k) || !AFTER_LINKS.has(this.w(k))) return false;
    return true;
  }

  /** The draft of a figure (drafts are in figure order), or undefined when the figure has no claim. */
  private draftOfFigure(drafts: readonly Draft[], figureIndex: number): Draft | undefined {
    let low = 0;
    let high = drafts.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (drafts[mid]!.figureIndex < figureIndex) low = mid + 1;
      else high = mid;
    }
    const d = drafts[low];
    return d && d.figureIndex === figureIndex ? d : undefined;
  }

  /** The phrase matches that start in tokens [a, b), in token order. */
  private matchesBetween(a: number, b: number): PhraseMatch[] {
    const out: PhraseMatch[] = [];
    let k = Math.max(a, 0);
    while (k < b && k < this.n) {
      const s = this.sentenceOf(k);
      const list = this.phrasesOf(s);
      // A binary search: a sentence may be thousands of tokens long (text without full stops).
      for (let i = firstMatchStartingFrom(list, a); i < list.length && list[i]!.first < b; i++) out.push(list[i]!);
      k = this.sentenceEnd[s]!;
    }
    return out;
  }

  private requiresMet(sense: PhraseSense, s: number, at: number): boolean {
    if (!sense.requires) return true;
    const from = Math.max(this.sentenceStart[s]!, at - LOOK);
    const to = Math.min(this.sentenceEnd[s]!, at + LOOK);
    for (let k = from; k < to; k++) if (this.isWord(k) && sense.requires.has(this.w(k))) return true;
    return false;
  }

  private findMetric(d: Draft, drafts: Draft[]): void {
    const unit = d.measure === 'change' ? null : d.unitKind;
    let found = this.nearestPhrase(d, unit);
    // A count names its own noun: "11 documents" is not a count of anything we model.
    if (d.figure.kind === 'count' && d.figure.unit !== null) {
      const inside = this.matchesBetween(d.first, d.last + 1).find((m) => m.last <= d.last);
      if (!inside) return;
    }
    if (!found && d.measure === 'level') {
      // A value further along a list of the same metric ("trade …, which grew from USD 5.26 billion in
      // 2019 to USD 5.33 billion in 2020, and which amounted to USD 6.03 billion …") keeps its metric.
      const prev = this.previousLevel(d, drafts);
      if (prev && prev.metric && prev.sense && prev.metricMatch) {
        d.metric = prev.metric;
        d.sense = prev.sense;
        d.metricMatch = prev.metricMatch;
        if (prev.metricText !== undefined) d.metricText = prev.metricText;
      }
      return;
    }
    if (!found || found.sense === null) return;
    // "Exports and imports reached USD 3 billion and USD 2 billion, respectively": a list of metric
    // phrases names the values in order, and only with "respectively".
    const list = this.phraseListAround(found.match);
    const first = this.senseOf(list[0]!, unit, d.sentence);
    // "demarcation and marker planting" names one metric twice: not a list to pair.
    const oneMetric = list.every((m) => {
      const x = this.senseOf(m, unit, d.sentence);
      return x !== undefined && first !== undefined && x.metric === first.metric && x.agent === first.agent;
    });
    if (list.length > 1 && !oneMetric) {
      const resp = this.respectivelyIn(d.sentence) >= 0;
      const listEnd = list[list.length - 1]!.last;
      const values = (this.sentenceDrafts.get(d.sentence) ?? drafts).filter((x) => x.sentence === d.sentence && x.measure === d.measure && x.unitKind === d.unitKind && x.first > listEnd);
      const at = values.indexOf(d);
      if (!resp || values.length !== list.length || at < 0) {
        if (resp && at >= 0) d.unknown.push(`respectively: ${values.length} values for ${list.length} metrics`);
        return;
      }
      const match = list[at]!;
      const sense = this.senseOf(match, unit, d.sentence);
      if (!sense) return;
      found = { match, sense };
    }
    d.metric = found.sense!.metric;
    d.sense = found.sense!;
    d.metricMatch = found.match;
    d.metricText = this.prose.slice(this.tokens[found.match.first]!.start, this.tokens[found.match.last]!.end);
  }

  /** The value of the same unit just before this one in its sentence, with no metric phrase between them. */
  private previousLevel(d: Draft, drafts: readonly Draft[]): Draft | undefined {
    const prev = d.index > 0 ? drafts[d.index - 1] : undefined;
    if (!prev || prev.sentence !== d.sentence || prev.measure !== 'level' || prev.unitKind !== d.unitKind) return undefined;
    if (prev.figure.modality !== d.figure.modality) return undefined;
    if (this.matchesBetween(prev.last + 1, d.first).length > 0) return undefined;
    return prev;
  }

  /** The list of metric phrases joined by "and", "or" or commas that this match belongs to ("exports to and imports from"). */
  private phraseListAround(match: PhraseMatch): PhraseMatch[] {
    const joined = (a: PhraseMatch, b: PhraseMatch): boolean => {
      let k = a.last + 1;
      if (PREPOSITION_ROLE.has(this.w(k)) && k + 1 < b.first) k++;
      let joiners = 0;
      while (k < b.first && isJoiner(this.w(k))) {
        k++;
        joiners++;
      }
      return joiners > 0 && k === b.first && a.entry.senses.length > 0 && b.entry.senses.length > 0;
    };
    const list = [match];
    for (let steps = 0; steps < BACK; steps++) {
      const before = this.matchBefore(list[0]!);
      if (!before || !joined(before, list[0]!)) break;
      list.unshift(before);
    }
    for (let steps = 0; steps < BACK; steps++) {
      const after = this.matchAfter(list[list.length - 1]!);
      if (!after || !joined(list[list.length - 1]!, after)) break;
      list.push(after);
    }
    return list;
  }

  /**
   * The match just before b whenever it could be joined to b; otherwise some other match or undefined
   * (which are not joined to b either). A joined match ends right before b's joiners, or before one
   * preposition ahead of them, so only the sentences of those tokens need their phrases.
   */
  private matchBefore(b: PhraseMatch): PhraseMatch | undefined {
    let j = b.first - 1;
    while (j >= 0 && isJoiner(this.w(j))) j--;
    for (let k = b.first - 1; k >= Math.max(0, j - 1); k--) {
      const m = this.matchEnding(k);
      if (m) return m;
    }
    return undefined;
  }

  /** The match just after a whenever it could be joined to a (see matchBefore). */
  private matchAfter(a: PhraseMatch): PhraseMatch | undefined {
    let j = a.last + 1;
    if (PREPOSITION_ROLE.has(this.w(j))) j++;
    while (j < this.n && isJoiner(this.w(j))) j++;
    for (let k = a.last + 1; k <= Math.min(j, this.n - 1); k++) {
      const m = this.matchStarting(k);
      if (m) return m;
    }
    return undefined;
  }

  /** Token index of "respectively" in the sentence, or -1. */
  private respectivelyIn(s: number): number {
    // Asked once per value of the sentence, and by pairRespectively once more: scan a sentence once.
    let found = this.respectivelyFound.get(s);
    if (found === undefined) {
      found = this.findRespectively(s);
      this.respectivelyFound.set(s, found);
    }
    return found;
  }

  private findRespectively(s: number): number {
    // Only words have such keys: no need to ask each token its kind.
    const end = this.sentenceEnd[s]!;
    const k = SENTENCE_WORDS.next(this.keyIds, this.keys, this.sentenceStart[s]!, end, W_RESPECTIVELY);
    return k < end ? k : -1;
  }

  // -------------------------------------------------------------------------------------------
  // Respectively and changes.

  private pairRespectively(): void {
    for (const [s, list] of this.sentenceDrafts) {
      if (this.respectivelyIn(s) < 0) continue;
      const changes = list.filter((d) => d.measure === 'change');
      const levels = list.filter((d) => d.measure === 'level');
      if (changes.length > 0 && levels.length > 0 && changes[0]!.first > levels[0]!.last) {
        const before = levels.filter((d) => d.last < changes[0]!.first);
        if (before.length === changes.length) {
          changes.forEach((c, i) => (c.ofDraft = before[i]!.index));
        } else {
          const reason = `respectively: ${changes.length} changes for ${before.length} values`;
          for (const d of [...changes, ...before]) d.unknown.push(reason);
        }
        continue;
      }
      // Values paired with a list of periods: "USD 3.4 billion and USD 2.6 billion in 2021 and 2022, respectively".
      const dateList = this.dateListIn(s);
      if (dateList.length >= 2) {
        const firstDate = this.dateFirst[dateList[0]!]!;
        const values = levels.filter((d) => d.last < firstDate);
        if (values.length === dateList.length) {
          values.forEach((d, i) => this.setPeriodFromDate(d, dateList[i]!));
        } else {
          const reason = `respectively: ${values.length} values for ${dateList.length} periods`;
          for (const d of values) {
            d.unknown.push(reason);
            d.periodSet = true;
          }
        }
        for (const i of dateList) this.dateTaken[i] = true;
      }
    }
  }

  /** The longest list of period dates joined by "and" or commas in the sentence ("in 2021 and 2022"). */
  private dateListIn(s: number): number[] {
    let best: number[] = [];
    let current: number[] = [];
    let k = this.sentenceStart[s]!;
    const end = this.sentenceEnd[s]!;
    while (k < end) {
      const di = this.dateAt[k];
      if (di !== -1 && this.dateFirst[di] === k && this.dateRole(di) === 'period') {
        current.push(di);
        k = this.dateLast[di]! + 1;
        // Joiners: ",", "and", ", and".
        let j = k;
        while (j < end && (this.w(j) === ',' || this.w(j) === 'and' || this.w(j) === '&')) j++;
        if (j > k && j < end && this.dateAt[j] !== -1 && this.dateFirst[this.dateAt[j]!] === j) {
          k = j;
          continue;
        }
        if (current.length > best.length) best = current;
        current = [];
        continue;
      }
      k++;
    }
    if (current.length > best.length) best = current;
    return best;
  }

  /** A change without a "respectively" list: the level it follows, or the level it leads to ("rose 10% to USD 3 billion"). */
  private attachChange(d: Draft, drafts: Draft[]): void {
    if (d.unknown.length > 0) return;
    // "rose 10% to USD 3 billion"
    const k = d.last + 1;
    if (this.w(k) === 'to' && this.figureAt[k + 1] !== -1) {
      const next = this.draftOfFigure(drafts, this.figureAt[k + 1]!);
      if (next && next.measure === 'level') {
        d.ofDraft = next.index;
        return;
      }
    }
    for (let i = d.index - 1; i >= Math.max(0, d.index - BACK); i--) {
      const x = drafts[i]!;
      if (x.sentence !== d.sentence) break;
      if (x.measure !== 'level') continue;
      if (d.metric && x.metric && d.metric.id !== x.metric.id) continue;
      if (!x.metric) continue;
      d.ofDraft = x.index;
      return;
    }
  }

  private finishChange(d: Draft, drafts: Draft[]): void {
    const base = this.findBaseDate(d);
    if (d.ofDraft !== undefined) {
      const level = drafts[d.ofDraft]!;
      d.metric = level.metric;
      if (level.metricText !== undefined) d.metricText = level.metricText;
      d.parties = level.parties;
      d.partiesKnown = level.partiesKnown;
      d.period = level.period;
      d.periodSet = true;
      if (level.periodUnknownReason !== undefined) d.periodUnknownReason = level.periodUnknownReason;
      for (const u of level.unknown) if (!d.unknown.includes(u)) d.unknown.push(u);
    }
    if (d.period) {
      const stated = base.date !== undefined ? this.dates[base.date] : undefined;
      if (stated && !base.samePeriod && stated.from !== null && stated.to !== null) {
        d.base = { from: stated.from, to: stated.to, granularity: stated.granularity, dateIndex: base.date! };
      } else if (stated && stated.from === null) {
        // A stated base we cannot resolve: no base.
      } else {
        d.base = yearBefore(d.period);
      }
    }
  }

  /** The date after the percentage that states the base of a change ("against 2017", "compared with the same period last year"). */
  private findBaseDate(d: Draft): { date?: number; samePeriod: boolean } {
    const s = d.sentence;
    let samePeriod = false;
    for (let k = d.last + 1; k < this.sentenceEnd[s]! && k <= d.last + 12; k++) {
      if (this.phraseAt(SAME_PERIOD, k) >= 0) samePeriod = true;
      const di = this.dateAt[k];
      if (di !== -1 && this.dateRole(di) === 'base') return { date: di, samePeriod };
      if (this.figureAt[k] !== -1 && this.figureAt[k] !== d.figureIndex) break;
    }
    return { samePeriod };
  }

  // -------------------------------------------------------------------------------------------
  // Period.

  private setPeriodFromDate(d: Draft, di: number, pointInTime = false): void {
    const date = this.dates[di]!;
    d.periodSet = true;
    this.dateTaken[di] = true;
    if (date.from === null || date.to === null) {
      d.period = null;
      d.periodUnknownReason = date.resolution ?? 'unresolved date';
      return;
    }
    d.period = pointInTime
      ? { from: date.to, to: date.to, granularity: 'day', dateIndex: di, pointInTime: true }
      : { from: date.from, to: date.to, granularity: date.granularity, dateIndex: di };
  }

  private findPeriod(d: Draft, drafts: Draft[]): void {
    if (d.periodSet) return;
    const s = d.sentence;
    const stock = d.metric?.temporal === 'stock';
    // 1. A date right after the figure: "USD 5.33 billion in 2020", "8.45 billion USD in the first
    // nine months of this year", or after the list it ends: "USD 1 billion and USD 2 billion, respectively, in 2021".
    const di = this.dateAfter(d);
    if (di >= 0) {
      if (this.dateRole(di) === 'asof' || (stock && this.isStockCueDate(di))) this.setPeriodFromDate(d, di, true);
      else this.setPeriodFromDate(d, di);
      return;
    }
    // 2. A leading date of the clause, not taken by an earlier figure: "In 2020, trade reached …".
    for (let j = d.first - 1; j >= Math.max(this.sentenceStart[s]!, d.first - LOOK); j--) {
      if (this.figureAt[j] !== -1 && this.figureAt[j] !== d.figureIndex) {
        const other = this.figures[this.figureAt[j]!]!;
        if (other.kind !== 'percent') {
          // An earlier value owns the dates before it, unless it shares a leading date ("In 2021, X and Y").
          const od = this.draftOfFigure(drafts, this.figureAt[j]!);
          if (od && od.leadingDate !== undefined && od.figure.modality === d.figure.modality) {
            this.setPeriodFromDate(d, od.leadingDate);
            d.leadingDate = od.leadingDate;
            this.dateTaken[od.leadingDate] = false;
            return;
          }
          break;
        }
      }
      const di = this.dateAt[j];
      if (di === -1 || this.dateFirst[di] !== j) continue;
      if (this.dateTaken[di]) break;
      if (this.dateRole(di) === 'asof' && this.usableDate(di, true)) {
        this.setPeriodFromDate(d, di, true);
        return;
      }
      if (this.dateRole(di) === 'period' && LEADING_GRANULARITIES.has(this.dates[di]!.granularity)) {
        this.setPeriodFromDate(d, di);
        d.leadingDate = di;
        this.dateTaken[di] = false; // a leading date serves every figure after it
        return;
      }
      if (stock && this.isStockCueDate(di)) {
        this.setPeriodFromDate(d, di, true);
        return;
      }
    }
    // 3. The parts of a whole just stated ("…, of which exports were …") or the next value of the
    // same metric family in a list ("exports reached X in 2020 and imports Y") share its period.
    for (let i = d.index - 1; i >= Math.max(0, d.index - BACK); i--) {
      const x = drafts[i]!;
      if (x.sentence !== s) break;
      if (x.measure !== 'level' || !x.periodSet) continue;
      if (!x.metric || !d.metric || x.figure.modality !== d.figure.modality) break;
      if (this.dateFollows(d)) break; // a date of its own it could not be tied to: not the one before
      // Another flow of the same family ("exports reached X in 2020 and imports Y") shares the period;
      // another value of the same metric and sense never does ("USD 2 billion in 2020 and USD 3 billion
      // the following year"): two values of one claim would contradict each other.
      const sameSense = x.metric.id === d.metric.id && x.sense?.agent === d.sense?.agent;
      const sameFamily = family(x.metric.id) === family(d.metric.id) && !sameSense;
      if (sameFamily || (!sameSense && this.ofWhichBetween(x.last, d.first))) {
        d.periodSet = true;
        d.period = x.period;
        if (x.periodUnknownReason !== undefined) d.periodUnknownReason = x.periodUnknownReason;
        return;
      }
      break;
    }
    // 4. A stock: "at present", "so far", or no date at all: on the day the release speaks from.
    if (stock) {
      const cue = this.stockCueIn(d);
      if (cue >= 0) {
        this.setPeriodFromDate(d, cue, true);
        return;
      }
      d.periodSet = true;
      if (this.releaseDate) {
        d.period = { from: this.releaseDate.date, to: this.releaseDate.date, granularity: 'day', pointInTime: true };
      } else {
        d.period = null;
        d.periodUnknownReason = 'a stock on the release date, and the release states no date';
      }
      return;
    }
    d.periodSet = true;
    d.period = null;
  }

  /** The date that states the period of the figure, after it in its clause; -1 when none. */
  private dateAfter(d: Draft): number {
    const end = this.sentenceEnd[d.sentence]!;
    let k = d.last + 1;
    let viaList = false;
    for (let steps = 0; k < end && steps < 10; steps++) {
      const di = this.dateAt[k];
      if (di !== -1) {
        if (this.dateFirst[di] !== k || !this.usableDate(di, true)) return -1;
        return this.dateRole(di) === 'base' || (this.dateTaken[di] && !viaList) ? -1 : di;
      }
      if (PREPOSITION_ROLE.has(this.w(k)) && this.countryOf(k + 1)) {
        k = this.countryEnd(k + 1) + 1;
        continue;
      }
      if (this.isWord(k) && (PERIOD_LEADS.has(this.w(k)) || RESPECTIVELY.has(this.w(k)))) {
        k++;
        continue;
      }
      const asOf = this.phraseAt(AS_OF, k);
      if (asOf >= 0) {
        k = asOf + 1;
        continue;
      }
      // A metric phrase or a destination may stand between: "USD 10 billion in two-way trade in 2020",
      // "USD 30 million in grant aid to Cambodia in 2020".
      const m = this.matchStarting(k);
      if (m && m.entry.senses.length > 0) {
        k = m.last + 1;
        continue;
      }
      // The same value in another unit: "USD 5.33 billion (VND 122.6 trillion) in 2020".
      if (this.w(k) === '(' && this.figureAt[k + 1] !== -1) {
        const fi = this.figureAt[k + 1]!;
        const after = this.figureLast[fi]! + 1;
        if (this.w(after) === ')') {
          k = after + 1;
          viaList = true;
          continue;
        }
        return -1;
      }
      if (this.w(k) === ')' && k === d.last + 1 && this.w(d.first - 1) === '(') {
        k++;
        viaList = true;
        continue;
      }
      // The rest of a list of values: "USD 1 billion and USD 2 billion, respectively, in 2021".
      if (this.w(k) === ',' || this.w(k) === 'and') {
        let j = k;
        while (j < end && (this.w(j) === ',' || this.w(j) === 'and')) j++;
        const fi = this.figureAt[j];
        if (fi !== undefined && fi !== -1 && this.figures[fi]!.kind !== 'percent' && this.figures[fi]!.kind !== 'ordinal') {
          k = this.figureLast[fi]! + 1;
          viaList = true;
          continue;
        }
        if (this.isWord(j) && RESPECTIVELY.has(this.w(j))) {
          k = j + 1;
          viaList = true;
          continue;
        }
        if (viaList) {
          k = j;
          continue;
        }
        return -1;
      }
      return -1;
    }
    return -1;
  }

  /** True when a date stands after the figure in its clause before any other value. */
  private dateFollows(d: Draft): boolean {
    const end = Math.min(this.sentenceEnd[d.sentence]!, d.last + LOOK);
    const c = this.clauseOf(d.last);
    for (let k = d.last + 1; k < end && this.clauseOf(k) === c; k++) {
      if (this.figureAt[k] !== -1) return false;
      const di = this.dateAt[k];
      if (di !== -1 && this.dates[di]!.granularity !== 'vague') return true;
    }
    return false;
  }

  private usableDate(di: number, adjacent: boolean): boolean {
    const date = this.dates[di]!;
    if (date.granularity === 'vague' || date.granularity === 'week') return false;
    if (date.granularity === 'day' && !adjacent) return false;
    if (date.granularity === 'day' && this.dateRole(di) !== 'asof' && !this.isStockCueDate(di)) return false;
    return true;
  }

  private isStockCueDate(di: number): boolean {
    const first = this.dateFirst[di]!;
    const end = this.phraseAt(STOCK_CUES, first);
    return end >= 0 && end >= this.dateLast[di]! - 0;
  }

  /** A stock cue date ("at present") in the figure's clause, as a date index; -1 when none. */
  private stockCueIn(d: Draft): number {
    const c = this.clauseOf(d.first);
    const s = d.sentence;
    const to = Math.min(this.sentenceEnd[s]!, d.last + LOOK);
    for (let k = Math.max(this.sentenceStart[s]!, d.first - LOOK); k < to; k++) {
      if (this.clauseOf(k) !== c) continue;
      const di = this.dateAt[k];
      if (di !== -1 && this.dateFirst[di] === k && this.isStockCueDate(di) && this.dates[di]!.from !== null) return di;
    }
    return -1;
  }

  private ofWhichBetween(a: number, b: number): boolean {
    for (let k = a + 1; k < b; k++) if (this.phraseAt(OF_WHICH, k) >= 0) return true;
    return false;
  }

  // -------------------------------------------------------------------------------------------
  // Parties.

  private findParties(d: Draft, drafts: Draft[]): void {
    if (!d.metric) return;
    if (d.metric.symmetric) this.symmetricParties(d);
    else this.directionalParties(d, drafts);
  }

  private countryOf(k: number): string | null {
    const pi = this.partyAt[k];
    return pi !== undefined && pi >= 0 ? this.parties[pi]!.id : null;
  }

  /** The end token of the country mention starting at k, or -1. */
  private countryEnd(k: number): number {
    const pi = this.partyAt[k];
    if (pi === undefined || pi < 0) return -1;
    const p = this.parties[pi]!;
    let j = k;
    while (j + 1 < this.n && this.partyAt[j + 1] === pi && this.tokens[j + 1]!.start < p.end) j++;
    return j;
  }

  private symmetricParties(d: Draft): void {
    const m = d.metricMatch!;
    const s = d.sentence;
    // "between A and B" / "between the two countries" right after the phrase (or inside it: "trade between").
    let k = m.last + 1;
    if (this.w(m.last) === 'between') k = m.last + 1;
    else if (this.w(k) === 'between') k++;
    else k = -1;
    if (k > 0) {
      const pair = this.betweenPair(k);
      if (pair === 'release') return this.setPair(d, this.releasePair);
      if (pair) return this.setPair(d, pair);
    }
    // "Cambodia-Viet Nam trade", "Viet Nam – Cambodia two-way trade".
    const before = this.hyphenPairBefore(m.first);
    if (before) return this.setPair(d, before);
    // "Viet Nam's trade with Cambodia".
    const own = this.possessiveBefore(m.first);
    const withWord = this.w(m.last + 1) === 'with';
    const withAfter = withWord ? this.countryOf(m.last + 2) : null;
    if (own && withAfter && own !== withAfter) {
      d.reporter = own;
      d.partner = withAfter;
      return this.setPair(d, [own, withAfter]);
    }
    // "trade with ASEAN", "Viet Nam's total trade": a partner that is no country, or none at all.
    if (withWord && !withAfter) return;
    if (own && !withWord) return;
    if (withAfter && !own) {
      if (this.releasePair && this.releasePair.includes(withAfter)) return this.setPair(d, this.releasePair);
      return;
    }
    // The sentence's countries; failing that, the paragraph's; failing that, the release's pair.
    const inSentence = this.countriesCached(this.sentenceStart[s]!, this.sentenceEnd[s]!, 0);
    if (inSentence.length === 2) return this.setPair(d, inSentence);
    if (inSentence.length > 2) return;
    if (inSentence.length === 1) {
      if (this.releasePair && this.releasePair.includes(inSentence[0]!)) return this.setPair(d, this.releasePair);
      return;
    }
    const p = this.paragraphOf(d.first);
    const inParagraph = this.countriesCached(this.paragraphStart[p]!, this.paragraphEnd[p]!, 1);
    if (inParagraph.length === 2) return this.setPair(d, inParagraph);
    if (inParagraph.length > 2) return;
    if (this.releasePair && inParagraph.every((c) => this.releasePair!.includes(c))) return this.setPair(d, this.releasePair);
  }

  private setPair(d: Draft, pair: readonly string[] | null): void {
    if (!pair || pair.length !== 2 || pair[0] === pair[1]) return;
    d.parties = orderedPair(pair[0]!, pair[1]!);
    d.partiesKnown = true;
  }

  /** "A and B" (two country mentions) or "the two countries" starting at token k. */
  private betweenPair(k: number): string[] | 'release' | null {
    if (this.phraseAt(PAIR_WORDS, k) >= 0) return 'release';
    const a = this.countryOf(k);
    if (!a) return null;
    const aEnd = this.countryEnd(k);
    if (this.w(aEnd + 1) !== 'and' && this.w(aEnd + 1) !== '&') return null;
    const b = this.countryOf(aEnd + 2);
    return b && b !== a ? [a, b] : null;
  }

  /** "Cambodia-Viet Nam" right before token k (a pair joined by a hyphen or dash, or "and"). */
  private hyphenPairBefore(k: number): string[] | null {
    let j = k - 1;
    const b = this.countryOf(j);
    if (!b) return null;
    const bi = this.partyAt[j]!;
    while (j >= 0 && this.partyAt[j] === bi) j--;
    const joiner = this.w(j);
    if (joiner !== '-' && joiner !== '/' && joiner !== 'and') return null;
    const a = this.countryOf(j - 1);
    return a && a !== b ? [a, b] : null;
  }

  /** "Viet Nam's" right before token k. */
  private possessiveBefore(k: number): string | null {
    if (this.w(k - 1) === 's' && (this.w(k - 2) === "'" || this.w(k - 2) === '’')) return this.countryOf(k - 3);
    if (this.w(k - 1) === "'" && this.countryOf(k - 2)) return this.countryOf(k - 2);
    return null;
  }

  private countriesCached(a: number, b: number, kind: 0 | 1): string[] {
    const key = a * 2 + kind;
    let found = this.countryCache.get(key);
    if (!found) {
      found = this.countriesIn(a, b);
      this.countryCache.set(key, found);
    }
    return found;
  }

  private countriesIn(a: number, b: number): string[] {
    const out: string[] = [];
    for (let k = a; k < b; k++) {
      const c = this.countryOf(k);
      if (c && !out.includes(c)) out.push(c);
    }
    return out;
  }

  private directionalParties(d: Draft, drafts: Draft[]): void {
    const sense = d.sense!;
    const { cues, mixed } = this.cuesOf(d);
    const sources = new Set<string>();
    const destinations = new Set<string>();
    const agents = new Set<string>();
    const others = new Set<string>();
    for (const cue of cues) {
      let role: 'from' | 'to';
      if (cue.role === 'from' || cue.role === 'to') role = cue.role;
      else if (cue.role === 'receiver') role = 'to';
      else role = sense.agent === 'source' ? 'from' : 'to';
      (role === 'from' ? sources : destinations).add(cue.country);
      (cue.role === 'agent' ? agents : others).add(cue.country);
    }
    const set = (from: string, to: string): void => {
      d.parties = [from, to];
      d.partiesKnown = true;
      d.reporter = sense.agent === 'source' ? from : to;
      d.partner = sense.agent === 'source' ? to : from;
    };
    if (!mixed && sources.size === 1 && destinations.size === 1) {
      const from = [...sources][0]!;
      const to = [...destinations][0]!;
      if (from !== to) return set(from, to);
      return;
    }
    if (mixed) {
      // "Cambodia's exports to and imports from Viet Nam": the possessive is the reporter, the other the partner.
      for (const a of agents) others.delete(a);
      if (agents.size === 1 && others.size === 1) {
        const reporter = [...agents][0]!;
        const partner = [...others][0]!;
        return sense.agent === 'source' ? set(reporter, partner) : set(partner, reporter);
      }
    }
    if (sources.size > 1 || destinations.size > 1) return;
    // Few cues of its own: a flow after a whole or another flow of the same sentence ("…, of which
    // exports were X and imports Y"; "…, while imports from Cambodia …") takes its perspective when
    // what it does say agrees.
    for (let i = d.index - 1; i >= Math.max(0, d.index - BACK); i--) {
      const x = drafts[i]!;
      if (x.sentence !== d.sentence) break;
      if (!x.metric || family(x.metric.id) !== family(d.metric!.id)) continue;
      if (!x.reporter || !x.partner) return;
      const from = sense.agent === 'source' ? x.reporter : x.partner;
      const to = sense.agent === 'source' ? x.partner : x.reporter;
      const agrees = [...sources].every((c) => c === from) && [...destinations].every((c) => c === to);
      if (agrees) set(from, to);
      return;
    }
  }

  /** Country cues in the figure's clause, or in its own segment when the clause mixes flows of both directions. */
  private cuesOf(d: Draft): { cues: Cue[]; mixed: boolean } {
    const s = d.sentence;
    const c = this.clauseOf(d.first);
    let a = Math.max(this.sentenceStart[s]!, d.first - LOOK);
    let b = Math.min(this.sentenceEnd[s]!, d.last + LOOK);
    while (this.clauseOf(a) !== c) a++;
    while (b > a && this.clauseOf(b - 1) !== c) b--;
    // Mixed directions ("Cambodia's exports to Viet Nam were X and imports Y"): both agents among the
    // phrases of the metric that lie within [a, b) (all in sentence s).
    let source = false;
    let destination = false;
    const list = this.phrasesOf(s);
    for (let i = firstMatchStartingFrom(list, a); i < list.length && list[i]!.first < b; i++) {
      const m = list[i]!;
      if (m.last >= b) continue;
      for (const x of m.entry.senses) {
        if (x.metric.id !== d.metric!.id) continue;
        if (x.agent === 'source') source = true;
        else destination = true;
      }
    }
    const mixed = source && destination;
    const cues: Cue[] = [];
    const demonyms = defaultGazetteer().demonyms;
    const twoWordFirsts = demonymFirstWords();
    for (let k = a; k < b; k++) {
      const country = this.countryOf(k);
      if (country) {
        const end = this.countryEnd(k);
        const prev = this.w(k - 1);
        const prep = PREPOSITION_ROLE.get(prev);
        if (prev === 'between' || (prev === 'and' && this.w(k - 2) !== ',' && this.countryOf(k - 2))) {
          // A pair, not a direction.
        } else if (prep) cues.push({ country, at: k, role: prep });
        else if (this.w(end + 1) === "'" || this.w(end + 1) === '’') cues.push({ country, at: k, role: 'agent' });
        else if (k < d.first && (!this.isWord(k - 1) || SUBJECT_LEADS.has(prev))) {
          // A subject before the figure: "Viet Nam has …", "Cambodia received …".
          let verb = end + 1;
          while (verb < d.first && verb <= end + 3 && !RECEIVE_VERBS.has(this.w(verb))) verb++;
          cues.push({ country, at: k, role: RECEIVE_VERBS.has(this.w(verb)) && verb < d.first ? 'receiver' : 'agent' });
        }
        k = end;
        continue;
      }
      // A demonym is capitalised: test that first, and build the two-word key only when some
      // two-word demonym starts with this word.
      if (this.isWord(k) && this.partyAt[k] === -1 && isUpperCode(this.prose.charCodeAt(this.tokens[k]!.start))) {
        const two = k + 1 < b && twoWordFirsts.has(this.w(k)) ? demonyms.get(`${this.w(k)} ${this.w(k + 1)}`) : undefined;
        const one = demonyms.get(this.w(k));
        const iso = two ?? one;
        const last = two ? k + 1 : k;
        if (iso) {
          if (this.demonymNamesFlow(d, k, last)) cues.push({ country: iso, at: k, role: 'agent' });
          else if (AGENT_NOUNS.has(this.w(last + 1)) && last + 1 < d.first) {
            // "Vietnamese investors have invested …": a subject, like a country before its verb.
            let verb = last + 2;
            while (verb < d.first && verb <= last + 4 && !RECEIVE_VERBS.has(this.w(verb))) verb++;
            cues.push({ country: iso, at: k, role: RECEIVE_VERBS.has(this.w(verb)) && verb < d.first ? 'receiver' : 'agent' });
          }
          if (two) k++;
        }
      }
    }
    return { cues, mixed };
  }

  /**
   * A demonym names the flow's agent only next to it: right before the metric phrase ("Vietnamese
   * investment", "Vietnamese valid projects") or the figure, inside the figure ("300,000 Vietnamese
   * tourists"), or right after it ("900,000 Vietnamese"). "6.6 million tourists, including 900,000
   * Vietnamese" does not make the 6.6 million Vietnamese.
   */
  private demonymNamesFlow(d: Draft, first: number, last: number): boolean {
    if (first >= d.first && last <= d.last) return true;
    if (first === d.last + 1) return true;
    const m = d.metricMatch;
    for (const target of [m?.first, d.first]) {
      if (target === undefined) continue;
      if (target > last && target - last <= 2) return true;
    }
    return false;
  }

  // -------------------------------------------------------------------------------------------

  private toClaim(d: Draft, drafts: Draft[]): Claim {
    void drafts;
    const unknown = dedupe(d.unknown);
    const add = (reason: string): void => {
      if (!unknown.includes(reason)) unknown.push(reason);
    };
    if (!d.metric) add('metric unknown');
    else {
      if (!d.partiesKnown) add('parties unknown');
      if (!d.period && !unknown.some((u) => u.startsWith('respectively'))) add('period unknown');
    }
    // Built property by property, in the order the spreads of optional fields used to give (JSON
    // output and deep equality see the order): a spread of a fresh object per optional field cost
    // more than the rest of the claim.
    const claim = { start: d.figure.start, end: d.figure.end, figureIndex: d.figureIndex, metric: d.metric ? d.metric.id : null } as Writable<Claim>;
    if (d.metricText !== undefined) claim.metricText = d.metricText;
    claim.parties = d.partiesKnown ? d.parties : [];
    claim.directional = d.metric ? !d.metric.symmetric : false;
    claim.period = d.period;
    claim.modality = d.figure.modality;
    claim.measure = d.measure;
    if (d.measure === 'change' && d.sign !== undefined) claim.sign = d.sign;
    if (d.base) claim.base = d.base;
    if (d.ofDraft !== undefined) claim.ofClaim = d.ofDraft;
    claim.unknown = unknown;
    return claim;
  }
}

let demonymFirstWordsFound: ReadonlySet<string> | undefined;

/** The first words of the built-in gazetteer's demonyms of more than one word ("new" of "new zealander"), found at first use. */
function demonymFirstWords(): ReadonlySet<string> {
  if (demonymFirstWordsFound === undefined) {
    const set = new Set<string>();
    for (const key of defaultGazetteer().demonyms.keys()) {
      const space = key.indexOf(' ');
      if (space > 0) set.add(key.slice(0, space));
    }
    demonymFirstWordsFound = set;
  }
  return demonymFirstWordsFound;
}

/** The words that join a list of metric phrases. */
function isJoiner(key: string): boolean {
  return key === 'and' || key === 'or' || key === ',' || key === '&';
}

/** The index of the first match in `list` (in token order, not overlapping) that ends at or after token `from`. */
function firstMatchEndingFrom(list: readonly PhraseMatch[], from: number): number {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (list[mid]!.last >= from) high = mid;
    else low = mid + 1;
  }
  return low;
}

/** The index of the first match in `list` (in token order, not overlapping) that starts at or after token `from`. */
function firstMatchStartingFrom(list: readonly PhraseMatch[], from: number): number {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (list[mid]!.first >= from) high = mid;
    else low = mid + 1;
  }
  return low;
}

type Writable<T> = { -readonly [K in keyof T]: T[K] };

/** The list without repeats, first occurrences in order. Lists here hold a few reasons at most. */
function dedupe(list: readonly string[]): string[] {
  const out: string[] = [];
  for (const x of list) if (!out.includes(x)) out.push(x);
  return out;
}

function family(id: string): string {
  const dot = id.indexOf('.');
  return dot < 0 ? id : id.slice(0, dot);
}

function lineBreaks(prose: string, from: number, to: number): number {
  let lines = 0;
  for (let i = from; i < to; i++) {
    const c = prose.charCodeAt(i);
    if (c === 0x0a) lines++;
    else if (c === 0x0d && prose.charCodeAt(i + 1) !== 0x0a) lines++;
  }
  return lines;
}

/** The same period a year earlier: the year before for a year, the same months a year earlier otherwise. */
export function yearBefore(period: ClaimPeriod): ClaimPeriod {
  return {
    from: shiftYear(period.from, -1),
    to: shiftYear(period.to, -1),
    granularity: period.granularity,
    ...(period.pointInTime ? { pointInTime: true } : {}),
  };
}

function shiftYear(iso: string, years: number): string {
  const y = Number(iso.slice(0, 4)) + years;
  const m = Number(iso.slice(5, 7));
  let day = Number(iso.slice(8, 10));
  const last = utcDaysInMonth(y, m);
  const wasLast = day === utcDaysInMonth(y - years, m);
  if (day > last || wasLast) day = last;
  return toIso(y, m, day);
}

/** `new Date(Date.UTC(y, m, 0)).getUTCDate()` for a month 1–12, without a Date: `Date.UTC` reads years 0–99 as 1900–1999. */
function utcDaysInMonth(y: number, m: number): number {
  return daysInMonth(y >= 0 && y <= 99 ? 1900 + y : y, m);
}

/** `[a, b].sort()`: two strings in code-unit order, without the sort. */
function orderedPair(a: string, b: string): string[] {
  return b < a ? [b, a] : [a, b];
}
