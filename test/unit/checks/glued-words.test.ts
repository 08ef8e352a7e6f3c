// glued-words: words run together by PDF extraction; and the words that only look run together:
// names, hyphenated compounds, closed compounds, units, acronyms, addresses, Markdown syntax.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { gluedWords, isWord, splitGlued, splitWord } from '../../../server/src/checks/glued-words';
import { analysed, assertFindings, type Expected } from './textFixtures';

const NONE = { release: () => undefined, releases: () => [], releasesWithKey: () => [] };
const TXT = 'file:///ws/press/talks.txt';
const MD = 'file:///ws/releases/talks.release.md';

const glued = (span: string, split: string): Expected => ({ span, severity: 'information', words: [`“${span}” looks like “${split}” run together`] });

const rows: [string, string, string, Expected[]][] = [
  ['two words, one token', TXT, 'The ministers reviewed bilateralrelations and trade.\n', [glued('bilateralrelations', 'bilateral relations')]],
  ['an acronym and a word', TXT, 'Cambodia chairs ASEANin the coming year.\n', [glued('ASEANin', 'ASEAN in')]],
  ['an acronym whose last capital starts the word', TXT, 'Cambodia will host the SEAGames next year.\n', [glued('SEAGames', 'SEA Games')]],
  ['a word and a number', TXT, 'They witnessed the signing of11 agreements.\n', [glued('of11', 'of 11')]],
  ['a number and a scale', TXT, 'The projects are worth 2.92billion USD.\n', [glued('2.92billion', '2.92 billion')]],
  ['word, number, word: one finding', TXT, 'They witnessed the signing of11documents.\n', [glued('of11documents', 'of 11 documents')]],
  ['a small word before a name', TXT, 'Viet Nam andCambodia agreed.\n', [glued('andCambodia', 'and Cambodia')]],
  ['no space after a comma', TXT, 'They acted in a timely manner,considering the needs of both sides.\n', [glued('manner,considering', 'manner, considering')]],
  ['no space after a period before a sentence', TXT, 'The talks ended.The ministers left.\n', [glued('ended.The', 'ended. The')]],
  ['a pronoun run into a verb', TXT, 'Theyagreed to meet again.\n', [glued('Theyagreed', 'They agreed')]],
  ['a contraction run into a word', TXT, 'The surveys haven’tfinished yet.\n', [glued('haven’tfinished', 'haven’t finished')]],
  ['three words', TXT, 'They praised the politicalanddiplomatic ties.\n', [glued('politicalanddiplomatic', 'political and diplomatic')]],
  ['a word run into the first part of a hyphenated compound', TXT, 'They value frequenthigh-level visits.\n', [glued('frequenthigh', 'frequent high')]],
  ['in a Markdown paragraph', MD, '# Talks\n\nBoth sides praised the tradeagreement.\n', [glued('tradeagreement', 'trade agreement')]],
];

// Text that must produce no finding: every sentence here is written correctly.
const clean: [string, string, string][] = [
  ['names', TXT, 'Her Excellency Dr. SOEUNG Rathchavy met Samdech Techo Hun Sen and H.E. Prak Sokhonn in Phnom Penh. The Kampuchean United Front was recalled.'],
  ['long and derived words', TXT, 'The spirit of good neighbourliness guided the demarcation of the undemarcated sections and the subregional, transboundary and intergovernmental work.'],
  ['hyphenated words', TXT, 'Socio-economic, people-to-people, high-level, long-term, cross-border, sub-regional, non-traditional and post-pandemic cooperation, and e-commerce in the Indo-Pacific.'],
  ['closed compounds', TXT, 'Policymakers, stakeholders and lawmakers discussed peacebuilding, peacekeeping, counterterrorism, cybersecurity and nationwide videoconference links on the roadmap.'],
  ['codes, acronyms and numbers', TXT, 'COVID-19, G20, AMM-55, ASEAN+3, COP26, H5N1, the 55th session, the 1990s, 10am, 5km, USD 1,200 and 16.7% were noted by NGOs, SMEs and the PhD holders of the MoU.'],
  ['brand names in camel case', TXT, 'They spoke on WeChat, posted on YouTube and read it on an iPhone and an iPad.'],
  ['abbreviations with periods', TXT, 'The U.S. delegation, e.g. the Ambassador, met H.E. the Minister at 9 a.m. on 3 May.'],
  ['addresses', TXT, 'Write to info@mfa.gov.kh or see www.mfa.gov.kh and report.pdf for the full text.'],
  ['Vietnamese with diacritics', TXT, 'Việt Nam, Hà Nội, Đà Nẵng and the đổi mới reforms.'],
  ['contractions and possessives', TXT, 'Viet Nam’s support and Cambodia’s readiness haven’t changed; they don’t doubt it.'],
  ['Markdown: links, URLs and code are not prose', MD, '# Talks\n\nSee [the statement](https://example.org/bilateralrelations/of11) and https://example.org/ASEANin, or `tradeagreement`.\n'],
  ['a plural without its apostrophe is not two words', TXT, 'The outcome of todays talks was welcomed.'],
];

test('glued-words: faults', () => {
  for (const [label, uri, text, expected] of rows) {
    const release = analysed(uri, text);
    assertFindings(release, gluedWords.run(release, NONE), expected, label, 'glued-words');
  }
});

test('glued-words: clean text has no finding', () => {
  for (const [label, uri, text] of clean) {
    const release = analysed(uri, text);
    assertFindings(release, gluedWords.run(release, NONE), [], label, 'glued-words');
  }
});

test('glued-words: splitGlued gives the quick fix the words the check would separate', () => {
  const rows: [string, string | null][] = [
    ['bilateralrelations', 'bilateral relations'],
    ['ASEANin', 'ASEAN in'],
    ['of11', 'of 11'],
    ['2.92billion', '2.92 billion'],
    ['manner,considering', 'manner, considering'],
    ['Theyagreed', 'They agreed'],
    ['haven’tfinished', 'haven’t finished'],
    ['andCambodia', 'and Cambodia'],
    ['neighbourliness', null],
    ['demarcation', null],
    ['Rathchavy', null],
    ['peacebuilding', null],
    ['iPhone', null],
    ['55th', null],
    ['bilateral relations', null],
  ];
  for (const [word, split] of rows) assert.equal(splitGlued(word), split, word);
});

test('glued-words: words and splits', () => {
  for (const w of ['demarcated', 'undemarcated', 'subregional', 'neighbourliness', 'reskilling', 'grantor', 'planned', 'studies']) {
    assert.ok(isWord(w), w);
  }
  for (const w of ['bilateralties', 'tothe', 'wellas']) assert.ok(!isWord(w), w);
  assert.deepEqual(splitWord('tothe'), ['to', 'the']);
  assert.deepEqual(splitWord('wellas'), ['well', 'as']);
  assert.deepEqual(splitWord('growingnumbers'), ['growing', 'numbers']);
  assert.equal(splitWord('peacebuilding'), null, 'a closed compound');
  assert.equal(splitWord('kampuchean'), null, 'no split into common words');
});
