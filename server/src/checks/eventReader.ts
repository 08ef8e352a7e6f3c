// What the event checks (anniversary-mismatch, ordinal-sequence) read of a release besides its
// words: the party and date mentions by the token they start at, so a reading that walks the
// sentence's tokens meets them, and the two countries a release or a sentence names (the pair an
// anniversary of relations or a meeting without named parties is about).

import type { DateMention, PartyMention } from '../analysis/types';
import type { CheckedRelease } from './check';
import { releaseSentences, tokenRange, type Sentences } from './textual';

export interface EventReader {
  readonly release: CheckedRelease;
  readonly s: Sentences;
  /** The party mention starting at each token index, with the index of its last token. */
  readonly partyAt: ReadonlyMap<number, { readonly mention: PartyMention; readonly last: number }>;
  /** The date mention starting at each token index, with the index of its last token. */
  readonly dateAt: ReadonlyMap<number, { readonly date: DateMention; readonly last: number }>;
  /** The release's two countries, when it names exactly two. */
  readonly pair: readonly string[] | null;
}

export function eventReader(release: CheckedRelease): EventReader {
  const s = releaseSentences(release);
  const partyAt = new Map<number, { mention: PartyMention; last: number }>();
  const countries = new Set<string>();
  for (const mention of release.analysis.parties) {
    if (mention.kind === 'country') countries.add(mention.id);
    const range = tokenRange(s.tokens, mention);
    if (range) partyAt.set(range[0], { mention, last: range[1] });
  }
  const dateAt = new Map<number, { date: DateMention; last: number }>();
  for (const date of release.analysis.dates) {
    const range = tokenRange(s.tokens, date);
    if (range) dateAt.set(range[0], { date, last: range[1] });
  }
  return { release, s, partyAt, dateAt, pair: countries.size === 2 ? [...countries] : null };
}

/** The two countries the sentence tokens [from, to) name, when they name exactly two. */
export function sentencePair(r: EventReader, from: number, to: number): string[] | null {
  const countries = new Set<string>();
  for (let i = from; i < to; i++) {
    const party = r.partyAt.get(i);
    if (party && party.mention.kind === 'country') countries.add(party.mention.id);
  }
  return countries.size === 2 ? [...countries] : null;
}
