// Protocol tests: the real bundled server over stdio, driven as an editor would drive it.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import type { MarkupContent } from 'vscode-languageserver-protocol';
import { decodeTokens, positionOf, SERVER_PATH, startServer, type TestServer } from './lspClient';

const URI = 'file:///workspace/releases/2021-10-23-consultations.release.md';
const RELEASE = [
  '# Cambodia and Viet Nam review their cooperation',
  '',
  'Phnom Penh, 23 October 2021',
  '',
  'The foreign ministries of Cambodia and Viet Nam met on 21 October 2021 by video link.',
  'Two-way trade rose to USD 5.33 billion in 2020, and 84% of the land boundary is demarcated.',
  'The sides will meet again later this year.',
  '',
].join('\n');

let server: TestServer;

before(async () => {
  assert.ok(existsSync(SERVER_PATH), `${SERVER_PATH} is missing: build first (npm run build)`);
  server = await startServer();
  server.open(URI, RELEASE);
});

after(async () => {
  await server?.stop();
});

function markdownOf(hover: Awaited<ReturnType<TestServer['hover']>>): string {
  assert.ok(hover, 'expected a hover');
  const contents = hover.contents as MarkupContent;
  assert.equal(contents.kind, 'markdown');
  return contents.value;
}

test('initialize advertises semantic tokens for figures, dates and parties, hovers and symbols', () => {
  const capabilities = server.initializeResult.capabilities;
  assert.deepEqual(capabilities.semanticTokensProvider?.legend.tokenTypes, ['figure', 'date', 'party']);
  assert.ok(capabilities.semanticTokensProvider?.legend.tokenModifiers.includes('money'));
  assert.ok(capabilities.hoverProvider);
  assert.ok(capabilities.documentSymbolProvider);
  assert.equal(server.initializeResult.serverInfo?.name, 'communique');
});

test('semantic tokens mark the money figure, the full date and both countries at their exact places', async () => {
  const result = await server.semanticTokens(URI);
  assert.ok(result);
  const legend = server.initializeResult.capabilities.semanticTokensProvider!.legend;
  const tokens = decodeTokens(result.data, legend.tokenTypes, legend.tokenModifiers);
  const at = (needle: string, occurrence = 0) => {
    const { line, character } = positionOf(RELEASE, needle, occurrence);
    return tokens.find((t) => t.line === line && t.character === character);
  };
  const money = at('USD 5.33 billion');
  assert.ok(money, 'no token at "USD 5.33 billion"');
  assert.equal(money.type, 'figure');
  assert.equal(money.length, 'USD 5.33 billion'.length);
  assert.ok(money.modifiers.includes('money'));

  const percent = at('84%');
  assert.equal(percent?.type, 'figure');
  assert.ok(percent?.modifiers.includes('percent'));

  const date = at('21 October 2021');
  assert.equal(date?.type, 'date');
  assert.equal(date?.length, '21 October 2021'.length);

  const vietNam = at('Viet Nam', 1); // the one in the body, after the heading
  assert.equal(vietNam?.type, 'party');
  assert.equal(vietNam?.length, 'Viet Nam'.length);
  assert.ok(vietNam?.modifiers.includes('country'));

  const relative = at('this year');
  assert.equal(relative?.type, 'date');
  assert.ok(relative?.modifiers.includes('relative'));
  // Tokens come in document order and never overlap.
  for (let i = 1; i < tokens.length; i++) {
    const a = tokens[i - 1]!;
    const b = tokens[i]!;
    assert.ok(b.line > a.line || (b.line === a.line && b.character >= a.character + a.length), `tokens ${i - 1} and ${i} overlap`);
  }
});

test('hover on a money figure gives the value in full, its currency and its precision', async () => {
  const { line, character } = positionOf(RELEASE, 'USD 5.33 billion');
  const text = markdownOf(await server.hover(URI, line, character + 6));
  assert.match(text, /USD 5,330,000,000/);
  assert.match(text, /5\.325/); // the rounding interval of "5.33 billion"
  assert.match(text, /actual/);
});

test('hover on a date gives the ISO day, its weekday and its distance from the release date', async () => {
  const { line, character } = positionOf(RELEASE, '21 October 2021');
  const text = markdownOf(await server.hover(URI, line, character + 3));
  assert.match(text, /2021-10-21/);
  assert.match(text, /Thursday/);
  assert.match(text, /2 days before/);
});

test('hover on a relative date says what it resolved to and against what', async () => {
  const { line, character } = positionOf(RELEASE, 'this year');
  const text = markdownOf(await server.hover(URI, line, character + 2));
  assert.match(text, /2021-01-01/);
  assert.match(text, /2021-12-31/);
  assert.match(text, /2021-10-23|23 October 2021/);
});

test('hover on a country gives its canonical name, kind and ISO codes', async () => {
  const { line, character } = positionOf(RELEASE, 'Viet Nam', 1);
  const text = markdownOf(await server.hover(URI, line, character + 1));
  assert.match(text, /Viet Nam/);
  assert.match(text, /country/);
  assert.match(text, /VNM/);
});

test('hover on plain words gives nothing', async () => {
  const { line, character } = positionOf(RELEASE, 'video link');
  assert.equal(await server.hover(URI, line, character + 2), null);
});

test('document symbols outline the parties, the figures and the dates', async () => {
  const symbols = await server.documentSymbols(URI);
  assert.ok(symbols);
  const names = symbols.map((s) => s.name);
  assert.deepEqual(names, ['Parties', 'Figures', 'Dates']);
  const parties = symbols[0]!.children!.map((s) => s.name);
  assert.ok(parties.includes('Viet Nam'), `parties: ${parties.join(', ')}`);
  assert.ok(parties.includes('Cambodia'), `parties: ${parties.join(', ')}`);
  // Figures are grouped by metric: the figures are the leaves.
  const leaves = (list: typeof symbols): string[] => list.flatMap((s) => (s.children?.length ? leaves(s.children) : [s.name]));
  const figures = leaves(symbols[1]!.children!);
  assert.ok(figures.includes('USD 5.33 billion'), `figures: ${figures.join(', ')}`);
  assert.ok(figures.includes('84%'), `figures: ${figures.join(', ')}`);
});

test('an edit is analysed at its new version', async () => {
  const uri = 'file:///workspace/releases/edited.release.md';
  server.open(uri, 'Trade reached USD 1.5 billion.\n');
  const first = await server.documentSymbols(uri);
  assert.ok(first?.[0]?.children?.some((s) => s.name === 'USD 1.5 billion'));
  server.change(uri, 'Trade reached USD 2.75 billion.\n', 2);
  const second = await server.documentSymbols(uri);
  const figures = second?.find((s) => s.name === 'Figures')?.children?.map((s) => s.name) ?? [];
  assert.deepEqual(figures, ['USD 2.75 billion']);
});

test('requests about a document the server never saw answer empty, and the server keeps answering', async () => {
  const unknown = 'file:///nowhere/never-opened.release.md';
  assert.equal(await server.hover(unknown, 0, 0), null);
  assert.deepEqual((await server.semanticTokens(unknown))?.data, []);
  assert.deepEqual(await server.documentSymbols(unknown), []);
  // Malformed parameters: an empty or an error answer, never a crash.
  const malformed = await server.connection.sendRequest('textDocument/hover', { nonsense: true }).then(
    (answer) => answer,
    (error: unknown) => error,
  );
  assert.ok(malformed === null || malformed instanceof Error, `unexpected answer ${JSON.stringify(malformed)}`);
  const { line, character } = positionOf(RELEASE, '84%');
  assert.ok(await server.hover(URI, line, character), 'the server stopped answering after a malformed request');
  assert.equal(server.process.exitCode, null);
});

test('the server reports its state to the client', async () => {
  const deadline = Date.now() + 5000;
  while (!server.notifications.some((n) => n.method === 'communique/status') && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 10)); // poll, with a deadline
  }
  const status = server.notifications.filter((n) => n.method === 'communique/status').map((n) => n.params as { state: string });
  assert.ok(status.some((s) => s.state === 'ready'), 'no "ready" status notification');
});
