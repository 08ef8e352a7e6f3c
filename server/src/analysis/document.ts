// The whole analysis of one release: text and URI in, plain data out. Every editor feature and the
// command line read this one result; a document is analysed once per version.

import type { DocumentAnalysis, Span } from './types';
import { computeLineStarts, formatOf, proseContext } from './text';
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
}

export function analyseDocument(text: string, uri: string, options: AnalysisOptions = {}): DocumentAnalysis {
  const format = options.format ?? formatOf(uri);
  const context = proseContext(text, uri, format);
  const releaseDate = findReleaseDate(context);
  const dates = extractDates(context, releaseDate);
  const { mentions: parties, summaries: partySummaries } = extractParties(context, options.gazetteer);
  // Years and day numbers belong to dates, "19" of "COVID-19" and "20" of "G20" to names: no figure
  // may start inside a date or a party.
  const taken: Span[] = [...dates, ...parties].sort((a, b) => a.start - b.start);
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
