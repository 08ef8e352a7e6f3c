// Parties: countries, organisations and people, matched against the gazetteer with case and
// diacritics folded, acronyms defined in the text, and titled people.
//
// One walk over the tokens. At each token the longest gazetteer form wins ("Socialist Republic of
// Viet Nam" is one mention, not "Viet Nam" inside it); a title or an honorific followed by a name
// makes a person; a capitalised phrase with an organisation head-word ("National Institute of
// Diplomacy and International Relations") makes an organisation; "Full Name (ACRONYM)" makes the
// acronym an alias of the full name for the rest of the release.
//
// Spans. A person's span covers the title written before the name and the name ("PM Chinh",
// "Prime Minister Pham Minh Chinh", "Prime Minister Samdech Techo Hun Sen"); honorifics before it
// ("H.E.", "Her Excellency Dr.") stay outside it, in `honorific`; a title given after the name
// ("NGUYEN Quoc Dung, Vice Minister of Foreign Affairs") stays outside it too, in `title`. Mentions
// never overlap: an organisation inside a title before a name belongs to the person's mention. An
// article is never part of a span ("the Philippines" → "Philippines"), nor a possessive ("Vietnam’s").

import type { PartyKind, PartyMention, PartySummary, Span } from './types';
import type { KeyIds, ProseContext, Token } from './text';
import { isLowerCode, isUpperCode, KeyFlags } from './text';
import { defaultGazetteer, longestMatch, slug, tokenView } from '../knowledge/gazetteer';
import type { Gazetteer, Match, OfficeRecord, PartyRecord, TokenView } from '../knowledge/gazetteer';

export interface PartyAnalysis {
  readonly mentions: PartyMention[];
  readonly summaries: PartySummary[];
}

/**
 * Finds the named parties of a release. `gazetteer` defaults to the built-in data; pass one built
 * with `buildGazetteer(extras)` to add a configuration's parties and aliases.
 */
export function extractParties(context: ProseContext, gazetteer: Gazetteer = defaultGazetteer()): PartyAnalysis {
  if (context.tokens.length === 0) return { mentions: [], summaries: [] };
  const analysis = new PartyWalk(context, gazetteer).run();
  if (matchWalks.length > MAX_KEPT_MATCHES) {
    // A huge document's arrays are let go: kept, they would hold megabytes for the rest of the
    // session on behalf of releases a hundred times smaller.
    matchWalks = new Int32Array(0);
    matchCache = [];
  }
  return analysis;
}

// ---------------------------------------------------------------------------------------------

interface PersonDetails {
  readonly title: string | undefined;
  readonly office: string | undefined;
  readonly honorific: string | undefined;
  /** The name as written when the span holds more (a title before it). */
  readonly form: string | undefined;
}

interface Draft {
  readonly startToken: number;
  readonly endToken: number;
  readonly start: number;
  readonly end: number;
  readonly party: PartyState;
  readonly glued: boolean;
  readonly person: PersonDetails | undefined;
}

interface PartyState {
  readonly id: string;
  name: string;
  /** True while the name comes from all-capital text ("MINISTRY OF …") and a later mixed-case form may replace it. */
  nameFromCapitals: boolean;
  readonly kind: PartyKind;
  readonly iso2?: string;
  readonly iso3?: string;
  acronymDefinition?: Span;
  // Tallied from the mentions when the walk ends, so that a mention taken back (a name found to be
  // part of a longer one defined later) leaves no trace.
  mentionCount: number;
  readonly forms: string[];
  readonly titles: string[];
}

interface Defined {
  /** The acronym's tokens exactly as the definition writes them. */
  readonly tokens: readonly string[];
  readonly party: PartyState;
}

interface Phrase {
  readonly end: number; // token index after the phrase
  readonly name: string;
}

// The gazetteer's word lists, asked about every capitalised word and its neighbours, and what the
// walk asks of every token, as flags per key (see KeyFlags), one set of flags per gazetteer (a
// configuration's gazetteer has its own).
const F_FUNCTION_WORD = 1 << 0;
const F_HEADWORD = 1 << 1;
const F_OTHER_HEADWORD = 1 << 2;
const F_CONNECTOR = 1 << 3;
const F_OFFICE_WORD = 1 << 4;
const F_NOT_PERSON_NAME = 1 << 5;
/** "(": an acronym may be defined here. */
const F_OPEN_PAREN = 1 << 6;
/** A gazetteer form may start at a word of this key written in lower case. */
const F_LOWER_CASE_START = 1 << 7;
/**
 * A token of this key starts nothing whatever its case (unless it is a defined acronym): a function
 * word or punctuation or a number that starts no gazetteer form. Most tokens are these, and the walk
 * passes over them without reading the token.
 */
const F_PASSED_OVER = 1 << 8;
/** Some gazetteer form starts with this key (in some case). */
const F_STARTS_FORM = 1 << 9;

const flagsByGazetteer = new WeakMap<Gazetteer, KeyFlags>();

function keyFlags(gazetteer: Gazetteer): KeyFlags {
  let flags = flagsByGazetteer.get(gazetteer);
  if (flags === undefined) {
    const { rules } = gazetteer;
    flags = new KeyFlags((key) => {
      const functionWord = rules.functionWords.has(key);
      const startsForm = gazetteer.root.children?.has(key) === true;
      // A word's key starts with the fold of a letter, never with an ASCII code unit other than a–z:
      // a key that does is punctuation or a number (or a word starting in a letter that is never a
      // capital, "ʼ"), which only a "(" or a gazetteer form may start something at.
      const c = key.charCodeAt(0);
      const notWord = c < 0x80 && !(c >= 0x61 && c <= 0x7a);
      return (
        (functionWord ? F_FUNCTION_WORD : 0) |
        (rules.headwords.has(key) ? F_HEADWORD : 0) |
        (rules.otherHeadwords.has(key) ? F_OTHER_HEADWORD : 0) |
        (rules.connectors.has(key) ? F_CONNECTOR : 0) |
        (rules.officeWords.has(key) ? F_OFFICE_WORD : 0) |
        (rules.notPersonNameWords.has(key) ? F_NOT_PERSON_NAME : 0) |
        (key === '(' ? F_OPEN_PAREN : 0) |
        (gazetteer.lowerCaseStarts.has(key) ? F_LOWER_CASE_START : 0) |
        ((functionWord || notWord) && !startsForm && key !== '(' ? F_PASSED_OVER : 0) |
        (startsForm ? F_STARTS_FORM : 0)
      );
    });
    flagsByGazetteer.set(gazetteer, flags);
  }
  return flags;
}

// The gazetteer match at each token, computed once per walk when first asked for, in arrays kept from
// one walk to the next: a fresh array of a slot per token was a fifth of all a walk allocated. An
// entry is this walk's when `matchWalks` holds the walk's number (walks are never nested).
let matchWalks = new Int32Array(0);
let matchCache: (Match | null)[] = [];
let walkCount = 0;
/** Tokens whose match arrays are kept for the next walk: a release of a few hundred kilobytes. */
const MAX_KEPT_MATCHES = 1 << 16;

const MAX_PHRASE = 12; // tokens of an organisation phrase up to its head-word
const MAX_MODIFIERS = 5; // capitalised words before an organisation head-word
const MAX_COMPLEMENT = 16; // tokens after it
const MAX_NAME_WORDS = 4; // words of a person's name after a title
const MAX_HONORIFICS = 4; // "H.E. Mr.", "Her Excellency Dr."
const MAX_TITLES = 3; // "Deputy Prime Minister and Minister of Foreign Affairs"

class PartyWalk {
  private readonly view: TokenView;
  private readonly tokens: readonly Token[];
  private readonly keys: readonly string[];
  private readonly prose: string;
  /** The document text: mention texts are slices of it (the prose has Markdown syntax blanked). */
  private readonly source: string;
  private readonly n: number;
  private readonly ruleFlags: KeyFlags;
  private readonly keyIds: KeyIds;
  /** This walk's number, which marks the matches it computed in `matchCache`. */
  private readonly walk: number;
  private readonly drafts: Draft[] = [];
  private readonly parties = new Map<string, PartyState>();
  private readonly defined = new Map<string, Defined[]>();
  private readonly seenPeople = new Set<string>();
  /**
   * The party of each name of a person found by a title, and of each organisation named by a
   * head-word, in this release: a release names the same ones again and again, and the id is a slug
   * (which folds and rebuilds the name).
   */
  private readonly personByName = new Map<string, PartyState>();
  private readonly organisationByName = new Map<string, PartyState>();

  constructor(context: ProseContext, private readonly gazetteer: Gazetteer) {
    this.view = tokenView(context.prose, context.folded, context.tokens, context.keys, context.keyIds);
    this.tokens = context.tokens;
    this.keys = this.view.keys;
    this.prose = context.prose;
    this.source = context.text;
    this.n = context.tokens.length;
    this.ruleFlags = keyFlags(gazetteer);
    walkCount = (walkCount + 1) | 0;
    if (walkCount === 0) {
      // Numbers went round: no entry may pass for this walk's.
      matchWalks.fill(0);
      walkCount = 1;
    }
    this.walk = walkCount;
    if (matchWalks.length < this.n) {
      matchWalks = new Int32Array(Math.max(this.n, 2 * matchWalks.length));
      matchCache = new Array<Match | null>(matchWalks.length).fill(null);
    }
    this.keyIds = context.keyIds;
  }

  run(): PartyAnalysis {
    const { tokens, keys, n, prose, keyIds } = this;
    const flags = this.ruleFlags;
    let i = 0;
    while (i < n) {
      const f = flags.of(keyIds, i, keys[i]!);
      // A defined acronym is written in capitals and starts with one: never passed over here.
      if ((f & F_PASSED_OVER) !== 0 && !this.isDefinedAcronym(keys[i]!)) {
        i++;
        continue;
      }
      if ((f & F_OPEN_PAREN) !== 0) {
        const next = this.acronymDefinition(i);
        i = next > 0 ? next : i + 1;
        continue;
      }
      const token = tokens[i]!;
      // Most words start nothing: a word not starting with a capital where no gazetteer form starts
      // in lower case, and no acronym defined in the release, is passed over (its match is left for
      // later look-ups to compute, which give the same answer).
      if (token.kind !== 'word' || ((f & F_LOWER_CASE_START) === 0 && !isUpperCode(prose.charCodeAt(token.start)) && !this.isDefinedAcronym(keys[i]!))) {
        i++;
        continue;
      }
      const m = this.matchAt(i);
      const defined = this.definedAt(i);
      if (defined !== undefined && (m === undefined || defined.end >= m.end)) {
        this.push(i, defined.end, defined.party, this.gluedAt(i, defined.end));
        i = defined.end;
        continue;
      }
      if (m !== undefined) {
        const form = m.form;
        switch (form.type) {
          case 'party':
            if (form.party!.kind === 'person') {
              i = this.namedPerson(i, m.end, form.party!);
            } else {
              this.pushRecord(m, form.party!);
              i = m.end;
            }
            continue;
          case 'title':
          case 'honorific': {
            const end = this.titledPerson(i);
            i = end > 0 ? end : form.type === 'honorific' ? m.end : i + 1;
            continue;
          }
          case 'person-short':
            if (this.seenPeople.has(form.party!.id)) i = this.namedPerson(i, m.end, form.party!);
            else i = m.end;
            continue;
          default: // demonyms and blockers: consumed, never mentions
            i = m.end;
            continue;
        }
      }
      if (this.isCapital(i) && (f & F_FUNCTION_WORD) === 0) {
        const org = this.organisationPhrase(i);
        if (org !== undefined) {
          this.pushPhrase(i, org, 'organization');
          i = org.end;
          continue;
        }
      }
      i++;
    }
    return this.result();
  }

  // -------------------------------------------------------------------------------------------
  // Token tests.

  private matchAt(k: number): Match | undefined {
    if (k >= this.n || !this.is(k, F_STARTS_FORM)) return undefined;
    if (matchWalks[k] === this.walk) return matchCache[k] ?? undefined;
    const m = this.tokens[k]!.kind === 'punct' ? null : (longestMatch(this.gazetteer, this.view, k) ?? null);
    matchCache[k] = m;
    matchWalks[k] = this.walk;
    return m ?? undefined;
  }

  /** Whether token k's key is in a list of rules of `flag` (`rules.<list>.has(keys[k])`); false out of range. */
  /** Whether `key` is an acronym this release defines (most define none: the size is asked first). */
  private isDefinedAcronym(key: string): boolean {
    return this.defined.size > 0 && this.defined.has(key);
  }

  private is(k: number, flag: number): boolean {
    return k >= 0 && k < this.n && (this.ruleFlags.of(this.keyIds, k, this.keys[k]!) & flag) !== 0;
  }

  private isWord(k: number): boolean {
    return k >= 0 && k < this.n && this.tokens[k]!.kind === 'word';
  }

  private isCapital(k: number): boolean {
    return this.isWord(k) && isUpperCode(this.prose.charCodeAt(this.tokens[k]!.start));
  }

  /** A word with no lower-case letter ("SOEUNG", "AND"). */
  private isAllCapitals(k: number): boolean {
    if (!this.isWord(k)) return false;
    const t = this.tokens[k]!;
    for (let i = t.start; i < t.end; i++) if (isLowerCode(this.prose.charCodeAt(i))) return false;
    return true;
  }

  private adjacent(a: number, b: number): boolean {
    return b < this.n && a >= 0 && this.tokens[a]!.end === this.tokens[b]!.start;
  }

  private lineBreakBetween(a: number, b: number): boolean {
    if (a < 0 || b >= this.n) return false;
    const from = this.tokens[a]!.end;
    const to = this.tokens[b]!.start;
    for (let i = from; i < to; i++) {
      const c = this.prose.charCodeAt(i);
      if (c === 0x0a || c === 0x0d) return true;
    }
    return false;
  }

  /**
   * Whether a name cannot continue from token a to token b over the line breaks between them: it may
   * cross one line break inside all-capital text (a heading broken over two lines), never a blank line.
   */
  private breaksName(a: number, b: number): boolean {
    if (a < 0 || b >= this.n) return false;
    let breaks = 0;
    for (let i = this.tokens[a]!.end; i < this.tokens[b]!.start; i++) {
      const c = this.prose.charCodeAt(i);
      if (c === 0x0a || (c === 0x0d && this.prose.charCodeAt(i + 1) !== 0x0a)) breaks++;
    }
    return breaks > 1 || (breaks === 1 && !(this.isAllCapitals(a) && this.isAllCapitals(b)));
  }

  /** "’s" right at token k, touching the word before. */
  private possessiveAt(k: number): boolean {
    return k + 1 < this.n && this.keys[k] === "'" && this.keys[k + 1] === 's' && this.adjacent(k - 1, k) && this.adjacent(k, k + 1);
  }

  /** A hyphen at k joining two words with no space ("Trans-Pacific"). */
  private joiningHyphenAt(k: number): boolean {
    return this.keys[k] === '-' && this.adjacent(k - 1, k) && this.adjacent(k, k + 1) && this.isWord(k + 1);
  }

  private isCountryAt(k: number): Match | undefined {
    const m = this.matchAt(k);
    return m !== undefined && m.form.type === 'party' && m.form.party!.kind === 'country' ? m : undefined;
  }

  private text(startToken: number, endToken: number): string {
    return this.prose.slice(this.tokens[startToken]!.start, this.tokens[endToken - 1]!.end);
  }

  // -------------------------------------------------------------------------------------------
  // People.

  /** A known person named without a title ("Hun Sen said"): the mention, and a title given after the name. */
  private namedPerson(start: number, end: number, party: PartyRecord): number {
    const after = this.appositiveTitle(end);
    this.pushPerson(start, start, end, this.person(party.id, party.name), after, undefined);
    return end;
  }

  /**
   * Honorifics, then a title (with its complement and "and"-joined titles), then honorifics again
   * ("Prime Minister Samdech Techo Hun Sen"), then a name: a person. Returns the token after the
   * name, or -1 when no name follows.
   */
  private titledPerson(i: number): number {
    const { keys } = this;
    const honorificEnd = this.honorifics(i);
    const titleStart = honorificEnd;
    let titleEnd = titleStart;
    let office: OfficeRecord | undefined;
    const first = this.matchAt(titleStart);
    if (first !== undefined && first.form.type === 'title' && !(titleStart > i && this.lineBreakBetween(titleStart - 1, titleStart))) {
      office = first.form.office;
      titleEnd = this.titleComplement(first.end);
      for (let count = 1; count < MAX_TITLES && (keys[titleEnd] === 'and' || keys[titleEnd] === '&'); count++) {
        const next = this.matchAt(titleEnd + 1);
        if (next === undefined || next.form.type !== 'title' || this.lineBreakBetween(titleEnd, titleEnd + 1)) break;
        titleEnd = this.titleComplement(next.end);
      }
    }
    const hasTitle = titleEnd > titleStart;
    if (honorificEnd === i && !hasTitle) return -1;
    const innerEnd = hasTitle && !this.lineBreakBetween(titleEnd - 1, titleEnd) ? this.honorifics(titleEnd) : titleEnd;

    const nameStart = innerEnd;
    if (!this.isCapital(nameStart) || this.lineBreakBetween(nameStart - 1, nameStart)) return -1;
    let nameEnd: number;
    let person: PartyState;
    const known = this.matchAt(nameStart);
    if (known !== undefined) {
      const party = known.form.party;
      if (party === undefined || party.kind !== 'person' || (known.form.type !== 'party' && known.form.type !== 'person-short')) return -1;
      nameEnd = known.end;
      person = this.person(party.id, party.name);
    } else {
      nameEnd = this.nameRun(nameStart);
      if (nameEnd <= nameStart) return -1;
      const name = collapse(this.text(nameStart, nameEnd));
      let named = this.personByName.get(name);
      if (named === undefined) {
        named = this.person(`person:${slug(name)}`, name);
        this.personByName.set(name, named);
      }
      person = named;
    }
    const title = hasTitle ? { title: collapse(this.text(titleStart, titleEnd)), office: office?.id } : this.appositiveTitle(nameEnd);
    const honorificParts: string[] = [];
    if (honorificEnd > i) honorificParts.push(this.text(i, honorificEnd));
    if (innerEnd > titleEnd) honorificParts.push(this.text(titleEnd, innerEnd));
    const honorific = honorificParts.length > 0 ? collapse(honorificParts.join(' ')) : undefined;
    this.pushPerson(hasTitle ? titleStart : nameStart, nameStart, nameEnd, person, title, honorific);
    return nameEnd;
  }

  private person(id: string, name: string): PartyState {
    return this.state(id, name, 'person', this.gazetteer.parties.get(id));
  }

  /** The token after a run of honorifics starting at j ("Her Excellency Dr."), or j when none. */
  private honorifics(j: number): number {
    const start = j;
    for (let count = 0; count < MAX_HONORIFICS; count++) {
      const m = this.matchAt(j);
      if (m === undefined || m.form.type !== 'honorific' || (j > start && this.lineBreakBetween(j - 1, j))) break;
      j = m.end;
    }
    return j;
  }

  /** Capitalised words after a title that are a name: not function words, titles, head-words or known names of other kinds. */
  private nameRun(k: number): number {
    let end = k;
    let words = 0;
    while (end < this.n && words < MAX_NAME_WORDS) {
      if (end > k) {
        if (this.lineBreakBetween(end - 1, end)) break;
        if (this.joiningHyphenAt(end) && this.isCapital(end + 1)) {
          end++;
          continue;
        }
        if (this.tokens[end]!.glued) break;
      }
      if (!this.isCapital(end)) break;
      // Function words cannot start a name, but inside one they are given names ("Ho An Phong").
      if ((end === k && this.is(end, F_FUNCTION_WORD)) || this.is(end, F_NOT_PERSON_NAME | F_HEADWORD | F_CONNECTOR)) break;
      if (end > k) {
        // A given name that is also a known person's short name ("Minh", "Son") stays part of this name.
        const known = this.matchAt(end);
        if (known !== undefined && known.form.party?.kind !== 'person') break;
      }
      words++;
      end++;
    }
    // A hyphen left dangling at the end is not part of the name.
    while (end > k && this.keys[end - 1] === '-') end--;
    return words > 0 ? end : k;
  }

  /** What continues a title: "of Foreign Affairs", "of the Ministry of …", "and International Cooperation". Stops before "of <country>". */
  private titleComplement(j: number): number {
    const { keys } = this;
    let end = j;
    let k = j;
    for (let guard = 0; k < this.n && guard < 8; guard++) {
      if (this.breaksName(k - 1, k)) break;
      const c = keys[k]!;
      if (c === 'of' || c === 'for' || c === 'on') {
        let m = k + 1;
        if (keys[m] === 'the') m++;
        if (m >= this.n || this.isCountryAt(m) !== undefined) break;
        const known = this.matchAt(m);
        if (known !== undefined && known.form.type === 'party' && known.form.party!.kind !== 'person') {
          end = k = known.end;
          continue;
        }
        if (this.isCapital(m)) {
          const org = this.organisationPhrase(m);
          if (org !== undefined) {
            end = k = org.end;
            continue;
          }
        }
        const run = this.officeRun(m);
        if (run > m) {
          end = k = run;
          continue;
        }
        break;
      }
      if (c === 'and' || c === '&' || (c === ',' && end > j)) {
        // "Deputy Prime Minister and Foreign Minister": a second title, joined by the caller.
        if (this.matchAt(k + 1)?.form.type === 'title') break;
        const run = this.officeRun(k + 1);
        if (run > k + 1) {
          end = k = run;
          continue;
        }
        break;
      }
      break;
    }
    return end;
  }

  /** Capitalised words of an office ("Foreign Affairs", "Industry and Trade" is two runs). */
  private officeRun(m: number): number {
    let end = m;
    while (end < this.n) {
      if (end > m && this.breaksName(end - 1, end)) break;
      if (this.isCapital(end) && this.is(end, F_OFFICE_WORD)) {
        end++;
        if (this.possessiveAt(end)) end += 2;
        continue;
      }
      if (end > m && this.joiningHyphenAt(end) && this.isCapital(end + 1) && this.is(end + 1, F_OFFICE_WORD)) {
        end++;
        continue;
      }
      break;
    }
    return end;
  }

  /** ", Vice Minister of Foreign Affairs of …" after a name: the title, without the country it is of. */
  private appositiveTitle(nameEnd: number): { title: string; office: string | undefined } | undefined {
    if (this.keys[nameEnd] !== ',') return undefined;
    let k = nameEnd + 1;
    if (this.keys[k] === 'the') k++;
    const m = this.matchAt(k);
    if (m === undefined || m.form.type !== 'title' || this.lineBreakBetween(k - 1, k)) return undefined;
    let end = this.titleComplement(m.end);
    for (let count = 1; count < MAX_TITLES && (this.keys[end] === 'and' || this.keys[end] === '&'); count++) {
      const next = this.matchAt(end + 1);
      if (next === undefined || next.form.type !== 'title') break;
      end = this.titleComplement(next.end);
    }
    return { title: collapse(this.text(k, end)), office: m.form.office?.id };
  }

  // -------------------------------------------------------------------------------------------
  // Organisations named by a head-word.

  /**
   * A capitalised phrase around an organisation head-word starting at token i: modifiers, the
   * head-word, and a complement ("of Diplomacy and International Relations"). The phrase must hold
   * more than the head-word ("the Ministry" alone is no name).
   */
  private organisationPhrase(i: number): Phrase | undefined {
    // Most capitalised words have no head-word within reach, which the key ids tell without a token.
    const reach = Math.min(this.n, i + MAX_PHRASE);
    if (this.ruleFlags.next(this.keyIds, this.keys, i, reach, F_HEADWORD) === reach) return undefined;
    const { keys } = this;
    let k = i;
    let head = -1;
    let words = 0;
    while (k < this.n && k - i < MAX_PHRASE) {
      if (k > i && this.breaksName(k - 1, k)) break;
      const key = keys[k]!;
      if (k > i && (key === 'and' || key === '&') && head < 0) {
        if (!this.isCapital(k + 1) || this.is(k + 1, F_FUNCTION_WORD)) break;
        k++;
        continue;
      }
      if (!this.isCapital(k) || this.is(k, F_FUNCTION_WORD)) break;
      if (k > i && this.matchAt(k) !== undefined) break;
      if (this.is(k, F_HEADWORD)) head = k;
      else if (head >= 0) break; // a plain word after the head-word ends the modifiers
      else if (++words > MAX_MODIFIERS) break;
      k++;
      if (this.possessiveAt(k)) k += 2;
      else if (this.joiningHyphenAt(k) && this.isCapital(k + 1)) k++;
    }
    if (head < 0) return undefined;
    const headEnd = head + 1;
    const end = this.organisationComplement(headEnd);
    if (end === headEnd && head === i) return undefined;
    const raw = this.text(i, end);
    return { end, name: nameOf(raw) };
  }

  /** "of X", "for X", "on X" after a head-word, with "and"/"," between capitalised runs; stops before a second "of <country>". */
  private organisationComplement(start: number): number {
    const { keys } = this;
    let end = start;
    let k = start;
    let units = 0;
    let firstComma = -1;
    let andSinceComma = true;
    while (k < this.n && k - start < MAX_COMPLEMENT) {
      if (this.breaksName(k - 1, k)) break;
      const c = keys[k]!;
      if (c === 'of' || c === 'for' || c === 'on') {
        let m = k + 1;
        if (keys[m] === 'the') m++;
        if (m >= this.n || this.breaksName(m - 1, m)) break;
        const country = this.isCountryAt(m);
        if (country !== undefined) {
          if (units > 0) break;
          end = k = country.end;
          units++;
          continue;
        }
        const run = this.capitalRun(m);
        if (run === m) break;
        end = k = run;
        units++;
        continue;
      }
      if (units > 0 && (c === 'and' || c === '&' || c === ',')) {
        const m = k + 1;
        if (!this.isCapital(m) || this.is(m, F_HEADWORD) || this.isCountryAt(m) !== undefined || this.breaksName(k, m)) break;
        const run = this.capitalRun(m);
        if (run === m) break;
        if (c === ',') {
          if (firstComma < 0) firstComma = k;
          andSinceComma = false;
        } else if (firstComma >= 0) andSinceComma = true;
        end = k = run;
        continue;
      }
      break;
    }
    // "Economic, Cultural, Scientific and Technological Cooperation" is a list inside the name;
    // "Trade, Investment" without a closing "and" is not.
    if (firstComma >= 0 && !andSinceComma) end = firstComma;
    return end;
  }

  /** Capitalised words (known organisation names count as words), with "’s" and joining hyphens. */
  private capitalRun(m: number): number {
    let end = m;
    while (end < this.n) {
      if (end > m && this.breaksName(end - 1, end)) break;
      if (!this.isCapital(end) || this.is(end, F_FUNCTION_WORD)) break;
      const known = this.matchAt(end);
      if (known !== undefined && (known.form.type === 'title' || known.form.type === 'honorific' || (known.form.type === 'party' && known.form.party!.kind === 'country'))) break;
      end++;
      if (this.possessiveAt(end)) end += 2;
      else if (this.joiningHyphenAt(end) && this.isCapital(end + 1)) end++;
    }
    return end;
  }

  // -------------------------------------------------------------------------------------------
  // "Full Name (ACRONYM)".

  /**
   * At a "(": an acronym defined by the full name before it. The full name is the mention that ends
   * right there ("Diplomatic Academy of Viet Nam (DAV)"), or else a capitalised phrase, which may take
   * in mentions found before it ("Council for the Development of Cambodia (CDC)" is one organisation,
   * not an organisation and a country). The acronym's letters must fit the name's initials.
   * Returns the token after ")", or -1.
   */
  private acronymDefinition(open: number): number {
    const { keys, tokens } = this;
    const a = open + 1;
    if (open === 0 || !this.isWord(a) || !this.isWord(open - 1) || !isAcronym(this.prose, tokens[a]!)) return -1;
    let close = a + 1;
    while (close < this.n && close - a < 3 && keys[close] !== ')') {
      if (!(this.isCapital(close) || tokens[close]!.kind === 'number') || this.lineBreakBetween(close - 1, close)) return -1;
      close++;
    }
    if (keys[close] !== ')') return -1;
    const letters = acronymLetters(this.prose, tokens, a, close);
    const last = this.drafts[this.drafts.length - 1];
    let party: PartyState;
    let phraseStart = -1;
    if (last !== undefined && last.endToken === open && last.party.kind !== 'person' && this.fitsInitials(letters, last.startToken, open)) {
      party = last.party;
      phraseStart = last.startToken;
    } else {
      phraseStart = this.definedPhraseStart(letters, open);
      if (phraseStart < 0) return -1;
      // Mentions inside the phrase give way to it.
      while (this.drafts.length > 0 && this.drafts[this.drafts.length - 1]!.startToken >= phraseStart) this.drafts.pop();
      const p = open - 1;
      const kind: PartyKind = this.is(p, F_OTHER_HEADWORD) ? 'other' : 'organization';
      party = this.pushPhrase(phraseStart, { end: open, name: nameOf(this.text(phraseStart, open)) }, kind);
    }
    const acronym: string[] = [];
    for (let t = a; t < close; t++) acronym.push(this.prose.slice(tokens[t]!.start, tokens[t]!.end));
    const list = this.defined.get(keys[a]!) ?? [];
    // The same definition again ("… Institute (NI)" twice) adds nothing: definedAt takes the first
    // entry that fits, which an earlier copy is. Kept once, a list stays as short as the acronym's
    // distinct definitions, where a copy per definition made a release defining one acronym over
    // and over quadratic.
    if (!list.some((entry) => entry.party === party && sameWords(entry.tokens, acronym))) {
      list.push({ tokens: acronym, party });
      list.sort((x, y) => y.tokens.length - x.tokens.length);
      this.defined.set(keys[a]!, list);
    }
    if (party.acronymDefinition === undefined) party.acronymDefinition = { start: tokens[phraseStart]!.start, end: tokens[close]!.end };
    this.push(a, close, party, false);
    return close + 1;
  }

  /**
   * The start of the capitalised phrase ending before the "(" at `open` whose initials the acronym
   * fits, taking the longest such phrase within a dozen tokens; -1 when none. The phrase may not
   * begin inside a mention nor take in a person.
   */
  private definedPhraseStart(letters: string, open: number): number {
    const { keys } = this;
    const p = open - 1;
    if (!this.isCapital(p)) return -1;
    // Where each mention before the "(" starts and ends, to keep the phrase off their insides.
    let draftIndex = this.drafts.length - 1;
    let best = -1;
    let k = p;
    while (k >= 0 && p - k < 12) {
      while (draftIndex >= 0 && this.drafts[draftIndex]!.startToken > k) draftIndex--;
      const inside = draftIndex >= 0 ? this.drafts[draftIndex]! : undefined;
      const within = inside !== undefined && inside.endToken > k;
      if (within && inside.party.kind === 'person') break;
      if (this.isCapital(k)) {
        const startsHere = !within || inside.startToken === k;
        if (startsHere && !this.is(k, F_FUNCTION_WORD) && this.fitsInitials(letters, k, open)) best = k;
        if (this.lineBreakBetween(k - 1, k)) break;
        k--;
        continue;
      }
      if (k < p && this.is(k, F_CONNECTOR) && (this.isCapital(k - 1) || this.is(k - 1, F_CONNECTOR))) {
        k--;
        continue;
      }
      if (k < p && keys[k] === '-' && this.adjacent(k - 1, k) && this.adjacent(k, k + 1)) {
        k--;
        continue;
      }
      if (k < p && keys[k] === 's' && this.possessiveAt(k - 1)) {
        k -= 2;
        continue;
      }
      break;
    }
    return best;
  }

  /**
   * Whether an acronym's capitals fit the initials of the capitalised words in tokens [start, end):
   * the first letters agree, and most of the acronym's letters are found among the initials in
   * order ("NIDIR" in National Institute of Diplomacy and International Relations, "SEA" + "Games"
   * in Southeast Asian Games, "ASEAN" in Association of Southeast Asian Nations).
   */
  private fitsInitials(letters: string, start: number, end: number): boolean {
    let initials = '';
    for (let k = start; k < end; k++) {
      if (this.isCapital(k) && !this.is(k, F_CONNECTOR)) initials += this.keys[k]!.charAt(0);
    }
    if (initials.length < 2 || initials.charAt(0) !== letters.charAt(0)) return false;
    let found = 0;
    let at = 0;
    for (let i = 0; i < letters.length && at < initials.length; i++) {
      const j = initials.indexOf(letters.charAt(i), at);
      if (j >= 0) {
        found++;
        at = j + 1;
      }
    }
    return found * 2 >= letters.length + 1 || found === initials.length;
  }

  /** A defined acronym at token i, written exactly as defined. */
  private definedAt(i: number): { end: number; party: PartyState } | undefined {
    if (this.defined.size === 0) return undefined;
    const list = this.defined.get(this.keys[i]!);
    if (list === undefined) return undefined;
    for (const entry of list) {
      const end = i + entry.tokens.length;
      if (end > this.n) continue;
      let ok = true;
      for (let k = 0; k < entry.tokens.length && ok; k++) {
        const t = this.tokens[i + k]!;
        ok = this.prose.slice(t.start, t.end) === entry.tokens[k] && (k === 0 || !this.lineBreakBetween(i + k - 1, i + k));
      }
      if (ok) return { end, party: entry.party };
    }
    return undefined;
  }

  // -------------------------------------------------------------------------------------------
  // Results.

  /** Whether a mention over tokens [start, end) touches words run together with it ("ASEANin", "andCambodia"). */
  private gluedAt(start: number, end: number, gluedInData?: Uint8Array): boolean {
    const { tokens } = this;
    if (tokens[start]!.glued) return true;
    if (end < this.n && tokens[end]!.glued) return true;
    for (let k = start + 1; k < end; k++) {
      if (tokens[k]!.glued && !(gluedInData !== undefined && gluedInData[k - start] === 1)) return true;
    }
    return false;
  }

  /**
   * Whether the prose over tokens [start, end) has nothing for `collapse` to do: a token holds no
   * white space, so it is enough that the tokens are apart by one plain space or none.
   */
  private singlySpaced(start: number, end: number): boolean {
    const { tokens, prose } = this;
    for (let k = start + 1; k < end; k++) {
      const gap = tokens[k]!.start - tokens[k - 1]!.end;
      if (gap > 1 || (gap === 1 && prose.charCodeAt(tokens[k - 1]!.end) !== 0x20)) return false;
    }
    return true;
  }

  private state(id: string, name: string, kind: PartyKind, record?: PartyRecord): PartyState {
    let state = this.parties.get(id);
    if (state === undefined) {
      // Every field in one literal, optional ones as undefined: all states share one shape (the
      // summaries are built field by field from them, testing each optional one for undefined).
      state = {
        id,
        name,
        nameFromCapitals: record === undefined && !hasLowerCase(name),
        kind,
        iso2: record?.iso2,
        iso3: record?.iso3,
        acronymDefinition: undefined,
        mentionCount: 0,
        forms: [],
        titles: [],
      };
      this.parties.set(id, state);
    } else if (state.nameFromCapitals && hasLowerCase(name)) {
      state.name = name;
      state.nameFromCapitals = false;
    }
    return state;
  }

  private pushRecord(m: Match, record: PartyRecord): void {
    const party = this.state(record.id, record.name, record.kind, record);
    this.push(m.start, m.end, party, this.gluedAt(m.start, m.end, m.form.gluedInData));
  }

  private pushPhrase(start: number, phrase: Phrase, kind: PartyKind): PartyState {
    let party = kind === 'organization' ? this.organisationByName.get(phrase.name) : undefined;
    if (party === undefined) {
      const s = slug(phrase.name);
      const known = this.gazetteer.parties.get(`org:${s}`);
      const id = known?.id ?? `${kind === 'other' ? 'other' : 'org'}:${s}`;
      party = this.state(id, known?.name ?? phrase.name, known?.kind ?? kind, known);
      if (kind === 'organization') this.organisationByName.set(phrase.name, party);
    }
    this.push(start, phrase.end, party, this.gluedAt(start, phrase.end));
    return party;
  }

  private pushPerson(
    start: number,
    nameStart: number,
    end: number,
    party: PartyState,
    title: { title: string; office: string | undefined } | undefined,
    honorific: string | undefined,
  ): void {
    this.seenPeople.add(party.id);
    this.push(start, end, party, this.gluedAt(start, end), {
      title: title?.title,
      office: title?.office,
      honorific,
      form: nameStart > start ? this.text(nameStart, end) : undefined,
    });
  }

  private push(startToken: number, endToken: number, party: PartyState, glued: boolean, person?: PersonDetails): void {
    const start = this.tokens[startToken]!.start;
    const end = this.tokens[endToken - 1]!.end;
    const draft: Draft = { startToken, endToken, start, end, party, glued, person };
    this.drafts.push(draft);
  }

  private result(): PartyAnalysis {
    const text = this.source;
    const prose = this.prose;
    // Compared once: the prose is a string of the text's length that differs where Markdown was blanked.
    const proseIsText = prose === text;
    const mentions: PartyMention[] = [];
    /** The parties mentioned, in order of first mention. */
    const mentioned: PartyState[] = [];
    for (const d of this.drafts) {
      const party = d.party;
      const mentionText = text.slice(d.start, d.end);
      const mention: Mutable<PartyMention> = { start: d.start, end: d.end, text: mentionText, id: party.id, name: party.name, kind: party.kind };
      const person = d.person;
      if (person !== undefined) {
        if (person.title !== undefined) mention.title = person.title;
        if (person.office !== undefined) mention.office = person.office;
        if (person.honorific !== undefined) mention.honorific = person.honorific;
        if (person.form !== undefined) mention.form = person.form;
      }
      if (d.glued) mention.glued = true;
      mentions.push(mention);

      if (party.mentionCount++ === 0) mentioned.push(party);
      let form: string;
      if (person?.form !== undefined) form = collapse(person.form);
      else {
        // The prose is the text itself unless Markdown or control characters were blanked: then the
        // mention's text is the prose's slice, already made.
        const written = proseIsText ? mentionText : prose.slice(d.start, d.end);
        form = this.singlySpaced(d.startToken, d.endToken) ? written : collapse(written);
      }
      if (!party.forms.includes(form)) party.forms.push(form);
      const title = person?.title;
      if (title !== undefined && !party.titles.includes(title)) party.titles.push(title);
    }
    const summaries: PartySummary[] = [];
    for (const party of mentioned) {
      // Property by property, in the order the summary's JSON has always had.
      const summary = { id: party.id, name: party.name, kind: party.kind } as Mutable<PartySummary>;
      if (party.iso2 !== undefined) summary.iso2 = party.iso2;
      if (party.iso3 !== undefined) summary.iso3 = party.iso3;
      summary.forms = party.forms;
      summary.titles = party.titles;
      if (party.acronymDefinition !== undefined) summary.acronymDefinition = party.acronymDefinition;
      summary.mentionCount = party.mentionCount;
      summaries.push(summary);
    }
    return { mentions, summaries };
  }
}

// ---------------------------------------------------------------------------------------------

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** Runs of white space as one space. */
function collapse(text: string): string {
  let plain = true;
  for (let i = 0; i < text.length && plain; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0a || c === 0x0d || c === 0x09 || c === 0xa0 || (c === 0x20 && (i === 0 || text.charCodeAt(i - 1) === 0x20))) plain = false;
  }
  if (plain && text.charCodeAt(text.length - 1) !== 0x20) return text;
  let out = '';
  let space = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09 || c === 0xa0) space = true;
    else {
      if (space && out.length > 0) out += ' ';
      out += text[i];
      space = false;
    }
  }
  return out;
}

function hasLowerCase(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (isLowerCode(text.charCodeAt(i))) return true;
  return false;
}

const LOWER_IN_NAMES = new Set(['of', 'and', 'for', 'on', 'the', 'in', 'to', 'at']);

/** The name of an organisation as written; all-capital text ("MINISTRY OF FOREIGN AFFAIRS") in title case. */
function nameOf(raw: string): string {
  const name = collapse(raw);
  if (hasLowerCase(name)) return name;
  return name
    .split(' ')
    .map((word, i) => {
      const lower = word.toLowerCase();
      if (i > 0 && LOWER_IN_NAMES.has(lower)) return lower;
      return word.charAt(0) + lower.slice(1);
    })
    .join(' ');
}

function sameWords(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((word, i) => word === b[i]);
}

/** The capitals of an acronym's tokens [from, to), folded: "SEA Games" → "seag". */
function acronymLetters(prose: string, tokens: readonly Token[], from: number, to: number): string {
  let letters = '';
  for (let t = from; t < to; t++) {
    const token = tokens[t]!;
    for (let i = token.start; i < token.end; i++) {
      const c = prose.charCodeAt(i);
      if (isUpperCode(c)) letters += prose.charAt(i).toLowerCase();
    }
  }
  return letters;
}

/** "NIDIR", "DAV", "SEA", "G20": two or more capitals and no lower-case letter. */
function isAcronym(prose: string, token: Token): boolean {
  let capitals = 0;
  for (let i = token.start; i < token.end; i++) {
    const c = prose.charCodeAt(i);
    if (isUpperCode(c)) capitals++;
    else if (isLowerCode(c)) return false;
  }
  return capitals >= 2;
}
