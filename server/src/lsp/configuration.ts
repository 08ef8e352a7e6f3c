// The server's side of configuration: the workspace files (.communique.json, communique.config.json)
// with their problems published as diagnostics on the files themselves, the user's `communique.*`
// settings pulled per workspace folder, and the code actions that edit the workspace file. LSP code,
// beside server.ts; the reading, merging and validating are in workspace/configFiles.ts and config/.

import { CodeActionKind, type CodeAction, type Connection, type Diagnostic, DiagnosticSeverity, type TextEdit, type WorkspaceEdit } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { SAVE_CONFIG_COMMAND, type CheckSetting, type ConfigProblem } from '../config/model';
import { parseConfig } from '../config/parse';
import { EMPTY_CONFIG, fileVerdict, type ResolvedConfig } from '../config/resolve';
import { DEFAULT_SETTINGS, readSettings, SETTINGS_SECTION, type CommuniqueSettings } from '../config/settings';
import { configEdits, type KnowledgeAction, type SuppressAction } from '../features/configActions';
import type { DocumentAnalysis } from '../analysis/types';
import { ConfigFiles } from '../workspace/configFiles';
import { toRange } from './convert';

export interface FolderPath {
  readonly uri: string;
  readonly path: string;
}

export function pathOf(uri: string): string | null {
  try {
    return fileURLToPath(uri);
  } catch {
    return null;
  }
}

/** A configuration problem as a diagnostic on the configuration file. */
export function toConfigDiagnostic(text: string, problem: ConfigProblem): Diagnostic {
  const document = TextDocument.create('config', 'jsonc', 0, text);
  const error = problem.severity === 'error';
  return {
    range: { start: { line: problem.line - 1, character: problem.column - 1 }, end: document.positionAt(problem.end) },
    severity: error ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning,
    source: 'communique',
    code: 'configuration',
    message: error ? `${problem.message} (this configuration file is not applied; the last good one stays in force)` : problem.message,
  };
}

export class ServerConfiguration {
  readonly files = new ConfigFiles();
  private readonly settings = new Map<string, CommuniqueSettings>();
  /** Configuration files that show problems now. */
  private readonly published = new Set<string>();
  /**
   * The editor's text of the open configuration files, by path. Their problems are computed from it
   * as it is typed; the configuration applied to the releases is the file on disk, read when saved
   * (as the command line reads it), so a half-typed file never re-checks every release.
   */
  private readonly drafts = new Map<string, string>();
  private draftGeneration = 0;
  canPullSettings = false;

  constructor(
    private readonly connection: Connection,
    private readonly folders: () => readonly FolderPath[],
  ) {}

  /** The configuration that applies to a release (none for a URI that is no file). */
  configFor(uri: string): ResolvedConfig {
    const path = pathOf(uri);
    return path === null ? EMPTY_CONFIG : this.files.configFor(path);
  }

  /** What the workspace file makes of a path: included, skipped, or nothing said. */
  verdict(path: string): 'include' | 'exclude' | null {
    return fileVerdict(path.replace(/\\/g, '/'), this.files.configFor(path).files);
  }

  private folderOf(path: string): FolderPath | undefined {
    return this.folders().find((f) => path === f.path || path.startsWith(f.path.endsWith('/') ? f.path : `${f.path}/`));
  }

  /** The user's settings for a release: its workspace folder's. */
  settingsFor(uri: string): CommuniqueSettings {
    const path = pathOf(uri);
    const folder = path === null ? undefined : this.folderOf(path);
    return (folder && this.settings.get(folder.uri)) ?? this.settings.get('') ?? DEFAULT_SETTINGS;
  }

  /** Per-check severity or off for `runChecks`: the workspace file, then the user's disabled checks. */
  checkSettingsFor(uri: string): Record<string, CheckSetting> {
    const merged: Record<string, CheckSetting> = { ...this.configFor(uri).checks };
    for (const code of this.settingsFor(uri).checks.disabled) merged[code] = 'off';
    return merged;
  }

  /** Pulls `communique.*` for every workspace folder (and the window); true when something changed. */
  async pullSettings(): Promise<boolean> {
    if (!this.canPullSettings) return false;
    const scopes = ['', ...this.folders().map((f) => f.uri)];
    const items = scopes.map((scope) => (scope === '' ? { section: SETTINGS_SECTION } : { scopeUri: scope, section: SETTINGS_SECTION }));
    const values: unknown[] = await this.connection.workspace.getConfiguration(items);
    let changed = false;
    scopes.forEach((scope, i) => {
      const next = readSettings(values[i]);
      if (JSON.stringify(this.settings.get(scope)) !== JSON.stringify(next)) changed = true;
      this.settings.set(scope, next);
    });
    return changed;
  }

  /** Re-reads a configuration file; true when the configuration in force changed. */
  update(path: string): boolean {
    return this.files.update(path);
  }

  /**
   * Records the editor's text of an open configuration file (null when it is closed), for its
   * problems; false for a document that is no configuration file.
   */
  draft(uri: string, text: string | null): boolean {
    const path = pathOf(uri);
    if (path === null || !ConfigFiles.isConfigFile(path)) return false;
    if (text === null) this.drafts.delete(path);
    else this.drafts.set(path, text);
    this.draftGeneration++;
    return true;
  }

  /** True for an open configuration file: it is no release, and no release feature answers on it. */
  isDraft(uri: string): boolean {
    const path = pathOf(uri);
    return path !== null && this.drafts.has(path);
  }

  private publishedGeneration = -1;

  /** Publishes the problems again when a configuration file was read, re-read or edited since the last time. */
  publishProblemsIfRead(): void {
    // Both counters only grow, so their sum changes whenever either does.
    if (this.files.generation + this.draftGeneration !== this.publishedGeneration) this.publishProblems();
  }

  /** Publishes the problems of every configuration file read or open; clears the ones fixed or gone. */
  publishProblems(): void {
    this.publishedGeneration = this.files.generation + this.draftGeneration;
    const now = new Set<string>();
    for (const path of new Set([...this.files.known().map((f) => f.path), ...this.drafts.keys()])) {
      const draft = this.drafts.get(path);
      const text = draft ?? this.files.file(path).text;
      if (text === null) continue;
      const problems = this.files.problemsOf(path, draft);
      if (problems.length === 0) continue;
      const uri = pathToFileURL(path).href;
      now.add(uri);
      void this.connection.sendDiagnostics({ uri, diagnostics: problems.map((p) => toConfigDiagnostic(text, p)) });
    }
    for (const uri of this.published) if (!now.has(uri)) void this.connection.sendDiagnostics({ uri, diagnostics: [] });
    this.published.clear();
    for (const uri of now) this.published.add(uri);
  }

  /**
   * The file a knowledge action edits: the nearest configuration file of the release, or a new
   * `.communique.json` at the root of its workspace folder. Null when the nearest file is broken
   * (an edit would land in a file that is not applied), on disk or in the editor's unsaved text. An
   * open file is edited in its editor's text.
   */
  private targetFor(releasePath: string): { path: string; text: string | null } | null {
    const files = this.files.filesFor(releasePath);
    const nearest = files[files.length - 1];
    if (nearest) {
      const draft = this.drafts.get(nearest.path);
      // An edit of broken JSON could land anywhere in it: the user mends the text first.
      const broken = nearest.problems.length > 0 || (draft !== undefined && parseConfig(draft).problems.length > 0);
      return broken ? null : { path: nearest.path, text: draft ?? nearest.text };
    }
    const folder = this.folderOf(releasePath);
    return { path: join(folder ? folder.path : dirname(releasePath), '.communique.json'), text: null };
  }

  /** A code action that edits (or creates) the workspace file. */
  knowledgeAction(releaseUri: string, action: KnowledgeAction, analysis: DocumentAnalysis, diagnostics: readonly Diagnostic[]): CodeAction | null {
    const releasePath = pathOf(releaseUri);
    if (releasePath === null) return null;
    const target = this.targetFor(releasePath);
    if (!target) return null;
    const text = target.text ?? '';
    const document = TextDocument.create('config', 'jsonc', 0, text);
    const edits: TextEdit[] = configEdits(text, action).map((e) => ({
      range: { start: document.positionAt(e.offset), end: document.positionAt(e.offset + e.length) },
      newText: e.content,
    }));
    const uri = pathToFileURL(target.path).href;
    const edit: WorkspaceEdit =
      target.text === null
        ? { documentChanges: [{ kind: 'create', uri, options: { ignoreIfExists: true } }, { textDocument: { uri, version: null }, edits }] }
        : { changes: { [uri]: edits } };
    const range = action.kind === 'prefer' ? toRange(analysis, action.finding) : null;
    const fixed = range ? diagnostics.filter((d) => d.code === 'party-variant' && sameRange(d.range, range)) : [];
    // The edit leaves the file unsaved, and a file the editor opened out of sight stays so unseen:
    // the client saves it once the edit is applied (VS Code saves after a refactoring only when it edits several files).
    const save = { title: 'Save the configuration file', command: SAVE_CONFIG_COMMAND, arguments: [uri] };
    return { title: action.title, kind: CodeActionKind.QuickFix, ...(fixed.length > 0 ? { diagnostics: fixed } : {}), edit, command: save };
  }
}

/** A code action that inserts a suppression comment into the release. */
export function toSuppressAction(analysis: DocumentAnalysis, action: SuppressAction, diagnostics: readonly Diagnostic[]): CodeAction {
  const range = toRange(analysis, action.finding);
  const at = toRange(analysis, { start: action.insertion.offset, end: action.insertion.offset }).start;
  const fixed = diagnostics.filter((d) => d.code === action.code && sameRange(d.range, range));
  return {
    title: action.title,
    kind: CodeActionKind.QuickFix,
    ...(fixed.length > 0 ? { diagnostics: fixed } : {}),
    edit: { changes: { [analysis.uri]: [{ range: { start: at, end: at }, newText: action.insertion.newText }] } },
  };
}

function sameRange(a: Diagnostic['range'], b: Diagnostic['range']): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}
