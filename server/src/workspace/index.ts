// The cross-document index: every release's analysis per URI and version, and the keys that tie
// releases' facts together, so a change re-checks only the releases it can affect, and only with
// the checks it can affect.

import type { Check, CheckedRelease, WorkspaceFacts } from '../checks/check';
import { hashString } from '../checks/fingerprint';
import { interned } from './compact';
import { PerKeyValues } from './perKeyValues';

interface Entry {
  readonly release: CheckedRelease;
  readonly version: number;
  /** Each key of the release, with the codes of the checks that registered it (one shared array per combination). */
  readonly keys: ReadonlyMap<string, readonly string[]>;
}

/**
 * What a change of one release can alter elsewhere: for each other release, the codes of its checks
 * whose findings may change (the checks through which it shares a key whose facts changed).
 */
export type Affected = Map<string, Set<string>>;

export class WorkspaceIndex implements WorkspaceFacts {
  private readonly entries = new Map<string, Entry>();
  private readonly byKey = new Map<string, Set<string>>();
  /** The checks that register keys, by code. */
  private readonly keyed: ReadonlyMap<string, Check>;
  /** One array per combination of check codes, shared by every key registered by exactly those checks. */
  private readonly codeLists = new Map<string, readonly string[]>();
  /** Values computed from the releases under a key (`perKey`), dropped when any of them changes. */
  private readonly derived = new PerKeyValues();

  constructor(checks: readonly Check[]) {
    this.keyed = new Map(checks.filter((c) => c.scope === 'workspace' && c.keys).map((c) => [c.code, c]));
  }

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

  perKey<T>(key: string, slot: object, compute: () => T): T {
    return this.derived.get(key, slot, compute);
  }

  /**
   * Forgets every value kept per key. Checking a whole workspace gathers every key's values once
   * (7 MB for 10,000 releases); after that, an edit needs again only those of the keys it re-checks.
   */
  forgetPerKey(): void {
    this.derived.forgetAll();
  }

  /**
   * Adds or replaces a release. Returns the other releases whose workspace findings may change, with
   * the checks that may change them: those sharing a key under which what others read of this
   * release changed (its fingerprint, see checks/fingerprint.ts), or which it gained or lost.
   * `quiet`: nothing is returned (the first indexing of a workspace checks every release once it
   * is done; telling each earlier release about each later one would cost time quadratic in them).
   */
  set(release: CheckedRelease, version: number, quiet = false): Affected {
    const old = this.entries.get(release.uri);
    const keys = this.keysOf(release);
    const affected: Affected = new Map();
    // What was computed from the releases under these keys held the old release object, or lacked it.
    if (this.derived.size > 0) {
      if (old) for (const key of old.keys.keys()) this.derived.forget(key);
      for (const key of keys.keys()) this.derived.forget(key);
    }
    if (old) {
      for (const [key, codes] of old.keys) {
        if (quiet) {
          if (!keys.has(key)) this.unfile(key, release.uri);
          continue;
        }
        const now = keys.get(key);
        // A key the release lost matters to others only when they read something of it there.
        const matters = now ? this.changed(old.release, release, key, codes, now) : this.fingerprint(old.release, key, codes) !== 0;
        if (matters) this.collect(key, release.uri, affected);
        if (!now) this.unfile(key, release.uri);
      }
    }
    this.entries.set(release.uri, { release, version, keys });
    for (const [key, codes] of keys) {
      let uris = this.byKey.get(key);
      if (!uris) this.byKey.set(key, (uris = new Set()));
      const isNew = !old?.keys.has(key);
      // A key the release gains: only when others already have it is there anything to tell them.
      if (!quiet && isNew && uris.size > 0 && this.fingerprint(release, key, codes) !== 0) this.collect(key, release.uri, affected);
      uris.add(release.uri);
    }
    return affected;
  }

  /** Removes a release; returns the releases that shared a key with it, with the checks through which they did. */
  delete(uri: string): Affected {
    const affected: Affected = new Map();
    const entry = this.entries.get(uri);
    if (!entry) return affected;
    this.entries.delete(uri);
    for (const key of entry.keys.keys()) {
      this.derived.forget(key);
      this.unfile(key, uri);
      this.collect(key, uri, affected);
    }
    return affected;
  }

  /** The releases that share at least one key with this one (not itself). */
  dependents(uri: string): Set<string> {
    const found = new Set<string>();
    const entry = this.entries.get(uri);
    if (!entry) return found;
    for (const key of entry.keys.keys()) for (const other of this.byKey.get(key) ?? []) if (other !== uri) found.add(other);
    return found;
  }

  /** Adds every other release filed under `key` to `affected`, with its own checks that registered the key. */
  private collect(key: string, uri: string, affected: Affected): void {
    for (const other of this.byKey.get(key) ?? []) {
      if (other === uri) continue;
      const codes = this.entries.get(other)?.keys.get(key);
      if (!codes) continue;
      let set = affected.get(other);
      if (!set) affected.set(other, (set = new Set()));
      for (const code of codes) set.add(code);
    }
  }

  private unfile(key: string, uri: string): void {
    const uris = this.byKey.get(key);
    if (!uris) return;
    uris.delete(uri);
    if (uris.size === 0) this.byKey.delete(key);
  }

  /**
   * Whether what other releases read of a release under `key` differs between two of its versions.
   * Computed only when a release is replaced (never while a workspace is first indexed), from both
   * release objects, so the index keeps no fingerprints.
   */
  private changed(before: CheckedRelease, after: CheckedRelease, key: string, codesBefore: readonly string[], codesAfter: readonly string[]): boolean {
    if (codesBefore !== codesAfter) return true;
    return this.fingerprint(before, key, codesBefore) !== this.fingerprint(after, key, codesAfter);
  }

  /** The hash of every registering check's fingerprint of the release under `key`; 0 when they read nothing of it. */
  private fingerprint(release: CheckedRelease, key: string, codes: readonly string[]): number {
    let text = '';
    for (const code of codes) {
      const check = this.keyed.get(code);
      // A check that cannot tell what others read: every edit counts as a change.
      if (!check?.fingerprint) return Number.NaN;
      const part = check.fingerprint(release, key);
      if (part !== '') text += `${code}=${part}\n`;
    }
    return text === '' ? 0 : hashString(text);
  }

  private keysOf(release: CheckedRelease): Map<string, readonly string[]> {
    const codesOf = new Map<string, string[]>();
    for (const check of this.keyed.values()) {
      for (const key of check.keys!(release)) {
        const codes = codesOf.get(key);
        if (!codes) codesOf.set(key, [check.code]);
        else if (codes[codes.length - 1] !== check.code) codes.push(check.code);
      }
    }
    const keys = new Map<string, readonly string[]>();
    for (const [key, codes] of codesOf) {
      const id = codes.join(' ');
      let shared = this.codeLists.get(id);
      if (!shared) this.codeLists.set(id, (shared = codes));
      // One string per key across releases: each release's checks build their own ("claim:trade.total|KHM>VNM|…").
      keys.set(interned(key), shared);
    }
    return keys;
  }
}
