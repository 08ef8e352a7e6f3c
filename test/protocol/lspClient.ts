// A typed LSP client for protocol tests: starts the real bundled server (`dist/server.js --stdio`)
// and drives it over stdio, as any editor would.

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
} from 'vscode-languageserver-protocol';

export const REPO_ROOT = resolve(__dirname, '..', '..', '..');
export const SERVER_PATH = resolve(REPO_ROOT, 'dist', 'server.js');

export interface TestServer {
  readonly connection: ProtocolConnection;
  readonly process: ChildProcess;
  readonly initializeResult: InitializeResult;
  readonly stderr: () => string;
  readonly notifications: { method: string; params: unknown }[];
  /** The latest diagnostics published for each URI. */
  readonly diagnostics: Map<string, Diagnostic[]>;
  /** Every publishDiagnostics, in the order received (with the document version when the server sent one). */
  readonly published: PublishDiagnosticsParams[];
  /** Polls until `predicate` holds, or fails after `timeoutMs` with `what`. */
  waitFor<T>(what: string, probe: () => T | undefined | null | false, timeoutMs?: number): Promise<T>;
  open(uri: string, text: string, languageId?: string, version?: number): void;
  change(uri: string, text: string, version: number): void;
  hover(uri: string, line: number, character: number): Promise<Hover | null>;
  semanticTokens(uri: string): Promise<SemanticTokens | null>;
  documentSymbols(uri: string): Promise<DocumentSymbol[] | null>;
  stop(): Promise<void>;
}

export interface StartOptions {
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
}

export async function startServer(options: StartOptions = {}): Promise<TestServer> {
  const child = spawn(process.execPath, [SERVER_PATH, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'], ...(options.env ? { env: { ...process.env, ...options.env } } : {}) });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  const notifications: { method: string; params: unknown }[] = [];
  const diagnostics = new Map<string, Diagnostic[]>();
  const published: PublishDiagnosticsParams[] = [];
  connection.onUnhandledNotification((n) => notifications.push({ method: n.method, params: n.params }));
  connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
    diagnostics.set(params.uri, params.diagnostics);
    published.push(params);
  });
  // Answer the server's requests as an editor would: progress tokens, registrations, configuration.
  connection.onRequest('window/workDoneProgress/create', () => null);
  connection.onRequest('client/registerCapability', () => null);
  connection.onRequest('workspace/configuration', (params: ConfigurationParams) =>
    params.items.map((item) => options.settings?.[item.scopeUri ?? ''] ?? options.settings?.[''] ?? null),
  );
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
    open(uri, text, languageId = 'press-release', version = 1) {
      void connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version, text } });
    },
    change(uri, text, version) {
      void connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
    },
    hover: (uri, line, character) => connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line, character } }),
    semanticTokens: (uri) => connection.sendRequest(SemanticTokensRequest.type, { textDocument: { uri } }),
    documentSymbols: async (uri) => (await connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } })) as DocumentSymbol[] | null,
    async stop() {
      try {
        await connection.sendRequest('shutdown');
        await connection.sendNotification('exit');
      } catch {
        // the server may already be gone
      }
      connection.dispose();
      if (child.exitCode === null) {
        await new Promise<void>((done) => {
          const timer = setTimeout(() => {
            child.kill();
            done();
          }, 5000);
          child.once('exit', () => {
            clearTimeout(timer);
            done();
          });
        });
      }
    },
  };
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
