// The user's `communique.*` settings over the protocol: the server pulls them per workspace folder
// (workspace/configuration) and re-checks every release when they change, without a restart.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { startServer, type TestServer } from './lspClient';

const RELEASE = '---\ndate: 2023-03-03\n---\n\nCambodia and Viet Nam reviewed their bilateralrelations today. Viet Nam spoke. Vietnam agreed.\n';

let root: string;
let server: TestServer;
let releaseUri: string;
let folderUri: string;
const settings: Record<string, unknown> = {};

const codes = (): string[] => (server.diagnostics.get(releaseUri) ?? []).map((d) => String(d.code)).sort();

before(async () => {
  root = mkdtempSync(join(tmpdir(), 'communique-settings-'));
  mkdirSync(join(root, 'releases'));
  writeFileSync(join(root, 'releases', 'a.md'), RELEASE);
  releaseUri = pathToFileURL(join(root, 'releases', 'a.md')).href;
  folderUri = pathToFileURL(root).href;
  // The folder's settings turn glued-words off from the start; the window's are the defaults.
  settings[folderUri] = { checks: { disabled: ['glued-words'] } };
  settings[''] = {};
  server = await startServer({ workspaceFolders: [root], settings });
});

after(async () => {
  await server?.stop();
  rmSync(root, { recursive: true, force: true });
});

test('settings pulled per folder at start: a disabled check reports nothing', async () => {
  // The release was checked (party-variant is there) and glued-words did not run.
  await server.waitFor('the release checked', () => codes().includes('party-variant'));
  assert.deepEqual(codes(), ['party-variant']);
});

test('a change of settings re-checks the releases without a restart', async () => {
  settings[folderUri] = { checks: { disabled: [] } };
  void server.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
  await server.waitFor('glued-words once enabled', () => codes().includes('glued-words'));
  settings[folderUri] = { checks: { disabled: ['glued-words'] } };
  void server.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
  await server.waitFor('glued-words disabled again', () => codes().join() === 'party-variant');
});
