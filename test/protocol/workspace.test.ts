// The workspace over the protocol: releases on disk are indexed at start, findings point to the
// other release, and a change in one release refreshes the diagnostics of the releases that
// depend on it — from an edit in the editor, or from a file created or deleted on disk.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { startServer, type TestServer } from './lspClient';

const release = (date: string, value: string): string =>
  `---\ndate: ${date}\n---\n\nTwo-way trade between Cambodia and Viet Nam reached ${value} in 2020.\n`;

let root: string;
let server: TestServer;
let uriA: string;
let uriB: string;
/** The codes on a.md and b.md at the moment the first `ready` status arrived. */
let codesAtReady: { a: string[]; b: string[] } | undefined;

const codes = (uri: string): string[] => (server.diagnostics.get(uri) ?? []).map((d) => String(d.code));

before(async () => {
  root = mkdtempSync(join(tmpdir(), 'communique-ws-'));
  mkdirSync(join(root, 'releases'));
  writeFileSync(join(root, 'releases', 'a.md'), release('2021-03-01', 'USD 5.33 billion'));
  writeFileSync(join(root, 'releases', 'b.md'), release('2021-04-01', 'USD 5.8 billion'));
  writeFileSync(join(root, 'notes.md'), 'Not a release: USD 1 billion in 2020.\n');
  uriA = pathToFileURL(join(root, 'releases', 'a.md')).href;
  uriB = pathToFileURL(join(root, 'releases', 'b.md')).href;
  server = await startServer({
    workspaceFolders: [root],
    // Statuses come over stdio after startServer has returned, so `server` is set by then.
    onNotification: (method, params) => {
      if (method === 'communique/status' && (params as { state: string }).state === 'ready' && !codesAtReady) {
        codesAtReady = { a: codes(uriA), b: codes(uriB) };
      }
    },
  });
});

after(async () => {
  await server?.stop();
  rmSync(root, { recursive: true, force: true });
});

test('on start the server indexes the releases on disk and reports the conflict on both, each pointing to the other', async () => {
  await server.waitFor('figure-conflict on both releases', () => codes(uriA).includes('figure-conflict') && codes(uriB).includes('figure-conflict'));
  const onB = server.diagnostics.get(uriB)!.find((d) => d.code === 'figure-conflict')!;
  assert.match(String(onB.message), /5\.8 billion/);
  assert.match(String(onB.message), /5\.33 billion/);
  assert.equal(onB.relatedInformation?.[0]?.location.uri, uriA);
  assert.equal(onB.relatedInformation?.[0]?.location.range.start.line, 4, 'the related location is the figure in a.md (line 5)');
  assert.equal(server.diagnostics.has(pathToFileURL(join(root, 'notes.md')).href), false, 'notes.md is not under releases/');
});

test('indexing reports progress that ends at 100%, then checking, then a ready state once every release is checked', async () => {
  const states = (): string[] =>
    server.notifications.filter((n) => n.method === 'communique/status').map((n) => (n.params as { state: string }).state);
  await server.waitFor('a ready status', () => states().includes('ready'));
  const sequence = states();
  assert.ok(sequence.includes('indexing') && sequence.indexOf('indexing') < sequence.indexOf('checking'), `states: ${sequence.join(', ')}`);
  assert.ok(sequence.indexOf('checking') < sequence.lastIndexOf('ready'), `states: ${sequence.join(', ')}`);
  // Ready means checked: when it arrived, both releases already showed the conflict they state.
  assert.ok(codesAtReady?.a.includes('figure-conflict') && codesAtReady.b.includes('figure-conflict'), JSON.stringify(codesAtReady));
});

test('fixing the value in the editor clears the finding in the other release too', async () => {
  server.open(uriB, release('2021-04-01', 'USD 5.8 billion'), 'markdown', 1);
  server.change(uriB, release('2021-04-01', 'USD 5.33 billion'), 2);
  await server.waitFor('no findings left on a.md and b.md', () => codes(uriA).length === 0 && codes(uriB).length === 0);
});

test('a release created on disk is indexed from the file event, and its deletion withdraws the finding it caused', async () => {
  const pathC = join(root, 'releases', 'c.md');
  const uriC = pathToFileURL(pathC).href;
  writeFileSync(pathC, release('2021-05-01', 'USD 6.4 billion'));
  void server.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriC, type: 1 }] });
  await server.waitFor('figure-conflict on a.md caused by c.md', () => codes(uriA).includes('figure-conflict'));
  assert.equal(server.diagnostics.get(uriA)![0]!.relatedInformation?.[0]?.location.uri, uriC);
  unlinkSync(pathC);
  void server.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriC, type: 3 }] });
  await server.waitFor('a.md clean again', () => codes(uriA).length === 0);
  assert.deepEqual(codes(uriC), []);
});
