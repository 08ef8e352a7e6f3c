// What the workspace keeps of an analysis, for as long as a release stays indexed: the same
// analysis, its short strings shared with every other release's. Ids, names, kinds, units and the
// words of mentions ("Viet Nam", "USD", "trade.total") repeat in every release of an archive;
// sharing them took the analyses of a generated 10,000-release archive from 26 to 18 KB a release.

/** A copy of `s` that shares no storage with the string it may be a slice of. */
export function detached(s: string): string {
  if (s.length < SLICE_MIN_LENGTH) return s; // V8 copies short slices already
  // Prepending makes a two-piece string; slicing it flattens those pieces into a new string of
  // their own length, and the slice keeps only that.
  return (' ' + s).slice(1);
}

/** V8 copies a slice shorter than this instead of pointing into the string it was cut from. */
const SLICE_MIN_LENGTH = 13;

/**
 * Fields whose values the analysis takes from its own constants ("country", "exact", "day"): such a
 * value is shared already, and one this short is no slice of a text, so it is left as it is. A
 * quarter of an analysis's strings, each a look-up in the pool spared.
 */
const CONSTANT_FIELDS = new Set(['kind', 'qualifier', 'modality', 'granularity', 'measure', 'format', 'source', 'code', 'severity']);

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
      for (const key in node) {
        const v = node[key];
        if (typeof v === 'string') {
          if (v.length >= SLICE_MIN_LENGTH || !CONSTANT_FIELDS.has(key)) node[key] = interned(v);
        } else if (v !== null && typeof v === 'object') stack.push(v);
      }
    }
  }
  return value;
}

const pool = new Map<string, string>();
const POOL_LIMIT = 200_000;
const INTERN_MAX_LENGTH = 80;
/**
 * The strings the pool returned last, by a cheap hash of their length and three code units: most
 * strings of an analysis are among the few hundred that recur in every release ("Viet Nam",
 * "2021-10-23"), and comparing with one of these costs less than a look-up in the pool's large table.
 */
const RECENT_SLOTS = 4096; // a power of two
const recent: string[] = new Array<string>(RECENT_SLOTS).fill('');

/**
 * One shared copy of each short string (ids, names, "Viet Nam", "USD 5.33 billion"). The pool is
 * emptied when full, so typing never grows it without bound; strings already shared stay shared.
 * Every string is detached from the text it was cut from: the index keeps closed releases' texts
 * as bytes (storedRelease.ts), and a slice would keep the whole string alive as well.
 */
export function interned(s: string): string {
  const n = s.length;
  if (n > INTERN_MAX_LENGTH) return detached(s); // a slice would keep the release's whole text alive
  const slot = n === 0 ? 0 : (n * 961 + s.charCodeAt(0) * 31 + s.charCodeAt(n >> 1) * 7 + s.charCodeAt(n - 1)) & (RECENT_SLOTS - 1);
  const seen = recent[slot]!;
  if (seen === s) return seen;
  let shared = pool.get(s);
  if (shared === undefined) {
    if (pool.size >= POOL_LIMIT) pool.clear();
    shared = detached(s);
    pool.set(shared, shared);
  }
  recent[slot] = shared;
  return shared;
}
