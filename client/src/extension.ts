// The VS Code client: starts the Communiqué language server, tells it which documents are
// releases, shows its state in the status bar, and offers the commands. All analysis is in the server.

// First: the clock that records when the bundle began to run (see ActivationRecord).
import { bundleStarted, now } from './clock';
import * as vscode from 'vscode';
import {
  InlayHintRequest,
  LanguageClient,
  State,
  TransportKind,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';

import { readSettings, SETTINGS_SECTION } from '../../server/src/config/settings';

const LANGUAGE_ID = 'press-release';

interface ServerStatus {
  readonly state: 'starting' | 'ready' | 'working';
  readonly message: string;
}

/**
 * When activation happened, on the extension host's clock (epoch milliseconds, see clock.ts), for
 * the benchmark and the tests: the bundle began to run, activate() was called, activate()'s promise
 * resolved; later, when the language server answered `initialize` (or why it did not).
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
}

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<CommuniqueApi> {
  const activateCalled = now();
  const output = vscode.window.createOutputChannel('Communiqué', { log: true });
  const statusItem = vscode.window.createStatusBarItem('communique.status', vscode.StatusBarAlignment.Right, 100);
  statusItem.name = 'Communiqué';
  statusItem.command = 'communique.showOutput';
  context.subscriptions.push(output, statusItem);

  let selector = documentSelector();
  let lastStatus: ServerStatus = { state: 'starting', message: 'Starting the Communiqué language server' };

  const showStatus = (): void => {
    const editor = vscode.window.activeTextEditor;
    if (!editor || vscode.languages.match(selector, editor.document) === 0) {
      statusItem.hide();
      return;
    }
    const icon = lastStatus.state === 'ready' ? '$(check)' : '$(sync~spin)';
    statusItem.text = `${icon} Communiqué`;
    statusItem.tooltip = lastStatus.message;
    statusItem.show();
  };

  const start = async (): Promise<void> => {
    const serverModule = context.asAbsolutePath('dist/server.js');
    const serverOptions: ServerOptions = {
      run: { module: serverModule, transport: TransportKind.ipc },
      debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6010'] } },
    };
    const clientOptions: LanguageClientOptions = {
      documentSelector: selector,
      outputChannel: output,
      initializationOptions: { files: releaseGlobs() },
      synchronize: { configurationSection: 'communique' },
      middleware: {
        // The server always computes relative-date hints; they are shown only when the setting is on.
        provideInlayHints: (document, range, token, next) => (relativeDateHintsOn(document) ? next(document, range, token) : []),
      },
    };
    client = new LanguageClient('communique', 'Communiqué', serverOptions, clientOptions);
    client.onDidChangeState(({ newState }) => {
      if (newState === State.Starting) lastStatus = { state: 'starting', message: 'Starting the Communiqué language server' };
      showStatus();
    });
    lastStatus = { state: 'starting', message: 'Starting the Communiqué language server' };
    showStatus();
    await client.start();
    client.onNotification('communique/status', (status: ServerStatus) => {
      lastStatus = status;
      showStatus();
    });
  };

  const restart = async (): Promise<void> => {
    const previous = client;
    client = undefined;
    if (previous) await previous.stop().catch((error: unknown) => output.error(`Stopping the server failed: ${String(error)}`));
    await start();
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
      if (!event.affectsConfiguration('communique.inlayHints')) return;
      const feature = client?.getFeature(InlayHintRequest.method);
      for (const editor of vscode.window.visibleTextEditors) feature?.getProvider(editor.document)?.onDidChangeInlayHints.fire();
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

  await start();
  const activated = now();
  return { activation: { bundleStarted, activateCalled, activated, serverStarted: activated } };
}

export async function deactivate(): Promise<void> {
  const running = client;
  client = undefined;
  if (running) await running.stop();
}

/** Documents of the press-release language, plus Markdown and plain text matching `communique.files`. */
function releaseGlobs(): string[] {
  const section = vscode.workspace.getConfiguration(SETTINGS_SECTION);
  return [...readSettings({ files: section.get<unknown>('files') }).files];
}

/** A selector both VS Code's `languages.match` and the language client accept. */
type ReleaseSelector = { language: string; scheme: string; pattern?: string }[];

function documentSelector(): ReleaseSelector {
  const globs = releaseGlobs();
  const selector: ReleaseSelector = [
    { language: LANGUAGE_ID, scheme: 'file' },
    { language: LANGUAGE_ID, scheme: 'untitled' },
  ];
  for (const pattern of globs) {
    selector.push({ language: 'markdown', scheme: 'file', pattern }, { language: 'plaintext', scheme: 'file', pattern });
  }
  return selector;
}

/** `communique.inlayHints.relativeDates`: show what "this year" or "on Tuesday" resolved to (off by default). */
function relativeDateHintsOn(document: vscode.TextDocument): boolean {
  return vscode.workspace.getConfiguration('communique', document).get<boolean>('inlayHints.relativeDates', false) === true;
}
