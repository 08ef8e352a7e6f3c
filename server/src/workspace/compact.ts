// What the workspace keeps of an analysis, for as long as a release stays indexed: the same
// analysis, its short strings shared with every other release's. Ids, names, kinds, units and the
// words of mentions ("Viet Nam", "USD", "trade.total") repeat in every release of an archive;
// sharing them took the analyses of a generated 10,000-release archive from 26 to 18 KB a release.

/** A copy of `s` that shares no storage with the string it may be a slice of. */
export function detached(s: string): string {
  if (s.length < 13) return s; // V8 copies short slices already
  // Prepending makes a two-piece string; slicing it flattens those pieces into a new string of
  // their own length, and the slice keeps only that.
  return (' ' + s).slice(1);
}

/** Replaces, in place, every string held by the analysis's objects and arrays with its shared copy. */
export function compactInPlace<T extends object>(value: T): T {
  const stack: object[] = [value];
  while (stack.length > 0) {
    const node = stack.pop()! as Record<string, unknown> | unknown[];
    if (Array.isArray(node)) {
      for (let i = 0; i < node.length; i++) {
        const v = node[i];
        if (typeof v === 'string') node[i] = interned(v);
        else if (v !== null && typeof v === 'object') stack.push(v);
      }
    } else {
      for (const key of Object.keys(node)) {
        const v = node[key];
        if (typeof v === 'string') node[key] = interned(v);
        else if (v !== null && typeof v === 'object') stack.push(v);
      }
    }
  }
  return value;
}

const pool = new Map<string, string>();
const POOL_LIMIT = 200_000;
const INTERN_MAX_LENGTH = 80;

/**
 * One shared copy of each short string (ids, names, "Viet Nam", "USD 5.33 billion"). The pool is
 * emptied when full, so typing never grows it without bound; strings already shared stay shared.
 * Every string is detached from the text it was cut from: the index keeps closed releases' texts
 * as bytes (storedRelease.ts), and a slice would keep the whole string alive as well.
 */
export function interned(s: string): string {
  if (s.length > INTERN_MAX_LENGTH) return detached(s); // a slice would keep the release's whole text alive
  const shared = pool.get(s);
  if (shared !== undefined) return shared;
  if (pool.size >= POOL_LIMIT) pool.clear();
  const copy = detached(s);
  pool.set(copy, copy);
  return copy;
}
