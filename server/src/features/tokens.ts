// Semantic classification of a release: every figure, date and party with a token type and
// modifiers, in document order. The legend is the contract with the manifest's
// `semanticTokenTypes`, `semanticTokenModifiers` and `semanticTokenScopes`.

import type { DocumentAnalysis, Span } from '../analysis/types';

export const TOKEN_TYPES = ['figure', 'date', 'party'] as const;
export const TOKEN_MODIFIERS = [
  'money',
  'percent',
  'count',
  'ordinal',
  'approximate',
  'target',
  'relative',
  'unresolved',
  'country',
  'person',
  'organization',
] as const;

export type TokenType = (typeof TOKEN_TYPES)[number];
export type TokenModifier = (typeof TOKEN_MODIFIERS)[number];

export interface ClassifiedSpan extends Span {
  readonly type: TokenType;
  readonly modifiers: readonly TokenModifier[];
}

export function classify(analysis: DocumentAnalysis): ClassifiedSpan[] {
  const spans: ClassifiedSpan[] = [];
  for (const figure of analysis.figures) {
    const modifiers: TokenModifier[] = [];
    if (figure.kind === 'money' || figure.kind === 'percent' || figure.kind === 'count' || figure.kind === 'ordinal') modifiers.push(figure.kind);
    if (figure.qualifier !== 'exact') modifiers.push('approximate');
    if (figure.modality !== 'actual') modifiers.push('target');
    spans.push({ start: figure.start, end: figure.end, type: 'figure', modifiers });
  }
  for (const date of analysis.dates) {
    const modifiers: TokenModifier[] = [];
    if (date.relative) modifiers.push('relative');
    if (date.relative && date.from === null && date.granularity !== 'vague') modifiers.push('unresolved');
    spans.push({ start: date.start, end: date.end, type: 'date', modifiers });
  }
  for (const party of analysis.parties) {
    const modifiers: TokenModifier[] = [];
    if (party.kind === 'country' || party.kind === 'person' || party.kind === 'organization') modifiers.push(party.kind);
    spans.push({ start: party.start, end: party.end, type: 'party', modifiers });
  }
  spans.sort((a, b) => a.start - b.start || b.end - a.end);
  // Semantic tokens may not overlap: keep the first (outermost) of overlapping spans.
  const result: ClassifiedSpan[] = [];
  let lastEnd = -1;
  for (const span of spans) {
    if (span.start < lastEnd) continue;
    result.push(span);
    lastEnd = span.end;
  }
  return result;
}
