// The shared text primitives: prose view, folding, tokens, lines.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { computeLineStarts, fold, KeyFlags, positionAt, proseContext, proseView, readFrontMatter, tokenIndexAt, tokenIndexFrom, tokenize } from '../../server/src/analysis/text';

function words(text: string): string[] {
  return tokenize(text).map((t) => `${text.slice(t.start, t.end)}${t.glued ? '^' : ''}`);
}

test('tokens split words run together by PDF extraction and mark the second as glued', () => {
  const rows: [string, string[]][] = [
    ['Chair of ASEANin 2022', ['Chair', 'of', 'ASEAN', 'in^', '2022']],
    ['worth 2.92billion USD', ['worth', '2.92', 'billion^', 'USD']],
    ['the signing of11 documents', ['the', 'signing', 'of', '11^', 'documents']],
    ['Vietnam andCambodia should', ['Vietnam', 'and', 'Cambodia^', 'should']],
    ['the 55th anniversary', ['the', '55', 'th^', 'anniversary']],
    ['COVID-19 pandemic', ['COVID', '-', '19', 'pandemic']],
    ['USD 1,200,000.50 each', ['USD', '1,200,000.50', 'each']],
    ['1,1,1,', ['1,1,1', ',']],
    ['NGOs and PDRs', ['NGOs', 'and', 'PDRs']],
    ['Vietnam’s haven’t', ['Vietnam', '’', 's', 'haven', '’', 't']],
    ['Việt Nam ĐÀ NẴNG', ['Việt', 'Nam', 'ĐÀ', 'NẴNG']],
    ['highlyvalued', ['highlyvalued']],
    ['', []],
  ];
  for (const [text, expected] of rows) assert.deepEqual(words(text), expected, text);
});

test('tokens know when whitespace comes before them', () => {
  const tokens = tokenize('a (b)c');
  assert.deepEqual(tokens.map((t) => t.spaceBefore), [true, true, false, false, false]);
});

test('folding lowers case and drops diacritics, one code unit for one', () => {
  const rows: [string, string][] = [
    ['Việt Nam', 'viet nam'],
    ['ĐÀ NẴNG', 'da nang'],
    ['Côte d’Ivoire', "cote d'ivoire"],
    ['São Tomé and Príncipe', 'sao tome and principe'],
    ['plain ascii', 'plain ascii'],
    ['Cambodia – Viet Nam', 'cambodia - viet nam'],
  ];
  for (const [text, expected] of rows) {
    assert.equal(fold(text), expected);
    assert.equal(fold(text).length, text.length);
  }
  const odd = 'a\uD800b\u0000c';
  assert.equal(fold(odd).length, odd.length);
});

test('the Markdown prose view blanks syntax and keeps every offset', () => {
  const markdown = [
    '---',
    'date: 2021-10-23',
    '---',
    '# Heading with **bold** text',
    '1. First [link text](https://example.org/2021/10) and `code 5`',
    '<!-- communique-disable glued-words -->',
    '```',
    'USD 5 billion in a code block',
    '```',
    '> Quoted 84% | cell |',
  ].join('\n');
  const { prose, frontMatter } = proseView(markdown, 'markdown');
  assert.equal(prose.length, markdown.length);
  assert.equal(frontMatter?.fields[0]?.value, '2021-10-23');
  assert.ok(!prose.includes('date:'));
  assert.ok(!prose.includes('#'));
  assert.ok(!prose.includes('**'));
  assert.ok(prose.includes('Heading with   bold   text'));
  assert.ok(prose.includes(' First  link text'));
  assert.ok(!prose.includes('example.org'));
  assert.ok(!prose.includes('code 5'));
  assert.ok(!prose.includes('communique-disable'));
  assert.ok(!prose.includes('USD 5 billion'));
  assert.ok(prose.includes('Quoted 84%'));
  assert.ok(!prose.includes('|'));
  assert.equal(prose.indexOf('Quoted'), markdown.indexOf('Quoted'));
});

test('plain text keeps its characters but for control characters', () => {
  const text = '**KINGDOM** 2021\u0000x';
  const { prose } = proseView(text, 'plain');
  assert.equal(prose, '**KINGDOM** 2021 x');
});

test('a release with control characters is read as if they were spaces, in plain text and Markdown', () => {
  for (const uri of ['file:///r/a.txt', 'file:///r/a.md']) {
    const context = proseContext('Trade\u0000reached\u0007USD 5\u001fbillion in 2021.', uri);
    assert.equal(context.prose, 'Trade reached USD 5 billion in 2021.', uri);
    assert.deepEqual(
      context.tokens.map((t) => context.prose.slice(t.start, t.end)),
      ['Trade', 'reached', 'USD', '5', 'billion', 'in', '2021', '.'],
      uri,
    );
    assert.deepEqual(context.tokens.map((t) => t.spaceBefore), [true, true, true, true, true, true, true, false], uri);
    assert.deepEqual(context.keys, ['trade', 'reached', 'usd', '5', 'billion', 'in', '2021', '.'], uri);
  }
});

test('front matter must open and close the document', () => {
  assert.equal(readFrontMatter('---\ntitle: a\n'), null);
  assert.equal(readFrontMatter('text\n---\ndate: x\n---\n'), null);
  assert.deepEqual(readFrontMatter('---\r\ndate: "2022-06-24"\r\n---\r\nbody')?.fields.map((f) => [f.key, f.value]), [['date', '2022-06-24']]);
});

test('line starts and positions handle LF, CRLF and CR', () => {
  const text = 'a\nbc\r\nd\re';
  const starts = computeLineStarts(text);
  assert.deepEqual(starts, [0, 2, 6, 8]);
  assert.deepEqual(positionAt(starts, 7), { line: 2, character: 1 });
  assert.deepEqual(positionAt(starts, 8), { line: 3, character: 0 });
});

/** A release of `count` made-up words ("w0a w1b …"), none of them a word of another release. */
function manyWords(count: number, tag: string): string {
  const words: string[] = [];
  for (let i = 0; i < count; i++) words.push(`${tag}${i.toString(36)}x`);
  return words.join(' ');
}

test('token keys are the folded text of each token, before and after the key table starts over', () => {
  // Enough distinct words to fill the process-wide key table past the point where it starts over;
  // words that end alike and differ only further back, and words in other scripts, which the table
  // tells apart by their code units.
  const alike = 'Counterproposals counterproposals Interproposals interproposals reproposalsxy deproposalsxy ζωή ζωη αβγδεζηθικλμ βαγδεζηθικλμ';
  const texts = ['Việt Nam and CAMBODIA signed 11 documents.', alike, manyWords(20000, 'a'), manyWords(9000, 'b'), 'Việt Nam and CAMBODIA signed 11 documents.', alike];
  for (const text of texts) {
    const context = proseContext(text, 'file:///r/a.txt');
    const expected = context.tokens.map((t) => context.folded.slice(t.start, t.end));
    assert.deepEqual(context.keys, expected);
    // The same key has one id, and different keys different ids (where interned: id ≥ 0).
    const idOf = new Map<string, number>();
    context.keys.forEach((key, i) => {
      const id = context.keyIds.ids[i]!;
      if (id < 0) return;
      if (idOf.has(key)) assert.equal(idOf.get(key), id, key);
      else idOf.set(key, id);
    });
    assert.equal(new Set(idOf.values()).size, idOf.size);
  }
});

test('key flags are the flags the classifier gives each token, and next finds the next flagged token', () => {
  const vowelStart = new KeyFlags((key) => (/^[aeiou]/.test(key) ? 1 : 0) | (key.length > 4 ? 2 : 0));
  const texts = ['An envoy of Viet Nam, Indonesia and Japan met in Ottawa on 11 October.', manyWords(9000, 'e'), 'Úc and Ấn Độ: over 40 agreements.'];
  for (const text of texts) {
    const context = proseContext(text, 'file:///r/a.md');
    const { keys, keyIds } = context;
    keys.forEach((key, i) => assert.equal(vowelStart.of(keyIds, i, key), (/^[aeiou]/.test(key) ? 1 : 0) | (key.length > 4 ? 2 : 0), key));
    for (const flag of [1, 2, 3]) {
      const expected = keys.map((_, i) => i).filter((i) => (vowelStart.of(keyIds, i, keys[i]!) & flag) !== 0);
      const found: number[] = [];
      for (let i = vowelStart.next(keyIds, keys, 0, keys.length, flag); i < keys.length; i = vowelStart.next(keyIds, keys, i + 1, keys.length, flag)) found.push(i);
      assert.deepEqual(found, expected, `flag ${flag}`);
    }
  }
});

test('a token found from an earlier one is the token a search of all of them finds', () => {
  const text = 'Trade between  Viet Nam and Cambodia\nreached USD 5.2 billion,  up 10%.';
  const tokens = tokenize(text);
  for (let offset = 0; offset <= text.length; offset++) {
    const expected = tokenIndexAt(tokens, offset);
    for (let from = 0; from <= expected; from++) assert.equal(tokenIndexFrom(tokens, from, offset), expected, `${from} ${offset}`);
  }
});

test('letters and digits glued in turn are read however long the run is', () => {
  const text = `Trade: ${'a1'.repeat(50_000)}b.`;
  const tokens = tokenize(text);
  assert.equal(tokens.length, 2 + 100_000 + 2);
  assert.deepEqual(words(text.slice(0, 14)), ['Trade', ':', 'a', '1^', 'a^', '1^', 'a^', '1^', 'a^']);
  assert.equal(text.slice(tokens.at(-2)!.start, tokens.at(-2)!.end), 'b');
  assert.ok(tokens.slice(3, -1).every((t) => t.glued));
  assert.ok(tokens.slice(2, -1).every((t, i) => t.kind === (i % 2 === 0 ? 'word' : 'number')));
});
