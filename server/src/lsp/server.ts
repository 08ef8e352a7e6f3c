// The language server: capabilities, document sync, the workspace index and the handlers, on top
// of the pure analysis, checks and feature builders. With convert.ts, the only code that knows LSP.

import {
  CodeActionKind,
  type Diagnostic,
  DidChangeWatchedFilesNotification,
  ErrorCodes,
  FileChangeType,
  ResponseError,
  TextDocuments,
  TextDocumentSyncKind,
  type CancellationToken,
  type Connection,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { VERSION } from '../version';
import { fileName, primeReleaseProse } from '../checks/textual';
import type { ProseContext } from '../analysis/text';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { analyseDocument } from '../analysis/document';
import type { DocumentAnalysis } from '../analysis/types';
import type { Finding } from '../checks/finding';
import { ALL_CHECKS } from '../checks/index';
import { hashString } from '../checks/fingerprint';
import { FIX_ALL_CODES, fixAll, quickFixes } from '../features/codeActions';
import { hoverAt } from '../features/hover';
import { definition, figureLenses, highlights, references, relativeDateHints, workspaceSymbols } from '../features/navigation';
import { PeerIndex, workspaceView } from '../features/peers';
import { outline } from '../features/outline';
import { classify } from '../features/tokens';
import { DEFAULT_RELEASE_GLOBS, isPressReleaseFile, matchesReleaseGlobs, isTextFile } from '../workspace/files';
import { WorkspaceIndex, type Affected } from '../workspace/index';
import { CheckResults, mergeAffected, unchangedPrefix } from '../workspace/checkResults';
import { storedRelease } from '../workspace/storedRelease';
import { readRelease } from '../workspace/readRelease';
import { scanFolder } from '../workspace/scan';
import { ConfigFiles } from '../workspace/configFiles';
import { defaultGazetteer } from '../knowledge/gazetteer';
import { analysisOptions } from '../config/resolve';
import { knowledgeActions, suppressionActions } from '../features/configActions';
import { pathOf, ServerConfiguration, toSuppressAction } from './configuration';
import { type ParamField, paramsProblem } from './params';
import { toCodeLens, toHighlights, toInlayHint, toLocation, toWorkspaceSymbol } from './convert';
import { FIX_ALL_KIND, semanticTokensLegend, toCodeAction, toDiagnostic, toDocumentSymbols, toHover, toSemanticTokens } from './convert';

/** Documents longer than this (UTF-16 code units) are not analysed: a release is never 20 MB. */
export const MAX_ANALYSED_LENGTH = 20_000_000;

export interface ServerStatus {
  /** `checking`: every release is indexed (all features answer) and being checked in the background. */
  readonly state: 'starting' | 'indexing' | 'checking' | 'ready' | 'working';
  readonly message: string;
}

export const STATUS_NOTIFICATION = 'communique/status';

interface InitializationOptions {
  /** Globs of Markdown and plain-text files that are releases (the `communique.files` setting). */
  readonly files?: unknown;
}

interface WorkspaceFolderPath {
  readonly uri: string;
  readonly path: string;
}

export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  const index = new WorkspaceIndex(ALL_CHECKS);
  /** Releases by party, metric series and day: the peers hovers, references and lenses look up. */
  const peers = new PeerIndex();
  /**
   * Every release's findings, kept per check: the diagnostics, hovers and code actions all read them,
   * and a change re-runs only the checks it can affect (see workspace/checkResults.ts).
   */
  const results = new CheckResults(ALL_CHECKS);
  const findingsOf = (uri: string): readonly Finding[] => {
    const release = index.release(uri);
    return release ? results.run(release, index, configuration.checkSettingsFor(uri)).findings : [];
  };
  /** What the editor features read of the workspace. */
  const view = workspaceView(index, peers, findingsOf);
  const skipped = new Set<string>();
  let folders: WorkspaceFolderPath[] = [];
  /** The workspace files (.communique.json) and the user's settings; see configuration.ts. */
  const configuration = new ServerConfiguration(connection, () => folders);
  let globs: readonly string[] = DEFAULT_RELEASE_GLOBS;
  let watchRegistered = false;
  /** URIs whose diagnostics must be recomputed and published: edited releases and their dependents. */
  const pendingDiagnostics = new Set<string>();
  /**
   * URIs to re-check when nothing more urgent waits: every release after the first indexing or a
   * change of settings. An edit's dependents never wait behind them.
   */
  const backgroundDiagnostics = new Set<string>();
  let flushScheduled = false;
  /** True from the end of the first indexing until every release has been checked once. */
  let checkingWorkspace = false;
  /**
   * What each release currently shows (a hash of its diagnostics, and the document version they
   * were sent for): a removed release gets its diagnostics cleared, and diagnostics that did not
   * change are not sent again (a change re-checks many releases; most of them find the same).
   */
  const published = new Map<string, { readonly hash: number; readonly version: number | undefined }>();

  const status = (state: ServerStatus['state'], message: string): void => {
    void connection.sendNotification(STATUS_NOTIFICATION, { state, message } satisfies ServerStatus);
  };
  const logError = (what: string, error: unknown): void => {
    connection.console.error(`${what}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  };

  /**
   * Every handler answers: parameters that are not what the protocol defines (of the `fields` the
   * handler reads) with InvalidParams; when something inside it throws, the error is logged and
   * the answer is empty.
   */
  function safe<P, R>(name: string, fields: readonly ParamField[], handler: (params: P, token: CancellationToken) => R, empty: R) {
    return (params: P, token: CancellationToken): R | ResponseError => {
      const problem = paramsProblem(params, fields);
      if (problem) return new ResponseError(ErrorCodes.InvalidParams, `${name}: ${problem}`);
      try {
        if (token.isCancellationRequested) return empty;
        catchUp(); // a request sees every edit sent before it
        return handler(params, token);
      } catch (error) {
        logError(`${name} failed`, error);
        return empty;
      }
    };
  }

  // -------------------------------------------------------------------------------------------
  // The index: open documents override their files on disk.

  const tooLarge = (uri: string, length: number): boolean => {
    if (length <= MAX_ANALYSED_LENGTH) return false;
    if (!skipped.has(uri)) {
      skipped.add(uri);
      const message = `Communiqué skipped ${fileName(uri)}: ${Math.round(length / 1e6)} million characters is more than the ${MAX_ANALYSED_LENGTH / 1e6} million it analyses.`;
      connection.console.warn(message);
      void connection.window.showWarningMessage(message);
    }
    return true;
  };

  /**
   * Analyses and indexes a release, and queues the diagnostics it can change. In `bulk` (the first
   * indexing of the workspace) nothing is queued: every release is checked once when all are indexed,
   * rather than every earlier release again each time a later one shares a fact with it. `utf8`:
   * the text as read from its file, kept as it is (storedRelease.ts).
   */
  const indexText = (uri: string, text: string, version: number, bulk = false, utf8?: Buffer): void => {
    if (tooLarge(uri, text.length)) {
      forget(uri);
      return;
    }
    const config = configuration.configFor(uri);
    let context: ProseContext | undefined;
    const options = { ...analysisOptions(config), onContext: (c: ProseContext) => (context = c) };
    const analysis = analyseDocument(text, uri, options);
    const before = bulk ? undefined : index.release(uri)?.text;
    const release = storedRelease(uri, text, analysis, config.release, documents.get(uri) !== undefined, utf8);
    if (context) primeReleaseProse(release, context); // the index asks the checks for its keys next
    const affected = index.set(release, version, bulk);
    peers.set(release);
    if (bulk) return;
    queueDiagnostics(uri);
    queueAffected(mergeAffected(affected, results.pointingInto(uri, before === undefined ? 0 : unchangedPrefix(before, text))));
  };

  /**
   * Open documents edited since they were last analysed. Edits arrive faster than analysis while
   * someone types: a document is analysed once, at the version current when the diagnostics queue is
   * flushed or a request comes, and the versions in between are never analysed at all.
   */
  const edited = new Set<string>();

  const catchUp = (): void => {
    if (edited.size === 0) return;
    const uris = [...edited];
    edited.clear();
    for (const uri of uris) {
      const document = documents.get(uri);
      if (!document || index.version(uri) === document.version) continue;
      try {
        indexText(uri, document.getText(), document.version);
      } catch (error) {
        logError(`analysis of ${uri} failed`, error);
      }
    }
  };

  const forget = (uri: string): void => {
    const affected = mergeAffected(index.delete(uri), results.pointingInto(uri));
    peers.delete(uri);
    queueDiagnostics(uri);
    queueAffected(affected);
  };

  /** The analysis of an open document at its current version. */
  const analysisOf = (uri: string): { document: TextDocument; analysis: DocumentAnalysis } | null => {
    const document = documents.get(uri);
    if (!document || configuration.isDraft(uri)) return null;
    if (index.version(uri) !== document.version || !index.release(uri)) {
      indexText(uri, document.getText(), document.version);
    }
    const release = index.release(uri);
    return release ? { document, analysis: release.analysis } : null;
  };

  const folderOf = (path: string): WorkspaceFolderPath | undefined =>
    folders.find((folder) => path === folder.path || path.startsWith(folder.path.endsWith('/') ? folder.path : `${folder.path}/`));

  /** True when a file on disk is a release by the language's extensions or the globs. */
  const isReleasePath = (path: string): boolean => {
    const verdict = configuration.verdict(path); // the workspace file's files.include / files.exclude
    if (verdict === 'exclude') return false;
    if (isPressReleaseFile(path)) return true;
    if (!isTextFile(path)) return false;
    if (verdict === 'include') return true;
    const folder = folderOf(path);
    return folder !== undefined && matchesReleaseGlobs(path.slice(folder.path.length + 1), globs);
  };

  /**
   * A configuration file changed on disk: its problems are published on it, and when the
   * configuration in force changed every release under its folder is analysed and checked again
   * (from the editor's text when open, else from the text indexed).
   */
  const configChanged = (path: string): void => {
    const changed = configuration.update(path);
    configuration.publishProblems();
    if (!changed) return;
    const folder = path.slice(0, Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
    for (const release of [...index.releases()]) {
      const releasePath = pathOf(release.uri);
      if (releasePath === null || !releasePath.startsWith(folder)) continue;
      const document = documents.get(release.uri);
      if (!document && !isReleasePath(releasePath)) forget(release.uri);
      else if (document) indexText(release.uri, document.getText(), document.version);
      else indexText(release.uri, release.text, index.version(release.uri) ?? 0);
    }
  };

  const indexFromDisk = (uri: string, bulk = false): void => {
    if (documents.get(uri)) return; // the editor's text wins over the file
    let path: string;
    try {
      path = fileURLToPath(uri);
    } catch {
      return;
    }
    const read = readRelease(path);
    if (read.ok) {
      indexText(uri, read.text, 0, bulk, read.bytes);
    } else {
      forget(uri);
      connection.console.warn(`Communiqué: ${path}: ${read.reason}`);
    }
  };

  // -------------------------------------------------------------------------------------------
  // Diagnostics: pushed for every indexed release, recomputed for a changed release and for the
  // releases that share facts with it; bursts of edits in one tick are coalesced.

  /** Queues a release's diagnostics, re-running the checks `codes` (all of them when absent). */
  function queueDiagnostics(uri: string, codes?: Iterable<string>): void {
    pendingDiagnostics.add(uri);
    backgroundDiagnostics.delete(uri);
    results.invalidate(uri, codes);
    scheduleFlush();
  }

  function queueAffected(affected: Affected): void {
    for (const [uri, codes] of affected) queueDiagnostics(uri, codes);
  }

  /**
   * Queues every release behind anything more urgent. `recheck`: their checks run again (the
   * workspace was indexed anew); otherwise only the settings changed, and the kept outcomes are
   * shown with the new severities.
   */
  function queueBackgroundDiagnostics(uris: Iterable<string>, recheck: boolean): void {
    if (recheck) results.clear();
    else results.resettle();
    for (const uri of uris) if (!pendingDiagnostics.has(uri)) backgroundDiagnostics.add(uri);
    scheduleFlush();
  }

  function scheduleFlush(): void {
    if (!flushScheduled) {
      flushScheduled = true;
      setImmediate(flushDiagnostics);
    }
  }

  /**
   * How long one turn of the event loop may spend checking queued releases before it yields, so
   * requests and edits are answered while a whole workspace is being checked. A budget in time, not
   * in releases: one release's checks may take 0.1 ms or 50 ms depending on how many peers it has.
   */
  const CHECK_BUDGET_MS = 15;
  /**
   * The same for the background check of the whole workspace alone: shorter, because an edit that
   * arrives meanwhile waits for the turn to end (the benchmark's edits waited 38 ms at 15).
   */
  const BACKGROUND_BUDGET_MS = 4;
  /** Releases filed under their peer keys between two looks at the clock. */
  const PEERS_PER_STEP = 50;

  function flushDiagnostics(): void {
    catchUp(); // while flushScheduled is still true, so the releases it queues are checked in this turn
    flushScheduled = false;
    configuration.publishProblemsIfRead();
    // Open documents first: they are what the user is looking at; then what an edit affected;
    // then the background re-check of the whole workspace.
    const open: string[] = [];
    const closed: string[] = [];
    for (const uri of pendingDiagnostics) (documents.get(uri) ? open : closed).push(uri);
    const started = performance.now();
    const overBudget = (): boolean => performance.now() - started > CHECK_BUDGET_MS;
    for (const uri of open) {
      pendingDiagnostics.delete(uri);
      publishDiagnostics(uri);
      if (overBudget()) break;
    }
    // The connection writes messages in later turns of the event loop: the open documents'
    // diagnostics go out before the releases an edit affected are checked, not after.
    if (open.length > 0 && pendingDiagnostics.size > 0) {
      scheduleFlush();
      return;
    }
    for (const uri of closed) {
      if (!pendingDiagnostics.delete(uri)) continue;
      publishDiagnostics(uri);
      if (overBudget()) break;
    }
    const backgroundOver = (): boolean => performance.now() - started > BACKGROUND_BUDGET_MS;
    // Releases indexed in bulk are filed under their peer keys in the same turns (a hover files
    // the rest at once when it comes first).
    let peersLeft = true;
    while (peersLeft && !backgroundOver()) peersLeft = peers.fileSome(PEERS_PER_STEP);
    if (!backgroundOver()) {
      for (const uri of backgroundDiagnostics) {
        if (unsent >= MAX_UNSENT) break;
        backgroundDiagnostics.delete(uri);
        publishDiagnostics(uri);
        if (backgroundOver()) break;
      }
    }
    if (checkingWorkspace && backgroundDiagnostics.size === 0) {
      checkingWorkspace = false;
      index.forgetPerKey();
      status('ready', `Communiqué: ${index.size} release${index.size === 1 ? '' : 's'} checked`);
    }
    // Background work waits while the client has not taken what was sent (see `send`).
    if (pendingDiagnostics.size > 0 || (backgroundDiagnostics.size > 0 && unsent < MAX_UNSENT)) scheduleFlush();
  }

  /**
   * Diagnostics handed to the connection but not yet written to the editor's end (transport.ts
   * acknowledges each message once written). A background check of a large workspace produces
   * diagnostics faster than the editor takes them, and the diagnostics of the release being typed
   * in would wait behind hundreds of them (the benchmark measured 60 ms). So background checking
   * pauses while more than a few are unsent, and resumes as they go out.
   */
  let unsent = 0;
  const MAX_UNSENT = 2;

  function send(params: { uri: string; diagnostics: Diagnostic[]; version?: number }): void {
    unsent++;
    connection
      .sendDiagnostics(params)
      .catch(() => undefined) // the connection is gone: nothing to show anything to
      .finally(() => {
        unsent--;
        if (unsent === MAX_UNSENT - 1 && backgroundDiagnostics.size > 0) scheduleFlush();
      });
  }

  function publishDiagnostics(uri: string): void {
    try {
      const release = index.release(uri);
      if (!release) {
        if (published.delete(uri)) send({ uri, diagnostics: [] });
        return;
      }
      const { findings, failures } = results.run(release, index, configuration.checkSettingsFor(uri));
      for (const failure of failures) logError(`the ${failure.code} check failed on ${uri}`, failure.error);
      const diagnostics = findings.map((finding) => toDiagnostic(release.analysis, finding, (other) => index.release(other)?.analysis));
      const version = documents.get(uri)?.version;
      if (diagnostics.length === 0) {
        if (!published.delete(uri)) return; // nothing shown before, nothing to show now
      } else {
        const hash = hashString(JSON.stringify(diagnostics));
        const before = published.get(uri);
        if (before?.hash === hash && before.version === version) return; // shown already
        published.set(uri, { hash, version });
      }
      send({ uri, diagnostics, ...(version !== undefined ? { version } : {}) });
    } catch (error) {
      logError(`diagnostics for ${uri} failed`, error);
    }
  }

  // -------------------------------------------------------------------------------------------
  // Start-up: index every release of the workspace folders, in slices, with progress.

  async function indexWorkspace(): Promise<void> {
    if (folders.length === 0) {
      status('ready', 'Communiqué is ready');
      return;
    }
    status('indexing', 'Indexing the releases of the workspace');
    const progress = await connection.window.createWorkDoneProgress().catch(() => null);
    progress?.begin('Communiqué', 0, 'Finding releases…', false);
    const files: string[] = [];
    for (const folder of folders) {
      const scan = scanFolder(folder.path, globs, (path) => configuration.verdict(path));
      files.push(...scan.files);
      for (const { path, reason } of scan.unreadable) connection.console.warn(`Communiqué could not read ${path}: ${reason}`);
    }
    const started = Date.now();
    const SLICE = 200; // releases per slice, so requests are answered while a large archive is read
    for (let i = 0; i < files.length; i += SLICE) {
      for (const path of files.slice(i, i + SLICE)) indexFromDisk(pathToFileURL(path).href, true);
      const done = Math.min(i + SLICE, files.length);
      progress?.report(Math.round((done / files.length) * 100), `${done} of ${files.length} releases`);
      await new Promise((resolve) => setImmediate(resolve));
    }
    progress?.done();
    configuration.publishProblems(); // the configuration files read while indexing
    // Every release is indexed: check each once, in turns, behind anything an edit asks for.
    queueBackgroundDiagnostics(Array.from(index.releases(), (release) => release.uri), true);
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    connection.console.info(`Communiqué indexed ${files.length} releases in ${seconds} s`);
    checkingWorkspace = true;
    // The flush queued above says "ready" once the check of every release is done.
    status('checking', `Communiqué: ${files.length} release${files.length === 1 ? '' : 's'} indexed, checking them`);
  }

  // -------------------------------------------------------------------------------------------
  // Protocol.

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    const options = (params.initializationOptions ?? {}) as InitializationOptions;
    if (Array.isArray(options.files) && options.files.every((g) => typeof g === 'string')) globs = options.files as string[];
    const workspaceFolders = params.workspaceFolders ?? (params.rootUri ? [{ uri: params.rootUri, name: 'root' }] : []);
    folders = workspaceFolders.flatMap((folder) => {
      try {
        return [{ uri: folder.uri, path: fileURLToPath(folder.uri) }];
      } catch {
        return []; // not a file: URI (a virtual workspace): nothing to read from disk
      }
    });
    watchRegistered = params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    configuration.canPullSettings = params.capabilities.workspace?.configuration === true;
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        hoverProvider: true,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND, ...FIX_ALL_CODES.map((code) => `${FIX_ALL_KIND}.${code}`)] },
        referencesProvider: true,
        definitionProvider: true,
        documentHighlightProvider: true,
        workspaceSymbolProvider: true,
        codeLensProvider: { resolveProvider: false },
        inlayHintProvider: true,
        documentSymbolProvider: { label: 'Communiqué' },
        semanticTokensProvider: { legend: semanticTokensLegend, full: true, range: true },
      },
      serverInfo: { name: 'communique', version: VERSION },
    };
  });

  connection.onInitialized(() => {
    if (watchRegistered) {
      void connection.client.register(DidChangeWatchedFilesNotification.type, {
        watchers: [{ globPattern: '**/*.{md,markdown,txt,release}' }, { globPattern: '**/{.communique.json,communique.config.json}' }],
      });
    }
    // The user's settings first (they decide which checks run), then the releases.
    configuration
      .pullSettings()
      .catch((error: unknown) => logError('reading the communique settings failed', error))
      .finally(() => indexWorkspace().catch((error: unknown) => logError('indexing the workspace failed', error)));
  });

  // A change of the communique.* settings: pulled again, every release re-checked, no restart.
  connection.onDidChangeConfiguration(() => {
    configuration
      .pullSettings()
      .then(() => queueBackgroundDiagnostics(Array.from(index.releases(), (release) => release.uri), false))
      .catch((error: unknown) => logError('reading the communique settings failed', error));
  });

  connection.onDidChangeWatchedFiles((params) => {
    for (const change of params.changes) {
      try {
        const configPath = pathOf(change.uri);
        if (configPath !== null && ConfigFiles.isConfigFile(configPath)) {
          configChanged(configPath);
          continue;
        }
        if (change.type === FileChangeType.Deleted) {
          if (!documents.get(change.uri)) forget(change.uri);
          continue;
        }
        let path: string;
        try {
          path = fileURLToPath(change.uri);
        } catch {
          continue;
        }
        if (isReleasePath(path)) indexFromDisk(change.uri);
      } catch (error) {
        logError(`a file event for ${change.uri} failed`, error);
      }
    }
  });

  /** An open configuration file: its problems come from the editor's text at the next flush (see configuration.ts). */
  const configDraft = (uri: string, text: string | null): boolean => {
    if (!configuration.draft(uri, text)) return false;
    scheduleFlush();
    return true;
  };

  documents.onDidOpen(({ document }) => {
    if (configDraft(document.uri, document.getText())) return;
    status('working', `Analysing ${fileName(document.uri)}`);
    safe('analysis', [], () => indexText(document.uri, document.getText(), document.version), undefined)(undefined, NEVER_CANCELLED);
    const release = index.release(document.uri);
    status('ready', release ? summaryMessage(release.analysis) : 'Communiqué is ready');
  });
  documents.onDidChangeContent(({ document }) => {
    if (configDraft(document.uri, document.getText())) return;
    edited.add(document.uri);
    queueDiagnostics(document.uri); // analysed when the queue is flushed, at the version current then
  });
  documents.onDidClose(({ document }) => {
    if (configDraft(document.uri, null)) return;
    skipped.delete(document.uri);
    // Back to what is on disk: unsaved edits are gone, and a document that is no release file is forgotten.
    let path: string | null = null;
    try {
      path = fileURLToPath(document.uri);
    } catch {
      path = null;
    }
    if (path !== null && isReleasePath(path)) indexFromDisk(document.uri);
    else forget(document.uri);
  });

  connection.languages.semanticTokens.on(
    safe(
      'semantic tokens',
      ['textDocument'],
      (params) => {
        const found = analysisOf(params.textDocument.uri);
        if (!found) return { data: [] };
        return toSemanticTokens(found.document.getText(), found.analysis, classify(found.analysis));
      },
      { data: [] },
    ),
  );
  connection.languages.semanticTokens.onRange(
    safe(
      'semantic tokens (range)',
      ['textDocument', 'range'],
      (params) => {
        const found = analysisOf(params.textDocument.uri);
        if (!found) return { data: [] };
        const range = { start: found.document.offsetAt(params.range.start), end: found.document.offsetAt(params.range.end) };
        return toSemanticTokens(found.document.getText(), found.analysis, classify(found.analysis), range);
      },
      { data: [] },
    ),
  );

  connection.onHover(
    safe(
      'hover',
      ['textDocument', 'position'],
      (params) => {
        const found = analysisOf(params.textDocument.uri);
        if (!found) return null;
        const card = hoverAt(found.analysis, found.document.offsetAt(params.position), view, configuration.configFor(params.textDocument.uri).metrics);
        return card ? toHover(found.analysis, card) : null;
      },
      null,
    ),
  );

  connection.onCodeAction(
    safe(
      'code actions',
      ['textDocument', 'range', 'codeActionContext'],
      (params) => {
        const found = analysisOf(params.textDocument.uri);
        const release = index.release(params.textDocument.uri);
        if (!found || !release) return [];
        const only = params.context.only;
        const wants = (kind: string): boolean => (only ?? [CodeActionKind.QuickFix]).some((k) => kind === k || kind.startsWith(`${k}.`));
        const findings = findingsOf(release.uri);
        const sent = params.context.diagnostics;
        const actions = [];
        if (wants(CodeActionKind.QuickFix)) {
          const range = { start: found.document.offsetAt(params.range.start), end: found.document.offsetAt(params.range.end) };
          // The server's today, for a release that names no day to propose as its date.
          const today = new Date().toISOString().slice(0, 10);
          for (const fix of quickFixes(release, findings, range, index, { today })) actions.push(toCodeAction(found.analysis, fix, sent));
          // The workspace's knowledge (edits .communique.json), then silencing one finding with a comment.
          const gazetteer = configuration.configFor(release.uri).gazetteer ?? defaultGazetteer();
          for (const action of knowledgeActions(release, findings, range, (id) => gazetteer.parties.has(id))) {
            const codeAction = configuration.knowledgeAction(release.uri, action, found.analysis, sent);
            if (codeAction) actions.push(codeAction);
          }
          for (const action of suppressionActions(release, findings, range)) actions.push(toSuppressAction(found.analysis, action, sent));
        }
        if (wants(FIX_ALL_KIND)) {
          const all = fixAll(release, findings);
          if (all) actions.push(toCodeAction(found.analysis, all, sent));
        }
        // One kind at a time only when asked for by its own kind (the "fix all of this kind" commands).
        for (const code of FIX_ALL_CODES) {
          if (!only?.includes(`${FIX_ALL_KIND}.${code}`)) continue;
          const all = fixAll(release, findings, code);
          if (all) actions.push(toCodeAction(found.analysis, all, sent));
        }
        return actions;
      },
      [],
    ),
  );

  const indexedAnalysis = (uri: string): DocumentAnalysis | undefined => index.release(uri)?.analysis;

  connection.onReferences(
    safe(
      'references',
      ['textDocument', 'position'],
      (params) => {
        const found = analysisOf(params.textDocument.uri);
        if (!found) return [];
        return references(found.analysis, found.document.offsetAt(params.position), view).flatMap((l) => toLocation(l, indexedAnalysis) ?? []);
      },
      [],
    ),
  );

  connection.onDefinition(
    safe(
      'definition',
      ['textDocument', 'position'],
      (params) => {
        const found = analysisOf(params.textDocument.uri);
        if (!found) return null;
        const place = definition(found.analysis, found.document.offsetAt(params.position), view);
        return place ? toLocation(place, indexedAnalysis) : null;
      },
      null,
    ),
  );

  connection.onDocumentHighlight(
    safe(
      'highlights',
      ['textDocument', 'position'],
      (params) => {
        const found = analysisOf(params.textDocument.uri);
        if (!found) return [];
        return toHighlights(found.analysis, highlights(found.analysis, found.document.offsetAt(params.position)));
      },
      [],
    ),
  );

  connection.onWorkspaceSymbol(
    safe(
      'workspace symbols',
      ['query'],
      (params) => workspaceSymbols(params.query, view, (key) => peers.count(key), (uri) => configuration.configFor(uri).metrics).flatMap((s) => toWorkspaceSymbol(s, indexedAnalysis) ?? []),
      [],
    ),
  );

  connection.onCodeLens(
    safe(
      'code lenses',
      ['textDocument'],
      (params) => {
        const found = analysisOf(params.textDocument.uri);
        if (!found) return [];
        return figureLenses(found.analysis, view).map((lens) => toCodeLens(found.analysis, lens, indexedAnalysis));
      },
      [],
    ),
  );

  // Relative-date hints are always computed; the client shows them only when
  // `communique.inlayHints.relativeDates` is on (its middleware reads the setting).
  connection.languages.inlayHint.on(
    safe(
      'inlay hints',
      ['textDocument', 'range'],
      (params) => {
        const found = analysisOf(params.textDocument.uri);
        if (!found) return [];
        const range = { start: found.document.offsetAt(params.range.start), end: found.document.offsetAt(params.range.end) };
        return relativeDateHints(found.analysis, range).map((hint) => toInlayHint(found.analysis, hint));
      },
      [],
    ),
  );

  connection.onDocumentSymbol(
    safe(
      'document symbols',
      ['textDocument'],
      (params) => {
        const found = analysisOf(params.textDocument.uri);
        if (!found) return [];
        return toDocumentSymbols(found.analysis, outline(found.analysis, configuration.configFor(params.textDocument.uri).metrics));
      },
      [],
    ),
  );

  documents.listen(connection);
  connection.listen();
}


const NEVER_CANCELLED: CancellationToken = { isCancellationRequested: false, onCancellationRequested: () => ({ dispose() {} }) };


function summaryMessage(analysis: DocumentAnalysis): string {
  const n = (count: number, one: string, many: string): string => `${count} ${count === 1 ? one : many}`;
  return `${fileName(analysis.uri)}: ${n(analysis.figures.length, 'figure', 'figures')}, ${n(analysis.dates.length, 'date', 'dates')}, ${n(
    analysis.partySummaries.length,
    'party',
    'parties',
  )}`;
}
