// Parties: countries, organisations and people found in sentences written for these tests, with
// the traps a reader would not call a party, acronym definitions, titles and summaries.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { proseContext } from '../../server/src/analysis/text';
import { extractParties } from '../../server/src/analysis/parties';
import { buildGazetteer } from '../../server/src/knowledge/gazetteer';
import fc from 'fast-check';
import type { PartyKind, PartyMention } from '../../server/src/analysis/types';

interface Expected {
  readonly text: string;
  readonly id: string;
  readonly kind: PartyKind;
  readonly title?: string;
  readonly glued?: boolean;
  readonly name?: string;
}

const c = (text: string, id: string, more: Partial<Expected> = {}): Expected => ({ text, id, kind: 'country', ...more });
const o = (text: string, id: string, more: Partial<Expected> = {}): Expected => ({ text, id, kind: 'organization', ...more });
const x = (text: string, id: string, more: Partial<Expected> = {}): Expected => ({ text, id, kind: 'other', ...more });
const p = (text: string, id: string, more: Partial<Expected> = {}): Expected => ({ text, id, kind: 'person', ...more });

function mentions(text: string, uri = 'release.txt'): PartyMention[] {
  const found = extractParties(proseContext(text, uri)).mentions;
  for (const m of found) assert.equal(m.text, text.slice(m.start, m.end), `span of ${m.text}`);
  return found;
}

function check(rows: readonly (readonly [string, readonly Expected[]])[]): void {
  for (const [sentence, expected] of rows) {
    const found = mentions(sentence);
    const shape = (m: Expected | PartyMention) => ({ text: m.text, id: m.id, kind: m.kind, title: m.title, glued: m.glued === true });
    assert.deepEqual(found.map(shape), expected.map(shape), sentence);
    expected.forEach((e, i) => {
      if (e.name !== undefined) assert.equal(found[i]!.name, e.name, `${sentence}: name of ${e.text}`);
    });
  }
}

test('countries: names, official long forms, acronyms and variants, case and diacritics folded', () => {
  check([
    ['Viet Nam and Laos signed the protocol.', [c('Viet Nam', 'VNM', { name: 'Viet Nam' }), c('Laos', 'LAO', { name: 'Lao PDR' })]],
    ['The delegation of Việt Nam arrived on Monday.', [c('Việt Nam', 'VNM')]],
    ['TALKS BETWEEN THAILAND AND VIET NAM', [c('THAILAND', 'THA'), c('VIET NAM', 'VNM')]],
    ['officials from viet nam attended', [c('viet nam', 'VNM')]],
    ['The Socialist Republic of Viet Nam hosted the talks.', [c('Socialist Republic of Viet Nam', 'VNM')]],
    ['a message from the Kingdom of Cambodia', [c('Kingdom of Cambodia', 'KHM', { name: 'Cambodia' })]],
    ["Lao PDR, the Lao People's Democratic Republic, joined in 1997.", [c('Lao PDR', 'LAO'), c("Lao People's Democratic Republic", 'LAO')]],
    ['the Republic of Korea, also called the ROK, and South Korea', [c('Republic of Korea', 'KOR'), c('ROK', 'KOR'), c('South Korea', 'KOR')]],
    ['envoys to the DPRK and to North Korea', [c('DPRK', 'PRK'), c('North Korea', 'PRK')]],
    ['Myanmar, which some still call Burma, sent a minister.', [c('Myanmar', 'MMR'), c('Burma', 'MMR')]],
    ['Timor-Leste became the eleventh member.', [c('Timor-Leste', 'TLS')]],
    ['Brunei Darussalam chairs the meeting.', [c('Brunei Darussalam', 'BRN')]],
    ['Flights to the Philippines resumed.', [c('Philippines', 'PHL')]],
    ["the People's Republic of China, or the PRC, and China", [c("People's Republic of China", 'CHN'), c('PRC', 'CHN'), c('China', 'CHN')]],
    ['The USA and the United States of America are one.', [c('USA', 'USA'), c('United States of America', 'USA', { name: 'United States' })]],
    ['the US and the UK issued statements', [c('US', 'USA'), c('UK', 'GBR')]],
    ['the Russian Federation, that is Russia', [c('Russian Federation', 'RUS'), c('Russia', 'RUS')]],
    ['The visit strengthened Japan’s role.', [c('Japan', 'JPN')]],
    ["Côte d'Ivoire sent observers.", [c("Côte d'Ivoire", 'CIV')]],
  ]);
});

test('countries joined by dashes are two mentions, however the dash is spaced', () => {
  check([
    ['the Vietnam -Laos friendship', [c('Vietnam', 'VNM'), c('Laos', 'LAO')]],
    ['the Laos-Viet Nam border', [c('Laos', 'LAO'), c('Viet Nam', 'VNM')]],
    ['Thailand – Cambodia relations', [c('Thailand', 'THA'), c('Cambodia', 'KHM')]],
    ['the Viet Nam—Japan partnership', [c('Viet Nam', 'VNM'), c('Japan', 'JPN')]],
  ]);
});

test('words run together by PDF extraction: the party is found and marked glued', () => {
  check([
    ['trade between Singapore andMalaysia grew', [c('Singapore', 'SGP'), c('Malaysia', 'MYS', { glued: true })]],
    ['the host of ASEANin 2025', [o('ASEAN', 'org:asean', { glued: true, name: 'Association of Southeast Asian Nations' })]],
    ['VietNam welcomed the move', [c('VietNam', 'VNM', { glued: true })]],
    ['a G20 summit in India', [x('G20', 'org:g20'), c('India', 'IND')]],
    ['PM Hun Sen thanked Vietnam andLaos', [p('PM Hun Sen', 'person:hun-sen', { title: 'PM' }), c('Vietnam', 'VNM'), c('Laos', 'LAO', { glued: true })]],
  ]);
});

test('traps: pronouns, currencies, demonyms, lower-case words and seas are no party', () => {
  check([
    ['Let us work together to help us grow.', []],
    ['Aid of US$5 billion was pledged.', []],
    ['worth 300 million US dollars in all', []],
    ['The US dollar rose.', []],
    ['Vietnamese enterprises and Cambodian farmers', []],
    ['the Lao side and the Thai side agreed', []],
    ['they formed the united front against poverty', []],
    ['the un-named official', []],
    ['the ministry said the council would meet', []],
    ['The Ministry said so.', []],
    ['tensions in the South China Sea eased', []],
    ['who said so', []],
    ['Who will attend?', []],
    ['a turkey dinner on china plates', []],
    ['the Prime Minister said', []],
    ['the two Prime Ministers met', []],
    ['Vietnamnese is a typo, Cambodians are people', []],
    ['Chinh said the plan works.', []],
    ['fine dust (PM2.5) peaked at 3 PM Monday', []],
    ['the General Assembly and the Party Congress', []],
    ['NATION RELIGION KING', []],
    // Lower-case words that begin only forms written with a capital ("To Lam", "Foreign Minister")
    // start nothing; a country begins in any case.
    ['the foreign minister went to lam dong and to india', [c('india', 'IND')]],
    ['To Lam met the foreign minister', [p('To Lam', 'person:to-lam')]],
  ]);
});

test('organisations from the data, case-sensitive short acronyms', () => {
  check([
    ['the WHO and the WTO', [o('WHO', 'org:who'), o('WTO', 'org:wto')]],
    ['The United Nations and the UN', [o('United Nations', 'org:un'), o('UN', 'org:un')]],
    ['members of the EU met', [o('EU', 'org:eu', { name: 'European Union' })]],
    ['the Asia-Pacific Economic Cooperation forum, or APEC', [o('Asia-Pacific Economic Cooperation', 'org:apec'), o('APEC', 'org:apec')]],
    ['under the Mekong-Lancang Cooperation framework', [x('Mekong-Lancang Cooperation', 'org:mekong-lancang')]],
    ['the Mekong–Japan ministers', [x('Mekong–Japan', 'org:mekong-japan')]],
    ['at the 13th ASEM Summit', [o('ASEM', 'org:asem')]],
    ['the Diplomatic Academy of Viet Nam', [o('Diplomatic Academy of Viet Nam', 'org:dav')]],
    ['a view on AUKUS and the Quad', [x('AUKUS', 'org:aukus')]],
  ]);
});

test('organisations named by a head-word, bounded by lower-case words and a second "of <country>"', () => {
  check([
    ['the Ministry of Industry and Trade of Viet Nam', [o('Ministry of Industry and Trade', 'org:ministry-of-industry-and-trade'), c('Viet Nam', 'VNM')]],
    ['the Ministry of Foreign Affairs and International Cooperation', [o('Ministry of Foreign Affairs and International Cooperation', 'org:ministry-of-foreign-affairs-and-international-cooperation')]],
    ['the Mekong Institute in Khon Kaen', [o('Mekong Institute', 'org:mekong-institute')]],
    ['the National Council for Sustainable Development', [o('National Council for Sustainable Development', 'org:national-council-for-sustainable-development')]],
    ['the Vietnam Academy of Social Sciences', [c('Vietnam', 'VNM'), o('Academy of Social Sciences', 'org:academy-of-social-sciences')]],
    ['remains of soldiers of the Kampuchean United Front for National Salvation from Laos', [o('Kampuchean United Front for National Salvation', 'org:kampuchean-united-front-for-national-salvation'), c('Laos', 'LAO')]],
    ['the Joint Commission on Trade and Investment met', [o('Joint Commission on Trade and Investment', 'org:joint-commission-on-trade-and-investment')]],
    ['the Joint Commission on Economic, Cultural and Technical Cooperation', [o('Joint Commission on Economic, Cultural and Technical Cooperation', 'org:joint-commission-on-economic-cultural-and-technical-cooperation')]],
    ['the Joint Committee on Border Affairs, Trade, Investment', [o('Joint Committee on Border Affairs', 'org:joint-committee-on-border-affairs')]],
    ['the Ministry of Defence and the Ministry of Public Security', [o('Ministry of Defence', 'org:ministry-of-defence'), o('Ministry of Public Security', 'org:ministry-of-public-security')]],
    ['the Embassy of Viet Nam in Phnom Penh', [o('Embassy of Viet Nam', 'org:embassy-of-viet-nam')]],
    ['the Ministry of Foreign Affairs of Cambodia', [o('Ministry of Foreign Affairs', 'org:ministry-of-foreign-affairs'), c('Cambodia', 'KHM')]],
    ['the Cambodian Ministry of Tourism', [o('Ministry of Tourism', 'org:ministry-of-tourism')]],
  ]);
});

test('"Full Name (ACRONYM)" makes the acronym an alias for the rest of the release', () => {
  check([
    [
      'The Institute of Strategic Studies (ISS) held a forum. The ISS report followed.',
      [o('Institute of Strategic Studies', 'org:institute-of-strategic-studies'), o('ISS', 'org:institute-of-strategic-studies'), o('ISS', 'org:institute-of-strategic-studies')],
    ],
    [
      'the Greater Kampot Tourism Partnership (GKTP) grew; GKTP members met',
      [x('Greater Kampot Tourism Partnership', 'other:greater-kampot-tourism-partnership'), x('GKTP', 'other:greater-kampot-tourism-partnership'), x('GKTP', 'other:greater-kampot-tourism-partnership')],
    ],
    [
      'NIDIR staff met the National Institute of Diplomacy and International Relations (NIDIR) then NIDIR left',
      [
        o('National Institute of Diplomacy and International Relations', 'org:national-institute-of-diplomacy-and-international-relations'),
        o('NIDIR', 'org:national-institute-of-diplomacy-and-international-relations'),
        o('NIDIR', 'org:national-institute-of-diplomacy-and-international-relations'),
      ],
    ],
    ['hosting the 33rd Southeast Asian Games (SEA Games) in 2025; the SEA Games open', [x('Southeast Asian Games', 'org:sea-games'), x('SEA Games', 'org:sea-games'), x('SEA Games', 'org:sea-games')]],
    ['The Institute of Strategic Studies (ISS) met; the iss and Iss are not it', [o('Institute of Strategic Studies', 'org:institute-of-strategic-studies'), o('ISS', 'org:institute-of-strategic-studies')]],
    ['Cambodia (2021) and the forum (ASEAN chair)', [c('Cambodia', 'KHM'), o('ASEAN', 'org:asean')]],
    ['the Mekong Futures Lab (XYZ) opened', []],
    [
      'The Council for the Development of Cambodia (CDC) approved it; the CDC said so.',
      [o('Council for the Development of Cambodia', 'org:council-for-the-development-of-cambodia'), o('CDC', 'org:council-for-the-development-of-cambodia'), o('CDC', 'org:council-for-the-development-of-cambodia')],
    ],
    ['aid to Cambodia (CDC) grew', [c('Cambodia', 'KHM')]],
    [
      // Defined twice: the second definition changes nothing, and every later ISS is the institute.
      'The Institute of Strategic Studies (ISS) met. The Institute of Strategic Studies (ISS) met again; ISS closed.',
      [
        o('Institute of Strategic Studies', 'org:institute-of-strategic-studies'),
        o('ISS', 'org:institute-of-strategic-studies'),
        o('Institute of Strategic Studies', 'org:institute-of-strategic-studies'),
        o('ISS', 'org:institute-of-strategic-studies'),
        o('ISS', 'org:institute-of-strategic-studies'),
      ],
    ],
  ]);
});

test('a release that defines the same acronym over and over keeps every mention of it', () => {
  const sentence = 'The Institute of Strategic Studies (ISS) met, and the ISS spoke. ';
  const found = mentions(sentence.repeat(3000));
  assert.equal(found.length, 3 * 3000);
  assert.ok(found.every((m) => m.id === 'org:institute-of-strategic-studies'));
  assert.deepEqual(found.slice(0, 3).map((m) => m.text), ['Institute of Strategic Studies', 'ISS', 'ISS']);
});

test('people: titles, honorifics, known name forms and all-capital surnames', () => {
  check([
    [
      'Prime Minister Pham Minh Chinh arrived; later PM Chinh spoke.',
      [p('Prime Minister Pham Minh Chinh', 'person:pham-minh-chinh', { title: 'Prime Minister' }), p('PM Chinh', 'person:pham-minh-chinh', { title: 'PM', name: 'Pham Minh Chinh' })],
    ],
    ['Samdech Techo Hun Sen welcomed the guests.', [p('Hun Sen', 'person:hun-sen')]],
    [
      'H.E. Mr. Prak Sokhonn, Deputy Prime Minister and Minister of Foreign Affairs and International Cooperation, spoke.',
      [p('Prak Sokhonn', 'person:prak-sokhonn', { title: 'Deputy Prime Minister and Minister of Foreign Affairs and International Cooperation' })],
    ],
    ['Her Excellency Dr. KEO Malika, Secretary of State, opened the session.', [p('KEO Malika', 'person:keo-malika', { title: 'Secretary of State', name: 'KEO Malika' })]],
    [
      'His Excellency TRAN Van Binh, Deputy Minister of Foreign Affairs of the Socialist Republic of Viet Nam, replied.',
      [p('TRAN Van Binh', 'person:tran-van-binh', { title: 'Deputy Minister of Foreign Affairs' }), c('Socialist Republic of Viet Nam', 'VNM')],
    ],
    ['President Joe Biden and President Xi Jinping talked.', [p('President Joe Biden', 'person:joe-biden', { title: 'President' }), p('President Xi Jinping', 'person:xi-jinping', { title: 'President' })]],
    [
      'Minister Sokhonn thanked Foreign Minister Bui Thanh Son.',
      [p('Minister Sokhonn', 'person:prak-sokhonn', { title: 'Minister', name: 'Prak Sokhonn' }), p('Foreign Minister Bui Thanh Son', 'person:bui-thanh-son', { title: 'Foreign Minister' })],
    ],
    ['Deputy Prime Minister Tran Luu Quang visited Laos.', [p('Deputy Prime Minister Tran Luu Quang', 'person:tran-luu-quang', { title: 'Deputy Prime Minister' }), c('Laos', 'LAO')]],
    ['Hun Manet, Prime Minister of Cambodia, said so.', [p('Hun Manet', 'person:hun-manet', { title: 'Prime Minister' }), c('Cambodia', 'KHM')]],
    ['PM Chinh arrived. Chinh said the visit went well.', [p('PM Chinh', 'person:pham-minh-chinh', { title: 'PM' }), p('Chinh', 'person:pham-minh-chinh')]],
    ['Mr. Sok Dara attended.', [p('Sok Dara', 'person:sok-dara')]],
    ['Cambodia as the Chair of ASEAN in 2025', [c('Cambodia', 'KHM'), o('ASEAN', 'org:asean')]],
    ['King Norodom Sihamoni received the envoy.', [p('King Norodom Sihamoni', 'person:norodom-sihamoni', { title: 'King' })]],
    ['Vice Minister NGUYEN Minh Hang and Ambassador Nguyen Huy Tang', [p('Vice Minister NGUYEN Minh Hang', 'person:nguyen-minh-hang', { title: 'Vice Minister' }), p('Ambassador Nguyen Huy Tang', 'person:nguyen-huy-tang', { title: 'Ambassador' })]],
    ['the Cambodian Prime Minister Hun Manet', [p('Prime Minister Hun Manet', 'person:hun-manet', { title: 'Prime Minister' })]],
    ['Minister of Industry and Trade Nguyen Hong Dien signed.', [p('Minister of Industry and Trade Nguyen Hong Dien', 'person:nguyen-hong-dien', { title: 'Minister of Industry and Trade' })]],
    ['the Minister of Foreign Affairs of Thailand attended', [c('Thailand', 'THA')]],
    ['Cambodian Prime Minister Samdech Techo Hun Sen spoke.', [p('Prime Minister Samdech Techo Hun Sen', 'person:hun-sen', { title: 'Prime Minister' })]],
    ['ASEAN Secretary-General Kao Kim Hourn replied.', [o('ASEAN', 'org:asean'), p('Secretary-General Kao Kim Hourn', 'person:kao-kim-hourn', { title: 'Secretary-General' })]],
    ['Governor of the State Bank Le Van Tam spoke.', [p('Governor of the State Bank Le Van Tam', 'person:le-van-tam', { title: 'Governor of the State Bank' })]],
    ['Deputy Prime Minister and Foreign Minister Bui Thanh Son arrived.', [p('Deputy Prime Minister and Foreign Minister Bui Thanh Son', 'person:bui-thanh-son', { title: 'Deputy Prime Minister and Foreign Minister' })]],
    ['Minister of Culture, Sports and Tourism Ho An Phong', [p('Minister of Culture, Sports and Tourism Ho An Phong', 'person:ho-an-phong', { title: 'Minister of Culture, Sports and Tourism' })]],
    ['US Ambassador Marc Knapper and Mr Son', [c('US', 'USA'), p('Ambassador Marc Knapper', 'person:marc-knapper', { title: 'Ambassador' }), p('Son', 'person:bui-thanh-son')]],
    ['PRIME MINISTER HUN MANET', [p('PRIME MINISTER HUN MANET', 'person:hun-manet', { title: 'PRIME MINISTER' })]],
  ]);
});

test('a person mention keeps the office, the honorific and the name without its title', () => {
  const [vice, deputy] = mentions('Vice Minister Le Thi Lan met Deputy Minister Chea Kim.');
  assert.equal(vice!.office, 'deputy-minister');
  assert.equal(deputy!.office, 'deputy-minister');
  assert.equal(vice!.form, 'Le Thi Lan');
  const [pm, prime] = mentions('PM Chinh and Prime Minister Hun Manet');
  assert.equal(pm!.office, 'prime-minister');
  assert.equal(prime!.office, 'prime-minister');
  const [he] = mentions('Her Excellency Dr. KEO Malika, Secretary of State of the Ministry of Foreign Affairs of the Kingdom of Cambodia');
  assert.equal(he!.honorific, 'Her Excellency Dr.');
  assert.equal(he!.title, 'Secretary of State of the Ministry of Foreign Affairs');
  assert.equal(he!.office, 'secretary-of-state');
  assert.equal(he!.form, undefined); // the span is the name alone
});

test('summaries: one per party in order of first mention, forms and titles in order of first use, counts', () => {
  const text =
    'PM Chinh met Cambodian leaders in Viet Nam. Prime Minister Pham Minh Chinh said Vietnam and Cambodia ' +
    'will grow trade. The Institute of Peace Studies (IPS) and Viet Nam agreed; IPS will report. PM Chinh left.';
  const { summaries } = extractParties(proseContext(text, 'r.txt'));
  assert.deepEqual(
    summaries.map((s) => [s.id, s.kind, s.forms, s.titles, s.mentionCount]),
    [
      ['person:pham-minh-chinh', 'person', ['Chinh', 'Pham Minh Chinh'], ['PM', 'Prime Minister'], 3],
      ['VNM', 'country', ['Viet Nam', 'Vietnam'], [], 3],
      ['KHM', 'country', ['Cambodia'], [], 1],
      ['org:institute-of-peace-studies', 'organization', ['Institute of Peace Studies', 'IPS'], [], 3],
    ],
  );
  const vnm = summaries.find((s) => s.id === 'VNM')!;
  assert.equal(vnm.iso2, 'VN');
  assert.equal(vnm.iso3, 'VNM');
  assert.equal(vnm.name, 'Viet Nam');
  const ips = summaries.find((s) => s.id === 'org:institute-of-peace-studies')!;
  assert.equal(text.slice(ips.acronymDefinition!.start, ips.acronymDefinition!.end), 'Institute of Peace Studies (IPS)');
  assert.equal(summaries[0]!.acronymDefinition, undefined);
});

test('mentions that turn out to be inside a defined name leave no trace in the summaries', () => {
  const text = 'The Council for the Development of Cambodia (CDC) met.';
  const { summaries } = extractParties(proseContext(text, 'r.txt'));
  assert.deepEqual(
    summaries.map((s) => [s.id, s.forms, s.mentionCount]),
    [['org:council-for-the-development-of-cambodia', ['Council for the Development of Cambodia', 'CDC'], 2]],
  );
});

test('an organisation first named in an all-capital heading takes its name from mixed-case text', () => {
  const text = 'MINISTRY OF PLANNING\nAND INVESTMENT\n\nThe Ministry of Planning and Investment said trade grew.';
  const found = mentions(text);
  assert.deepEqual(
    found.map((m) => [m.text, m.id, m.name]),
    [
      ['MINISTRY OF PLANNING\nAND INVESTMENT', 'org:ministry-of-planning-and-investment', 'Ministry of Planning and Investment'],
      ['Ministry of Planning and Investment', 'org:ministry-of-planning-and-investment', 'Ministry of Planning and Investment'],
    ],
  );
  const { summaries } = extractParties(proseContext(text, 'r.txt'));
  assert.deepEqual(summaries[0]!.forms, ['MINISTRY OF PLANNING AND INVESTMENT', 'Ministry of Planning and Investment']);
});

test('what one release matched never carries over to the next, however long the one before', () => {
  const names = (text: string) => mentions(text).map((m) => [m.text, m.id]);
  const short = 'Laos and the talks';
  const expected = [['Laos', 'LAO']];
  // Token 0 of each release before is "Viet Nam", a two-token name, where "Laos" is.
  names('Viet Nam and Laos');
  assert.deepEqual(names(short), expected);
  const long = 'Viet Nam and Laos met. '.repeat(20000);
  assert.equal(mentions(long).length, 40000);
  assert.deepEqual(names(short), expected);
});

test('a name never runs across a line break in ordinary text', () => {
  check([
    ['the Ministry of Health\nThe Council met', [o('Ministry of Health', 'org:ministry-of-health')]],
    ['President\nSok Dara', []],
    ['**MINISTRY OF HEALTH**\n\nPRESS RELEASE', [o('MINISTRY OF HEALTH', 'org:ministry-of-health', { name: 'Ministry of Health' })]],
    ['MINISTRY OF HEALTH\r\n\r\nCOUNCIL OF STATE', [o('MINISTRY OF HEALTH', 'org:ministry-of-health'), o('COUNCIL OF STATE', 'org:council-of-state')]],
  ]);
});

test('Markdown syntax is not prose: no party inside front matter, code or link targets', () => {
  const text = '---\ntitle: Viet Nam talks\n---\n# Talks with **Cambodia**\n\n`Laos` and [Thailand](https://example.org/Japan).';
  const found = mentions(text, 'release.md');
  assert.deepEqual(found.map((m) => [m.text, m.id]), [['Cambodia', 'KHM'], ['Thailand', 'THA']]);
});

test('a name with Markdown emphasis inside it: the mention is the document text, the form the prose', () => {
  const text = 'Talks in Viet **Nam** and *Lao* PDR.';
  const { mentions: found, summaries } = extractParties(proseContext(text, 'release.md'));
  assert.deepEqual(found.map((m) => [m.text, m.id]), [['Viet **Nam', 'VNM'], ['Lao* PDR', 'LAO']]);
  for (const m of found) assert.equal(m.text, text.slice(m.start, m.end));
  assert.deepEqual(summaries.map((s) => s.forms), [['Viet Nam'], ['Lao PDR']]);
});

test('a configuration can add parties and aliases without changing the built-in gazetteer', () => {
  const extended = buildGazetteer({
    parties: [{ name: 'Mekong Futures Forum', kind: 'organization', forms: ['MFF'] }],
    aliases: { VNM: ['Viet-Nam'], KHM: ['Srok Khmer'] },
  });
  const text = 'The MFF met in Viet-Nam and Srok Khmer; the Mekong Futures Forum closed.';
  const withExtras = extractParties(proseContext(text, 'r.txt'), extended).mentions;
  assert.deepEqual(
    withExtras.map((m) => [m.text, m.id, m.kind]),
    [
      ['MFF', 'org:mekong-futures-forum', 'organization'],
      ['Viet-Nam', 'VNM', 'country'],
      ['Srok Khmer', 'KHM', 'country'],
      ['Mekong Futures Forum', 'org:mekong-futures-forum', 'organization'],
    ],
  );
  // Without the extras: "Viet-Nam" is no built-in form, "Khmer" is a demonym, "Forum" no organisation head-word.
  assert.deepEqual(mentions(text).map((m) => m.text), []);
});

test('any mix of names, titles, acronyms and punctuation: no exception, exact spans, mentions in order', () => {
  const pieces = [
    'Viet Nam', 'Việt Nam', 'VIET NAM', 'Cambodia', 'andCambodia', 'ASEANin', 'US', 'US$', 'us', 'UN', 'Lao', 'Lao PDR', 'the', 'of', 'and', 'for',
    'Ministry', 'Institute', 'Council', 'Joint', 'Commission', 'on', 'National', 'Development', 'H.E.', 'Mr.', 'Dr.', 'His Excellency', 'PM',
    'Prime Minister', 'Deputy', 'Minister', 'Vice Minister', 'Chinh', 'Hun Sen', 'SOEUNG', 'Rathchavy', '(', ')', '(ABC)', 'ABC', '(DAV)',
    ',', '.', '-', ' – ', '’s', "'", '\n', '\n\n', '2021', '5.26', 'Samdech', 'Techo', 'South China Sea', 'Vietnamese', 'G20', 'Games', 'SEA',
  ];
  const sentence = fc.array(fc.constantFrom(...pieces), { maxLength: 40 }).chain((words) =>
    fc.array(fc.constantFrom(' ', '', '  '), { minLength: words.length, maxLength: words.length }).map((gaps) => words.map((w, i) => w + gaps[i]).join('')),
  );
  fc.assert(
    fc.property(sentence, (text) => {
      const { mentions: found, summaries } = extractParties(proseContext(text, 'fuzz.txt'));
      for (const m of found) if (m.text !== text.slice(m.start, m.end) || m.start >= m.end) return false;
      for (let i = 1; i < found.length; i++) if (found[i - 1]!.end > found[i]!.start) return false;
      return summaries.reduce((n, s) => n + s.mentionCount, 0) === found.length;
    }),
    { numRuns: 3000 },
  );
});

test('odd input gives results and never throws', () => {
  const inputs = [
    '',
    '\u0000\u0000Viet Nam\u0000',
    '\ud800Laos\udc00 \ud83d\ude00 Cambodia',
    '1'.repeat(100_000),
    '1,'.repeat(20_000),
    '((((((((((ASEAN)))))))))) (',
    '(NIDIR) (DAV',
    'Ministry of '.repeat(2_000),
    'The Ministry Of The Council Of The Institute '.repeat(500),
    'H.E. H.E. H.E. Mr. Mr. Dr. '.repeat(500),
    'PM PM PM Prime Minister President'.repeat(300),
    'A B C D E F G H I J K L M N O P Q R S T U V W X Y Z '.repeat(200),
    'Viet Nam Viet Nam Viet'.repeat(1_000),
    ', , and of the , and'.repeat(1_000),
  ];
  for (const input of inputs) {
    const { mentions: found, summaries } = extractParties(proseContext(input, 'odd.txt'));
    for (const m of found) {
      assert.equal(m.text, input.slice(m.start, m.end));
      assert.ok(m.start < m.end);
    }
    for (let i = 1; i < found.length; i++) assert.ok(found[i - 1]!.end <= found[i]!.start, 'mentions in order, not overlapping');
    assert.equal(summaries.reduce((n, s) => n + s.mentionCount, 0), found.length);
  }
});
