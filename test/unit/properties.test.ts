// Properties of the whole analysis over any string and over adversarial inputs: it never throws,
// every span lies in the text and slices to its `text`, the result is the same twice, and the
// checks run without throwing. That its work grows linearly is counted in steps in
// linear-work.test.ts; here one generous ratio of CPU times between n and 4n is the backstop for
// work the step count cannot see (inside built-ins such as regular expressions).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { analyseDocument } from '../../server/src/analysis/document';
import type { DocumentAnalysis } from '../../server/src/analysis/types';
import { ALL_CHECKS, runChecks } from '../../server/src/checks/index';
import { WorkspaceIndex } from '../../server/src/workspace/index';
import { ADVERSARIAL, SENTENCE, URIS } from './adversarialInputs';

/** Every span the analysis reports, with what it claims to cover. */
function spansOf(analysis: DocumentAnalysis): { what: string; start: number; end: number; text?: string }[] {
  const spans: { what: string; start: number; end: number; text?: string }[] = [];
  for (const f of analysis.figures) spans.push({ what: 'figure', start: f.start, end: f.end, text: f.text });
  for (const d of analysis.dates) {
    spans.push({ what: 'date', start: d.start, end: d.end, text: d.text });
    if (d.weekday) spans.push({ what: 'weekday', start: d.weekday.start, end: d.weekday.end, text: d.weekday.text });
  }
  for (const p of analysis.parties) spans.push({ what: 'party', start: p.start, end: p.end, text: p.text });
  for (const s of analysis.partySummaries) if (s.acronymDefinition) spans.push({ what: 'acronym definition', ...s.acronymDefinition });
  if (analysis.releaseDate) spans.push({ what: 'release date', start: analysis.releaseDate.start, end: analysis.releaseDate.end });
  return spans;
}

/** The invariants of one analysis of `text`; returns a reason when one is broken. */
function broken(text: string, uri: string, analysis: DocumentAnalysis): string | null {
  if (analysis.length !== text.length) return `length ${analysis.length} for a text of ${text.length}`;
  for (const span of spansOf(analysis)) {
    if (!(Number.isInteger(span.start) && Number.isInteger(span.end) && span.start >= 0 && span.start <= span.end && span.end <= text.length)) {
      return `${span.what} [${span.start}, ${span.end}) is outside the text of length ${text.length} (${uri})`;
    }
    if (span.text !== undefined && text.slice(span.start, span.end) !== span.text) {
      return `${span.what} [${span.start}, ${span.end}) says ${JSON.stringify(span.text)} but the text there is ${JSON.stringify(text.slice(span.start, span.end))}`;
    }
  }
  for (const list of [analysis.figures, analysis.dates, analysis.parties]) {
    for (let i = 1; i < list.length; i++) if (list[i - 1]!.start > list[i]!.start) return 'items out of document order';
  }
  const starts = analysis.lineStarts;
  if (starts[0] !== 0) return 'the first line does not start at 0';
  for (let i = 1; i < starts.length; i++) if (!(starts[i]! > starts[i - 1]! && starts[i]! <= text.length)) return `line start ${i} is out of order or outside the text`;
  for (const claim of analysis.claims) if (!analysis.figures[claim.figureIndex]) return `a claim names figure ${claim.figureIndex}, which does not exist`;
  return null;
}

function checkAll(text: string, uri: string): DocumentAnalysis {
  const first = analyseDocument(text, uri);
  const reason = broken(text, uri, first);
  assert.equal(reason, null, reason ?? '');
  assert.deepEqual(analyseDocument(text, uri), first, 'the same text analysed twice gives the same result');
  return first;
}

function runEveryCheck(text: string, uri: string, analysis: DocumentAnalysis): void {
  const index = new WorkspaceIndex(ALL_CHECKS);
  index.set({ uri, text, analysis }, 1);
  // A second release sharing the text, so the workspace checks meet a peer with every key.
  const peer = uri.replace('/a.', '/b.');
  index.set({ uri: peer, text, analysis: analyseDocument(text, peer) }, 1);
  const { findings, failures } = runChecks(index.release(uri)!, index);
  assert.deepEqual(failures, [], `checks failed on ${uri}`);
  for (const finding of findings) {
    assert.ok(finding.start >= 0 && finding.start <= finding.end && finding.end <= text.length, `${finding.code} finding outside the text`);
  }
}

// ---------------------------------------------------------------------------------------------
// Any string

/** Strings built from the pieces releases are made of, so the extractors are really exercised. */
const releaseLike = fc
  .array(
    fc.oneof(
      { weight: 3, arbitrary: fc.constantFrom(
        'Viet Nam', 'Cambodia', 'the Kingdom of Cambodia', 'ASEAN', 'Lao PDR', 'H.E.', 'Prime Minister', 'Hun Sen', '(CDC)', 'Council for the Development of Cambodia',
        'USD', 'US$', 'KHR', 'billion', 'million', '%', 'percent', 'nearly', 'more than', 'up to', 'aim to reach', 'two-way trade', 'exports', 'rose', 'fell',
        'the first nine months of', 'this year', 'last year', 'on Tuesday', 'Tuesday,', '21 October 2021', 'October', '2020', 'Q3', '55th', 'anniversary',
        'Phnom Penh, 23 October 2021', '---\ndate: 2021-10-23\n---\n', '# ', '## ', '**', '_', '`', '```\n', '[', ']', '(', ')', '<!--', '-->', 'https://x.org/a',
        ',', '.', ';', ':', '-', '–', '/', '\n', '\r\n', '\r', '\n\n', '\t', '  ', '\u00a0', '\u0000', '\ud800', '\udc00', '\ud83d\ude00', '\ufeff', 'Việt', 'ﬁ',
      ) },
      { weight: 2, arbitrary: fc.integer({ min: 0, max: 1_000_000 }).map(String) },
      { weight: 1, arbitrary: fc.double({ min: 0, max: 10_000, noNaN: true }).map((x) => x.toFixed(2)) },
      { weight: 1, arbitrary: fc.string({ maxLength: 6 }) },
      { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 4 }) },
    ),
    { maxLength: 60 },
  )
  .chain((parts) => fc.array(fc.constantFrom(' ', '', ' ', '\n'), { minLength: parts.length, maxLength: parts.length }).map((gaps) => parts.map((p, i) => p + gaps[i]).join('')));

test('for any string, analysis never throws, every span slices to its text, and it is the same twice', () => {
  for (const uri of URIS) {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 200 }), fc.string({ unit: 'grapheme', maxLength: 200 }), releaseLike), (text) => {
        const first = analyseDocument(text, uri);
        const reason = broken(text, uri, first);
        if (reason) throw new Error(reason);
        assert.deepEqual(analyseDocument(text, uri), first);
      }),
      { numRuns: 1500 },
    );
  }
});

test('for any release-like string, every check runs without failing', () => {
  fc.assert(
    fc.property(releaseLike, fc.constantFrom(...URIS), (text, uri) => {
      runEveryCheck(text, uri, analyseDocument(text, uri));
    }),
    { numRuns: 400 },
  );
});

// ---------------------------------------------------------------------------------------------
// Adversarial inputs

// One test per input, so a failure names the input.
for (const { name, unit, reps } of ADVERSARIAL) {
  test(`adversarial input (${name}): analysis never throws, spans slice to their text, the same twice, and every check runs`, () => {
    for (const uri of URIS) {
      const text = unit.repeat(reps);
      const analysis = checkAll(text, uri);
      runEveryCheck(text, uri, analysis);
    }
  });
}

test('a 5 MB single line of words is analysed whole, and every check runs', () => {
  const text = SENTENCE.repeat(Math.ceil(5_000_000 / SENTENCE.length));
  assert.ok(text.length >= 5_000_000 && !text.includes('\n'));
  const uri = URIS[1]!;
  const analysis = analyseDocument(text, uri);
  assert.equal(broken(text, uri, analysis), null);
  const reps = Math.ceil(5_000_000 / SENTENCE.length);
  // Each sentence names Cambodia and Viet Nam and one weekday, wherever it falls on the line.
  assert.equal(analysis.parties.length, 2 * reps);
  assert.equal(analysis.dates.length, reps);
  runEveryCheck(text, uri, analysis);
});

// ---------------------------------------------------------------------------------------------
// Linear growth in CPU time

function cpuMs(run: () => void): number {
  const before = process.cpuUsage();
  run();
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1000;
}

test('CPU time grows linearly: n to 4n costs far less than 16 times as much (a generous ratio, no absolute time)', () => {
  // Quadratic work would cost 16×; linear costs 4×. The bound leaves room for noise and GC.
  const BOUND = 10;
  const worst: string[] = [];
  for (const { name, unit } of [
    { name: 'digits', unit: '7' },
    { name: 'commas', unit: '1,' },
    { name: 'open parentheses', unit: '(' },
    { name: 'capital words', unit: 'ASEAN CAMBODIA NATION RELIGION KING ' },
    { name: 'a sentence on one line', unit: SENTENCE },
    { name: 'brackets', unit: '[' },
    { name: 'backticks', unit: '`' },
    // One sentence of thousands of percentages: each once walked back over all the earlier ones.
    { name: 'percentages', unit: '5% ' },
    { name: 'money and change words', unit: 'exports rose 5% to USD 5 billion, ' },
  ]) {
    const uri = URIS[0]!;
    const small = unit.repeat(Math.ceil(150_000 / unit.length));
    const large = unit.repeat(4 * Math.ceil(150_000 / unit.length));
    analyseDocument(small, uri); // warm up the JIT on this shape of input
    // CPU time includes garbage collection, which can land on any one run after the heavy tests
    // before: a ratio over the bound is measured again, with more runs, before it counts. Work
    // that really is quadratic costs 16× on every run, so it still fails.
    const measure = (runs: number): { smallMs: number; largeMs: number; ratio: number } => {
      const smallMs = Math.min(...Array.from({ length: runs + 1 }, () => cpuMs(() => analyseDocument(small, uri))));
      const largeMs = Math.min(...Array.from({ length: runs }, () => cpuMs(() => analyseDocument(large, uri))));
      // Below a few milliseconds the clock's grain dominates: compare against at least 5 ms.
      return { smallMs, largeMs, ratio: largeMs / Math.max(smallMs, 5) };
    };
    let m = measure(2);
    if (m.ratio >= BOUND) m = measure(5);
    worst.push(`${name}: ${m.smallMs.toFixed(1)} → ${m.largeMs.toFixed(1)} ms (×${m.ratio.toFixed(1)})`);
    assert.ok(m.ratio < BOUND, `${name}: ${worst.at(-1)}`);
  }
});
