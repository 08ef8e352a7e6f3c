// Generates realistic diplomatic press releases for the benchmark, deterministically (a seeded
// PRNG), so two runs measure the same text. Four styles, as a press office's archive holds them:
//   ministry  a foreign-ministry release: capitalised letterhead, a place-and-date line under the
//             title, and a signature dateline at the end (plain text);
//   agency    a news-agency item: no date of its own, relative dates ("last year", "on Tuesday"),
//             words glued together as PDF extraction leaves them (plain text);
//   joint     a joint statement in Markdown with YAML front matter (`date:`), headings and lists;
//   plain     plain text with no date at all.
// Figures, dates and party mentions come at the density of real releases: with FACT_SHARE below,
// the analysis finds about 2.3 figures, 2.0 dates, 9.9 party mentions and 1.7 claims per KB, where
// two real releases about one relationship have 2.1–2.7 figures, 1.5–2.1 dates, 6.8–8.8 party
// mentions and 1.1–1.5 claims per KB (so the corpus is, if anything, heavier than real text).
// Every sentence is written for this file.
//
//   import { generateRelease, generateCorpus } from './corpus.mjs'
//   node bench/corpus.mjs OUT_DIR [COUNT] [SEED] [FACT_SHARE]   writes COUNT releases under OUT_DIR/releases/

import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** mulberry32: a small, fast, seeded PRNG with a 2^32 period; plenty for text generation. */
export function prng(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (lo, hi) => lo + Math.floor(next() * (hi - lo + 1));
  const pick = (list) => list[Math.floor(next() * list.length)];
  const chance = (p) => next() < p;
  return { next, int, pick, chance };
}

// ---------------------------------------------------------------------------------------------
// Vocabularies

/** Countries with the forms releases use, capitals, demonyms, currencies and (fictional) officials. */
const COUNTRIES = {
  KH: { names: ['Cambodia', 'Cambodia', 'the Kingdom of Cambodia'], capital: 'Phnom Penh', adj: 'Cambodian', currency: 'KHR',
    letterhead: ['KINGDOM OF CAMBODIA', 'NATION RELIGION KING'],
    ministry: 'Ministry of Foreign Affairs and International Cooperation',
    people: ['Sok Vannara', 'Chea Sophal', 'Keo Ratanak', 'Ly Bunthoeun'] },
  VN: { names: ['Viet Nam', 'Vietnam', 'Viet Nam', 'the Socialist Republic of Viet Nam'], capital: 'Hanoi', adj: 'Vietnamese', currency: 'VND',
    letterhead: ['SOCIALIST REPUBLIC OF VIET NAM', 'INDEPENDENCE FREEDOM HAPPINESS'],
    ministry: 'Ministry of Foreign Affairs',
    people: ['Tran Quang Vinh', 'Le Thi Hoa', 'Dang Minh Khoa', 'Ngo Duc Thang'] },
  LA: { names: ['Lao PDR', 'Laos', 'the Lao People\'s Democratic Republic'], capital: 'Vientiane', adj: 'Lao', currency: 'LAK',
    letterhead: ['LAO PEOPLE\'S DEMOCRATIC REPUBLIC', 'PEACE INDEPENDENCE DEMOCRACY UNITY PROSPERITY'],
    ministry: 'Ministry of Foreign Affairs',
    people: ['Khamphone Vongsa', 'Bounmy Sengdara', 'Phonesavanh Inthavong'] },
  TH: { names: ['Thailand', 'Thailand', 'the Kingdom of Thailand'], capital: 'Bangkok', adj: 'Thai', currency: 'THB',
    letterhead: ['KINGDOM OF THAILAND'], ministry: 'Ministry of Foreign Affairs',
    people: ['Somchai Rattanakul', 'Pimchanok Srisawat', 'Anuwat Boonmee'] },
  ID: { names: ['Indonesia', 'Indonesia', 'the Republic of Indonesia'], capital: 'Jakarta', adj: 'Indonesian', currency: 'IDR',
    letterhead: ['REPUBLIC OF INDONESIA'], ministry: 'Ministry of Foreign Affairs',
    people: ['Budi Santoso', 'Retno Wulandari', 'Agus Prasetyo'] },
  MY: { names: ['Malaysia'], capital: 'Kuala Lumpur', adj: 'Malaysian', currency: 'MYR',
    letterhead: ['MALAYSIA'], ministry: 'Ministry of Foreign Affairs',
    people: ['Ahmad Faizal Rahman', 'Nurul Huda Ismail', 'Hafiz Osman'] },
  JP: { names: ['Japan'], capital: 'Tokyo', adj: 'Japanese', currency: 'JPY',
    letterhead: ['JAPAN'], ministry: 'Ministry of Foreign Affairs',
    people: ['Kenji Morita', 'Haruka Sato', 'Takeshi Ono'] },
  PH: { names: ['the Philippines', 'the Philippines', 'the Republic of the Philippines'], capital: 'Manila', adj: 'Filipino', currency: 'PHP',
    letterhead: ['REPUBLIC OF THE PHILIPPINES'], ministry: 'Department of Foreign Affairs',
    people: ['Maria Santos Reyes', 'Jose Dela Cruz', 'Carmela Bautista'] },
  SG: { names: ['Singapore'], capital: 'Singapore', adj: 'Singaporean', currency: 'SGD',
    letterhead: ['REPUBLIC OF SINGAPORE'], ministry: 'Ministry of Foreign Affairs',
    people: ['Tan Wei Ming', 'Lim Hui Ling', 'Rajesh Kumar Pillai'] },
  AU: { names: ['Australia'], capital: 'Canberra', adj: 'Australian', currency: 'AUD',
    letterhead: ['AUSTRALIA'], ministry: 'Department of Foreign Affairs and Trade',
    people: ['Helen Whitfield', 'Daniel Hargreaves', 'Priya Nair'] },
  IN: { names: ['India', 'India', 'the Republic of India'], capital: 'New Delhi', adj: 'Indian', currency: 'INR',
    letterhead: ['REPUBLIC OF INDIA'], ministry: 'Ministry of External Affairs',
    people: ['Arvind Mehta', 'Sunita Rao', 'Vikram Bhatt'] },
  BD: { names: ['Bangladesh', 'Bangladesh', 'the People\'s Republic of Bangladesh'], capital: 'Dhaka', adj: 'Bangladeshi', currency: 'BDT',
    letterhead: ['PEOPLE\'S REPUBLIC OF BANGLADESH'], ministry: 'Ministry of Foreign Affairs',
    people: ['Farhana Akter', 'Mahbub Alam', 'Tanvir Hossain'] },
  KE: { names: ['Kenya', 'Kenya', 'the Republic of Kenya'], capital: 'Nairobi', adj: 'Kenyan', currency: 'KES',
    letterhead: ['REPUBLIC OF KENYA'], ministry: 'Ministry of Foreign and Diaspora Affairs',
    people: ['Wanjiru Kamau', 'Otieno Odhiambo', 'Achieng Mwangi'] },
  TZ: { names: ['Tanzania', 'Tanzania', 'the United Republic of Tanzania'], capital: 'Dodoma', adj: 'Tanzanian', currency: 'TZS',
    letterhead: ['UNITED REPUBLIC OF TANZANIA'], ministry: 'Ministry of Foreign Affairs and East African Cooperation',
    people: ['Neema Mushi', 'Juma Said', 'Rehema Mollel'] },
  CL: { names: ['Chile', 'Chile', 'the Republic of Chile'], capital: 'Santiago', adj: 'Chilean', currency: 'CLP',
    letterhead: ['REPUBLIC OF CHILE'], ministry: 'Ministry of Foreign Affairs',
    people: ['Camila Fuentes', 'Rodrigo Alvarado', 'Ignacio Vera'] },
  PE: { names: ['Peru', 'Peru', 'the Republic of Peru'], capital: 'Lima', adj: 'Peruvian', currency: 'PEN',
    letterhead: ['REPUBLIC OF PERU'], ministry: 'Ministry of Foreign Affairs',
    people: ['Lucia Quispe', 'Mateo Salazar', 'Andrea Paredes'] },
  PL: { names: ['Poland', 'Poland', 'the Republic of Poland'], capital: 'Warsaw', adj: 'Polish', currency: 'PLN',
    letterhead: ['REPUBLIC OF POLAND'], ministry: 'Ministry of Foreign Affairs',
    people: ['Katarzyna Nowak', 'Piotr Zielinski', 'Marta Wojcik'] },
  DE: { names: ['Germany', 'Germany', 'the Federal Republic of Germany'], capital: 'Berlin', adj: 'German', currency: 'EUR',
    letterhead: ['FEDERAL REPUBLIC OF GERMANY'], ministry: 'Federal Foreign Office',
    people: ['Annika Brandt', 'Stefan Keller', 'Jonas Hoffmann'] },
  KR: { names: ['the Republic of Korea', 'the ROK', 'the Republic of Korea'], capital: 'Seoul', adj: 'Korean', currency: 'KRW',
    letterhead: ['REPUBLIC OF KOREA'], ministry: 'Ministry of Foreign Affairs',
    people: ['Kim Ji-won', 'Park Min-jun', 'Lee Seo-yeon'] },
  MN: { names: ['Mongolia'], capital: 'Ulaanbaatar', adj: 'Mongolian', currency: 'MNT',
    letterhead: ['MONGOLIA'], ministry: 'Ministry of Foreign Affairs',
    people: ['Bat-Erdene Ganbold', 'Oyunchimeg Tserendorj', 'Tumur Baatar'] },
};

/** Country pairs that issue releases together, with the regional bodies their releases name. */
const PAIRS = [
  ['KH', 'VN', ['ASEAN', 'the Mekong River Commission', 'the Mekong-Lancang Cooperation', 'the United Nations']],
  ['LA', 'TH', ['ASEAN', 'the Greater Mekong Subregion', 'the Mekong River Commission', 'the World Bank']],
  ['ID', 'MY', ['ASEAN', 'APEC', 'the United Nations', 'the WTO']],
  ['JP', 'PH', ['ASEAN', 'the East Asia Summit', 'the Asian Development Bank', 'the United Nations']],
  ['SG', 'AU', ['ASEAN', 'APEC', 'the East Asia Summit', 'the WTO']],
  ['IN', 'BD', ['the United Nations', 'the World Bank', 'BIMSTEC', 'the WTO']],
  ['KE', 'TZ', ['the African Union', 'the East African Community', 'the United Nations', 'the World Bank']],
  ['CL', 'PE', ['APEC', 'the Pacific Alliance', 'the United Nations', 'the WTO']],
  ['PL', 'DE', ['the European Union', 'NATO', 'the OECD', 'the United Nations']],
  ['KR', 'MN', ['the United Nations', 'the Asian Development Bank', 'the WTO', 'ASEAN']],
  ['VN', 'LA', ['ASEAN', 'the Mekong River Commission', 'the United Nations', 'the World Bank']],
  ['TH', 'KH', ['ASEAN', 'the Mekong-Lancang Cooperation', 'the United Nations', 'the World Bank']],
  ['KH', 'LA', ['ASEAN', 'the Mekong River Commission', 'the Greater Mekong Subregion', 'the United Nations']],
  ['VN', 'TH', ['ASEAN', 'the Mekong-Lancang Cooperation', 'APEC', 'the United Nations']],
  ['ID', 'SG', ['ASEAN', 'APEC', 'the East Asia Summit', 'the United Nations']],
  ['MY', 'SG', ['ASEAN', 'APEC', 'the WTO', 'the United Nations']],
  ['JP', 'VN', ['ASEAN', 'the Mekong-Japan Cooperation', 'the Asian Development Bank', 'the United Nations']],
  ['KR', 'VN', ['ASEAN', 'the Mekong-Republic of Korea Cooperation', 'APEC', 'the United Nations']],
  ['AU', 'ID', ['ASEAN', 'the East Asia Summit', 'the G20', 'the United Nations']],
  ['IN', 'SG', ['ASEAN', 'the East Asia Summit', 'the G20', 'the United Nations']],
];

const TITLES = {
  head: ['Prime Minister', 'President'],
  fm: ['Foreign Minister', 'Minister of Foreign Affairs'],
  deputy: ['Deputy Minister of Foreign Affairs', 'Vice Foreign Minister', 'Secretary of State'],
  other: ['Minister of Industry and Trade', 'Ambassador', 'Director-General'],
};

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const ORDINALS = ['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth'];
const NUMBER_WORDS = ['', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve'];
const SECTORS = ['agriculture', 'energy', 'education and training', 'health care', 'transport', 'tourism', 'digital transformation',
  'finance and banking', 'culture', 'defence and security', 'labour', 'fisheries', 'telecommunications', 'renewable energy',
  'logistics', 'science and technology', 'water resources', 'customs'];
const SECTOR_WORDS = ['cooperation', 'partnership', 'collaboration', 'trade'];

function suffix(n) {
  const t = n % 100;
  if (t >= 11 && t <= 13) return 'th';
  return ['th', 'st', 'nd', 'rd'][n % 10] ?? 'th';
}
const ordinal = (n) => `${n}${suffix(n)}`;

/** Weekday of an ISO calendar day, from the civil calendar (no Date: independent of time zones). */
function weekday(y, m, d) {
  const t = [0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4];
  const yy = m < 3 ? y - 1 : y;
  return WEEKDAYS[(yy + Math.floor(yy / 4) - Math.floor(yy / 100) + Math.floor(yy / 400) + t[m - 1] + d) % 7];
}
const daysIn = (y, m) => [31, (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1];

function withCommas(n) {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

// ---------------------------------------------------------------------------------------------
// One release

/**
 * A release of about `targetBytes` (default 4.5–6.5 KB) in the given style (default: by index), with
 * facts in `factShare` of its sentences (default FACT_SHARE).
 * Returns { name, style, text, year, date } (date: ISO or null when the release states none).
 */
export function generateRelease(seed, options = {}) {
  const r = prng(seed * 7919 + 17);
  const style = options.style ?? ['ministry', 'agency', 'joint', 'plain'][seed % 4];
  const pairIndex = r.int(0, PAIRS.length - 1);
  const [aCode, bCode, bodies] = PAIRS[pairIndex];
  // The world's tables are kept for the pair as listed; a release names either country first.
  const swapped = r.chance(0.5);
  const [first, second] = swapped ? [bCode, aCode] : [aCode, bCode];
  const A = COUNTRIES[first];
  const B = COUNTRIES[second];
  const year = r.int(2015, 2025);
  const month = r.int(1, 12);
  const day = r.int(3, daysIn(year, month));
  const target = options.targetBytes ?? r.int(4500, 6500);
  const factShare = options.factShare ?? FACT_SHARE;
  const host = r.chance(0.5) ? A : B;
  const personA = r.pick(A.people);
  const personB = r.pick(B.people);
  const headTitle = r.pick(TITLES.head);
  const fmTitle = r.pick(TITLES.fm);
  const deputy = r.pick(TITLES.deputy);
  // ab: facts flowing from A (named first here) to B; ba: the other way.
  const ab = worldOf(pairIndex)[swapped ? 1 : 0];
  const ba = worldOf(pairIndex)[swapped ? 0 : 1];
  const [P0, P1] = [COUNTRIES[aCode], COUNTRIES[bCode]];
  const ctx = { r, A, B, bodies, year, month, day, host, personA, personB, headTitle, fmTitle, deputy, style, pairIndex, ab, ba, P0, P1 };
  const name = (c) => r.pick(c.names);
  const Cap = (s) => s.charAt(0).toUpperCase() + s.slice(1);
  ctx.name = name;
  ctx.Cap = Cap;

  const paragraphs = [];
  let size = 0;
  // Facts (figures and dates) alternate with the prose of diplomacy (parties, no figures), at
  // about the ratio of real releases.
  const facts = shuffle(r, [...BODY_TEMPLATES]);
  const prose = shuffle(r, [...PROSE_TEMPLATES]);
  let f = 0;
  let p = 0;
  while (size < target - 500) {
    const sentences = [];
    const count = r.int(2, 4);
    for (let i = 0; i < count; i++) sentences.push(r.chance(factShare) ? facts[f++ % facts.length](ctx) : prose[p++ % prose.length](ctx));
    let paragraph = sentences.join(' ');
    if (style === 'agency') paragraph = glue(r, paragraph, r.int(1, 3));
    paragraphs.push(paragraph);
    size += paragraph.length + 2;
  }

  const iso = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  const dmy = `${day} ${MONTHS[month - 1]} ${year}`;
  let text;
  let date = null;
  const topic = r.pick(['Political Consultations', 'Joint Commission', 'Strategic Dialogue', 'Official Visit', 'Bilateral Talks']);
  const aName = A.names[0].replace(/^the /, '');
  const bName = B.names[0].replace(/^the /, '');
  switch (style) {
    case 'ministry': {
      date = iso;
      const head = [
        ...A.letterhead.map((line) => `**${line}**`),
        '',
        `**${A.ministry.toUpperCase()}**`,
        '',
        'PRESS RELEASE',
        '',
        `**OUTCOMES OF THE ${ORDINALS[r.int(0, 9)].toUpperCase()} ${topic.toUpperCase()} BETWEEN ${aName.toUpperCase()} AND ${bName.toUpperCase()}**`,
        '',
        `${r.chance(0.3) ? 'Video Conference' : host.capital}, ${r.int(1, day - 1)} ${MONTHS[month - 1]} ${year}`,
        '',
        '* * * * *',
        '',
      ];
      text = `${head.join('\n')}\n${paragraphs.join('\n\n')}\n\n${host.capital}, ${dmy}\n`;
      break;
    }
    case 'agency': {
      const agency = r.pick(['(VNA)', '(AKP)', '(KPL)', '(Xinhua)', '(ANTARA)', '(Bernama)', '(PNA)']);
      text = `${A.capital} ${agency} – ${paragraphs.join('\n')}./.\n`;
      break;
    }
    case 'joint': {
      date = iso;
      const front = ['---', `title: Joint Statement of ${aName} and ${bName} on the ${topic}`, `date: ${iso}`,
        `parties: [${A.names[0].replace(/^the /, '')}, ${B.names[0].replace(/^the /, '')}]`, '---', ''];
      const body = [];
      body.push(`# Joint Statement between ${aName} and ${bName}`, '');
      paragraphs.forEach((p, i) => {
        if (i % 3 === 0) body.push(`## ${r.pick(['Political relations', 'Economic cooperation', 'Trade and investment', 'People-to-people exchanges', 'Regional and international issues', 'Border affairs'])}`, '');
        if (i % 4 === 2) body.push(...p.split(/(?<=\.) /).map((s) => `- ${s}`), '');
        else body.push(r.chance(0.2) ? `*${p}*` : p, '');
      });
      body.push(`Done at ${host.capital}, ${dmy}, in two originals in the English language.`, '');
      text = front.join('\n') + body.join('\n');
      break;
    }
    default: {
      text = `${aName.toUpperCase()} AND ${bName.toUpperCase()} REVIEW ${r.pick(['COOPERATION', 'TRADE TIES', 'BORDER AFFAIRS'])}\n\n${paragraphs.join('\n\n')}\n`;
    }
  }
  const ext = style === 'joint' ? 'md' : 'txt';
  return { name: `${String(seed).padStart(5, '0')}-${style}-${first.toLowerCase()}-${second.toLowerCase()}-${year}.${ext}`, style, text, year, date };
}

/** Releases from seed `from` on until their total reaches `bytes` (UTF-8). */
export function generateCorpus(bytes, from = 1, options = {}) {
  const releases = [];
  let total = 0;
  for (let seed = from; total < bytes; seed++) {
    const release = generateRelease(seed, options);
    releases.push(release);
    total += Buffer.byteLength(release.text);
  }
  return { releases, bytes: total };
}

function shuffle(r, list) {
  for (let i = list.length - 1; i > 0; i--) {
    const j = r.int(0, i);
    [list[i], list[j]] = [list[j], list[i]];
  }
  return list;
}

/** Glues `n` pairs of lower-case words together, as PDF extraction does ("bilateralrelations"). */
function glue(r, paragraph, n) {
  let out = paragraph;
  for (let i = 0; i < n; i++) {
    const spaces = [];
    for (let j = 1; j < out.length - 1; j++) if (out[j] === ' ' && /[a-z]/.test(out[j - 1]) && /[a-zA-Z]/.test(out[j + 1])) spaces.push(j);
    if (spaces.length === 0) break;
    const at = r.pick(spaces);
    out = out.slice(0, at) + out.slice(at + 1);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// The world the releases report on. Real archives mostly agree with themselves: every figure of a
// pair (trade in a year, projects, tourists, the border, numbered meetings, the anniversary) comes
// from one table per pair, so releases on the same relationship state the same values (rounded
// as a press office rounds them), growth rates are computed from the stated levels, parts add up
// to wholes and partial periods stay under the full year. A small share of statements is wrong on
// purpose (ERROR_RATE), as in a real archive, so the checks have something to find.

export const ERROR_RATE = 0.02;
/**
 * The share of sentences that state facts (figures and dates); the rest are the prose of diplomacy.
 * 0.35 gives the figures per KB of real releases (0.45, used before, gave 1.3 times as many).
 */
export const FACT_SHARE = 0.35;
const worlds = new Map();

/** The facts of one pair: symmetric ones (trade, the border, meetings) and one set per direction. */
function worldOf(pairIndex) {
  const known = worlds.get(pairIndex);
  if (known) return known;
  const r = prng(1_000_003 * (pairIndex + 1));
  const Y0 = 2008;
  const Y1 = 2030;
  const series = (start, grow) => {
    const out = {};
    let v = start;
    for (let y = Y0; y <= Y1; y++) {
      out[y] = v;
      v = grow(v, y + 1);
    }
    return out;
  };
  const pandemic = (y) => y === 2020 || y === 2021;
  const round = (x, d) => Math.round(x * 10 ** d) / 10 ** d;
  const trade = series(round(0.8 + r.next() * 6, 2), (v, y) => round(v * (1 + (pandemic(y) ? -0.05 : -0.03) + r.next() * 0.3), 2));
  const exports0 = {};
  const months = {};
  for (let y = Y0; y <= Y1; y++) {
    exports0[y] = round(trade[y] * (0.35 + r.next() * 0.3), 2);
    months[y] = 0.93 + r.next() * 0.1;
  }
  const shared = {
    trade,
    partial: (y, n) => round(trade[y] * (n / 12) * months[y], 2),
    border: series(r.int(45, 70), (v) => Math.min(96, v + r.int(0, 3))),
    jcBase: r.int(1992, 2006),
    summitBase: r.int(2004, 2012),
    summitDay: r.int(2, 26),
    summitMonth: r.int(1, 12),
    founded: r.int(1950, 1996),
    documents: series(4, () => r.int(3, 12)),
    flights: series(r.int(4, 14), (v) => v + r.int(0, 4)),
  };
  /** Facts that flow from one country of the pair to the other: `from` 0 is the pair's first country. */
  const direction = (from) => {
    const d = prng(1_000_033 * (pairIndex + 1) + from);
    return {
      ...shared,
      exports: Object.fromEntries(Object.keys(trade).map((y) => [y, from === 0 ? exports0[y] : round(trade[y] - exports0[y], 2)])),
      projects: series(20 + d.int(0, 60), (v) => v + d.int(2, 14)),
      capital: series(round(0.2 + d.next(), 2), (v) => round(v * (1.04 + d.next() * 0.12), 2)),
      rank: d.int(1, 6),
      invest: series(100 + d.int(0, 300), (v) => Math.round(v * (0.95 + d.next() * 0.35))),
      newProjects: series(10, () => d.int(8, 60)),
      tourists: series(d.int(40, 400) * 1000, (v, y) => (pandemic(y) ? Math.round((v * 0.15) / 1000) * 1000 : Math.round((v * (1.05 + d.next() * 0.25)) / 1000) * 1000)),
      students: series(d.int(5, 30) * 100, (v) => v + d.int(1, 6) * 100),
      scholarships: d.int(5, 40) * 10,
      aid: series(5, () => d.int(3, 45)),
      remittances: series(50, () => d.int(40, 600)),
    };
  };
  const world = [direction(0), direction(1)];
  worlds.set(pairIndex, world);
  return world;
}

/** A value as stated: usually the world's, rarely wrong on purpose. */
const stated = (c, value) => (c.r.chance(ERROR_RATE) ? value * (c.r.chance(0.5) ? 1.18 : 0.82) : value);
const statedInt = (c, value) => (c.r.chance(ERROR_RATE) ? value + c.r.pick([-2, -1, 1, 2]) : value);

// ---------------------------------------------------------------------------------------------
// Sentence templates: each a function of the release context, each written for this generator.

/** An amount in US dollars given in billions, as press offices write it. */
const usd = (c, billions) => {
  const { r } = c;
  const value = stated(c, billions);
  let qualifier = '';
  let digits;
  if (value < 1) {
    const millions = Math.round(value * 1000);
    const unitFirst = r.chance(0.7);
    return unitFirst ? `USD ${millions} million` : `${millions} million USD`;
  }
  if (r.chance(0.15)) {
    qualifier = r.pick(['nearly ', 'about ', 'more than ']);
    const tenth = qualifier === 'nearly ' ? Math.ceil(value * 10) / 10 : qualifier === 'more than ' ? Math.floor(value * 10) / 10 : Math.round(value * 10) / 10;
    digits = tenth.toFixed(1);
  } else {
    digits = value.toFixed(2);
  }
  const form = r.int(0, 9);
  if (form < 6) return `${qualifier}USD ${digits} billion`;
  if (form < 8) return `${qualifier}${digits} billion USD`;
  return `${qualifier}US$${digits} billion`;
};
const millionsOf = (c, currency, millions) => {
  const value = Math.round(stated(c, millions));
  return c.r.chance(0.75) ? `${currency} ${withCommas(value)} million` : `${withCommas(value)} million ${currency}`;
};
const change = (now, before) => {
  const p = (now / before - 1) * 100;
  return p >= 0 ? `up ${p.toFixed(1)}%` : `down ${(-p).toFixed(1)}%`;
};
const someYear = (c, back = 0) => c.year - back;
const fullDate = (c, back = 0) => {
  const { r } = c;
  const y = c.year - back;
  const m = back === 0 ? r.int(1, c.month) : r.int(1, 12);
  const d = r.int(1, back === 0 && m === c.month ? Math.max(1, c.day - 1) : daysIn(y, m));
  return dayForm(c, y, m, d);
};
const dayForm = (c, y, m, d) => {
  const { r } = c;
  if (r.chance(0.25)) {
    const wd = r.chance(ERROR_RATE) ? WEEKDAYS[(WEEKDAYS.indexOf(weekday(y, m, d)) + 1) % 7] : weekday(y, m, d);
    return `${wd}, ${d} ${MONTHS[m - 1]} ${y}`;
  }
  return r.chance(0.2) ? `${MONTHS[m - 1]} ${d}, ${y}` : `${d} ${MONTHS[m - 1]} ${y}`;
};
/** A past date the way the release's style states it: agency items lean on relative forms. */
const when = (c, back = 0) => {
  const { r } = c;
  if (c.style === 'agency' && r.chance(0.6)) {
    return back === 0
      ? r.pick(['this year', 'earlier this year', 'this month', `on ${r.pick(WEEKDAYS.slice(1, 6))}`, 'last week', 'in recent months'])
      : back === 1 ? 'last year' : `in ${someYear(c, back)}`;
  }
  return r.chance(0.5) ? `in ${someYear(c, back)}` : `on ${fullDate(c, back)}`;
};
const lastYear = (c) => (c.style === 'agency' && c.r.chance(0.5) ? 'last year' : `in ${c.year - 1}`);

const BODY_TEMPLATES = [
  (c) => `${c.Cap(c.headTitle)} ${c.personA} of ${c.name(c.A)} held talks with ${c.B.adj} counterpart ${c.personB} in ${c.host.capital} ${when(c)}, their first meeting since ${someYear(c, c.r.int(2, 6))}.`,
  (c) => `Two-way trade between ${c.name(c.A)} and ${c.name(c.B)} reached ${usd(c, c.ab.trade[c.year - 1])} ${lastYear(c)}, ${change(c.ab.trade[c.year - 1], c.ab.trade[c.year - 2])} year on year.`,
  (c) => {
    // Only months that are over by the release's date; early in the year, last year's.
    const over = [6, 7, 9, 10].filter((m) => m < c.month);
    const y = over.length > 0 ? c.year : c.year - 1;
    const n = c.r.pick(over.length > 0 ? over : [6, 7, 9, 10]);
    return `In the first ${NUMBER_WORDS[n] ?? n} months of ${y}, bilateral trade ${c.r.pick(['stood at', 'amounted to', 'reached'])} ${usd(c, c.ab.partial(y, n))}, according to the ${c.A.adj} customs authority.`;
  },
  (c) => {
    const y = c.year - 1;
    return `${c.Cap(c.name(c.A))}'s exports to ${c.name(c.B)} were worth ${usd(c, c.ab.exports[y])} in ${y}, while its imports from ${c.name(c.B)} came to ${usd(c, c.ba.exports[y])}.`;
  },
  (c) => `${c.Cap(c.name(c.B))} now has ${statedInt(c, c.ba.projects[c.year])} valid investment projects in ${c.name(c.A)} with a total registered capital of ${usd(c, c.ba.capital[c.year])}, ranking ${ORDINALS[c.ba.rank - 1]} among foreign investors there.`,
  (c) => {
    const by = c.year < 2020 ? 2020 : c.year < 2025 ? 2025 : 2030;
    const goal = Math.max(2, Math.ceil(c.ab.trade[Math.min(by - 5, c.year)] * 1.8));
    return `The two sides set a target of raising bilateral trade to USD ${goal} billion by ${by} and agreed to remove barriers to ${c.r.pick(SECTORS)} products.`;
  },
  (c) => {
    const y = c.year - 1;
    const ratio = c.ba.tourists[y] / c.ba.tourists[y - 1];
    return `${c.Cap(c.name(c.A))} welcomed ${withCommas(statedInt(c, c.ba.tourists[y]))} ${c.B.adj} tourists ${lastYear(c)}, ${ratio >= 1 ? `${((ratio - 1) * 100).toFixed(0)}% more` : `${((1 - ratio) * 100).toFixed(0)}% fewer`} than in ${y - 1}.`;
  },
  (c) => `More than ${withCommas(c.ab.students[c.year])} ${c.A.adj} students are studying in ${c.name(c.B)}, and ${c.name(c.B)} will offer ${c.ba.scholarships} scholarships a year from ${c.year + 1} to ${c.year + 3}.`,
  (c) => `Both sides noted that ${statedInt(c, c.ab.border[c.year])}% of the shared land border has been demarcated and agreed to settle the remaining ${100 - c.ab.border[c.year]}% ${c.r.pick(['as soon as possible', 'through friendly negotiations', 'in the spirit of good neighbourliness'])}.`,
  (c) => {
    const y = c.year + 1;
    const m = 1 + ((c.pairIndex * 5 + y) % 12);
    const d = 3 + ((c.pairIndex * 7 + y) % 20);
    return `The ${ordinal(statedInt(c, y - c.ab.jcBase))} meeting of the ${c.A.names[0].replace(/^the /, '')}–${c.B.names[0].replace(/^the /, '')} Joint Commission on Economic and Technical Cooperation will take place in ${y % 2 ? c.P0.capital : c.P1.capital} from ${d} to ${d + 2} ${MONTHS[m - 1]} ${y}.`;
  },
  (c) => `${c.Cap(c.deputy)} ${c.r.pick(c.A.people)} and ${c.r.pick(TITLES.other)} ${c.r.pick(c.B.people)} signed ${NUMBER_WORDS[Math.min(12, c.ab.documents[c.year])]} cooperation documents covering ${c.r.pick(SECTORS)}, ${c.r.pick(SECTORS)} and ${c.r.pick(SECTORS)}.`,
  (c) => `The two countries will celebrate the ${ordinal(statedInt(c, c.year - c.ab.founded))} anniversary of the establishment of their diplomatic relations ${c.r.chance(0.5) ? 'this year' : `in ${c.year}`} with a series of cultural events in ${c.A.capital} and ${c.B.capital}.`,
  (c) => `${c.Cap(c.name(c.A))} and ${c.name(c.B)} reaffirmed their commitment to work closely within ${c.bodies[0]} and ${c.r.pick(c.bodies.slice(1))} to uphold international law and the principles of the ${c.r.pick(['United Nations Charter', 'multilateral trading system'])}.`,
  (c) => `${c.Cap(c.fmTitle)} ${c.personA} thanked ${c.name(c.B)} for its support during ${c.name(c.A)}'s chairmanship of ${c.bodies[0]} ${when(c, c.r.int(1, 4))} and welcomed ${c.name(c.B)}'s candidacy to ${c.r.pick(c.bodies.slice(1))}.`,
  (c) => `Bilateral ${c.r.pick(SECTORS)} ${c.r.pick(SECTOR_WORDS)} has grown steadily since ${someYear(c, c.r.int(2, 9))}, and the two ministries agreed to convene a working group ${c.r.pick(['before the end of the year', `in ${MONTHS[c.r.int(0, 11)]} ${c.year + 1}`, 'next year', `in the second quarter of ${c.year + 1}`])}.`,
  (c) => `The ${c.A.adj} side briefed its ${c.B.adj} partners on preparations for hosting ${c.r.pick(['the regional summit', 'the ministerial meeting', 'the trade fair'])} later in ${c.year}, which ${c.name(c.B)} pledged to attend at a high level.`,
  (c) => {
    const y = c.year - 1;
    return `${c.A.adj} investment in ${c.name(c.B)} rose to ${millionsOf(c, 'USD', c.ab.invest[y])} in ${y}, ${change(c.ab.invest[y], c.ab.invest[y - 1])} on ${y - 1}, with ${c.ab.newProjects[y]} new projects licensed in ${c.r.pick(SECTORS)} and ${c.r.pick(SECTORS)}.`;
  },
  (c) => {
    const cur = ['EUR', 'JPY', 'AUD', 'KRW', 'SGD'].includes(c.B.currency) ? c.B.currency : 'USD';
    const rate = { JPY: 150, KRW: 1300 }[cur] ?? 1;
    return `${c.Cap(c.name(c.B))} said it would provide ${millionsOf(c, cur, c.ba.aid[c.year] * rate)} in grant aid to ${c.name(c.A)} over ${NUMBER_WORDS[3]} years, starting in ${MONTHS[(c.pairIndex + c.year) % 12]} ${c.year + 1}.`;
  },
  (c) => `${c.Cap(c.headTitle)} ${c.personB} invited ${c.personA} to pay an official visit to ${c.name(c.B)} at a mutually convenient time, and the invitation was accepted with pleasure.`,
  (c) => `Both sides exchanged views on regional and international issues of common concern, including the situation ${c.r.pick(['in the South China Sea', 'on the Korean Peninsula', 'in the Middle East', 'in the Horn of Africa', 'in the Black Sea region'])}, and stressed the role of ${c.r.pick(c.bodies)} in maintaining peace, stability and cooperation.`,
  (c) => `Between ${c.year - 5} and ${c.year - 1}, the number of direct flights linking ${c.A.capital} and ${c.B.capital} rose from ${c.ab.flights[c.year - 5]} to ${c.ab.flights[c.year - 1]} a week.`,
  (c) => `The ${c.A.adj} and ${c.B.adj} delegations praised the contribution of the ${c.r.pick(['business community', 'diaspora', 'youth organisations', 'chambers of commerce'])} in both countries and encouraged more exchanges between localities, especially along the border.`,
  (c) => `According to the ${c.B.adj} ${c.r.pick(['Ministry of Finance', 'central bank', 'statistics office'])}, remittances from ${c.A.adj} workers in ${c.name(c.B)} totalled ${millionsOf(c, 'USD', c.ab.remittances[c.year - 1])} in ${c.year - 1}.`,
  (c) => {
    const last = Math.floor((c.year - 1 - c.ab.summitBase) / 2) + 1;
    if (last < 1) return `The ministers looked forward to the first bilateral summit, which both sides hope to hold in ${c.year + 1}.`;
    const n = c.r.int(Math.max(1, last - 3), last);
    const y = c.ab.summitBase + 2 * (n - 1);
    return `The ministers recalled the ${ordinal(n)} bilateral summit held in ${n % 2 ? c.P0.capital : c.P1.capital} on ${dayForm(c, y, c.ab.summitMonth, c.ab.summitDay)} and reviewed the implementation of its action plan.`;
  },
];

/** Sentences without figures or dates: the cooperation language around the facts. */
const PROSE_TEMPLATES = [
  (c) => `${c.Cap(c.name(c.A))} and ${c.name(c.B)} agreed that the traditional friendship between their peoples is a valuable asset that both governments must preserve and pass on to the younger generations.`,
  (c) => `The ${c.A.adj} delegation expressed appreciation for the warm welcome extended by ${c.name(c.B)} and for the frank and constructive atmosphere of the discussions.`,
  (c) => `Both sides underlined the importance of regular high-level exchanges and of the existing cooperation mechanisms between ${c.name(c.A)} and ${c.name(c.B)}, including the consultations between the two foreign ministries.`,
  (c) => `${c.Cap(c.fmTitle)} ${c.personA} stressed that ${c.name(c.A)} attaches great importance to its relations with ${c.name(c.B)} and stands ready to deepen them in every field.`,
  (c) => `The two sides agreed to step up cooperation in ${c.r.pick(SECTORS)}, ${c.r.pick(SECTORS)} and ${c.r.pick(SECTORS)}, and to encourage businesses from ${c.name(c.A)} to explore opportunities in ${c.name(c.B)}.`,
  (c) => `${c.Cap(c.name(c.B))} welcomed the efforts of ${c.name(c.A)} to improve its investment climate and asked for favourable conditions for ${c.B.adj} enterprises operating there on a long-term basis.`,
  (c) => `They reaffirmed their support for the central role of ${c.bodies[0]} in the regional architecture and their shared commitment to multilateralism, dialogue and the peaceful settlement of disputes.`,
  (c) => `On defence and security, both sides agreed not to allow any force to use the territory of one country against the security of the other, and to strengthen the exchange of information on cross-border crime.`,
  (c) => `The ${c.B.adj} side thanked ${c.name(c.A)} for its assistance to the ${c.B.adj} community living in ${c.name(c.A)} and hoped that its members would continue to contribute to local development.`,
  (c) => `${c.Cap(c.headTitle)} ${c.personB} said that the cooperation between ${c.name(c.B)} and ${c.name(c.A)} has become a model of good neighbourliness and mutual trust in the region.`,
  (c) => `The ministers tasked their agencies with following up on the agreements reached and with reporting on their implementation at the next meeting of the joint mechanisms of ${c.name(c.A)} and ${c.name(c.B)}.`,
  (c) => `Both countries pledged to coordinate closely at ${c.r.pick(c.bodies)} and ${c.r.pick(c.bodies)}, and to support each other's candidacies at international organisations whenever possible.`,
  (c) => `The two sides also discussed connectivity, in particular the upgrading of road links, border gates and logistics services between ${c.name(c.A)} and ${c.name(c.B)}.`,
  (c) => `${c.Cap(c.deputy)} ${c.r.pick(c.B.people)} noted with satisfaction the progress of the projects funded by ${c.name(c.B)} and called for their timely completion.`,
  (c) => `The talks took place in a cordial and friendly atmosphere, reflecting the close partnership between the ${c.A.adj} and ${c.B.adj} governments.`,
];

// ---------------------------------------------------------------------------------------------
// Command line: write a folder of releases.

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const out = process.argv[2];
  if (!out) {
    console.error('usage: node bench/corpus.mjs OUT_DIR [COUNT] [SEED] [FACT_SHARE]');
    process.exit(2);
  }
  const count = Number(process.argv[3] ?? 100);
  const from = Number(process.argv[4] ?? 1);
  const factShare = Number(process.argv[5] ?? FACT_SHARE);
  const folder = join(out, 'releases');
  mkdirSync(folder, { recursive: true });
  let bytes = 0;
  for (let seed = from; seed < from + count; seed++) {
    const release = generateRelease(seed, { factShare });
    writeFileSync(join(folder, release.name), release.text);
    bytes += Buffer.byteLength(release.text);
  }
  console.log(`wrote ${count} releases (${(bytes / 1e6).toFixed(1)} MB) to ${folder}`);
}
