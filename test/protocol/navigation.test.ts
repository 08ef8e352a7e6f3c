// Protocol tests for hovers with workspace context, quick fixes and navigation: the real bundled
// server over stdio, two releases open that state the same metric for the same pair.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import {
  CodeActionRequest,
  CodeLensRequest,
  DefinitionRequest,
  DocumentHighlightRequest,
  InlayHintRequest,
  ReferencesRequest,
  WorkspaceSymbolRequest,
  type Location,
  type WorkspaceSymbol,
  type CodeAction,
  type Diagnostic,
  type MarkupContent,
  type Range,
  type TextEdit,
} from 'vscode-languageserver-protocol';
import { positionOf, SERVER_PATH, startServer, type TestServer } from './lspClient';

const A_URI = 'file:///workspace/releases/2021-03-trade.release.md';
const A = ['---', 'date: 2021-03-01', '---', '', 'Two-way trade between Cambodia and Viet Nam reached USD 5.33 billion in 2020.', ''].join('\n');
const B_URI = 'file:///workspace/releases/2021-06-trade.release.md';
const B = [
  '---',
  'date: 2021-06-01',
  '---',
  '',
  'Two-way trade between Cambodia and Viet Nam reached USD 5.83 billion in 2020.',
  'The ministers met on Tuesday, 21 October 2021 and praised their bilateralcooperation.',
  '',
].join('\n');

let server: TestServer;

before(async () => {
  assert.ok(existsSync(SERVER_PATH), `${SERVER_PATH} is missing: build first (npm run build)`);
  server = await startServer();
  server.open(A_URI, A);
  server.open(B_URI, B);
});

after(async () => {
  await server?.stop();
});

function markdownOf(hover: Awaited<ReturnType<TestServer['hover']>>): string {
  assert.ok(hover, 'expected a hover');
  return (hover.contents as MarkupContent).value;
}

async function diagnosticsOf(uri: string, code: string): Promise<Diagnostic> {
  return server.waitFor(`a ${code} diagnostic on ${uri}`, () => server.diagnostics.get(uri)?.find((d) => d.code === code));
}

async function codeActions(uri: string, range: Range, diagnostics: Diagnostic[], only?: string[]): Promise<CodeAction[]> {
  const result = await server.connection.sendRequest(CodeActionRequest.type, {
    textDocument: { uri },
    range,
    context: { diagnostics, ...(only ? { only } : {}) },
  });
  return (result ?? []) as CodeAction[];
}

function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const lines = text.split('\n');
  const offset = (p: { line: number; character: number }): number => lines.slice(0, p.line).reduce((n, l) => n + l.length + 1, 0) + p.character;
  let out = text;
  for (const e of [...edits].sort((x, y) => offset(y.range.start) - offset(x.range.start))) {
    out = out.slice(0, offset(e.range.start)) + e.newText + out.slice(offset(e.range.end));
  }
  return out;
}

test('initialize advertises quick fixes and the fix-all source action', () => {
  const provider = server.initializeResult.capabilities.codeActionProvider;
  assert.ok(provider && typeof provider === 'object');
  assert.deepEqual(provider.codeActionKinds, [
    'quickfix',
    'source.fixAll.communique',
    'source.fixAll.communique.glued-words',
    'source.fixAll.communique.party-variant',
    'source.fixAll.communique.weekday-mismatch',
  ]);
});

test('hover on a figure lists the same metric and pair in the other open release, linked to its line', async () => {
  await diagnosticsOf(B_URI, 'figure-conflict');
  const markdown = markdownOf(await server.hover(B_URI, 4, 55));
  assert.ok(markdown.includes('| Period | Value | Release | Line |'), markdown);
  // Linked to the figure itself: its line and the column where "USD 5.33 billion" starts on it (1-based).
  const at = positionOf(A, 'USD 5.33 billion');
  const link = `${A_URI}#L${at.line + 1},${at.character + 1}`;
  assert.ok(markdown.includes(`| 2020 | USD 5.33 billion | [2021-03-trade.release.md](${link}) | [${at.line + 1}](${link}) |`), markdown);
  assert.ok(markdown.includes('| 2020 | **USD 5.83 billion** | [this release]'), markdown);
  assert.match(markdown, /⚠ `figure-conflict`/);
});

test('a figure conflict offers the value the other release states, as a workspace edit', async () => {
  const diagnostic = await diagnosticsOf(B_URI, 'figure-conflict');
  const actions = await codeActions(B_URI, diagnostic.range, [diagnostic]);
  const action = actions.find((a) => a.title === 'Replace with “USD 5.33 billion” as stated in 2021-03-trade.release.md (line 5)');
  assert.ok(action, actions.map((a) => a.title).join('\n'));
  assert.equal(action.kind, 'quickfix');
  assert.deepEqual(action.diagnostics, [diagnostic]);
  const edits = action.edit?.changes?.[B_URI];
  assert.ok(edits);
  assert.equal(applyEdits(B, edits).split('\n')[4], 'Two-way trade between Cambodia and Viet Nam reached USD 5.33 billion in 2020.');
});

test('a wrong weekday is corrected and glued words split by quick fixes', async () => {
  const weekday = await diagnosticsOf(B_URI, 'weekday-mismatch');
  const glued = await diagnosticsOf(B_URI, 'glued-words');
  const [w] = await codeActions(B_URI, weekday.range, [weekday]);
  assert.equal(w?.title, 'Change “Tuesday” to “Thursday” (21 October 2021)');
  assert.equal(w?.isPreferred, true);
  const [g] = await codeActions(B_URI, glued.range, [glued]);
  assert.equal(g?.title, 'Split into “bilateral cooperation”');
  const fixed = applyEdits(B, w!.edit!.changes![B_URI]!);
  assert.equal(fixed.split('\n')[5], 'The ministers met on Thursday, 21 October 2021 and praised their bilateralcooperation.');
  assert.equal(applyEdits(B, g!.edit!.changes![B_URI]!).split('\n')[5], 'The ministers met on Tuesday, 21 October 2021 and praised their bilateral cooperation.');
});

test('fix all is a source action, given only when asked for', async () => {
  const anywhere = { start: positionOf(B, 'Two-way'), end: positionOf(B, 'Two-way') };
  assert.deepEqual((await codeActions(B_URI, anywhere, [])).map((a) => a.kind), []);
  const [all] = await codeActions(B_URI, anywhere, [], ['source.fixAll']);
  assert.equal(all?.kind, 'source.fixAll.communique');
  assert.equal(
    applyEdits(B, all!.edit!.changes![B_URI]!).split('\n')[5],
    'The ministers met on Thursday, 21 October 2021 and praised their bilateral cooperation.',
  );
});

test('fix all of one kind: only that kind, under its own sub-kind', async () => {
  const anywhere = { start: positionOf(B, 'Two-way'), end: positionOf(B, 'Two-way') };
  const [weekdays] = await codeActions(B_URI, anywhere, [], ['source.fixAll.communique.weekday-mismatch']);
  assert.equal(weekdays?.kind, 'source.fixAll.communique.weekday-mismatch');
  assert.equal(weekdays?.title, 'Correct 1 weekday in this release');
  // The weekday is corrected, the glued words are left as they are.
  assert.equal(
    applyEdits(B, weekdays!.edit!.changes![B_URI]!).split('\n')[5],
    'The ministers met on Thursday, 21 October 2021 and praised their bilateralcooperation.',
  );
  assert.deepEqual(await codeActions(B_URI, anywhere, [], ['source.fixAll.communique.party-variant']), []);
});

test('references to a party span both open releases; definition is its first mention', async () => {
  const position = positionOf(B, 'Viet Nam');
  const refs = (await server.connection.sendRequest(ReferencesRequest.type, {
    textDocument: { uri: B_URI },
    position,
    context: { includeDeclaration: true },
  })) as Location[];
  assert.deepEqual(
    refs.map((r) => `${r.uri}@${r.range.start.line}:${r.range.start.character}`).sort(),
    [`${A_URI}@4:${positionOf(A, 'Viet Nam').character}`, `${B_URI}@4:${position.character}`].sort(),
  );
  const definition = (await server.connection.sendRequest(DefinitionRequest.type, { textDocument: { uri: B_URI }, position })) as Location;
  assert.deepEqual(definition.range.start, position);
});

test('highlights mark the party in this release only', async () => {
  const highlights = await server.connection.sendRequest(DocumentHighlightRequest.type, {
    textDocument: { uri: A_URI },
    position: positionOf(A, 'Cambodia'),
  });
  assert.deepEqual(highlights?.map((h) => h.range.start), [positionOf(A, 'Cambodia')]);
});

test('workspace symbols find the trade metric of the pair and the parties', async () => {
  const symbols = (await server.connection.sendRequest(WorkspaceSymbolRequest.type, { query: 'two-way' })) as WorkspaceSymbol[];
  assert.deepEqual(symbols.map((s) => s.name), ['two-way trade · Cambodia–Viet Nam']);
  const parties = (await server.connection.sendRequest(WorkspaceSymbolRequest.type, { query: 'Cambodia' })) as WorkspaceSymbol[];
  assert.ok(parties.some((s) => s.name === 'Cambodia'), parties.map((s) => s.name).join(', '));
});

test('a code lens over a figure the other release states too, with the command that lists them', async () => {
  const lenses = await server.connection.sendRequest(CodeLensRequest.type, { textDocument: { uri: B_URI } });
  assert.equal(lenses?.length, 1);
  const lens = lenses![0]!;
  assert.deepEqual(lens.range.start, positionOf(B, 'USD 5.83 billion'));
  assert.equal(lens.command?.title, 'stated in 1 other release');
  assert.equal(lens.command?.command, 'communique.showReferences');
  const [uri, , locations] = lens.command!.arguments as [string, unknown, Location[]];
  assert.equal(uri, B_URI);
  assert.deepEqual(locations.map((l) => [l.uri, l.range.start]), [[A_URI, positionOf(A, 'USD 5.33 billion')]]);
});

test('inlay hints give the value of a relative date', async () => {
  const uri = 'file:///workspace/releases/2022-05-talks.release.md';
  const text = ['---', 'date: 2022-05-04', '---', '', 'The ministers agreed to meet again this year.', ''].join('\n');
  server.open(uri, text);
  const hints = await server.connection.sendRequest(InlayHintRequest.type, {
    textDocument: { uri },
    range: { start: { line: 0, character: 0 }, end: { line: 6, character: 0 } },
  });
  const end = positionOf(text, 'this year');
  assert.deepEqual(hints?.map((h) => [h.position, h.label]), [[{ line: end.line, character: end.character + 'this year'.length }, '→ 2022']]);
});

test('after an edit that settles the conflict, the card and the quick fixes no longer carry it', async () => {
  const markdown = markdownOf(await server.hover(B_URI, 4, 55));
  assert.match(markdown, /⚠ `figure-conflict`/);
  const settled = B.replace('USD 5.83 billion', 'USD 5.33 billion');
  server.change(B_URI, settled, 2);
  const after = markdownOf(await server.hover(B_URI, 4, 55));
  assert.ok(!after.includes('figure-conflict'), after);
  assert.ok(after.includes('| 2020 | **USD 5.33 billion** | [this release]'), after);
  const at = { start: positionOf(settled, 'USD 5.33'), end: positionOf(settled, 'USD 5.33') };
  assert.deepEqual((await codeActions(B_URI, at, [])).filter((a) => a.title.startsWith('Replace with')), []);
});
