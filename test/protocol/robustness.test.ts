// The server over stdio survives bad input and keeps answering: malformed and unknown requests,
// raw bytes that are not JSON-RPC, documents it never saw, edits faster than analysis, and a
// workspace with a 50 MB file, a binary file, a pipe, a dangling link, a file gone before it is
// read and a broken configuration file.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { MarkupContent } from 'vscode-languageserver-protocol';
import { positionOf, REPO_ROOT, startServer, type TestServer } from './lspClient';

const PAIR = (value: string): string =>
  [
    'Phnom Penh, 23 October 2021',
    '',
    'Two-way trade between Cambodia and Viet Nam reached USD 5.3 billion in 2020.',
    `Two-way trade between Cambodia and Viet Nam reached USD ${value} billion in 2020.`,
    '',
  ].join('\n');

let root: string;
let server: TestServer;

const logged = (): string[] =>
  server.notifications
    .filter((n) => n.method === 'window/logMessage' || n.method === 'window/showMessage')
    .map((n) => (n.params as { message: string }).message);

before(async () => {
  root = mkdtempSync(join(tmpdir(), 'communique-robust-'));
  const releases = join(root, 'releases');
  mkdirSync(releases);
  writeFileSync(join(releases, 'good.md'), PAIR('107'));
  // 50 MB of plausible text: over the limit, so skipped with the reason, never read into the index.
  const line = 'Two-way trade between Cambodia and Viet Nam reached USD 5.3 billion in 2020. ';
  writeFileSync(join(releases, 'huge.md'), line.repeat(Math.ceil(50e6 / line.length)));
  writeFileSync(join(releases, 'scan.md'), Buffer.from([0x25, 0x50, 0x44, 0x46, 0x2d, 0x00, 0x01, 0x02, 0xff]));
  symlinkSync(join(root, 'gone.md'), join(releases, 'dangling.md'));
  if (process.platform !== 'win32') spawnSync('mkfifo', [join(releases, 'pipe.md')]);
  writeFileSync(join(root, '.communique.json'), '{ "checks": { "glued-words": ');
  server = await startServer({ workspaceFolders: [root] });
});

after(async () => {
  await server?.stop();
  if (root) rmSync(root, { recursive: true, force: true });
});

/** A hover on a fresh document answers with the figure's value: the server still reads, analyses and answers. */
async function stillAnswers(what: string): Promise<void> {
  const uri = 'file:///probe/alive.release.md';
  const text = 'Trade reached USD 5.33 billion.\n';
  server.open(uri, text);
  const { line, character } = positionOf(text, 'USD');
  const hover = await server.hover(uri, line, character + 1);
  assert.ok(hover, `no hover after ${what}`);
  assert.match((hover.contents as MarkupContent).value, /USD 5,330,000,000/, `the hover after ${what}`);
  assert.deepEqual(hover.range, { start: { line, character }, end: { line, character: character + 'USD 5.33 billion'.length } }, `the hover's range after ${what}`);
  assert.equal(server.process.exitCode, null, `the server exited after ${what}`);
}

test('indexing skips the 50 MB file and the binary file with the reason, and indexes the rest', async () => {
  const good = pathToFileURL(join(root, 'releases', 'good.md')).href;
  // The good release states two values for one claim: its diagnostics show it was indexed and checked.
  const diagnostics = await server.waitFor('diagnostics of good.md', () => server.diagnostics.get(good), 60_000);
  assert.ok(diagnostics.some((d) => d.code === 'figure-conflict'), JSON.stringify(diagnostics));
  await server.waitFor('the skip messages', () => logged().some((m) => m.includes('scan.md')) && logged().some((m) => m.includes('huge.md')), 60_000);
  const messages = logged();
  assert.ok(messages.some((m) => /huge\.md: skipped: 5\d\.\d MB is larger than the 20 MB a release may be/.test(m)), messages.join('\n'));
  assert.ok(messages.some((m) => /scan\.md: skipped: a binary file/.test(m)), messages.join('\n'));
  await stillAnswers('indexing a workspace with a 50 MB file, a binary file, a pipe, a dangling link and a broken configuration');
});

test('a file changed on disk that is gone before it is read, or is a pipe, is reported; the server keeps answering', async () => {
  const gone = pathToFileURL(join(root, 'releases', 'deleted.md')).href;
  const pipe = pathToFileURL(join(root, 'releases', 'pipe.md')).href;
  const before = logged().length;
  await server.connection.sendNotification('workspace/didChangeWatchedFiles', {
    changes: [
      { uri: gone, type: 1 },
      { uri: pipe, type: 2 },
      { uri: 'not a uri at all', type: 2 },
      { uri: pathToFileURL(join(root, 'releases', 'dangling.md')).href, type: 1 },
    ],
  });
  await server.waitFor('the messages about the deleted file and the pipe', () => {
    const recent = logged().slice(before);
    return recent.some((m) => m.includes('deleted.md') && m.includes('no such file')) && (process.platform === 'win32' || recent.some((m) => m.includes('pipe.md') && m.includes('not a regular file')));
  });
  await stillAnswers('file events for missing files and a pipe');
});

// JSON-RPC 2.0 (section 5.1): -32601 the method does not exist, -32602 invalid method parameters.
const METHOD_NOT_FOUND = -32601;
const INVALID_PARAMS = -32602;

/** The server's answer to a request: its result, or its error's code. */
const answerTo = (method: string, params: unknown): Promise<{ result: unknown } | { code: number }> =>
  server.connection.sendRequest(method, params).then(
    (result) => ({ result }),
    (error: { code: number }) => ({ code: error.code }),
  );

test('malformed requests are answered InvalidParams, unknown methods MethodNotFound, requests about unknown documents empty', async () => {
  const uri = 'file:///probe/malformed.release.md';
  const text = PAIR('9');
  server.open(uri, text);
  const figure = positionOf(text, 'USD 9 billion');
  // Parameters that are not what LSP defines: positions are two uintegers (0 to 2^31 - 1), a
  // document is named by a string URI, a code action needs a range and a context, and parameters
  // are passed by name (an object), never by position (an array, or null).
  const malformed: [string, unknown][] = [
    ['textDocument/hover', { textDocument: { uri }, position: { line: 'x', character: null } }],
    ['textDocument/hover', { textDocument: { uri }, position: { line: -5, character: 0 } }],
    ['textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 1e12 } }],
    ['textDocument/hover', { textDocument: {}, position: { line: 0, character: 0 } }],
    ['textDocument/hover', { textDocument: { uri } }],
    ['textDocument/hover', null],
    ['textDocument/semanticTokens/full', { textDocument: { uri: 42 } }],
    ['textDocument/semanticTokens/range', { textDocument: { uri }, range: { start: { line: 0 }, end: null } }],
    ['textDocument/documentSymbol', { textDocument: 'nope' }],
    ['textDocument/codeAction', { textDocument: { uri }, range: null, context: null }],
    ['textDocument/codeAction', { textDocument: { uri }, range: { start: figure, end: figure }, context: {} }],
    ['textDocument/references', { textDocument: { uri }, position: [figure.line, figure.character], context: { includeDeclaration: true } }],
    ['textDocument/definition', [1, 2, 3]],
    ['textDocument/inlayHint', { textDocument: { uri }, range: 'all' }],
    ['workspace/symbol', { query: 7 }],
  ];
  for (const [method, params] of malformed) {
    assert.deepEqual(await answerTo(method, params), { code: INVALID_PARAMS }, `${method} ${JSON.stringify(params)}`);
  }
  assert.deepEqual(await answerTo('communique/noSuchMethod', {}), { code: METHOD_NOT_FOUND });

  // Well-formed requests about a document the server never saw: nothing there, so empty answers.
  const unseen = { uri: 'file:///never/seen.release.md' };
  const start = { line: 0, character: 0 };
  const everywhere = { start, end: { line: 10, character: 0 } };
  const emptyAnswers: [string, unknown, unknown][] = [
    ['textDocument/hover', { textDocument: unseen, position: start }, null],
    ['textDocument/definition', { textDocument: unseen, position: start }, null],
    ['textDocument/references', { textDocument: unseen, position: start, context: { includeDeclaration: true } }, []],
    ['textDocument/documentHighlight', { textDocument: unseen, position: start }, []],
    ['textDocument/documentSymbol', { textDocument: unseen }, []],
    ['textDocument/semanticTokens/full', { textDocument: unseen }, { data: [] }],
    ['textDocument/semanticTokens/range', { textDocument: unseen, range: everywhere }, { data: [] }],
    ['textDocument/codeAction', { textDocument: unseen, range: everywhere, context: { diagnostics: [] } }, []],
    ['textDocument/codeLens', { textDocument: unseen }, []],
    ['textDocument/inlayHint', { textDocument: unseen, range: everywhere }, []],
  ];
  for (const [method, params, empty] of emptyAnswers) {
    assert.deepEqual(await answerTo(method, params), { result: empty }, `${method} about a document the server never saw`);
  }
  // Well-formed but pointing nowhere in a known document: a range that ends before it starts holds
  // no token, and a position past the last line holds no figure.
  assert.deepEqual(await answerTo('textDocument/semanticTokens/range', { textDocument: { uri }, range: { start: { line: 3, character: 0 }, end: start } }), { result: { data: [] } });
  assert.deepEqual(await answerTo('textDocument/hover', { textDocument: { uri }, position: { line: 1000, character: 0 } }), { result: null });

  // Notifications with nonsense: no answer is due, and nothing may break.
  await server.connection.sendNotification('textDocument/didOpen', { textDocument: null });
  await server.connection.sendNotification('textDocument/didChange', { textDocument: { uri: 'file:///never/opened.md', version: 3 }, contentChanges: [{ text: 'x' }] });
  await server.connection.sendNotification('textDocument/didClose', { textDocument: { uri: 'file:///never/opened.md' } });
  await server.connection.sendNotification('communique/noSuchNotification', { a: 1 });
  // The document opened before all this still answers with its figure.
  const hover = await server.hover(uri, figure.line, figure.character + 4);
  assert.match((hover?.contents as MarkupContent | undefined)?.value ?? '', /USD 9,000,000,000/);
  await stillAnswers('malformed requests and notifications');
});

test('raw bytes that are not JSON-RPC do not bring the server down', async () => {
  const frame = (body: string): string => `Content-Length: ${Buffer.byteLength(body, 'utf8')}\r\n\r\n${body}`;
  const stdin = server.process.stdin!;
  // A body that is not JSON, JSON that is no message, a message of another protocol version, an empty batch.
  for (const body of ['{"jsonrpc": "2.0", "id": 9001, "method": ', '{"hello": "world"}', '{"jsonrpc":"1.0","id":9002,"method":"textDocument/hover","params":{}}', '[]', '"text"']) {
    stdin.write(frame(body));
  }
  await stillAnswers('raw bytes that are not JSON-RPC');
});

test('200 edits sent faster than analysis: diagnostics and hovers follow the last version, never an older one', async () => {
  const uri = 'file:///probe/typing.release.md';
  const valueOf = (version: number): string => String(1000 + version);
  server.open(uri, PAIR(valueOf(1)), 'press-release', 1);
  for (let version = 2; version <= 201; version++) server.change(uri, PAIR(valueOf(version)), version);
  // The hover is answered after every edit before it, at the last version's text.
  const text = PAIR(valueOf(201));
  const { line, character } = positionOf(text, `USD ${valueOf(201)} billion`);
  const hover = await server.hover(uri, line, character + 5);
  assert.ok(hover, 'no hover at the last value');
  assert.match((hover.contents as MarkupContent).value, /USD 1,201,000,000,000/);
  const last = await server.waitFor('diagnostics for version 201', () => server.published.find((p) => p.uri === uri && p.version === 201), 30_000);
  const messageOf = (d: { message: string | MarkupContent }): string => (typeof d.message === 'string' ? d.message : d.message.value);
  assert.ok(last.diagnostics.some((d) => messageOf(d).includes(`USD ${valueOf(201)} billion here`)), JSON.stringify(last.diagnostics));
  // Every publication for the document says what its own version says, and versions never go back.
  let highest = 0;
  for (const publication of server.published.filter((p) => p.uri === uri)) {
    assert.ok(publication.version !== undefined, 'diagnostics of an open document carry its version');
    assert.ok(publication.version >= highest, `diagnostics of version ${publication.version} after version ${highest}`);
    highest = publication.version;
    // "… USD 1001 billion here, USD 5.3 billion on line 3, USD 107 billion in good.md …": the value stated here.
    for (const diagnostic of publication.diagnostics) {
      for (const [, value] of messageOf(diagnostic).matchAll(/USD (\d+) billion here/g)) {
        assert.equal(value, valueOf(publication.version), `version ${publication.version} published a finding about ${value}`);
      }
    }
  }
});

test('a request for a document the server never saw, after it closed one, answers empty', async () => {
  const uri = 'file:///probe/closed.release.md';
  server.open(uri, PAIR('42'));
  await server.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  assert.equal(await server.hover(uri, 3, 55), null);
  assert.deepEqual((await server.semanticTokens(uri))?.data ?? [], []);
  await stillAnswers('requests for a closed document');
});

// ---------------------------------------------------------------------------------------------
// No network, no execution of workspace content: the server and the command line run under a
// --require hook that records every socket, HTTP request, DNS lookup, child process and module
// compiled from the workspace.

const HOOK = `
const fs = require('node:fs');
const LOG = process.env.COMMUNIQUE_HOOK_LOG;
const WORKSPACE = process.env.COMMUNIQUE_HOOK_WORKSPACE;
const record = (what, detail) => fs.appendFileSync(LOG, JSON.stringify({ what, detail: String(detail).slice(0, 300) }) + '\\n');
const describe = (arg) => { try { return typeof arg === 'object' ? JSON.stringify(arg) : String(arg); } catch { return String(arg); } };
const wrap = (name, mod, fn) => {
  const original = mod[fn];
  if (typeof original !== 'function') return;
  mod[fn] = function (...args) { record(name + '.' + fn, describe(args[0])); return original.apply(this, args); };
};
const net = require('node:net');
for (const fn of ['connect', 'createConnection', 'createServer']) wrap('net', net, fn);
wrap('net.Socket.prototype', net.Socket.prototype, 'connect');
for (const fn of ['connect']) wrap('tls', require('node:tls'), fn);
for (const fn of ['request', 'get', 'createServer']) { wrap('http', require('node:http'), fn); wrap('https', require('node:https'), fn); }
for (const fn of ['lookup', 'resolve']) wrap('dns', require('node:dns'), fn);
wrap('dgram', require('node:dgram'), 'createSocket');
for (const fn of ['spawn', 'spawnSync', 'exec', 'execSync', 'execFile', 'execFileSync', 'fork']) wrap('child_process', require('node:child_process'), fn);
if (typeof globalThis.fetch === 'function') wrap('globalThis', globalThis, 'fetch');
const vm = require('node:vm');
for (const fn of ['runInThisContext', 'runInNewContext', 'runInContext', 'compileFunction']) wrap('vm', vm, fn);
const Module = require('node:module');
const compile = Module.prototype._compile;
Module.prototype._compile = function (content, filename) {
  if (WORKSPACE && filename.startsWith(WORKSPACE)) record('compile', filename);
  return compile.call(this, content, filename);
};
record('loaded', process.argv[1] || 'worker');
`;

test('neither the server nor the command line opens a connection, starts a process or runs workspace content', async () => {
  const workspace = mkdtempSync(join(tmpdir(), 'communique-trust-'));
  const hookDir = mkdtempSync(join(tmpdir(), 'communique-hook-'));
  let traced: TestServer | undefined;
  try {
    const hook = join(hookDir, 'hook.cjs');
    const log = join(hookDir, 'calls.jsonl');
    writeFileSync(hook, HOOK);
    writeFileSync(log, '');
    mkdirSync(join(workspace, 'releases'));
    mkdirSync(join(workspace, 'node_modules', 'communique-plugin'), { recursive: true });
    // Content a careless tool might run or follow: scripts, configuration as code, links, a module.
    const bait = "require('node:child_process').execSync('touch PWNED'); require('node:https').get('https://example.org/');\n";
    writeFileSync(join(workspace, 'communique.config.js'), bait);
    writeFileSync(join(workspace, '.communique.js'), bait);
    writeFileSync(join(workspace, 'node_modules', 'communique-plugin', 'index.js'), bait);
    writeFileSync(join(workspace, 'package.json'), JSON.stringify({ name: 'office', scripts: { postinstall: 'touch PWNED' }, communique: { plugins: ['communique-plugin'] } }));
    writeFileSync(join(workspace, '.communique.json'), '{ "checks": { "glued-words": "off" } }\n');
    for (let i = 0; i < 70; i++) {
      const body = `${PAIR(String(100 + i))}\nSee https://example.org/release-${i} and <script src="https://example.org/x.js"></script>.\n\n\`\`\`js\n${bait}\`\`\`\n`;
      writeFileSync(join(workspace, 'releases', `r${String(i).padStart(3, '0')}.md`), body);
    }
    const env = { NODE_OPTIONS: `--require ${hook}`, COMMUNIQUE_HOOK_LOG: log, COMMUNIQUE_HOOK_WORKSPACE: workspace };

    traced = await startServer({ workspaceFolders: [workspace], env });
    const first = pathToFileURL(join(workspace, 'releases', 'r000.md')).href;
    await traced.waitFor('diagnostics of the indexed workspace', () => traced!.diagnostics.get(first)?.length, 60_000);
    await traced.waitFor('the ready status', () => traced!.notifications.some((n) => n.method === 'communique/status' && (n.params as { state: string }).state === 'ready'), 60_000);
    const text = PAIR('100');
    traced.open(first, text, 'markdown', 1);
    const { line, character } = positionOf(text, 'USD 100 billion');
    assert.ok(await traced.hover(first, line, character + 5));
    await traced.semanticTokens(first);
    await traced.stop();
    traced = undefined;

    const cli = spawnSync(process.execPath, [join(REPO_ROOT, 'dist', 'cli.js'), 'check', '--format', 'json', '--jobs', '2', workspace], {
      encoding: 'utf8',
      env: { ...process.env, ...env },
      maxBuffer: 64 * 1024 * 1024,
    });
    assert.equal(cli.status, 1, cli.stderr); // the conflicts between releases are errors
    assert.equal(JSON.parse(cli.stdout).documents.length, 70);

    const calls = readFileSync(log, 'utf8').trim().split('\n').filter(Boolean).map((l) => JSON.parse(l) as { what: string; detail: string });
    const loads = calls.filter((c) => c.what === 'loaded');
    assert.ok(loads.some((c) => c.detail.endsWith('server.js')), 'the hook did not load in the server');
    assert.ok(loads.some((c) => c.detail.endsWith('cli.js')), 'the hook did not load in the command line');
    assert.deepEqual(calls.filter((c) => c.what !== 'loaded'), [], 'the server or the command line made calls it must never make');
    assert.equal(existsSync(join(workspace, 'PWNED')), false);
  } finally {
    await traced?.stop();
    rmSync(workspace, { recursive: true, force: true });
    rmSync(hookDir, { recursive: true, force: true });
  }
});

test('the manifest declares untrusted and virtual workspace support as the code behaves', () => {
  const manifest = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as {
    capabilities: { untrustedWorkspaces: { supported: boolean | string; restrictedConfigurations?: string[] }; virtualWorkspaces: { supported: boolean | string } };
    contributes: { configuration: { properties: Record<string, { type: string | string[]; scope?: string }> } };
  };
  const client = readFileSync(join(REPO_ROOT, 'client', 'src', 'extension.ts'), 'utf8');
  // Untrusted workspaces are safe to support fully: the extension runs only its own bundled server,
  // over IPC, and no setting names a program, a path to load or a command line.
  assert.equal(manifest.capabilities.untrustedWorkspaces.supported, true);
  assert.match(client, /context\.asAbsolutePath\('dist\/server\.js'\)/);
  assert.doesNotMatch(client, /TransportKind\.(socket|pipe)|child_process|node:net|\bhttps?\b'/);
  for (const key of Object.keys(manifest.contributes.configuration.properties)) {
    assert.doesNotMatch(key, /path|command|executable|program|server\.(args|env)|script/i, `${key} could make an untrusted workspace run something`);
  }
  // Virtual workspaces are not supported: the server reads releases from disk by file path, and the
  // client only sends documents of the file and untitled schemes.
  assert.equal(manifest.capabilities.virtualWorkspaces.supported, false);
  const schemes = [...client.matchAll(/scheme: '([a-z-]+)'/g)].map((m) => m[1]);
  assert.ok(schemes.length > 0);
  assert.deepEqual([...new Set(schemes)].sort(), ['file', 'untitled']);
});
