// The workspace configuration over the protocol: a broken .communique.json is a diagnostic on the file
// itself with its line and column while the server keeps answering; fixing it applies it to the
// releases under its folder without a restart; breaking it again keeps the last good one; quick fixes
// offer the suppression comment and additions to the workspace file.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CodeActionRequest, type CodeAction, type Diagnostic } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { parseConfig } from '../../server/src/config/parse';
import { positionOf, startServer, type TestServer } from './lspClient';

const RELEASE = [
  '---',
  'date: 2023-03-03',
  '---',
  '',
  'Cambodia and Vietnam reviewed their bilateralrelations with officials of NIDIR.',
  '',
].join('\n');

let root: string;
let server: TestServer;
let configPath: string;
let configUri: string;
let releaseUri: string;

const codes = (uri: string): string[] => (server.diagnostics.get(uri) ?? []).map((d) => String(d.code)).sort();
const configDiagnostics = (): Diagnostic[] | undefined => server.diagnostics.get(configUri);
const configProblems = (): Diagnostic[] | null => {
  const d = configDiagnostics();
  return d !== undefined && d.length > 0 ? d : null;
};

function writeConfig(text: string): void {
  writeFileSync(configPath, text);
  void server.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: configUri, type: 2 }] });
}

before(async () => {
  root = mkdtempSync(join(tmpdir(), 'communique-config-'));
  mkdirSync(join(root, 'releases'));
  configPath = join(root, '.communique.json');
  configUri = pathToFileURL(configPath).href;
  writeFileSync(configPath, '{\n  "checks": { "glued-words": "off" }\n  "preferredForms": ["Viet Nam"]\n}\n');
  writeFileSync(join(root, 'releases', 'a.md'), RELEASE);
  releaseUri = pathToFileURL(join(root, 'releases', 'a.md')).href;
  server = await startServer({ workspaceFolders: [root] });
});

after(async () => {
  await server?.stop();
  rmSync(root, { recursive: true, force: true });
});

test('a broken configuration file is a diagnostic on it, with line and column; the release is checked without it', async () => {
  const diagnostics = await server.waitFor('a diagnostic on .communique.json', configProblems);
  assert.equal(diagnostics.length, 1);
  assert.deepEqual(diagnostics[0]!.range.start, { line: 2, character: 2 }, 'the missing comma: line 3, column 3');
  assert.match(String(diagnostics[0]!.message), /comma is expected/);
  assert.equal(diagnostics[0]!.severity, 1);
  await server.waitFor('glued-words on the release', () => codes(releaseUri).includes('glued-words'));
  assert.ok(!codes(releaseUri).includes('party-variant'), 'no house form in force');
});

test('the server still answers while the configuration is broken', async () => {
  server.open(releaseUri, RELEASE, 'markdown');
  const hover = await server.hover(releaseUri, positionOf(RELEASE, 'Cambodia').line, positionOf(RELEASE, 'Cambodia').character + 2);
  assert.ok(hover, 'a hover on a party');
});

test('fixing the file applies it without a restart: glued words off, the house form flags "Vietnam"', async () => {
  writeConfig('{\n  "checks": { "glued-words": "off" },\n  "preferredForms": ["Viet Nam"]\n}\n');
  await server.waitFor('the diagnostic on the file cleared', () => configDiagnostics()?.length === 0);
  await server.waitFor('party-variant and no glued-words', () => codes(releaseUri).join() === 'party-variant');
  const variant = server.diagnostics.get(releaseUri)![0]!;
  assert.match(String(variant.message), /this workspace writes “Viet Nam”/);
  // The forms travel as data, for fixes to read instead of the message.
  assert.deepEqual(variant.data, { variant: 'Vietnam', usual: 'Viet Nam', usualFrom: 'workspace' });
});

test('breaking it again keeps the last good configuration in force', async () => {
  writeConfig('{\n  "checks": { "glued-words": "off" },\n  "preferredForms": ["Viet Nam"],\n  "colour": "red"\n}\n');
  const diagnostics = await server.waitFor('the unknown key reported', () => String(configProblems()?.[0]?.message).includes('colour') && configProblems());
  assert.deepEqual(diagnostics[0]!.range.start, { line: 3, character: 2 });
  assert.match(String(diagnostics[0]!.message), /unknown key "colour"/);
  assert.deepEqual(codes(releaseUri), ['party-variant'], 'the last good configuration still applies');
});

test('quick fixes: a suppression comment, and "add NIDIR" editing the workspace file', async () => {
  writeConfig('{\n  // the house style\n  "preferredForms": ["Viet Nam"]\n}\n');
  await server.waitFor('glued-words back on', () => codes(releaseUri).includes('glued-words') && configDiagnostics()?.length === 0);
  const ask = async (needle: string): Promise<CodeAction[]> => {
    const at = positionOf(RELEASE, needle);
    const diagnostics = server.diagnostics.get(releaseUri) ?? [];
    return (await server.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri: releaseUri },
      range: { start: { line: at.line, character: at.character + 1 }, end: { line: at.line, character: at.character + 1 } },
      context: { diagnostics },
    })) as CodeAction[];
  };
  const glued = await ask('bilateralrelations');
  const ignore = glued.find((a) => a.title === 'Ignore this glued-words finding here (comment)');
  assert.ok(ignore, glued.map((a) => a.title).join(' | '));
  const insert = ignore.edit!.changes![releaseUri]![0]!;
  assert.deepEqual(insert.range.start, { line: 4, character: 0 }, 'a line of its own above the finding’s (the line above is blank)');
  assert.equal(insert.newText, '<!-- communique-disable-next-line glued-words -->\n');

  const nidir = await ask('NIDIR');
  const add = nidir.find((a) => a.title === 'Add “NIDIR” as an organisation in this workspace');
  assert.ok(add, nidir.map((a) => a.title).join(' | '));
  const edits = add.edit!.changes![configUri]!;
  assert.equal(edits.length, 1);
  assert.match(edits[0]!.newText, /"parties": \[\s*\{\s*"name": "NIDIR",\s*"kind": "organization"\s*\}\s*\]/);
  // After its edit, the client saves the file (when the edit opened it out of sight).
  assert.deepEqual(add.command, { title: 'Save the configuration file', command: 'communique.saveConfigurationFile', arguments: [configUri] });

  // The file open in the editor with unsaved text: the edit is made in that text, not in the file on disk.
  const typed = '{\n  "titles": ["Director-General"],\n  // the house style\n  "preferredForms": ["Viet Nam"]\n}\n';
  server.open(configUri, typed, 'json');
  const inEditor = (await ask('NIDIR')).find((a) => a.title === add.title)!.edit!.changes![configUri]!;
  const document = TextDocument.create(configUri, 'json', 1, typed);
  const after = TextDocument.applyEdits(document, inEditor);
  assert.deepEqual(parseConfig(after).problems, [], after);
  assert.deepEqual(parseConfig(after).config, { titles: ['Director-General'], preferredForms: ['Viet Nam'], parties: [{ name: 'NIDIR', kind: 'organization' }] });
  // Unsaved text that is broken JSON is not edited: the edit could land anywhere in it.
  server.change(configUri, '{\n  "titles": ["Director-General"\n  "preferredForms": ["Viet Nam"]\n}\n', 2);
  const whileBroken = await ask('NIDIR');
  assert.equal(
    whileBroken.find((a) => a.title === add.title),
    undefined,
    whileBroken.map((a) => a.title).join(' | '),
  );
  void server.connection.sendNotification('textDocument/didClose', { textDocument: { uri: configUri } });
  await server.waitFor('closed unsaved, the file on disk has no problem', () => configDiagnostics()?.length === 0);
});

test('a party the file names that no folder knows is a warning on the file, and the rest of the file applies', async () => {
  writeConfig('{\n  "preferredForms": ["Viet Nam"],\n  "aliases": { "Ruritania": ["RU"] }\n}\n');
  const diagnostics = await server.waitFor('a warning on .communique.json', () => configProblems());
  assert.equal(diagnostics.length, 1);
  assert.equal(diagnostics[0]!.severity, 2, 'a warning');
  assert.deepEqual(diagnostics[0]!.range, { start: { line: 2, character: 15 }, end: { line: 2, character: 26 } }, '"Ruritania", the key');
  assert.match(String(diagnostics[0]!.message), /"Ruritania" matches no known party/);
  assert.doesNotMatch(String(diagnostics[0]!.message), /not applied/);
  await server.waitFor('the house form still flags "Vietnam"', () => codes(releaseUri).includes('party-variant'));
});

test('an open configuration file: its problems come from the text being typed; the configuration applies once saved', async () => {
  writeConfig('{\n  "preferredForms": ["Viet Nam"]\n}\n');
  await server.waitFor('the saved file has no problem', () => configDiagnostics()?.length === 0 && codes(releaseUri).includes('party-variant'));
  const quiet = '{\n  "preferredForms": ["Viet Nam"],\n  "checks": { "party-variant": "off" }';
  const mark = server.published.length;
  server.open(configUri, `${quiet},\n  "colour": "red"\n}\n`, 'json');
  const typed = await server.waitFor('the unknown key of the unsaved text', () => configProblems());
  assert.deepEqual(typed.map((d) => [d.range.start.line, d.range.start.character, d.severity]), [[3, 2, 1]]);
  server.change(configUri, `${quiet},\n  "aliases": { "Ruritania": ["RU"] }\n}\n`, 2);
  const warned = await server.waitFor('the unknown party of the unsaved text', () => configProblems()?.[0]?.severity === 2 && configProblems());
  assert.deepEqual(warned[0]!.range.start, { line: 3, character: 15 });
  server.change(configUri, `${quiet}\n}\n`, 3);
  await server.waitFor('the fixed unsaved text has no problem', () => configDiagnostics()?.length === 0);
  // Closed unsaved: the problems are the file's on disk again.
  server.change(configUri, `${quiet},\n}}\n`, 4);
  await server.waitFor('a syntax error in the unsaved text', () => configProblems());
  void server.connection.sendNotification('textDocument/didClose', { textDocument: { uri: configUri } });
  await server.waitFor('closed: the saved file has no problem', () => configDiagnostics()?.length === 0);
  // While the unsaved "off" was typed, every diagnostics the release got still had its party-variant.
  const whileTyping = server.published.slice(mark).filter((p) => p.uri === releaseUri);
  assert.ok(
    whileTyping.every((p) => p.diagnostics.some((d) => d.code === 'party-variant')),
    'the unsaved configuration is not applied to the releases',
  );
  assert.ok(codes(releaseUri).includes('party-variant'));
  writeConfig(`${quiet}\n}\n`);
  await server.waitFor('saved: party-variant off', () => !codes(releaseUri).includes('party-variant'));
});
