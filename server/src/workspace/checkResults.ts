// The findings of every release, kept per check, so that re-checking a release after another one
// changed runs only the checks the change can affect (the index says which: `Affected`), and a
// hover or a code action reuses what the diagnostics computed.
//
// A result is kept until it is invalidated: by the release itself changing (a new release object),
// by the index reporting a changed key the check reads, or by a release its findings point into
// changing (a related location holds offsets into the other release, which move when it is edited).

import type { Check, CheckedRelease, WorkspaceFacts } from '../checks/check';
import type { Finding, RelatedLocation, Severity } from '../checks/finding';
import { combineOutcomes, runCheck, type CheckOutcome, type CheckRun } from '../checks/index';
import type { Affected } from './index';
import { compactInPlace } from './compact';

const NOTHING: CheckOutcome = { findings: [] };

interface Entry {
  readonly release: CheckedRelease;
  /** Bit i set: check i has a kept outcome (kept in `found` unless it found nothing). */
  ran: number;
  /** The outcomes that found something or failed, by check index. Most releases have none. */
  found: Map<number, CheckOutcome> | undefined;
  /** The combined run for `settingsId`, until anything changes. */
  combined: { readonly settingsId: string; readonly run: CheckRun } | undefined;
}

export class CheckResults {
  private readonly entries = new Map<string, Entry>();
  /** For each release, the releases whose kept findings have a related location in it. */
  private readonly pointedFrom = new Map<string, Set<string>>();
  private readonly indexOf: ReadonlyMap<string, number>;

  constructor(private readonly checks: readonly Check[]) {
    if (checks.length > 31) throw new Error('CheckResults keeps a 31-bit mask of checks');
    this.indexOf = new Map(checks.map((check, i) => [check.code, i]));
  }

  /**
   * The findings of a release with `settings` applied (severities, `off`): kept outcomes reused, the
   * other checks run now against `workspace`.
   */
  run(release: CheckedRelease, workspace: WorkspaceFacts, settings: Readonly<Record<string, Severity | 'off'>> = {}): CheckRun {
    let entry = this.entries.get(release.uri);
    if (!entry || entry.release !== release) {
      entry = { release, ran: 0, found: undefined, combined: undefined };
      this.entries.set(release.uri, entry);
    }
    const settingsId = JSON.stringify(settings);
    if (entry.combined?.settingsId === settingsId) return entry.combined.run;
    const outcomes: [Check, CheckOutcome][] = [];
    this.checks.forEach((check, i) => {
      if (settings[check.code] === 'off') return;
      const bit = 1 << i;
      if ((entry.ran & bit) === 0) {
        const outcome = runCheck(check, release, workspace);
        entry.ran |= bit;
        if ('findings' in outcome) compactFindings(outcome.findings);
        if ('error' in outcome || outcome.findings.length > 0) (entry.found ??= new Map()).set(i, outcome);
        else entry.found?.delete(i);
        if ('findings' in outcome) this.notePointers(release.uri, outcome.findings);
      }
      outcomes.push([check, entry.found?.get(i) ?? NOTHING]);
    });
    const run = combineOutcomes(release, outcomes, settings);
    entry.combined = { settingsId, run };
    return run;
  }

  /** Forgets the kept outcomes of `codes` for a release (all of them when `codes` is absent). */
  invalidate(uri: string, codes?: Iterable<string>): void {
    const entry = this.entries.get(uri);
    if (!entry) return;
    if (codes === undefined) {
      this.entries.delete(uri);
      return;
    }
    entry.combined = undefined;
    for (const code of codes) {
      const i = this.indexOf.get(code);
      if (i === undefined) continue;
      entry.ran &= ~(1 << i);
      entry.found?.delete(i);
    }
  }

  /** Forgets every kept outcome (the workspace was indexed anew). */
  clear(): void {
    this.entries.clear();
    this.pointedFrom.clear();
  }

  /** Forgets the combined runs only: the settings changed, the checks' own outcomes did not. */
  resettle(): void {
    for (const entry of this.entries.values()) entry.combined = undefined;
  }

  /**
   * The releases whose kept findings point into `uri` past `unchangedBefore` (the length of the text
   * an edit left as it was at the start; 0 when the release is gone), with the checks that found
   * them: their related locations now point at the wrong place, so they must be checked again.
   */
  pointingInto(uri: string, unchangedBefore = 0): Affected {
    const affected: Affected = new Map();
    const from = this.pointedFrom.get(uri);
    if (!from) return affected;
    const stillPointing = new Set<string>();
    for (const other of from) {
      const entry = this.entries.get(other);
      if (!entry?.found) continue;
      for (const [i, outcome] of entry.found) {
        if (!('findings' in outcome)) continue;
        const into = outcome.findings.flatMap((f) => f.related.filter((r) => r.uri === uri));
        if (into.length === 0) continue;
        if (into.every((r) => r.end <= unchangedBefore)) {
          stillPointing.add(other);
          continue;
        }
        let codes = affected.get(other);
        if (!codes) affected.set(other, (codes = new Set()));
        codes.add(this.checks[i]!.code);
      }
    }
    if (stillPointing.size > 0) this.pointedFrom.set(uri, stillPointing);
    else this.pointedFrom.delete(uri);
    return affected;
  }

  private notePointers(uri: string, findings: readonly Finding[]): void {
    for (const finding of findings) {
      for (const related of finding.related) {
        if (related.uri === uri) continue;
        let from = this.pointedFrom.get(related.uri);
        if (!from) this.pointedFrom.set(related.uri, (from = new Set()));
        from.add(uri);
      }
    }
  }
}

/** The related locations of every kept finding that has none (most findings: glued words, unresolved dates). */
const NO_RELATED: readonly RelatedLocation[] = Object.freeze([]);

/**
 * Makes findings fit to be kept for as long as their release is indexed: their strings shared and
 * detached (compact.ts), empty related locations shared. A message is built from slices of the
 * release's text, each of which keeps the whole text alive, and from concatenations (trees of
 * pieces); and thousands of findings say the same thing ("“ofthe” looks like “of the” run
 * together"). The 71,094 findings of a generated 10,000-release archive took 70 MB, now 26 MB.
 */
function compactFindings(findings: readonly Finding[]): void {
  compactInPlace(findings as Finding[]);
  for (const finding of findings) {
    if (finding.related.length === 0) (finding as { related: readonly RelatedLocation[] }).related = NO_RELATED;
  }
}

/** The length of the text two versions share at their start: an edit moved nothing before it. */
export function unchangedPrefix(before: string, after: string): number {
  const n = Math.min(before.length, after.length);
  let i = 0;
  while (i < n && before.charCodeAt(i) === after.charCodeAt(i)) i++;
  return i;
}

/** Both sets of affected releases in one: `into` gains `more`'s releases and codes. */
export function mergeAffected(into: Affected, more: Affected): Affected {
  for (const [uri, codes] of more) {
    const existing = into.get(uri);
    if (!existing) into.set(uri, codes);
    else for (const code of codes) existing.add(code);
  }
  return into;
}
