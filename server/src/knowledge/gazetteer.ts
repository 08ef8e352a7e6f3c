// The gazetteer: every name the parties extractor knows (countries, organisations, people), the
// titles and honorifics that mark a person, demonyms, and names that contain a country but are not
// one ("South China Sea"), compiled into one trie over folded token sequences. Pure: the data is
// imported statically (esbuild bundles it) and the trie is built once, at first use. A workspace
// configuration can add parties and aliases by building another gazetteer with `buildGazetteer`.

import { countries, getCountryData } from 'countries-list';
import type { TCountryCode } from 'countries-list';
import overlay from './countries-overlay.json';
import organizationData from './organizations.json';
import peopleData from './people.json';
import titleData from './titles.json';
import ruleData from './party-rules.json';
import type { PartyKind } from '../analysis/types';
import { fold, isUpperCode, KeyMemo, tokenKeys, tokenize } from '../analysis/text';
import type { KeyIds, Token } from '../analysis/text';

/** A party the gazetteer knows. */
export interface PartyRecord {
  /** ISO 3166-1 alpha-3 for a country ("VNM"), a slug otherwise ("org:asean", "person:hun-sen"). */
  readonly id: string;
  /** Canonical name: "Viet Nam", "Association of Southeast Asian Nations", "Pham Minh Chinh". */
  readonly name: string;
  readonly kind: PartyKind;
  readonly iso2?: string;
  readonly iso3?: string;
  /** For a person: the ISO alpha-3 code of the person's country, when known. */
  readonly country?: string;
}

/** An office from titles.json: the forms that mean the same office share its id. */
export interface OfficeRecord {
  readonly id: string;
  readonly name: string;
}

/**
 * What a form stands for. `party`: a name of a party (emitted as a mention). `person-short`: a short
 * name of a known person ("Chinh"), a mention only after a title or once the person was named.
 * `title`, `honorific`: mark a following name as a person. `demonym`: "Vietnamese", never a mention.
 * `blocker`: a name containing a country that is not one ("South China Sea"), never a mention.
 */
export type FormType = 'party' | 'person-short' | 'title' | 'honorific' | 'demonym' | 'blocker';

const PRIORITY: Record<FormType, number> = { party: 6, 'person-short': 5, title: 4, honorific: 3, demonym: 2, blocker: 1 };

/** Case rule for one token of a form: any case, capital first letter, or exactly as written. */
const ANY = 0;
const CAPITAL = 1;
const EXACT = 2;

/** One form of a name, at the trie node where its last token ends. */
export interface Form {
  readonly type: FormType;
  /** The form as written in the data. */
  readonly text: string;
  readonly party?: PartyRecord;
  readonly office?: OfficeRecord;
  /** For a demonym: the ISO alpha-3 code of its country. */
  readonly country?: string;
  /** The tokens of the form as written (for exact-case tokens). */
  readonly tokens: readonly string[];
  /** Per token: 0 any case, 1 capital first letter, 2 exactly as written. */
  readonly caseRules: Uint8Array;
  /** True when every token matches in any case (no case rule to check). */
  readonly anyCase: boolean;
  /** Per token: true when the data itself writes the token run together with the previous one ("G20"). */
  readonly gluedInData: Uint8Array;
  /** Folded tokens that must not follow the form ("US" before "$" or "dollars" is a currency). */
  readonly notBefore?: ReadonlySet<string>;
}

export interface TrieNode {
  children: Map<string, TrieNode> | undefined;
  /** The forms ending here, the one that wins at equal length first (by `PRIORITY`, then in the order added). */
  forms: Form[] | undefined;
}

/** The word lists of party-rules.json, as sets of folded words. */
export interface PartyRules {
  readonly headwords: ReadonlySet<string>;
  readonly otherHeadwords: ReadonlySet<string>;
  readonly connectors: ReadonlySet<string>;
  readonly officeWords: ReadonlySet<string>;
  readonly functionWords: ReadonlySet<string>;
  readonly notPersonNameWords: ReadonlySet<string>;
}

export interface Gazetteer {
  readonly root: TrieNode;
  readonly parties: ReadonlyMap<string, PartyRecord>;
  readonly offices: ReadonlyMap<string, OfficeRecord>;
  readonly rules: PartyRules;
  /** Folded demonym ("vietnamese") → ISO alpha-3 code of its country. */
  readonly demonyms: ReadonlyMap<string, string>;
  /** Milliseconds the build took. */
  readonly buildMillis: number;
  /** The root's child for a token key (null when none), remembered per key. */
  readonly rootChild: KeyMemo<TrieNode | null>;
  /**
   * The keys of the root's children under which some form may begin with a word not written with a
   * capital ("india", "united nations"); under the others every form needs one ("To Lam", "Foreign
   * Minister"), so a word in lower case starts none of them.
   */
  readonly lowerCaseStarts: ReadonlySet<string>;
}

/** Parties and aliases a configuration adds to the built-in data. */
export interface GazetteerExtras {
  /** New parties, or more forms for a known id. */
  readonly parties?: ReadonlyArray<{
    readonly id?: string;
    readonly name: string;
    readonly kind: PartyKind;
    readonly forms?: readonly string[];
    readonly iso2?: string;
    readonly iso3?: string;
  }>;
  /** More forms for known parties, by id ("VNM": ["VN"]). */
  readonly aliases?: Readonly<Record<string, readonly string[]>>;
  /** More titles of office that mark a following name as a person ("Director-General"). */
  readonly titles?: readonly string[];
}

// ---------------------------------------------------------------------------------------------
// Token views: the matcher walks tokens of the document (or of a short string) by folded key.

/** The tokens of a text and what the matcher reads of them. */
export interface TokenView {
  readonly prose: string;
  readonly tokens: readonly Token[];
  /** `keys[i]` is the folded text of token i. */
  readonly keys: readonly string[];
  /** The ids of the keys, when they come from a prose context: the walk starts from a memo. */
  readonly keyIds?: KeyIds;
}

export function tokenView(prose: string, folded: string, tokens: readonly Token[], keys: readonly string[] = tokenKeys(folded, tokens), keyIds?: KeyIds): TokenView {
  return keyIds === undefined ? { prose, tokens, keys } : { prose, tokens, keys, keyIds };
}

function viewOf(text: string): TokenView {
  return tokenView(text, fold(text), tokenize(text));
}

/** A match of a form over tokens `[start, end)`. */
export interface Match {
  readonly form: Form;
  readonly start: number;
  readonly end: number;
}

function passes(form: Form, view: TokenView, start: number, end: number): boolean {
  if (!form.anyCase) {
    const rules = form.caseRules;
    for (let k = 0; k < rules.length; k++) {
      const rule = rules[k]!;
      if (rule === ANY) continue;
      const t = view.tokens[start + k]!;
      if (rule === CAPITAL) {
        if (!isUpperCode(view.prose.charCodeAt(t.start))) return false;
      } else if (view.prose.slice(t.start, t.end) !== form.tokens[k]) return false;
    }
  }
  if (form.notBefore !== undefined && end < view.keys.length && form.notBefore.has(view.keys[end]!)) return false;
  return true;
}

/**
 * The longest form that matches at token `start` and passes its case rules (and `accept`, when
 * given); at equal length a party beats a short name, a title, an honorific, a demonym, a blocker.
 */
export function longestMatch(gazetteer: Gazetteer, view: TokenView, start: number, accept?: (form: Form) => boolean): Match | undefined {
  let node: TrieNode | undefined = gazetteer.root;
  let best: Form | undefined;
  let bestEnd = start;
  const keys = view.keys;
  for (let i = start; i < keys.length; i++) {
    if (i === start && view.keyIds !== undefined) {
      // Most words start no form: the root's answer is remembered per key.
      node = gazetteer.rootChild.get(view.keyIds, i, keys[i]!) ?? undefined;
    } else {
      const children: Map<string, TrieNode> | undefined = node.children;
      if (children === undefined) break;
      node = children.get(keys[i]!);
    }
    if (node === undefined) break;
    const forms = node.forms;
    if (forms === undefined) continue;
    // The forms are in the order they win in: the first to pass is the match ending here.
    for (const form of forms) {
      if (accept !== undefined && !accept(form)) continue;
      if (passes(form, view, start, i + 1)) {
        best = form;
        bestEnd = i + 1;
        break;
      }
    }
  }
  return best === undefined ? undefined : { form: best, start, end: bestEnd };
}

/** The office a title names ("Vice Minister" → "deputy-minister"), by its longest known form; undefined when none. */
export function officeOf(gazetteer: Gazetteer, title: string): OfficeRecord | undefined {
  const view = viewOf(title);
  for (let i = 0; i < view.tokens.length; i++) {
    const m = longestMatch(gazetteer, view, i, (f) => f.type === 'title');
    if (m !== undefined) return m.form.office;
  }
  return undefined;
}

/** The ISO alpha-3 code of the country a demonym names ("Vietnamese" → "VNM"). */
export function countryOfDemonym(gazetteer: Gazetteer, word: string): string | undefined {
  return gazetteer.demonyms.get(fold(word.trim()));
}

// ---------------------------------------------------------------------------------------------
// Building.

interface FormOptions {
  readonly party?: PartyRecord;
  readonly office?: OfficeRecord;
  readonly country?: string;
  readonly capitalEveryWord?: boolean;
  readonly capitalFirst?: boolean;
  readonly notBefore?: readonly string[];
}

function isAllCapitals(word: string): boolean {
  let letters = 0;
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (isUpperCode(c)) letters++;
    else if (c !== 0x2e && (c < 0x30 || c > 0x39)) return false;
  }
  return letters > 0;
}

class Builder {
  readonly root: TrieNode = { children: undefined, forms: undefined };
  readonly parties = new Map<string, PartyRecord>();
  readonly offices = new Map<string, OfficeRecord>();
  readonly demonyms = new Map<string, string>();

  add(type: FormType, text: string, options: FormOptions = {}): void {
    const view = viewOf(text.trim());
    const n = view.tokens.length;
    if (n === 0) return;
    const tokens: string[] = [];
    const caseRules = new Uint8Array(n);
    const gluedInData = new Uint8Array(n);
    let node = this.root;
    for (let k = 0; k < n; k++) {
      const t = view.tokens[k]!;
      const original = view.prose.slice(t.start, t.end);
      tokens.push(original);
      gluedInData[k] = t.glued || (k > 0 && !t.spaceBefore) ? 1 : 0;
      if (t.kind === 'word') {
        if (isAllCapitals(original) && original.length <= 3) caseRules[k] = EXACT;
        else if (isAllCapitals(original) && original.length > 1) caseRules[k] = CAPITAL;
        else if (options.capitalEveryWord === true && isUpperCode(original.charCodeAt(0))) caseRules[k] = CAPITAL;
        else if (options.capitalFirst === true && k === 0) caseRules[k] = CAPITAL;
      }
      const key = view.keys[k]!;
      if (node.children === undefined) node.children = new Map();
      let next = node.children.get(key);
      if (next === undefined) {
        next = { children: undefined, forms: undefined };
        node.children.set(key, next);
      }
      node = next;
    }
    // Every field in one literal, absent ones as undefined: all forms share one shape, so reading a
    // form's fields while matching stays a single-shape property load.
    const form: Form = {
      type,
      text,
      party: options.party,
      office: options.office,
      country: options.country,
      tokens,
      caseRules,
      anyCase: caseRules.every((rule) => rule === ANY),
      gluedInData,
      notBefore: options.notBefore !== undefined ? new Set(options.notBefore.map((w) => fold(w))) : undefined,
    };
    if (node.forms === undefined) node.forms = [];
    // The same form of the same party twice (a package alias repeated in the overlay) is kept once.
    if (!node.forms.some((f) => f.type === form.type && f.party === form.party && f.text === form.text && f.office === form.office)) {
      // After the forms that win over it or tie with it (an earlier one wins a tie), before the rest.
      const at = node.forms.findIndex((f) => PRIORITY[f.type] < PRIORITY[form.type]);
      node.forms.splice(at < 0 ? node.forms.length : at, 0, form);
    }
  }

  addParty(record: PartyRecord, forms: Iterable<string>, options: Omit<FormOptions, 'party'> = {}): void {
    this.parties.set(record.id, record);
    for (const form of forms) this.add('party', form, { ...options, party: record });
  }
}

function addCountries(builder: Builder): void {
  const dropped = new Set(overlay.dropAliases.map((a) => fold(a)));
  const requireCapital = new Set(overlay.requireCapital.map((a) => fold(a)));
  const canonical = overlay.canonicalNames as Record<string, string | undefined>;
  const extraAliases = overlay.aliases as Record<string, string[] | undefined>;
  const notBefore = overlay.notBefore as Record<string, string[] | undefined>;
  const demonyms = overlay.demonyms as Record<string, string[] | undefined>;
  for (const code of Object.keys(countries) as TCountryCode[]) {
    const data = getCountryData(code);
    const iso3 = data.iso3;
    const record: PartyRecord = { id: iso3, name: canonical[code] ?? data.name, kind: 'country', iso2: code, iso3 };
    builder.parties.set(iso3, record);
    const forms = new Set<string>([record.name, data.name, ...(data.alias ?? []), ...(extraAliases[code] ?? [])]);
    for (const form of forms) {
      const folded = fold(form);
      if (dropped.has(folded)) continue;
      builder.add('party', form, {
        party: record,
        capitalFirst: requireCapital.has(folded),
        ...(notBefore[form] !== undefined ? { notBefore: notBefore[form] } : {}),
      });
    }
    for (const demonym of demonyms[code] ?? []) {
      builder.add('demonym', demonym, { country: iso3, capitalFirst: true });
      builder.demonyms.set(fold(demonym), iso3);
    }
  }
  for (const blocker of overlay.blockers) builder.add('blocker', blocker);
}

function addOrganizations(builder: Builder): void {
  for (const org of organizationData.organizations) {
    const kind: PartyKind = org.kind === 'other' ? 'other' : 'organization';
    builder.addParty({ id: org.id, name: org.name, kind }, org.forms);
  }
}

function addPeople(builder: Builder): void {
  for (const person of peopleData.people) {
    const record: PartyRecord = {
      id: person.id,
      name: person.name,
      kind: 'person',
      ...(person.country !== null ? { country: person.country } : {}),
    };
    builder.addParty(record, [person.name, ...person.forms], { capitalEveryWord: true });
    for (const short of person.shortForms) builder.add('person-short', short, { party: record, capitalEveryWord: true });
  }
}

function addTitles(builder: Builder): void {
  for (const office of titleData.offices) {
    const record: OfficeRecord = { id: office.id, name: office.name };
    builder.offices.set(office.id, record);
    for (const form of office.forms) builder.add('title', form, { office: record, capitalFirst: true });
  }
  for (const honorific of titleData.honorifics) builder.add('honorific', honorific, { capitalFirst: true });
}

function addExtras(builder: Builder, extras: GazetteerExtras): void {
  for (const party of extras.parties ?? []) {
    const known = party.id !== undefined ? builder.parties.get(party.id) : undefined;
    const record: PartyRecord = known ?? {
      id: party.id ?? `${party.kind === 'organization' ? 'org' : party.kind}:${slug(party.name)}`,
      name: party.name,
      kind: party.kind,
      ...(party.iso2 !== undefined ? { iso2: party.iso2 } : {}),
      ...(party.iso3 !== undefined ? { iso3: party.iso3 } : {}),
    };
    builder.addParty(record, [party.name, ...(party.forms ?? [])], { capitalEveryWord: record.kind === 'person' });
  }
  for (const [id, forms] of Object.entries(extras.aliases ?? {})) {
    const record = builder.parties.get(id);
    if (record !== undefined) builder.addParty(record, forms, { capitalEveryWord: record.kind === 'person' });
  }
  for (const title of extras.titles ?? []) {
    const office: OfficeRecord = { id: `office:${slug(title)}`, name: title };
    builder.offices.set(office.id, office);
    builder.add('title', title, { office, capitalFirst: true });
  }
}

function wordSet(words: readonly string[]): ReadonlySet<string> {
  return new Set(words.map((w) => fold(w)));
}

/** Builds a gazetteer from the built-in data plus `extras` (a configuration's parties and aliases). */
export function buildGazetteer(extras: GazetteerExtras = {}): Gazetteer {
  const started = performance.now();
  const builder = new Builder();
  addCountries(builder);
  addOrganizations(builder);
  addPeople(builder);
  addTitles(builder);
  addExtras(builder, extras);
  const rules: PartyRules = {
    headwords: wordSet(ruleData.headwords),
    otherHeadwords: wordSet(ruleData.otherHeadwords),
    connectors: wordSet(ruleData.connectors),
    officeWords: wordSet(ruleData.officeWords),
    functionWords: wordSet(ruleData.functionWords),
    notPersonNameWords: wordSet(ruleData.notPersonNameWords),
  };
  const root = builder.root;
  const lowerCaseStarts = new Set<string>();
  for (const [key, child] of root.children ?? []) if (mayStartInLowerCase(child)) lowerCaseStarts.add(key);
  return {
    root,
    parties: builder.parties,
    offices: builder.offices,
    rules,
    demonyms: builder.demonyms,
    buildMillis: performance.now() - started,
    rootChild: new KeyMemo((key) => root.children?.get(key) ?? null),
    lowerCaseStarts,
  };
}

/** Whether a form at `node` or below it may match from a first word not starting with a capital (see `passes`). */
function mayStartInLowerCase(node: TrieNode): boolean {
  for (const form of node.forms ?? []) {
    const rule = form.caseRules[0];
    const needsCapital = rule === CAPITAL || (rule === EXACT && isUpperCode(form.tokens[0]!.charCodeAt(0)));
    if (!needsCapital) return true;
  }
  for (const child of node.children?.values() ?? []) if (mayStartInLowerCase(child)) return true;
  return false;
}

let builtIn: Gazetteer | undefined;

/** The gazetteer of the built-in data, built at first use and shared afterwards. */
export function defaultGazetteer(): Gazetteer {
  if (builtIn === undefined) builtIn = buildGazetteer();
  return builtIn;
}

/** A stable slug of a name: folded, letters and digits kept, everything else one hyphen ("Hun Sen" → "hun-sen"). */
export function slug(name: string): string {
  const folded = fold(name);
  let out = '';
  let pendingHyphen = false;
  // Runs of kept code units are appended whole: a string per code unit made most of what a slug cost.
  let run = -1; // where the current run of kept code units starts, or -1
  for (let i = 0; i < folded.length; i++) {
    const c = folded.charCodeAt(i);
    const keep = (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39) || (c >= 0x80 && folded[i]!.toUpperCase() !== folded[i]);
    if (keep) {
      if (run < 0) {
        if (pendingHyphen && out.length > 0) out += '-';
        pendingHyphen = false;
        run = i;
      }
      continue;
    }
    if (run >= 0) {
      out += folded.slice(run, i);
      run = -1;
    }
    // An apostrophe joins ("O'Neil" → "oneil"); anything else parts.
    if (c !== 0x27) pendingHyphen = true;
  }
  if (run >= 0) out += folded.slice(run);
  return out;
}
