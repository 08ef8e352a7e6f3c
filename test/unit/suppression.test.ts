// Suppression comments: disable-next-line, disable … enable, with and without codes, applied by
// runChecks after the checks ran.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applySuppressions, disableNextLineComment, readDirectives } from '../../server/src/checks/suppression';
import type { Finding } from '../../server/src/checks/finding';
import { analyseDocument } from '../../server/src/analysis/document';
import { ALL_CHECKS, runChecks } from '../../server/src/checks/index';
import { WorkspaceIndex } from '../../server/src/workspace/index';

/** A finding of `code` on the first occurrence of `word` in `text`. */
function at(text: string, word: string, code: string): Finding {
  const start = text.indexOf(word);
  assert.ok(start >= 0, word);
  return { code, severity: 'warning', message: code, start, end: start + word.length, related: [] };
}

interface Row {
  readonly name: string;
  readonly lines: readonly string[];
  /** Findings as word → code, on the first occurrence of the word. */
  readonly findings: readonly [string, string][];
  /** The words whose findings remain. */
  readonly kept: readonly string[];
}

const rows: Row[] = [
  { name: 'no comment', lines: ['alpha beta'], findings: [['alpha', 'glued-words']], kept: ['alpha'] },
  {
    name: 'next line, with its code',
    lines: ['<!-- communique-disable-next-line glued-words -->', 'alpha beta', 'gamma'],
    findings: [['alpha', 'glued-words'], ['beta', 'figure-conflict'], ['gamma', 'glued-words']],
    kept: ['beta', 'gamma'],
  },
  {
    name: 'next line, every code',
    lines: ['<!--communique-disable-next-line-->', 'alpha beta', 'gamma'],
    findings: [['alpha', 'glued-words'], ['beta', 'figure-conflict'], ['gamma', 'glued-words']],
    kept: ['gamma'],
  },
  {
    name: 'next line, two codes separated by a comma',
    lines: ['<!-- communique-disable-next-line glued-words, party-variant -->', 'alpha beta delta', 'gamma'],
    findings: [['alpha', 'glued-words'], ['beta', 'party-variant'], ['delta', 'weekday-mismatch']],
    kept: ['delta'],
  },
  {
    name: 'a comment at the end of a line silences the next line, not its own',
    lines: ['alpha <!-- communique-disable-next-line -->', 'beta'],
    findings: [['alpha', 'glued-words'], ['beta', 'glued-words']],
    kept: ['alpha'],
  },
  {
    name: 'disable … enable with a code',
    lines: ['alpha', '<!-- communique-disable glued-words -->', 'beta gamma', '<!-- communique-enable -->', 'delta'],
    findings: [['alpha', 'glued-words'], ['beta', 'glued-words'], ['gamma', 'figure-conflict'], ['delta', 'glued-words']],
    kept: ['alpha', 'gamma', 'delta'],
  },
  {
    name: 'disable everything to the end',
    lines: ['alpha', '<!-- communique-disable -->', 'beta gamma'],
    findings: [['alpha', 'glued-words'], ['beta', 'glued-words'], ['gamma', 'figure-conflict']],
    kept: ['alpha'],
  },
  {
    name: 'enable one code of two',
    lines: ['<!-- communique-disable glued-words party-variant -->', 'alpha', '<!-- communique-enable party-variant -->', 'beta gamma'],
    findings: [['alpha', 'party-variant'], ['beta', 'party-variant'], ['gamma', 'glued-words']],
    kept: ['beta'],
  },
  {
    name: 'something else in a comment is no directive',
    lines: ['<!-- communique: disable glued-words -->', '<!-- communique-disabled -->', 'alpha'],
    findings: [['alpha', 'glued-words']],
    kept: ['alpha'],
  },
];

test('suppression comments', () => {
  for (const row of rows) {
    const text = row.lines.join('\n');
    const findings = row.findings.map(([word, code]) => at(text, word, code));
    const kept = applySuppressions(text, findings).map((f) => text.slice(f.start, f.end));
    assert.deepEqual(kept, row.kept, row.name);
  }
});

test('suppression comments with CRLF line ends', () => {
  const text = ['<!-- communique-disable-next-line -->', 'alpha', 'beta'].join('\r\n');
  assert.deepEqual(applySuppressions(text, [at(text, 'alpha', 'x'), at(text, 'beta', 'x')]).map((f) => text.slice(f.start, f.end)), ['beta']);
});

test('readDirectives and the inserted comment', () => {
  const comment = disableNextLineComment('figure-conflict');
  assert.equal(comment, '<!-- communique-disable-next-line figure-conflict -->');
  assert.deepEqual(readDirectives(`x\n${comment}\n`).map((d) => [d.kind, d.codes]), [['disable-next-line', ['figure-conflict']]]);
});

test('runChecks applies the comments of the release', () => {
  const uri = 'file:///ws/releases/a.release.md';
  const lines = ['The bilateralrelations are good.', '<!-- communique-disable-next-line glued-words -->', 'The bilateralrelations are old.'];
  const text = lines.join('\n');
  const index = new WorkspaceIndex(ALL_CHECKS);
  index.set({ uri, text, analysis: analyseDocument(text, uri) }, 1);
  const found = runChecks(index.release(uri)!, index).findings.filter((f) => f.code === 'glued-words');
  assert.equal(found.length, 1);
  assert.ok(found[0]!.start < lines[0]!.length, 'the finding on the first line stays');
});
