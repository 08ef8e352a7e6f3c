// The one place where offsets become LSP positions and analysis results become protocol types.

import {
  CodeActionKind,
  DiagnosticSeverity,
  TextEdit,
  type CodeAction,
  DocumentSymbol,
  type Diagnostic,
  MarkupKind,
  SymbolKind,
  type Hover,
  type Range,
  type SemanticTokens,
  type SemanticTokensLegend,
} from 'vscode-languageserver/node';
import {
  DocumentHighlightKind,
  InlayHintKind,
  type CodeLens,
  type DocumentHighlight,
  type InlayHint,
  type Location,
  type WorkspaceSymbol,
} from 'vscode-languageserver/node';
import type { FigureLens, InlayHint as RelativeDateHint, NavLocation, WorkspaceSymbol as ReleaseSymbol } from '../features/navigation';
import { positionAt } from '../analysis/text';
import type { DocumentAnalysis, Span } from '../analysis/types';
import type { Finding, Severity } from '../checks/finding';
import type { FixAction } from '../features/codeActions';
import type { HoverCard } from '../features/hover';
import type { OutlineKind, OutlineNode } from '../features/outline';
import { TOKEN_MODIFIERS, TOKEN_TYPES, type ClassifiedSpan } from '../features/tokens';

export function toRange(analysis: DocumentAnalysis, span: Span): Range {
  return { start: positionAt(analysis.lineStarts, span.start), end: positionAt(analysis.lineStarts, span.end) };
}

export const semanticTokensLegend: SemanticTokensLegend = {
  tokenTypes: [...TOKEN_TYPES],
  tokenModifiers: [...TOKEN_MODIFIERS],
};

const typeIndex = new Map<string, number>(TOKEN_TYPES.map((t, i) => [t, i]));
const modifierBit = new Map<string, number>(TOKEN_MODIFIERS.map((m, i) => [m, 1 << i]));

/**
 * Encodes classified spans as LSP semantic tokens (relative line and character, UTF-16 lengths).
 * A span that crosses a line break ("Viet\nNam" in extracted text) becomes one token per line.
 */
export function toSemanticTokens(text: string, analysis: DocumentAnalysis, spans: readonly ClassifiedSpan[], range?: Span): SemanticTokens {
  const data: number[] = [];
  let previousLine = 0;
  let previousCharacter = 0;
  const lineStarts = analysis.lineStarts;
  for (const span of spans) {
    if (range && (span.end <= range.start || span.start >= range.end)) continue;
    const type = typeIndex.get(span.type)!;
    let modifiers = 0;
    for (const m of span.modifiers) modifiers |= modifierBit.get(m) ?? 0;
    let { line, character } = positionAt(lineStarts, span.start);
    let start = span.start;
    while (start < span.end) {
      const nextLineStart = line + 1 < lineStarts.length ? lineStarts[line + 1]! : Number.POSITIVE_INFINITY;
      let end = Math.min(span.end, nextLineStart);
      // Leave the line break itself ("\n", "\r\n" or "\r") out of the token.
      while (end > start && (text.charCodeAt(end - 1) === 0x0a || text.charCodeAt(end - 1) === 0x0d)) end--;
      if (end > start) {
        data.push(line - previousLine, line === previousLine ? character - previousCharacter : character, end - start, type, modifiers);
        previousLine = line;
        previousCharacter = character;
      }
      if (nextLineStart >= span.end) break;
      start = nextLineStart;
      line++;
      character = 0;
    }
  }
  return { data };
}

export function toHover(analysis: DocumentAnalysis, card: HoverCard): Hover {
  return { contents: { kind: MarkupKind.Markdown, value: card.markdown }, range: toRange(analysis, card.span) };
}

const SYMBOL_KIND: Record<OutlineKind, SymbolKind> = {
  group: SymbolKind.Namespace,
  country: SymbolKind.Module,
  person: SymbolKind.Object,
  organization: SymbolKind.Class,
  party: SymbolKind.Variable,
  figure: SymbolKind.Number,
  date: SymbolKind.Event,
};

export function toDocumentSymbols(analysis: DocumentAnalysis, nodes: readonly OutlineNode[]): DocumentSymbol[] {
  return nodes.map((node) =>
    DocumentSymbol.create(
      node.name || '(unnamed)',
      node.detail,
      SYMBOL_KIND[node.kind],
      toRange(analysis, node.span),
      toRange(analysis, node.selection),
      node.children.length > 0 ? toDocumentSymbols(analysis, node.children) : undefined,
    ),
  );
}

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/**
 * A finding as a diagnostic; related locations in other releases need those releases' line
 * starts, which `analysisOf` gives (a related location in a release no longer indexed is dropped).
 */
export function toDiagnostic(analysis: DocumentAnalysis, finding: Finding, analysisOf: (uri: string) => DocumentAnalysis | undefined): Diagnostic {
  const relatedInformation = finding.related.flatMap((related) => {
    const other = related.uri === analysis.uri ? analysis : analysisOf(related.uri);
    return other ? [{ location: { uri: related.uri, range: toRange(other, related) }, message: related.message }] : [];
  });
  return {
    range: toRange(analysis, finding),
    severity: SEVERITY[finding.severity],
    code: finding.code,
    source: 'communique',
    message: finding.message,
    ...(relatedInformation.length > 0 ? { relatedInformation } : {}),
    ...(finding.data ? { data: finding.data } : {}),
  };
}

/** The kind of the one action that fixes every unambiguous finding of a release. */
export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.communique`;

function sameRange(a: Range, b: Range): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}

/**
 * A fix as a code action with a workspace edit on the release. `diagnostics` are the ones the
 * editor sent with the request; the action names those it fixes (same code, same range).
 */
export function toCodeAction(analysis: DocumentAnalysis, action: FixAction, diagnostics: readonly Diagnostic[]): CodeAction {
  const ranges = action.fixes.map((span) => toRange(analysis, span));
  const fixed = diagnostics.filter(
    (d) => (action.kind === 'source.fixAll' || d.code === action.code) && ranges.some((r) => sameRange(r, d.range)),
  );
  return {
    title: action.title,
    // A fix-all of one kind of finding is a sub-kind: source.fixAll.communique.glued-words.
    kind: action.kind === 'quickfix' ? CodeActionKind.QuickFix : action.code === 'communique' ? FIX_ALL_KIND : `${FIX_ALL_KIND}.${action.code}`,
    ...(fixed.length > 0 ? { diagnostics: fixed } : {}),
    ...(action.isPreferred ? { isPreferred: true } : {}),
    edit: { changes: { [analysis.uri]: action.edits.map((e) => TextEdit.replace(toRange(analysis, e), e.newText)) } },
  };
}

/** A place in some release; null when that release is no longer indexed. */
export function toLocation(location: NavLocation, analysisOf: (uri: string) => DocumentAnalysis | undefined): Location | null {
  const analysis = analysisOf(location.uri);
  return analysis ? { uri: location.uri, range: toRange(analysis, location) } : null;
}

export function toHighlights(analysis: DocumentAnalysis, spans: readonly Span[]): DocumentHighlight[] {
  return spans.map((span) => ({ range: toRange(analysis, span), kind: DocumentHighlightKind.Text }));
}

const WORKSPACE_SYMBOL_KIND: Record<ReleaseSymbol['kind'], SymbolKind> = {
  country: SymbolKind.Module,
  person: SymbolKind.Object,
  organization: SymbolKind.Class,
  other: SymbolKind.Variable,
  metric: SymbolKind.Number,
};

export function toWorkspaceSymbol(symbol: ReleaseSymbol, analysisOf: (uri: string) => DocumentAnalysis | undefined): WorkspaceSymbol | null {
  const location = toLocation(symbol.location, analysisOf);
  return location ? { name: symbol.name, kind: WORKSPACE_SYMBOL_KIND[symbol.kind], containerName: symbol.detail, location } : null;
}

/** The client command a figure lens runs: it shows the locations in the references view. */
export const SHOW_REFERENCES_COMMAND = 'communique.showReferences';

export function toCodeLens(analysis: DocumentAnalysis, lens: FigureLens, analysisOf: (uri: string) => DocumentAnalysis | undefined): CodeLens {
  const range = toRange(analysis, lens.span);
  const locations = lens.locations.flatMap((l) => toLocation(l, analysisOf) ?? []);
  return { range, command: { title: lens.title, command: SHOW_REFERENCES_COMMAND, arguments: [analysis.uri, range.start, locations] } };
}

export function toInlayHint(analysis: DocumentAnalysis, hint: RelativeDateHint): InlayHint {
  return { position: positionAt(analysis.lineStarts, hint.offset), label: hint.label, kind: InlayHintKind.Type, paddingLeft: true, tooltip: hint.tooltip };
}
