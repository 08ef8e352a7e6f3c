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
  ClaimLookup, comparableClaims, describeClaim, formatAmount, indexKey, intervalOf, metricInfo, related,
  statedAt, wholesOf, valueText, claimsFingerprint, type ClaimRef,
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

  fingerprint: (release, key) => claimsFingerprint(release, key),

  run(release: CheckedRelease, workspace: WorkspaceFacts): Finding[] {
    const findings: Finding[] = [];
    const seenWholes = new Set<string>();
    const spansWithFinding = new Set<number>();
    const lookup = new ClaimLookup(release, workspace);
    for (const ref of comparableClaims(release)) {
      for (const template of wholeTemplates(ref.claim)) {
        const wholeKey = claimKey(template)!;
        if (seenWholes.has(wholeKey)) continue;
        seenWholes.add(wholeKey);
        const slots = partSlots(template).map((slot) => lookup.withKey(slot.key));
        const wholes = lookup.withKey(wholeKey);
        const parts = new Map<string | null, StatedParts>();
        const partsIn = (unit: string | null) => {
          let stated = parts.get(unit);
          if (!stated) parts.set(unit, (stated = statedParts(slots, unit)));
          return stated;
        };
        const verdicts = wholes.map((whole) => verdict(whole, partsIn(whole.figure.unit)));
        // When the parts agree with one statement of the whole, another statement that disagrees
        // is a figure-conflict between the wholes, not a sum that fails.
        if (verdicts.includes('agrees')) continue;
        wholes.forEach((whole, i) => {
          if (verdicts[i] !== 'mismatch') return;
          const finding = describe(release, whole, partsIn(whole.figure.unit), spansWithFinding);
          if (!finding) return;
          spansWithFinding.add(finding.start);
          findings.push(finding);
        });
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

/** The stated parts in one unit: per slot, the claims that state it. */
interface StatedParts {
  /** The slots that have at least one statement. */
  readonly known: readonly (readonly ClaimRef[])[];
  /** Whether every slot has one. */
  readonly complete: boolean;
  /** Every part stated: each choice of one statement per part; null when there are too many. */
  readonly combos: readonly ClaimRef[][] | null;
  /** Some parts stated: the statement with the least value of each. */
  readonly least: readonly ClaimRef[];
}

function statedParts(slots: readonly (readonly ClaimRef[])[], unit: string | null): StatedParts {
  const candidates = slots.map((refs) => refs.filter((r) => unit !== null && r.figure.unit === unit));
  const known = candidates.filter((c) => c.length > 0);
  const complete = known.length === candidates.length && known.length > 0;
  return {
    known,
    complete,
    combos: complete ? combinations(known) : null,
    least: known.map((refs) => refs.reduce((a, b) => (intervalOf(b).low < intervalOf(a).low ? b : a))),
  };
}

/**
 * Whether the stated parts agree with one statement of the whole; `unknown` when there is nothing
 * to compare (no part in the whole's unit, too many combinations).
 */
function verdict(whole: ClaimRef, parts: StatedParts): 'agrees' | 'mismatch' | 'unknown' {
  if (parts.known.length === 0) return 'unknown';
  const w = intervalOf(whole);
  if (parts.complete) {
    // Every part is stated: some combination of them must meet the whole.
    if (parts.combos === null) return 'unknown';
    return parts.combos.some((combo) => overlap(sum(combo), w)) ? 'agrees' : 'mismatch';
  }
  // Some parts are stated: even their least values may not exceed the whole.
  if (whole.figure.qualifier === 'at-least') return 'agrees';
  return sum(parts.least).low > w.high ? 'mismatch' : 'agrees';
}

/**
 * The finding for a whole its parts contradict, on this release's figure among them (the whole
 * first); null when none of them is in this release, or that figure already has its finding.
 */
function describe(release: CheckedRelease, whole: ClaimRef, parts: StatedParts, taken: ReadonlySet<number>): Finding | null {
  const chosen = parts.complete ? parts.combos![0]! : parts.known.map((refs) => refs[0]!);
  const members = [whole, ...chosen];
  const anchor = members.find((m) => m.release.uri === release.uri);
  if (!anchor || taken.has(anchor.figure.start)) return null;
  const here = (ref: ClaimRef) => (ref === anchor ? `${valueText(ref.figure)} here` : statedAt(release, ref));
  const partsText = chosen.map((p) => `${describeClaim(release, { ...p.claim, period: null }).trimStart()}: ${here(p)}`).join(' + ');
  const total = formatAmount(chosen.reduce((s, p) => s + p.figure.value, 0), whole.figure.unit, Math.min(...chosen.map((p) => p.figure.resolution)));
  const subject = describeClaim(release, whole.claim);
  const message = parts.complete
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
