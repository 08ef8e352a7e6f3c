// Finding, reading and re-reading the configuration files (`.communique.json`,
// `communique.config.json`) that apply to a release: its folder's and every parent folder's, nearest
// winning. Shared by the server and the command line. A file that does not parse keeps its last good
// configuration in force and reports its problems; a file that names a party no folder where it
// applies knows is in force, with a warning.

import { readFileSync } from 'node:fs';
import { dirname, join, sep } from 'node:path';
import { CONFIG_FILE_NAMES, type ConfigFile, type ConfigPartyName, type ConfigProblem } from '../config/model';
import { parseConfig } from '../config/parse';
import { EMPTY_CONFIG, resolveConfig, unknownPartyProblems, type ConfigLayer, type ResolvedConfig } from '../config/resolve';

/** Reads a file's text; null when there is none. Injected so tests need no disk. */
export type ReadText = (path: string) => string | null;

export const readTextFromDisk: ReadText = (path) => {
  try {
    return readFileSync(path, 'utf8').replace(/^\uFEFF/, '');
  } catch {
    return null;
  }
};

/** One configuration file as last read. */
export interface ConfigFileState {
  readonly path: string;
  /** The text read; null when the file does not exist. */
  readonly text: string | null;
  readonly problems: readonly ConfigProblem[];
  /** The configuration in force: this text's when it is good, else the last good one, else null. */
  readonly config: ConfigFile | null;
  /** The parties this text names, when it is good. */
  readonly partyNames: readonly ConfigPartyName[];
}

function slashes(path: string): string {
  return path.replace(/\\/g, '/');
}

/** Resolutions of unsaved configuration texts kept at most: a few folders' worth while one file is typed in. */
const MAX_DRAFT_RESOLUTIONS = 16;

export class ConfigFiles {
  private readonly files = new Map<string, ConfigFileState>();
  private readonly resolved = new Map<string, ResolvedConfig>();
  /** Resolutions of unsaved texts (`problemsOf` with a text), apart from the files' own. */
  private readonly drafts = new Map<string, ResolvedConfig>();
  /** The configuration per folder of a release: thousands of releases share a few folders. */
  private readonly byFolder = new Map<string, ResolvedConfig>();
  /** Grows each time a file is read or re-read, so a caller can tell when to publish problems again. */
  generation = 0;

  /**
   * `explicit`: a file that applies everywhere as the nearest layer (the command line's `--config`),
   * on top of the files found beside and above a release.
   */
  constructor(
    private readonly read: ReadText = readTextFromDisk,
    private readonly explicit?: string,
  ) {}

  /** True for a path named like a configuration file. */
  static isConfigFile(path: string): boolean {
    const name = slashes(path).slice(slashes(path).lastIndexOf('/') + 1);
    return CONFIG_FILE_NAMES.includes(name);
  }

  /** The state of one configuration file, read on first use. */
  file(path: string): ConfigFileState {
    let state = this.files.get(path);
    if (!state) {
      state = this.load(path, this.read(path), null);
      this.files.set(path, state);
      if (state.text !== null) this.generation++;
    }
    return state;
  }

  /** Every configuration file read so far that exists. */
  known(): ConfigFileState[] {
    return [...this.files.values()].filter((f) => f.text !== null);
  }

  /**
   * Re-reads one file (after a change on disk, or with the editor's text). Returns true when the
   * configuration in force changed, so the releases under its folder need analysing again.
   */
  update(path: string, text: string | null = this.read(path)): boolean {
    const before = this.files.get(path);
    const state = this.load(path, text, before?.config ?? null);
    this.files.set(path, state);
    this.generation++;
    this.byFolder.clear();
    const changed = JSON.stringify(before?.config ?? null) !== JSON.stringify(state.config);
    if (changed) this.resolved.clear();
    return changed;
  }

  private load(path: string, text: string | null, lastGood: ConfigFile | null): ConfigFileState {
    if (text === null) return { path, text: null, problems: [], config: null, partyNames: [] };
    const parsed = parseConfig(text);
    return { path, text, problems: parsed.problems, config: parsed.config ?? lastGood, partyNames: parsed.partyNames };
  }

  /** The configuration files that apply to a file, parent first (their folders from the root down). */
  filesFor(filePath: string): ConfigFileState[] {
    return this.filesIn(dirname(filePath));
  }

  /** The configuration files that apply in a folder, parent first; `draft` stands for the file at its path. */
  private filesIn(start: string, draft?: ConfigFileState): ConfigFileState[] {
    const found: ConfigFileState[] = [];
    let folder = start;
    for (;;) {
      // Within one folder `.communique.json` is nearer than `communique.config.json`.
      for (const name of CONFIG_FILE_NAMES) {
        const path = join(folder, name);
        const state = draft?.path === path ? draft : this.file(path);
        if (state.text !== null) found.push(state);
      }
      const parent = dirname(folder);
      if (parent === folder) break;
      folder = parent;
    }
    found.reverse();
    if (this.explicit !== undefined && !found.some((f) => f.path === this.explicit)) {
      const state = draft?.path === this.explicit ? draft : this.file(this.explicit);
      if (state.text !== null) found.push(state);
    }
    return found;
  }

  /** The resolved configuration for a file (cached per set of layers). */
  configFor(filePath: string): ResolvedConfig {
    const folder = dirname(filePath);
    const known = this.byFolder.get(folder);
    if (known) return known;
    const resolved = this.resolve(filePath);
    this.byFolder.set(folder, resolved);
    return resolved;
  }

  private resolve(filePath: string): ResolvedConfig {
    return this.resolveLayers(layersOf(this.filesFor(filePath)), this.resolved);
  }

  /**
   * `resolveConfig(layers)`, kept in `cache` per set of layers. Unsaved texts go to a cache of their
   * own, emptied when it grows: a keystroke that leaves the parsed file as it was (a space, a
   * comment) reuses the last resolution, and typing does not keep one resolution per keystroke.
   */
  private resolveLayers(layers: readonly ConfigLayer[], cache: Map<string, ResolvedConfig>): ResolvedConfig {
    if (layers.length === 0) return EMPTY_CONFIG;
    const key = layers.map((l) => l.folder + '\u0000' + JSON.stringify(l.config)).join('\u0001');
    let resolved = this.resolved.get(key) ?? cache.get(key);
    if (!resolved) {
      resolved = resolveConfig(layers);
      if (cache === this.drafts && cache.size >= MAX_DRAFT_RESOLUTIONS) cache.clear();
      cache.set(key, resolved);
    }
    return resolved;
  }

  /**
   * The problems of one configuration file: the errors that make it unusable, or else a warning for
   * each party it names that matches none in any folder where it applies (its own, with the parties
   * of its parent and nearer files, and the folders of the files below it read so far; every folder
   * for the explicit file). `text`: the editor's unsaved text, checked as if it were saved, and not applied.
   */
  problemsOf(path: string, text?: string): ConfigProblem[] {
    const state = text === undefined ? this.file(path) : this.load(path, text, null);
    if (state.problems.length > 0 || state.partyNames.length === 0) return [...state.problems];
    const folder = dirname(path);
    const below = folder.endsWith(sep) ? folder : folder + sep;
    const folders = new Set([folder]);
    for (const other of this.known()) if (path === this.explicit || other.path.startsWith(below)) folders.add(dirname(other.path));
    // configFor takes a file and caches per folder: any name in the folder will do.
    const configs = [...folders].map((f) => (text === undefined ? this.configFor(join(f, CONFIG_FILE_NAMES[0]!)) : this.resolveLayers(layersOf(this.filesIn(f, state)), this.drafts)));
    return unknownPartyProblems(state.partyNames, configs);
  }
}

function layersOf(files: readonly ConfigFileState[]): ConfigLayer[] {
  return files.filter((f) => f.config !== null).map((f) => ({ folder: slashes(dirname(f.path)), config: f.config! }));
}
