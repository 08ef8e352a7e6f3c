// Shared by the numeric checks: finding claims by key in this release and across the workspace,
// and naming a claim, a period and a place in another release for messages.

import { claimKey } from '../analysis/claimTypes';
import type { Claim, ClaimPeriod } from '../analysis/claimTypes';
import { periodLabel } from '../analysis/calendar';
import { figureInterval } from '../analysis/intervals';
import type { Interval } from '../analysis/intervals';
import { fileName, lineOf } from './textual';
import { factsFingerprint } from './fingerprint';
import type { Figure, Span } from '../analysis/types';
import type { CheckedRelease, WorkspaceFacts } from './check';
import type { RelatedLocation } from './finding';
import metricData from '../knowledge/metrics.json';

// ---------------------------------------------------------------------------------------------
// The metric vocabulary (knowledge/metrics.json), read once at load time.

export interface MetricInfo {
  readonly id: string;
  readonly name: string;
  readonly unit: string;
  readonly symmetric: boolean;
  /** 'flow' over a period (adds up over months), 'stock' at a point in time. */
  readonly temporal: 'flow' | 'stock';
  /** The metrics whose sum is this one (two-way trade = exports each way). */
  readonly parts?: readonly string[];
  /** The metric that makes up the rest of 100% of the same whole. */
  readonly complement?: string;
}

const METRICS: ReadonlyMap<string, MetricInfo> = new Map(
  (metricData.metrics as readonly MetricInfo[]).map((m) => [m.id, m]),
);

/** For each part metric, the metrics it is a part of. */
const WHOLES_OF: ReadonlyMap<string, readonly string[]> = (() => {
  const map = new Map<string, string[]>();
  for (const m of METRICS.values()) for (const part of m.parts ?? []) map.set(part, [...(map.get(part) ?? []), m.id]);
  return map;
})();

export function metricInfo(id: string | null): MetricInfo | undefined {
  return id === null ? undefined : METRICS.get(id);
}

export function wholesOf(partMetric: string | null): readonly string[] {
  return partMetric === null ? [] : (WHOLES_OF.get(partMetric) ?? []);
}

/** One comparable claim and where it is. */
export interface ClaimRef {
  readonly release: CheckedRelease;
  readonly claim: Claim;
  readonly figure: Figure;
  /** The claim's index in its release's `claims`. */
  readonly claimIndex: number;
  /** `claimKey(claim)`, never null here. */
  readonly key: string;
}

/** The release's claims; none while the analysis has none. */
export function claimsOf(release: CheckedRelease): readonly Claim[] {
  return release.analysis.claims ?? [];
}

/**
 * Comparable claims per release object. A release (and its analysis) never changes once indexed:
 * a new version is a new object. So this memo of a pure function is safe, and it spares every
 * check on every peer the cost of rebuilding the same keys (the benchmark found claimKey taking a
 * third of the time of indexing a large workspace).
 */
const comparableMemo = new WeakMap<CheckedRelease, readonly ClaimRef[]>();
const groupedByKeyMemo = new WeakMap<CheckedRelease, ReadonlyMap<string, readonly ClaimRef[]>>();
/**
 * Claims grouped by a check's own group key, per release and key function (module-level functions,
 * so one entry per check). Kept with the release like the claim-key groups: regrouping every peer
 * on every run made partial-exceeds-total quadratic in the releases that share a key.
 */
const groupedByFunctionMemo = new WeakMap<CheckedRelease, Map<(ref: ClaimRef) => string | null, ReadonlyMap<string, readonly ClaimRef[]>>>();

/** The claims of a release that can be compared (a key, a figure), with their keys. */
export function comparableClaims(release: CheckedRelease): readonly ClaimRef[] {
  let refs = comparableMemo.get(release);
  if (refs) return refs;
  const found: ClaimRef[] = [];
  claimsOf(release).forEach((claim, claimIndex) => {
    const ref = toRef(release, claim, claimIndex);
    if (ref) found.push(ref);
  });
  comparableMemo.set(release, (refs = found));
  return refs;
}

function groupRefs(release: CheckedRelease, groupKey: (ref: ClaimRef) => string | null): Map<string, ClaimRef[]> {
  const groups = new Map<string, ClaimRef[]>();
  for (const ref of comparableClaims(release)) {
    const key = groupKey(ref);
    if (key === null) continue;
    const list = groups.get(key);
    if (list) list.push(ref);
    else groups.set(key, [ref]);
  }
  return groups;
}

function toRef(release: CheckedRelease, claim: Claim, claimIndex: number): ClaimRef | null {
  const key = claimKey(claim);
  if (key === null) return null;
  const figure = release.analysis.figures[claim.figureIndex];
  if (!figure) return null;
  return { release, claim, figure, claimIndex, key };
}

const INDEX_PREFIX = 'claim:';

/** The key the index files a claim key under: one namespace shared by the numeric checks. */
export function indexKey(key: string): string {
  return `${INDEX_PREFIX}${key}`;
}

/** The key a claim would have with another measure and period: the level claims a change rests on. */
export function keyWith(claim: Claim, measure: Claim['measure'], period: ClaimPeriod): string | null {
  return claimKey({ ...claim, measure, period });
}

/**
 * Finds comparable claims by key, in the release being checked and in the releases the index files
 * under the same key; never scans the workspace. One lookup serves one `run`; each release's claims
 * are grouped once and the groups kept with the release object (which never changes once indexed),
 * so the checks keep no state of their own between calls. A check's own `groupKey` must be a
 * module-level function: the groups are kept per function.
 */
export class ClaimLookup {
  /**
   * `groupKey` files a claim under the key its peers are found by (its claim key by default; a check
   * may file under another key, which it also registers through `keys`).
   */
  constructor(
    readonly release: CheckedRelease,
    private readonly workspace: WorkspaceFacts,
    private readonly groupKey?: (ref: ClaimRef) => string | null,
  ) {}

  /** The claims filed under `key`: this release's first (the version being checked), then the others'. */
  withKey(key: string): ClaimRef[] {
    const found: ClaimRef[] = [];
    const own = groupedClaims(this.release, this.groupKey).get(key);
    if (own) for (const ref of own) found.push(ref);
    const uri = this.release.uri;
    for (const ref of this.filedUnder(key)) if (ref.release.uri !== uri) found.push(ref);
    return found;
  }

  /**
   * Every release's claims filed under `key`, gathered once per key while none of those releases
   * changes (when the workspace keeps values per key): after an edit, each release that shares the
   * key re-reads one list instead of looking up every peer's groups again.
   */
  private filedUnder(key: string): readonly ClaimRef[] {
    const gather = (): ClaimRef[] => {
      const all: ClaimRef[] = [];
      for (const other of this.workspace.releasesWithKey(indexKey(key))) {
        const refs = groupedClaims(other, this.groupKey).get(key);
        if (refs) for (const ref of refs) all.push(ref);
      }
      return all;
    };
    return this.workspace.perKey ? this.workspace.perKey(indexKey(key), this.groupKey ?? BY_CLAIM_KEY, gather) : gather();
  }
}

/** The slot of `perKey` for claims filed by their claim key. */
const BY_CLAIM_KEY = {};

/**
 * A release's comparable claims grouped by `groupKey` (a module-level function; by claim key when
 * absent), kept with the release object, which never changes once indexed.
 */
export function groupedClaims(release: CheckedRelease, groupKey?: (ref: ClaimRef) => string | null): ReadonlyMap<string, readonly ClaimRef[]> {
  if (!groupKey) {
    // Filed by claim key: the same for every check and every run.
    let byKey = groupedByKeyMemo.get(release);
    if (!byKey) groupedByKeyMemo.set(release, (byKey = groupRefs(release, (ref) => ref.key)));
    return byKey;
  }
  let byFunction = groupedByFunctionMemo.get(release);
  if (!byFunction) groupedByFunctionMemo.set(release, (byFunction = new Map()));
  let map = byFunction.get(groupKey);
  if (!map) byFunction.set(groupKey, (map = groupRefs(release, groupKey)));
  return map;
}

/**
 * What other releases can read of this release's claims filed under an index key (`claim:…`, see
 * `indexKey`) by `groupKey`: the claims and figures without their offsets, their lines, and the
 * tolerance of the release's configuration (it widens the intervals others compare with).
 */
export function claimsFingerprint(release: CheckedRelease, key: string, groupKey?: (ref: ClaimRef) => string | null): string {
  if (!key.startsWith(INDEX_PREFIX)) return '';
  const refs = groupedClaims(release, groupKey).get(key.slice(INDEX_PREFIX.length));
  if (!refs || refs.length === 0) return '';
  const tolerance = release.config?.tolerance;
  return `${tolerance ?? ''}|${factsFingerprint(release, refs.map((ref) => ({ start: ref.figure.start, end: ref.figure.end, claim: ref.claim, figure: ref.figure })))}`;
}

/** Two figures can only be compared in the same unit: USD against USD, never USD against VND. */
export function sameUnit(a: Figure, b: Figure): boolean {
  return a.unit !== null && a.unit === b.unit;
}

/**
 * The values a claim's figure may stand for: its written precision, widened by its qualifier as far
 * as the configuration of ITS release lets qualifiers reach (`tolerance`; 5% by default).
 */
export function intervalOf(ref: ClaimRef): Interval {
  const config = ref.release.config;
  return config?.tolerance === undefined ? figureInterval(ref.figure) : figureInterval(ref.figure, config.tolerance);
}

/**
 * The direction of a change claim: −1 for a decrease ("fell 5%"), +1 for an increase ("up 16.7%"),
 * 0 when the claim does not tell.
 */
export function changeSign(claim: Claim, figure: Figure): number {
  const sign = Math.sign(claim.sign ?? 0) * Math.sign(figure.value);
  return sign === 0 && figure.value < 0 ? -1 : sign;
}

/** Whether a qualifier leaves the figure exactly as written ("USD 5.33 billion", not "nearly", "over"). */
export function isExact(figure: Figure): boolean {
  return figure.qualifier === 'exact' && figure.valueTo === undefined;
}

// ---------------------------------------------------------------------------------------------
// Naming things in messages.

/** Shared with the text checks: the file name of a URI, and the 1-based line of an offset. */
export { fileName, lineOf };

/** Where a span is, seen from `here`: "line 12" in the same release, "a.release.md (line 23)" in another. */
export function whereIs(here: CheckedRelease, there: CheckedRelease, span: Span): string {
  const line = lineOf(there, span.start);
  return there.uri === here.uri ? `line ${line}` : `${fileName(there.uri)} (line ${line})`;
}

/**
 * A figure as the text states it, with the qualifier that bounds it when the figure's span leaves it
 * out: "nearly 80%", "topped USD 9.5 billion".
 */
export function valueText(figure: Figure): string {
  const words = figure.qualifierText;
  if (words === undefined || figure.text.toLowerCase().startsWith(words.toLowerCase())) return figure.text;
  return `${words} ${figure.text}`;
}

/** What a claim states, for a message: the figure with its qualifier, and a change's direction ("up 40%"). */
export function claimValueText(ref: { readonly claim: Claim; readonly figure: Figure }): string {
  const text = valueText(ref.figure);
  if (ref.claim.measure !== 'change') return text;
  const sign = changeSign(ref.claim, ref.figure);
  return sign > 0 ? `up ${text}` : sign < 0 ? `down ${text.replace(/^-/, '')}` : text;
}

/** "USD 5.33 billion in a.release.md (line 23)" / "USD 5.33 billion on line 9" (in `here`). */
export function statedAt(here: CheckedRelease, ref: ClaimRef): string {
  if (ref.release.uri === here.uri) return `${claimValueText(ref)} on line ${lineOf(here, ref.figure.start)}`;
  return `${claimValueText(ref)} in ${whereIs(here, ref.release, ref.figure)}`;
}

export function related(ref: ClaimRef, message: string): RelatedLocation {
  return { uri: ref.release.uri, start: ref.figure.start, end: ref.figure.end, message };
}

/** Party names for a claim: "Cambodia–Viet Nam", or "Viet Nam → Cambodia" for a directional metric. */
export function partiesLabel(release: CheckedRelease, claim: Claim): string {
  const names = claim.parties.map((id) => partyName(release, id));
  return names.join(claim.directional ? ' → ' : '–');
}

function partyName(release: CheckedRelease, id: string): string {
  for (const summary of release.analysis.partySummaries) if (summary.id === id) return summary.name;
  return id;
}

/** A metric's name for people: the vocabulary's name, else the words the release used, else the id. */
export function metricLabel(claim: Claim): string {
  return metricInfo(claim.metric)?.name ?? claim.metricText ?? claim.metric ?? 'figure';
}

/**
 * "2020 two-way trade Cambodia–Viet Nam", "2025 target two-way trade …", "2021 vs 2020 change in
 * two-way trade …"; without the period when the claim has none.
 */
export function describeClaim(release: CheckedRelease, claim: Claim): string {
  let period = claim.period ? `${periodLabel(claim.period)} ` : '';
  if (claim.period && claim.measure === 'change' && claim.base) period = `${periodLabel(claim.period)} vs ${periodLabel(claim.base)} `;
  const modality = claim.modality === 'actual' ? '' : `${claim.modality} `;
  const change = claim.measure === 'change' ? 'change in ' : '';
  const parties = claim.parties.length > 0 ? ` ${partiesLabel(release, claim)}` : '';
  return `${period}${modality}${change}${metricLabel(claim)}${parties}`;
}

/** Formats a percentage for a message: "+78.2%", "−3.5%". */
export function formatPercent(value: number): string {
  const rounded = Math.round(value * 10) / 10;
  const sign = rounded > 0 ? '+' : rounded < 0 ? '−' : '';
  return `${sign}${Math.abs(rounded).toFixed(1)}%`;
}

const SCALE_WORDS: readonly [number, string][] = [[1e12, 'trillion'], [1e9, 'billion'], [1e6, 'million']];

/**
 * A computed amount for a message, in the unit and to the finest precision of the figures it comes
 * from: "USD 6.2 billion", "1,250 tourists", "12.5%".
 */
export function formatAmount(value: number, unit: string | null, resolution: number): string {
  if (unit === '%') return `${trimmed(value, resolution)}%`;
  let scale = 1;
  let word = '';
  for (const [s, w] of SCALE_WORDS) {
    if (Math.abs(value) >= s) {
      scale = s;
      word = ` ${w}`;
      break;
    }
  }
  const number = `${trimmed(value / scale, resolution / scale)}${word}`;
  if (unit === null) return number;
  return /^[A-Z]{3}$/.test(unit) ? `${unit} ${number}` : `${number} ${unit}`;
}

function trimmed(value: number, resolution: number): string {
  const decimals = resolution >= 1 ? 0 : Math.min(6, Math.ceil(-Math.log10(resolution) - 1e-9));
  const fixed = value.toFixed(decimals);
  if (decimals > 0) return fixed;
  return fixed.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}
