// The gazetteer: what the data holds, how forms match (case rules, longest match), the title and
// demonym look-ups, and building with a configuration's extras.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { countries } from 'countries-list';
import { fold, tokenize } from '../../server/src/analysis/text';
import {
  buildGazetteer,
  countryOfDemonym,
  defaultGazetteer,
  longestMatch,
  officeOf,
  slug,
  tokenView,
} from '../../server/src/knowledge/gazetteer';
import type { Gazetteer, Match } from '../../server/src/knowledge/gazetteer';
import overlay from '../../server/src/knowledge/countries-overlay.json';
import organizationData from '../../server/src/knowledge/organizations.json';
import peopleData from '../../server/src/knowledge/people.json';
import titleData from '../../server/src/knowledge/titles.json';

function matchWhole(gazetteer: Gazetteer, text: string): Match | undefined {
  const view = tokenView(text, fold(text), tokenize(text));
  const m = longestMatch(gazetteer, view, 0);
  return m !== undefined && m.end === view.tokens.length ? m : undefined;
}

test('every country of countries-list is a party, by ISO alpha-3, with both ISO codes', () => {
  const g = defaultGazetteer();
  const codes = Object.keys(countries);
  assert.ok(codes.length > 240);
  for (const code of codes) {
    const found = [...g.parties.values()].find((p) => p.iso2 === code);
    assert.ok(found !== undefined, code);
    assert.equal(found.kind, 'country');
    assert.equal(found.id, found.iso3);
    assert.match(found.iso3!, /^[A-Z]{3}$/);
  }
});

test('canonical names are the forms this field uses', () => {
  const g = defaultGazetteer();
  const rows: [string, string][] = [
    ['VNM', 'Viet Nam'],
    ['LAO', 'Lao PDR'],
    ['KOR', 'Republic of Korea'],
    ['PRK', "Democratic People's Republic of Korea"],
    ['RUS', 'Russian Federation'],
    ['BRN', 'Brunei Darussalam'],
    ['TLS', 'Timor-Leste'],
    ['KHM', 'Cambodia'],
    ['USA', 'United States'],
    ['org:asean', 'Association of Southeast Asian Nations'],
    ['person:pham-minh-chinh', 'Pham Minh Chinh'],
  ];
  for (const [id, name] of rows) assert.equal(g.parties.get(id)?.name, name, id);
});

test('every form in the data matches its own party, title or honorific, never another', () => {
  const g = defaultGazetteer();
  const rows: [string, string][] = [];
  for (const [iso2, forms] of Object.entries(overlay.aliases)) {
    const iso3 = [...g.parties.values()].find((p) => p.iso2 === iso2)!.iso3!;
    for (const form of forms) rows.push([form, iso3]);
  }
  for (const org of organizationData.organizations) for (const form of org.forms) rows.push([form, org.id]);
  for (const person of peopleData.people) for (const form of person.forms) rows.push([form, person.id]);
  for (const [form, id] of rows) {
    const m = matchWhole(g, form);
    assert.equal(m?.form.type, 'party', form);
    assert.equal(m?.form.party?.id, id, form);
  }
  for (const office of titleData.offices) {
    for (const form of office.forms) {
      const m = matchWhole(g, form);
      assert.equal(m?.form.type, 'title', form);
      assert.equal(m?.form.office?.id, office.id, form);
    }
  }
  for (const form of titleData.honorifics) assert.equal(matchWhole(g, form)?.form.type, 'honorific', form);
  for (const form of overlay.blockers) assert.equal(matchWhole(g, form)?.form.type, 'blocker', form);
});

test('aliases of the package that mislead here are dropped', () => {
  const g = defaultGazetteer();
  for (const form of ['America', 'Siam', 'Gold Coast', 'Persia']) assert.equal(matchWhole(g, form), undefined, form);
});

test('case rules: short acronyms exactly as written, longer ones with a capital, words that are countries only when capitalised', () => {
  const g = defaultGazetteer();
  const rows: [string, string | undefined][] = [
    ['US', 'USA'],
    ['us', undefined],
    ['Us', undefined],
    ['UN', 'org:un'],
    ['Un', undefined],
    ['ROK', 'KOR'],
    ['Rok', undefined],
    ['ASEAN', 'org:asean'],
    ['Asean', 'org:asean'],
    ['asean', undefined],
    ['VIET NAM', 'VNM'],
    ['viet nam', 'VNM'],
    ['Việt Nam', 'VNM'],
    ['CAMBODIA', 'KHM'],
    ['China', 'CHN'],
    ['china', undefined],
    ['Turkey', 'TUR'],
    ['turkey', undefined],
    ['Hun Sen', 'person:hun-sen'],
    ['hun sen', undefined],
  ];
  for (const [text, id] of rows) {
    const m = matchWhole(g, text);
    assert.equal(m?.form.type === 'party' ? m.form.party?.id : undefined, id, text);
  }
});

test('the longest form wins', () => {
  const g = defaultGazetteer();
  const text = 'Socialist Republic of Viet Nam';
  const view = tokenView(text, fold(text), tokenize(text));
  const m = longestMatch(g, view, 0)!;
  assert.equal(m.end, view.tokens.length);
  assert.equal(m.form.party?.id, 'VNM');
  const inner = longestMatch(g, view, 3)!; // "Viet Nam" on its own
  assert.equal(inner.form.party?.id, 'VNM');
  assert.equal(inner.end - inner.start, 2);
});

test('titles that mean the same office share its id', () => {
  const g = defaultGazetteer();
  const rows: [string, string | undefined][] = [
    ['Vice Minister', 'deputy-minister'],
    ['Deputy Minister', 'deputy-minister'],
    ['PM', 'prime-minister'],
    ['Prime Minister', 'prime-minister'],
    ['Vice Minister of Foreign Affairs', 'deputy-minister-of-foreign-affairs'],
    ['Deputy Foreign Minister', 'deputy-minister-of-foreign-affairs'],
    ['Foreign Minister', 'minister-of-foreign-affairs'],
    ['Minister of Foreign Affairs and International Cooperation', 'minister-of-foreign-affairs'],
    ['Secretary-General', 'secretary-general'],
    ['Secretary General', 'secretary-general'],
    ['Cambodian Prime Minister', 'prime-minister'],
    ['Gardener', undefined],
  ];
  for (const [title, office] of rows) assert.equal(officeOf(g, title)?.id, office, title);
});

test('demonyms name their country but are no party', () => {
  const g = defaultGazetteer();
  const rows: [string, string | undefined][] = [
    ['Vietnamese', 'VNM'],
    ['Cambodian', 'KHM'],
    ['Khmer', 'KHM'],
    ['Lao', 'LAO'],
    ['Thai', 'THA'],
    ['VIETNAMESE', 'VNM'],
    ['Vietnam', undefined],
    ['Martian', undefined],
  ];
  for (const [word, iso3] of rows) assert.equal(countryOfDemonym(g, word), iso3, word);
  assert.equal(matchWhole(g, 'Vietnamese')?.form.type, 'demonym');
});

test('the built-in gazetteer is built once; extras build another and leave it unchanged', () => {
  const g = defaultGazetteer();
  assert.equal(defaultGazetteer(), g);
  assert.ok(g.buildMillis >= 0 && Number.isFinite(g.buildMillis));
  const extended = buildGazetteer({
    parties: [
      { name: 'Tonle Sap Authority', kind: 'organization', forms: ['TSA'] },
      { id: 'VNM', name: 'Viet Nam', kind: 'country', forms: ['Nam Viet'] },
    ],
    aliases: { 'org:asean': ['the Ten'], 'NOPE': ['Nowhere Land'] },
  });
  assert.notEqual(extended, g);
  assert.equal(matchWhole(extended, 'TSA')?.form.party?.id, 'org:tonle-sap-authority');
  assert.equal(matchWhole(extended, 'Tonle Sap Authority')?.form.party?.kind, 'organization');
  assert.equal(matchWhole(extended, 'Nam Viet')?.form.party?.id, 'VNM');
  assert.equal(matchWhole(extended, 'the Ten')?.form.party?.id, 'org:asean');
  assert.equal(matchWhole(extended, 'Nowhere Land'), undefined);
  assert.equal(extended.parties.get('VNM')?.name, 'Viet Nam');
  for (const form of ['TSA', 'Nam Viet', 'the Ten']) assert.equal(matchWhole(g, form), undefined, form);
});

test('at equal length a party wins over forms added before it, and a title over an honorific added after it', () => {
  // "South China Sea" is built in as a blocker (never a party); a configuration that names it as a
  // party adds a form of higher rank after it.
  const extended = buildGazetteer({ parties: [{ name: 'South China Sea', kind: 'other' }], titles: ['Excellency'] });
  assert.equal(matchWhole(defaultGazetteer(), 'South China Sea')?.form.type, 'blocker');
  assert.equal(matchWhole(extended, 'South China Sea')?.form.type, 'party');
  assert.equal(matchWhole(extended, 'South China Sea')?.form.party?.id, 'other:south-china-sea');
  assert.equal(matchWhole(defaultGazetteer(), 'Excellency')?.form.type, 'honorific');
  assert.equal(matchWhole(extended, 'Excellency')?.form.type, 'title');
});

test('the data is consistent: unique ids, known kinds, offices and countries', () => {
  const g = defaultGazetteer();
  const ids = organizationData.organizations.map((o) => o.id);
  assert.equal(new Set(ids).size, ids.length);
  for (const org of organizationData.organizations) {
    assert.ok(org.kind === 'organization' || org.kind === 'other', org.id);
    assert.ok(org.id.startsWith('org:'), org.id);
  }
  const offices = new Set(titleData.offices.map((o) => o.id));
  for (const person of peopleData.people) {
    assert.equal(person.id, `person:${slug(person.name)}`);
    for (const office of person.offices) assert.ok(offices.has(office), `${person.id}: ${office}`);
    if (person.country !== null) assert.equal(g.parties.get(person.country)?.kind, 'country', person.id);
  }
});

test('slugs are folded, hyphenated and stable', () => {
  const rows: [string, string][] = [
    ['Hun Sen', 'hun-sen'],
    ['Phạm Minh Chính', 'pham-minh-chinh'],
    ["Cambodian People's Party", 'cambodian-peoples-party'],
    ['  Ministry of Foreign Affairs\nand International Cooperation ', 'ministry-of-foreign-affairs-and-international-cooperation'],
    ['SOEUNG Rathchavy', 'soeung-rathchavy'],
  ];
  for (const [name, expected] of rows) assert.equal(slug(name), expected, name);
});
