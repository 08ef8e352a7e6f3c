// The VS Code client: starts the Communiqué language server, tells it which documents are
// releases, shows its state in the status bar, and offers the commands. All analysis is in the server.
//
// Activation is kept short: activate() creates the output channel and the status bar item,
// registers the commands and listeners, and returns. The language client library (a bundle of its
// own, dist/languageClient.js, most of the client's code) is loaded and the server started right
// after activation, without activate() waiting for either; a failure to start is reported in the
// output channel, in the status bar and in the activation record.

// First: the clock that records when the bundle began to run (see ActivationRecord).
import { bundleStarted, now } from './clock';
import * as vscode from 'vscode';
import type * as LanguageClientModule from './languageClient';
import type { LanguageClient, ServerStatus } from './languageClient';

import { readSettings, SETTINGS_SECTION } from '../../server/src/config/settings';
import { CONFIG_FILE_NAMES, SAVE_CONFIG_COMMAND } from '../../server/src/config/model';

const LANGUAGE_ID = 'press-release';

/**
 * When activation happened, on the extension host's clock (epoch milliseconds, see clock.ts), for
 * the benchmark and the tests: the bundle began to run, activate() was called, activate()'s promise
 * resolved; later, when the language server first answered `initialize` (or why it did not).
 */
export interface ActivationRecord {
  readonly bundleStarted: number;
  readonly activateCalled: number;
  readonly activated: number;
  serverStarted?: number;
  serverFailed?: string;
}

/** What activate() resolves to: `vscode.extensions.getExtension('communique.communique').exports`. */
export interface CommuniqueApi {
  readonly activation: ActivationRecord;
  /** The process id of the language server running now; undefined while none runs (restarting, stopped, failed to start). */
  readonly serverProcessId: number | undefined;
}

/** The server's own status, or that it could not start. */
type ClientStatus = ServerStatus | { readonly state: 'failed'; readonly message: string };

let client: LanguageClient | undefined;
/** Starts and stops of the client, one after the other. */
let lifecycle: Promise<void> = Promise.resolve();
let deactivated = false;

/** The language client part (dist/languageClient.js; out/client/src/languageClient.js under tsc), loaded on first use. */
function languageClientModule(): typeof LanguageClientModule {
  // A plain require, which the bundler leaves as it is (scripts/build.mjs marks it external).
  return require('./languageClient') as typeof LanguageClientModule;
}

export async function activate(context: vscode.ExtensionContext): Promise<CommuniqueApi> {
  const activateCalled = now();
  const record: { -readonly [K in keyof ActivationRecord]: ActivationRecord[K] } = { bundleStarted, activateCalled, activated: NaN };
  deactivated = false;
  const output = vscode.window.createOutputChannel('Communiqué', { log: true });
  const statusItem = vscode.window.createStatusBarItem('communique.status', vscode.StatusBarAlignment.Right, 100);
  statusItem.name = 'Communiqué';
  statusItem.command = 'communique.showOutput';
  context.subscriptions.push(output, statusItem);

  let selector = documentSelector();
  let lastStatus: ClientStatus = { state: 'starting', message: 'Starting the Communiqué language server' };

  const showStatus = (): void => {
    const editor = vscode.window.activeTextEditor;
    if (!editor || vscode.languages.match(selector, editor.document) === 0) {
      statusItem.hide();
      return;
    }
    const icon = lastStatus.state === 'ready' ? '$(check)' : lastStatus.state === 'failed' ? '$(error)' : '$(sync~spin)';
    statusItem.text = `${icon} Communiqué`;
    statusItem.tooltip = lastStatus.message;
    statusItem.show();
  };

  /** Creates and starts a client; a failure is reported (the client library also shows it), never thrown. */
  const start = async (): Promise<void> => {
    if (deactivated) return;
    try {
      const { createClient, STARTING } = languageClientModule();
      const created = createClient({
        serverModule: context.asAbsolutePath('dist/server.js'),
        selector,
        output,
        files: releaseGlobs(),
        relativeDateHintsOn,
        onStatus: (status) => {
          if (client !== created) return; // a client being replaced
          lastStatus = status;
          showStatus();
        },
      });
      client = created;
      lastStatus = STARTING;
      showStatus();
      await created.start();
      record.serverStarted ??= now();
      output.info(`The Communiqué language server runs as process ${created.serverProcess?.pid ?? '(unknown)'}`);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      output.error(`The Communiqué language server could not start: ${message}`);
      lastStatus = { state: 'failed', message: `The Communiqué language server could not start: ${message}. Click for the output.` };
      record.serverFailed ??= message;
      showStatus();
    }
  };

  const restart = (): Promise<void> => {
    lifecycle = lifecycle.then(async () => {
      const previous = client;
      client = undefined;
      if (previous) await previous.stop().catch((error: unknown) => output.error(`Stopping the server failed: ${String(error)}`));
      await start();
    });
    return lifecycle;
  };

  context.subscriptions.push(
    vscode.commands.registerCommand('communique.restartServer', restart),
    vscode.commands.registerCommand('communique.showOutput', () => output.show(true)),
    // A figure's code lens: the same claim in the other releases, in the references view.
    vscode.commands.registerCommand('communique.showReferences', async (uri: string, position: unknown, locations: unknown[]) => {
      const running = client;
      if (!running) return;
      const convert = running.protocol2CodeConverter;
      await vscode.commands.executeCommand(
        'editor.action.showReferences',
        vscode.Uri.parse(uri),
        convert.asPosition(position as Parameters<typeof convert.asPosition>[0]),
        locations.map((l) => convert.asLocation(l as Parameters<typeof convert.asLocation>[0])),
      );
    }),
    vscode.commands.registerCommand(SAVE_CONFIG_COMMAND, saveConfigurationFile),
    vscode.commands.registerCommand('communique.fixAll', () =>
      vscode.commands.executeCommand('editor.action.codeAction', { kind: 'source.fixAll.communique', apply: 'first' }),
    ),
    // "Fix all of this kind": the server's fix-all action for one check code.
    ...(
      [
        ['communique.splitAllGluedWords', 'glued-words'],
        ['communique.fixAllPartySpellings', 'party-variant'],
        ['communique.fixAllWeekdays', 'weekday-mismatch'],
      ] as const
    ).map(([command, code]) =>
      vscode.commands.registerCommand(command, () =>
        vscode.commands.executeCommand('editor.action.codeAction', { kind: `source.fixAll.communique.${code}`, apply: 'first' }),
      ),
    ),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (!event.affectsConfiguration('communique.inlayHints') || !client) return;
      languageClientModule().refreshInlayHints(client, vscode.window.visibleTextEditors);
    }),
    vscode.window.onDidChangeActiveTextEditor(showStatus),
    vscode.workspace.onDidChangeConfiguration(async (event) => {
      // Which files are releases decides which documents the client sends: a new selector needs a new client.
      if (event.affectsConfiguration('communique.files')) {
        selector = documentSelector();
        await restart();
      }
    }),
  );
  showStatus();

  // The server starts once activate()'s promise has resolved (setImmediate runs after the promise
  // callbacks VS Code chains on it): neither loading the client library nor the server's start
  // is part of activation. The status bar says it is starting meanwhile.
  lifecycle = new Promise<void>((resolve) => setImmediate(resolve)).then(start);
  record.activated = now();
  return {
    activation: record,
    get serverProcessId() {
      return client?.serverProcess?.pid;
    },
  };
}

export async function deactivate(): Promise<void> {
  deactivated = true;
  await lifecycle.catch(() => undefined);
  const running = client;
  client = undefined;
  if (running) await running.stop();
}

/** Documents of the press-release language, plus Markdown and plain text matching `communique.files`. */
function releaseGlobs(): string[] {
  return [...readSettings(vscode.workspace.getConfiguration(SETTINGS_SECTION)).files];
}

/** A selector both VS Code's `languages.match` and the language client accept. */
type ReleaseSelector = { language?: string; scheme: string; pattern?: string }[];

function documentSelector(): ReleaseSelector {
  const globs = releaseGlobs();
  const selector: ReleaseSelector = [
    { language: LANGUAGE_ID, scheme: 'file' },
    { language: LANGUAGE_ID, scheme: 'untitled' },
    // The workspace configuration files, so the server checks the text being typed (it applies the saved file).
    { scheme: 'file', pattern: `**/{${CONFIG_FILE_NAMES.join(',')}}` },
  ];
  for (const pattern of globs) {
    selector.push({ language: 'markdown', scheme: 'file', pattern }, { language: 'plaintext', scheme: 'file', pattern });
  }
  return selector;
}

/**
 * Run after a quick fix edited a configuration file ("Add … in this workspace", "Prefer … in this
 * workspace"): saves it when no editor tab shows it, that is when the edit opened it out of sight,
 * so the change applies at once instead of waiting unseen in an unsaved file. A file the user has
 * open is left to them, with any edits of their own, like any edit in an open file.
 */
async function saveConfigurationFile(uri: unknown): Promise<void> {
  if (typeof uri !== 'string') return;
  const target = vscode.Uri.parse(uri).toString();
  const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === target);
  const shown = vscode.window.tabGroups.all.some((group) =>
    group.tabs.some((tab) => tab.input instanceof vscode.TabInputText && tab.input.uri.toString() === target),
  );
  if (document?.isDirty && !shown) await document.save();
}

/** `communique.inlayHints.relativeDates` for this document's folder: show what "this year" or "on Tuesday" resolved to. */
function relativeDateHintsOn(document: vscode.TextDocument): boolean {
  // The configuration object carries the section's values as properties, which readSettings reads.
  return readSettings(vscode.workspace.getConfiguration(SETTINGS_SECTION, document)).inlayHints.relativeDates;
}
