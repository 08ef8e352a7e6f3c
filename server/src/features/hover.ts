// Hover cards: what a figure, a date or a party in a release means, as compact Markdown that reads
// in light and dark themes. Plain strings out; the LSP layer wraps them.

import type { DateMention, DocumentAnalysis, Figure, PartyMention, PartySummary, Span } from '../analysis/types';
import { periodLabel, WEEKDAY_NAMES } from '../analysis/calendar';
import { positionAt } from '../analysis/text';
import { itemAt } from './items';
import { metricDefinition, type MetricVocabulary } from '../analysis/claims';
import type { WorkspaceView } from './peers';
import { dateContext, figureContext, partyContext } from './hoverContext';
import {
  describeDistance,
  formatFigureValue,
  formatLongDate,
  formatNumber,
  formatScaled,
  roundingInterval,
  weekdayOf,
} from './format';

export interface HoverCard {
  readonly markdown: string;
  /** The span the card is about, for the editor to highlight. */
  readonly span: Span;
}

/**
 * The card for what stands at `offset`. With a workspace view, the card also places the item in the
 * workspace: the same metric in other releases, the same day, the party's forms and titles elsewhere.
 * `metrics`: the vocabulary the release was analysed with, so a metric its configuration defines is named.
 */
export function hoverAt(analysis: DocumentAnalysis, offset: number, workspace?: WorkspaceView, metrics?: MetricVocabulary): HoverCard | null {
  const found = itemAt(analysis, offset);
  if (!found) return null;
  switch (found.kind) {
    case 'figure': {
      const context = workspace ? figureContext(analysis, found.item, workspace) : [];
      return { markdown: joinSections(figureCard(found.item, analysis, metrics), context), span: found.item };
    }
    case 'date': {
      const context = workspace ? dateContext(analysis, found.item, workspace) : [];
      return { markdown: joinSections(dateCard(analysis, found.item), context), span: found.item };
    }
    case 'party': {
      const context = workspace ? partyContext(analysis, found.item, workspace) : [];
      return { markdown: joinSections(partyCard(analysis, found.item), context), span: found.item };
    }
  }
}

function joinSections(card: string, context: readonly string[]): string {
  return context.length === 0 ? card : `${card}\n\n${context.join('\n')}`;
}

const KIND_LABEL: Record<Figure['kind'], string> = {
  money: 'money',
  percent: 'percentage',
  count: 'count',
  ordinal: 'ordinal',
  number: 'number',
};

const QUALIFIER_LABEL: Record<Figure['qualifier'], string> = {
  exact: 'as stated',
  approximate: 'approximate',
  'at-least': 'at least',
  'at-most': 'at most',
};

const MODALITY_LABEL: Record<Figure['modality'], string> = {
  actual: 'actual (reported)',
  target: 'target (aimed at, not achieved)',
  forecast: 'forecast (expected, not achieved)',
};

export function figureCard(figure: Figure, analysis?: DocumentAnalysis, metrics?: MetricVocabulary): string {
  const lines: string[] = [];
  lines.push(`**${escapeMarkdown(formatFigureValue(figure))}** · ${KIND_LABEL[figure.kind]}`);
  lines.push('');
  const facts: string[] = [];
  if (figure.kind === 'money' && Math.abs(figure.value) >= 1e6) {
    const scaled = figure.valueTo !== undefined ? `${formatScaled(figure.value)}–${formatScaled(figure.valueTo)}` : formatScaled(figure.value);
    facts.push(`- Value: ${escapeMarkdown(`${figure.unit ?? ''} ${scaled}`.trim())}`);
  }
  const qualifier = QUALIFIER_LABEL[figure.qualifier];
  facts.push(
    figure.qualifierText
      ? `- Qualifier: ${qualifier} (“${escapeMarkdown(figure.qualifierText)}”)`
      : `- Qualifier: ${qualifier}`,
  );
  if (figure.kind !== 'ordinal') {
    const { low, high } = roundingInterval(figure);
    // Large amounts read better scaled: "5.325 billion" rather than "5,325,000,000".
    const show = Math.abs(figure.value) >= 1e6 ? formatScaled : formatNumber;
    facts.push(
      `- Precision: to the nearest ${escapeMarkdown(show(figure.resolution))}${
        figure.kind === 'percent' ? ' point' : ''
      }, so between ${escapeMarkdown(show(round(low)))} and ${escapeMarkdown(show(round(high)))}`,
    );
  }
  facts.push(
    figure.modalityText
      ? `- Modality: ${MODALITY_LABEL[figure.modality]} (“${escapeMarkdown(figure.modalityText)}”)`
      : `- Modality: ${MODALITY_LABEL[figure.modality]}`,
  );
  if (analysis) facts.push(...claimLines(analysis, figure, metrics));
  lines.push(...facts);
  return lines.join('\n');
}

/**
 * What the figure measures ("Measures: two-way trade · Cambodia–Viet Nam · 2020"), and why it is
 * not compared when it is not ("Not compared: period unknown"). A metric of the workspace
 * configuration says so, with its unit and whether it is a flow or a stock, since no built-in
 * knowledge explains it.
 */
function claimLines(analysis: DocumentAnalysis, figure: Figure, metrics?: MetricVocabulary): string[] {
  const index = analysis.figures.indexOf(figure);
  const claim = (analysis.claims ?? []).find((c) => c.figureIndex === index);
  if (!claim) return [];
  const out: string[] = [];
  const metric = claim.metric === null ? undefined : metricDefinition(claim.metric, metrics);
  if (metric) {
    const nameOf = (id: string): string => analysis.partySummaries.find((p) => p.id === id)?.name ?? id;
    const what = claim.measure === 'change' ? `change in ${metric.name}` : metric.name;
    const parts = [what];
    if (claim.parties.length > 0) parts.push(claim.parties.map(nameOf).join(claim.directional ? ' → ' : '–'));
    if (claim.period) parts.push(claim.base ? `${periodLabel(claim.period)} against ${periodLabel(claim.base)}` : periodLabel(claim.period));
    out.push(`- Measures: ${escapeMarkdown(parts.join(' · '))}`);
    if (metrics?.definitions.get(metric.id) === metric) {
      out.push(`- A metric of this workspace: ${metric.unit}, ${metric.temporal === 'stock' ? 'a stock at a point in time' : 'a flow over a period'}`);
    }
  }
  if (claim.unknown.length > 0) out.push(`- Not compared: ${escapeMarkdown(claim.unknown.join('; '))}`);
  return out;
}

export function dateCard(analysis: DocumentAnalysis, date: DateMention): string {
  const lines: string[] = [];
  if (date.from && date.to) {
    const weekdayFrom = weekdayOf(date.from);
    if (date.from === date.to) {
      lines.push(`**${date.from}** · ${weekdayFrom ?? ''} · ${date.granularity}`);
    } else {
      const weekdayTo = weekdayOf(date.to);
      lines.push(`**${date.from} → ${date.to}** · ${date.granularity}`);
      lines.push('');
      lines.push(`- From ${weekdayFrom ?? ''} ${formatLongDate(date.from)} to ${weekdayTo ?? ''} ${formatLongDate(date.to)}`);
    }
  } else {
    lines.push(`**${escapeMarkdown(date.text)}** · ${date.granularity === 'vague' ? 'vague time' : 'unresolved'}`);
  }
  lines.push('');
  if (date.weekday) {
    const stated = WEEKDAY_NAMES[date.weekday.day];
    const actual = date.from ? weekdayOf(date.from) : null;
    if (actual && stated && actual !== stated && date.from === date.to) {
      lines.push(`- ⚠ The text says ${stated}, but ${formatLongDate(date.from!)} is a ${actual}`);
    } else if (stated) {
      lines.push(`- Weekday stated: ${stated}`);
    }
  }
  if (date.relative) {
    lines.push(`- Relative: ${escapeMarkdown(date.resolution ?? 'resolved against the release date')}`);
  }
  const release = analysis.releaseDate;
  if (release && date.from && date.to) {
    const isRelease = date.start >= release.start && date.end <= release.end;
    if (isRelease) {
      lines.push(`- This is the release's own date (${sourceLabel(release.source)})`);
    } else {
      const distance = date.from === date.to ? describeDistance(date.from, release.date) : null;
      const where = `this release's ${sourceLabel(release.source)}, ${formatLongDate(release.date)}`;
      if (distance) lines.push(`- ${capitalise(distance)} ${where}`);
    }
  } else if (!release && date.from === null) {
    lines.push('- The release states no date of its own (front matter `date:`, a dateline or a date line), so this cannot be resolved');
  }
  return trimTrailingBlank(lines).join('\n');
}

function sourceLabel(source: string): string {
  return source === 'front-matter' ? 'front-matter date' : source === 'dateline' ? 'dateline' : 'date line';
}

const PARTY_KIND_LABEL: Record<PartyMention['kind'], string> = {
  country: 'country',
  person: 'person',
  organization: 'organisation',
  other: 'named party',
};

export function partyCard(analysis: DocumentAnalysis, mention: PartyMention): string {
  const summary = analysis.partySummaries.find((s) => s.id === mention.id);
  const lines: string[] = [];
  const codes = summary?.iso2 || summary?.iso3 ? ` · ${[summary.iso2, summary.iso3].filter(Boolean).join(' / ')}` : '';
  lines.push(`**${escapeMarkdown(mention.name)}** · ${PARTY_KIND_LABEL[mention.kind]}${codes}`);
  lines.push('');
  if (mention.title) lines.push(`- Title here: ${escapeMarkdown(mention.title)}`);
  if (summary) lines.push(...summaryLines(analysis, summary));
  return trimTrailingBlank(lines).join('\n');
}

function summaryLines(analysis: DocumentAnalysis, summary: PartySummary): string[] {
  const lines: string[] = [];
  const counts = new Map<string, number>();
  for (const m of analysis.parties) if (m.id === summary.id) counts.set(m.text, (counts.get(m.text) ?? 0) + 1);
  const forms = [...counts.entries()].map(([form, n]) => `“${escapeMarkdown(form)}” ×${n}`);
  if (forms.length > 0) lines.push(`- Written here as ${forms.join(', ')}`);
  if (summary.titles.length > 0 && summary.kind === 'person') {
    lines.push(`- Titles in this release: ${summary.titles.map(escapeMarkdown).join('; ')}`);
  }
  if (summary.acronymDefinition) {
    const { line } = positionAt(analysis.lineStarts, summary.acronymDefinition.start);
    lines.push(`- Acronym defined on line ${line + 1}`);
  }
  lines.push(`- ${summary.mentionCount} mention${summary.mentionCount === 1 ? '' : 's'} in this release`);
  return lines;
}

// ---------------------------------------------------------------------------------------------

/** Escapes the characters Markdown would read as syntax in text taken from a release. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+!|<>~]/g, (c) => `\\${c}`);
}

function capitalise(text: string): string {
  return text.length === 0 ? text : text[0]!.toUpperCase() + text.slice(1);
}

function round(value: number): number {
  return Number(value.toPrecision(12));
}

function trimTrailingBlank(lines: string[]): string[] {
  while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return lines;
}
