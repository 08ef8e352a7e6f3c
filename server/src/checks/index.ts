// Every check, and running them over one release. Checks are pure and independent: a failure in
// one is reported and does not stop the others.

import type { Check, CheckedRelease, WorkspaceFacts } from './check';
import type { Finding } from './finding';
import { figureConflict } from './figure-conflict';
import { growthMismatch } from './growth-mismatch';
import { sumMismatch } from './sum-mismatch';
import { partialExceedsTotal } from './partial-exceeds-total';
import { complementMismatch } from './complement-mismatch';
import { anniversaryMismatch } from './anniversary-mismatch';
import { ordinalSequence } from './ordinal-sequence';
import { weekdayMismatch } from './weekday-mismatch';
import { datelineOrder } from './dateline-order';
import { partyVariant } from './party-variant';
import { gluedWords } from './glued-words';
import { unresolvedDate } from './unresolved-date';

/** All checks, in the order of the design table. */
export const ALL_CHECKS: readonly Check[] = [
  figureConflict,
  growthMismatch,
  sumMismatch,
  partialExceedsTotal,
  complementMismatch,
  anniversaryMismatch,
  ordinalSequence,
  weekdayMismatch,
  datelineOrder,
  partyVariant,
  gluedWords,
  unresolvedDate,
];

export interface CheckRun {
  readonly findings: Finding[];
  /** Checks that threw, with the error: reported to the user, never a crash. */
  readonly failures: { readonly code: string; readonly error: string }[];
}

export function runChecks(release: CheckedRelease, workspace: WorkspaceFacts, checks: readonly Check[] = ALL_CHECKS): CheckRun {
  const findings: Finding[] = [];
  const failures: { code: string; error: string }[] = [];
  for (const check of checks) {
    try {
      findings.push(...check.run(release, workspace));
    } catch (error) {
      failures.push({ code: check.code, error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
    }
  }
  findings.sort((a, b) => a.start - b.start || a.end - b.end || a.code.localeCompare(b.code));
  return { findings, failures };
}
