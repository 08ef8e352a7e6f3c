// A small LSP client for the benchmark: starts `dist/server.js --stdio` and drives it as an editor
// would (test/protocol/lspClient.ts does the same for the tests; this one also advertises
// window.workDoneProgress, passes workspace folders and records what the server pushes, with times).

import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createProtocolConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver-protocol/node';

/**
 * Starts the server (with node options `execArgv`, e.g. ['--cpu-prof']). `onPush(method, params,
 * at)` sees every notification the server sends, `at` being performance.now() when it arrived.
 */
export function startServer(serverPath, onPush = () => {}, execArgv = []) {
  const child = spawn(process.execPath, [...execArgv, serverPath, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk) => {
    stderr += chunk.toString();
    if (stderr.length > 100_000) stderr = stderr.slice(-50_000);
  });
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  connection.onUnhandledNotification((n) => onPush(n.method, n.params, performance.now()));
  // $/progress does not reach the handler above: the connection routes it by token.
  connection.onUnhandledProgress((params) => onPush('$/progress', params, performance.now()));
  // Requests from the server to the client: accept progress tokens and anything else politely.
  connection.onRequest('window/workDoneProgress/create', () => null);
  connection.onRequest('client/registerCapability', () => null);
  connection.onRequest('workspace/configuration', (params) => (params?.items ?? []).map(() => null));
  connection.onRequest('window/showMessageRequest', () => null);
  connection.onError(() => {});
  connection.listen();

  return {
    connection,
    pid: child.pid,
    stderr: () => stderr,
    exited,
    /** initialize with the folders (file paths → URIs given by the caller), then `initialized`; resolves the time `initialized` was sent. */
    async initialize(workspaceFolders) {
      await connection.sendRequest('initialize', {
        processId: process.pid,
        rootUri: workspaceFolders.length > 0 ? workspaceFolders[0].uri : null,
        capabilities: {
          window: { workDoneProgress: true },
          textDocument: {
            synchronization: { didSave: false, dynamicRegistration: false },
            publishDiagnostics: { relatedInformation: true, versionSupport: true },
            hover: { contentFormat: ['markdown', 'plaintext'] },
            semanticTokens: { requests: { full: true, range: true }, tokenTypes: [], tokenModifiers: [], formats: ['relative'] },
          },
          workspace: { workspaceFolders: true },
        },
        workspaceFolders,
      });
      const at = performance.now();
      await connection.sendNotification('initialized', {});
      return at;
    },
    open(uri, text, version = 1, languageId = 'press-release') {
      return connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version, text } });
    },
    change(uri, text, version) {
      return connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
    },
    hover(uri, position) {
      return connection.sendRequest('textDocument/hover', { textDocument: { uri }, position });
    },
    semanticTokens(uri) {
      return connection.sendRequest('textDocument/semanticTokens/full', { textDocument: { uri } });
    },
    /** Resident set size and its peak, in bytes, from /proc (Linux). */
    memory() {
      try {
        const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
        const kb = (key) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN) * 1024;
        return { rss: kb('VmRSS'), peak: kb('VmHWM') };
      } catch {
        return { rss: NaN, peak: NaN };
      }
    },
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        try {
          await withTimeout(connection.sendRequest('shutdown'), 5000);
          await connection.sendNotification('exit');
        } catch {
          // gone, or too busy to answer: killed below
        }
      }
      connection.dispose();
      const done = await withTimeout(exited, 5000).catch(() => null);
      if (!done) {
        child.kill('SIGKILL');
        await exited;
      }
    },
    kill() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    },
  };
}

export function withTimeout(promise, ms, what = 'operation') {
  let timer;
  return Promise.race([
    promise,
    new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${what} timed out after ${ms} ms`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}
