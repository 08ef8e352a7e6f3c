// Quick fixes that speak to the workspace rather than the text: silence one finding with a
// suppression comment, add an unknown acronym to the office's knowledge, make a release's usual
// spelling the workspace's house form. Plain data: the LSP layer turns them into workspace edits.

import { modify, type Edit } from 'jsonc-parser';
import type { Span } from '../analysis/types';
import type { CheckedRelease } from '../checks/check';
import type { Finding } from '../checks/finding';
import { disableNextLineComment } from '../checks/suppression';
import type { ConfigParty } from '../config/model';

/** An insertion into the release's text. */
export interface TextInsertion {
  readonly offset: number;
  readonly newText: string;
}

/** "Ignore this finding here": a disable-next-line comment that covers the finding's line. */
export interface SuppressAction {
  readonly title: string;
  readonly code: string;
  /** The finding's span, so the editor ties the action to its diagnostic. */
  readonly finding: Span;
  readonly insertion: TextInsertion;
}

/** An addition to the workspace configuration file. */
export type KnowledgeAction =
  | { readonly kind: 'party'; readonly title: string; readonly party: ConfigParty; readonly at: Span }
  | { readonly kind: 'prefer'; readonly title: string; readonly form: string; readonly finding: Span };

function lineStartOf(text: string, offset: number): number {
  let i = offset;
  while (i > 0 && text[i - 1] !== '\n' && text[i - 1] !== '\r') i--;
  return i;
}

function eolOf(text: string): string {
  return text.includes('\r\n') ? '\r\n' : '\n';
}

/**
 * The comment that silences a finding, inserted so it does not change the rendered text: at the end
 * of the line above when that line is text (an inline comment in the same paragraph), else on a line
 * of its own above the finding's line.
 */
export function suppressionActions(release: CheckedRelease, findings: readonly Finding[], range: Span): SuppressAction[] {
  const text = release.text;
  const actions: SuppressAction[] = [];
  const seen = new Set<string>();
  for (const f of findings) {
    if (f.start > range.end || range.start > f.end) continue;
    const lineStart = lineStartOf(text, f.start);
    const key = `${f.code}@${lineStart}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const comment = disableNextLineComment(f.code);
    let insertion: TextInsertion;
    let previousEnd = lineStart;
    if (previousEnd > 0 && text[previousEnd - 1] === '\n') previousEnd--;
    if (previousEnd > 0 && text[previousEnd - 1] === '\r') previousEnd--;
    const previousStart = lineStartOf(text, previousEnd);
    const previous = text.slice(previousStart, previousEnd);
    if (lineStart > 0 && previous.trim().length > 0 && !previous.trimEnd().endsWith('-->')) {
      insertion = { offset: previousStart + previous.trimEnd().length, newText: ` ${comment}` };
    } else {
      const indent = /^[ \t]*/.exec(text.slice(lineStart, f.start))![0];
      insertion = { offset: lineStart, newText: `${indent}${comment}${eolOf(text)}` };
    }
    actions.push({ title: `Ignore this ${f.code} finding here (comment)`, code: f.code, finding: { start: f.start, end: f.end }, insertion });
  }
  return actions;
}

const ACRONYM = /^[A-Z][A-Z0-9&]{1,11}$/;

/** The word (letters, digits, &) around `offset`, or null. */
function wordAt(text: string, offset: number): Span | null {
  const isWord = (c: string | undefined): boolean => c !== undefined && /[\p{L}\p{N}&]/u.test(c);
  let start = offset;
  let end = offset;
  while (start > 0 && isWord(text[start - 1])) start--;
  while (end < text.length && isWord(text[end])) end++;
  return end > start ? { start, end } : null;
}

/**
 * Knowledge to add from the editor:
 * - "Add 'NIDIR' as an organisation" on an all-capital word the gazetteer does not know: one no
 *   party matched (not inside a heading in capitals), or one this release defined itself
 *   ("National Institute … (NIDIR)"), then with its full name;
 * - "Prefer 'Viet Nam' in this workspace" on a party-variant finding that names the release's usual form.
 * `isKnown` tells whether the gazetteer in force knows a party id.
 */
export function knowledgeActions(
  release: CheckedRelease,
  findings: readonly Finding[],
  range: Span,
  isKnown: (id: string) => boolean,
): KnowledgeAction[] {
  const actions: KnowledgeAction[] = [];
  const { text, analysis } = release;
  const word = wordAt(text, range.start);
  if (word && ACRONYM.test(text.slice(word.start, word.end)) && /[A-Z]{2}/.test(text.slice(word.start, word.end))) {
    const acronym = text.slice(word.start, word.end);
    const mention = analysis.parties.find((m) => m.start <= word.start && word.end <= m.end);
    const inFigure = analysis.figures.some((f) => f.start <= word.start && word.end <= f.end) || analysis.dates.some((d) => d.start <= word.start && word.end <= d.end);
    if (!mention && !inFigure && !inCapitalRun(text, word)) {
      actions.push({ kind: 'party', title: `Add “${acronym}” as an organisation in this workspace`, party: { name: acronym, kind: 'organization' }, at: word });
    } else if (mention && mention.text === acronym && !isKnown(mention.id)) {
      const summary = analysis.partySummaries.find((s) => s.id === mention.id);
      const party: ConfigParty =
        summary && summary.name !== acronym ? { name: summary.name, kind: summary.kind, aliases: [acronym] } : { name: acronym, kind: mention.kind };
      actions.push({ kind: 'party', title: `Add “${acronym}” as ${kindWords(party.kind)} in this workspace`, party, at: word });
    }
  }
  for (const f of findings) {
    if (f.code !== 'party-variant' || f.start > range.end || range.start > f.end) continue;
    if (f.data?.usualFrom !== 'release') continue; // a house form already decided this one
    const form = f.data.usual;
    if (!form || actions.some((a) => a.kind === 'prefer' && a.form === form)) continue;
    actions.push({ kind: 'prefer', title: `Prefer “${form}” in this workspace`, form, finding: { start: f.start, end: f.end } });
  }
  return actions;
}

function kindWords(kind: ConfigParty['kind']): string {
  return kind === 'organization' ? 'an organisation' : kind === 'country' ? 'a country' : kind === 'person' ? 'a person' : 'a party';
}

/** True when the word stands among other all-capital words (a heading in capitals), not alone. */
function inCapitalRun(text: string, word: Span): boolean {
  const before = /([\p{L}]+)[^\p{L}\n]*$/u.exec(text.slice(Math.max(0, word.start - 40), word.start))?.[1];
  const after = /^[^\p{L}\n]*([\p{L}]+)/u.exec(text.slice(word.end, word.end + 40))?.[1];
  const caps = (w: string | undefined): boolean => w !== undefined && w.length > 1 && w === w.toUpperCase() && w !== w.toLowerCase();
  return caps(before) || caps(after);
}

const FORMAT = { formattingOptions: { insertSpaces: true, tabSize: 2, eol: '\n' }, isArrayInsertion: true } as const;

/** The edits to a configuration file's text (empty for a new file) that make the action true. */
export function configEdits(configText: string, action: KnowledgeAction): Edit[] {
  const eol = configText.includes('\r\n') ? '\r\n' : '\n';
  const options = { ...FORMAT, formattingOptions: { ...FORMAT.formattingOptions, eol } };
  if (action.kind === 'party') return modify(configText, ['parties', -1], action.party, options);
  return modify(configText, ['preferredForms', -1], action.form, options);
}
