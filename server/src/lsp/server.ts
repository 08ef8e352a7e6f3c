// The language server: capabilities, document sync and the handlers, on top of the pure analysis
// and feature builders. The only code (with convert.ts) that knows the protocol.

import {
  TextDocuments,
  TextDocumentSyncKind,
  type Connection,
  type InitializeResult,
  type CancellationToken,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { AnalysisCache } from '../workspace/analysisCache';
import type { DocumentAnalysis } from '../analysis/types';
import { hoverAt } from '../features/hover';
import { outline } from '../features/outline';
import { classify } from '../features/tokens';
import { semanticTokensLegend, toDocumentSymbols, toHover, toSemanticTokens } from './convert';

/** Documents longer than this (UTF-16 code units) are not analysed: a release is never 20 MB. */
export const MAX_ANALYSED_LENGTH = 20_000_000;

export interface ServerStatus {
  readonly state: 'starting' | 'ready' | 'working';
  readonly message: string;
}

export const STATUS_NOTIFICATION = 'communique/status';

export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  const cache = new AnalysisCache();
  const skipped = new Set<string>();

  const status = (state: ServerStatus['state'], message: string): void => {
    void connection.sendNotification(STATUS_NOTIFICATION, { state, message } satisfies ServerStatus);
  };

  /** The analysis of an open document, or null when it is unknown or too large to analyse. */
  const analysisOf = (uri: string): { document: TextDocument; analysis: DocumentAnalysis } | null => {
    const document = documents.get(uri);
    if (!document) return null;
    if (document.getText().length > MAX_ANALYSED_LENGTH) {
      if (!skipped.has(uri)) {
        skipped.add(uri);
        const message = `Communiqué skipped ${uri}: ${Math.round(document.getText().length / 1e6)} million characters is more than the ${MAX_ANALYSED_LENGTH / 1e6} million it analyses.`;
        connection.console.warn(message);
        void connection.window.showWarningMessage(message);
      }
      return null;
    }
    return { document, analysis: cache.get(document) };
  };

  /** Every handler answers, even when something inside it throws: the error is logged, the answer is empty. */
  function safe<P, R>(name: string, handler: (params: P, token: CancellationToken) => R, empty: R) {
    return (params: P, token: CancellationToken): R => {
      try {
        if (token.isCancellationRequested) return empty;
        return handler(params, token);
      } catch (error) {
        connection.console.error(`${name} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
        return empty;
      }
    };
  }

  connection.onInitialize((): InitializeResult => ({
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
      hoverProvider: true,
      documentSymbolProvider: { label: 'Communiqué' },
      semanticTokensProvider: { legend: semanticTokensLegend, full: true, range: true },
    },
    serverInfo: { name: 'communique', version: SERVER_VERSION },
  }));

  connection.onInitialized(() => status('ready', 'Communiqué is ready'));

  documents.onDidOpen(({ document }) => {
    status('working', `Analysing ${shortName(document.uri)}`);
    const found = safe('analysis', () => analysisOf(document.uri), null)(undefined, NEVER_CANCELLED);
    status('ready', found ? summaryMessage(found.analysis) : 'Communiqué is ready');
  });
  documents.onDidClose(({ document }) => {
    cache.delete(document.uri);
    skipped.delete(document.uri);
  });

  connection.languages.semanticTokens.on(
    safe(
      'semantic tokens',
      (params) => {
        const found = analysisOf(params.textDocument.uri);
        if (!found) return { data: [] };
        return toSemanticTokens(found.document.getText(), found.analysis, classify(found.analysis));
      },
      { data: [] },
    ),
  );
  connection.languages.semanticTokens.onRange(
    safe(
      'semantic tokens (range)',
      (params) => {
        const found = analysisOf(params.textDocument.uri);
        if (!found) return { data: [] };
        const range = { start: found.document.offsetAt(params.range.start), end: found.document.offsetAt(params.range.end) };
        return toSemanticTokens(found.document.getText(), found.analysis, classify(found.analysis), range);
      },
      { data: [] },
    ),
  );

  connection.onHover(
    safe(
      'hover',
      (params) => {
        const found = analysisOf(params.textDocument.uri);
        if (!found) return null;
        const card = hoverAt(found.analysis, found.document.offsetAt(params.position));
        return card ? toHover(found.analysis, card) : null;
      },
      null,
    ),
  );

  connection.onDocumentSymbol(
    safe(
      'document symbols',
      (params) => {
        const found = analysisOf(params.textDocument.uri);
        if (!found) return [];
        return toDocumentSymbols(found.analysis, outline(found.analysis));
      },
      [],
    ),
  );

  documents.listen(connection);
  connection.listen();
}

declare const __VERSION__: string | undefined;
const SERVER_VERSION = typeof __VERSION__ === 'string' ? __VERSION__ : '0.0.0-dev';

const NEVER_CANCELLED: CancellationToken = { isCancellationRequested: false, onCancellationRequested: () => ({ dispose() {} }) };

function shortName(uri: string): string {
  return decodeURIComponent(uri.slice(uri.lastIndexOf('/') + 1));
}

function summaryMessage(analysis: DocumentAnalysis): string {
  const n = (count: number, word: string): string => `${count} ${word}${count === 1 ? '' : 's'}`;
  return `${shortName(analysis.uri)}: ${n(analysis.figures.length, 'figure')}, ${n(analysis.dates.length, 'date')}, ${n(analysis.partySummaries.length, 'party')}`.replace('partys', 'parties');
}
