// The analysis' work grows linearly with its input, counted in steps (analysisSteps.ts: every
// block of JavaScript run, as V8's precise coverage counts it), never in outputs nor in time:
// doubling an adversarial input at most about doubles the steps of its analysis.

// First: the step counter must start before the analysis is loaded (see analysisSteps.ts).
import { analysisSteps } from './analysisSteps';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ADVERSARIAL, SENTENCE, URIS } from './adversarialInputs';

/**
 * Twice the input may cost this many times the steps: linear work gives 2, sorting (n log n) about
 * 2.1 at these sizes, the ends of the text a few steps more; a quadratic walk gives 4.
 */
const MAX_RATIO = 2.25;

/** The steps for `unit` repeated `reps` and twice that, after a first analysis that builds what is built once. */
function doubling(unit: string, reps: number, uri: string): { once: number; twice: number } {
  analysisSteps(unit.repeat(reps), uri);
  return { once: analysisSteps(unit.repeat(reps), uri), twice: analysisSteps(unit.repeat(2 * reps), uri) };
}

test('the step count sees the work on every character: twice the digits, about twice the steps, the same twice', () => {
  for (const uri of URIS) {
    const { once, twice } = doubling('7', 20_000, uri);
    // The tokenizer alone passes over each of the 20,000 digits once: a counter blind to loops
    // (functions compiled before coverage started) would count a few dozen steps.
    assert.ok(once >= 20_000, `${uri}: ${once} steps for 20,000 digits`);
    assert.ok(twice >= 1.8 * once, `${uri}: ${once} steps for 20,000 digits, ${twice} for 40,000`);
    assert.equal(analysisSteps('7'.repeat(20_000), uri), once, 'the same text takes the same steps');
  }
});

// One test per input, so a failure names the input; half its size in properties.test.ts, then all of it.
const INPUTS = [
  ...ADVERSARIAL.map(({ name, unit, reps }) => ({ name, unit, reps: Math.ceil(reps / 2) })),
  { name: 'a 5 MB single line', unit: SENTENCE, reps: Math.ceil(2_500_000 / SENTENCE.length) },
];
for (const { name, unit, reps } of INPUTS) {
  test(`work grows linearly (${name}): twice the input takes at most ${MAX_RATIO} times the steps`, () => {
    for (const uri of URIS) {
      const { once, twice } = doubling(unit, reps, uri);
      assert.ok(twice <= MAX_RATIO * once, `${name} (${uri}): ${once} steps for ${reps} repetitions, ${twice} for ${2 * reps} (×${(twice / once).toFixed(2)})`);
    }
  });
}
