// figure-conflict: the same claim (metric, parties, period, measure, modality: `claimKey`) stated
// with values whose intervals (stated precision and qualifier) cannot overlap, in this release or
// in another one.
//
// Never compared: claims with unknown metric, parties or period (no key); changes against different
// bases, or with opposite signs only when both signs are stated; values in different units
// (USD and VND, "projects" and "percent"); different keys, so different pairs, periods (a stock
// "at present" is keyed by each release's own date), metrics, measures and modalities. Targets and
// forecasts are compared only within one release: a later release may revise a plan.
//
// Severity: `error` only when two exact statements of the same actual claim in ONE release disagree
// (they cannot both be true, and the release must be fixed before it goes out). Across releases it
// is a `warning`: figures are revised (preliminary and final data, another ministry's source), and a
// reviewer must decide which release is right.

import { overlap } from '../analysis/intervals';
import type { Interval } from '../analysis/intervals';
import type { Check, CheckedRelease, WorkspaceFacts } from './check';
import type { Finding, RelatedLocation } from './finding';
import {
  changeSign, claimsFingerprint, claimValueText, ClaimLookup, comparableClaims, describeClaim, indexKey, intervalOf, isExact, related, sameUnit, statedAt, valueText,
  type ClaimRef,
} from './claimLookup';

/** How many other statements a message names before it says "and N more". */
const NAMED_IN_MESSAGE = 2;
/** How many of them the finding links to (an archive may state one figure in hundreds of releases). */
const MAX_RELATED = 20;

export const figureConflict: Check = {
  code: 'figure-conflict',
  description: 'The same claim stated with values that differ beyond the stated precision and qualifiers',
  scope: 'workspace',

  *keys(release: CheckedRelease): Iterable<string> {
    for (const ref of comparableClaims(release)) yield indexKey(ref.key);
  },

  fingerprint: (release, key) => claimsFingerprint(release, key),

  run(release: CheckedRelease, workspace: WorkspaceFacts): Finding[] {
    const findings: Finding[] = [];
    const lookup = new ClaimLookup(release, workspace);
    for (const ref of comparableClaims(release)) {
      const conflicts: ClaimRef[] = [];
      for (const other of lookup.withKey(ref.key)) {
        const sameRelease = other.release.uri === release.uri;
        if (sameRelease && other.claim.figureIndex === ref.claim.figureIndex) continue;
        if (!sameRelease && ref.claim.modality !== 'actual') continue;
        if (!sameUnit(ref.figure, other.figure)) continue;
        if (!disagree(ref, other)) continue;
        conflicts.push(other);
      }
      if (conflicts.length === 0) continue;
      const named = conflicts.slice(0, NAMED_IN_MESSAGE).map((c) => statedAt(release, c));
      const more = conflicts.length - named.length;
      const message =
        `${describeClaim(release, ref.claim)}: ${claimValueText(ref)} here, ${named.join(', ')}` +
        (more > 0 ? ` and ${more} more` : '');
      const cannotBothBeTrue = conflicts.some(
        (c) => c.release.uri === release.uri && ref.claim.modality === 'actual' && isExact(ref.figure) && isExact(c.figure),
      );
      const relatedLocations: RelatedLocation[] = conflicts.slice(0, MAX_RELATED).map((c) => related(c, `${valueText(c.figure)}: the same claim stated otherwise`));
      findings.push({
        code: 'figure-conflict',
        severity: cannotBothBeTrue ? 'error' : 'warning',
        message,
        start: ref.figure.start,
        end: ref.figure.end,
        related: relatedLocations,
      });
    }
    return findings;
  },
};

/**
 * Whether two statements of one claim key cannot both hold. Changes must also share their base ("up
 * 40% on 2019" and "up 80% on 2020" are about different things) and are compared with their signs
 * when both tell one, by size otherwise ("changed by 5%" and "down 5%" agree).
 */
function disagree(a: ClaimRef, b: ClaimRef): boolean {
  if (a.claim.measure !== 'change') return !overlap(intervalOf(a), intervalOf(b));
  const baseA = a.claim.base;
  const baseB = b.claim.base;
  if (!baseA || !baseB || baseA.from !== baseB.from || baseA.to !== baseB.to) return false;
  const signA = changeSign(a.claim, a.figure);
  const signB = changeSign(b.claim, b.figure);
  if (signA !== 0 && signB !== 0) return !overlap(signed(intervalOf(a), signA), signed(intervalOf(b), signB));
  return !overlap(size(intervalOf(a)), size(intervalOf(b)));
}

function signed(i: Interval, sign: number): Interval {
  return sign < 0 ? { low: -i.high, high: -i.low } : i;
}

function size(i: Interval): Interval {
  if (i.low >= 0) return i;
  if (i.high <= 0) return { low: -i.high, high: -i.low };
  return { low: 0, high: Math.max(-i.low, i.high) };
}
