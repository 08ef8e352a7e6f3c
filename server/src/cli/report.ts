// The command line's output: the JSON other tools read (see design.md; add fields, never rename)
// and a readable text form. Each release's part is made on its own, by whichever thread checked it,
// and `ReportStream` prints the parts in file order as they come, so no thread ever holds the
// whole report: a 10,000-release archive prints 280 MB of JSON.

import { positionAt } from '../analysis/text';
import type { DocumentAnalysis, Span } from '../analysis/types';
import { SEVERITY_RANK, type Finding } from '../checks/finding';
import { formatFigureValue } from '../features/format';
import type { OutputFormat } from './args';

export interface CheckedDocument {
  readonly path: string;
  readonly analysis: DocumentAnalysis;
  readonly findings: readonly Finding[];
}

export interface SkippedPath {
  readonly path: string;
  readonly reason: string;
}

/** What the summary and the exit code need of one release. */
export interface DocumentCounts {
  readonly errors: number;
  readonly warnings: number;
  readonly information: number;
  readonly hints: number;
  readonly figures: number;
  readonly dates: number;
  readonly parties: number;
}

/** One release's part of the report, ready to print. */
export interface DocumentReport {
  /**
   * Text: its lines, each ended by a line break; JSON: its object, indented as in the whole report,
   * without a comma or a line break after it. As UTF-8 bytes when it crossed from a worker thread.
   */
  readonly part: string | Uint8Array;
  readonly counts: DocumentCounts;
}

export interface ReportOptions {
  readonly format: OutputFormat;
  readonly color: boolean;
}

/** Where a related location lies: the path to print for a release's URI, and its analysis for the line and column. */
export interface RelatedPlaces {
  pathOf(uri: string): string;
  analysisOf(uri: string): DocumentAnalysis | undefined;
}

export function documentReport(document: CheckedDocument, options: ReportOptions, places: RelatedPlaces): DocumentReport {
  const part = options.format === 'json' ? indent(JSON.stringify(documentJson(document, places), null, 2), '    ') : documentText(document, options.color);
  return { part, counts: countsOf(document) };
}

function countsOf({ analysis, findings }: CheckedDocument): DocumentCounts {
  const bySeverity = { error: 0, warning: 0, information: 0, hint: 0 };
  for (const f of findings) bySeverity[f.severity]++;
  return {
    errors: bySeverity.error,
    warnings: bySeverity.warning,
    information: bySeverity.information,
    hints: bySeverity.hint,
    figures: analysis.figures.length,
    dates: analysis.dates.length,
    parties: analysis.parties.length,
  };
}

/** Every line of `json` but the first indented by `by`: JSON strings hold no raw line breaks. */
function indent(json: string, by: string): string {
  return by + json.replace(/\n/g, `\n${by}`);
}

/**
 * Prints the report part by part, in the order `document` is called, through `write` (which prints
 * exactly what it is given). The result is byte for byte the whole report made at once and ended
 * by a line break: for JSON, `JSON.stringify(report, null, 2)`.
 */
export class ReportStream {
  private documents = 0;
  private readonly totals = { errors: 0, warnings: 0, information: 0, hints: 0, figures: 0, dates: 0, parties: 0 };

  constructor(
    private readonly options: ReportOptions,
    private readonly version: string,
    private readonly write: (chunk: string | Uint8Array) => void,
  ) {}

  /** The most severe finding's rank over every release printed so far (Infinity when none). */
  get worst(): number {
    const { errors, warnings, information, hints } = this.totals;
    if (errors > 0) return SEVERITY_RANK.error;
    if (warnings > 0) return SEVERITY_RANK.warning;
    if (information > 0) return SEVERITY_RANK.information;
    return hints > 0 ? SEVERITY_RANK.hint : Infinity;
  }

  document({ part, counts }: DocumentReport): void {
    if (this.options.format === 'json') {
      // The envelope opens with the first release: with none, its list is "[]".
      this.write(this.documents === 0 ? `${this.head()},\n  "documents": [\n` : ',\n');
      this.write(part);
    } else {
      this.write(part);
      this.write('\n');
    }
    this.documents++;
    for (const key of Object.keys(this.totals) as (keyof typeof this.totals)[]) this.totals[key] += counts[key];
  }

  finish(skipped: readonly SkippedPath[]): void {
    const { errors, warnings, information, hints, figures, dates, parties } = this.totals;
    const summary = { documents: this.documents, errors, warnings, information, hints };
    if (this.options.format === 'json') {
      const tail = JSON.stringify({ skipped, summary }, null, 2).slice(2); // without its opening "{\n"
      this.write(this.documents === 0 ? `${this.head()},\n  "documents": [],\n${tail}\n` : `\n  ],\n${tail}\n`);
      return;
    }
    const paint = painter(this.options.color);
    const lines = skipped.map((s) => `${paint('warning', 'skipped')} ${s.path}: ${s.reason}\n`);
    lines.push(
      `${this.documents} release${this.documents === 1 ? '' : 's'}: ${figures} figures, ${dates} dates, ${parties} party mentions; ` +
        `${errors} errors, ${warnings} warnings, ${information} information, ${hints} hints` +
        (skipped.length > 0 ? `; ${skipped.length} skipped` : '') +
        '\n',
    );
    this.write(lines.join(''));
  }

  /** The JSON envelope up to its tool, without the closing brace. */
  private head(): string {
    return JSON.stringify({ tool: { name: 'communique', version: this.version } }, null, 2).slice(0, -2);
  }
}

function located(analysis: DocumentAnalysis, span: Span): { start: number; end: number; line: number; column: number } {
  const { line, character } = positionAt(analysis.lineStarts, span.start);
  return { start: span.start, end: span.end, line: line + 1, column: character + 1 };
}

/** One release in the JSON report. */
export function documentJson({ path, analysis, findings }: CheckedDocument, places: RelatedPlaces): unknown {
  return {
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
      related: f.related.map((r) => {
        const other = r.uri === analysis.uri ? analysis : places.analysisOf(r.uri);
        return { path: places.pathOf(r.uri), ...(other ? located(other, r) : { start: r.start, end: r.end }), message: r.message };
      }),
      // What a fix needs (the forms of a party-variant finding), as the language server sends it.
      ...(f.data ? { data: f.data } : {}),
    })),
  };
}

const COLOURS = { error: '\x1b[31m', warning: '\x1b[33m', information: '\x1b[36m', hint: '\x1b[90m', dim: '\x1b[2m', bold: '\x1b[1m', reset: '\x1b[0m' };

function painter(color: boolean): (colour: keyof typeof COLOURS, text: string) => string {
  return (colour, text) => (color ? `${COLOURS[colour]}${text}${COLOURS.reset}` : text);
}

/** One release in the text report: its heading, every figure, date and party in place order, the findings, a blank line. */
function documentText({ path, analysis, findings }: CheckedDocument, color: boolean): string {
  const paint = painter(color);
  const out: string[] = [];
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
  for (const row of rows) out.push(row[1]);
  for (const f of findings) {
    out.push(`  ${where(f)}${paint(f.severity, f.severity)}  ${f.message}  ${paint('dim', `[${f.code}]`)}`);
  }
  out.push('');
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
