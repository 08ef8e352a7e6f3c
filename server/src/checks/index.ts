// Every check, and running them over one release. Checks are pure and independent: a failure in
// one is reported and does not stop the others.

import type { Check, CheckedRelease, WorkspaceFacts } from './check';
import type { Finding, Severity } from './finding';
import { applySuppressions } from './suppression';
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

/** What one check gave on one release: its findings at the check's own severities, or the error it threw. */
export type CheckOutcome = { readonly findings: readonly Finding[] } | { readonly error: string };

export function runCheck(check: Check, release: CheckedRelease, workspace: WorkspaceFacts): CheckOutcome {
  try {
    return { findings: check.run(release, workspace) };
  } catch (error) {
    return { error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
}

/**
 * The findings of a release from its checks' outcomes: each check's severity replaced by the
 * setting for its code, suppression comments in the text applied, in place order.
 */
export function combineOutcomes(
  release: CheckedRelease,
  outcomes: Iterable<readonly [Check, CheckOutcome]>,
  settings: Readonly<Record<string, Severity | 'off'>> = {},
): CheckRun {
  let findings: Finding[] = [];
  const failures: { code: string; error: string }[] = [];
  for (const [check, outcome] of outcomes) {
    const setting = settings[check.code];
    if (setting === 'off') continue;
    if ('error' in outcome) failures.push({ code: check.code, error: outcome.error });
    else findings.push(...(setting === undefined ? outcome.findings : outcome.findings.map((f) => ({ ...f, severity: setting }))));
  }
  findings = applySuppressions(release.text, findings);
  findings.sort(compareFindings);
  return { findings, failures };
}

/**
 * Runs the checks over one release. `settings` maps a check code to a severity that replaces the
 * check's own, or to `off` (the check does not run): the workspace configuration and the user's
 * settings, merged by the caller. Suppression comments in the text are applied last.
 */
export function runChecks(
  release: CheckedRelease,
  workspace: WorkspaceFacts,
  checks: readonly Check[] = ALL_CHECKS,
  settings: Readonly<Record<string, Severity | 'off'>> = {},
): CheckRun {
  const outcomes: [Check, CheckOutcome][] = [];
  for (const check of checks) if (settings[check.code] !== 'off') outcomes.push([check, runCheck(check, release, workspace)]);
  return combineOutcomes(release, outcomes, settings);
}

/**
 * The order of a release's findings: by place, then code. Stable, so the findings of one check keep
 * their order; the command line merges two runs (document checks, workspace checks) with it.
 */
export function compareFindings(a: Finding, b: Finding): number {
  return a.start - b.start || a.end - b.end || a.code.localeCompare(b.code);
}
