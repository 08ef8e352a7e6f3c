// The figures extractor over sentences written for this project: money in every form releases use,
// percentages, counts, ordinals, ranges, scale and precision, qualifiers and modality, and what is
// never a figure (years, day numbers, names with digits, "the two countries").

import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { Figure } from '../../server/src/analysis/types';
import { extractFigures } from '../../server/src/analysis/figures';
import { proseContext } from '../../server/src/analysis/text';
import { analyseDocument } from '../../server/src/analysis/document';

type Expected = Partial<Pick<Figure, 'text' | 'kind' | 'value' | 'valueTo' | 'unit' | 'resolution' | 'qualifier' | 'qualifierText' | 'modality' | 'modalityText'>> & { text: string };

interface Row {
  readonly sentence: string;
  readonly figures: readonly Expected[];
  /** Run through analyseDocument (dates and parties excluded) instead of the extractor alone. */
  readonly whole?: boolean;
  readonly uri?: string;
}

const money = (text: string, value: number, unit: string, resolution: number, extra: Partial<Expected> = {}): Expected =>
  ({ text, kind: 'money', value, unit, resolution, qualifier: 'exact', modality: 'actual', ...extra });
const percent = (text: string, value: number, resolution: number, extra: Partial<Expected> = {}): Expected =>
  ({ text, kind: 'percent', value, unit: '%', resolution, qualifier: 'exact', modality: 'actual', ...extra });
const count = (text: string, value: number, unit: string, resolution: number, extra: Partial<Expected> = {}): Expected =>
  ({ text, kind: 'count', value, unit, resolution, qualifier: 'exact', modality: 'actual', ...extra });
const ordinal = (text: string, value: number): Expected =>
  ({ text, kind: 'ordinal', value, unit: null, resolution: 1, qualifier: 'exact', modality: 'actual' });
const number = (text: string, value: number, resolution: number, extra: Partial<Expected> = {}): Expected =>
  ({ text, kind: 'number', value, unit: null, resolution, qualifier: 'exact', modality: 'actual', ...extra });

const rows: Row[] = [
  // Money: codes, symbols and names before or after the amount, with scale.
  { sentence: 'Two-way trade topped 7.2 billion USD last year.', figures: [money('7.2 billion USD', 7.2e9, 'USD', 1e8, { qualifier: 'at-least', qualifierText: 'topped' })] },
  { sentence: 'Exports reached USD 3.41 billion in the first half.', figures: [money('USD 3.41 billion', 3.41e9, 'USD', 1e7)] },
  { sentence: 'The bank approved a loan of US$11 billion for the corridor.', figures: [money('US$11 billion', 11e9, 'USD', 1e9)] },
  { sentence: 'The fund now holds $5.75 billion in reserves.', figures: [money('$5.75 billion', 5.75e9, 'USD', 1e7)] },
  { sentence: 'Imports stood at 4.68 bln USD in the period.', figures: [money('4.68 bln USD', 4.68e9, 'USD', 1e7)] },
  { sentence: 'The new bridge costs VND 2 trillion.', figures: [money('VND 2 trillion', 2e12, 'VND', 1e12)] },
  { sentence: 'Registered capital totalled 63.42 million USD.', figures: [money('63.42 million USD', 63.42e6, 'USD', 1e4)] },
  { sentence: 'Tokyo pledged 5 billion US dollars in loans.', figures: [money('5 billion US dollars', 5e9, 'USD', 1e9)] },
  { sentence: 'The grant is worth EUR 3 million.', figures: [money('EUR 3 million', 3e6, 'EUR', 1e6)] },
  { sentence: 'A grant of €3m was announced.', figures: [money('€3m', 3e6, 'EUR', 1e6)] },
  { sentence: 'Pledged capital reached 4.15billion USD by June.', figures: [money('4.15billion USD', 4.15e9, 'USD', 1e7)] },
  { sentence: 'The credit line of USD5.2 million was signed.', figures: [money('USD5.2 million', 5.2e6, 'USD', 1e5)] },
  { sentence: 'The fee is 5,000 kip per visitor.', figures: [money('5,000 kip', 5000, 'LAK', 1000)] },
  { sentence: 'Japan will lend JPY 2.5 billion to the port.', figures: [money('JPY 2.5 billion', 2.5e9, 'JPY', 1e8)] },
  { sentence: 'The company raised S$200 million.', figures: [money('S$200 million', 200e6, 'SGD', 100e6)] },
  { sentence: 'The programme costs Rp 5 billion.', figures: [money('Rp 5 billion', 5e9, 'IDR', 1e9)] },
  { sentence: 'Each ticket costs 100,000 yen.', figures: [money('100,000 yen', 100000, 'JPY', 100000)] },
  { sentence: 'The budget is USD 0.5 billion.', figures: [money('USD 0.5 billion', 0.5e9, 'USD', 1e8)] },
  { sentence: 'The target stays at 10 billion USD.', figures: [money('10 billion USD', 10e9, 'USD', 1e10, { modality: 'target', modalityText: 'target' })] },
  { sentence: 'The bank gave a $5 million grant.', figures: [money('$5 million', 5e6, 'USD', 1e6)] },
  { sentence: 'Losses reached 75 USD million.', figures: [money('75 USD million', 75e6, 'USD', 1e6)] },
  { sentence: 'A donation of 450,000 riels was made.', figures: [money('450,000 riels', 450000, 'KHR', 10000)] },

  // Percentages.
  { sentence: 'Revenue grew 16.7% year on year.', figures: [percent('16.7%', 16.7, 0.1)] },
  { sentence: 'Some 84 percent of the boundary is marked.', figures: [percent('84 percent', 84, 1, { qualifier: 'approximate', qualifierText: 'Some' })] },
  { sentence: 'Output rose 25 per cent in the south.', figures: [percent('25 per cent', 25, 1)] },
  { sentence: 'Completion reached 84 % of the line.', figures: [percent('84 %', 84, 1)] },
  { sentence: 'Tariffs fell 10-15% on most goods.', figures: [percent('10-15%', 10, 1, { valueTo: 15 })] },
  { sentence: 'The share rose by twenty percent.', figures: [percent('twenty percent', 20, 10)] },
  { sentence: 'Inflation eased by 2.5 percentage points.', figures: [{ text: '2.5 percentage points', kind: 'number', value: 2.5, unit: 'percentage points', resolution: 0.1 }] },
  { sentence: 'Non-tariff costs fell less than 5%.', figures: [percent('5%', 5, 1, { qualifier: 'at-most', qualifierText: 'less than' })] },
  { sentence: 'Rice exports grew rising nearly 80% over the year.', figures: [percent('80%', 80, 10, { qualifier: 'approximate', qualifierText: 'nearly' })] },
  { sentence: 'The remaining 16% of the border is still to be marked.', figures: [percent('16%', 16, 1)] },

  // Counts: the number through its head noun.
  { sentence: 'The country now has 198 valid investment projects.', figures: [count('198 valid investment projects', 198, 'projects', 1)] },
  { sentence: 'The ministers signed 11 documents.', figures: [count('11 documents', 11, 'documents', 1)] },
  { sentence: 'They witnessed the signing of14 documents.', figures: [count('14 documents', 14, 'documents', 1)] },
  { sentence: 'The two sides signed two legal documents.', figures: [count('two legal documents', 2, 'documents', 1)] },
  { sentence: 'About 1,200 students received grants.', figures: [count('1,200 students', 1200, 'students', 100, { qualifier: 'approximate', qualifierText: 'About' })] },
  { sentence: 'Exports reached 300,000 tonnes of rice.', figures: [count('300,000 tonnes', 300000, 'tonnes', 100000)] },
  { sentence: 'Five million doses arrived in May.', figures: [count('Five million doses', 5e6, 'doses', 1e6)] },
  { sentence: 'Since then, 2,000 Cambodian students have graduated.', figures: [count('2,000 Cambodian students', 2000, 'students', 1000)] },
  { sentence: 'The plan covers one hundred and six projects.', figures: [count('one hundred and six projects', 106, 'projects', 1)] },
  { sentence: 'Thirty years of cooperation were celebrated.', figures: [count('Thirty years', 30, 'years', 10)] },
  { sentence: 'More than 200 projects are under way.', figures: [count('200 projects', 200, 'projects', 100, { qualifier: 'at-least', qualifierText: 'More than' })] },
  { sentence: 'Nearly 3,000 tourists crossed the border.', figures: [count('3,000 tourists', 3000, 'tourists', 1000, { qualifier: 'approximate', qualifierText: 'Nearly' })] },
  { sentence: 'The fund offers up to 500 scholarships.', figures: [count('500 scholarships', 500, 'scholarships', 100, { qualifier: 'at-most', qualifierText: 'up to' })] },
  { sentence: 'At least 12 agreements were reviewed.', figures: [count('12 agreements', 12, 'agreements', 1, { qualifier: 'at-least', qualifierText: 'At least' })] },
  { sentence: 'The firm hired 1,000-1,500 workers.', figures: [count('1,000-1,500 workers', 1000, 'workers', 100, { valueTo: 1500 })] },
  { sentence: 'The kingdom welcomed 2.2 million international tourists.', figures: [count('2.2 million international tourists', 2.2e6, 'tourists', 1e5)] },
  { sentence: 'Delegates from the 10 ASEAN members attended.', figures: [count('10 ASEAN members', 10, 'members', 10)] },
  { sentence: 'Attendance reached 40 000 people.', figures: [count('40 000 people', 40000, 'people', 10000)] },
  { sentence: 'Ties have deepened over 30 years.', figures: [count('30 years', 30, 'years', 10, { qualifier: 'at-least', qualifierText: 'over' })] },

  // Ordinals.
  { sentence: 'They marked the 55th anniversary of ties.', figures: [ordinal('55th', 55)] },
  { sentence: 'Hanoi hosts the 40th and 41st Summits.', figures: [ordinal('40th', 40), ordinal('41st', 41)] },
  { sentence: 'The 32nd Games open in May.', figures: [ordinal('32nd', 32)] },
  { sentence: 'The eighth meeting of the council opened.', figures: [ordinal('eighth', 8)] },
  { sentence: 'THE SEVENTH MEETING OF THE JOINT COMMISSION', figures: [ordinal('SEVENTH', 7)] },
  { sentence: 'Viet Nam ranked first among ASEAN investors and fifth among all investors.', figures: [ordinal('first', 1), ordinal('fifth', 5)] },
  { sentence: 'The first meeting of the council took place in Vientiane.', figures: [ordinal('first', 1)] },
  { sentence: 'Japan is the second largest investor.', figures: [ordinal('second', 2)] },
  { sentence: 'It was the first official visit by the new leader.', figures: [ordinal('first', 1)] },
  { sentence: 'Thailand is ranking third among foreign investors.', figures: [ordinal('third', 3)] },
  { sentence: 'The country is our 10th largest trading partner.', figures: [ordinal('10th', 10)] },
  { sentence: 'This is the twenty-first session of the forum.', figures: [ordinal('twenty-first', 21)] },
  { sentence: 'Their trade rose sharply, placing the market andfifth among partners.', figures: [ordinal('fifth', 5)] },

  // Ranges.
  { sentence: 'The plan needs USD 3-5 billion.', figures: [money('USD 3-5 billion', 3e9, 'USD', 1e9, { valueTo: 5e9 })] },
  { sentence: 'Trade could be between 3 and 5 billion USD.', figures: [money('between 3 and 5 billion USD', 3e9, 'USD', 1e9, { valueTo: 5e9 })] },

  // Qualifiers after the figure, and plain numbers.
  { sentence: 'Trade hit 4.7 billion USD or more.', figures: [money('4.7 billion USD', 4.7e9, 'USD', 1e8, { qualifier: 'at-least', qualifierText: 'or more' })] },
  { sentence: 'The index closed at 4.800 on Friday.', figures: [number('4.800', 4.8, 0.001)] },
  { sentence: 'The score was 9.5 out of ten.', figures: [number('9.5', 9.5, 0.1)] },

  // Modality.
  { sentence: 'Both countries aim to raise bilateral trade to USD 5 billion by 2025.', figures: [money('USD 5 billion', 5e9, 'USD', 1e9, { modality: 'target', modalityText: 'aim to raise' })] },
  { sentence: 'Trade is expected to reach USD 20 billion.', figures: [money('USD 20 billion', 20e9, 'USD', 1e10, { modality: 'forecast', modalityText: 'expected to reach' })] },
  { sentence: 'They set a goal of USD 10 billion in two-way trade.', figures: [money('USD 10 billion', 10e9, 'USD', 1e10, { modality: 'target', modalityText: 'set a goal of' })] },
  { sentence: 'Both sides will strive to bring two-way trade to USD 20 billion.', figures: [money('USD 20 billion', 20e9, 'USD', 1e10, { modality: 'target', modalityText: 'strive to bring' })] },
  { sentence: 'The sides agreed to increase trade to 10 billion USD.', figures: [money('10 billion USD', 10e9, 'USD', 1e10, { modality: 'target', modalityText: 'agreed to increase' })] },
  { sentence: 'Trade continued to increase to 10 billion USD.', figures: [money('10 billion USD', 10e9, 'USD', 1e10)] },
  { sentence: 'Airlines will raise the number of flights to 50 per week.', figures: [number('50', 50, 10, { modality: 'target', modalityText: 'will raise' })] },
  { sentence: 'They set a target of USD 3 billion by 2025, up from USD 1.5 billion in 2022.', figures: [money('USD 3 billion', 3e9, 'USD', 1e9, { modality: 'target', modalityText: 'set a target of' }), money('USD 1.5 billion', 1.5e9, 'USD', 1e8)] },
  { sentence: 'Exports are forecast to grow 8% next year.', figures: [percent('8%', 8, 1, { modality: 'forecast', modalityText: 'forecast to' })] },
  { sentence: 'Investment is projected to exceed USD 1 billion.', figures: [money('USD 1 billion', 1e9, 'USD', 1e9, { qualifier: 'at-least', qualifierText: 'exceed', modality: 'forecast', modalityText: 'projected to' })] },
  { sentence: 'Trade, which the sides aim to lift, reached USD 9 billion.', figures: [money('USD 9 billion', 9e9, 'USD', 1e9, { modality: 'actual' })] },
  { sentence: 'The sides aim to deepen ties. Investment stands at USD 3 billion.', figures: [money('USD 3 billion', 3e9, 'USD', 1e9, { modality: 'actual' })] },
  { sentence: 'The sides aim to deepen ties in many fields including agriculture and fisheries and education, and investment stands at USD 3 billion.', figures: [money('USD 3 billion', 3e9, 'USD', 1e9, { modality: 'actual' })] },

  // Not figures.
  { sentence: 'The agreement was signed in 2019 and renewed in 2022.', figures: [] },
  { sentence: 'The talks took place on 21 October 2021 in Phnom Penh.', figures: [] },
  { sentence: 'The talks took place on October 5, 2020.', figures: [] },
  { sentence: 'The summit is on the 21st of October.', figures: [] },
  { sentence: 'The summit runs 25-26 November.', figures: [] },
  { sentence: 'The COVID-19 pandemic slowed trade.', figures: [] },
  { sentence: 'Leaders met at the G20 summit.', figures: [] },
  { sentence: 'ASEAN+3 ministers met online.', figures: [] },
  { sentence: 'The two countries and the two peoples share a border; the two leaders and both sides agreed.', figures: [] },
  { sentence: 'The two Co-chairs thanked the two Ministries of Foreign Affairs.', figures: [] },
  { sentence: 'The two were unanimous.', figures: [] },
  { sentence: 'One Belt One Road is one of the initiatives; one country joined.', figures: [] },
  { sentence: 'For the first time, first of all, the leaders met.', figures: [] },
  { sentence: 'In the first nine months, the third country was a third party.', figures: [] },
  { sentence: 'Article 5 of Decision No. 15 applies.', figures: [] },
  { sentence: '1. Trade cooperation\n2. Border affairs', figures: [] },
  { sentence: 'The meeting starts at 10:30 on 12/10/2021.', figures: [] },
  { sentence: 'A 5G network and a 180ml bottle.', figures: [] },
  { sentence: 'Two thirds of the budget and a fifth of exports.', figures: [] },
  { sentence: 'Tel: +84 24 3799 3000.', figures: [] },
  { sentence: 'Contact: +856 21 413 400, Fax (856-21) 413 379, Hotline 023 214 777.', figures: [] },
  { sentence: 'The two-way trade in the past five years grew.', figures: [] },
  { sentence: 'In 2021 students from both countries met.', figures: [] },
  { sentence: 'The fourth quarter of 2021 was strong.', figures: [] },

  // Through the whole analysis: dates and parties are excluded.
  { sentence: 'On 21 October 2021, trade reached USD 6.03 billion in seven months.', whole: true, figures: [money('USD 6.03 billion', 6.03e9, 'USD', 1e7), count('seven months', 7, 'months', 1)] },
  { sentence: 'Trade reached USD 6.03 billion in seven months of 2021.', figures: [money('USD 6.03 billion', 6.03e9, 'USD', 1e7)] },
  { sentence: 'In the first nine months of this year, trade topped 8 billion USD, up 16.7%.', whole: true, figures: [money('8 billion USD', 8e9, 'USD', 1e9, { qualifier: 'at-least', qualifierText: 'topped' }), percent('16.7%', 16.7, 0.1)] },
  { sentence: 'Delegates from the 10 ASEAN members and 198 Vietnamese projects.', whole: true, figures: [count('10 ASEAN members', 10, 'members', 10), count('198 Vietnamese projects', 198, 'projects', 1)] },
  { sentence: 'The US$11 billion loan came from the US.', whole: true, figures: [money('US$11 billion', 11e9, 'USD', 1e9)] },
  { sentence: '---\ntitle: Trade 2021\n---\n\nTrade reached **USD 5.33 billion** in 2020.\n', whole: true, uri: 'file:///t.release.md', figures: [money('USD 5.33 billion', 5.33e9, 'USD', 1e7)] },
];

function run(row: Row): readonly Figure[] {
  const uri = row.uri ?? 'file:///t.release.txt';
  if (row.whole) return analyseDocument(row.sentence, uri).figures;
  return extractFigures(proseContext(row.sentence, uri), []);
}

for (const row of rows) {
  test(`figures in: ${JSON.stringify(row.sentence)}`, () => {
    const found = run(row);
    for (const f of found) assert.equal(f.text, row.sentence.slice(f.start, f.end), 'text is the span');
    assert.deepEqual(found.map((f) => f.text), row.figures.map((e) => e.text), 'the figures found');
    row.figures.forEach((expected, i) => {
      const actual = found[i]!;
      for (const key of Object.keys(expected) as (keyof Expected)[]) {
        const want = expected[key];
        const got = actual[key];
        if (typeof want === 'number' && typeof got === 'number') {
          assert.ok(Math.abs(got - want) <= Math.abs(want) * 1e-12, `${expected.text}: ${key} ${got} ≠ ${want}`);
        } else {
          assert.equal(got, want, `${expected.text}: ${key}`);
        }
      }
      if (expected.valueTo === undefined) assert.equal(actual.valueTo, undefined, `${expected.text}: no range`);
      if (expected.qualifier === 'exact') assert.equal(actual.qualifierText, undefined, `${expected.text}: no qualifier words`);
      if (expected.modality === 'actual') assert.equal(actual.modalityText, undefined, `${expected.text}: no modality words`);
    });
  });
}

test('spans already taken by dates and parties are never the start of a figure', () => {
  const sentence = 'The 13th summit met on 25 November with 300 delegates.';
  const context = proseContext(sentence, 'file:///t.release.txt');
  const at = (s: string) => ({ start: sentence.indexOf(s), end: sentence.indexOf(s) + s.length });
  const all = extractFigures(context, []).map((f) => f.text);
  assert.deepEqual(all, ['13th', '300 delegates']);
  const some = extractFigures(context, [at('300')]).map((f) => f.text);
  assert.deepEqual(some, ['13th']);
});

test('odd input yields results, never an exception', () => {
  const inputs = [
    '',
    '\u0000\u0000 12 %',
    '\ud800 5 billion USD \udc00',
    '9'.repeat(100_000),
    Array.from({ length: 20_000 }, () => '1').join(','),
    '$'.repeat(1000) + '5',
    'USD '.repeat(5000),
    'the first '.repeat(3000),
    '10-'.repeat(5000),
    'twenty-'.repeat(3000) + 'one',
    'between 3 and ' .repeat(2000),
  ];
  for (const input of inputs) {
    const figures = extractFigures(proseContext(input, 'file:///t.release.txt'), []);
    for (const f of figures) {
      assert.equal(f.text, input.slice(f.start, f.end));
      assert.ok(Number.isFinite(f.value));
    }
  }
});

test('a long run of digits is not a figure', () => {
  assert.deepEqual(extractFigures(proseContext('9'.repeat(100_000), 'file:///t.release.txt'), []), []);
});

test('any text: spans are exact, in order, without overlap, values finite', () => {
  const alphabet = fc.constantFrom(
    ' ', ' ', '\n', '.', ',', '-', '%', '$', '€', '1', '2', '5', '0', '9', 'USD', 'US$', 'billion', 'bln', 'm', 'the', 'two',
    'first', 'countries', 'projects', 'nearly', 'topped', 'aim to', 'to', 'between', 'and', 'October', '2021', 'th', 'COVID-',
    'percent', 'of', 'twenty', 'hundred', 'Đ', 'ệ', '\u00a0', '\ud83d', '\ude00', '(', ')', '/', ':',
  );
  fc.assert(
    fc.property(fc.array(alphabet, { maxLength: 60 }), (parts) => {
      const input = parts.join('');
      const figures = extractFigures(proseContext(input, 'file:///t.release.txt'), []);
      let end = 0;
      for (const f of figures) {
        assert.equal(f.text, input.slice(f.start, f.end));
        assert.ok(f.start >= end, 'in order, no overlap');
        assert.ok(f.end > f.start);
        assert.ok(Number.isFinite(f.value) && Number.isFinite(f.resolution) && f.resolution > 0);
        if (f.valueTo !== undefined) assert.ok(f.valueTo > f.value);
        end = f.end;
      }
    }),
    { numRuns: 500 },
  );
});

test('a figure has the value and resolution of its decimal digits read with one rounding, scale applied', () => {
  const scales: [string, number][] = [['', 0], [' million', 6], [' billion', 9], [' trillion', 12]];
  fc.assert(
    fc.property(
      fc.stringMatching(/^[1-9][0-9]{0,11}$/),
      fc.stringMatching(/^[0-9]{0,8}$/),
      fc.constantFrom(...scales),
      (int, frac, [word, scale]) => {
        const written = `USD ${int}${frac === '' ? '' : `.${frac}`}${word}`;
        const figures = extractFigures(proseContext(`Trade reached ${written} last year.`, 'file:///t.release.txt'), []);
        assert.equal(figures.length, 1, written);
        const figure = figures[0]!;
        assert.equal(figure.text, written);
        // The decimal string itself, read once: no binary rounding of a scaled product.
        assert.equal(figure.value, Number(`${int}${frac}e${scale - frac.length}`), written);
        const zeros = frac === '' ? int.length - int.replace(/0+$/, '').length : 0;
        assert.equal(figure.resolution, Number(`1e${scale - frac.length + zeros}`), written);
      },
    ),
    { numRuns: 2000 },
  );
});
