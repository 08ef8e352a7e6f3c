// Acceptance of the consistency engine on a workspace of releases written for it: one injected
// fault of each kind, and traps of every "never a conflict" kind, which must stay silent.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { analyseDocument } from '../../server/src/analysis/document';
import { ALL_CHECKS, runChecks } from '../../server/src/checks/index';
import type { Finding } from '../../server/src/checks/finding';
import { WorkspaceIndex } from '../../server/src/workspace/index';

const FOLDER = join(__dirname, '..', '..', '..', 'test', 'fixtures', 'workspace', 'releases');

/**
 * Each injected fault: the check, the release that must carry it, the text it must sit on, and
 * the other releases allowed to carry the same finding (the other side of a disagreement).
 */
const FAULTS: { code: string; file: string; on: string; alsoIn?: string[] }[] = [
  { code: 'figure-conflict', file: '03-kh-vn-trade-review.release.md', on: 'USD 5.55 billion', alsoIn: ['01-kh-vn-political-consultations.release.md'] },
  { code: 'growth-mismatch', file: '04-kh-vn-trade-2021.release.md', on: '40%' },
  // The same wrong "up 40%" also disagrees with the "nearly 80%" another release states for the
  // same change: a second, true finding of the one injected fault.
  { code: 'figure-conflict', file: '04-kh-vn-trade-2021.release.md', on: '40%', alsoIn: ['02-vn-kh-leaders-talks.txt'] },
  { code: 'sum-mismatch', file: '05-vn-la-trade-2019.release.md', on: 'USD 1.4 billion' },
  { code: 'partial-exceeds-total', file: '06-vn-th-nine-months-2022.release.md', on: 'USD 18.9 billion', alsoIn: ['07-vn-th-trade-2022.release.md'] },
  { code: 'complement-mismatch', file: '08-kh-la-border.release.md', on: '12%' },
  { code: 'anniversary-mismatch', file: '09-kh-vn-anniversary.release.md', on: '56th' },
  { code: 'ordinal-sequence', file: '11-border-committee-ninth.release.md', on: '9th', alsoIn: ['10-border-committee-tenth.release.md'] },
  { code: 'weekday-mismatch', file: '12-kh-th-ministers.release.md', on: 'Tuesday' },
  { code: 'dateline-order', file: '13-la-vn-ministers.release.md', on: '26 October 2021' },
  { code: 'party-variant', file: '14-vn-kh-education.release.md', on: 'Vietnam' },
  { code: 'glued-words', file: '15-kh-vn-culture.release.md', on: 'bilateralcooperation' },
  { code: 'unresolved-date', file: '02-vn-kh-leaders-talks.txt', on: 'this year' },
];

/**
 * Releases that carry only traps: different pairs and periods, targets, exports against totals,
 * a partial period below its year, stocks at different times, rounding ("nearly 1.7" vs 1.68,
 * "9.5" vs "9.54"), one value in two currencies, "Deputy" vs "Vice Minister", official long forms,
 * a right anniversary, ordinals in order, a right weekday, a relative date in a dated release,
 * and a growth claim the figures support ("nearly 80%").
 */
const SILENT = [
  '16-kh-vn-targets.release.md',
  '17-vn-investment-2019.release.md',
  '18-vn-investment-2022.release.md',
  '19-la-vn-trade-2022.release.md',
  '20-la-vn-trade-2022-figures.release.md',
  '21-kh-vn-deputy-minister.release.md',
];

function checkWorkspace(): Map<string, { text: string; findings: Finding[] }> {
  const index = new WorkspaceIndex(ALL_CHECKS);
  const files = readdirSync(FOLDER).sort();
  for (const file of files) {
    const text = readFileSync(join(FOLDER, file), 'utf8');
    const uri = pathToFileURL(join(FOLDER, file)).href;
    index.set({ uri, text, analysis: analyseDocument(text, uri) }, 0);
  }
  const results = new Map<string, { text: string; findings: Finding[] }>();
  for (const file of files) {
    const release = index.release(pathToFileURL(join(FOLDER, file)).href)!;
    const { findings, failures } = runChecks(release, index);
    assert.deepEqual(failures, [], `a check threw on ${file}`);
    results.set(file, { text: release.text, findings });
  }
  return results;
}

const results = checkWorkspace();

for (const fault of FAULTS) {
  test(`${fault.code}: found in ${fault.file} on “${fault.on}”`, () => {
    const result = results.get(fault.file);
    assert.ok(result, `${fault.file} is not in the fixture workspace`);
    const found = result.findings.filter((f) => f.code === fault.code);
    assert.ok(found.length > 0, `no ${fault.code} in ${fault.file}; found: ${result.findings.map((f) => f.code).join(', ') || 'nothing'}`);
    assert.ok(
      found.some((f) => result.text.slice(f.start, f.end).includes(fault.on) || fault.on.includes(result.text.slice(f.start, f.end))),
      `${fault.code} is not on “${fault.on}”: ${found.map((f) => `“${result.text.slice(f.start, f.end)}”`).join(', ')}`,
    );
  });
}

test('no finding anywhere but the injected faults', () => {
  const allowed = new Set<string>();
  for (const fault of FAULTS) for (const file of [fault.file, ...(fault.alsoIn ?? [])]) allowed.add(`${file} ${fault.code}`);
  const unexpected: string[] = [];
  for (const [file, { text, findings }] of results) {
    for (const finding of findings) {
      if (!allowed.has(`${file} ${finding.code}`)) unexpected.push(`${file}: ${finding.code} on “${text.slice(finding.start, finding.end)}”: ${finding.message}`);
    }
  }
  assert.deepEqual(unexpected, []);
});

test('the trap releases are silent', () => {
  for (const file of SILENT) assert.deepEqual(results.get(file)?.findings.map((f) => f.message), [], file);
});

test('the workspace has releases of every style: dateline, front matter, no date', () => {
  const files = [...results.keys()];
  assert.ok(files.length >= 15);
  const analyses = files.map((file) => analyseDocument(results.get(file)!.text, pathToFileURL(join(FOLDER, file)).href));
  assert.ok(analyses.some((a) => a.releaseDate?.source === 'dateline'));
  assert.ok(analyses.some((a) => a.releaseDate?.source === 'front-matter'));
  assert.ok(analyses.some((a) => a.releaseDate === null));
});
