// Claims: what each figure measures, between whom, over which period. Table-driven rows of
// sentences written for the project (the seeds' facts in other words, and the traps a checker must
// never call a conflict). Each row names a figure by its text and says, from reading the sentence,
// what its claim must be.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Claim } from '../../server/src/analysis/claimTypes';
import { claimKey } from '../../server/src/analysis/claimTypes';
import { analyseDocument } from '../../server/src/analysis/document';
import { extractClaims, metricDefinition, metricDefinitions, yearBefore } from '../../server/src/analysis/claims';
import { periodLabel } from '../../server/src/analysis/calendar';
import { proseContext } from '../../server/src/analysis/text';
import type { DocumentAnalysis } from '../../server/src/analysis/types';
import { hoverAt } from '../../server/src/features/hover';
import { documentJson } from '../../server/src/cli/report';

/** A release body, with a front-matter date when one is given. */
function release(body: string, date?: string): string {
  return date ? `---\ndate: ${date}\n---\n${body}\n` : `${body}\n`;
}

/** Opening sentences that make Cambodia and Viet Nam the release's pair. */
const PAIR = 'Cambodia and Viet Nam held talks in Phnom Penh. Cambodia thanked Viet Nam for its support. ';

interface Expect {
  readonly metric?: string | null;
  /** Sorted ids for a symmetric metric, [from, to] for a directional one; [] when unknown. */
  readonly parties?: readonly string[];
  readonly directional?: boolean;
  /** [from, to], or null when the period is unknown. */
  readonly period?: readonly [string, string] | null;
  readonly pointInTime?: boolean;
  readonly measure?: Claim['measure'];
  readonly base?: readonly [string, string];
  readonly sign?: number;
  readonly modality?: Claim['modality'];
  /** Exactly these reasons, in any order. */
  readonly unknown?: readonly string[];
  /** At least these reasons (the others may vary). */
  readonly unknownIncludes?: readonly string[];
  /** The figure text of the level claim a change qualifies. */
  readonly of?: string;
}

interface Row {
  readonly name: string;
  readonly text: string;
  /** The figure's text; `#2` after it picks the second figure with that text. */
  readonly figure: string;
  readonly expect: Expect;
}

const Y = (year: number): [string, string] => [`${year}-01-01`, `${year}-12-31`];

const rows: readonly Row[] = [
  // --- metric and the pair ------------------------------------------------------------------
  {
    name: 'two-way trade between the two named countries over a year',
    text: release('Two-way trade between Cambodia and Viet Nam reached USD 5.3 billion in 2020.'),
    figure: 'USD 5.3 billion',
    expect: { metric: 'trade.total', parties: ['KHM', 'VNM'], directional: false, period: Y(2020), measure: 'level', modality: 'actual', unknown: [] },
  },
  {
    name: 'trap: Viet Nam–Laos trade in a Cambodia–Viet Nam release is a different pair',
    text: release(`${PAIR}Bilateral trade between Viet Nam and Laos reached USD 1.4 billion in 2021.`),
    figure: 'USD 1.4 billion',
    expect: { metric: 'trade.total', parties: ['LAO', 'VNM'], period: Y(2021), unknown: [] },
  },
  {
    name: 'trade "with Laos" in a Cambodia–Viet Nam release: the pair cannot be told',
    text: release(`${PAIR}Trade with Laos reached USD 1 billion in 2020.`),
    figure: 'USD 1 billion',
    expect: { metric: 'trade.total', parties: [], period: Y(2020), unknown: ['parties unknown'] },
  },
  {
    name: 'four countries in the sentence: the pair cannot be told',
    text: release('Viet Nam is Cambodia’s third largest trading partner, after China and Thailand, with two-way trade of USD 5 billion in 2020.'),
    figure: 'USD 5 billion',
    expect: { metric: 'trade.total', parties: [], period: Y(2020), unknown: ['parties unknown'] },
  },
  {
    name: 'a dash-joined pair before the metric',
    text: release('Viet Nam–Cambodia two-way trade reached USD 5 billion in 2020.'),
    figure: 'USD 5 billion',
    expect: { metric: 'trade.total', parties: ['KHM', 'VNM'], period: Y(2020), unknown: [] },
  },
  {
    name: '"between the two countries" takes the release\'s pair',
    text: release(`${PAIR}\n\nThey reviewed their cooperation.\n\nTrade between the two countries reached USD 6 billion in 2021.`),
    figure: 'USD 6 billion',
    expect: { metric: 'trade.total', parties: ['KHM', 'VNM'], period: Y(2021), unknown: [] },
  },
  {
    name: 'a sentence without countries takes the pair its paragraph names',
    text: release('The ministers welcomed the growth in bilateral trade between Cambodia and Viet Nam. The trade volume climbed to USD 5.33 billion in 2020.'),
    figure: 'USD 5.33 billion',
    expect: { metric: 'trade.total', parties: ['KHM', 'VNM'], period: Y(2020), unknown: [] },
  },
  {
    name: 'trap: exports are not two-way trade (a demonym names the exporter)',
    text: release('Cambodian exports to Viet Nam reached USD 1.2 billion in 2020.'),
    figure: 'USD 1.2 billion',
    expect: { metric: 'trade.flow', parties: ['KHM', 'VNM'], directional: true, period: Y(2020), unknown: [] },
  },
  {
    name: 'exports from a possessive to a destination',
    text: release('Cambodia’s exports to Viet Nam came to USD 2.1 billion in 2021.'),
    figure: 'USD 2.1 billion',
    expect: { metric: 'trade.flow', parties: ['KHM', 'VNM'], directional: true, period: Y(2021), unknown: [] },
  },
  {
    name: 'imports of one country from another are the other\'s exports to it',
    text: release("Viet Nam's imports from Cambodia reached USD 2.1 billion in 2021."),
    figure: 'USD 2.1 billion',
    expect: { metric: 'trade.flow', parties: ['KHM', 'VNM'], directional: true, period: Y(2021), unknown: [] },
  },
  {
    name: 'a trade surplus is not two-way trade',
    text: release('The Cambodia–Viet Nam trade surplus stood at USD 2 billion in 2020.'),
    figure: 'USD 2 billion',
    expect: { metric: null, unknown: ['metric unknown'] },
  },
  {
    name: 'a count of something not in the vocabulary',
    text: release('The two countries signed 11 documents.'),
    figure: '11 documents',
    expect: { metric: null, parties: [], period: null, measure: 'level', unknown: ['metric unknown'] },
  },
  {
    name: 'a share of an unknown whole is not compared',
    text: release(`${PAIR}Viet Nam supplies 15% of Cambodia's imports.`),
    figure: '15%',
    expect: { metric: null, measure: 'share', unknown: ['metric unknown'] },
  },
  {
    name: 'aid from a donor to a recipient over a year',
    text: release('Japan provided USD 30 million in grant aid to Cambodia in 2020.'),
    figure: 'USD 30 million',
    expect: { metric: 'aid.grant', parties: ['JPN', 'KHM'], directional: true, period: Y(2020), unknown: [] },
  },
  {
    name: 'a receiving country and a demonym: tourists from Viet Nam to Cambodia',
    text: release('Cambodia received 300,000 Vietnamese tourists in 2019.'),
    figure: '300,000 Vietnamese tourists',
    expect: { metric: 'tourism.arrivals', parties: ['VNM', 'KHM'], directional: true, period: Y(2019), unknown: [] },
  },

  // --- periods -------------------------------------------------------------------------------
  {
    name: 'from … in 2018 to … in 2020: the first value takes its own year',
    text: release('Cambodia–Viet Nam trade turnover rose from USD 4.4 billion in 2018 to USD 5.3 billion in 2020.'),
    figure: 'USD 4.4 billion',
    expect: { metric: 'trade.total', parties: ['KHM', 'VNM'], period: Y(2018), measure: 'level', unknown: [] },
  },
  {
    name: 'from … in 2018 to … in 2020: the second value takes its own year',
    text: release('Cambodia–Viet Nam trade turnover rose from USD 4.4 billion in 2018 to USD 5.3 billion in 2020.'),
    figure: 'USD 5.3 billion',
    expect: { metric: 'trade.total', parties: ['KHM', 'VNM'], period: Y(2020), measure: 'level', unknown: [] },
  },
  {
    name: 'a partial period named by its months',
    text: release('Trade between Cambodia and Viet Nam hit USD 6.03 billion in only seven months of 2021.'),
    figure: 'USD 6.03 billion',
    expect: { metric: 'trade.total', period: ['2021-01-01', '2021-07-31'], unknown: [] },
  },
  {
    name: 'a leading period before the value',
    text: release('In the first half of 2022, two-way trade between Cambodia and Viet Nam amounted to USD 4 billion.'),
    figure: 'USD 4 billion',
    expect: { metric: 'trade.total', period: ['2022-01-01', '2022-06-30'], unknown: [] },
  },
  {
    name: 'a relative year resolved against the release date',
    text: release('Two-way trade between Cambodia and Viet Nam reached USD 9.5 billion last year.', '2022-11-08'),
    figure: 'USD 9.5 billion',
    expect: { metric: 'trade.total', period: Y(2021), unknown: [] },
  },
  {
    name: 'a relative year in a release without a date: period unknown',
    text: release('Two-way trade between Cambodia and Viet Nam reached USD 9.5 billion last year.'),
    figure: 'USD 9.5 billion',
    expect: { metric: 'trade.total', parties: ['KHM', 'VNM'], period: null, unknown: ['period unknown'] },
  },
  {
    name: 'no date near a flow: period unknown',
    text: release('Cambodia and Viet Nam said two-way trade reached USD 5 billion.'),
    figure: 'USD 5 billion',
    expect: { metric: 'trade.total', parties: ['KHM', 'VNM'], period: null, unknown: ['period unknown'] },
  },
  {
    name: 'the day of a meeting is not the period of a trade figure',
    text: release('On 21 October 2021, Cambodia and Viet Nam noted that two-way trade reached USD 5.3 billion.'),
    figure: 'USD 5.3 billion',
    expect: { metric: 'trade.total', period: null, unknown: ['period unknown'] },
  },
  {
    name: 'a target: "aim to raise … by 2025" has modality target and the period 2025',
    text: release('Cambodia and Viet Nam aim to raise two-way trade to USD 10 billion by 2025.'),
    figure: 'USD 10 billion',
    expect: { metric: 'trade.total', parties: ['KHM', 'VNM'], period: Y(2025), modality: 'target', unknown: [] },
  },
  {
    name: 'a forecast keeps its modality',
    text: release('Two-way trade between Cambodia and Viet Nam is expected to reach USD 7 billion in 2023.'),
    figure: 'USD 7 billion',
    expect: { metric: 'trade.total', period: Y(2023), modality: 'forecast', unknown: [] },
  },

  // --- stocks at a point in time ---------------------------------------------------------------
  {
    name: 'trap: 198 projects "so far" in a 2019 release hold on its date',
    text: release('Viet Nam has 198 investment projects in Cambodia so far.', '2019-05-10'),
    figure: '198 investment projects',
    expect: { metric: 'investment.projects', parties: ['VNM', 'KHM'], directional: true, period: ['2019-05-10', '2019-05-10'], pointInTime: true, unknown: [] },
  },
  {
    name: 'trap: the same 198 projects in a 2022 release hold on another date',
    text: release('Viet Nam has 198 investment projects in Cambodia so far.', '2022-11-08'),
    figure: '198 investment projects',
    expect: { metric: 'investment.projects', parties: ['VNM', 'KHM'], period: ['2022-11-08', '2022-11-08'], pointInTime: true, unknown: [] },
  },
  {
    name: 'a stock in a release without a date: period unknown',
    text: release('Viet Nam has 198 investment projects in Cambodia at present.'),
    figure: '198 investment projects',
    expect: { metric: 'investment.projects', parties: ['VNM', 'KHM'], period: null, unknown: ['period unknown'] },
  },
  {
    name: 'investment capital "at present", named by a demonym',
    text: release('Vietnamese investment in Cambodia totals USD 2.9 billion at present.', '2022-11-08'),
    figure: 'USD 2.9 billion',
    expect: { metric: 'investment.capital', parties: ['VNM', 'KHM'], directional: true, period: ['2022-11-08', '2022-11-08'], pointInTime: true, unknown: [] },
  },
  {
    name: 'projects and their capital in one sentence: the money is capital, not a count',
    text: release('Viet Nam now has 190 valid investment projects worth USD 2.9 billion in Cambodia.', '2022-11-08'),
    figure: 'USD 2.9 billion',
    expect: { metric: 'investment.capital', parties: ['VNM', 'KHM'], period: ['2022-11-08', '2022-11-08'], pointInTime: true, unknown: [] },
  },
  {
    name: '"as of" a month: a point in time at its end',
    text: release('As of June 2022, Vietnamese investors had 200 investment projects in Cambodia.', '2022-11-08'),
    figure: '200 investment projects',
    expect: { metric: 'investment.projects', parties: ['VNM', 'KHM'], period: ['2022-06-30', '2022-06-30'], pointInTime: true, unknown: [] },
  },

  // --- shares --------------------------------------------------------------------------------
  {
    name: 'a share of the land border demarcated',
    text: release('Cambodia and Viet Nam noted that 84% of the land border has been demarcated, and the remaining 16% will be settled soon.', '2021-10-23'),
    figure: '84%',
    expect: { metric: 'border.demarcated', parties: ['KHM', 'VNM'], measure: 'share', period: ['2021-10-23', '2021-10-23'], pointInTime: true, unknown: [] },
  },
  {
    name: 'the remaining share of the land border',
    text: release('Cambodia and Viet Nam noted that 84% of the land border has been demarcated, and the remaining 16% will be settled soon.', '2021-10-23'),
    figure: '16%',
    expect: { metric: 'border.undemarcated', parties: ['KHM', 'VNM'], measure: 'share', period: ['2021-10-23', '2021-10-23'], pointInTime: true, unknown: [] },
  },
  {
    name: 'a remaining share in a release without a date: period unknown',
    text: release(`${PAIR}They will settle the remaining 16% of the land boundary soon.`),
    figure: '16%',
    expect: { metric: 'border.undemarcated', parties: ['KHM', 'VNM'], measure: 'share', period: null, unknown: ['period unknown'] },
  },

  // --- changes -------------------------------------------------------------------------------
  {
    name: 'a level and its change against a stated base year',
    text: release('Tourist arrivals from Viet Nam to Cambodia reached 1.2 million in 2019, up 23.76 percent against 2017.'),
    figure: '1.2 million',
    expect: { metric: 'tourism.arrivals', parties: ['VNM', 'KHM'], directional: true, period: Y(2019), measure: 'level', unknown: [] },
  },
  {
    name: 'a change "against 2017" takes 2017 as its base, not as its period',
    text: release('Tourist arrivals from Viet Nam to Cambodia reached 1.2 million in 2019, up 23.76 percent against 2017.'),
    figure: '23.76 percent',
    expect: { metric: 'tourism.arrivals', parties: ['VNM', 'KHM'], period: Y(2019), measure: 'change', base: Y(2017), sign: 1, of: '1.2 million', unknown: [] },
  },
  {
    name: 'year on year over nine months: the same nine months a year earlier',
    text: release('Two-way trade between Cambodia and Thailand in the first nine months of 2022 reached USD 8.4 billion, up 16.7% year on year.'),
    figure: '16.7%',
    expect: { metric: 'trade.total', parties: ['KHM', 'THA'], period: ['2022-01-01', '2022-09-30'], measure: 'change', base: ['2021-01-01', '2021-09-30'], of: 'USD 8.4 billion', unknown: [] },
  },
  {
    name: '"compared with the same period last year" over a quarter',
    text: release('In the first quarter of 2022, bilateral trade between Cambodia and Viet Nam reached USD 2 billion, up 10% compared with the same period last year.', '2022-05-02'),
    figure: '10%',
    expect: { metric: 'trade.total', period: ['2022-01-01', '2022-03-31'], measure: 'change', base: ['2021-01-01', '2021-03-31'], unknown: [] },
  },
  {
    name: 'a fall has a negative sign',
    text: release('Cambodia’s exports to Viet Nam fell 5% in the first half of 2022.'),
    figure: '5%',
    expect: { metric: 'trade.flow', parties: ['KHM', 'VNM'], period: ['2022-01-01', '2022-06-30'], measure: 'change', base: ['2021-01-01', '2021-06-30'], sign: -1, unknown: [] },
  },
  {
    name: '"rose 12% to USD 6 billion": the change qualifies the value it leads to',
    text: release('Cambodia–Viet Nam two-way trade rose 12% to USD 6 billion in 2022.'),
    figure: '12%',
    expect: { metric: 'trade.total', parties: ['KHM', 'VNM'], period: Y(2022), measure: 'change', base: Y(2021), of: 'USD 6 billion', unknown: [] },
  },

  // --- respectively --------------------------------------------------------------------------
  {
    name: 'respectively: two values and two years, first pair',
    text: release('Two-way trade between Cambodia and Laos reached USD 3.4 billion and USD 2.6 billion in 2021 and 2022, respectively.'),
    figure: 'USD 3.4 billion',
    expect: { metric: 'trade.total', parties: ['KHM', 'LAO'], period: Y(2021), unknown: [] },
  },
  {
    name: 'respectively: two values and two years, second pair',
    text: release('Two-way trade between Cambodia and Laos reached USD 3.4 billion and USD 2.6 billion in 2021 and 2022, respectively.'),
    figure: 'USD 2.6 billion',
    expect: { metric: 'trade.total', parties: ['KHM', 'LAO'], period: Y(2022), unknown: [] },
  },
  {
    name: 'respectively: three values for two years pairs nothing',
    text: release('Two-way trade between Cambodia and Laos reached USD 3.4 billion, USD 2.6 billion and USD 1.1 billion in 2021 and 2022, respectively.'),
    figure: 'USD 2.6 billion',
    expect: { metric: 'trade.total', period: null, unknown: ['respectively: 3 values for 2 periods'] },
  },
  {
    name: 'respectively: the first change qualifies the full year',
    text: release(`${PAIR}Trade between the two countries topped USD 9.5 billion in 2021 and reached USD 8.45 billion in the first nine months of this year, respectively rising nearly 80% and 16.7% year on year.`, '2022-11-08'),
    figure: '80%',
    expect: { metric: 'trade.total', parties: ['KHM', 'VNM'], period: Y(2021), measure: 'change', base: Y(2020), sign: 1, of: 'USD 9.5 billion', unknown: [] },
  },
  {
    name: 'respectively: the second change qualifies the nine months',
    text: release(`${PAIR}Trade between the two countries topped USD 9.5 billion in 2021 and reached USD 8.45 billion in the first nine months of this year, respectively rising nearly 80% and 16.7% year on year.`, '2022-11-08'),
    figure: '16.7%',
    expect: { metric: 'trade.total', parties: ['KHM', 'VNM'], period: ['2022-01-01', '2022-09-30'], measure: 'change', base: ['2021-01-01', '2021-09-30'], of: 'USD 8.45 billion', unknown: [] },
  },
  {
    name: 'respectively without a release date: the nine months of "this year" are unknown, and so is their change',
    text: release(`${PAIR}Trade between the two countries topped USD 9.5 billion in 2021 and reached USD 8.45 billion in the first nine months of this year, respectively rising nearly 80% and 16.7% year on year.`),
    figure: '16.7%',
    expect: { metric: 'trade.total', measure: 'change', period: null, of: 'USD 8.45 billion', unknown: ['period unknown'] },
  },
  {
    name: 'respectively: three changes for two values pairs nothing',
    text: release(`${PAIR}Trade between the two countries topped USD 9.5 billion in 2021 and reached USD 8.45 billion in the first nine months of 2022, respectively rising 80%, 16.7% and 5% year on year.`),
    figure: '16.7%',
    expect: { measure: 'change', unknownIncludes: ['respectively: 3 changes for 2 values'] },
  },
  {
    name: 'respectively over a list of metrics: exports to and imports from (exports)',
    text: release('Cambodia’s exports to and imports from Viet Nam reached USD 1 billion and USD 2 billion, respectively, in 2021.'),
    figure: 'USD 1 billion',
    expect: { metric: 'trade.flow', parties: ['KHM', 'VNM'], period: Y(2021), unknown: [] },
  },
  {
    name: 'respectively over a list of metrics: exports to and imports from (imports)',
    text: release('Cambodia’s exports to and imports from Viet Nam reached USD 1 billion and USD 2 billion, respectively, in 2021.'),
    figure: 'USD 2 billion',
    expect: { metric: 'trade.flow', parties: ['VNM', 'KHM'], period: Y(2021), unknown: [] },
  },
  {
    name: 'a list of metrics without "respectively" cannot be paired',
    text: release('In 2021, exports and imports between Cambodia and Viet Nam reached USD 1 billion and USD 2 billion.'),
    figure: 'USD 1 billion',
    expect: { metric: null, unknown: ['metric unknown'] },
  },

  // --- parts of a whole ------------------------------------------------------------------------
  {
    name: 'of which exports … (the possessive names the exporter)',
    text: release('Two-way trade between Cambodia and Viet Nam reached USD 6 billion in 2021, of which Cambodia’s exports to Viet Nam were USD 2.5 billion and imports USD 3.5 billion.'),
    figure: 'USD 2.5 billion',
    expect: { metric: 'trade.flow', parties: ['KHM', 'VNM'], period: Y(2021), unknown: [] },
  },
  {
    name: '… and imports: the other direction, the same period',
    text: release('Two-way trade between Cambodia and Viet Nam reached USD 6 billion in 2021, of which Cambodia’s exports to Viet Nam were USD 2.5 billion and imports USD 3.5 billion.'),
    figure: 'USD 3.5 billion',
    expect: { metric: 'trade.flow', parties: ['VNM', 'KHM'], period: Y(2021), unknown: [] },
  },
  {
    name: 'of which exports, from the reporter of "Viet Nam\'s trade with Cambodia"',
    text: release("Viet Nam's two-way trade with Cambodia reached USD 6 billion in 2021, of which exports were USD 4 billion and imports USD 2 billion."),
    figure: 'USD 4 billion',
    expect: { metric: 'trade.flow', parties: ['VNM', 'KHM'], period: Y(2021), unknown: [] },
  },
  {
    name: 'of which imports, from the same reporter',
    text: release("Viet Nam's two-way trade with Cambodia reached USD 6 billion in 2021, of which exports were USD 4 billion and imports USD 2 billion."),
    figure: 'USD 2 billion',
    expect: { metric: 'trade.flow', parties: ['KHM', 'VNM'], period: Y(2021), unknown: [] },
  },
  {
    name: 'of which exports of a pair with no reporter: whose exports cannot be told',
    text: release('Two-way trade between Cambodia and Viet Nam reached USD 6 billion in 2021, of which exports were USD 4 billion.'),
    figure: 'USD 4 billion',
    expect: { metric: 'trade.flow', parties: [], period: Y(2021), unknown: ['parties unknown'] },
  },

  // --- text shapes -----------------------------------------------------------------------------
  {
    name: 'a hard-wrapped Markdown sentence goes on across lines',
    text: release('# Visit to Phnom Penh\n\nTwo-way trade between\nCambodia and Viet Nam reached USD 5 billion in\n2020, an increase of 12% over 2019.'),
    figure: '12%',
    expect: { metric: 'trade.total', parties: ['KHM', 'VNM'], period: Y(2020), measure: 'change', base: Y(2019), of: 'USD 5 billion', unknown: [] },
  },
  {
    name: 'a total of all arrivals is not the Vietnamese part named after it',
    text: release(`${PAIR}In 2019, Cambodia welcomed 6.6 million international tourists, including 900,000 Vietnamese.`),
    figure: '6.6 million international tourists',
    expect: { metric: 'tourism.arrivals', parties: [], period: Y(2019), unknown: ['parties unknown'] },
  },
  {
    name: '… while the part named by its demonym is a flow from Viet Nam',
    text: release(`${PAIR}In 2019, Cambodia welcomed 6.6 million international tourists, including 900,000 Vietnamese.`),
    figure: '900,000',
    expect: { metric: 'tourism.arrivals', parties: ['VNM', 'KHM'], period: Y(2019), unknown: [] },
  },
  {
    name: 'a demonym with an agent noun is the subject: investors from Viet Nam',
    text: release('Vietnamese investors have invested USD 3 billion in Cambodia in 2021.'),
    figure: 'USD 3 billion',
    expect: { metric: 'investment.capital', parties: ['VNM', 'KHM'], period: Y(2021), unknown: [] },
  },
  {
    name: 'the value of a trade agreement is not trade',
    text: release('Cambodia and Viet Nam signed a USD 50 million trade agreement in 2020.'),
    figure: 'USD 50 million',
    expect: { metric: null, unknown: ['metric unknown'] },
  },
  {
    name: '"Trade" inside a ministry\'s name is no metric',
    text: release(`${PAIR}The Ministry of Industry and Trade said USD 5 billion was disbursed in 2020.`),
    figure: 'USD 5 billion',
    expect: { metric: null, unknown: ['metric unknown'] },
  },
  {
    name: 'a value further along a list keeps its metric, and "over" a period is its period, not a base',
    text: release('The ministers reviewed trade between Cambodia and Viet Nam, which grew from USD 5.26 billion in 2019 to USD 5.33 billion in 2020, and which already came to USD 6.03 billion over the first seven months of 2021.'),
    figure: 'USD 6.03 billion',
    expect: { metric: 'trade.total', parties: ['KHM', 'VNM'], period: ['2021-01-01', '2021-07-31'], measure: 'level', unknown: [] },
  },
  {
    name: 'trap: a target after an actual does not take the actual\'s year',
    text: release('The two governments welcomed bilateral trade between Cambodia and Viet Nam, which reached USD 5.33 billion in 2020, and aim to raise it to USD 10 billion in the coming years.'),
    figure: 'USD 10 billion',
    expect: { modality: 'target', period: null },
  },
  {
    name: 'the same value in another currency, in brackets, has the same period',
    text: release('Two-way trade between Cambodia and Viet Nam reached USD 5.33 billion (VND 122.6 trillion) in 2020.'),
    figure: 'USD 5.33 billion',
    expect: { metric: 'trade.total', period: Y(2020), unknown: [] },
  },
  {
    name: '… and so has the bracketed value',
    text: release('Two-way trade between Cambodia and Viet Nam reached USD 5.33 billion (VND 122.6 trillion) in 2020.'),
    figure: 'VND 122.6 trillion',
    expect: { metric: 'trade.total', period: Y(2020), unknown: [] },
  },
  {
    name: '"demarcation and marker planting" names one metric, not a list to pair',
    text: release('On the land boundary, Cambodia and Viet Nam noted that 84% of demarcation and marker planting is complete.', '2021-10-23'),
    figure: '84%',
    expect: { metric: 'border.demarcated', parties: ['KHM', 'VNM'], measure: 'share', period: ['2021-10-23', '2021-10-23'], unknown: [] },
  },
  {
    name: 'a share whose whole is named at length after it',
    text: release('The joint commission reported that 86% of the common border between Cambodia and Laos has been demarcated.', '2022-03-02'),
    figure: '86%',
    expect: { metric: 'border.demarcated', parties: ['KHM', 'LAO'], measure: 'share', unknown: [] },
  },
  {
    name: 'a value with a date of its own that cannot be tied to it does not borrow the year before',
    text: release('Exports from Cambodia to Viet Nam reached USD 2 billion in 2020 and USD 3 billion, a record, the following year.'),
    figure: 'USD 3 billion',
    expect: { metric: 'trade.flow', period: null },
  },
  {
    name: 'trap: one country\'s total trade with the world is not the pair\'s trade',
    text: release(`${PAIR}Viet Nam's total trade reached USD 668 billion in 2021.`),
    figure: 'USD 668 billion',
    expect: { metric: 'trade.total', parties: [], period: Y(2021), unknown: ['parties unknown'] },
  },
  {
    name: 'trade with an organisation is not the pair\'s trade',
    text: release(`${PAIR}Cambodia's trade with ASEAN reached USD 20 billion in 2021.`),
    figure: 'USD 20 billion',
    expect: { metric: 'trade.total', parties: [], unknown: ['parties unknown'] },
  },
];

function figureIndexOf(analysis: DocumentAnalysis, spec: string): number {
  const [text, nth] = spec.split('#') as [string, string | undefined];
  const matches = analysis.figures.map((f, i) => [f.text, i] as const).filter(([t]) => t === text);
  const pick = matches[(nth ? Number(nth) : 1) - 1];
  assert.ok(pick, `figure "${spec}" among ${JSON.stringify(analysis.figures.map((f) => f.text))}`);
  return pick[1];
}

for (const row of rows) {
  test(`claims: ${row.name}`, () => {
    const analysis = analyseDocument(row.text, 'file:///releases/row.md');
    const fi = figureIndexOf(analysis, row.figure);
    const claim = analysis.claims.find((c) => c.figureIndex === fi);
    assert.ok(claim, `a claim for "${row.figure}"`);
    const e = row.expect;
    const where = `"${row.figure}" in: ${row.text.trim()}`;
    if (e.metric !== undefined) assert.equal(claim.metric, e.metric, `metric of ${where}`);
    if (e.parties !== undefined) assert.deepEqual(claim.parties, e.parties, `parties of ${where}`);
    if (e.directional !== undefined) assert.equal(claim.directional, e.directional, `directional: ${where}`);
    if (e.period !== undefined) {
      if (e.period === null) assert.equal(claim.period, null, `period of ${where}`);
      else {
        assert.ok(claim.period, `a period for ${where}`);
        assert.deepEqual([claim.period.from, claim.period.to], e.period, `period of ${where}`);
      }
    }
    if (e.pointInTime !== undefined) assert.equal(claim.period?.pointInTime ?? false, e.pointInTime, `point in time: ${where}`);
    if (e.measure !== undefined) assert.equal(claim.measure, e.measure, `measure of ${where}`);
    if (e.base !== undefined) {
      assert.ok(claim.base, `a base for ${where}`);
      assert.deepEqual([claim.base.from, claim.base.to], e.base, `base of ${where}`);
    }
    if (e.sign !== undefined) assert.equal(claim.sign, e.sign, `sign of ${where}`);
    if (e.modality !== undefined) assert.equal(claim.modality, e.modality, `modality of ${where}`);
    if (e.unknown !== undefined) assert.deepEqual([...claim.unknown].sort(), [...e.unknown].sort(), `unknown of ${where}`);
    for (const reason of e.unknownIncludes ?? []) assert.ok(claim.unknown.includes(reason), `"${reason}" among ${JSON.stringify(claim.unknown)} for ${where}`);
    if (e.of !== undefined) {
      assert.ok(claim.ofClaim !== undefined, `a level claim for the change ${where}`);
      const level = analysis.claims[claim.ofClaim];
      assert.ok(level, `claim ${claim.ofClaim} exists`);
      assert.equal(analysis.figures[level.figureIndex]!.text, e.of, `the change ${where} qualifies`);
      assert.equal(level.measure, 'level');
    }
    // Invariants of every claim.
    assert.equal(claim.start, analysis.figures[fi]!.start);
    assert.equal(claim.end, analysis.figures[fi]!.end);
    assert.equal(claimKey(claim) === null, claim.unknown.length > 0 || claim.metric === null || claim.period === null, 'comparable exactly when nothing is unknown');
  });
}

test('claims: no claim for ordinals, one per measuring figure, in figure order', () => {
  const analysis = analyseDocument(release('The 7th Political Consultations noted that two-way trade between Cambodia and Viet Nam reached USD 5.3 billion in 2020, up 3% on 2019, and that 11 documents were signed.'), 'file:///r.md');
  assert.deepEqual(analysis.claims.map((c) => analysis.figures[c.figureIndex]!.text), ['USD 5.3 billion', '3%', '11 documents']);
  const order = analysis.claims.map((c) => c.figureIndex);
  assert.deepEqual(order, [...order].sort((a, b) => a - b));
});

test('claims: two releases stating the same trade figure share a key; a target, another pair and another period do not', () => {
  const key = (text: string, figure: string, date?: string): string | null => {
    const a = analyseDocument(release(text, date), 'file:///r.md');
    const c = a.claims.find((x) => a.figures[x.figureIndex]!.text === figure);
    assert.ok(c, figure);
    return claimKey(c);
  };
  const k2020 = key('Two-way trade between Cambodia and Viet Nam reached USD 5.33 billion in 2020.', 'USD 5.33 billion');
  assert.ok(k2020);
  assert.equal(key('Trade between Viet Nam and Cambodia stood at USD 5.8 billion in 2020.', 'USD 5.8 billion'), k2020, 'the pair in the other order, the same year');
  assert.notEqual(key('Two-way trade between Cambodia and Viet Nam reached USD 5.8 billion in 2021.', 'USD 5.8 billion'), k2020);
  assert.notEqual(key('Two-way trade between Laos and Viet Nam reached USD 5.8 billion in 2020.', 'USD 5.8 billion'), k2020);
  assert.notEqual(key('Cambodia and Viet Nam aim to raise two-way trade to USD 5.8 billion in 2020.', 'USD 5.8 billion'), k2020);
  assert.notEqual(key('Cambodian exports to Viet Nam reached USD 5.8 billion in 2020.', 'USD 5.8 billion'), k2020);
});

test('claims: the vocabulary is consistent (ids unique, parts and complements known, units valid)', () => {
  const ids = metricDefinitions().map((m) => m.id);
  assert.equal(new Set(ids).size, ids.length);
  for (const m of metricDefinitions()) {
    assert.ok(['money', 'count', 'percent'].includes(m.unit), m.id);
    for (const part of m.parts ?? []) assert.ok(metricDefinition(part), `${m.id} part ${part}`);
    if (m.complement) {
      assert.equal(metricDefinition(m.complement)?.complement, m.id, `${m.id} complement is mutual`);
      assert.equal(m.unit, 'percent');
    }
  }
  assert.equal(metricDefinition('trade.total')?.name, 'two-way trade');
  assert.equal(metricDefinition('trade.total')?.symmetric, true);
  assert.equal(metricDefinition('trade.flow')?.symmetric, false);
  assert.equal(metricDefinition('investment.projects')?.temporal, 'stock');
});

test('claims: period labels and the year before', () => {
  const rows: [string, string, boolean, string][] = [
    ['2020-01-01', '2020-12-31', false, '2020'],
    ['2019-01-01', '2021-12-31', false, '2019–2021'],
    ['2022-01-01', '2022-09-30', false, 'January–September 2022'],
    ['2021-10-01', '2021-10-31', false, 'October 2021'],
    ['2024-02-01', '2024-02-29', false, 'February 2024'],
    ['2021-11-01', '2022-02-28', false, 'November 2021–February 2022'],
    ['2021-10-23', '2021-10-23', true, 'as of 23 October 2021'],
    ['2021-10-23', '2021-10-23', false, '23 October 2021'],
    ['2021-11-25', '2021-11-26', false, '25 November 2021–26 November 2021'],
  ];
  for (const [from, to, pointInTime, label] of rows) assert.equal(periodLabel({ from, to, pointInTime }), label, `${from}..${to}`);
  assert.deepEqual(yearBefore({ from: '2024-01-01', to: '2024-02-29', granularity: 'period' }), { from: '2023-01-01', to: '2023-02-28', granularity: 'period' });
  assert.deepEqual(yearBefore({ from: '2021-01-01', to: '2021-02-28', granularity: 'period' }), { from: '2020-01-01', to: '2020-02-29', granularity: 'period' });
});

test('claims: extractClaims reads only what it is given (no figures, no claims)', () => {
  const context = proseContext('Two-way trade reached USD 5 billion in 2020.', 'file:///r.md');
  assert.deepEqual(extractClaims(context, { figures: [], dates: [], parties: [], releaseDate: null }), []);
});

test('claims: the figure hover says what a figure measures, or why it is not compared', () => {
  const text = release('Two-way trade between Cambodia and Viet Nam reached USD 5.33 billion in 2020 and USD 8 billion in the first nine months of this year.');
  const analysis = analyseDocument(text, 'file:///releases/r.md');
  const at = (figure: string): string => hoverAt(analysis, analysis.figures[figureIndexOf(analysis, figure)]!.start)?.markdown ?? '';
  assert.match(at('USD 5.33 billion'), /Measures: two-way trade · Cambodia–Viet Nam · 2020/);
  assert.doesNotMatch(at('USD 5.33 billion'), /Not compared/);
  assert.match(at('USD 8 billion'), /Measures: two-way trade · Cambodia–Viet Nam/);
  assert.match(at('USD 8 billion'), /Not compared: period unknown/);
  const signed = analyseDocument(release('Cambodia and Viet Nam signed 11 documents.'), 'file:///releases/s.md');
  assert.match(hoverAt(signed, signed.figures[0]!.start)?.markdown ?? '', /Not compared: metric unknown/);
});

test('claims: the command line JSON gives metric, parties and period on figures that have them', () => {
  const text = release('Two-way trade between Cambodia and Viet Nam reached USD 5.33 billion in 2020, up 2% on 2019, and the two sides signed 11 documents.');
  const analysis = analyseDocument(text, 'file:///releases/r.md');
  const json = documentJson({ path: 'releases/r.md', analysis, findings: [] }, { pathOf: (u) => u, analysisOf: () => undefined }) as {
    figures: { text: string; metric?: string; parties?: string[]; period?: { from: string; to: string }; measure?: string; notCompared?: string[] }[];
  };
  const figures = json.figures;
  const trade = figures.find((f) => f.text === 'USD 5.33 billion')!;
  assert.equal(trade.metric, 'trade.total');
  assert.deepEqual(trade.parties, ['KHM', 'VNM']);
  assert.deepEqual(trade.period, { from: '2020-01-01', to: '2020-12-31' });
  assert.equal(trade.notCompared, undefined);
  const change = figures.find((f) => f.text === '2%')!;
  assert.equal(change.measure, 'change');
  const documents = figures.find((f) => f.text === '11 documents')!;
  assert.equal(documents.metric, undefined);
  assert.deepEqual(documents.notCompared, ['metric unknown']);
});

test('a text that ends right after "(" or "to" following a figure is analysed without error', () => {
  // Found by the property tests: the look-ahead for "USD 5.33 billion (VND …)" read past the last token.
  for (const text of ['0.00 last year ( ', 'Trade rose 10% to', 'USD 5.33 billion in 2020 (', '84% (']) {
    for (const uri of ['file:///t.release.txt', 'file:///t.release.md']) {
      const analysis = analyseDocument(text, uri);
      assert.equal(analysis.claims.length <= analysis.figures.length, true, text);
    }
  }
});
