// Adversarial inputs for the analysis (issue 6): long runs of one character or one token, unclosed
// Markdown, broken text (lone surrogates, NUL bytes, mixed line ends), and one sentence repeated.
// properties.test.ts checks the analysis' invariants on them, linear-work.test.ts its steps.

/** A URI of each format the analysis reads: Markdown and plain text. */
export const URIS = ['file:///w/releases/a.release.md', 'file:///w/releases/a.release.txt'];

export const SENTENCE = 'The ministers of Cambodia and Viet Nam met in Phnom Penh on Tuesday and welcomed the growth of trade between the two countries ';

/** Each adversarial input as a function of its size in repetitions of its unit. */
export const ADVERSARIAL: { name: string; unit: string; reps: number }[] = [
  { name: '100,000 digits', unit: '7', reps: 100_000 },
  { name: '"1,1,1,…" ×50,000', unit: '1,', reps: 50_000 },
  { name: '"1.1.1.…"', unit: '1.', reps: 50_000 },
  { name: '"((((" ×100,000', unit: '(', reps: 100_000 },
  { name: '"))))"', unit: ')', reps: 100_000 },
  { name: 'a run of capitals', unit: 'A', reps: 100_000 },
  { name: 'capital words', unit: 'ASEAN CAMBODIA NATION RELIGION KING ', reps: 3_000 },
  { name: 'acronym definitions', unit: 'Council (CDC) ', reps: 8_000 },
  { name: 'titles without names', unit: 'Prime Minister H.E. Mr. ', reps: 5_000 },
  { name: 'lone surrogates', unit: '\ud800x\udc00 \udbff', reps: 20_000 },
  { name: 'NUL bytes', unit: 'USD\u00005\u0000billion\u0000', reps: 10_000 },
  { name: 'mixed CRLF', unit: 'Phnom Penh, 23 October 2021\r\nTrade\rreached\n\r', reps: 3_000 },
  { name: '"[[[[["', unit: '[', reps: 100_000 },
  { name: '"````"', unit: '`', reps: 100_000 },
  { name: 'fences on their lines', unit: '````\n', reps: 20_000 },
  { name: 'HTML comment openers', unit: '<!--', reps: 25_000 },
  { name: 'front matter fences', unit: '---\n', reps: 25_000 },
  { name: 'emphasis markers', unit: '*_', reps: 50_000 },
  { name: 'months without years', unit: 'October ', reps: 12_000 },
  { name: 'percentages', unit: '5% ', reps: 30_000 },
  { name: 'dashes between numbers', unit: '1-', reps: 50_000 },
  { name: 'a sentence repeated on one line', unit: SENTENCE, reps: 800 },
];
