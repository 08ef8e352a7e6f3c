// What a consistency check is: a pure function from one analysed release (and a read-only view of
// the other releases in the workspace) to findings. One check per file in this folder.

import type { DocumentAnalysis } from '../analysis/types';
import type { Finding } from './finding';
import type { ReleaseConfig } from '../config/model';

/** One release as the checks see it. */
export interface CheckedRelease {
  readonly uri: string;
  readonly text: string;
  readonly analysis: DocumentAnalysis;
  /** The workspace configuration that applies to this release (house forms, tolerance, founding dates); none when absent. */
  readonly config?: ReleaseConfig;
}

/** A read-only view of every release in the workspace, the one being checked included. */
export interface WorkspaceFacts {
  release(uri: string): CheckedRelease | undefined;
  releases(): Iterable<CheckedRelease>;
  /** The releases that registered `key` (see `Check.keys`), the one being checked included. */
  releasesWithKey(key: string): Iterable<CheckedRelease>;
  /**
   * A value computed from the releases filed under `key` (by `compute`, a pure function of them),
   * kept until one of them changes; `slot` tells apart the values kept for one key. Optional: a
   * workspace without it computes every time.
   */
  perKey?<T>(key: string, slot: object, compute: () => T): T;
}

export interface Check {
  /** The stable code from the design table ("figure-conflict", "glued-words", …). */
  readonly code: string;
  /** One line for people: what the check finds. */
  readonly description: string;
  /**
   * `document`: findings depend on this release alone. `workspace`: they depend on other releases
   * too, found through `keys`; a change to one release re-checks the releases that share a key.
   */
  readonly scope: 'document' | 'workspace';
  /**
   * The keys under which this release's facts meet other releases' facts: a claim's metric,
   * parties and period; an event's name; a pair's founding date. Namespaced by the index.
   */
  keys?(release: CheckedRelease): Iterable<string>;
  /**
   * What other releases' runs of this check can read of this release under one of its keys, as a
   * string (see fingerprint.ts): the same string before and after an edit means the releases that
   * share the key need not be checked again for it. Without it, every edit of a release re-checks
   * all the releases that share any of its keys.
   */
  fingerprint?(release: CheckedRelease, key: string): string;
  run(release: CheckedRelease, workspace: WorkspaceFacts): Finding[];
}
