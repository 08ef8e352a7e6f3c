// From the configuration files that apply to a release (its folder's and every parent's) to what
// the analysis and the checks use. Nearest wins: a folder's file refines its parent's. Pure.

import { buildGazetteer, defaultGazetteer, longestMatch, tokenView, type Gazetteer, type GazetteerExtras } from '../knowledge/gazetteer';
import { buildMetricVocabulary, type MetricDefinition, type MetricVocabulary } from '../analysis/claims';
import { fold, tokenize } from '../analysis/text';
import { minimatch } from 'minimatch';
import type { CheckSetting, ConfigFile, ConfigMetric, ConfigParty, ConfigPartyName, ConfigProblem, ReleaseConfig } from './model';

/** One file's validated configuration, with the folder it sits in (forward slashes, no trailing slash). */
export interface ConfigLayer {
  readonly folder: string;
  readonly config: ConfigFile;
}

/** Globs of one layer, relative to its folder. */
export interface FileRules {
  readonly folder: string;
  readonly include: readonly string[];
  readonly exclude: readonly string[];
}

/** Everything a configuration changes, ready to use. */
export interface ResolvedConfig {
  /** For `analyseDocument`: absent when the configuration adds no party or metric phrase. */
  readonly gazetteer?: Gazetteer;
  readonly metrics?: MetricVocabulary;
  /** For the checks (on each CheckedRelease). */
  readonly release: ReleaseConfig;
  /** Per-check severity or `off`, for `runChecks`. */
  readonly checks: Readonly<Record<string, CheckSetting>>;
  /** Which Markdown and text files are releases, per layer, parent first. */
  readonly files: readonly FileRules[];
  /** The merged configuration, as written. */
  readonly merged: ConfigFile;
  /** Names in "aliases" (keys) and "foundingDates" that match no party here, so what they say is not used. */
  readonly unknownParties: ReadonlySet<string>;
}

/** Merges layers given parent first: records merge key by key, lists add up, a nearer scalar wins. */
export function mergeConfigs(layers: readonly ConfigFile[]): ConfigFile {
  let merged: ConfigFile = {};
  for (const c of layers) {
    const preferred = c.preferredForms ?? [];
    // A nearer preferred form replaces a parent's spelling of the same letters.
    const inherited = (merged.preferredForms ?? []).filter((p) => !preferred.some((q) => skeletonOf(q) === skeletonOf(p)));
    merged = {
      ...merged,
      ...(c.tolerance !== undefined ? { tolerance: c.tolerance } : {}),
      ...(c.checks ? { checks: { ...merged.checks, ...c.checks } } : {}),
      ...(c.parties ? { parties: [...(merged.parties ?? []), ...c.parties] } : {}),
      ...(c.aliases ? { aliases: concatRecords(merged.aliases, c.aliases) } : {}),
      ...(c.titles ? { titles: [...(merged.titles ?? []), ...c.titles] } : {}),
      ...(c.preferredForms ? { preferredForms: [...inherited, ...preferred] } : {}),
      ...(c.flaggedForms ? { flaggedForms: { ...merged.flaggedForms, ...c.flaggedForms } } : {}),
      ...(c.metrics ? { metrics: mergeMetrics(merged.metrics, c.metrics) } : {}),
      // Nearer founding dates first: the first one for a subject wins.
      ...(c.foundingDates ? { foundingDates: [...c.foundingDates, ...(merged.foundingDates ?? [])] } : {}),
    };
  }
  return merged;
}

function concatRecords(a: Readonly<Record<string, readonly string[]>> | undefined, b: Readonly<Record<string, readonly string[]>>): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [k, v] of Object.entries(a ?? {})) out[k] = [...v];
  for (const [k, v] of Object.entries(b)) out[k] = [...(out[k] ?? []), ...v];
  return out;
}

type Metrics = Readonly<Record<string, readonly string[] | ConfigMetric>>;

/** Phrases add up; a nearer definition of a new metric replaces the parent's, keeping every phrase. */
function mergeMetrics(a: Metrics | undefined, b: Metrics): Record<string, readonly string[] | ConfigMetric> {
  const out: Record<string, readonly string[] | ConfigMetric> = { ...a };
  for (const [id, value] of Object.entries(b)) {
    const before = out[id];
    const phrasesOf = (v: readonly string[] | ConfigMetric | undefined): readonly string[] => (v === undefined ? [] : Array.isArray(v) ? v : (v as ConfigMetric).phrases);
    const phrases = [...phrasesOf(before), ...phrasesOf(value)];
    const definition = !Array.isArray(value) ? (value as ConfigMetric) : before !== undefined && !Array.isArray(before) ? (before as ConfigMetric) : undefined;
    out[id] = definition ? { ...definition, phrases } : phrases;
  }
  return out;
}

/** The letters and digits of a form, folded ("Việt Nam" → "vietnam"). */
function skeletonOf(form: string): string {
  return fold(form).replace(/[^\p{L}\p{N}]/gu, '');
}

/** The id of a party named by id or by a form the gazetteer knows; undefined when unknown. */
export function partyIdOf(gazetteer: Gazetteer, nameOrId: string): string | undefined {
  if (gazetteer.parties.has(nameOrId)) return nameOrId;
  const text = nameOrId.trim();
  const view = tokenView(text, fold(text), tokenize(text));
  const m = longestMatch(gazetteer, view, 0, (f) => f.type === 'party');
  return m && m.end === view.tokens.length ? m.form.party?.id : undefined;
}

/** Resolves layers (parent first) into what the analysis and the checks use. */
export function resolveConfig(layers: readonly ConfigLayer[]): ResolvedConfig {
  const merged = mergeConfigs(layers.map((l) => l.config));
  const extras: GazetteerExtras = {
    parties: (merged.parties ?? []).map((p: ConfigParty) => ({
      ...(p.id !== undefined ? { id: p.id } : {}),
      name: p.name,
      kind: p.kind,
      forms: p.aliases ?? [],
      ...(p.iso2 !== undefined ? { iso2: p.iso2 } : {}),
      ...(p.iso3 !== undefined ? { iso3: p.iso3 } : {}),
    })),
    titles: merged.titles ?? [],
  };
  const needsGazetteer = (merged.parties?.length ?? 0) > 0 || Object.keys(merged.aliases ?? {}).length > 0 || (merged.titles?.length ?? 0) > 0;
  let gazetteer = needsGazetteer ? buildGazetteer(extras) : undefined;
  const unknownParties = new Set<string>();
  if (gazetteer && merged.aliases) {
    // Aliases name their party by id or by a form: resolve against the parties known so far.
    const aliases: Record<string, string[]> = {};
    for (const [nameOrId, forms] of Object.entries(merged.aliases)) {
      const id = partyIdOf(gazetteer, nameOrId);
      if (id !== undefined) aliases[id] = [...(aliases[id] ?? []), ...forms];
      else unknownParties.add(nameOrId);
    }
    gazetteer = buildGazetteer({ ...extras, aliases });
  }
  const lookup = gazetteer ?? defaultGazetteer();
  const foundingDates = new Map<string, { date: string; name?: string }>();
  for (const f of merged.foundingDates ?? []) {
    if ('parties' in f) {
      const ids = f.parties.map((p) => partyIdOf(lookup, p));
      f.parties.forEach((p, i) => {
        if (ids[i] === undefined) unknownParties.add(p);
      });
      if (ids.some((id) => id === undefined)) continue;
      const key = `anniversary:${[...(ids as string[])].sort().join('+')}`;
      if (!foundingDates.has(key)) foundingDates.set(key, { date: f.date });
    } else {
      const id = partyIdOf(lookup, f.organization);
      if (id === undefined) {
        unknownParties.add(f.organization);
        continue;
      }
      const key = `anniversary:${id}`;
      if (!foundingDates.has(key)) foundingDates.set(key, { date: f.date, name: lookup.parties.get(id)?.name ?? f.organization });
    }
  }
  const release: ReleaseConfig = {
    ...(merged.tolerance !== undefined ? { tolerance: merged.tolerance } : {}),
    ...(merged.preferredForms?.length ? { preferredForms: merged.preferredForms } : {}),
    ...(merged.flaggedForms && Object.keys(merged.flaggedForms).length > 0 ? { flaggedForms: new Map(Object.entries(merged.flaggedForms)) } : {}),
    ...(foundingDates.size > 0 ? { foundingDates } : {}),
  };
  const phrases: Record<string, readonly string[]> = {};
  const definitions: (MetricDefinition & { readonly phrases: readonly string[] })[] = [];
  for (const [id, value] of Object.entries(merged.metrics ?? {})) {
    if (Array.isArray(value)) phrases[id] = value;
    else {
      const m = value as ConfigMetric;
      definitions.push({ id, name: m.name, unit: m.unit, symmetric: m.symmetric ?? false, temporal: m.temporal ?? 'flow', phrases: m.phrases });
    }
  }
  const hasMetrics = Object.values(phrases).some((list) => list.length > 0) || definitions.length > 0;
  return {
    ...(gazetteer ? { gazetteer } : {}),
    ...(hasMetrics ? { metrics: buildMetricVocabulary(phrases, definitions) } : {}),
    release,
    checks: merged.checks ?? {},
    unknownParties,
    files: layers
      .filter((l) => l.config.files)
      .map((l) => ({ folder: l.folder, include: l.config.files?.include ?? [], exclude: l.config.files?.exclude ?? [] })),
    merged,
  };
}

/**
 * What the configuration says of a file (absolute path, forward slashes): `exclude` when a layer's
 * `files.exclude` matches it, `include` when a layer's `files.include` does, null when none speaks.
 * Skipping wins over including.
 */
export function fileVerdict(path: string, rules: readonly FileRules[]): 'include' | 'exclude' | null {
  let verdict: 'include' | null = null;
  for (const rule of rules) {
    const prefix = rule.folder.endsWith('/') ? rule.folder : `${rule.folder}/`;
    if (!path.startsWith(prefix)) continue;
    const relative = path.slice(prefix.length);
    if (rule.exclude.some((glob) => minimatch(relative, glob, { dot: true }))) return 'exclude';
    if (rule.include.some((glob) => minimatch(relative, glob, { dot: false }))) verdict = 'include';
  }
  return verdict;
}

/** The configuration that applies when there is no file: nothing changed. */
export const EMPTY_CONFIG: ResolvedConfig = { release: {}, checks: {}, files: [], merged: {}, unknownParties: new Set() };

/**
 * Warnings for the parties a file names that match no party in any of `configs` (the configurations
 * of the folders where the file applies, each with the parties of its parent and nearer files): what
 * the file says of them is silently not used. Warnings, not errors: the rest of the file applies.
 */
export function unknownPartyProblems(names: readonly ConfigPartyName[], configs: readonly ResolvedConfig[]): ConfigProblem[] {
  return names
    .filter((n) => configs.every((c) => c.unknownParties.has(n.name)))
    .map(({ name, key, ...place }) => ({
      ...place,
      severity: 'warning' as const,
      message: `"${name}" matches no known party (an id, a form the built-in data knows, or a party of "parties"), so ${
        key === 'aliases' ? 'these aliases are' : 'this founding date is'
      } not used`,
    }));
}

/** The options of `analyseDocument` a configuration sets. */
export function analysisOptions(config: ResolvedConfig): { gazetteer?: Gazetteer; metrics?: MetricVocabulary } {
  return { ...(config.gazetteer ? { gazetteer: config.gazetteer } : {}), ...(config.metrics ? { metrics: config.metrics } : {}) };
}
