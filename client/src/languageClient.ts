// The part of the client that needs vscode-languageclient: creating and starting the client of the
// Communiqué language server. The library is most of the client's code, so it is a bundle of its
// own (dist/languageClient.js) that extension.ts requires only when it starts the server, after
// activation: activation never waits for the library to load nor for the server to start.

import type * as vscode from 'vscode';
import {
  InlayHintRequest,
  LanguageClient,
  State,
  TransportKind,
  type DocumentSelector,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';

export type { LanguageClient };

/** What the server says of itself (`communique/status`), or that it is starting. A type only: nothing of the server is bundled. */
export type { ServerStatus } from '../../server/src/lsp/server';
import type { ServerStatus } from '../../server/src/lsp/server';

export interface ClientOptions {
  /** The absolute path of dist/server.js. */
  readonly serverModule: string;
  readonly selector: DocumentSelector;
  readonly output: vscode.LogOutputChannel;
  /** `communique.files`, for the server's scan of the workspace. */
  readonly files: readonly string[];
  /** Whether relative-date inlay hints are shown in this document (`communique.inlayHints.relativeDates`). */
  readonly relativeDateHintsOn: (document: vscode.TextDocument) => boolean;
  readonly onStatus: (status: ServerStatus) => void;
}

export const STARTING: ServerStatus = { state: 'starting', message: 'Starting the Communiqué language server' };

/** A client of the server over IPC, not started yet. */
export function createClient(options: ClientOptions): LanguageClient {
  const serverOptions: ServerOptions = {
    run: { module: options.serverModule, transport: TransportKind.ipc },
    debug: { module: options.serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6010'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: options.selector,
    outputChannel: options.output,
    initializationOptions: { files: [...options.files] },
    synchronize: { configurationSection: 'communique' },
    middleware: {
      // The server always computes relative-date hints; they are shown only when the setting is on.
      provideInlayHints: (document, range, token, next) => (options.relativeDateHintsOn(document) ? next(document, range, token) : []),
    },
  };
  const client = new LanguageClient('communique', 'Communiqué', serverOptions, clientOptions);
  client.onDidChangeState(({ newState }) => {
    if (newState === State.Starting) options.onStatus(STARTING);
  });
  // Registered before start(), so that no status the server sends early is missed.
  client.onNotification('communique/status', (status: ServerStatus) => options.onStatus(status));
  return client;
}

/** Asks the editors for inlay hints again (after `communique.inlayHints.*` changed). */
export function refreshInlayHints(client: LanguageClient, editors: readonly vscode.TextEditor[]): void {
  const feature = client.getFeature(InlayHintRequest.method);
  for (const editor of editors) feature?.getProvider(editor.document)?.onDidChangeInlayHints.fire();
}
