// What other releases can read of one release under one key, written as a string. The workspace
// index compares it before and after an edit: when it is the same, the releases that share only
// that key are not checked again (typing in one paragraph would otherwise re-check every release
// that states any of the same claims). Pure.
//
// Offsets are left out and the line of each fact put in: another release's finding names this
// release's line ("stated otherwise in X, line 14"), never its offsets as text. A finding's related
// location does hold offsets into this release; the server re-checks the releases whose findings
// point into an edited one (see workspace/checkResults.ts), so those never go stale either.

import type { Span } from '../analysis/types';
import type { CheckedRelease } from './check';
import { lineOf } from './textual';

/** Fields that locate a fact by offset or by index into an analysis: they move when text is typed before them. */
const POSITIONAL = new Set(['start', 'end', 'figureIndex', 'dateIndex', 'claimIndex', 'ofClaim', 'release']);

function withoutPositions(key: string, value: unknown): unknown {
  return POSITIONAL.has(key) ? undefined : value;
}

/** The facts, each with its line, positions left out. Empty for no facts. */
export function factsFingerprint(release: CheckedRelease, facts: Iterable<Span>): string {
  let out = '';
  for (const fact of facts) out += `${lineOf(release, fact.start)}:${JSON.stringify(fact, withoutPositions)};`;
  return out;
}

/**
 * A 53-bit hash of a string (cyrb53): the index keeps one number per key, not the string. Two
 * different fingerprints share a hash with a chance of about 1 in 2^53.
 */
export function hashString(text: string, seed = 0): number {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}
