// Navigation over releases: references and definitions of a party or a metric, highlights in one
// release, workspace symbols, code lenses over figures other releases state too, and inlay hints for
// relative dates. Plain spans and URIs out; peers come from the index's keys, never from a scan.

import { claimKey, type Claim } from '../analysis/claimTypes';
import type { DocumentAnalysis, PartyKind, Span } from '../analysis/types';
import { periodLabel } from '../analysis/calendar';
import { metricDefinition, type MetricVocabulary } from '../analysis/claims';
import { indexKey } from '../checks/claimLookup';
import { itemAt } from './items';
import { statementsOfMetric } from './hoverContext';
import { earliestAcronymDefinition, metricKey, partyKey, type WorkspaceView } from './peers';

/** A span in some release. */
export interface NavLocation extends Span {
  readonly uri: string;
}

function claimAt(analysis: DocumentAnalysis, offset: number): Claim | null {
  const found = itemAt(analysis, offset);
  if (!found || found.kind !== 'figure') return null;
  const index = analysis.figures.indexOf(found.item);
  return (analysis.claims ?? []).find((c) => c.figureIndex === index) ?? null;
}

function partyIdAt(analysis: DocumentAnalysis, offset: number): string | null {
  const found = itemAt(analysis, offset);
  return found && found.kind === 'party' ? found.item.id : null;
}

/** This release (the version the caller holds) first, then the other releases filed under `key`. */
function* releasesWith(analysis: DocumentAnalysis, key: string, workspace: WorkspaceView): Iterable<DocumentAnalysis> {
  yield analysis;
  for (const peer of workspace.peers(key)) if (peer.uri !== analysis.uri) yield peer.analysis;
}

/**
 * Every mention of the party at `offset` in every release that names it, or every figure that
 * states the metric at `offset` for the same parties (any period) in every release.
 */
export function references(analysis: DocumentAnalysis, offset: number, workspace: WorkspaceView): NavLocation[] {
  const id = partyIdAt(analysis, offset);
  if (id !== null) {
    const out: NavLocation[] = [];
    for (const a of releasesWith(analysis, partyKey(id), workspace)) {
      for (const m of a.parties) if (m.id === id) out.push({ uri: a.uri, start: m.start, end: m.end });
    }
    return out;
  }
  const claim = claimAt(analysis, offset);
  if (!claim) return [];
  return statementsOfMetric(analysis, claim, workspace).map((s) => ({ uri: s.uri, start: s.figure.start, end: s.figure.end }));
}

/**
 * Where a party is introduced: where its acronym is defined in this release; else where the earliest
 * other release of the workspace defines it (a release that writes "ASEAN" without spelling it out
 * leans on one that did); else its first mention here. For a figure: the first statement of the same
 * claim (metric, parties, period) in the earliest release that states it.
 */
export function definition(analysis: DocumentAnalysis, offset: number, workspace: WorkspaceView): NavLocation | null {
  const id = partyIdAt(analysis, offset);
  if (id !== null) {
    const summary = analysis.partySummaries.find((s) => s.id === id);
    if (summary?.acronymDefinition) return { uri: analysis.uri, ...span(summary.acronymDefinition) };
    const elsewhere = earliestAcronymDefinition(id, analysis.uri, workspace);
    if (elsewhere) return { uri: elsewhere.uri, ...span(elsewhere.span) };
    const first = analysis.parties.find((m) => m.id === id);
    return first ? { uri: analysis.uri, start: first.start, end: first.end } : null;
  }
  const claim = claimAt(analysis, offset);
  const key = claim ? claimKey(claim) : null;
  if (!claim || key === null) return null;
  const same = statementsOfMetric(analysis, claim, workspace).filter((s) => claimKey(s.claim) === key);
  same.sort(
    (a, b) =>
      (a.analysis.releaseDate?.date ?? '9999').localeCompare(b.analysis.releaseDate?.date ?? '9999') ||
      a.uri.localeCompare(b.uri) ||
      a.figure.start - b.figure.start,
  );
  const first = same[0];
  return first ? { uri: first.uri, start: first.figure.start, end: first.figure.end } : null;
}

function span(s: Span): Span {
  return { start: s.start, end: s.end };
}

/** Every mention of the party, or every figure of the same metric and parties, in this release. */
export function highlights(analysis: DocumentAnalysis, offset: number): Span[] {
  const id = partyIdAt(analysis, offset);
  if (id !== null) return analysis.parties.filter((m) => m.id === id).map(span);
  const claim = claimAt(analysis, offset);
  const key = claim ? metricKey(claim) : null;
  if (key === null) return [];
  return (analysis.claims ?? []).filter((c) => metricKey(c) === key).map((c) => span(analysis.figures[c.figureIndex]!));
}

// ---------------------------------------------------------------------------------------------
// Workspace symbols.

export interface WorkspaceSymbol {
  readonly name: string;
  readonly kind: PartyKind | 'metric';
  /** What it is: "country · 4 releases", "two-way trade · 3 releases". */
  readonly detail: string;
  readonly location: NavLocation;
}

/** How many symbols a query returns at most. */
const MAX_SYMBOLS = 200;

/**
 * How well `query` matches a symbol's `name`, case, diacritics and spaces aside: 0 when the name
 * starts with it, 1 when one of its words does ("nam" in "Viet Nam"), 2 when it is anywhere inside,
 * 3 when only its letters appear in order ("vn" in "Viet Nam"); null when they do not. Lower is
 * better: a workspace of thousands of releases has more loose matches than the list can show.
 */
export function symbolMatch(query: string, name: string): number | null {
  return rankOf(simplify(query), name);
}

/** `symbolMatch` for a query already simplified: a symbol search ranks every key with one query. */
function rankOf(q: string, name: string): number | null {
  if (q.length === 0) return 0;
  const n = simplify(name);
  if (n.startsWith(q)) return 0;
  if (wordsOf(name).some((word) => word.startsWith(q))) return 1;
  if (n.includes(q)) return 2;
  let i = 0;
  for (let k = 0; k < n.length && i < q.length; k++) if (n[k] === q[i]) i++;
  return i === q.length ? 3 : null;
}

function simplify(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f\s]/g, '').toLowerCase();
}

function wordsOf(text: string): string[] {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length > 0);
}

/**
 * Parties and metric series of the workspace whose names match `query`, each at its first statement:
 * the best matches first (see `symbolMatch`), then those stated in the most releases.
 * `metricsFor` gives a release's metric vocabulary, so a metric its configuration defines is named.
 */
export function workspaceSymbols(
  query: string,
  workspace: WorkspaceView,
  count: (key: string) => number,
  metricsFor: (uri: string) => MetricVocabulary | undefined = () => undefined,
): WorkspaceSymbol[] {
  const q = simplify(query);
  const found: { symbol: WorkspaceSymbol; rank: number; releases: number }[] = [];
  for (const key of workspace.peerKeys()) {
    if (key.startsWith('party:')) {
      const id = key.slice('party:'.length);
      const first = firstPeer(workspace, key);
      const summary = first?.partySummaries.find((s) => s.id === id);
      const rank = summary ? rankOf(q, summary.name) : null;
      if (!first || !summary || rank === null) continue;
      const mention = first.parties.find((m) => m.id === id);
      if (!mention) continue;
      const n = count(key);
      found.push({
        rank,
        releases: n,
        symbol: {
          name: summary.name,
          kind: summary.kind,
          detail: `${summary.kind} · ${n} release${n === 1 ? '' : 's'}`,
          location: { uri: first.uri, start: mention.start, end: mention.end },
        },
      });
    } else if (key.startsWith('metric:')) {
      const first = firstPeer(workspace, key);
      const claim = first?.claims?.find((c) => metricKey(c) === key);
      if (!first || !claim) continue;
      const metric = claim.metric ? metricDefinition(claim.metric, metricsFor(first.uri))?.name ?? claim.metric : 'figure';
      const names = claim.parties.map((id) => first.partySummaries.find((s) => s.id === id)?.name ?? id);
      const name = `${metric} · ${names.join(claim.directional ? ' → ' : '–')}`;
      const rank = rankOf(q, name);
      if (rank === null) continue;
      const figure = first.figures[claim.figureIndex]!;
      const n = count(key);
      found.push({
        rank,
        releases: n,
        symbol: { name, kind: 'metric', detail: `metric · ${n} release${n === 1 ? '' : 's'}`, location: { uri: first.uri, start: figure.start, end: figure.end } },
      });
    }
  }
  found.sort((a, b) => a.rank - b.rank || b.releases - a.releases || a.symbol.name.localeCompare(b.symbol.name));
  return found.slice(0, MAX_SYMBOLS).map((f) => f.symbol);
}

function firstPeer(workspace: WorkspaceView, key: string): DocumentAnalysis | undefined {
  for (const release of workspace.peers(key)) return release.analysis;
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Code lenses.

export interface FigureLens {
  /** The figure the lens stands over. */
  readonly span: Span;
  readonly title: string;
  /** The same claim in the other releases (at most `MAX_LENS_LOCATIONS`). */
  readonly locations: readonly NavLocation[];
}

/** Other releases a lens counts before it says "100+". */
const MAX_LENS_RELEASES = 100;
const MAX_LENS_LOCATIONS = 50;

/**
 * A lens over each figure whose claim (metric, parties, period, measure, modality) other releases
 * state too: "stated in 3 other releases". Peers come from the checks' claim keys.
 */
export function figureLenses(analysis: DocumentAnalysis, workspace: WorkspaceView): FigureLens[] {
  const lenses: FigureLens[] = [];
  for (const claim of analysis.claims ?? []) {
    const key = claimKey(claim);
    if (key === null) continue;
    const locations: NavLocation[] = [];
    let releases = 0;
    for (const peer of workspace.releasesWithKey(indexKey(key))) {
      if (peer.uri === analysis.uri) continue;
      // A release may be filed under the key for a claim it rests on (a change's levels): count only those that state it.
      let stated = false;
      for (const c of peer.analysis.claims ?? []) {
        if (claimKey(c) !== key) continue;
        stated = true;
        const figure = peer.analysis.figures[c.figureIndex]!;
        if (locations.length < MAX_LENS_LOCATIONS) locations.push({ uri: peer.uri, start: figure.start, end: figure.end });
      }
      if (stated && ++releases >= MAX_LENS_RELEASES) break;
    }
    if (releases === 0) continue;
    const figure = analysis.figures[claim.figureIndex]!;
    const count = releases >= MAX_LENS_RELEASES ? `${MAX_LENS_RELEASES}+` : String(releases);
    lenses.push({ span: span(figure), title: `stated in ${count} other release${releases === 1 ? '' : 's'}`, locations });
  }
  return lenses;
}

// ---------------------------------------------------------------------------------------------
// Inlay hints.

export interface InlayHint {
  /** Where the hint stands: right after the relative date. */
  readonly offset: number;
  readonly label: string;
  readonly tooltip: string;
}

/** The resolved value after each relative date, named as hovers and messages name periods: "this year" → 2022, "on Tuesday" → 8 November 2022. */
export function relativeDateHints(analysis: DocumentAnalysis, range?: Span): InlayHint[] {
  const hints: InlayHint[] = [];
  for (const date of analysis.dates) {
    if (!date.relative || date.from === null || date.to === null) continue;
    if (range && (date.end < range.start || date.start > range.end)) continue;
    const label = periodLabel({ from: date.from, to: date.to });
    hints.push({ offset: date.end, label: `→ ${label}`, tooltip: date.resolution ?? `${date.from} – ${date.to}` });
  }
  return hints;
}
