// The cross-document index: every release's analysis per URI and version, and the keys that tie
// releases' facts together, so a change re-checks only the releases it can affect.

import type { Check, CheckedRelease, WorkspaceFacts } from '../checks/check';

interface Entry {
  readonly release: CheckedRelease;
  readonly version: number;
  readonly keys: readonly string[];
}

export class WorkspaceIndex implements WorkspaceFacts {
  private readonly entries = new Map<string, Entry>();
  private readonly byKey = new Map<string, Set<string>>();

  constructor(private readonly checks: readonly Check[]) {}

  get size(): number {
    return this.entries.size;
  }

  version(uri: string): number | undefined {
    return this.entries.get(uri)?.version;
  }

  release(uri: string): CheckedRelease | undefined {
    return this.entries.get(uri)?.release;
  }

  *releases(): Iterable<CheckedRelease> {
    for (const entry of this.entries.values()) yield entry.release;
  }

  *releasesWithKey(key: string): Iterable<CheckedRelease> {
    const uris = this.byKey.get(key);
    if (!uris) return;
    for (const uri of uris) {
      const entry = this.entries.get(uri);
      if (entry) yield entry.release;
    }
  }

  /**
   * Adds or replaces a release. Returns the URIs of the other releases whose workspace findings
   * may change: those that shared a key with its old facts or share one with its new facts.
   */
  set(release: CheckedRelease, version: number): Set<string> {
    const affected = this.remove(release.uri);
    const keys = this.keysOf(release);
    this.entries.set(release.uri, { release, version, keys });
    for (const key of keys) {
      let uris = this.byKey.get(key);
      if (!uris) this.byKey.set(key, (uris = new Set()));
      for (const uri of uris) affected.add(uri);
      uris.add(release.uri);
    }
    affected.delete(release.uri);
    return affected;
  }

  /** Removes a release; returns the URIs of the releases that shared a key with it. */
  delete(uri: string): Set<string> {
    const affected = this.remove(uri);
    affected.delete(uri);
    return affected;
  }

  /** The releases that share at least one key with this one (not itself). */
  dependents(uri: string): Set<string> {
    const found = new Set<string>();
    const entry = this.entries.get(uri);
    if (!entry) return found;
    for (const key of entry.keys) for (const other of this.byKey.get(key) ?? []) if (other !== uri) found.add(other);
    return found;
  }

  private remove(uri: string): Set<string> {
    const affected = new Set<string>();
    const entry = this.entries.get(uri);
    if (!entry) return affected;
    this.entries.delete(uri);
    for (const key of entry.keys) {
      const uris = this.byKey.get(key);
      if (!uris) continue;
      uris.delete(uri);
      for (const other of uris) affected.add(other);
      if (uris.size === 0) this.byKey.delete(key);
    }
    return affected;
  }

  private keysOf(release: CheckedRelease): string[] {
    const keys = new Set<string>();
    for (const check of this.checks) {
      if (check.scope !== 'workspace' || !check.keys) continue;
      for (const key of check.keys(release)) keys.add(key);
    }
    return [...keys];
  }
}
