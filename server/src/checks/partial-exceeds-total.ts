// partial-exceeds-total: the level of a flow over part of a year ("the first nine months of 2022")
// above the level over a longer stretch of the same year that contains it (the full year, or a
// longer part), for the same metric, parties, unit and modality — beyond both figures' precision
// and qualifiers. Only metrics the vocabulary calls flows (trade, exports, tourists, aid: they only
// add up over months) are compared; stocks at a point in time never are.
//
// Both releases get the finding: the one with the part and the one with the whole. Peers are found
// through one key per claim, the key its year's full-year level has, which parts and wholes alike
// register. A whole stated as a floor ("topped", "more than") is never exceeded. Severity: `warning`.

import { periodLabel } from '../analysis/calendar';
import { overlap } from '../analysis/intervals';
import type { ClaimPeriod } from '../analysis/claimTypes';
import type { Check, CheckedRelease, WorkspaceFacts } from './check';
import type { Finding } from './finding';
import {
  ClaimLookup, comparableClaims, describeClaim, indexKey, intervalOf, keyWith, metricInfo, related, sameUnit,
  statedAt, valueText, claimsFingerprint, type ClaimRef,
} from './claimLookup';

export const partialExceedsTotal: Check = {
  code: 'partial-exceeds-total',
  description: 'A partial period above the full period of the same year',
  scope: 'workspace',

  *keys(release: CheckedRelease): Iterable<string> {
    for (const ref of comparableClaims(release)) {
      const key = yearKey(ref);
      if (key !== null) yield indexKey(key);
    }
  },

  fingerprint: (release, key) => claimsFingerprint(release, key, yearKey),

  run(release: CheckedRelease, workspace: WorkspaceFacts): Finding[] {
    const findings: Finding[] = [];
    const lookup = new ClaimLookup(release, workspace, yearKey);
    for (const ref of comparableClaims(release)) {
      const key = yearKey(ref);
      if (key === null) continue;
      for (const other of lookup.withKey(key)) {
        if (other.release.uri === release.uri && other.claimIndex === ref.claimIndex) continue;
        if (!sameUnit(ref.figure, other.figure)) continue;
        const mine = ref.claim.period!;
        const theirs = other.claim.period!;
        if (strictlyWithin(mine, theirs)) {
          // This claim is the part: it may not exceed the whole.
          if (exceeds(ref, other)) {
            findings.push({
              code: 'partial-exceeds-total',
              severity: 'warning',
              message:
                `${describeClaim(release, ref.claim)}: ${valueText(ref.figure)} here, more than the whole of ` +
                `${periodLabel(theirs)}: ${statedAt(release, other)}`,
              start: ref.figure.start,
              end: ref.figure.end,
              related: [related(other, `${periodLabel(theirs)}: ${valueText(other.figure)}`)],
            });
          }
        } else if (strictlyWithin(theirs, mine)) {
          // This claim is the whole: a part of it may not exceed it.
          if (exceeds(other, ref)) {
            findings.push({
              code: 'partial-exceeds-total',
              severity: 'warning',
              message:
                `${describeClaim(release, ref.claim)}: ${valueText(ref.figure)} here, less than ` +
                `${periodLabel(theirs)} alone: ${statedAt(release, other)}`,
              start: ref.figure.start,
              end: ref.figure.end,
              related: [related(other, `${periodLabel(theirs)}: ${valueText(other.figure)}`)],
            });
          }
        }
      }
    }
    return findings;
  },
};

/**
 * The key of the full-year level of the claim's year, for a level of a flow over a period inside one
 * calendar year; null for anything else (stocks, shares, changes, periods across years).
 */
function yearKey(ref: ClaimRef): string | null {
  const { claim } = ref;
  if (claim.measure !== 'level' || !claim.period || claim.period.pointInTime) return null;
  if (metricInfo(claim.metric)?.temporal !== 'flow') return null;
  if (ref.figure.unit === '%' || ref.figure.value < 0) return null;
  const year = claim.period.from.slice(0, 4);
  if (claim.period.to.slice(0, 4) !== year) return null;
  return keyWith(claim, 'level', { from: `${year}-01-01`, to: `${year}-12-31`, granularity: 'year' });
}

/** `inner` lies inside `outer` and is shorter. ISO dates compare as strings. */
function strictlyWithin(inner: ClaimPeriod, outer: ClaimPeriod): boolean {
  return inner.from >= outer.from && inner.to <= outer.to && (inner.from !== outer.from || inner.to !== outer.to);
}

/**
 * The part's least possible value is above the whole's greatest. A whole stated as a floor ("topped
 * 9.5 billion in 2021") has no ceiling here: the year may well have exceeded it by more than the
 * qualifier's reach, and a part above it is then no contradiction.
 */
function exceeds(part: ClaimRef, whole: ClaimRef): boolean {
  if (whole.figure.qualifier === 'at-least') return false;
  const p = intervalOf(part);
  const w = intervalOf(whole);
  return !overlap(p, w) && p.low > w.high;
}
