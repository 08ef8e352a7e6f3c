// Counts the steps the analysis takes, deterministically: V8's precise block coverage counts how
// many times each block of JavaScript ran (every function call, every branch taken, every pass
// through a loop's body), exactly and the same on every run. The sum over one analyseDocument()
// is its work in steps. It cannot be fooled by the size of the output: a loop that walks back over
// every earlier token costs n² steps whether or not it finds anything, and no clock is read.
//
// Why coverage rather than a counter in the analysis: one counter would see only the loop it sits
// in, and a quadratic walk can hide in any extractor; coverage sees all of them and costs the
// analysis nothing when it is off. What it does not see is work inside built-ins (a regular
// expression, indexOf or slice over the whole text in a loop): the CPU-time ratio in
// properties.test.ts stays as the backstop for those.
//
// V8 instruments a function with block counters when it compiles it, so coverage must be on before
// the analysis is loaded: this module starts it, then loads the analysis itself, and refuses to
// run if something loaded the analysis before it (a test file importing it first).

import { Session } from 'node:inspector';
import type * as AnalysisDocument from '../../server/src/analysis/document';

interface Coverage {
  readonly result: { readonly url: string; readonly functions: { readonly ranges: { readonly count: number }[] }[] }[];
}

const DOCUMENT_MODULE = '../../server/src/analysis/document';
if (require.cache[require.resolve(DOCUMENT_MODULE)]) {
  throw new Error('analysisSteps must be loaded before the analysis: V8 counts blocks only in functions compiled after coverage started');
}

const session = new Session();
session.connect();
/** An in-process inspector session answers synchronously. */
function post<T>(method: string, params?: object): T {
  let answer: T | undefined;
  let failure: Error | null = null;
  session.post(method, params, (error, result) => {
    failure = error;
    answer = result as T;
  });
  if (failure) throw failure;
  return answer as T;
}
post('Profiler.enable');
post('Profiler.startPreciseCoverage', { callCount: true, detailed: true });

const { analyseDocument } = require(DOCUMENT_MODULE) as typeof AnalysisDocument;

/** The steps (JavaScript blocks run, in every script loaded from a file) of one analysis of `text`. */
export function analysisSteps(text: string, uri: string): number {
  post<Coverage>('Profiler.takePreciseCoverage'); // taking coverage resets the counts
  analyseDocument(text, uri);
  let steps = 0;
  for (const script of post<Coverage>('Profiler.takePreciseCoverage').result) {
    if (!script.url.startsWith('file:')) continue; // Node's own scripts: the test runner, timers
    for (const fn of script.functions) for (const range of fn.ranges) steps += range.count;
  }
  return steps;
}
