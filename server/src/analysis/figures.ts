// Figures: money, percentages, counts, ordinals and plain numbers, with value, unit, precision,
// qualifier and modality.

import type { Figure, Span } from './types';
import type { ProseContext } from './text';

/**
 * Finds every figure in the prose. `exclude` holds spans already taken by dates (years, day
 * numbers) and parties, where no figure may start.
 */
export function extractFigures(context: ProseContext, exclude: readonly Span[]): Figure[] {
  void context;
  void exclude;
  return [];
}
