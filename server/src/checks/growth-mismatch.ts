// growth-mismatch: a stated change ("up 16.7% year on year") that the levels of both periods
// contradict. The levels are the claims of the same metric, parties and modality for the change's
// period and for its base, from any release; the change they give (an interval, from both figures'
// precision and qualifiers) must be able to meet the stated one.
//
// Precision first: when a period has several stated levels (two releases round differently), the
// change is a mismatch only if no pair of levels agrees with it; levels in different units are not
// paired. A change in percentage points or without a base is not compared. Severity is always
// `warning`: the change rests on pairing a percentage with its periods ("respectively"), which a
// reviewer should look at rather than a build fail on.

import { periodLabel } from '../analysis/calendar';
import { overlap, percentChange } from '../analysis/intervals';
import type { Interval } from '../analysis/intervals';
import type { Check, CheckedRelease, WorkspaceFacts } from './check';
import type { Finding } from './finding';
import {
  changeSign, claimValueText, ClaimLookup, comparableClaims, describeClaim, formatPercent, indexKey, intervalOf, keyWith,
  related, sameUnit, statedAt, valueText, claimsFingerprint, type ClaimRef,
} from './claimLookup';

export const growthMismatch: Check = {
  code: 'growth-mismatch',
  description: 'A stated change that the figures for both periods contradict',
  scope: 'workspace',

  *keys(release: CheckedRelease): Iterable<string> {
    for (const ref of comparableClaims(release)) {
      if (ref.claim.measure === 'level') yield indexKey(ref.key);
      else if (ref.claim.measure === 'change') for (const key of levelKeys(ref)) yield indexKey(key);
    }
  },

  fingerprint: (release, key) => claimsFingerprint(release, key),

  run(release: CheckedRelease, workspace: WorkspaceFacts): Finding[] {
    const findings: Finding[] = [];
    const lookup = new ClaimLookup(release, workspace);
    for (const ref of comparableClaims(release)) {
      const verdict = changeVerdict(ref, lookup);
      if (verdict === null || verdict.agrees) continue;
      const { base, next } = verdict;
      const computed = (next.figure.value / base.figure.value - 1) * 100;
      const claim = ref.claim;
      findings.push({
        code: 'growth-mismatch',
        severity: 'warning',
        message:
          `${describeClaim(release, claim)}: the figures give ${formatPercent(computed)} ` +
          `(${statedAt(release, base)} → ${statedAt(release, next)}), ` +
          `this release says ${claimValueText(ref)}`,
        start: ref.figure.start,
        end: ref.figure.end,
        related: [
          related(base, `${periodLabel(claim.base!)}: ${valueText(base.figure)}`),
          related(next, `${periodLabel(claim.period!)}: ${valueText(next.figure)}`),
        ],
      });
    }
    return findings;
  },
};

/** A level of a change's base period and one of its own period. */
interface LevelPair {
  readonly base: ClaimRef;
  readonly next: ClaimRef;
}

/**
 * What the levels of both periods say of a stated change, for this check and the hover alike:
 * `agrees` when some pair of levels in the same unit gives a change that can meet it; otherwise the
 * first pair that cannot (the one a finding names); null when the change is not compared (not in
 * per cent, no base, no pair of levels to compute it from). `lookup` is the stated change's release's.
 */
export function changeVerdict(ref: ClaimRef, lookup: ClaimLookup): { readonly agrees: true } | ({ readonly agrees: false } & LevelPair) | null {
  if (ref.claim.measure !== 'change' || ref.figure.unit !== '%') return null;
  const keys = levelKeys(ref);
  if (keys.length !== 2) return null;
  const nexts = ordered(ref.release, ref, lookup.withKey(keys[0]!));
  const bases = lookup.withKey(keys[1]!);
  const stated = statedChanges(ref);
  let first: LevelPair | null = null;
  for (const next of nexts) {
    for (const base of bases) {
      if (!sameUnit(base.figure, next.figure)) continue;
      const computed = percentChange(intervalOf(base), intervalOf(next));
      if (computed === null) continue;
      if (stated.some((s) => overlap(computed, s))) return { agrees: true };
      first ??= { base, next };
    }
  }
  return first === null ? null : { agrees: false, ...first };
}

/** The keys of the level claims a change rests on: its own period's, then its base's. */
function levelKeys(ref: ClaimRef): string[] {
  const { claim } = ref;
  if (!claim.base || !claim.period) return [];
  const next = keyWith(claim, 'level', claim.period);
  const base = keyWith(claim, 'level', claim.base);
  return next !== null && base !== null ? [next, base] : [];
}

/** The level the change names ("respectively"), when it names one, first. */
function ordered(release: CheckedRelease, ref: ClaimRef, nexts: ClaimRef[]): ClaimRef[] {
  const of = ref.claim.ofClaim;
  if (of === undefined) return nexts;
  const index = nexts.findIndex((n) => n.release.uri === release.uri && n.claimIndex === of);
  if (index <= 0) return nexts;
  return [nexts[index]!, ...nexts.slice(0, index), ...nexts.slice(index + 1)];
}

/**
 * The stated change as intervals to meet. A change the text marks as a decrease is negative; one
 * whose direction the claim does not tell may be either way ("changed by 5%"), so both signs are
 * tried: a missed finding rather than a wrong one.
 */
function statedChanges(ref: ClaimRef): Interval[] {
  const i = intervalOf(ref);
  const negative = { low: -i.high, high: -i.low };
  const sign = changeSign(ref.claim, ref.figure);
  if (sign > 0) return [i];
  if (sign < 0) return [negative];
  return [i, negative];
}
