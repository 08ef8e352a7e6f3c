// The index keeps closed releases' texts as UTF-8 bytes; what the checks and hovers read back must be
// the very text that was analysed, or every offset would point at the wrong characters.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyseDocument } from '../../server/src/analysis/document';
import { storedRelease } from '../../server/src/workspace/storedRelease';
import { compactInPlace } from '../../server/src/workspace/compact';

const URI = 'file:///ws/releases/a.release.txt';

test('a closed release reads back exactly the text it was analysed from, dashes, diacritics and emoji included', () => {
  const texts = [
    'Hà Nội, 23 October 2021 – Two-way trade reached “USD 5.33 billion” in 2020.',
    'Plain ASCII only.',
    '',
    'Emoji 🇻🇳 and CJK 越南 and a BOM-less start.',
  ];
  // More releases than are kept decoded at once, read back twice in turn.
  const stored = Array.from({ length: 150 }, (_, i) => texts[i % texts.length]! + ` #${i}`).map((text) => ({
    text,
    release: storedRelease(URI, text, analyseDocument(text, URI), undefined, false),
  }));
  for (let round = 0; round < 2; round++) for (const { text, release } of stored) assert.equal(release.text, text);
});

test('a text UTF-8 cannot hold (a lone surrogate, from an editor) is kept as it is', () => {
  const text = 'Trade \uD800 rose 5%.';
  const release = storedRelease(URI, text, analyseDocument(text, URI), undefined, false);
  assert.equal(release.text, text);
});

test('the compacted analysis holds the same figures, dates and parties as the analysis', () => {
  const text = 'Phnom Penh, 23 October 2021 – Prime Minister Hun Sen met Vietnamese Prime Minister Pham Minh Chinh; trade between Cambodia and Viet Nam reached USD 5.33 billion in 2020.';
  assert.deepEqual(compactInPlace(analyseDocument(text, URI)), analyseDocument(text, URI));
});
