// Releases for the textual, date and event checks: text written for the tests, analysed by the real
// extractors (these checks read dates, parties and ordinals as the analysis finds them), a
// workspace index over them, and a table assertion on findings.

import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { analyseDocument } from '../../../server/src/analysis/document';
import type { Check, CheckedRelease } from '../../../server/src/checks/check';
import { runOver } from './claimFixtures';
import type { Finding } from '../../../server/src/checks/finding';

export function analysed(uri: string, text: string): CheckedRelease {
  return { uri, text, analysis: analyseDocument(text, uri) };
}

/** A row of a workspace check's table: releases, and the findings expected on each URI. */
export interface WorkspaceRow {
  readonly name: string;
  readonly releases: readonly CheckedRelease[];
  /** Findings expected on each URI (URIs not listed expect none). */
  readonly expected: Readonly<Record<string, readonly Expected[]>>;
}

/** Runs `check` over each row's workspace and asserts exactly the expected findings on every release. */
export function assertWorkspaceRows(check: Check, rows: readonly WorkspaceRow[]): void {
  for (const row of rows) {
    const found = runOver(check, row.releases);
    for (const release of row.releases) {
      assertFindings(release, found.get(release.uri)!, row.expected[release.uri] ?? [], `${row.name} [${release.uri}]`, check.code);
    }
  }
}

export interface Expected {
  /** The text the finding covers. */
  readonly span: string;
  readonly severity?: Finding['severity'];
  /** Words the message must hold. */
  readonly words?: readonly string[];
  /** URIs the related locations point to. */
  readonly related?: readonly string[];
}

/** Asserts exactly the expected findings, in document order, on `release`. */
export function assertFindings(release: CheckedRelease, findings: readonly Finding[], expected: readonly Expected[], label: string, code: string): void {
  const got = [...findings].sort((a, b) => a.start - b.start);
  const show = got.map((f) => `${JSON.stringify(release.text.slice(f.start, f.end))}: ${f.message}`).join('\n  ');
  assert.equal(got.length, expected.length, `${label}: ${got.length} findings, expected ${expected.length}\n  ${show}`);
  got.forEach((f, i) => {
    const e = expected[i]!;
    assert.equal(f.code, code, label);
    assert.equal(release.text.slice(f.start, f.end), e.span, `${label}: span of finding ${i}\n  ${show}`);
    if (e.severity) assert.equal(f.severity, e.severity, `${label}: severity`);
    for (const w of e.words ?? []) assert.ok(f.message.includes(w), `${label}: message ${JSON.stringify(f.message)} lacks ${JSON.stringify(w)}`);
    if (e.related) assert.deepEqual(f.related.map((r) => r.uri), e.related, `${label}: related`);
    for (const r of f.related) assert.ok(r.start <= r.end, `${label}: related span`);
  });
}

/** The shared seed releases (../shared/seeds), when this checkout has them. */
export function seedsDir(): string | null {
  for (const dir of [resolve(__dirname, '..', '..', '..', '..', '..', 'shared', 'seeds'), resolve(process.cwd(), '..', 'shared', 'seeds')]) {
    if (existsSync(dir)) return dir;
  }
  return null;
}
