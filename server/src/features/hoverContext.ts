// The workspace part of a hover card: the same metric for the same parties in other releases (a
// small table with links), the change against the previous period and whether the text's own growth
// claim agrees, findings on the figure; other releases naming the same day; a party's forms, titles
// and mentions across the workspace. Peers are found by key (features/peers.ts), never by a scan.

import type { Claim, ClaimPeriod } from '../analysis/claimTypes';
import { MONTH_NAMES, periodLabel } from '../analysis/calendar';
import { positionAt } from '../analysis/text';
import type { DateMention, DocumentAnalysis, Figure, PartyMention } from '../analysis/types';
import { ClaimLookup, claimValueText, comparableClaims, fileName, formatPercent, valueText } from '../checks/claimLookup';
import { changeVerdict } from '../checks/growth-mismatch';
import { escapeMarkdown } from './hover';
import { dayKey, earliestAcronymDefinition, metricKey, partyKey, type WorkspaceView } from './peers';

/** Rows of the table of statements before it says "and N more". */
const MAX_ROWS = 8;
/** Other releases a date card names. */
const MAX_SAME_DAY = 5;
/** Titles a person's card lists. */
const MAX_TITLES = 6;

/** One statement of a metric somewhere in the workspace. */
export interface Statement {
  readonly uri: string;
  readonly analysis: DocumentAnalysis;
  readonly claim: Claim;
  readonly figure: Figure;
  /** 1-based line of the figure. */
  readonly line: number;
  /** 1-based column of the figure (UTF-16 code units, as the editor counts them). */
  readonly column: number;
}

/**
 * A Markdown link that opens a release at a line, and at a column when given:
 * `[label](file:///…#L12,5)`. The editor's link opener reads `#L<line>,<column>` (both 1-based), so
 * the link lands on the figure or name itself, not at the start of its line.
 */
export function lineLink(uri: string, line: number, label: string, column?: number): string {
  // Parentheses and spaces would end a Markdown link destination early: percent-encode them.
  const target = uri.replace(/[()\s<>]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
  return `[${escapeMarkdown(label)}](${target}#L${line}${column === undefined ? '' : `,${column}`})`;
}

/** The 1-based line and column of an offset. */
function placeOfOffset(analysis: DocumentAnalysis, offset: number): { line: number; column: number } {
  const { line, character } = positionAt(analysis.lineStarts, offset);
  return { line: line + 1, column: character + 1 };
}

function claimOf(analysis: DocumentAnalysis, figure: Figure): Claim | undefined {
  const index = analysis.figures.indexOf(figure);
  return (analysis.claims ?? []).find((c) => c.figureIndex === index);
}

/**
 * Every statement of the claim's metric about the same parties, in this release (the version the
 * caller holds) and in the releases the peer index files under the same metric key.
 */
export function statementsOfMetric(analysis: DocumentAnalysis, claim: Claim, workspace: WorkspaceView): Statement[] {
  const key = metricKey(claim);
  if (key === null) return [];
  const out: Statement[] = [];
  const collect = (uri: string, a: DocumentAnalysis): void => {
    (a.claims ?? []).forEach((c) => {
      if (metricKey(c) !== key) return;
      const figure = a.figures[c.figureIndex];
      if (figure) out.push({ uri, analysis: a, claim: c, figure, ...placeOfOffset(a, figure.start) });
    });
  };
  collect(analysis.uri, analysis);
  for (const peer of workspace.peers(key)) if (peer.uri !== analysis.uri) collect(peer.uri, peer.analysis);
  return out;
}

function samePeriod(a: ClaimPeriod | null | undefined, b: ClaimPeriod | null | undefined): boolean {
  return !!a && !!b && a.from === b.from && a.to === b.to;
}

/** The same span of days a year earlier ("2021" → "2020", "January–September 2022" → the same months of 2021). */
export function previousYear(period: ClaimPeriod): ClaimPeriod {
  const shift = (iso: string): string => {
    const year = Number(iso.slice(0, 4)) - 1;
    const month = iso.slice(5, 7);
    let day = iso.slice(8, 10);
    // 29 February has no day a year earlier; the last day of February stands for it.
    if (month === '02' && day === '29') day = '28';
    return `${String(year).padStart(4, '0')}-${month}-${day}`;
  };
  return { from: shift(period.from), to: shift(period.to), granularity: period.granularity };
}

function rowPeriod(claim: Claim): string {
  if (!claim.period) return '—';
  const label = periodLabel(claim.period);
  return claim.measure === 'change' && claim.base ? `${label} vs ${periodLabel(claim.base)}` : label;
}

function releaseLabel(s: Statement, here: DocumentAnalysis): string {
  return s.uri === here.uri ? 'this release' : fileName(s.uri);
}

function sortStatements(list: Statement[]): Statement[] {
  return list.sort(
    (a, b) =>
      (a.claim.period?.from ?? '').localeCompare(b.claim.period?.from ?? '') ||
      (a.claim.period?.to ?? '').localeCompare(b.claim.period?.to ?? '') ||
      (a.analysis.releaseDate?.date ?? '').localeCompare(b.analysis.releaseDate?.date ?? '') ||
      a.uri.localeCompare(b.uri) ||
      a.figure.start - b.figure.start,
  );
}

function dayDistance(a: string, b: string): number {
  return Math.abs(Date.parse(a) - Date.parse(b));
}

export function figureContext(analysis: DocumentAnalysis, figure: Figure, workspace: WorkspaceView): string[] {
  const claim = claimOf(analysis, figure);
  const out: string[] = [];
  if (claim && claim.period && claim.unknown.length === 0) {
    const all = statementsOfMetric(analysis, claim, workspace);
    out.push(...statementTable(analysis, figure, claim, all));
    out.push(...changeLines(analysis, figure, claim, all, workspace));
  }
  const findings = workspace.findings?.(analysis.uri) ?? [];
  for (const finding of findings) {
    if (finding.end <= figure.start || finding.start >= figure.end) continue;
    out.push(`- ⚠ \`${finding.code}\`: ${escapeMarkdown(finding.message)}`);
  }
  while (out.length > 0 && out[out.length - 1] === '') out.pop();
  return out;
}

/** The table of the same metric, parties, measure and modality over every period, this statement marked. */
function statementTable(analysis: DocumentAnalysis, figure: Figure, claim: Claim, all: readonly Statement[]): string[] {
  const rows = all.filter(
    (s) => s.claim.period && s.claim.measure === claim.measure && s.claim.modality === claim.modality && s.claim.unknown.length === 0 && s.figure.unit === figure.unit,
  );
  // Only this statement: nothing to compare, no table.
  if (rows.length <= 1) return [];
  let shown = rows;
  if (rows.length > MAX_ROWS) {
    const at = claim.period!.from;
    shown = [...rows].sort((a, b) => dayDistance(a.claim.period!.from, at) - dayDistance(b.claim.period!.from, at)).slice(0, MAX_ROWS);
    if (!shown.some((s) => s.uri === analysis.uri && s.figure.start === figure.start)) {
      shown[shown.length - 1] = rows.find((s) => s.uri === analysis.uri && s.figure.start === figure.start)!;
    }
  }
  sortStatements(shown);
  const what = claim.measure === 'change' ? 'Stated changes' : claim.modality === 'actual' ? 'Stated values' : `Stated ${claim.modality}s`;
  const lines = [`${what} across the workspace:`, '', '| Period | Value | Release | Line |', '|---|---|---|---|'];
  for (const s of shown) {
    const isThis = s.uri === analysis.uri && s.figure.start === figure.start;
    const value = escapeMarkdown(claimValueText({ claim: s.claim, figure: s.figure }));
    lines.push(
      `| ${escapeMarkdown(rowPeriod(s.claim))} | ${isThis ? `**${value}**` : value} | ${lineLink(s.uri, s.line, releaseLabel(s, analysis), s.column)} | ${lineLink(s.uri, s.line, String(s.line), s.column)} |`,
    );
  }
  if (rows.length > shown.length) lines.push('', `…and ${rows.length - shown.length} more`);
  lines.push('');
  return lines;
}

/**
 * Whether the levels agree with a stated change, as the growth-mismatch check decides it (the same
 * pairs of levels, each widened by its own release's tolerance): " ✓", " ✗", or nothing when the
 * check does not compare it.
 */
function verdictMark(s: Statement, workspace: WorkspaceView): string {
  const release = workspace.release(s.uri);
  if (!release) return '';
  const index = (s.analysis.claims ?? []).indexOf(s.claim);
  const ref = comparableClaims(release).find((r) => r.claimIndex === index);
  const verdict = ref ? changeVerdict(ref, new ClaimLookup(release, workspace)) : null;
  return verdict === null ? '' : verdict.agrees ? ' ✓' : ' ✗';
}

/**
 * For a level: the change against the same period a year earlier, and whether a stated change for
 * it agrees ("2021 vs 2020: +78.2%; this release says 'nearly 80%' ✓"). For a change: the change the
 * levels of both periods give, and whether this one agrees.
 */
function changeLines(analysis: DocumentAnalysis, figure: Figure, claim: Claim, all: readonly Statement[], workspace: WorkspaceView): string[] {
  if (claim.modality !== 'actual' || !claim.period) return [];
  const levels = (period: ClaimPeriod): Statement[] =>
    all.filter((s) => s.claim.measure === 'level' && s.claim.modality === 'actual' && samePeriod(s.claim.period, period) && s.claim.unknown.length === 0);
  const prefer = (list: Statement[]): Statement | undefined => list.find((s) => s.uri === analysis.uri) ?? list[0];

  let period: ClaimPeriod;
  let base: ClaimPeriod;
  let next: Statement | undefined;
  let prev: Statement | undefined;
  if (claim.measure === 'level') {
    period = claim.period;
    base = previousYear(claim.period);
    next = { uri: analysis.uri, analysis, claim, figure, ...placeOfOffset(analysis, figure.start) };
    prev = prefer(levels(base).filter((s) => s.figure.unit === figure.unit));
  } else if (claim.measure === 'change' && claim.base && figure.unit === '%') {
    period = claim.period;
    base = claim.base;
    next = prefer(levels(period).filter((s) => s.figure.unit !== '%'));
    const unit = next?.figure.unit;
    prev = next ? prefer(levels(base).filter((s) => s.figure.unit === unit)) : undefined;
  } else return [];
  if (!next || !prev || prev.figure.value === 0 || next.figure.unit !== prev.figure.unit) return [];

  const computed = (next.figure.value / prev.figure.value - 1) * 100;
  const head = `${periodLabel(period)} vs ${periodLabel(base)}: ${formatPercent(computed)}`;
  const from = `${valueText(prev.figure)} → ${valueText(next.figure)}`;
  const stated = claim.measure === 'change'
    ? [{ uri: analysis.uri, analysis, claim, figure, ...placeOfOffset(analysis, figure.start) }]
    : all.filter((s) => s.claim.measure === 'change' && s.claim.modality === 'actual' && s.figure.unit === '%' && samePeriod(s.claim.period, period) && samePeriod(s.claim.base, base));
  const verdicts = stated.slice(0, 3).map((s) => {
    const who = s.uri === analysis.uri ? (claim.measure === 'change' ? 'this figure says' : 'this release says') : `${lineLink(s.uri, s.line, fileName(s.uri), s.column)} says`;
    return `${who} “${escapeMarkdown(claimValueText({ claim: s.claim, figure: s.figure }))}”${verdictMark(s, workspace)}`;
  });
  const sources = claim.measure === 'change' ? ` from the levels (${escapeMarkdown(from)})` : ` (${escapeMarkdown(from)})`;
  return [`- Change: ${escapeMarkdown(head)}${sources}${verdicts.length > 0 ? `; ${verdicts.join('; ')}` : ''}`];
}

// ---------------------------------------------------------------------------------------------
// Dates.

export function dateContext(analysis: DocumentAnalysis, date: DateMention, workspace: WorkspaceView): string[] {
  if (date.from === null || date.from !== date.to) return [];
  const others: string[] = [];
  let total = 0;
  for (const peer of workspace.peers(dayKey(date.from))) {
    if (peer.uri === analysis.uri) continue;
    const mention = peer.analysis.dates.find((d) => d.from === date.from && d.to === date.from);
    if (!mention) continue;
    total++;
    if (others.length >= MAX_SAME_DAY) continue;
    const { line, column } = placeOfOffset(peer.analysis, mention.start);
    others.push(`${lineLink(peer.uri, line, `${fileName(peer.uri)}:${line}`, column)} (“${escapeMarkdown(mention.text.replace(/\s+/g, ' '))}”)`);
  }
  if (total === 0) return [];
  const more = total > others.length ? `, and ${total - others.length} more` : '';
  return [`- Also named in ${total} other release${total === 1 ? '' : 's'}: ${others.join(', ')}${more}`];
}

// ---------------------------------------------------------------------------------------------
// Parties.

function monthYear(iso: string): string {
  return `${MONTH_NAMES[Number(iso.slice(5, 7)) - 1] ?? ''} ${iso.slice(0, 4)}`.trim();
}

export function partyContext(analysis: DocumentAnalysis, mention: PartyMention, workspace: WorkspaceView): string[] {
  const forms = new Map<string, number>();
  let releases = 0;
  let mentions = 0;
  const titled: { date: string | null; uri: string; titles: readonly string[] }[] = [];
  const visit = (uri: string, a: DocumentAnalysis): void => {
    const summary = a.partySummaries.find((s) => s.id === mention.id);
    if (!summary) return;
    releases++;
    mentions += summary.mentionCount;
    for (const m of a.parties) {
      if (m.id !== mention.id) continue;
      const form = (m.form ?? m.text).replace(/\s+/g, ' ');
      forms.set(form, (forms.get(form) ?? 0) + 1);
    }
    if (summary.kind === 'person' && summary.titles.length > 0) titled.push({ date: a.releaseDate?.date ?? null, uri, titles: summary.titles });
  };
  visit(analysis.uri, analysis);
  for (const peer of workspace.peers(partyKey(mention.id))) if (peer.uri !== analysis.uri) visit(peer.uri, peer.analysis);
  if (releases <= 1) return [];

  const lines: string[] = [];
  const formList = [...forms.entries()].sort((a, b) => b[1] - a[1]).slice(0, 6).map(([f, n]) => `“${escapeMarkdown(f)}” ×${n}`);
  lines.push(`- Across the workspace: ${mentions} mentions in ${releases} releases, written ${formList.join(', ')}`);
  if (titled.length > 0) {
    titled.sort((a, b) => (a.date ?? '9999').localeCompare(b.date ?? '9999') || a.uri.localeCompare(b.uri));
    const steps: string[] = [];
    let last = '';
    for (const t of titled) {
      const title = t.titles.join('; ');
      if (title === last) continue;
      last = title;
      steps.push(`${escapeMarkdown(title)} (${t.date ? monthYear(t.date) : 'undated'})`);
    }
    const shown = steps.length > MAX_TITLES ? [...steps.slice(0, 1), '…', ...steps.slice(-(MAX_TITLES - 1))] : steps;
    lines.push(`- Titles by release date: ${shown.join(' → ')}`);
  }
  const here = analysis.partySummaries.find((s) => s.id === mention.id);
  const elsewhere = here && !here.acronymDefinition ? earliestAcronymDefinition(mention.id, analysis.uri, workspace) : null;
  if (elsewhere) {
    const { line, column } = placeOfOffset(elsewhere.analysis, elsewhere.span.start);
    lines.push(`- Acronym defined in ${lineLink(elsewhere.uri, line, `${fileName(elsewhere.uri)}:${line}`, column)}`);
  }
  return lines;
}
