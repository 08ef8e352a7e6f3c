// The workspace configuration of a press office (`.communique.json`, `communique.config.json`): its
// shape as written, the problems found in a file, and what the checks read of it. Plain data.

import type { PartyKind } from '../analysis/types';
import type { Severity } from '../checks/finding';

/** The names a configuration file may have, nearest first within one folder. */
export const CONFIG_FILE_NAMES: readonly string[] = ['.communique.json', 'communique.config.json'];

/**
 * The client's command that a quick fix editing a configuration file runs after its edit: it saves
 * the file when the edit opened it out of sight (the configuration applies once saved).
 */
export const SAVE_CONFIG_COMMAND = 'communique.saveConfigurationFile';

/** What a check is set to: a severity, or `off`. */
export type CheckSetting = Severity | 'off';

export const CHECK_SETTINGS: readonly CheckSetting[] = ['error', 'warning', 'information', 'hint', 'off'];

/** A party the press office knows and the built-in data does not (or more forms of one it does). */
export interface ConfigParty {
  /** A known id ("VNM", "org:asean") to add forms to it; a new id otherwise (derived from the name when absent). */
  readonly id?: string;
  readonly name: string;
  readonly kind: PartyKind;
  /** Other forms: acronyms, short names ("NIDIR"). */
  readonly aliases?: readonly string[];
  readonly iso2?: string;
  readonly iso3?: string;
}

/** A metric the built-in vocabulary does not have, with the phrases that name it. */
export interface ConfigMetric {
  /** What people read: "remittances". */
  readonly name: string;
  readonly unit: 'money' | 'count' | 'percent';
  /** True for a metric about a pair in no order; false (the default) for a flow from one party to another. */
  readonly symmetric?: boolean;
  /** 'flow' over a period (the default) or 'stock' at a point in time. */
  readonly temporal?: 'flow' | 'stock';
  readonly phrases: readonly string[];
}

/** A founding date: of relations between two parties, or of an organisation. Parties by id or by name. */
export type ConfigFounding =
  | { readonly parties: readonly [string, string]; readonly date: string }
  | { readonly organization: string; readonly date: string };

/** One configuration file, validated. Every key is optional; a folder's file refines its parent's. */
export interface ConfigFile {
  readonly checks?: Readonly<Record<string, CheckSetting>>;
  /** How far "nearly", "about", "over" reach, as a fraction of the value (default 0.05). */
  readonly tolerance?: number;
  /** Globs relative to the folder of the file: Markdown and text files to check, and files to skip. */
  readonly files?: { readonly include?: readonly string[]; readonly exclude?: readonly string[] };
  readonly parties?: readonly ConfigParty[];
  /** More forms of known parties, by id or name ("Viet Nam": ["VN"]). */
  readonly aliases?: Readonly<Record<string, readonly string[]>>;
  /** Titles of office that mark a following name as a person. */
  readonly titles?: readonly string[];
  /** The house spelling of a party: every other spelling of the same letters is flagged ("Viet Nam" flags "Vietnam"). */
  readonly preferredForms?: readonly string[];
  /** Forms always flagged, with the form to use instead (or null). */
  readonly flaggedForms?: Readonly<Record<string, string | null>>;
  /**
   * More phrases that name a known metric, by metric id ("trade.total": ["bilateral commerce"]), or
   * a new metric with its definition ("remittances": {"name": …, "unit": "money", "phrases": […]}).
   */
  readonly metrics?: Readonly<Record<string, readonly string[] | ConfigMetric>>;
  readonly foundingDates?: readonly ConfigFounding[];
}

/** A place in a configuration file: offsets UTF-16, line and column 1-based. */
export interface ConfigPlace {
  readonly start: number;
  readonly end: number;
  readonly line: number;
  readonly column: number;
}

/**
 * A problem in a configuration file, with its place. An error makes the file unusable (the last good
 * one stays in force); a warning says that a part of it has no effect, and the rest applies.
 */
export interface ConfigProblem extends ConfigPlace {
  readonly message: string;
  readonly severity: 'error' | 'warning';
}

/** A party a file names by id or by a form (an alias's key, a founding date's party or organisation), where it names it. */
export interface ConfigPartyName extends ConfigPlace {
  readonly name: string;
  readonly key: 'aliases' | 'foundingDates';
}

/** What the checks read of the configuration that applies to a release. */
export interface ReleaseConfig {
  /** How far qualifiers reach (see analysis/intervals.ts). */
  readonly tolerance?: number;
  /** House spellings of parties. */
  readonly preferredForms?: readonly string[];
  /** Forms always flagged, with the replacement (or null). */
  readonly flaggedForms?: ReadonlyMap<string, string | null>;
  /** Founding dates by anniversary key ("anniversary:KHM+VNM", "anniversary:org:asean"). */
  readonly foundingDates?: ReadonlyMap<string, { readonly date: string; readonly name?: string }>;
}

/** `path:line:column: message` (`warning: message` for a warning), the form the command line prints and tests compare. */
export function describeProblem(path: string, problem: ConfigProblem): string {
  return `${path}:${problem.line}:${problem.column}: ${problem.severity === 'warning' ? 'warning: ' : ''}${problem.message}`;
}
