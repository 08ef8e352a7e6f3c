// Hand-built releases for the numeric checks: the text is written for the test, and the figures and
// claims are constructed here (not extracted), so a check's test depends on the check alone.

import type { Claim, ClaimMeasure, ClaimPeriod } from '../../../server/src/analysis/claimTypes';
import { computeLineStarts } from '../../../server/src/analysis/text';
import type { DocumentAnalysis, Figure, FigureKind, Modality, PartySummary, Qualifier } from '../../../server/src/analysis/types';
import type { Check, CheckedRelease } from '../../../server/src/checks/check';
import type { Finding } from '../../../server/src/checks/finding';
import { WorkspaceIndex } from '../../../server/src/workspace/index';

const PARTY_NAMES: Record<string, string> = { KHM: 'Cambodia', VNM: 'Viet Nam', LAO: 'Laos', THA: 'Thailand' };

export interface ClaimSpec {
  /** The figure as written in the text; its first occurrence unless `nth` says otherwise. */
  readonly figure: string;
  readonly nth?: number;
  readonly metric: string | null;
  readonly metricText?: string;
  readonly parties: readonly string[];
  readonly directional?: boolean;
  /** "2020"; "2022-01..2022-09" (whole months); "@2021-10-23" (a stock at that day); null: unknown. */
  readonly period: string | null;
  readonly base?: string;
  readonly measure?: ClaimMeasure;
  readonly modality?: Modality;
  readonly unknown?: readonly string[];
  readonly ofClaim?: number;
  /** For a change: +1 a stated rise, −1 a stated fall. */
  readonly sign?: number;
}

export function period(spec: string): ClaimPeriod {
  if (spec.startsWith('@')) return { from: spec.slice(1), to: spec.slice(1), granularity: 'day', pointInTime: true };
  if (/^\d{4}$/.test(spec)) return { from: `${spec}-01-01`, to: `${spec}-12-31`, granularity: 'year' };
  const m = /^(\d{4})-(\d{2})\.\.(\d{4})-(\d{2})$/.exec(spec);
  if (!m) throw new Error(`bad period ${spec}`);
  const lastDay = new Date(Date.UTC(Number(m[3]), Number(m[4]), 0)).getUTCDate();
  return { from: `${m[1]}-${m[2]}-01`, to: `${m[3]}-${m[4]}-${String(lastDay).padStart(2, '0')}`, granularity: 'period' };
}

const SCALES: Record<string, number> = { thousand: 1e3, million: 1e6, billion: 1e9 };
const QUALIFIERS: Record<string, Qualifier> = {
  nearly: 'approximate', about: 'approximate', almost: 'approximate', around: 'approximate',
  topped: 'at-least', over: 'at-least', 'more than': 'at-least',
  under: 'at-most', 'up to': 'at-most',
};

/**
 * A small reader for the figure shapes these tests write: "[qualifier] [USD|VND] 5.33 billion
 * [USD]", "nearly 80%", "198 projects". Resolution as the figures extractor states it: the place
 * value of the last written digit; trailing zeros of a whole number are not significant.
 */
export function readFigure(text: string, start: number): Figure {
  let rest = text;
  let qualifier: Qualifier = 'exact';
  let qualifierText: string | undefined;
  for (const [words, q] of Object.entries(QUALIFIERS)) {
    if (rest.startsWith(`${words} `)) {
      qualifier = q;
      qualifierText = words;
      rest = rest.slice(words.length + 1);
      break;
    }
  }
  let unit: string | null = null;
  const lead = /^(USD|VND) /.exec(rest);
  if (lead) {
    unit = lead[1]!;
    rest = rest.slice(4);
  }
  const m = /^([\d,]+)(?:\.(\d+))?(%| [a-z]+)?(?: ([a-z]+))?(?: (USD|VND))?$/.exec(rest);
  if (!m) throw new Error(`cannot read figure "${text}"`);
  const whole = m[1]!.replace(/,/g, '');
  const decimals = m[2] ?? '';
  let kind: FigureKind = 'number';
  let scale = 1;
  const word = m[3]?.trim();
  const next = m[4];
  if (m[3] === '%') {
    kind = 'percent';
    unit = '%';
  } else if (word && SCALES[word]) {
    scale = SCALES[word]!;
  } else if (word) {
    kind = 'count';
    unit = next ? `${word} ${next}` : word;
  }
  if (m[5]) unit = m[5];
  if (unit && unit !== '%' && kind === 'number') kind = 'money';
  const value = Number(`${whole}.${decimals || '0'}`) * scale;
  let resolution: number;
  if (decimals) resolution = scale * 10 ** -decimals.length;
  else {
    const zeros = /0*$/.exec(whole)![0].length;
    resolution = scale * 10 ** Math.min(zeros, whole.length - 1);
  }
  return {
    start, end: start + text.length, text, kind, value, unit, resolution, qualifier,
    ...(qualifierText ? { qualifierText } : {}),
    modality: 'actual',
  };
}

export function release(uri: string, text: string, specs: readonly ClaimSpec[], config?: { readonly tolerance?: number }): CheckedRelease {
  const figures: Figure[] = [];
  const claims: Claim[] = [];
  const partyIds = new Set<string>();
  for (const spec of specs) {
    let at = -1;
    for (let n = 0; n <= (spec.nth ?? 0); n++) {
      at = text.indexOf(spec.figure, at + 1);
      if (at < 0) throw new Error(`"${spec.figure}" is not in the text of ${uri}`);
    }
    const figure = { ...readFigure(spec.figure, at), modality: spec.modality ?? 'actual' };
    figures.push(figure);
    for (const id of spec.parties) partyIds.add(id);
    const claim: Claim = {
      start: figure.start,
      end: figure.end,
      figureIndex: figures.length - 1,
      metric: spec.metric,
      ...(spec.metricText ? { metricText: spec.metricText } : {}),
      parties: spec.directional ? spec.parties : [...spec.parties].sort(),
      directional: spec.directional ?? false,
      period: spec.period === null ? null : period(spec.period),
      modality: spec.modality ?? 'actual',
      measure: spec.measure ?? 'level',
      ...(spec.base ? { base: period(spec.base) } : {}),
      ...(spec.ofClaim !== undefined ? { ofClaim: spec.ofClaim } : {}),
      ...(spec.sign !== undefined ? { sign: spec.sign } : {}),
      unknown: spec.unknown ?? [],
    };
    claims.push(claim);
  }
  // Figures in document order, as the analysis gives them; claims keep pointing at theirs.
  const order = figures.map((_, i) => i).sort((a, b) => figures[a]!.start - figures[b]!.start);
  const newIndex = new Map(order.map((old, i) => [old, i]));
  const sortedFigures = order.map((i) => figures[i]!);
  const sortedClaims = claims.map((c) => ({ ...c, figureIndex: newIndex.get(c.figureIndex)! }));
  const partySummaries: PartySummary[] = [...partyIds].map((id) => ({
    id, name: PARTY_NAMES[id] ?? id, kind: 'country', forms: [PARTY_NAMES[id] ?? id], titles: [], mentionCount: 1,
  }));
  const analysis: DocumentAnalysis = {
    uri, format: 'plain', length: text.length, releaseDate: null,
    figures: sortedFigures, dates: [], parties: [], partySummaries,
    lineStarts: computeLineStarts(text),
    claims: sortedClaims,
  };
  return { uri, text, analysis, ...(config ? { config } : {}) };
}

/** Indexes the releases with the check's keys (as the server does) and runs the check on each. */
export function runOver(check: Check, releases: readonly CheckedRelease[]): Map<string, Finding[]> {
  const index = new WorkspaceIndex([check]);
  releases.forEach((r, i) => index.set(r, i + 1));
  const out = new Map<string, Finding[]>();
  for (const r of releases) out.set(r.uri, check.run(r, index));
  return out;
}

/** What a test row expects of one finding. */
export interface Expected {
  readonly uri: string;
  /** The text the finding spans. */
  readonly span: string;
  readonly severity: Finding['severity'];
  /** Words the message must contain. */
  readonly words: readonly string[];
  /** URIs of the related locations, in any order. */
  readonly related?: readonly string[];
}

/**
 * The findings of `check` over `releases` are exactly `expected`: one finding per row (span text,
 * severity, message words, related URIs), and no other.
 */
export function checkFindings(check: Check, releases: readonly CheckedRelease[], expected: readonly Expected[]): void {
  const results = runOver(check, releases);
  const actual: string[] = [];
  for (const r of releases) {
    for (const f of results.get(r.uri) ?? []) {
      actual.push(`${r.uri} "${r.text.slice(f.start, f.end)}" ${f.severity}: ${f.message} [${f.related.map((x) => x.uri).sort().join(', ')}]`);
    }
  }
  const unmatched = [...actual];
  for (const e of expected) {
    const found = unmatched.findIndex((line) =>
      line.startsWith(`${e.uri} "${e.span}" ${e.severity}: `) &&
      e.words.every((w) => line.includes(w)) &&
      (e.related === undefined || line.endsWith(`[${[...e.related].sort().join(', ')}]`)));
    if (found < 0) throw new Error(`expected a ${check.code} finding ${JSON.stringify(e)}\nactual findings:\n${actual.join('\n') || '(none)'}`);
    unmatched.splice(found, 1);
  }
  if (unmatched.length > 0) throw new Error(`unexpected ${check.code} findings:\n${unmatched.join('\n')}`);
  for (const r of releases) for (const f of results.get(r.uri) ?? []) if (f.code !== check.code) throw new Error(`wrong code ${f.code}`);
}
