// The parties of the two seed releases, as a reader finds them. The seeds are read from
// ../shared/seeds next to the repository (never copied into it); the test skips when they are absent.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { proseContext } from '../../server/src/analysis/text';
import { extractParties } from '../../server/src/analysis/parties';
import type { PartyKind } from '../../server/src/analysis/types';

// Compiled tests run from out/test/unit: the repository root is three levels up.
const SEEDS = join(__dirname, '..', '..', '..', '..', 'shared', 'seeds');

function seed(prefix: string): { text: string; name: string } | undefined {
  if (!existsSync(SEEDS)) return undefined;
  const name = readdirSync(SEEDS).find((f) => f.startsWith(prefix) && f.endsWith('.txt'));
  return name === undefined ? undefined : { text: readFileSync(join(SEEDS, name), 'utf8'), name };
}

type Row = readonly [text: string, id: string, kind: PartyKind];

const KHM = (text = 'Cambodia'): Row => [text, 'KHM', 'country'];
const VNM = (text = 'Viet Nam'): Row => [text, 'VNM', 'country'];
const ASEAN: Row = ['ASEAN', 'org:asean', 'organization'];
const CHINH: Row = ['PM Chinh', 'person:pham-minh-chinh', 'person'];
const HUN_SEN: Row = ['PM Hun Sen', 'person:hun-sen', 'person'];
const MFAIC = 'org:ministry-of-foreign-affairs-and-international-cooperation';
const NIDIR = 'org:national-institute-of-diplomacy-and-international-relations';

test('seed 000: Vietnam and Cambodia, PM Chinh and PM Hun Sen, ASEAN run into "in", the SEA Games defined', (t) => {
  const s = seed('000_');
  if (s === undefined) return t.skip(`no seed 000 in ${SEEDS}`);
  const { mentions, summaries } = extractParties(proseContext(s.text, s.name));
  for (const m of mentions) assert.equal(m.text, s.text.slice(m.start, m.end));
  const expected: Row[] = [
    CHINH, KHM(), KHM(), ASEAN, ASEAN, // talks in Phnom Penh; Chair of ASEANin 2022; the ASEAN Summits
    HUN_SEN,
    VNM('Vietnam'), KHM(), // "the Vietnam -Cambodia relations"
    VNM('Vietnam'), KHM(), ['Kampuchean United Front for National Salvation', 'org:kampuchean-united-front-for-national-salvation', 'organization'], VNM('Vietnam'),
    VNM('Vietnam'), KHM(), ASEAN, // investment projects; ASEAN investors
    VNM('Vietnam'), KHM(), // "the Vietnam - Cambodia border tradeagreement"
    CHINH, KHM(), // Cambodian Government, Vietnamese enterprises: demonyms only
    VNM('Vietnam'), KHM(), // "a Vietnam - Cambodia border of peace"
    HUN_SEN, VNM('Vietnam'),
    CHINH, VNM('Vietnam'), KHM(), ['Southeast Asian Games', 'org:sea-games', 'other'], ['SEA Games', 'org:sea-games', 'other'],
    KHM(),
    VNM('Vietnam'), KHM(), ASEAN, ASEAN, // "Vietnam andCambodia"; "ASEAN and the Mekong"; "ASEAN’s solidarity"
    CHINH, VNM('Vietnam'), HUN_SEN,
  ];
  assert.deepEqual(mentions.map((m) => [m.text, m.id, m.kind]), expected);

  // Glued: "ASEANin 2022" and "andCambodia", nothing else.
  const glued = mentions.filter((m) => m.glued === true).map((m) => s.text.slice(m.start - 3, m.end + 3));
  assert.deepEqual(glued, ['of ASEANin ', 'andCambodia sh']);

  const byId = new Map(summaries.map((x) => [x.id, x]));
  assert.deepEqual(byId.get('VNM')!.forms, ['Vietnam']);
  assert.deepEqual(byId.get('person:pham-minh-chinh')!.titles, ['PM']);
  assert.deepEqual(byId.get('person:pham-minh-chinh')!.forms, ['Chinh']);
  assert.equal(byId.get('person:hun-sen')!.mentionCount, 3);
  const games = byId.get('org:sea-games')!;
  assert.equal(s.text.slice(games.acronymDefinition!.start, games.acronymDefinition!.end), 'Southeast Asian Games (SEA Games)');
  assert.deepEqual(summaries.map((x) => x.id), ['person:pham-minh-chinh', 'KHM', 'org:asean', 'person:hun-sen', 'VNM', 'org:kampuchean-united-front-for-national-salvation', 'org:sea-games']);
});

test('seed 002: Viet Nam throughout but one "Cambodia-Vietnam", titled officials, NIDIR and DAV defined', (t) => {
  const s = seed('002_');
  if (s === undefined) return t.skip(`no seed 002 in ${SEEDS}`);
  const { mentions, summaries } = extractParties(proseContext(s.text, s.name));
  for (const m of mentions) assert.equal(m.text, s.text.slice(m.start, m.end));
  const expected: Row[] = [
    // The heading block.
    KHM('KINGDOM OF CAMBODIA'), ['MINISTRY OF FOREIGN AFFAIRS\nAND INTERNATIONAL COOPERATION', MFAIC, 'organization'], KHM('CAMBODIA'), VNM('VIET NAM'),
    // The co-chairs.
    ['SOEUNG Rathchavy', 'person:soeung-rathchavy', 'person'], ['Ministry of Foreign Affairs and International Cooperation', MFAIC, 'organization'], KHM('Kingdom of Cambodia'),
    ['NGUYEN Quoc Dung', 'person:nguyen-quoc-dung', 'person'], VNM('Socialist Republic of Viet Nam'),
    KHM(), VNM(), // the 7th Political Consultations
    KHM(), VNM(), // briefed each other
    KHM(), VNM(), // enhance bilateral relations
    KHM(), VNM(), // donations
    KHM(), VNM(), // bilateral trade
    KHM(), VNM(), // human resource cooperation
    ['National Institute of Diplomacy and International Relations', NIDIR, 'organization'], ['NIDIR', NIDIR, 'organization'], KHM(),
    ['Diplomatic Academy of Viet Nam', 'org:dav', 'organization'], ['DAV', 'org:dav', 'organization'],
    ASEAN, ['ASEM', 'org:asem', 'organization'], ['UN', 'org:un', 'organization'], ['Myanmar', 'MMR', 'country'], ['AUKUS', 'org:aukus', 'other'], // South China Sea: no party
    KHM(), ['ASEM', 'org:asem', 'organization'], ASEAN, VNM(), KHM(), ASEAN,
    KHM(), VNM(), ['Joint Commission on Economic, Cultural, Scientific and Technological Cooperation', 'org:joint-commission-on-economic-cultural-scientific-and-technological-cooperation', 'organization'],
    KHM(), KHM(), VNM(), // "in Cambodia"; "between Cambodia – Viet Nam"
    KHM(), VNM(), // "Cambodia-Viet Nam Friendship Year"
    KHM(), VNM('Vietnam'), // "Cambodia-Vietnam relations": the one variant
    KHM(), VNM(), KHM(),
  ];
  assert.deepEqual(mentions.map((m) => [m.text, m.id, m.kind]), expected);
  assert.equal(mentions.filter((m) => m.glued === true).length, 0);

  const soeung = mentions.find((m) => m.id === 'person:soeung-rathchavy')!;
  assert.equal(soeung.title, 'Secretary of State of the Ministry of Foreign Affairs and International Cooperation');
  assert.equal(soeung.honorific, 'Her Excellency Dr.');
  const nguyen = mentions.find((m) => m.id === 'person:nguyen-quoc-dung')!;
  assert.equal(nguyen.title, 'Vice Minister of Foreign Affairs');
  assert.equal(nguyen.office, 'deputy-minister-of-foreign-affairs');
  assert.equal(nguyen.honorific, 'His Excellency');

  const byId = new Map(summaries.map((x) => [x.id, x]));
  const vnm = byId.get('VNM')!;
  assert.deepEqual(vnm.forms, ['VIET NAM', 'Socialist Republic of Viet Nam', 'Viet Nam', 'Vietnam']);
  assert.equal(vnm.mentionCount, 14);
  assert.equal(byId.get('KHM')!.mentionCount, 19);
  assert.equal(byId.get(MFAIC)!.name, 'Ministry of Foreign Affairs and International Cooperation');
  const nidir = byId.get(NIDIR)!;
  assert.equal(s.text.slice(nidir.acronymDefinition!.start, nidir.acronymDefinition!.end), 'National Institute of Diplomacy and International Relations (NIDIR)');
  const dav = byId.get('org:dav')!;
  assert.equal(s.text.slice(dav.acronymDefinition!.start, dav.acronymDefinition!.end), 'Diplomatic Academy of Viet Nam (DAV)');
});
