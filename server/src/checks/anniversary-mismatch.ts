// anniversary-mismatch: an "Nth anniversary" celebrated in year Y of something founded in a year
// other than Y − N ("the 56th anniversary of diplomatic relations in 2022" when relations were
// established on 24 June 1967). A contradiction of dates: warning.
//
// What an anniversary is of, read from the words after it, and nothing else is compared:
// - diplomatic relations ("of diplomatic relations between Cambodia and Viet Nam", "of their
//   diplomatic ties"): the pair is the parties named there; with none named, the release's two
//   countries when it names exactly two;
// - an organisation's founding ("of ASEAN", "of the founding of ASEAN", "ASEAN's 55th anniversary").
// Anniversaries of partnerships, treaties, dialogue relations or events are never compared.
// The year must be tied to the anniversary by the words: "… anniversary of … in 2022", "2022 marks
// the 55th anniversary", "in 2022 as the two countries celebrate the 55th anniversary", "In 2022, …"
// at the start of the sentence. A date elsewhere in the sentence ("to be held in December 2021 and
// the celebration of the 55th anniversary") is not the anniversary's.
// The founding date comes from any release that states it ("established diplomatic relations on
// 24 June 1967", "ASEAN was founded on 8 August 1967"), found through the key of the pair or the
// organisation, and otherwise from the built-in table (knowledge/founding-dates.json).

import type { DateMention, PartyMention, Span } from '../analysis/types';
import type { Check, CheckedRelease, WorkspaceFacts } from './check';
import type { Finding, RelatedLocation } from './finding';
import { formatIsoDay, ordinal, placeOf, releaseProse, tokenRange, writesYear } from './textual';
import { eventReader, sentencePair, type EventReader } from './eventReader';
import { factsFingerprint } from './fingerprint';
import words from '../knowledge/event-words.json';
import table from '../knowledge/founding-dates.json';

const ANNIVERSARY_WORDS: readonly string[] = words.anniversaryWords;
const ANNIVERSARY = new Set<string>(ANNIVERSARY_WORDS);
const RELATIONS = new Set<string>(['relations', 'relationship', 'ties']);
const FOUNDING_NOUNS = new Set<string>(words.foundingWords);
const ESTABLISHED_VERBS = new Set<string>(words.establishedVerbs);
const ESTABLISHMENT_NOUNS = new Set<string>(words.establishmentNouns);
const CELEBRATE = new Set<string>(words.anniversaryCelebrate);
/** Words inside "of … diplomatic relations between A and B" besides names. */
const NP_WORDS = new Set<string>(['of', 'the', 'their', 'two', 'countries', "countries'", 'bilateral', 'diplomatic', 'between', 'and',
  '-', '–', '—', ...RELATIONS, ...FOUNDING_NOUNS, "'", '’', 's', 'nations', 'states', 'both', 'our']);
/** Words that make an anniversary one of something other than diplomatic relations or a founding. */
const OTHER_SUBJECTS = new Set<string>(['partnership', 'treaty', 'agreement', 'dialogue', 'friendship', 'cooperation', 'victory',
  'liberation', 'signing', 'charter', 'accord', 'accords', 'declaration', 'visit', 'summit', 'association', 'membership',
  'accession', 'admission', 'joining', 'normalisation', 'normalization']);

const SKIP_AFTER_NP = new Set<string>(['in', 'on', 'during', 'throughout']);

interface BuiltIn {
  readonly date: string;
  readonly name?: string;
}

const BUILT_IN = new Map<string, BuiltIn>();
for (const r of table.relations) BUILT_IN.set(relationsKey(r.parties), { date: r.date });
for (const o of table.organizations) BUILT_IN.set(`anniversary:${o.id}`, { date: o.date, name: o.name });
const ORG_NAMES = new Map<string, string>(table.organizations.map((o) => [o.id, o.name]));

function relationsKey(parties: readonly string[]): string {
  return `anniversary:${[...parties].sort().join('+')}`;
}

/** What an anniversary or a founding is of. */
interface Subject {
  readonly key: string;
  /** "relations" between two parties, or an organisation's founding. */
  readonly kind: 'relations' | 'organization';
  /** For an organisation, how to name it. */
  readonly name: string;
}

export interface AnniversaryFact extends Span {
  readonly subject: Subject;
  readonly ordinal: number;
  readonly year: number;
  /** The anniversary's year as written ("2022", "this year"). */
  readonly yearText: string;
}

export interface FoundingFact extends Span {
  readonly subject: Subject;
  /** ISO day, or a year alone ("1967"). */
  readonly date: string;
}

export interface Facts {
  readonly anniversaries: AnniversaryFact[];
  readonly foundings: FoundingFact[];
}

// ---------------------------------------------------------------------------------------------
// Reading the facts of one release.

/** The year of a date mention when it lies within one year, else null. */
function yearOf(date: DateMention): number | null {
  if (date.from === null || date.to === null || date.from.slice(0, 4) !== date.to.slice(0, 4)) return null;
  if (date.granularity === 'vague') return null;
  return Number(date.from.slice(0, 4));
}

/**
 * Reads "of …" after an anniversary (or a founding noun) from token `from`: the subject and the
 * index one past the noun phrase. Null when it is not of diplomatic relations or an organisation.
 */
function readSubject(r: EventReader, from: number, to: number): { subject: Subject; end: number } | null {
  const { s } = r;
  const sentenceStart = s.start[from]!;
  const sentenceEnd = s.end[from]!;
  const parties: PartyMention[] = [];
  let diplomatic = false;
  let relations = false;
  let i = from;
  while (i < to) {
    const party = r.partyAt.get(i);
    if (party) {
      parties.push(party.mention);
      i = party.last + 1;
      continue;
    }
    const w = s.words[i]!;
    if (OTHER_SUBJECTS.has(w)) return null;
    if (!NP_WORDS.has(w)) break;
    if (w === 'and' && !r.partyAt.has(i + 1)) break;
    if (w === 'diplomatic') diplomatic = true;
    if (RELATIONS.has(w)) relations = true;
    i++;
  }
  if (diplomatic && relations) {
    const countries = [...new Set(parties.filter((p) => p.kind === 'country' || p.kind === 'organization').map((p) => p.id))];
    const pair = countries.length === 2 ? countries : countries.length === 0 ? (sentencePair(r, sentenceStart, sentenceEnd) ?? r.pair) : null;
    if (!pair) return null;
    return { subject: { key: relationsKey(pair), kind: 'relations', name: 'relations' }, end: i };
  }
  if (!diplomatic && !relations && parties.length === 1 && parties[0]!.kind === 'organization') {
    // "of ASEAN", "of the founding of ASEAN" — and not "of the ASEAN Charter": the name ends the phrase.
    const next = s.tokens[i];
    if (next && next.kind === 'word' && /^\p{Lu}/u.test(r.release.text.slice(next.start, next.end))) return null;
    const org = parties[0]!;
    return { subject: { key: `anniversary:${org.id}`, kind: 'organization', name: ORG_NAMES.get(org.id) ?? org.text }, end: i };
  }
  return null;
}

/**
 * The anniversary's year, tied to it by the words around; null when no year is. A date right after
 * "the anniversary of the establishment of diplomatic relations" may be the founding date instead
 * ("… on 24 June 1967"): it is the anniversary's when it is within three years of the release's
 * own time (its date, or the latest year it writes), and is returned as `founding` otherwise.
 */
function anniversaryYear(
  r: EventReader,
  ordinalFirst: number,
  npEnd: number,
  npNamesFounding: boolean,
): { year: number | null; text: string; founding: DateMention | null } {
  const { s } = r;
  const sentenceStart = s.start[ordinalFirst]!;
  const sentenceEnd = s.end[ordinalFirst]!;
  let founding: DateMention | null = null;
  // After: "… anniversary of diplomatic relations in 2022", "… this year".
  let at = npEnd;
  if (at < sentenceEnd && SKIP_AFTER_NP.has(s.words[at]!)) at++;
  const after = r.dateAt.get(at);
  if (after) {
    const year = yearOf(after.date);
    if (year !== null) {
      if (!npNamesFounding || year >= nowYear(r) - 3) return { year, text: after.date.text, founding: null };
      if (writesYear(after.date)) founding = after.date;
    }
  }
  // Before: the nearest date before the ordinal in the sentence.
  let last = -1;
  let found: { date: DateMention; last: number; first: number } | null = null;
  for (let i = sentenceStart; i < ordinalFirst; i++) {
    const d = r.dateAt.get(i);
    if (d && d.last < ordinalFirst) {
      found = { ...d, first: i };
      last = d.last;
      i = d.last;
    }
  }
  const none = { year: null, text: '', founding };
  if (!found) return none;
  const year = yearOf(found.date);
  if (year === null) return none;
  const before = found.first > sentenceStart ? s.words[found.first - 1] : undefined;
  const beforeThat = found.first - 1 > sentenceStart ? s.words[found.first - 2] : undefined;
  const next = s.words[last + 1];
  const between = s.words.slice(last + 1, ordinalFirst);
  const tied =
    // "2022 marks the 55th anniversary", "This year is the 55th anniversary".
    (next !== undefined && CELEBRATE.has(next) && between.length <= 4) ||
    // "On 24 June 2022, the 55th anniversary".
    (next === ',' && between.length <= 3 && between[between.length - 1] === 'the') ||
    // "In 2022, …" opening the sentence.
    (found.first === sentenceStart + 1 && s.words[sentenceStart] === 'in' && next === ',') ||
    // "in 2022 as the two countries celebrate the 55th anniversary".
    ((next === 'as' || next === 'when' || next === 'while') && between.some(isCelebrating)) ||
    // "celebrate today the 55th anniversary", "will mark in 2022 the 56th anniversary".
    (between.length <= 1 && (between.length === 0 || between[0] === 'the') &&
      ((before !== undefined && isCelebrating(before)) ||
        ((before === 'in' || before === 'on') && beforeThat !== undefined && isCelebrating(beforeThat))));
  return tied ? { year, text: found.date.text, founding } : none;
}

/** The release's own year, or the latest year it writes. */
function nowYear(r: EventReader): number {
  const date = r.release.analysis.releaseDate;
  if (date) return Number(date.date.slice(0, 4));
  let latest = 0;
  for (const d of r.release.analysis.dates) if (d.to !== null && writesYear(d)) latest = Math.max(latest, Number(d.to.slice(0, 4)));
  return latest;
}

/** "celebrate", "marking", "commemorated", "observes": a verb of celebrating (not "is" or "will"). */
function isCelebrating(w: string): boolean {
  return CELEBRATE.has(w) && (w.startsWith('celebrat') || w.startsWith('mark') || w.startsWith('commemorat') || w.startsWith('observ'));
}

/**
 * Facts per release object: a release never changes once indexed (a new version is a new object),
 * and every release that shares a key reads its peers' facts, so without the memo each peer's text
 * was tokenised again for every release checked (most of the command line's time on 2,000 releases).
 */
const factsMemo = new WeakMap<CheckedRelease, Facts>();

/** The anniversaries and founding dates a release states. */
export function readFacts(release: CheckedRelease): Facts {
  let facts = factsMemo.get(release);
  if (!facts) factsMemo.set(release, (facts = readFactsOnce(release)));
  return facts;
}

function readFactsOnce(release: CheckedRelease): Facts {
  const anniversaries: AnniversaryFact[] = [];
  const foundings: FoundingFact[] = [];
  let figures = release.analysis.figures.filter((f) => f.kind === 'ordinal');
  const mayFound = hasFoundingWords(release);
  // An anniversary is an ordinal before one of its words: none without such a word in the folded text.
  if (figures.length > 0 && !ANNIVERSARY_WORDS.some((w) => releaseProse(release).folded.includes(w))) figures = [];
  if (figures.length === 0 && !mayFound) return { anniversaries, foundings };
  const r = eventReader(release);
  const { s } = r;
  for (const figure of figures) {
    const range = tokenRange(s.tokens, figure);
    if (!range) continue;
    const [first, last] = range;
    const sentenceEnd = s.end[first]!;
    let i = last + 1;
    // "the 55th founding anniversary", "the 55th Anniversary".
    if (i < sentenceEnd && FOUNDING_NOUNS.has(s.words[i]!)) i++;
    if (i >= sentenceEnd || !ANNIVERSARY.has(s.words[i]!)) continue;
    const anniversaryEnd = i + 1;
    let subject: { subject: Subject; end: number } | null = null;
    if (s.words[anniversaryEnd] === 'of') subject = readSubject(r, anniversaryEnd, Math.min(sentenceEnd, anniversaryEnd + 16));
    else subject = possessiveOrganisation(r, first);
    if (!subject) continue;
    const npEnd = subject.end > anniversaryEnd ? subject.end : anniversaryEnd;
    let namesFounding = false;
    for (let k = anniversaryEnd; k < npEnd; k++) if (ESTABLISHMENT_NOUNS.has(s.words[k]!)) namesFounding = true;
    const year = anniversaryYear(r, first, npEnd, namesFounding);
    if (year.founding) {
      // "the 55th anniversary of the establishment of diplomatic relations on 24 June 1967".
      foundings.push({ start: year.founding.start, end: year.founding.end, subject: subject.subject, date: foundingDate(year.founding) });
    }
    if (year.year === null) continue;
    const end = s.tokens[i]!.end;
    anniversaries.push({ start: figure.start, end, subject: subject.subject, ordinal: figure.value, year: year.year, yearText: year.text });
  }
  if (mayFound) readFoundings(r, foundings);
  return { anniversaries, foundings };
}

/** "ASEAN's 55th anniversary": an organisation and a possessive just before the ordinal. */
function possessiveOrganisation(r: EventReader, ordinalFirst: number): { subject: Subject; end: number } | null {
  const { s } = r;
  let i = ordinalFirst - 1;
  if (i >= 0 && s.words[i] === 's') i--;
  if (i >= 0 && (s.words[i] === "'" || s.words[i] === '’')) i--;
  else return null;
  for (const [start, party] of r.partyAt) {
    if (party.last === i && party.mention.kind === 'organization' && start <= i) {
      const id = party.mention.id;
      return { subject: { key: `anniversary:${id}`, kind: 'organization', name: ORG_NAMES.get(id) ?? party.mention.text }, end: ordinalFirst };
    }
  }
  return null;
}

function hasFoundingWords(release: CheckedRelease): boolean {
  const text = release.text;
  return /establish|found|formed|created|set up|normali[sz]/i.test(text);
}

/**
 * Founding statements: "established diplomatic relations on 24 June 1967", "diplomatic relations
 * (between A and B) were established in 1967", "since the establishment of diplomatic relations on
 * 24 June 1967", "ASEAN was founded on 8 August 1967", "the founding of ASEAN on 8 August 1967".
 */
function readFoundings(r: EventReader, foundings: FoundingFact[]): void {
  const { s } = r;
  const n = s.tokens.length;
  // Only three kinds of token start a founding statement; the others are passed over cheaply.
  const organisationsAt: number[] = [];
  for (const [at, party] of r.partyAt) if (party.mention.kind === 'organization') organisationsAt.push(at);
  organisationsAt.sort((a, b) => a - b);
  let nextOrganisation = 0;
  for (let i = 0; i < n; i++) {
    const w = s.words[i]!;
    while (nextOrganisation < organisationsAt.length && organisationsAt[nextOrganisation]! < i) nextOrganisation++;
    if (w !== 'diplomatic' && organisationsAt[nextOrganisation] !== i && !ESTABLISHMENT_NOUNS.has(w)) continue;
    const sentenceStart = s.start[i]!;
    const sentenceEnd = s.end[i]!;
    if (w === 'diplomatic' && i + 1 < sentenceEnd && RELATIONS.has(s.words[i + 1]!)) {
      // An establishing word just before ("established diplomatic relations", "the establishment of
      // diplomatic relations") or just after ("diplomatic relations … were established").
      let established = false;
      let j = i - 1;
      if (j >= sentenceStart && s.words[j] === 'of') j--;
      if (j >= sentenceStart && (s.words[j] === 'the' || s.words[j] === 'their')) j--;
      if (j >= sentenceStart && (ESTABLISHED_VERBS.has(s.words[j]!) || ESTABLISHMENT_NOUNS.has(s.words[j]!))) {
        // Not "the 55th anniversary of the establishment of diplomatic relations": that is an anniversary.
        let k = j - 1;
        if (k >= sentenceStart && s.words[k] === 'the') k--;
        if (k >= sentenceStart && s.words[k] === 'of') k--;
        established = !(k >= sentenceStart && ANNIVERSARY.has(s.words[k]!));
      }
      const subject = readSubject(r, i, Math.min(sentenceEnd, i + 12));
      if (!subject) continue;
      let at = subject.end;
      if (!established) {
        // "… were established on", "… was set up in", "relations, established on".
        if (at < sentenceEnd && s.words[at] === ',' && ESTABLISHED_VERBS.has(s.words[at + 1] ?? '')) at++;
        if (at < sentenceEnd && (s.words[at] === 'were' || s.words[at] === 'was' || s.words[at] === 'have' || s.words[at] === 'had')) at++;
        if (at < sentenceEnd && s.words[at] === 'been') at++;
        if (at < sentenceEnd && ESTABLISHED_VERBS.has(s.words[at]!)) {
          established = true;
          at++;
          if (s.words[at - 1] === 'set' && s.words[at] === 'up') at++;
        }
      }
      if (!established) continue;
      const date = dateAfter(r, at, sentenceEnd);
      if (date) foundings.push({ start: date.start, end: date.end, subject: subject.subject, date: foundingDate(date) });
      continue;
    }
    const party = r.partyAt.get(i);
    if (party && party.mention.kind === 'organization') {
      // "ASEAN was founded on 8 August 1967".
      let at = party.last + 1;
      if (at < sentenceEnd && (s.words[at] === 'was' || s.words[at] === 'were')) at++;
      else continue;
      if (at < sentenceEnd && ESTABLISHED_VERBS.has(s.words[at]!)) at++;
      else continue;
      const date = dateAfter(r, at, sentenceEnd);
      const id = party.mention.id;
      if (date) foundings.push({ start: date.start, end: date.end, subject: { key: `anniversary:${id}`, kind: 'organization', name: ORG_NAMES.get(id) ?? party.mention.text }, date: foundingDate(date) });
      continue;
    }
    if (ESTABLISHMENT_NOUNS.has(w) && s.words[i + 1] === 'of') {
      // "the founding of ASEAN on 8 August 1967" (not after "anniversary of").
      let k = i - 1;
      if (k >= sentenceStart && s.words[k] === 'the') k--;
      if (k >= sentenceStart && s.words[k] === 'of') k--;
      if (k >= sentenceStart && ANNIVERSARY.has(s.words[k]!)) continue;
      let at = i + 2;
      if (s.words[at] === 'the') at++;
      const org = r.partyAt.get(at);
      if (!org || org.mention.kind !== 'organization') continue;
      const date = dateAfter(r, org.last + 1, sentenceEnd);
      const id = org.mention.id;
      if (date) foundings.push({ start: date.start, end: date.end, subject: { key: `anniversary:${id}`, kind: 'organization', name: ORG_NAMES.get(id) ?? org.mention.text }, date: foundingDate(date) });
    }
  }
}

/** A date with its year written, right after "on" or "in" at token `at`. */
function dateAfter(r: EventReader, at: number, sentenceEnd: number): DateMention | null {
  if (at >= sentenceEnd || (r.s.words[at] !== 'on' && r.s.words[at] !== 'in')) return null;
  const d = r.dateAt.get(at + 1);
  if (!d || !writesYear(d.date) || yearOf(d.date) === null) return null;
  if (d.date.granularity !== 'day' && d.date.granularity !== 'month' && d.date.granularity !== 'year') return null;
  return d.date;
}

function foundingDate(date: DateMention): string {
  return date.granularity === 'day' ? date.from! : date.from!.slice(0, 4);
}

// ---------------------------------------------------------------------------------------------
// The check.

function describeFounding(subject: Subject, date: string): string {
  const when = date.length > 4 ? `on ${formatIsoDay(date)}` : `in ${date}`;
  return subject.kind === 'relations' ? `relations were established ${when}` : `${subject.name} was founded ${when}`;
}

export const anniversaryMismatch: Check = {
  code: 'anniversary-mismatch',
  description: 'An Nth anniversary that contradicts the founding date stated elsewhere.',
  scope: 'workspace',
  keys(release: CheckedRelease): Iterable<string> {
    const facts = readFacts(release);
    return new Set([...facts.anniversaries, ...facts.foundings].map((f) => f.subject.key));
  },
  // Other releases read this one's founding dates only (their own anniversaries are theirs).
  fingerprint(release: CheckedRelease, key: string): string {
    return factsFingerprint(release, readFacts(release).foundings.filter((f) => f.subject.key === key));
  },
  run(release: CheckedRelease, workspace: WorkspaceFacts): Finding[] {
    const findings: Finding[] = [];
    const facts = readFacts(release);
    if (facts.anniversaries.length === 0) return findings;
    const stated = new Map<string, { release: CheckedRelease; fact: FoundingFact }[]>();
    const statedFor = (key: string): { release: CheckedRelease; fact: FoundingFact }[] => {
      let list = stated.get(key);
      if (list) return list;
      list = facts.foundings.filter((f) => f.subject.key === key).map((fact) => ({ release, fact }));
      for (const other of workspace.releasesWithKey(key)) {
        if (other.uri === release.uri) continue;
        for (const fact of readFacts(other).foundings) if (fact.subject.key === key) list.push({ release: other, fact });
      }
      stated.set(key, list);
      return list;
    };
    for (const a of facts.anniversaries) {
      const implied = a.year - a.ordinal;
      const foundings = statedFor(a.subject.key);
      if (foundings.some((f) => Number(f.fact.date.slice(0, 4)) === implied)) continue;
      const head = `${ordinal(a.ordinal)} anniversary in ${a.year} implies ${implied}, but`;
      const related: RelatedLocation[] = [];
      let message: string;
      if (foundings.length > 0) {
        const f = foundings[0]!;
        message = `${head} ${describeFounding(a.subject, f.fact.date)} (${placeOf(f.release, f.fact.start, release)})`;
        related.push({ uri: f.release.uri, start: f.fact.start, end: f.fact.end, message: `founding date: ${f.fact.date}` });
      } else {
        // The workspace configuration's founding dates come before the built-in table.
        const configured = release.config?.foundingDates?.get(a.subject.key);
        const builtIn = configured ?? BUILT_IN.get(a.subject.key);
        if (!builtIn || Number(builtIn.date.slice(0, 4)) === implied) continue;
        message = `${head} ${describeFounding(a.subject, builtIn.date)} (${configured ? 'workspace configuration' : 'built-in'})`;
      }
      findings.push({ code: 'anniversary-mismatch', severity: 'warning', message, start: a.start, end: a.end, related });
    }
    return findings;
  },
};
