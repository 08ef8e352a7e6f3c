// ordinal-sequence: numbered meetings of one series whose dates contradict their order ("the 8th
// Political Consultations" dated before "the 7th"). A contradiction of dates: warning.
//
// A numbered meeting is an ordinal before a capitalised name that holds a meeting word ("Political
// Consultations", "ASEAN Summit", "Meeting of the Joint Commission on …"), with a date tied to it:
// right after the name ("… in 2023", "… on 25-26 November 2021", "… to be held in December 2021
// in Cambodia"), or opening the sentence ("On 21 October 2021, … co-chaired the 7th Political
// Consultations") when the sentence does not speak of the future. The series is the name folded,
// without the ordinal, names of parties and small words ("political consultation"), with the
// parties it names ("between Cambodia and Viet Nam", "ASEAN"); a name with no party takes the two
// countries of its sentence, or else the release's when it names exactly two, and a meeting with no
// party at all is not compared. A higher number
// dated wholly before a lower one of the same series is reported, on each of the two.

import type { DateMention, Figure, Span } from '../analysis/types';
import type { Check, CheckedRelease, WorkspaceFacts } from './check';
import type { Finding } from './finding';
import { ordinal, placeOf, speaksOfFuture, tokenRange } from './textual';
import { eventReader, sentencePair, type EventReader } from './eventReader';
import { factsFingerprint } from './fingerprint';
import words from '../knowledge/event-words.json';

const CONNECTORS = new Set<string>(words.seriesConnectors);
const FILLERS = new Set<string>(words.seriesFillers);
const SERIES_NOUNS = new Set<string>(words.seriesNouns);
const MAX_NAME = 18;
const MAX_FILLERS = 10;

export interface NumberedMeeting extends Span {
  /** The ordinal. */
  readonly number: number;
  /** The series key: folded name words and party ids. */
  readonly key: string;
  /** The name as written, white space collapsed ("Political Consultations"). */
  readonly name: string;
  readonly date: DateMention;
}

interface Reader extends EventReader {
  /** The ordinal starting at each token index, with the index of its last token. */
  readonly ordinalAt: ReadonlyMap<number, { readonly figure: Figure; readonly last: number }>;
}

function isCapitalised(release: CheckedRelease, start: number): boolean {
  const c = release.text.charCodeAt(start);
  const ch = String.fromCharCode(c);
  return ch !== ch.toLowerCase() && ch === ch.toUpperCase();
}

function singular(word: string): string {
  if (word.length > 3 && word.endsWith('s') && !word.endsWith('ss') && word !== 'games' && word !== 'talks') return word.slice(0, -1);
  return word;
}

/**
 * The numbered meetings a release states, with their dates. Kept per release object (which never
 * changes once made): the keys, the fingerprint of every key and each peer's run read them, and
 * each reading would split the release into sentences again.
 */
export function numberedMeetings(release: CheckedRelease): readonly NumberedMeeting[] {
  let meetings = meetingsMemo.get(release);
  if (!meetings) meetingsMemo.set(release, (meetings = readMeetings(release)));
  return meetings;
}

const meetingsMemo = new WeakMap<CheckedRelease, readonly NumberedMeeting[]>();

function readMeetings(release: CheckedRelease): NumberedMeeting[] {
  const meetings: NumberedMeeting[] = [];
  const ordinals = release.analysis.figures.filter((f) => f.kind === 'ordinal');
  if (ordinals.length === 0) return meetings;
  const events = eventReader(release);
  const { s } = events;
  const ordinalAt = new Map<number, { figure: Figure; last: number }>();
  for (const figure of ordinals) {
    const range = tokenRange(s.tokens, figure);
    if (range) ordinalAt.set(range[0], { figure, last: range[1] });
  }
  const r: Reader = { ...events, ordinalAt };
  const done = new Set<Figure>();
  for (const [first, { figure, last }] of r.ordinalAt) {
    if (done.has(figure)) continue;
    // "the 40th and 41st ASEAN Summits": a list of ordinals sharing one name.
    const list: { figure: Figure; first: number }[] = [{ figure, first }];
    let end = last;
    for (;;) {
      const w = s.words[end + 1];
      const next = r.ordinalAt.get(end + 2);
      if ((w === 'and' || w === ',' || w === '&') && next && s.end[end + 2] === s.end[first]) {
        list.push({ figure: next.figure, first: end + 2 });
        done.add(next.figure);
        end = next.last;
      } else break;
    }
    const meeting = readMeeting(r, first, end + 1);
    if (!meeting) continue;
    for (const item of list) {
      meetings.push({ start: item.figure.start, end: meeting.nameEnd, number: item.figure.value, key: meeting.key, name: meeting.name, date: meeting.date });
    }
  }
  return meetings;
}

/** Reads the name after the ordinal(s) at token `from`, its parties and its date. */
function readMeeting(r: Reader, ordinalFirst: number, from: number): { key: string; name: string; nameEnd: number; date: DateMention } | null {
  const { s, release } = r;
  const sentenceStart = s.start[ordinalFirst]!;
  const sentenceEnd = s.end[ordinalFirst]!;
  const nameWords: string[] = [];
  const parties = new Set<string>();
  let meetingWord = false;
  let namesCountry = false;
  let afterOn = false;
  let i = from;
  let lastNamed = -1; // index of the last capitalised word or party of the name
  while (i < sentenceEnd && i < from + MAX_NAME) {
    const party = r.partyAt.get(i);
    if (party) {
      if (party.mention.kind !== 'person') parties.add(party.mention.id);
      if (party.mention.kind === 'country') namesCountry = true;
      for (let k = i; k <= party.last; k++) if (SERIES_NOUNS.has(s.words[k]!)) meetingWord = true;
      lastNamed = party.last;
      i = party.last + 1;
      continue;
    }
    const t = s.tokens[i]!;
    const w = s.words[i]!;
    if (t.kind === 'word' && isCapitalised(release, t.start) && !CONNECTORS.has(w)) {
      nameWords.push(w);
      if (SERIES_NOUNS.has(w)) meetingWord = true;
      lastNamed = i;
      i++;
      continue;
    }
    if (CONNECTORS.has(w)) {
      if (w === 'on') afterOn = true;
      i++;
      continue;
    }
    // "on Economic, Cultural, Scientific and Technological Cooperation": commas inside the name's tail.
    if (w === ',' && afterOn && i + 1 < sentenceEnd && isCapitalised(release, s.tokens[i + 1]!.start)) {
      i++;
      continue;
    }
    break;
  }
  if (lastNamed < from || !meetingWord) return null;
  // "between Cambodia and Viet Nam" right after the name, when the name did not take it in.
  const nameEnd = lastNamed + 1;
  // "Cambodia and Laos held the 10th Meeting of the Joint Border Committee": a name without countries
  // takes the two of its sentence, so another pair's committee is another series.
  if (!namesCountry) for (const id of sentencePair(r, sentenceStart, sentenceEnd) ?? []) parties.add(id);
  if (parties.size === 0 && r.pair) for (const id of r.pair) parties.add(id);
  if (parties.size === 0) return null;
  const date =
    dateAfterName(r, nameEnd, sentenceEnd) ??
    dateJustBefore(r, sentenceStart, sentenceEnd, ordinalFirst) ??
    dateOpeningSentence(r, sentenceStart, sentenceEnd, ordinalFirst);
  if (!date) return null;
  const key = `series:${nameWords.map(singular).join(' ')}|${[...parties].sort().join('+')}`;
  const name = release.text.slice(s.tokens[from]!.start, s.tokens[lastNamed]!.end).replace(/\s+/g, ' ');
  return { key, name, nameEnd: s.tokens[lastNamed]!.end, date };
}

function usable(date: DateMention): boolean {
  return date.from !== null && date.to !== null && date.granularity !== 'vague';
}

/** A date a few filler words after the name: "in 2023", "to be held in December 2021 in Cambodia", "on 25-26 November 2021". */
function dateAfterName(r: Reader, from: number, sentenceEnd: number): DateMention | null {
  const { s, release } = r;
  let fillers = 0;
  let i = from;
  let inPlace = false; // after "in" or "at", capitalised words name a place ("in Phnom Penh")
  while (i < sentenceEnd && fillers <= MAX_FILLERS) {
    const date = r.dateAt.get(i);
    if (date) return usable(date.date) ? date.date : null;
    const party = r.partyAt.get(i);
    if (party) {
      i = party.last + 1;
      fillers++;
      continue;
    }
    const t = s.tokens[i]!;
    const w = s.words[i]!;
    const place: boolean = t.kind === 'word' && isCapitalised(release, t.start) && inPlace;
    if (!FILLERS.has(w) && !place && w !== 'on' && w !== 'from' && w !== 'during') return null;
    inPlace = w === 'in' || w === 'at' || place;
    i++;
    fillers++;
  }
  return null;
}

const JUST_BEFORE = new Set([',', 'for', 'at', 'the', 'during', 'of']);

/** "met on Thursday, 21 October 2021, for the 7th Political Consultations": a date a few small words before the ordinal. */
function dateJustBefore(r: Reader, sentenceStart: number, sentenceEnd: number, ordinalFirst: number): DateMention | null {
  const { s } = r;
  let i = ordinalFirst - 1;
  while (i >= sentenceStart && ordinalFirst - i <= 4 && JUST_BEFORE.has(s.words[i]!)) i--;
  if (i === ordinalFirst - 1 || i < sentenceStart) return null;
  for (const [first, date] of [...r.dateAt].filter(([, d]) => d.last === i)) {
    if (first < sentenceStart || !usable(date.date)) continue;
    if (speaksOfFuture(s, sentenceStart, sentenceEnd)) return null;
    return date.date;
  }
  return null;
}

/** "On 21 October 2021, … the 7th …": a date opening a sentence that does not speak of the future. */
function dateOpeningSentence(r: Reader, sentenceStart: number, sentenceEnd: number, ordinalFirst: number): DateMention | null {
  const { s } = r;
  const w = s.words[sentenceStart];
  if (w !== 'on' && w !== 'in') return null;
  const date = r.dateAt.get(sentenceStart + 1);
  if (!date || !usable(date.date) || date.last >= ordinalFirst) return null;
  if (s.words[date.last + 1] !== ',') return null;
  if (speaksOfFuture(s, sentenceStart, sentenceEnd)) return null;
  // Another date between the opening one and the ordinal would be nearer to it: not this one's.
  for (let i = date.last + 1; i < ordinalFirst; i++) if (r.dateAt.has(i)) return null;
  return date.date;
}

function when(date: DateMention): string {
  const written = date.text.replace(/\s+/g, ' ');
  if (!date.relative) return written;
  const resolved = date.from === date.to ? date.from! : date.from!.slice(0, 4) === date.to!.slice(0, 4) && date.granularity === 'year' ? date.from!.slice(0, 4) : `${date.from} to ${date.to}`;
  return `${written} (${resolved})`;
}

export const ordinalSequence: Check = {
  code: 'ordinal-sequence',
  description: 'Numbered meetings whose dates contradict their order.',
  scope: 'workspace',
  keys(release: CheckedRelease): Iterable<string> {
    return new Set(numberedMeetings(release).map((m) => m.key));
  },
  fingerprint(release: CheckedRelease, key: string): string {
    return factsFingerprint(release, numberedMeetings(release).filter((m) => m.key === key));
  },
  run(release: CheckedRelease, workspace: WorkspaceFacts): Finding[] {
    const findings: Finding[] = [];
    const mine = numberedMeetings(release);
    if (mine.length === 0) return findings;
    const peers = new Map<string, { release: CheckedRelease; meeting: NumberedMeeting }[]>();
    for (const key of new Set(mine.map((m) => m.key))) {
      const list = mine.filter((m) => m.key === key).map((meeting) => ({ release, meeting }));
      for (const other of workspace.releasesWithKey(key)) {
        if (other.uri === release.uri) continue;
        for (const meeting of numberedMeetings(other)) if (meeting.key === key) list.push({ release: other, meeting });
      }
      peers.set(key, list);
    }
    for (const m of mine) {
      for (const o of peers.get(m.key) ?? []) {
        const other = o.meeting;
        if (other === m || other.number === m.number) continue;
        const contradicts =
          (m.number > other.number && m.date.to! < other.date.from!) || (m.number < other.number && m.date.from! > other.date.to!);
        if (!contradicts) continue;
        const order = m.number > other.number ? 'before' : 'after';
        findings.push({
          code: 'ordinal-sequence',
          severity: 'warning',
          message:
            `the ${ordinal(m.number)} ${m.name} is dated ${when(m.date)}, ${order} the ${ordinal(other.number)} ` +
            `dated ${when(other.date)} (${placeOf(o.release, other.start, release)})`,
          start: m.start,
          end: m.end,
          related: [{ uri: o.release.uri, start: other.start, end: other.end, message: `the ${ordinal(other.number)}: ${when(other.date)}` }],
        });
        break;
      }
    }
    return findings;
  },
};
