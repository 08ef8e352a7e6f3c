// The whole analysis of one release: text and URI in, plain data out. Every editor feature and the
// command line read this one result; a document is analysed once per version.

import type { DocumentAnalysis, Span } from './types';
import { computeLineStarts, formatOf, proseContext, type ProseContext } from './text';
import { extractDates, findReleaseDate } from './dates';
import { extractParties } from './parties';
import { extractFigures } from './figures';
import { extractClaims, type MetricVocabulary } from './claims';
import type { DocumentFormat } from './types';
import type { Gazetteer } from '../knowledge/gazetteer';

export interface AnalysisOptions {
  /** Overrides the format told by the URI's file extension. */
  readonly format?: DocumentFormat;
  /** The parties to know: the built-in gazetteer when absent, or one a configuration built. */
  readonly gazetteer?: Gazetteer;
  /** The metric phrases to match: the built-in vocabulary when absent, or one a configuration built. */
  readonly metrics?: MetricVocabulary;
  /**
   * Called with the prose context the analysis read (prose view, tokens, sentences' raw material),
   * so a caller that goes on to check the release need not tokenize it again.
   */
  readonly onContext?: (context: ProseContext) => void;
}

export function analyseDocument(text: string, uri: string, options: AnalysisOptions = {}): DocumentAnalysis {
  const format = options.format ?? formatOf(uri);
  const context = proseContext(text, uri, format);
  options.onContext?.(context);
  const releaseDate = findReleaseDate(context);
  const dates = extractDates(context, releaseDate);
  const { mentions: parties, summaries: partySummaries } = extractParties(context, options.gazetteer);
  // Years and day numbers belong to dates, "19" of "COVID-19" and "20" of "G20" to names: no figure
  // may start inside a date or a party.
  const taken = mergeByStart(dates, parties);
  const figures = extractFigures(context, taken);
  const claims = extractClaims(context, { figures, dates, parties, releaseDate, ...(options.metrics ? { vocabulary: options.metrics } : {}) });
  return {
    uri,
    format,
    length: text.length,
    releaseDate,
    figures,
    dates,
    parties,
    partySummaries,
    lineStarts: computeLineStarts(text),
    claims,
  };
}

/**
 * `[...a, ...b].sort((x, y) => x.start - y.start)`: both lists are in text order already, so a merge
 * gives the same (stable) order without sorting; a list out of order is sorted as before.
 */
function mergeByStart(a: readonly Span[], b: readonly Span[]): Span[] {
  if (!sortedByStart(a) || !sortedByStart(b)) return [...a, ...b].sort((x, y) => x.start - y.start);
  const out: Span[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) out.push(a[i]!.start <= b[j]!.start ? a[i++]! : b[j++]!);
  while (i < a.length) out.push(a[i++]!);
  while (j < b.length) out.push(b[j++]!);
  return out;
}

function sortedByStart(list: readonly Span[]): boolean {
  for (let i = 1; i < list.length; i++) if (list[i]!.start < list[i - 1]!.start) return false;
  return true;
}
