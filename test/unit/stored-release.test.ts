// The index keeps closed releases' texts as UTF-8 bytes; what the checks and hovers read back must be
// the very text that was analysed, or every offset would point at the wrong characters.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { analyseDocument } from '../../server/src/analysis/document';
import { storedRelease } from '../../server/src/workspace/storedRelease';
import { compactInPlace } from '../../server/src/workspace/compact';
import { readRelease } from '../../server/src/workspace/readRelease';

const URI = 'file:///ws/releases/a.release.txt';

test('a closed release reads back exactly the text it was analysed from, dashes, diacritics and emoji included', () => {
  const texts = [
    'Hà Nội, 23 October 2021 – Two-way trade reached “USD 5.33 billion” in 2020.',
    'Plain ASCII only.',
    '',
    'Emoji 🇻🇳 and CJK 越南 and a BOM-less start.',
  ];
  // Many releases, read back twice in turn (one text is kept decoded at a time).
  const stored = Array.from({ length: 150 }, (_, i) => texts[i % texts.length]! + ` #${i}`).map((text) => ({
    text,
    release: storedRelease(URI, text, analyseDocument(text, URI), undefined, false),
  }));
  for (let round = 0; round < 2; round++) for (const { text, release } of stored) assert.equal(release.text, text);
});

test('a release kept with the bytes of its file reads back the text the editor shows, without the byte-order mark', () => {
  const dir = mkdtempSync(join(tmpdir(), 'communique-stored-'));
  try {
    const texts = ['\uFEFFHà Nội, 23 October 2021 – trade rose 5%.', 'Phnom Penh, 1 May 2022 – “USD 2 billion”.'];
    const stored = texts.map((written, i) => {
      const path = join(dir, `${i}.release.txt`);
      writeFileSync(path, written, 'utf8');
      const read = readRelease(path);
      assert.ok(read.ok);
      return { text: written.replace(/^\uFEFF/, ''), release: storedRelease(URI, read.text, analyseDocument(read.text, URI), undefined, false, read.bytes) };
    });
    for (let round = 0; round < 2; round++) for (const { text, release } of stored) assert.equal(release.text, text);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
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

test('a compacted analysis keeps no slice of its text alive', () => {
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  // Two bytes a character ("–"), and a date whose text (15 characters) V8 would slice.
  const analysed = (copies: number): object =>
    compactInPlace(analyseDocument(`${'The delegations – both of them – spoke at length. '.repeat(copies)}\nPhnom Penh, 23 October 2021`, URI));
  analysed(100); // the vocabularies the analysis loads on first use
  gc();
  const before = process.memoryUsage().heapUsed;
  const kept = analysed(60_000); // a 6 MB text
  /x/.test('x'); // V8 keeps the last string a regular expression ran on
  gc();
  const grown = process.memoryUsage().heapUsed - before;
  assert.ok(grown < 1_000_000, `the analysis of a 6 MB text kept ${grown} bytes alive`);
  assert.ok(kept);
});
