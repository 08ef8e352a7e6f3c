// The outline of a release: its parties, figures and dates, grouped, as plain data. The LSP layer
// turns it into document symbols.

import type { DocumentAnalysis, Span } from '../analysis/types';
import { metricDefinition, type MetricVocabulary } from '../analysis/claims';
import { formatFigureValue } from './format';
import { metricKey } from './peers';

export type OutlineKind = 'group' | 'country' | 'person' | 'organization' | 'party' | 'figure' | 'date';

export interface OutlineNode {
  readonly name: string;
  readonly detail: string;
  readonly kind: OutlineKind;
  /** The whole extent of the node. */
  readonly span: Span;
  /** What to reveal and select when the node is picked. */
  readonly selection: Span;
  readonly children: readonly OutlineNode[];
}

/** `metrics`: the release's metric vocabulary, so a metric its configuration defines is shown by its name. */
export function outline(analysis: DocumentAnalysis, metrics?: MetricVocabulary): OutlineNode[] {
  const groups: OutlineNode[] = [];

  const parties: OutlineNode[] = [];
  for (const summary of analysis.partySummaries) {
    const mentions = analysis.parties.filter((m) => m.id === summary.id);
    const first = mentions[0];
    if (!first) continue;
    const last = mentions[mentions.length - 1]!;
    parties.push({
      name: summary.name,
      detail: `${summary.kind} · ${summary.mentionCount} mention${summary.mentionCount === 1 ? '' : 's'}`,
      kind: summary.kind === 'other' ? 'party' : summary.kind,
      span: { start: first.start, end: last.end },
      selection: { start: first.start, end: first.end },
      children: [],
    });
  }
  if (parties.length > 0) groups.push(group('Parties', parties));

  const figures: OutlineNode[] = analysis.figures.map((figure) => ({
    name: figure.text.replace(/\s+/g, ' '),
    detail: `${formatFigureValue(figure)}${figure.qualifier === 'exact' ? '' : ` (${figure.qualifier})`}${
      figure.modality === 'actual' ? '' : ` · ${figure.modality}`
    }`,
    kind: 'figure',
    span: figure,
    selection: figure,
    children: [],
  }));
  if (figures.length > 0) groups.push(group('Figures', byMetric(analysis, figures, metrics)));

  const dates: OutlineNode[] = analysis.dates.map((date) => ({
    name: date.text.replace(/\s+/g, ' '),
    detail: date.from && date.to ? (date.from === date.to ? date.from : `${date.from} → ${date.to}`) : 'unresolved',
    kind: 'date',
    span: date,
    selection: date,
    children: [],
  }));
  if (dates.length > 0) groups.push(group('Dates', dates));
  return groups;
}

function group(name: string, children: OutlineNode[]): OutlineNode {
  let start = Number.POSITIVE_INFINITY;
  let end = 0;
  for (const child of children) {
    start = Math.min(start, child.span.start);
    end = Math.max(end, child.span.end);
  }
  const first = children[0]!;
  return { name, detail: `${children.length}`, kind: 'group', span: { start, end }, selection: first.selection, children };
}

/**
 * Figures grouped by what they measure: one node per metric and parties ("two-way trade ·
 * Cambodia–Viet Nam"), in order of first figure, then the figures that measure nothing known.
 */
function byMetric(analysis: DocumentAnalysis, nodes: readonly OutlineNode[], metrics: MetricVocabulary | undefined): OutlineNode[] {
  const claimOf = new Map((analysis.claims ?? []).map((c) => [c.figureIndex, c]));
  const groups = new Map<string, { name: string; children: OutlineNode[] }>();
  const loose: OutlineNode[] = [];
  nodes.forEach((node, index) => {
    const claim = claimOf.get(index);
    const key = claim ? metricKey(claim) : null;
    if (!claim || key === null || claim.metric === null) {
      loose.push(node);
      return;
    }
    let entry = groups.get(key);
    if (!entry) {
      const names = claim.parties.map((id) => analysis.partySummaries.find((p) => p.id === id)?.name ?? id);
      const metric = metricDefinition(claim.metric, metrics)?.name ?? claim.metric;
      groups.set(key, (entry = { name: `${metric} · ${names.join(claim.directional ? ' → ' : '–')}`, children: [] }));
    }
    entry.children.push(node);
  });
  return [...[...groups.values()].map((g) => group(g.name, g.children)), ...loose];
}
