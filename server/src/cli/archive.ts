// The workspace as the command line's checks see it: every release of the run, filed under the keys
// its workspace checks gave (see `Check.keys`), in file order. Unlike the language server's
// WorkspaceIndex it never changes once sealed, and it takes each release's keys as computed: a
// worker thread files the releases other threads analysed with the keys those threads computed,
// without reading them (a release read from another thread is decoded only when a check reads it).

import type { CheckedRelease, WorkspaceFacts } from '../checks/check';
import { PerKeyValues } from '../workspace/perKeyValues';

export class Archive implements WorkspaceFacts {
  /** Per URI, the release of the last file with that URI, and the first file's place (a path named twice, differently spelt). */
  private readonly byUri = new Map<string, { first: number; last: number; release: CheckedRelease }>();
  /** Per key, the file indices that filed under it, until `seal`; then the releases, in file order. */
  private readonly filing = new Map<string, number[]>();
  private readonly filed = new Map<string, readonly CheckedRelease[]>();
  private readonly uriAt = new Map<number, string>();
  private readonly derived = new PerKeyValues();
  private sealed = false;

  /** Adds the release of file `index` (files may come in any order) with its keys. */
  add(index: number, release: CheckedRelease, keys: readonly string[]): void {
    if (this.sealed) throw new Error('a release added to the archive after its checks began');
    const known = this.byUri.get(release.uri);
    if (!known) this.byUri.set(release.uri, { first: index, last: index, release });
    else {
      if (index > known.last) {
        known.last = index;
        known.release = release;
      }
      known.first = Math.min(known.first, index);
    }
    this.uriAt.set(index, release.uri);
    for (const key of keys) {
      const indices = this.filing.get(key);
      if (indices) indices.push(index);
      else this.filing.set(key, [index]);
    }
  }

  /**
   * Every release added: from here on the archive is read. Each key lists its releases in file
   * order, each URI once at its first file, as the language server's index lists them when
   * releases are filed in file order.
   */
  seal(): void {
    if (this.sealed) return;
    this.sealed = true;
    for (const [key, indices] of this.filing) {
      indices.sort((a, b) => a - b);
      const releases: CheckedRelease[] = [];
      for (const index of indices) {
        const entry = this.byUri.get(this.uriAt.get(index)!)!;
        // A URI two files share is listed once, at the first.
        if (entry.first !== index && releases.includes(entry.release)) continue;
        releases.push(entry.release);
      }
      this.filed.set(key, releases);
    }
    this.filing.clear();
  }

  /** The file index whose path a release's URI is printed as (the last file with that URI). */
  fileOf(uri: string): number | undefined {
    return this.byUri.get(uri)?.last;
  }

  release(uri: string): CheckedRelease | undefined {
    return this.byUri.get(uri)?.release;
  }

  *releases(): Iterable<CheckedRelease> {
    const entries = [...this.byUri.values()].sort((a, b) => a.first - b.first);
    for (const entry of entries) yield entry.release;
  }

  releasesWithKey(key: string): Iterable<CheckedRelease> {
    if (!this.sealed) throw new Error('the archive was read before every release was added');
    return this.filed.get(key) ?? [];
  }

  perKey<T>(key: string, slot: object, compute: () => T): T {
    return this.derived.get(key, slot, compute);
  }
}
