// sum-mismatch: parts that do not add up to the stated whole. The metric vocabulary says which
// metrics are sums of which (two-way trade A–B = exports A→B + exports B→A, "imports of B from A"
// being exports A→B); the parts must be of the same period, modality and unit as the whole.
//
// Scope: workspace. A release that gives the whole and another that gives the parts for the same
// period are compared like two statements of one figure (see figure-conflict); both releases get a
// finding. When every part is known, the sum of their intervals (rounding adds up: 3.27 + 2.77 may
// be 6.03) must meet the whole's; when only some are known, they may not exceed it (parts are flows,
// never negative). When a part or the whole is stated more than once, the finding needs every
// combination to disagree, and when the parts agree with one statement of the whole, other
// statements of it that disagree are left to figure-conflict: a missed finding rather than a wrong
// one. A whole stated as a floor ("topped") is never exceeded. Severity: `warning`.

import { add, overlap } from '../analysis/intervals';
import type { Interval } from '../analysis/intervals';
import { claimKey } from '../analysis/claimTypes';
import type { Claim } from '../analysis/claimTypes';
import type { Check, CheckedRelease, WorkspaceFacts } from './check';
import type { Finding } from './finding';
import {
  claimsWithKey, comparableClaims, describeClaim, formatAmount, indexKey, intervalOf, metricInfo, related, sameUnit,
  statedAt, wholesOf, valueText, type ClaimRef,
} from './claimLookup';

/** Combinations of stated parts looked at before giving up (precision first: no finding). */
const MAX_COMBINATIONS = 64;

export const sumMismatch: Check = {
  code: 'sum-mismatch',
  description: 'Parts that do not add up to the stated whole',
  scope: 'workspace',

  *keys(release: CheckedRelease): Iterable<string> {
    for (const ref of comparableClaims(release)) {
      const wholes = wholeTemplates(ref.claim);
      if (wholes.length === 0) continue;
      yield indexKey(ref.key);
      for (const whole of wholes) {
        yield indexKey(claimKey(whole)!);
        for (const slot of partSlots(whole)) yield indexKey(slot.key);
      }
    }
  },

  run(release: CheckedRelease, workspace: WorkspaceFacts): Finding[] {
    const findings: Finding[] = [];
    const seenWholes = new Set<string>();
    const spansWithFinding = new Set<number>();
    for (const ref of comparableClaims(release)) {
      for (const template of wholeTemplates(ref.claim)) {
        const wholeKey = claimKey(template)!;
        if (seenWholes.has(wholeKey)) continue;
        seenWholes.add(wholeKey);
        const slots = partSlots(template).map((slot) => ({ ...slot, refs: [...claimsWithKey(release, workspace, slot.key)] }));
        const verdicts = [...claimsWithKey(release, workspace, wholeKey)].map((whole) => compare(release, whole, slots));
        // When the parts agree with one statement of the whole, another statement that disagrees
        // is a figure-conflict between the wholes, not a sum that fails.
        if (verdicts.some((v) => v === 'agrees')) continue;
        for (const finding of verdicts) {
          if (typeof finding === 'string' || spansWithFinding.has(finding.start)) continue;
          spansWithFinding.add(finding.start);
          findings.push(finding);
        }
      }
    }
    return findings;
  },
};

interface Slot {
  /** The part's claim key. */
  readonly key: string;
  readonly claim: Claim;
}

/**
 * The whole claims a level claim takes part in, as claim templates (metric, parties, period,
 * modality of the whole): itself when its metric has parts, the wholes of its metric otherwise.
 */
function wholeTemplates(claim: Claim): Claim[] {
  if (claim.measure !== 'level' || claimKey(claim) === null) return [];
  const info = metricInfo(claim.metric);
  if (!info) return [];
  if (info.parts && info.parts.length > 0) return [claim];
  const wholes: Claim[] = [];
  for (const wholeId of wholesOf(claim.metric)) {
    const whole = metricInfo(wholeId)!;
    const parties = whole.symmetric ? [...claim.parties].sort() : [...claim.parties];
    wholes.push({ ...claim, metric: wholeId, metricText: whole.name, parties, directional: !whole.symmetric });
  }
  return wholes;
}

/** The claims whose sum is the whole: for a symmetric pair and a directional part, one per direction. */
function partSlots(whole: Claim): Slot[] {
  const info = metricInfo(whole.metric);
  const slots: Slot[] = [];
  for (const partId of info?.parts ?? []) {
    const part = metricInfo(partId);
    if (!part) continue;
    const orders =
      !part.symmetric && info!.symmetric && whole.parties.length === 2
        ? [[whole.parties[0]!, whole.parties[1]!], [whole.parties[1]!, whole.parties[0]!]]
        : [[...whole.parties]];
    for (const parties of orders) {
      const claim: Claim = { ...whole, metric: partId, metricText: part.name, parties, directional: !part.symmetric };
      const key = claimKey(claim);
      if (key !== null) slots.push({ key, claim });
    }
  }
  return slots;
}

/**
 * Whether the stated parts agree with one statement of the whole; a finding for this release when
 * they cannot; `unknown` when there is nothing to compare (no part in the whole's unit, too many
 * combinations, or a disagreement that concerns no figure of this release).
 */
function compare(release: CheckedRelease, whole: ClaimRef, slots: readonly (Slot & { refs: ClaimRef[] })[]): Finding | 'agrees' | 'unknown' {
  const candidates = slots.map((slot) => slot.refs.filter((r) => sameUnit(r.figure, whole.figure)));
  const known = candidates.filter((c) => c.length > 0);
  if (known.length === 0) return 'unknown';
  const w = intervalOf(whole);
  let chosen: ClaimRef[];
  let complete: boolean;
  if (known.length === candidates.length) {
    // Every part is stated: some combination of them must meet the whole.
    complete = true;
    const combos = combinations(known);
    if (combos === null) return 'unknown';
    if (combos.some((combo) => overlap(sum(combo), w))) return 'agrees';
    chosen = combos[0]!;
  } else {
    // Some parts are stated: even their least values may not exceed the whole.
    complete = false;
    if (whole.figure.qualifier === 'at-least') return 'agrees';
    const least = known.map((refs) => refs.reduce((a, b) => (intervalOf(b).low < intervalOf(a).low ? b : a)));
    if (!(sum(least).low > w.high)) return 'agrees';
    chosen = known.map((refs) => refs[0]!);
  }
  const members = [whole, ...chosen];
  const anchor = members.find((m) => m.release.uri === release.uri);
  if (!anchor) return 'unknown';
  const here = (ref: ClaimRef) => (ref === anchor ? `${valueText(ref.figure)} here` : statedAt(release, ref));
  const partsText = chosen.map((p) => `${describeClaim(release, { ...p.claim, period: null }).trimStart()}: ${here(p)}`).join(' + ');
  const total = formatAmount(chosen.reduce((s, p) => s + p.figure.value, 0), whole.figure.unit, Math.min(...chosen.map((p) => p.figure.resolution)));
  const subject = describeClaim(release, whole.claim);
  const message = complete
    ? `${subject}: the parts add up to ${total} (${partsText}), the whole is ${here(whole)}`
    : `${subject}: ${chosen.length === 1 ? 'one part alone' : 'some parts alone'} (${partsText}) exceed${chosen.length === 1 ? 's' : ''} the whole, ${here(whole)}`;
  return {
    code: 'sum-mismatch',
    severity: 'warning',
    message,
    start: anchor.figure.start,
    end: anchor.figure.end,
    related: members.filter((m) => m !== anchor).map((m) => related(m, m === whole ? `the whole: ${valueText(m.figure)}` : `a part: ${valueText(m.figure)}`)),
  };
}

function sum(refs: readonly ClaimRef[]): Interval {
  return refs.map(intervalOf).reduce(add);
}

/** Every choice of one claim per slot, in order (this release's first); null when there are too many. */
function combinations(slots: readonly ClaimRef[][]): ClaimRef[][] | null {
  let count = 1;
  for (const s of slots) count *= s.length;
  if (count > MAX_COMBINATIONS) return null;
  let combos: ClaimRef[][] = [[]];
  for (const s of slots) combos = combos.flatMap((combo) => s.map((ref) => [...combo, ref]));
  return combos;
}
