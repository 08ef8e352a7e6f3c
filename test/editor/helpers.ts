// Helpers for the tests inside the extension host: the fixture workspace, positions of strings
// the fixtures contain, polling with a deadline, and decoding what the VS Code API returns.
import * as assert from 'node:assert/strict';
import { setTimeout as delay } from 'node:timers/promises';
import * as vscode from 'vscode';

export const EXTENSION_ID = 'communique.communique';
export const LANGUAGE_ID = 'press-release';

/** The fixture workspace (test/e2e/workspace) that the driver opened. */
export function workspaceRoot(): vscode.Uri {
  const folders = vscode.workspace.workspaceFolders ?? [];
  assert.ok(folders.length > 0, 'no workspace folder is open: the driver must open test/e2e/workspace');
  return folders[0]!.uri;
}

export async function openFixture(relativePath: string): Promise<vscode.TextDocument> {
  const uri = vscode.Uri.joinPath(workspaceRoot(), ...relativePath.split('/'));
  const document = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(document, { preview: false });
  return document;
}

export interface Found {
  readonly text: string;
  readonly start: vscode.Position;
  readonly end: vscode.Position;
  /** A position inside the match, away from its edges. */
  readonly inside: vscode.Position;
}

/** Finds `needle` in the document (after the first occurrence of `after`, when given). */
export function find(document: vscode.TextDocument, needle: string, after?: string): Found {
  const text = document.getText();
  let from = 0;
  if (after !== undefined) {
    const anchor = text.indexOf(after);
    assert.ok(anchor >= 0, `fixture ${document.uri.path} no longer contains ${JSON.stringify(after)}`);
    from = anchor + after.length;
  }
  const offset = text.indexOf(needle, from);
  assert.ok(offset >= 0, `fixture ${document.uri.path} no longer contains ${JSON.stringify(needle)}`);
  return {
    text: needle,
    start: document.positionAt(offset),
    end: document.positionAt(offset + needle.length),
    inside: document.positionAt(offset + Math.floor(needle.length / 2)),
  };
}

/**
 * Calls `probe` until `accept` says yes, or fails after `timeout` ms with `what` and a description
 * of the last value seen. Never a fixed sleep: the server answers when it is ready.
 */
export async function waitFor<T>(
  what: string,
  probe: () => Thenable<T> | T,
  accept: (value: T) => boolean,
  options: { timeout?: number; describe?: (value: T) => string } = {},
): Promise<T> {
  const timeout = options.timeout ?? 60_000;
  const deadline = Date.now() + timeout;
  let last: T | undefined;
  let lastError: unknown;
  let tries = 0;
  for (;;) {
    tries++;
    try {
      last = await probe();
      lastError = undefined;
      if (accept(last)) return last;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() >= deadline) {
      const seen =
        lastError !== undefined
          ? `the last attempt threw: ${lastError instanceof Error ? lastError.message : String(lastError)}`
          : `last seen: ${last === undefined ? 'nothing (undefined)' : options.describe ? options.describe(last) : JSON.stringify(last)}`;
      assert.fail(`${what}: not within ${timeout / 1000} s (${tries} attempts); ${seen}`);
    }
    await delay(Math.min(250, Math.max(0, deadline - Date.now())));
  }
}

/** The first diagnostic of check `code` VS Code holds for the document. */
export function diagnosticOf(document: vscode.TextDocument, code: string): vscode.Diagnostic | undefined {
  return vscode.languages.getDiagnostics(document.uri).find((d) => (typeof d.code === 'object' ? d.code.value : d.code) === code);
}

/** Waits until VS Code holds a diagnostic of check `code` for the document. */
export function waitForDiagnostic(document: vscode.TextDocument, code: string, timeout?: number): Promise<vscode.Diagnostic> {
  return waitFor(
    `a ${code} diagnostic on ${vscode.workspace.asRelativePath(document.uri)}`,
    () => diagnosticOf(document, code),
    (d) => d !== undefined,
    { ...(timeout !== undefined ? { timeout } : {}), describe: () => vscode.languages.getDiagnostics(document.uri).map((d) => `${String(d.code)}: ${d.message}`).join('; ') || 'no diagnostics' },
  ) as Promise<vscode.Diagnostic>;
}

export interface DecodedToken {
  readonly line: number;
  readonly character: number;
  readonly length: number;
  readonly type: string;
  readonly modifiers: readonly string[];
}

export interface TokensResult {
  readonly legend: vscode.SemanticTokensLegend | undefined;
  readonly tokens: readonly DecodedToken[];
}

/** Semantic tokens as the editor gets them, through the real provider registry. */
export async function semanticTokens(uri: vscode.Uri): Promise<TokensResult> {
  const legend = await vscode.commands.executeCommand<vscode.SemanticTokensLegend | undefined>(
    'vscode.provideDocumentSemanticTokensLegend',
    uri,
  );
  const result = await vscode.commands.executeCommand<vscode.SemanticTokens | undefined>(
    'vscode.provideDocumentSemanticTokens',
    uri,
  );
  if (!legend || !result) return { legend, tokens: [] };
  return { legend, tokens: decodeTokens(result.data, legend) };
}

export function decodeTokens(data: Uint32Array, legend: vscode.SemanticTokensLegend): DecodedToken[] {
  const tokens: DecodedToken[] = [];
  let line = 0;
  let character = 0;
  for (let i = 0; i + 4 < data.length; i += 5) {
    const deltaLine = data[i]!;
    const deltaStart = data[i + 1]!;
    line += deltaLine;
    character = deltaLine === 0 ? character + deltaStart : deltaStart;
    const typeIndex = data[i + 3]!;
    const modifierBits = data[i + 4]!;
    const modifiers = legend.tokenModifiers.filter((_, bit) => (modifierBits & (1 << bit)) !== 0);
    tokens.push({ line, character, length: data[i + 2]!, type: legend.tokenTypes[typeIndex] ?? `#${typeIndex}`, modifiers });
  }
  return tokens;
}

export function describeTokens(tokens: readonly DecodedToken[], document?: vscode.TextDocument, line?: number): string {
  const shown = line === undefined ? tokens : tokens.filter((t) => t.line === line);
  if (shown.length === 0) return line === undefined ? 'no tokens' : `no tokens on line ${line + 1}`;
  return shown
    .slice(0, 30)
    .map((t) => {
      const text = document ? JSON.stringify(document.lineAt(t.line).text.slice(t.character, t.character + t.length)) : '';
      return `${t.line + 1}:${t.character + 1} len ${t.length} ${t.type}${t.modifiers.length ? '.' + t.modifiers.join('.') : ''} ${text}`;
    })
    .join('; ');
}

/** The text of every hover card VS Code would show at `position`, all providers together. */
export async function hoverText(uri: vscode.Uri, position: vscode.Position): Promise<string> {
  const hovers = (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, position)) ?? [];
  return hovers
    .flatMap((hover) => hover.contents)
    .map((content) => (typeof content === 'string' ? content : content.value))
    .join('\n---\n');
}

export interface SymbolEntry {
  readonly name: string;
  readonly detail: string;
  readonly kind: string;
}

/** Every entry of the outline, children included, flattened. */
export async function outline(uri: vscode.Uri): Promise<SymbolEntry[]> {
  const symbols =
    (await vscode.commands.executeCommand<(vscode.DocumentSymbol | vscode.SymbolInformation)[]>(
      'vscode.executeDocumentSymbolProvider',
      uri,
    )) ?? [];
  const entries: SymbolEntry[] = [];
  const visit = (symbol: vscode.DocumentSymbol | vscode.SymbolInformation): void => {
    entries.push({ name: symbol.name, detail: 'detail' in symbol ? symbol.detail : '', kind: vscode.SymbolKind[symbol.kind] ?? String(symbol.kind) });
    if ('children' in symbol) symbol.children.forEach(visit);
  };
  symbols.forEach(visit);
  return entries;
}

/** The code actions VS Code gathers at `range` (of `kind`, when given), from every provider. */
export async function codeActions(uri: vscode.Uri, range: vscode.Range, kind?: string): Promise<vscode.CodeAction[]> {
  return (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, range, kind)) ?? [];
}

/**
 * Turns the workbench's auto save off (the web workbench saves after a second by default, and a
 * test of unsaved text needs it to stay unsaved); returns what puts the user's value back.
 */
export async function autoSaveOff(): Promise<() => Promise<void>> {
  const files = vscode.workspace.getConfiguration('files');
  const before = files.inspect<string>('autoSave')?.globalValue;
  await files.update('autoSave', 'off', vscode.ConfigurationTarget.Global);
  return async () => {
    await files.update('autoSave', before, vscode.ConfigurationTarget.Global);
  };
}
