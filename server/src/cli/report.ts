// The command line's output: the JSON other tools read (see design.md; add fields, never rename)
// and a readable text form.

import { positionAt } from '../analysis/text';
import type { DocumentAnalysis, Span } from '../analysis/types';
import type { Finding, Severity } from '../checks/finding';
import { formatFigureValue } from '../features/format';

export interface CheckedDocument {
  readonly path: string;
  readonly text: string;
  readonly analysis: DocumentAnalysis;
  readonly findings: readonly Finding[];
}

export interface SkippedPath {
  readonly path: string;
  readonly reason: string;
}

export interface Summary {
  readonly documents: number;
  readonly errors: number;
  readonly warnings: number;
  readonly information: number;
  readonly hints: number;
}

export function summarise(documents: readonly CheckedDocument[]): Summary {
  const count = (severity: Severity): number => documents.reduce((n, d) => n + d.findings.filter((f) => f.severity === severity).length, 0);
  return { documents: documents.length, errors: count('error'), warnings: count('warning'), information: count('information'), hints: count('hint') };
}

function located(analysis: DocumentAnalysis, span: Span): { start: number; end: number; line: number; column: number } {
  const { line, character } = positionAt(analysis.lineStarts, span.start);
  return { start: span.start, end: span.end, line: line + 1, column: character + 1 };
}

export function toJson(documents: readonly CheckedDocument[], skipped: readonly SkippedPath[], version: string, pathOf: (uri: string) => string): unknown {
  return {
    tool: { name: 'communique', version },
    documents: documents.map(({ path, analysis, findings }) => ({
      path,
      date: analysis.releaseDate?.date ?? null,
      dateSource: analysis.releaseDate?.source ?? null,
      figures: analysis.figures.map((f, i) => ({
        text: f.text,
        ...located(analysis, f),
        kind: f.kind,
        value: f.value,
        ...(f.valueTo !== undefined ? { valueTo: f.valueTo } : {}),
        unit: f.unit,
        resolution: f.resolution,
        qualifier: f.qualifier,
        ...(f.qualifierText ? { qualifierText: f.qualifierText } : {}),
        modality: f.modality,
        ...(f.modalityText ? { modalityText: f.modalityText } : {}),
        ...claimFields(analysis, i),
      })),
      dates: analysis.dates.map((d) => ({
        text: d.text,
        ...located(analysis, d),
        from: d.from,
        to: d.to,
        granularity: d.granularity,
        relative: d.relative,
        ...(d.resolution ? { resolution: d.resolution } : {}),
      })),
      parties: analysis.parties.map((p) => ({
        text: p.text,
        ...located(analysis, p),
        id: p.id,
        name: p.name,
        kind: p.kind,
        ...(p.title ? { title: p.title } : {}),
      })),
      diagnostics: findings.map((f) => ({
        code: f.code,
        severity: f.severity,
        message: f.message,
        ...located(analysis, f),
        related: f.related.map((r) => ({ path: pathOf(r.uri), start: r.start, end: r.end, message: r.message })),
      })),
    })),
    skipped,
    summary: summarise(documents),
  };
}

const COLOURS = { error: '\x1b[31m', warning: '\x1b[33m', information: '\x1b[36m', hint: '\x1b[90m', dim: '\x1b[2m', bold: '\x1b[1m', reset: '\x1b[0m' };

export function toText(documents: readonly CheckedDocument[], skipped: readonly SkippedPath[], color: boolean): string {
  const paint = (colour: keyof typeof COLOURS, text: string): string => (color ? `${COLOURS[colour]}${text}${COLOURS.reset}` : text);
  const out: string[] = [];
  for (const { path, analysis, findings } of documents) {
    const release = analysis.releaseDate;
    out.push(paint('bold', path) + paint('dim', release ? `  dated ${release.date} (${release.source})` : '  no release date'));
    const rows: [number, string][] = [];
    const where = (span: Span): string => {
      const { line, column } = located(analysis, span);
      return `${line}:${column}`.padEnd(8);
    };
    for (const f of analysis.figures) {
      const extra = [f.qualifier !== 'exact' ? f.qualifier : '', f.modality !== 'actual' ? f.modality : ''].filter(Boolean).join(', ');
      rows.push([f.start, `  ${where(f)}figure  ${oneLine(f.text)}  ${paint('dim', `= ${formatFigureValue(f)}${extra ? ` (${extra})` : ''}`)}`]);
    }
    for (const d of analysis.dates) {
      const value = d.from && d.to ? (d.from === d.to ? d.from : `${d.from} → ${d.to}`) : d.granularity === 'vague' ? 'vague' : 'unresolved';
      rows.push([d.start, `  ${where(d)}date    ${oneLine(d.text)}  ${paint('dim', `= ${value}${d.relative ? ' (relative)' : ''}`)}`]);
    }
    for (const p of analysis.parties) {
      rows.push([p.start, `  ${where(p)}party   ${oneLine(p.text)}  ${paint('dim', `= ${p.name} (${p.kind})`)}`]);
    }
    rows.sort((a, b) => a[0] - b[0]);
    out.push(...rows.map((r) => r[1]));
    for (const f of findings) {
      out.push(`  ${where(f)}${paint(f.severity, f.severity)}  ${f.message}  ${paint('dim', `[${f.code}]`)}`);
    }
    out.push('');
  }
  for (const s of skipped) out.push(`${paint('warning', 'skipped')} ${s.path}: ${s.reason}`);
  const summary = summarise(documents);
  const figures = documents.reduce((n, d) => n + d.analysis.figures.length, 0);
  const dates = documents.reduce((n, d) => n + d.analysis.dates.length, 0);
  const parties = documents.reduce((n, d) => n + d.analysis.parties.length, 0);
  out.push(
    `${summary.documents} release${summary.documents === 1 ? '' : 's'}: ${figures} figures, ${dates} dates, ${parties} party mentions; ` +
      `${summary.errors} errors, ${summary.warnings} warnings, ${summary.information} information, ${summary.hints} hints` +
      (skipped.length > 0 ? `; ${skipped.length} skipped` : ''),
  );
  return out.join('\n');
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ');
}

/** What a figure measures, as the design's optional figure fields: metric, parties, period (and why it is not compared). */
function claimFields(analysis: DocumentAnalysis, figureIndex: number): Record<string, unknown> {
  const claim = (analysis.claims ?? []).find((c) => c.figureIndex === figureIndex);
  if (!claim) return {};
  return {
    ...(claim.metric !== null ? { metric: claim.metric } : {}),
    ...(claim.parties.length > 0 ? { parties: claim.parties } : {}),
    ...(claim.period ? { period: { from: claim.period.from, to: claim.period.to } } : {}),
    ...(claim.measure !== 'level' ? { measure: claim.measure } : {}),
    ...(claim.unknown.length > 0 ? { notCompared: claim.unknown } : {}),
  };
}
