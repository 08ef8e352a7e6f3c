// Re-checking after an edit re-runs only what the edit can change (the index's fingerprinted keys,
// the kept outcomes of workspace/checkResults.ts). What a user sees must never differ from checking
// the whole workspace from scratch: these tests edit the fixture workspace the way a user does and
// compare every release's findings, related locations included, with a fresh check after each edit.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import fc from 'fast-check';
import { analyseDocument } from '../../server/src/analysis/document';
import type { CheckedRelease } from '../../server/src/checks/check';
import type { Finding } from '../../server/src/checks/finding';
import { ALL_CHECKS, runChecks } from '../../server/src/checks/index';
import { WorkspaceIndex } from '../../server/src/workspace/index';
import { CheckResults, mergeAffected, unchangedPrefix } from '../../server/src/workspace/checkResults';

const FOLDER = join(__dirname, '..', '..', '..', 'test', 'fixtures', 'workspace', 'releases');
const FILES = readdirSync(FOLDER).sort();
const ORIGINAL = new Map(FILES.map((file) => [file, readFileSync(join(FOLDER, file), 'utf8')]));
const uriOf = (file: string): string => pathToFileURL(join(FOLDER, file)).href;
const releaseOf = (file: string, text: string): CheckedRelease => ({ uri: uriOf(file), text, analysis: analyseDocument(text, uriOf(file)) });

/** The workspace as the server keeps it: checked once, then only what each edit affects. */
class IncrementalWorkspace {
  readonly index = new WorkspaceIndex(ALL_CHECKS);
  readonly results = new CheckResults(ALL_CHECKS);
  readonly texts = new Map<string, string>();
  /** Check runs the last edit caused on releases other than the edited one. */
  lastRechecks = 0;

  constructor(files: ReadonlyMap<string, string>) {
    for (const [file, text] of files) {
      this.texts.set(file, text);
      this.index.set(releaseOf(file, text), 0);
    }
    for (const release of this.index.releases()) this.results.run(release, this.index);
    this.index.forgetPerKey(); // as the server does once the whole workspace is checked
  }

  edit(file: string, text: string | null): void {
    const uri = uriOf(file);
    const before = this.texts.get(file);
    const affected =
      text === null
        ? mergeAffected(this.index.delete(uri), this.results.pointingInto(uri))
        : mergeAffected(this.index.set(releaseOf(file, text), 1), this.results.pointingInto(uri, before === undefined ? 0 : unchangedPrefix(before, text)));
    if (text === null) this.texts.delete(file);
    else this.texts.set(file, text);
    this.results.invalidate(uri);
    this.lastRechecks = 0;
    for (const [other, codes] of affected) {
      this.results.invalidate(other, codes);
      this.lastRechecks += codes.size;
    }
  }

  findings(): Map<string, readonly Finding[]> {
    const out = new Map<string, readonly Finding[]>();
    for (const file of this.texts.keys()) out.set(file, this.results.run(this.index.release(uriOf(file))!, this.index).findings);
    return out;
  }
}

function fromScratch(texts: ReadonlyMap<string, string>): Map<string, readonly Finding[]> {
  const index = new WorkspaceIndex(ALL_CHECKS);
  for (const [file, text] of texts) index.set(releaseOf(file, text), 0);
  const out = new Map<string, readonly Finding[]>();
  for (const file of texts.keys()) out.set(file, runChecks(index.release(uriOf(file))!, index).findings);
  return out;
}

function assertSameAsScratch(workspace: IncrementalWorkspace, after: string): void {
  const expected = fromScratch(workspace.texts);
  const actual = workspace.findings();
  for (const [file, findings] of expected) assert.deepEqual(actual.get(file), findings, `${file} after ${after}`);
}

function replaceOnce(text: string, from: string, to: string): string {
  const at = text.indexOf(from);
  assert.ok(at >= 0, `the fixture no longer contains "${from}"`);
  return text.slice(0, at) + to + text.slice(at + from.length);
}

const TRADE_REVIEW = '03-kh-vn-trade-review.release.md';
const CONSULTATIONS = '01-kh-vn-political-consultations.release.md';
const TENTH = '10-border-committee-tenth.release.md';

test('edits that resolve, shift and bring back findings give what a check from scratch gives', () => {
  const ws = new IncrementalWorkspace(ORIGINAL);
  assertSameAsScratch(ws, 'the first check');
  const conflictIn01 = (): boolean => ws.findings().get(CONSULTATIONS)!.some((f) => f.code === 'figure-conflict');
  assert.ok(conflictIn01(), 'the fixture has its injected conflict');

  const steps: [string, string, string | null][] = [
    ['correcting the conflicting 2019 value', TRADE_REVIEW, replaceOnce(ORIGINAL.get(TRADE_REVIEW)!, 'USD 5.55 billion', 'USD 5.26 billion')],
    ['stating it wrongly again', TRADE_REVIEW, ORIGINAL.get(TRADE_REVIEW)!],
    ['a new paragraph at the top of the other side (every line moves)', CONSULTATIONS, `A paragraph added on top.\n\n${ORIGINAL.get(CONSULTATIONS)!}`],
    ['words typed before the figure on its own line (offsets move, lines do not)', CONSULTATIONS, replaceOnce(ORIGINAL.get(CONSULTATIONS)!, 'Both sides noted', 'Both sides warmly noted')],
    ['deleting the tenth meeting', TENTH, null],
    ['bringing it back', TENTH, ORIGINAL.get(TENTH)!],
    ['moving the founding date', CONSULTATIONS, replaceOnce(ORIGINAL.get(CONSULTATIONS)!, '24 June 1967', '24 June 1968')],
  ];
  for (const [what, file, text] of steps) {
    ws.edit(file, text);
    assertSameAsScratch(ws, what);
  }
});

test('typing in a sentence that states nothing shared re-checks no other release', () => {
  const ws = new IncrementalWorkspace(ORIGINAL);
  const text = ORIGINAL.get(CONSULTATIONS)!;
  const lastLine = text.trimEnd().length;
  ws.edit(CONSULTATIONS, `${text.slice(0, lastLine)} The talks were cordial.${text.slice(lastLine)}`);
  assert.equal(ws.lastRechecks, 0);
  // A changed value re-checks the releases that state the same claims, with the claim checks only.
  ws.edit(CONSULTATIONS, replaceOnce(text, 'USD 5.33 billion in 2020', 'USD 5.93 billion in 2020'));
  assert.ok(ws.lastRechecks > 0);
  assertSameAsScratch(ws, 'changing a shared value');
});

test('any sequence of edits anywhere in the workspace gives what a check from scratch gives', () => {
  const fragments = ['USD 5.55 billion', 'USD 9.5 billion in 2021', '\n\n', ' 2019 ', 'up 40%', 'the 9th meeting', 'Viet Nam', 'on 24 June 1967', 'x'];
  const edit = fc.record({
    file: fc.constantFrom(...FILES),
    kind: fc.constantFrom('insert', 'delete', 'remove-release', 'restore'),
    at: fc.double({ min: 0, max: 1, noNaN: true }),
    length: fc.integer({ min: 1, max: 120 }),
    fragment: fc.constantFrom(...fragments),
  });
  fc.assert(
    fc.property(fc.array(edit, { minLength: 1, maxLength: 4 }), (edits) => {
      const ws = new IncrementalWorkspace(ORIGINAL);
      for (const e of edits) {
        const current = ws.texts.get(e.file);
        if (e.kind === 'remove-release') ws.edit(e.file, null);
        else if (e.kind === 'restore' || current === undefined) ws.edit(e.file, ORIGINAL.get(e.file)!);
        else {
          const at = Math.floor(e.at * current.length);
          ws.edit(e.file, e.kind === 'insert' ? current.slice(0, at) + e.fragment + current.slice(at) : current.slice(0, at) + current.slice(at + e.length));
        }
      }
      assertSameAsScratch(ws, JSON.stringify(edits));
    }),
    { numRuns: 40 },
  );
});
