// Encoding of semantic tokens: relative positions, UTF-16 lengths, one token per line for a span
// that crosses a line break.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { computeLineStarts } from '../../server/src/analysis/text';
import type { DocumentAnalysis } from '../../server/src/analysis/types';
import { semanticTokensLegend, toSemanticTokens } from '../../server/src/lsp/convert';
import type { ClassifiedSpan } from '../../server/src/features/tokens';

function analysisOf(text: string): DocumentAnalysis {
  return { uri: 'file:///t.release.txt', format: 'plain', length: text.length, releaseDate: null, figures: [], dates: [], parties: [], partySummaries: [], lineStarts: computeLineStarts(text), claims: [] };
}

const FIGURE = semanticTokensLegend.tokenTypes.indexOf('figure');
const PARTY = semanticTokensLegend.tokenTypes.indexOf('party');
const MONEY = 1 << semanticTokensLegend.tokenModifiers.indexOf('money');
const COUNTRY = 1 << semanticTokensLegend.tokenModifiers.indexOf('country');

test('tokens on one line and the next are encoded relative to each other', () => {
  const text = 'Trade: USD 5 billion with Viet Nam.\nAnd Việt Nam too.';
  const spans: ClassifiedSpan[] = [
    { start: 7, end: 20, type: 'figure', modifiers: ['money'] },
    { start: 26, end: 34, type: 'party', modifiers: ['country'] },
    { start: 40, end: 48, type: 'party', modifiers: ['country'] },
  ];
  const { data } = toSemanticTokens(text, analysisOf(text), spans);
  assert.deepEqual(data, [0, 7, 13, FIGURE, MONEY, 0, 19, 8, PARTY, COUNTRY, 1, 4, 8, PARTY, COUNTRY]);
});

test('a span across a line break (CRLF) becomes one token per line, without the break', () => {
  const text = 'with Viet\r\nNam today';
  const { data } = toSemanticTokens(text, analysisOf(text), [{ start: 5, end: 14, type: 'party', modifiers: [] }]);
  assert.deepEqual(data, [0, 5, 4, PARTY, 0, 1, 0, 3, PARTY, 0]);
});

test('a range request returns only the tokens that touch the range', () => {
  const text = 'USD 1 billion\nUSD 2 billion\nUSD 3 billion';
  const spans: ClassifiedSpan[] = [0, 14, 28].map((start) => ({ start, end: start + 13, type: 'figure' as const, modifiers: [] }));
  const { data } = toSemanticTokens(text, analysisOf(text), spans, { start: 14, end: 27 });
  assert.deepEqual(data, [1, 0, 13, FIGURE, 0]);
});

test('lengths count UTF-16 code units, as LSP positions do', () => {
  const text = '🇻🇳 Việt Nam';
  const { data } = toSemanticTokens(text, analysisOf(text), [{ start: 5, end: 13, type: 'party', modifiers: [] }]);
  assert.deepEqual(data, [0, 5, 8, PARTY, 0]);
});
