/// <reference types="mocha" />
// Communiqué inside a real VS Code: the real extension host, the real `vscode` API, the extension
// loaded from the repository (extensionDevelopmentPath) with its real language server, and the
// fixture workspace test/e2e/workspace. Nothing is mocked and activate() is never called here:
// the extension must activate through its own activationEvents.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { CommuniqueApi } from '../../client/src/extension';
import {
  EXTENSION_ID,
  LANGUAGE_ID,
  describeTokens,
  find,
  hoverText,
  openFixture,
  outline,
  semanticTokens,
  waitFor,
  workspaceRoot,
  type DecodedToken,
  type TokensResult,
  waitForDiagnostic,
} from './helpers';

const RELEASE = 'releases/2021-10-political-consultations.release.md';
const RELEASE_TXT = 'releases/2022-11-official-visit.release.txt';
const MD_IN_RELEASES = 'releases/press-office-note.md';
const MD_OUTSIDE = 'notes/reading-list.md';
const DATELINE = 'Phnom Penh, 23 October 2021';
const OUR_TYPES = new Set(['figure', 'date', 'party']);

/** Waits until the server has answered with semantic tokens for the document. */
function tokensOnceAnswered(document: vscode.TextDocument, timeout = 60_000): Promise<TokensResult> {
  return waitFor(
    `semantic tokens for ${vscode.workspace.asRelativePath(document.uri)}`,
    () => semanticTokens(document.uri),
    (result) => result.tokens.length > 0,
    { timeout, describe: (result) => (result.legend ? describeTokens(result.tokens) : 'no semantic tokens provider answered') },
  );
}

function overlapping(tokens: readonly DecodedToken[], at: { start: vscode.Position; end: vscode.Position }, type: string): DecodedToken | undefined {
  return tokens.find(
    (t) => t.type === type && t.line === at.start.line && t.character < at.end.character && t.character + t.length > at.start.character,
  );
}

/** Asserts a token of `type` spanning exactly `needle`'s characters, with `modifier` if given. */
function assertTokenAt(document: vscode.TextDocument, result: TokensResult, needle: string, type: string, modifier?: string, after?: string): void {
  const at = find(document, needle, after);
  const token = overlapping(result.tokens, at, type);
  const where = `${vscode.workspace.asRelativePath(document.uri)}:${at.start.line + 1}:${at.start.character + 1}`;
  assert.ok(
    token,
    `no "${type}" token over ${JSON.stringify(needle)} at ${where}; tokens on that line: ${describeTokens(result.tokens, document, at.start.line)}`,
  );
  assert.deepEqual(
    { character: token.character, length: token.length },
    { character: at.start.character, length: needle.length },
    `the "${type}" token at ${where} does not span exactly ${JSON.stringify(needle)}: ${describeTokens([token], document)}`,
  );
  if (modifier) {
    assert.ok(token.modifiers.includes(modifier), `the "${type}" token over ${JSON.stringify(needle)} lacks the "${modifier}" modifier: ${describeTokens([token], document)}`);
  }
}

/** Waits for a non-empty hover (the server has answered), then returns its text. */
function hoverOnceAnswered(document: vscode.TextDocument, position: vscode.Position, what: string, timeout = 15_000): Promise<string> {
  return waitFor(`a hover card on ${what}`, () => hoverText(document.uri, position), (text) => text.trim().length > 0, {
    timeout,
    describe: (text) => JSON.stringify(text),
  });
}

function assertIncludes(text: string, expected: string, what: string): void {
  assert.ok(text.includes(expected), `the hover on ${what} should contain ${JSON.stringify(expected)}; it reads:\n${text}`);
}

describe('Communiqué inside a real VS Code', () => {
  before(() => {
    console.log(`    VS Code ${vscode.version}, remote ${vscode.env.remoteName ?? 'none'}, workspace ${workspaceRoot().fsPath}`);
  });

  describe('activation', () => {
    it('is loaded from the development path', () => {
      const extension = vscode.extensions.getExtension(EXTENSION_ID);
      assert.ok(extension, `extension ${EXTENSION_ID} is not loaded: check "publisher"/"name" in package.json`);
    });

    it('gives a .release.md file the Press Release language and activates on its own', async () => {
      const document = await openFixture(RELEASE);
      assert.equal(document.languageId, LANGUAGE_ID, `${RELEASE} should be in language ${LANGUAGE_ID}`);
      const extension = vscode.extensions.getExtension(EXTENSION_ID)!;
      await waitFor(
        `${EXTENSION_ID} to become active after a release was opened (activationEvents)`,
        () => extension.isActive,
        (active) => active,
        { timeout: 30_000 },
      );
    });

    it('once active, its commands are there and it exports a sane activation record; the server then starts', async () => {
      const extension = vscode.extensions.getExtension<CommuniqueApi>(EXTENSION_ID)!;
      await waitFor(`${EXTENSION_ID} to become active`, () => extension.isActive, (active) => active, { timeout: 30_000 });
      const commands = await vscode.commands.getCommands(true);
      for (const command of ['communique.restartServer', 'communique.showOutput', 'communique.fixAll']) {
        assert.ok(commands.includes(command), `${command} is not registered once the extension is active`);
      }
      const record = extension.exports?.activation;
      assert.ok(record, `${EXTENSION_ID}'s exports have no activation record: ${JSON.stringify(extension.exports)}`);
      const { bundleStarted, activateCalled, activated } = record;
      for (const [name, value] of Object.entries({ bundleStarted, activateCalled, activated })) {
        assert.ok(Number.isFinite(value) && value > 0, `activation.${name} is not a time: ${String(value)}`);
      }
      // The same clock, in the order things happen; no durations are asserted (the benchmark measures them).
      assert.ok(bundleStarted <= activateCalled && activateCalled <= activated, `activation record out of order: ${JSON.stringify(record)}`);
      assert.ok(activated <= performance.timeOrigin + performance.now(), `activation record in the future: ${JSON.stringify(record)}`);
      const started = await waitFor(
        'the language server to have started (activation.serverStarted)',
        () => record.serverStarted ?? record.serverFailed,
        (value) => value !== undefined,
        { timeout: 60_000 },
      );
      assert.equal(record.serverFailed, undefined, `the language server failed to start: ${record.serverFailed}`);
      assert.ok(typeof started === 'number' && started >= activateCalled, `serverStarted before activate() was called: ${JSON.stringify(record)}`);
    });

    it('gives .release.txt files the Press Release language too', async () => {
      const document = await openFixture(RELEASE_TXT);
      assert.equal(document.languageId, LANGUAGE_ID, `${RELEASE_TXT} should be in language ${LANGUAGE_ID}`);
    });
  });

  describe('a release (.release.md)', () => {
    let document: vscode.TextDocument;
    // Every test waits on the same first answer from the server, so that each one passes or
    // fails on its own (a failing before-hook would hide the others).
    let answered: Promise<TokensResult> | undefined;
    const releaseTokens = async (): Promise<TokensResult> => {
      answered ??= openFixture(RELEASE).then((opened) => {
        document = opened;
        return tokensOnceAnswered(opened, 60_000);
      });
      return answered;
    };

    it('semantic tokens legend declares figure, date and party', async () => {
      const tokens = await releaseTokens();
      const types = tokens.legend?.tokenTypes ?? [];
      for (const type of OUR_TYPES) assert.ok(types.includes(type), `legend token types ${JSON.stringify(types)} lack "${type}"`);
      for (const modifier of ['money', 'percent', 'country']) {
        assert.ok(tokens.legend?.tokenModifiers.includes(modifier), `legend modifiers ${JSON.stringify(tokens.legend?.tokenModifiers)} lack "${modifier}"`);
      }
    });

    it('a figure token spans "USD 5.33 billion" exactly, with the money modifier', async () => {
      const tokens = await releaseTokens();
      assertTokenAt(document, tokens, 'USD 5.33 billion', 'figure', 'money');
    });

    it('a figure token spans "36 percent", with the percent modifier', async () => {
      const tokens = await releaseTokens();
      assertTokenAt(document, tokens, '36 percent', 'figure', 'percent');
    });

    it('a date token spans "21 October 2021"', async () => {
      const tokens = await releaseTokens();
      assertTokenAt(document, tokens, '21 October 2021', 'date');
    });

    it('a party token spans "Viet Nam" in the body, with the country modifier', async () => {
      const tokens = await releaseTokens();
      assertTokenAt(document, tokens, 'Viet Nam', 'party', 'country', DATELINE);
    });

    it('hover on "USD 5.33 billion" shows the normalised value', async () => {
      await releaseTokens().catch(() => undefined);
      const at = find(document, 'USD 5.33 billion');
      const text = await hoverOnceAnswered(document, at.inside, '"USD 5.33 billion"');
      assertIncludes(text, 'USD 5,330,000,000', '"USD 5.33 billion"');
    });

    it('hover on "21 October 2021" shows the ISO date and the weekday', async () => {
      await releaseTokens().catch(() => undefined);
      const at = find(document, '21 October 2021');
      const text = await hoverOnceAnswered(document, at.inside, '"21 October 2021"');
      assertIncludes(text, '2021-10-21', '"21 October 2021"');
      assertIncludes(text, 'Thursday', '"21 October 2021"');
    });

    it('hover on "Viet Nam" shows the party and its kind', async () => {
      await releaseTokens().catch(() => undefined);
      const at = find(document, 'Viet Nam', DATELINE);
      const text = await hoverOnceAnswered(document, at.inside, '"Viet Nam"');
      assertIncludes(text, 'Viet Nam', '"Viet Nam"');
      assertIncludes(text, 'country', '"Viet Nam"');
    });

    it('the outline lists a party and a figure', async () => {
      await releaseTokens().catch(() => undefined);
      const entries = await waitFor(
        `document symbols for ${RELEASE}`,
        () => outline(document.uri),
        (list) => list.length > 0,
        { timeout: 15_000, describe: (list) => JSON.stringify(list) },
      );
      const listed = entries.map((e) => `${e.kind} ${JSON.stringify(e.name)}${e.detail ? ` (${e.detail})` : ''}`).join('; ');
      assert.ok(entries.some((e) => e.name.includes('Viet Nam')), `no outline entry names the party Viet Nam; outline: ${listed}`);
      assert.ok(
        entries.some((e) => /5\.33|5,330,000,000/.test(`${e.name} ${e.detail}`)),
        `no outline entry for the figure USD 5.33 billion; outline: ${listed}`,
      );
    });
  });

  describe('files matched by the communique.files globs', () => {
    it('a plain .md under releases/ gets the same analysis', async () => {
      const document = await openFixture(MD_IN_RELEASES);
      assert.equal(document.languageId, 'markdown', `${MD_IN_RELEASES} should stay Markdown`);
      const tokens = await tokensOnceAnswered(document, 20_000);
      assertTokenAt(document, tokens, 'USD 5.33 billion', 'figure', 'money');
      assertTokenAt(document, tokens, 'Viet Nam', 'party', 'country');
      const text = await hoverOnceAnswered(document, find(document, 'USD 5.33 billion').inside, `"USD 5.33 billion" in ${MD_IN_RELEASES}`);
      assertIncludes(text, 'USD 5,330,000,000', `"USD 5.33 billion" in ${MD_IN_RELEASES}`);
    });

    // Runs after the server has answered for the same shapes above, so one request is enough.
    it('a .md outside such folders gets nothing from Communiqué', async () => {
      const document = await openFixture(MD_OUTSIDE);
      assert.equal(document.languageId, 'markdown');
      const result = await semanticTokens(document.uri);
      const ours = result.tokens.filter((t) => OUR_TYPES.has(t.type));
      assert.equal(ours.length, 0, `${MD_OUTSIDE} got Communiqué tokens: ${describeTokens(ours, document)}`);
      const text = await hoverText(document.uri, find(document, 'USD 5.33 billion').inside);
      assert.ok(!text.includes('5,330,000,000'), `${MD_OUTSIDE} got a Communiqué hover: ${text}`);
    });
  });

  describe('the command "Restart Language Server"', () => {
    /** Whether a process with this id exists (signal 0 tests for it and sends nothing). */
    const running = (pid: number): boolean => {
      try {
        process.kill(pid, 0);
        return true;
      } catch {
        return false;
      }
    };

    it('replaces the server process with a new one, which answers and checks edits again', async () => {
      const api = vscode.extensions.getExtension<CommuniqueApi>(EXTENSION_ID)!.exports;
      const document = await openFixture(RELEASE);
      await tokensOnceAnswered(document);
      const previous = api.serverProcessId;
      assert.ok(previous !== undefined && running(previous), `no running server before the restart (process ${String(previous)})`);
      // The command resolves once the new client has started (or reported that it could not).
      await vscode.commands.executeCommand('communique.restartServer');
      const record = api.activation;
      assert.equal(record.serverFailed, undefined, `the language server failed to start: ${record.serverFailed}`);
      const current = api.serverProcessId;
      assert.ok(current !== undefined && running(current), `no running server after the restart (process ${String(current)})`);
      assert.notEqual(current, previous, 'the restart kept the same server process');
      await waitFor(`the previous server (process ${previous}) to exit`, () => running(previous), (alive) => !alive, { timeout: 15_000 });

      const tokens = await tokensOnceAnswered(document, 30_000);
      assertTokenAt(document, tokens, 'USD 5.33 billion', 'figure', 'money');
      const text = await hoverOnceAnswered(document, find(document, 'USD 5.33 billion').inside, '"USD 5.33 billion" after a restart');
      assertIncludes(text, 'USD 5,330,000,000', '"USD 5.33 billion" after a restart');
      // An edit after the restart is checked by the new server: 21 October 2021 was a Thursday.
      const meeting = find(document, 'on 21 October 2021');
      try {
        const edit = new vscode.WorkspaceEdit();
        edit.replace(document.uri, new vscode.Range(meeting.start, meeting.end), 'on Monday, 21 October 2021');
        assert.ok(await vscode.workspace.applyEdit(edit));
        const weekday = await waitForDiagnostic(document, 'weekday-mismatch', 30_000);
        assert.equal(weekday.range.start.line, meeting.start.line);
        assert.match(weekday.message, /Thursday, not a Monday/);
      } finally {
        await vscode.window.showTextDocument(document);
        await vscode.commands.executeCommand('workbench.action.files.revert');
      }
      assert.ok(document.getText().includes('on 21 October 2021 for'), 'the fixture is back as it was on disk');
    });
  });
});
