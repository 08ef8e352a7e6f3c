// The data model of one analysed release: plain data, computed from the text, the URI and the
// configuration alone. Offsets are UTF-16 code-unit offsets into the document text (what
// JavaScript strings index), `end` exclusive; conversion to lines and columns happens at the edges.

import type { Claim } from './claimTypes';

/** A half-open range `[start, end)` of UTF-16 code-unit offsets into the document text. */
export interface Span {
  readonly start: number;
  readonly end: number;
}

export type FigureKind = 'money' | 'percent' | 'count' | 'ordinal' | 'number';

/** How the text bounds a figure: "nearly" is approximate, "topped" at-least, "up to" at-most. */
export type Qualifier = 'exact' | 'approximate' | 'at-least' | 'at-most';

/** Whether a figure reports what happened, or what someone aims at or expects. */
export type Modality = 'actual' | 'target' | 'forecast';

export interface Figure extends Span {
  /** The figure as written, exactly `text.slice(start, end)`: "USD 5.26 billion", "16.7%", "198 valid investment projects". */
  readonly text: string;
  readonly kind: FigureKind;
  /** The value with its scale applied: "9.5 billion" is 9.5e9, "16.7%" is 16.7, "55th" is 55. For a range, the lower bound. */
  readonly value: number;
  /** For a range ("10-15%", "between 3 and 5 billion"), the upper bound. */
  readonly valueTo?: number;
  /**
   * ISO 4217 code for money ("$" alone is USD), "%" for a percentage, the counted noun lower-cased as
   * written ("projects") for a count, "percentage points" for a number of percentage points, null otherwise.
   */
  readonly unit: string | null;
  /**
   * The place value of the last written digit, scale applied: "9.5 billion" → 1e8, "5.33 billion" → 1e7,
   * "16.7%" → 0.1, "198" → 1. A value stated as "9.5 billion" covers [9.45e9, 9.55e9).
   * Digits after a decimal point all count ("9.50 billion" → 1e7). Trailing zeros of a whole number do
   * not: a round number may be a rounded one, so "2,000 students" → 1000, "80%" → 10, "10 billion" →
   * 1e10 (a wider tolerance: fewer wrong warnings, a few missed ones). Ordinals are exact (1). For a
   * range, the finer of the two bounds' resolutions.
   */
  readonly resolution: number;
  readonly qualifier: Qualifier;
  /** The words that set the qualifier ("nearly", "topped", "more than"), when there are any. */
  readonly qualifierText?: string;
  readonly modality: Modality;
  /** The words that set a target or forecast modality ("aim to raise", "expected to reach"). */
  readonly modalityText?: string;
}

export type DateGranularity =
  | 'day'
  | 'week'
  | 'month'
  | 'quarter'
  | 'half'
  | 'year'
  /** An explicit span of days or months: "25-26 November 2021", "November 10 to 13". */
  | 'range'
  /** A part of a year counted from its start: "the first nine months of 2022". */
  | 'period'
  /** A vague time with no interval: "at an early date". */
  | 'vague';

export interface StatedWeekday extends Span {
  readonly text: string;
  /** 0 = Sunday … 6 = Saturday, as in `Date.prototype.getUTCDay`. */
  readonly day: number;
}

export interface DateMention extends Span {
  readonly text: string;
  /** First day of the interval, ISO `YYYY-MM-DD`, or null when unresolved. */
  readonly from: string | null;
  /** Last day of the interval (inclusive), ISO `YYYY-MM-DD`, or null when unresolved. */
  readonly to: string | null;
  readonly granularity: DateGranularity;
  /** True when the text states the date relative to the release ("this year", "on Tuesday", "the first nine months of this year"). */
  readonly relative: boolean;
  /**
   * For a relative mention: how it was resolved ("'this year' → 2021, from the release date 2021-10-23
   * (dateline)", with a note when the interval is an estimate, as for "the next few days"), or why it
   * could not be ("no release date: the release states no date of its own"). For an absolute mention,
   * set only when it names a day that does not exist ("29 February 2021").
   */
  readonly resolution?: string;
  /**
   * True when a relative mention could not be resolved because the release states no date of its own
   * (and would resolve if it had one); false for a relative mention that resolved, and for a vague one
   * ("at an early date", "soon") that no release date would resolve. Absent on absolute mentions.
   */
  readonly needsReleaseDate?: boolean;
  /**
   * A weekday the text names with the date ("Tuesday, 21 October 2021", "Thursday (October 21)"), as
   * written: never corrected, so a weekday that is not the weekday of `from` is a finding. A weekday
   * alone ("on Tuesday") is resolved to a day of that weekday and carries it too.
   */
  readonly weekday?: StatedWeekday;
}

export type ReleaseDateSource = 'front-matter' | 'dateline' | 'date-line';

/** The date a release speaks from, against which its relative dates are resolved. */
export interface ReleaseDate extends Span {
  /** ISO `YYYY-MM-DD`. */
  readonly date: string;
  readonly source: ReleaseDateSource;
  /** The text the date was read from ("Phnom Penh, 23 October 2021"). */
  readonly text: string;
}

export type PartyKind = 'country' | 'person' | 'organization' | 'other';

/**
 * One mention of a named party in the text. A person's span covers a title written before the name
 * and the name ("PM Chinh", "Prime Minister Pham Minh Chinh"), and so whatever stands between them
 * ("Prime Minister Samdech Techo Hun Sen"); honorifics before it ("H.E.", "Her Excellency Dr.") and a
 * title given after the name (", Vice Minister of Foreign Affairs") stay outside it. Mentions never
 * overlap: a party named inside a person's title ("Secretary-General of ASEAN Kao Kim Hourn") is part
 * of the person's mention. Articles and possessives are never inside a span ("the Philippines",
 * "Vietnam’s").
 */
export interface PartyMention extends Span {
  /** Exactly `text.slice(start, end)`: "Viet Nam", "PM Chinh", "NIDIR". */
  readonly text: string;
  /** Canonical id: ISO 3166-1 alpha-3 for a country ("VNM"), a stable slug otherwise ("org:asean", "person:pham-minh-chinh"). */
  readonly id: string;
  /** Canonical name: "Viet Nam", "Association of Southeast Asian Nations". */
  readonly name: string;
  readonly kind: PartyKind;
  /**
   * The title the text gives a person in this mention, before the name ("PM" in "PM Chinh") or after
   * it ("Vice Minister of Foreign Affairs" in "NGUYEN Quoc Dung, Vice Minister of Foreign Affairs of
   * the Socialist Republic of Viet Nam"), white space collapsed, without the country it is of.
   */
  readonly title?: string;
  /**
   * The office the title names, as an id of the title vocabulary (knowledge/titles.json): titles that
   * mean the same office share it ("Deputy Minister" and "Vice Minister" → "deputy-minister";
   * "PM" and "Prime Minister" → "prime-minister").
   */
  readonly office?: string;
  /** Honorifics given a person ("His Excellency", "H.E. Mr.", "Samdech Techo"), white space collapsed. */
  readonly honorific?: string;
  /** The name as written, when the span also holds a title before it: "Chinh" in "PM Chinh". */
  readonly form?: string;
  /**
   * True when the mention touches words run together with it ("ASEANin", "andCambodia"), or is
   * itself written run together where its name has a space ("VietNam").
   */
  readonly glued?: boolean;
}

/** What the release says of one party, over all its mentions. */
export interface PartySummary {
  readonly id: string;
  readonly name: string;
  readonly kind: PartyKind;
  /** ISO 3166-1 alpha-2 and alpha-3 codes of a country. */
  readonly iso2?: string;
  readonly iso3?: string;
  /**
   * The distinct forms the release uses, in order of first use, white space collapsed. For a person,
   * the name without a title ("Chinh", "Pham Minh Chinh"); the titles are in `titles`.
   */
  readonly forms: readonly string[];
  /** The distinct titles the release gives a person, in order of first use. */
  readonly titles: readonly string[];
  /** Where "Full Name (ACRONYM)" defines the acronym in this release: from the full name's start to the closing parenthesis. */
  readonly acronymDefinition?: Span;
  readonly mentionCount: number;
}

export type DocumentFormat = 'markdown' | 'plain';

/** Everything the analysis finds in one release. */
export interface DocumentAnalysis {
  readonly uri: string;
  readonly format: DocumentFormat;
  /** Length of the analysed text in UTF-16 code units. */
  readonly length: number;
  readonly releaseDate: ReleaseDate | null;
  /** In document order. */
  readonly figures: readonly Figure[];
  /** In document order. */
  readonly dates: readonly DateMention[];
  /** In document order. */
  readonly parties: readonly PartyMention[];
  /** One entry per distinct party, in order of first mention. */
  readonly partySummaries: readonly PartySummary[];
  /** Offsets where each line starts, for line and column conversion at the edges. */
  readonly lineStarts: readonly number[];
  /** One claim per figure that measures something (money, percentages, counts), in figure order. */
  readonly claims: readonly Claim[];
}
