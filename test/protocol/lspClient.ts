// A typed LSP client for the protocol tests and the benchmark (bench/run.mjs bundles it): starts
// the real bundled server (`dist/server.js --stdio`) and drives it over stdio, as any editor would.

import { spawn, type ChildProcess } from 'node:child_process';
import { basename, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type ProtocolConnection,
} from 'vscode-languageserver-protocol/node';
import {
  type ConfigurationParams,
  type Diagnostic,
  type PublishDiagnosticsParams,
  DocumentSymbolRequest,
  HoverRequest,
  InitializeRequest,
  SemanticTokensRequest,
  type DocumentSymbol,
  type Hover,
  type InitializeResult,
  type SemanticTokens,
  WorkDoneProgress,
  WorkDoneProgressCreateRequest,
} from 'vscode-languageserver-protocol';

export const REPO_ROOT = resolve(__dirname, '..', '..', '..');
export const SERVER_PATH = resolve(REPO_ROOT, 'dist', 'server.js');

export interface TestServer {
  readonly connection: ProtocolConnection;
  readonly process: ChildProcess;
  /** Settles when the server process has exited. */
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  readonly initializeResult: InitializeResult;
  /** The server's standard error (its last 50,000 characters or more). */
  readonly stderr: () => string;
  /** Every notification but diagnostics (which are below), `$/progress` included, in the order received. */
  readonly notifications: { method: string; params: unknown }[];
  /** The latest diagnostics published for each URI. */
  readonly diagnostics: Map<string, Diagnostic[]>;
  /** Every publishDiagnostics, in the order received (with the document version when the server sent one). */
  readonly published: PublishDiagnosticsParams[];
  /** Polls until `predicate` holds, or fails after `timeoutMs` with `what`. */
  waitFor<T>(what: string, probe: () => T | undefined | null | false, timeoutMs?: number): Promise<T>;
  open(uri: string, text: string, languageId?: string, version?: number): Promise<void>;
  change(uri: string, text: string, version: number): Promise<void>;
  hover(uri: string, line: number, character: number): Promise<Hover | null>;
  semanticTokens(uri: string): Promise<SemanticTokens | null>;
  documentSymbols(uri: string): Promise<DocumentSymbol[] | null>;
  /** Asks the server to shut down and exit; kills it when it has not within 5 s. */
  stop(): Promise<void>;
  /** Kills the server at once (SIGKILL). */
  kill(): void;
}

export interface StartOptions {
  /** The server's bundle; SERVER_PATH when not given. */
  readonly serverPath?: string;
  /** Absolute paths of workspace folders the server should index. */
  readonly workspaceFolders?: readonly string[];
  readonly initializationOptions?: unknown;
  /**
   * The `communique.*` settings the client holds, as `workspace/configuration` answers them (by
   * scope URI, '' for the window). When given, the client declares the `workspace.configuration`
   * capability, so the server pulls them; the object may be changed later (then send
   * `workspace/didChangeConfiguration`).
   */
  readonly settings?: Record<string, unknown>;
  /** Environment of the server process (added to this process's), e.g. NODE_OPTIONS for a --require hook. */
  readonly env?: Record<string, string>;
  /** Sees every notification as it arrives, diagnostics and `$/progress` included, with performance.now() then. */
  readonly onNotification?: (method: string, params: unknown, at: number) => void;
}

export async function startServer(options: StartOptions = {}): Promise<TestServer> {
  const child = spawn(process.execPath, [options.serverPath ?? SERVER_PATH, '--stdio'], {
    stdio: ['pipe', 'pipe', 'pipe'],
    ...(options.env ? { env: { ...process.env, ...options.env } } : {}),
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
    if (stderr.length > 100_000) stderr = stderr.slice(-50_000);
  });
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  const notifications: { method: string; params: unknown }[] = [];
  const diagnostics = new Map<string, Diagnostic[]>();
  const published: PublishDiagnosticsParams[] = [];
  const notified = (method: string, params: unknown): void => {
    if (method !== 'textDocument/publishDiagnostics') notifications.push({ method, params });
    options.onNotification?.(method, params, performance.now());
  };
  connection.onUnhandledNotification((n) => notified(n.method, n.params));
  connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
    diagnostics.set(params.uri, params.diagnostics);
    published.push(params);
    notified('textDocument/publishDiagnostics', params);
  });
  // Answer the server's requests as an editor would: progress tokens, registrations, configuration, questions.
  // $/progress is routed by token, never to the handler above: each token the server creates is listened to.
  connection.onRequest(WorkDoneProgressCreateRequest.type, ({ token }) => {
    connection.onProgress(WorkDoneProgress.type, token, (value) => notified('$/progress', { token, value }));
  });
  connection.onRequest('client/registerCapability', () => null);
  connection.onRequest('workspace/configuration', (params: ConfigurationParams) =>
    params.items.map((item) => options.settings?.[item.scopeUri ?? ''] ?? options.settings?.[''] ?? null),
  );
  connection.onRequest('window/showMessageRequest', () => null);
  connection.listen();
  const initializeResult = await connection.sendRequest(InitializeRequest.type, {
    processId: process.pid,
    rootUri: null,
    capabilities: {
      ...(options.settings !== undefined ? { workspace: { configuration: true } } : {}),
      window: { workDoneProgress: true },
      textDocument: {
        publishDiagnostics: { relatedInformation: true, versionSupport: true },
        hover: { contentFormat: ['markdown', 'plaintext'] },
        documentSymbol: { hierarchicalDocumentSymbolSupport: true },
        semanticTokens: {
          requests: { full: true, range: true },
          tokenTypes: [],
          tokenModifiers: [],
          formats: ['relative'],
        },
      },
    },
    workspaceFolders: options.workspaceFolders?.map((path) => ({ uri: pathToFileURL(path).href, name: basename(path) })) ?? null,
    ...(options.initializationOptions !== undefined ? { initializationOptions: options.initializationOptions } : {}),
  });
  await connection.sendNotification('initialized', {});
  return {
    connection,
    process: child,
    exited,
    initializeResult,
    stderr: () => stderr,
    notifications,
    diagnostics,
    published,
    async waitFor(what, probe, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const value = probe();
        if (value !== undefined && value !== null && value !== false) return value as never;
        if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
        await new Promise((resolve) => setTimeout(resolve, 10)); // poll, with a deadline
      }
    },
    open: (uri, text, languageId = 'press-release', version = 1) =>
      connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version, text } }),
    change: (uri, text, version) => connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] }),
    hover: (uri, line, character) => connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line, character } }),
    semanticTokens: (uri) => connection.sendRequest(SemanticTokensRequest.type, { textDocument: { uri } }),
    documentSymbols: async (uri) => (await connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } })) as DocumentSymbol[] | null,
    async stop() {
      const running = child.exitCode === null && child.signalCode === null;
      if (running) {
        try {
          await within(connection.sendRequest('shutdown'), 5000);
          await connection.sendNotification('exit');
        } catch {
          // gone, or too busy to answer: killed below
        }
      }
      connection.dispose();
      if (running && (await within(exited, 5000).catch(() => null)) === null) {
        child.kill('SIGKILL');
        await exited;
      }
    },
    kill() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    },
  };
}

/** `promise`, or a rejection once `ms` milliseconds have passed without it settling. */
export function within<T>(promise: Promise<T>, ms: number, what = 'the answer'): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    promise,
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${what} timed out after ${ms} ms`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

export interface DecodedToken {
  readonly line: number;
  readonly character: number;
  readonly length: number;
  readonly type: string;
  readonly modifiers: string[];
}

/** Decodes LSP relative semantic token data with the server's legend. */
export function decodeTokens(data: readonly number[], types: readonly string[], modifiers: readonly string[]): DecodedToken[] {
  const tokens: DecodedToken[] = [];
  let line = 0;
  let character = 0;
  for (let i = 0; i + 4 < data.length; i += 5) {
    const deltaLine = data[i]!;
    const deltaChar = data[i + 1]!;
    line += deltaLine;
    character = deltaLine === 0 ? character + deltaChar : deltaChar;
    const bits = data[i + 4]!;
    tokens.push({
      line,
      character,
      length: data[i + 2]!,
      type: types[data[i + 3]!] ?? `unknown(${data[i + 3]})`,
      modifiers: modifiers.filter((_, bit) => (bits & (1 << bit)) !== 0),
    });
  }
  return tokens;
}

/** Zero-based line and character of the first occurrence of `needle` (optionally the n-th). */
export function positionOf(text: string, needle: string, occurrence = 0): { line: number; character: number } {
  let index = -1;
  for (let i = 0; i <= occurrence; i++) {
    index = text.indexOf(needle, index + 1);
    if (index < 0) throw new Error(`"${needle}" (occurrence ${occurrence}) is not in the text`);
  }
  const before = text.slice(0, index);
  const line = before.split('\n').length - 1;
  return { line, character: index - (before.lastIndexOf('\n') + 1) };
}
