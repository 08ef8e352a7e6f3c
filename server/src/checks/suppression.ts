// Suppression comments in the text, in a form rendered Markdown does not show:
//   <!-- communique-disable-next-line figure-conflict -->   the next line, these codes (none = all)
//   <!-- communique-disable glued-words -->                  from here on, these codes (none = all)
//   <!-- communique-enable -->                               back on (these codes, or all)
// Applied in one place, after the checks ran (runChecks). Pure.

import type { Finding } from './finding';

export type DirectiveKind = 'disable-next-line' | 'disable' | 'enable';

export interface Directive {
  readonly kind: DirectiveKind;
  /** The codes named; empty for every check. */
  readonly codes: readonly string[];
  readonly start: number;
  readonly end: number;
}

const DIRECTIVE = /<!--[ \t]*communique-(disable-next-line|disable|enable)\b([^>]{0,400}?)-->/g;

/** The suppression comments of a text, in order. */
export function readDirectives(text: string): Directive[] {
  if (!text.includes('communique-')) return [];
  const found: Directive[] = [];
  DIRECTIVE.lastIndex = 0;
  for (let m = DIRECTIVE.exec(text); m !== null; m = DIRECTIVE.exec(text)) {
    const codes = m[2]!.split(/[\s,]+/).filter((c) => c.length > 0);
    found.push({ kind: m[1] as DirectiveKind, codes, start: m.index, end: m.index + m[0].length });
  }
  return found;
}

/** The offset where the line after the one holding `offset` starts, and where that line ends. */
function nextLine(text: string, offset: number): { start: number; end: number } {
  let i = offset;
  while (i < text.length && text[i] !== '\n' && text[i] !== '\r') i++;
  if (text[i] === '\r' && text[i + 1] === '\n') i++;
  const start = Math.min(i + 1, text.length);
  let end = start;
  while (end < text.length && text[end] !== '\n' && text[end] !== '\r') end++;
  return { start, end };
}

/** The findings the text's suppression comments leave. */
export function applySuppressions(text: string, findings: readonly Finding[]): Finding[] {
  const directives = readDirectives(text);
  if (directives.length === 0) return [...findings];
  const lines = directives.filter((d) => d.kind === 'disable-next-line').map((d) => ({ ...nextLine(text, d.end - 1), codes: d.codes }));
  const blocks = directives.filter((d) => d.kind !== 'disable-next-line');
  return findings.filter((finding) => {
    for (const line of lines) {
      if (finding.start >= line.start && finding.start <= line.end && (line.codes.length === 0 || line.codes.includes(finding.code))) return false;
    }
    // Replay disable/enable up to the finding.
    let all = false;
    const disabled = new Set<string>();
    for (const d of blocks) {
      if (d.end > finding.start) break;
      if (d.kind === 'disable') {
        if (d.codes.length === 0) all = true;
        else for (const c of d.codes) disabled.add(c);
      } else if (d.codes.length === 0) {
        all = false;
        disabled.clear();
      } else for (const c of d.codes) disabled.delete(c);
    }
    return !(all || disabled.has(finding.code));
  });
}

/** The comment a quick fix inserts on its own line above a finding. */
export function disableNextLineComment(code: string): string {
  return `<!-- communique-disable-next-line ${code} -->`;
}
