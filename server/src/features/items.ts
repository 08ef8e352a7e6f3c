// Finding what stands at an offset of an analysed release: the figure, date or party a hover,
// a reference search or a highlight is about.

import type { DateMention, DocumentAnalysis, Figure, PartyMention, Span } from '../analysis/types';

export type AnalysedItem =
  | { readonly kind: 'figure'; readonly item: Figure }
  | { readonly kind: 'date'; readonly item: DateMention }
  | { readonly kind: 'party'; readonly item: PartyMention };

/** The innermost figure, date or party whose span contains `offset` (an offset right after it counts too). */
export function itemAt(analysis: DocumentAnalysis, offset: number): AnalysedItem | null {
  let best: AnalysedItem | null = null;
  const consider = (candidate: AnalysedItem): void => {
    const span = candidate.item;
    if (offset < span.start || offset > span.end) return;
    if (!best || span.end - span.start < best.item.end - best.item.start) best = candidate;
  };
  for (const item of containing(analysis.figures, offset)) consider({ kind: 'figure', item });
  for (const item of containing(analysis.dates, offset)) consider({ kind: 'date', item });
  for (const item of containing(analysis.parties, offset)) consider({ kind: 'party', item });
  return best;
}

/** Spans of a list sorted by start that contain `offset`; binary search, then a short scan back. */
function containing<T extends Span>(spans: readonly T[], offset: number): T[] {
  let low = 0;
  let high = spans.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (spans[mid]!.start <= offset) low = mid + 1;
    else high = mid;
  }
  const found: T[] = [];
  // Spans rarely nest, and never deeply: a short look back is enough.
  for (let i = low - 1; i >= 0 && i >= low - 8; i--) {
    const span = spans[i]!;
    if (span.start <= offset && offset <= span.end) found.push(span);
  }
  return found;
}
