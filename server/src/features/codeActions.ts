// Quick fixes for findings, as plain edits the user chooses: a party's usual form, split glued
// words, the right weekday, the value another release states, a release date. Each fix also comes
// in a "fix all of this kind in the release" form where that is safe. The LSP layer turns them
// into code actions with workspace edits; nothing here applies an edit.

import { readFrontMatter } from '../analysis/text';
import type { Span } from '../analysis/types';
import type { CheckedRelease, WorkspaceFacts } from '../checks/check';
import type { Finding } from '../checks/finding';
import { gluedSpansOf, withSpaces, type GluedSpan } from '../checks/glued-words';
import { spellingKey } from '../checks/party-variant';
import { formatIsoDay, WEEKDAY_NAMES } from '../checks/textual';
import { correctWeekday } from '../checks/weekday-mismatch';
import { whereIs } from '../checks/claimLookup';

/** Replace `[start, end)` of the release's text with `newText` (an insertion when start = end). */
export interface PlainEdit extends Span {
  readonly newText: string;
}

export type FixKind = 'quickfix' | 'source.fixAll';

export interface FixAction {
  readonly title: string;
  readonly kind: FixKind;
  /** The check code of the findings it fixes. */
  readonly code: string;
  /** The findings it fixes (their spans), so the editor can tie the action to its diagnostics. */
  readonly fixes: readonly Span[];
  /** Edits to the release the findings are in, non-overlapping. */
  readonly edits: readonly PlainEdit[];
  readonly isPreferred?: boolean;
}

export interface FixOptions {
  /** The day to propose for a release with no date when it names none itself (ISO; the server's today). */
  readonly today?: string;
}

/** The quick fixes for the findings that touch `range`. */
export function quickFixes(
  release: CheckedRelease,
  findings: readonly Finding[],
  range: Span,
  workspace: WorkspaceFacts,
  options: FixOptions = {},
): FixAction[] {
  const actions: FixAction[] = [];
  const here = findings.filter((f) => f.start <= range.end && range.start <= f.end);
  let gluedCache: GluedSpan[] | null = null;
  const glued = (): GluedSpan[] => (gluedCache ??= gluedSpansOf(release));
  const seen = new Set<string>();
  const add = (action: FixAction | null): void => {
    if (!action || action.edits.length === 0) return;
    const key = `${action.title}|${action.kind}`;
    if (seen.has(key)) return;
    seen.add(key);
    actions.push(action);
  };
  for (const finding of here) {
    switch (finding.code) {
      case 'party-variant':
        for (const action of partyVariantFixes(release, finding, findings)) add(action);
        break;
      case 'glued-words': {
        add(gluedFix(release, finding, glued()));
        const all = allGluedFix(findings, glued(), 'quickfix');
        if (all && all.edits.length > 1) add(all);
        break;
      }
      case 'weekday-mismatch':
        add(weekdayFix(release, finding));
        break;
      case 'figure-conflict':
        for (const action of figureConflictFixes(release, finding, workspace)) add(action);
        break;
      case 'unresolved-date':
        add(releaseDateFix(release, findings, options));
        break;
    }
  }
  return actions;
}

/**
 * One action that fixes every finding of the release a fix is unambiguous for: glued words, party
 * variants (to the release's usual form) and weekdays. Figure conflicts and missing dates need a
 * person's choice and are left out.
 */
export function fixAll(release: CheckedRelease, findings: readonly Finding[], only?: FixAllCode): FixAction | null {
  const edits: PlainEdit[] = [];
  const fixes: Span[] = [];
  const glued = only === undefined || only === 'glued-words' ? allGluedFix(findings, gluedSpansOf(release), 'source.fixAll') : null;
  if (glued) {
    edits.push(...glued.edits);
    fixes.push(...glued.fixes);
  }
  for (const finding of findings) {
    if (only !== undefined && finding.code !== only) continue;
    let edit: PlainEdit | undefined;
    if (finding.code === 'party-variant') {
      const form = finding.data?.usual;
      if (form) edit = { start: finding.start, end: finding.end, newText: form };
    } else if (finding.code === 'weekday-mismatch') {
      edit = weekdayFix(release, finding)?.edits[0];
    }
    if (edit) {
      edits.push(edit);
      fixes.push(finding);
    }
  }
  const safe = withoutOverlaps(edits);
  if (safe.length === 0) return null;
  const n = fixes.length;
  const s = n === 1 ? '' : 's';
  const title =
    only === 'glued-words' ? `Split ${n} run-together word${s} in this release`
    : only === 'party-variant' ? `Write ${n} party name${s} as this release usually does`
    : only === 'weekday-mismatch' ? `Correct ${n} weekday${s} in this release`
    : `Fix ${n} finding${s} in this release (glued words, spellings, weekdays)`;
  return { title, kind: 'source.fixAll', code: only ?? 'communique', fixes, edits: safe };
}

/** The kinds of finding a fix-all can repair without a person's choice. */
export const FIX_ALL_CODES = ['glued-words', 'party-variant', 'weekday-mismatch'] as const;
export type FixAllCode = (typeof FIX_ALL_CODES)[number];

// ---------------------------------------------------------------------------------------------
// party-variant

function partyVariantFixes(release: CheckedRelease, finding: Finding, findings: readonly Finding[]): FixAction[] {
  // The forms as the check found them: the release's usual form, a house form or a flagged form's replacement.
  const form = finding.data?.usual;
  if (!finding.data || !form) return [];
  const written = finding.data.variant;
  const actions: FixAction[] = [
    {
      // A house or flagged form is the workspace's choice, not this release's habit: the title says whose.
      title: finding.data.usualFrom === 'workspace' ? `Write “${form}”, this workspace's form` : `Write “${form}” as this release does elsewhere`,
      kind: 'quickfix',
      code: finding.code,
      fixes: [finding],
      edits: [{ start: finding.start, end: finding.end, newText: form }],
      isPreferred: true,
    },
  ];
  // The other variants to be written in the same form (not those of another party's house form).
  const group = findings.filter((f) => f.code === 'party-variant' && f.data?.usual === form);
  if (group.length > 1) {
    actions.push({
      title: `Write “${form}” everywhere in this release (${group.length} changes)`,
      kind: 'quickfix',
      code: finding.code,
      fixes: group,
      edits: group.map((f) => ({ start: f.start, end: f.end, newText: form })),
    });
  }
  // The other way round: this form everywhere, in place of the usual one and the other variants.
  const usual = spellingKey(form);
  const mention = release.analysis.parties.find((m) => m.start <= finding.start && finding.end <= m.end);
  if (mention) {
    const edits: PlainEdit[] = [];
    for (const m of release.analysis.parties) {
      if (m.id !== mention.id) continue;
      const text = release.text.slice(m.start, m.end);
      // The name part of a titled mention ("PM Chinh"): the form after the title.
      const name = m.form && text.endsWith(m.form) ? { start: m.end - m.form.length, end: m.end, text: m.form } : { start: m.start, end: m.end, text };
      if (spellingKey(name.text) === usual && name.text !== written) edits.push({ start: name.start, end: name.end, newText: written });
    }
    for (const f of group) if (f.start !== finding.start) edits.push({ start: f.start, end: f.end, newText: written });
    if (edits.length > 0) {
      actions.push({
        title: `Use “${written}” everywhere in this release (${edits.length} change${edits.length === 1 ? '' : 's'})`,
        kind: 'quickfix',
        code: finding.code,
        fixes: group,
        edits: withoutOverlaps(edits),
      });
    }
  }
  return actions;
}

// ---------------------------------------------------------------------------------------------
// glued-words

function spaceEdits(span: GluedSpan): PlainEdit[] {
  return span.spaces.map((at) => ({ start: at, end: at, newText: ' ' }));
}

function gluedFix(release: CheckedRelease, finding: Finding, spans: readonly GluedSpan[]): FixAction | null {
  const span = spans.find((s) => s.start === finding.start && s.end === finding.end);
  if (!span) return null;
  return {
    title: `Split into “${withSpaces(release.text, span)}”`,
    kind: 'quickfix',
    code: finding.code,
    fixes: [finding],
    edits: spaceEdits(span),
    isPreferred: true,
  };
}

function allGluedFix(findings: readonly Finding[], spans: readonly GluedSpan[], kind: FixKind): FixAction | null {
  const reported = findings.filter((f) => f.code === 'glued-words');
  const edits: PlainEdit[] = [];
  const fixes: Span[] = [];
  for (const finding of reported) {
    const span = spans.find((s) => s.start === finding.start && s.end === finding.end);
    if (!span) continue;
    edits.push(...spaceEdits(span));
    fixes.push(finding);
  }
  if (fixes.length === 0) return null;
  return {
    title: `Split all ${fixes.length} run-together word${fixes.length === 1 ? '' : 's'} in this release`,
    kind,
    code: 'glued-words',
    fixes,
    edits,
  };
}

// ---------------------------------------------------------------------------------------------
// weekday-mismatch

/** A weekday name written as the text writes it: "THURSDAY", "thursday", "Thu", "Thu.". */
function inStyleOf(written: string, name: string): string {
  const letters = written.replace(/[^A-Za-z]/g, '');
  let out = letters.length <= 4 ? name.slice(0, letters.length === 4 ? 4 : 3) : name;
  if (letters.length === 4 && !/^(Tues|Thur)$/i.test(letters)) out = name.slice(0, 3);
  if (letters === letters.toUpperCase()) out = out.toUpperCase();
  else if (letters === letters.toLowerCase()) out = out.toLowerCase();
  return out + written.slice(letters.length);
}

function weekdayFix(release: CheckedRelease, finding: Finding): FixAction | null {
  const date = release.analysis.dates.find((d) => d.weekday && d.weekday.start === finding.start && d.weekday.end === finding.end);
  if (!date) return null;
  const actual = correctWeekday(date);
  if (actual === null) return null;
  const written = release.text.slice(finding.start, finding.end);
  const replacement = inStyleOf(written, WEEKDAY_NAMES[actual]!);
  return {
    title: `Change “${written}” to “${replacement}” (${formatIsoDay(date.from!)})`,
    kind: 'quickfix',
    code: finding.code,
    fixes: [finding],
    edits: [{ start: finding.start, end: finding.end, newText: replacement }],
    isPreferred: true,
  };
}

// ---------------------------------------------------------------------------------------------
// figure-conflict

/** How many other statements a conflict offers to copy. */
const MAX_VALUES_OFFERED = 3;

function figureConflictFixes(release: CheckedRelease, finding: Finding, workspace: WorkspaceFacts): FixAction[] {
  const actions: FixAction[] = [];
  const written = release.text.slice(finding.start, finding.end);
  const offered = new Set<string>();
  for (const related of finding.related) {
    if (actions.length >= MAX_VALUES_OFFERED) break;
    const other = related.uri === release.uri ? release : workspace.release(related.uri);
    if (!other) continue;
    const value = other.text.slice(related.start, related.end).replace(/\s+/g, ' ');
    if (value === written || offered.has(value)) continue;
    offered.add(value);
    const where = whereIs(release, other, related);
    actions.push({
      title: `Replace with “${value}” as stated in ${where}`,
      kind: 'quickfix',
      code: finding.code,
      fixes: [finding],
      edits: [{ start: finding.start, end: finding.end, newText: value }],
    });
  }
  return actions;
}

// ---------------------------------------------------------------------------------------------
// unresolved-date

/** The latest single day the release names: the likeliest neighbour of its own date. */
function latestDay(release: CheckedRelease): string | null {
  let latest: string | null = null;
  for (const d of release.analysis.dates) {
    if (d.relative || d.from === null || d.from !== d.to) continue;
    if (latest === null || d.from > latest) latest = d.from;
  }
  return latest;
}

/**
 * Gives the release a date so its relative dates resolve: a front-matter `date:` in Markdown, a date
 * line at the top of plain text. The day proposed is the latest the release names, else today; the
 * title says to check it.
 */
export function releaseDateFix(release: CheckedRelease, findings: readonly Finding[], options: FixOptions = {}): FixAction | null {
  if (release.analysis.releaseDate) return null;
  const day = latestDay(release) ?? options.today ?? null;
  if (day === null) return null;
  const unresolved = findings.filter((f) => f.code === 'unresolved-date');
  const text = release.text;
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  let edit: PlainEdit;
  let what: string;
  if (release.analysis.format === 'markdown') {
    const fm = readFrontMatter(text);
    if (fm) {
      // After the opening fence's line.
      const lineEnd = text.indexOf('\n', fm.start);
      const at = lineEnd < 0 ? text.length : lineEnd + 1;
      edit = { start: at, end: at, newText: `date: ${day}${eol}` };
    } else {
      const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
      edit = { start: bom, end: bom, newText: `---${eol}date: ${day}${eol}---${eol}${eol}` };
    }
    what = `a front-matter date: ${day}`;
  } else {
    const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
    const long = formatIsoDay(day);
    edit = { start: bom, end: bom, newText: `${long}${eol}${eol}` };
    what = `a date line: ${long}`;
  }
  return {
    title: `Add ${what} (check it is the release's own date)`,
    kind: 'quickfix',
    code: 'unresolved-date',
    fixes: unresolved,
    edits: [edit],
  };
}

/** Edits sorted by offset, dropping any that overlaps one before it (LSP rejects overlapping edits). */
function withoutOverlaps(edits: PlainEdit[]): PlainEdit[] {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  const out: PlainEdit[] = [];
  let end = -1;
  for (const e of sorted) {
    if (e.start < end || (e.start === end && e.start === e.end && out.length > 0 && out[out.length - 1]!.start === e.start)) continue;
    out.push(e);
    end = Math.max(end, e.end);
  }
  return out;
}
