// complement-mismatch: two shares of one whole that the vocabulary calls complements ("84% of the
// land border demarcated", "the remaining 14%") and that do not add up to 100%, beyond their
// precision and qualifiers.
//
// Scope: document. Both shares must describe the same point in time, which only one release can
// say with confidence: two releases are written at different times (the share demarcated grows),
// and "the remaining 16%" of a later release is no complement of "84%" in an earlier one. Within a
// release, the shares must have the same parties and modality, and the same period, or both be
// stocks stated for the same year ("as of 2021" and "at present" in a release of 2021). The later
// share gets the finding, pointing at the earlier. A share that another share of the same time
// completes to 100% is never reported: a second value beside it is a figure-conflict. Severity:
// `warning`.

import { add, overlap } from '../analysis/intervals';
import type { ClaimPeriod } from '../analysis/claimTypes';
import type { Check, CheckedRelease } from './check';
import type { Finding } from './finding';
import { comparableClaims, describeClaim, formatAmount, intervalOf, lineOf, metricInfo, valueText, type ClaimRef } from './claimLookup';

export const complementMismatch: Check = {
  code: 'complement-mismatch',
  description: 'Shares of one whole that do not add up to 100%',
  scope: 'document',

  run(release: CheckedRelease): Finding[] {
    const findings: Finding[] = [];
    const shares = comparableClaims(release).filter((ref) => ref.figure.unit === '%' && ref.claim.measure !== 'change');
    const partnersOf = (ref: ClaimRef) => {
      const complement = metricInfo(ref.claim.metric)?.complement;
      return complement === undefined ? [] : shares.filter((other) => other.claim.metric === complement && sameWhole(other, ref));
    };
    // A share that some other share completes to 100% is explained: a second, different value of
    // either one is figure-conflict's business, not a complement's.
    const completed = (ref: ClaimRef) => partnersOf(ref).some((other) => completes(ref, other));
    for (const later of shares) {
      const earlier = partnersOf(later).find((other) => other.figure.start < later.figure.start && !completes(other, later));
      if (!earlier || completed(later) || completed(earlier)) continue;
      const total = formatAmount(earlier.figure.value + later.figure.value, '%', Math.min(earlier.figure.resolution, later.figure.resolution));
      findings.push({
        code: 'complement-mismatch',
        severity: 'warning',
        message:
          `${describeClaim(release, later.claim)}: ${valueText(later.figure)} here and ` +
          `${describeClaim(release, { ...earlier.claim, period: null }).trimStart()}: ${valueText(earlier.figure)} on line ${lineOf(release, earlier.figure.start)} ` +
          `add up to ${total}, not 100%`,
        start: later.figure.start,
        end: later.figure.end,
        related: [{ uri: release.uri, start: earlier.figure.start, end: earlier.figure.end, message: `the other share: ${valueText(earlier.figure)}` }],
      });
    }
    return findings;
  },
};

const HUNDRED = { low: 100, high: 100 };

function completes(a: ClaimRef, b: ClaimRef): boolean {
  return overlap(add(intervalOf(a), intervalOf(b)), HUNDRED);
}

function sameWhole(a: ClaimRef, b: ClaimRef): boolean {
  if (a.claim.modality !== b.claim.modality) return false;
  if (a.claim.parties.length !== b.claim.parties.length) return false;
  const pa = [...a.claim.parties].sort();
  const pb = [...b.claim.parties].sort();
  if (pa.some((p, i) => p !== pb[i])) return false;
  return sameTime(a.claim.period!, b.claim.period!);
}

function sameTime(a: ClaimPeriod, b: ClaimPeriod): boolean {
  if (a.from === b.from && a.to === b.to) return true;
  return a.pointInTime === true && b.pointInTime === true && a.to.slice(0, 4) === b.to.slice(0, 4);
}
