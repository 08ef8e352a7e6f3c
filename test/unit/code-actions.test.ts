// Quick fixes on an in-memory workspace: each fix applied to the text gives the text a reviewer
// would write, and re-checking the fixed release no longer finds what was fixed.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyseDocument } from '../../server/src/analysis/document';
import { runChecks } from '../../server/src/checks/index';
import { fixAll, quickFixes, type FixAction, type PlainEdit } from '../../server/src/features/codeActions';
import type { Finding } from '../../server/src/checks/finding';
import type { ReleaseConfig } from '../../server/src/config/model';
import { inMemoryWorkspace } from './inMemoryWorkspace';

function apply(text: string, edits: readonly PlainEdit[]): string {
  let out = text;
  for (const e of [...edits].sort((a, b) => b.start - a.start || b.end - a.end)) out = out.slice(0, e.start) + e.newText + out.slice(e.end);
  return out;
}

const DATED = '---\ndate: 2021-10-25\n---\n\n';

interface Case {
  readonly name: string;
  readonly files: Record<string, string>;
  /** The release and the text the cursor is on. */
  readonly file: string;
  readonly on: string;
  /** The title of the action to apply (a prefix). */
  readonly action: string;
  /** The release's text after the fix. */
  readonly expected: string;
  /** The code that must no longer be found in the fixed release. */
  readonly gone: string;
}

const VARIANT = `${DATED}Viet Nam and Cambodia met. Viet Nam spoke first. Vietnam then thanked Cambodia. Viet Nam closed.\n`;
const VARIANTS = `${DATED}Viet Nam and Cambodia met. Viet Nam spoke first. Vietnam then thanked Cambodia. Viet Nam closed. Vietnam left.\n`;

const CASES: Case[] = [
  {
    name: 'party-variant: the form the release otherwise uses',
    files: { 'a.release.md': VARIANT },
    file: 'a.release.md',
    on: 'Vietnam',
    action: 'Write “Viet Nam” as this release does elsewhere',
    expected: VARIANT.replace('Vietnam', 'Viet Nam'),
    gone: 'party-variant',
  },
  {
    name: 'party-variant: the usual form for every variant at once',
    files: { 'a.release.md': VARIANTS },
    file: 'a.release.md',
    on: 'Vietnam',
    action: 'Write “Viet Nam” everywhere in this release (2 changes)',
    expected: VARIANTS.replaceAll('Vietnam', 'Viet Nam'),
    gone: 'party-variant',
  },
  {
    name: 'party-variant: this form everywhere instead',
    files: { 'a.release.md': VARIANT },
    file: 'a.release.md',
    on: 'Vietnam',
    action: 'Use “Vietnam” everywhere in this release (3 changes)',
    expected: VARIANT.replaceAll('Viet Nam', 'Vietnam'),
    gone: 'party-variant',
  },
  {
    name: 'glued-words: split the words',
    files: { 'a.release.md': `${DATED}The two sides praised their bilateralcooperation in education.\n` },
    file: 'a.release.md',
    on: 'bilateralcooperation',
    action: 'Split into “bilateral cooperation”',
    expected: `${DATED}The two sides praised their bilateral cooperation in education.\n`,
    gone: 'glued-words',
  },
  {
    name: 'glued-words: split every glued word of the release',
    files: { 'a.release.md': `${DATED}The two sides praised their bilateralcooperation and agreed to expandtrade links.\n` },
    file: 'a.release.md',
    on: 'bilateralcooperation',
    action: 'Split all 2 run-together words in this release',
    expected: `${DATED}The two sides praised their bilateral cooperation and agreed to expand trade links.\n`,
    gone: 'glued-words',
  },
  {
    name: 'weekday-mismatch: the weekday of the date (21 October 2021 was a Thursday)',
    files: { 'a.release.md': `${DATED}The ministers met in Vientiane on Tuesday, 21 October 2021.\n` },
    file: 'a.release.md',
    on: 'Tuesday',
    action: 'Change “Tuesday” to “Thursday”',
    expected: `${DATED}The ministers met in Vientiane on Thursday, 21 October 2021.\n`,
    gone: 'weekday-mismatch',
  },
  {
    name: 'figure-conflict: the value the other release states, named',
    files: {
      'a.release.md': '---\ndate: 2021-03-01\n---\n\nTwo-way trade between Cambodia and Viet Nam reached USD 5.33 billion in 2020.\n',
      'b.release.md': '---\ndate: 2021-06-01\n---\n\nTwo-way trade between Cambodia and Viet Nam reached USD 5.83 billion in 2020.\n',
    },
    file: 'b.release.md',
    on: 'USD 5.83 billion',
    action: 'Replace with “USD 5.33 billion” as stated in a.release.md (line 5)',
    expected: '---\ndate: 2021-06-01\n---\n\nTwo-way trade between Cambodia and Viet Nam reached USD 5.33 billion in 2020.\n',
    gone: 'figure-conflict',
  },
  {
    name: 'unresolved-date: a front-matter date in Markdown front matter that has none, the latest day named',
    files: { 'a.release.md': '---\ntitle: Talks\n---\n\nThe ministers met on 21 October 2021 and agreed to meet again this year.\n' },
    file: 'a.release.md',
    on: 'this year',
    action: "Add a front-matter date: 2021-10-21 (check it is the release's own date)",
    expected: '---\ndate: 2021-10-21\ntitle: Talks\n---\n\nThe ministers met on 21 October 2021 and agreed to meet again this year.\n',
    gone: 'unresolved-date',
  },
  {
    name: 'unresolved-date: front matter for Markdown that has none',
    files: { 'a.release.md': '# Talks\n\nThe ministers met on 21 October 2021 and agreed to meet again this year.\n' },
    file: 'a.release.md',
    on: 'this year',
    action: 'Add a front-matter date: 2021-10-21',
    expected: '---\ndate: 2021-10-21\n---\n\n# Talks\n\nThe ministers met on 21 October 2021 and agreed to meet again this year.\n',
    gone: 'unresolved-date',
  },
  {
    name: 'unresolved-date: a date line on top of plain text',
    files: { 'a.release.txt': 'Ministers hold talks\n\nThe ministers met on 21 October 2021 and agreed to meet again this year.\n' },
    file: 'a.release.txt',
    on: 'this year',
    action: 'Add a date line: 21 October 2021',
    expected: '21 October 2021\n\nMinisters hold talks\n\nThe ministers met on 21 October 2021 and agreed to meet again this year.\n',
    gone: 'unresolved-date',
  },
];

function actionsAt(files: Record<string, string>, file: string, on: string, today?: string): { actions: FixAction[]; text: string } {
  const ws = inMemoryWorkspace(files);
  const release = ws.release(file);
  const at = release.text.indexOf(on);
  assert.ok(at >= 0, `${on} in ${file}`);
  const actions = quickFixes(release, ws.findings(file), { start: at + 1, end: at + 1 }, ws.view, today ? { today } : {});
  return { actions, text: release.text };
}

for (const c of CASES) {
  test(`quick fix — ${c.name}`, () => {
    const { actions, text } = actionsAt(c.files, c.file, c.on);
    const action = actions.find((a) => a.title.startsWith(c.action));
    assert.ok(action, `no action “${c.action}” among:\n${actions.map((a) => a.title).join('\n')}`);
    assert.equal(action.kind, 'quickfix');
    const fixed = apply(text, action.edits);
    assert.equal(fixed, c.expected);
    const ws = inMemoryWorkspace({ ...c.files, [c.file]: fixed });
    assert.deepEqual(ws.findings(c.file).filter((f) => f.code === c.gone).map((f) => f.message), []);
  });
}

test('a release that names no day gets the date the server gives as today', () => {
  const files = { 'a.release.md': '# Talks\n\nThe ministers agreed to meet again this year.\n' };
  assert.deepEqual(actionsAt(files, 'a.release.md', 'this year').actions.map((a) => a.title), []);
  const { actions, text } = actionsAt(files, 'a.release.md', 'this year', '2024-05-06');
  assert.equal(actions.length, 1);
  const fixed = apply(text, actions[0]!.edits);
  assert.equal(analyseDocument(fixed, 'file:///ws/releases/a.release.md').releaseDate?.date, '2024-05-06');
});

test('no action away from a finding, and none for a finding the cursor is not on', () => {
  const { actions } = actionsAt({ 'a.release.md': VARIANT }, 'a.release.md', 'Cambodia met');
  assert.deepEqual(actions, []);
});

test('fix all: glued words, spellings and weekdays in one edit, conflicts left to the reviewer', () => {
  const text = `${DATED}Viet Nam and Cambodia met on Tuesday, 21 October 2021. Viet Nam praised the bilateralcooperation. Vietnam thanked Cambodia. Viet Nam closed.\n`;
  const ws = inMemoryWorkspace({ 'a.release.md': text });
  const release = ws.release('a.release.md');
  const action = fixAll(release, ws.findings('a.release.md'));
  assert.ok(action);
  assert.equal(action.kind, 'source.fixAll');
  const fixed = apply(text, action.edits);
  assert.equal(
    fixed,
    `${DATED}Viet Nam and Cambodia met on Thursday, 21 October 2021. Viet Nam praised the bilateral cooperation. Viet Nam thanked Cambodia. Viet Nam closed.\n`,
  );
  const after = inMemoryWorkspace({ 'a.release.md': fixed });
  assert.deepEqual(runChecks(after.release('a.release.md'), after.view).findings.map((f) => f.code), []);
});

test('fix all of one kind repairs that kind only', () => {
  const text = `${DATED}Viet Nam and Cambodia met on Tuesday, 21 October 2021. Viet Nam praised the bilateralcooperation. Vietnam thanked Cambodia. Viet Nam closed.\n`;
  const ws = inMemoryWorkspace({ 'a.release.md': text });
  const release = ws.release('a.release.md');
  const rows: [Parameters<typeof fixAll>[2], string, string][] = [
    ['glued-words', 'Split 1 run-together word in this release', text.replace('bilateralcooperation', 'bilateral cooperation')],
    ['party-variant', 'Write 1 party name as this release usually does', text.replace('Vietnam thanked', 'Viet Nam thanked')],
    ['weekday-mismatch', 'Correct 1 weekday in this release', text.replace('Tuesday', 'Thursday')],
  ];
  for (const [code, title, expected] of rows) {
    const action = fixAll(release, ws.findings('a.release.md'), code);
    assert.ok(action, code);
    assert.equal(action.title, title);
    assert.equal(apply(text, action.edits), expected);
  }
});

/** The findings with every message reworded: what a fix reads must not be the words people read. */
function reworded(findings: readonly Finding[]): Finding[] {
  return findings.map((f) => ({ ...f, message: 'reworded', related: f.related.map((r) => ({ ...r, message: 'reworded' })) }));
}

test('party-variant fixes read the forms the finding carries, not its message', () => {
  // The release's first "Viet Nam" is a heading in capitals: the usual form is still "Viet Nam".
  const text = `${DATED}# VIET NAM AND CAMBODIA\n\nViet Nam and Cambodia met. Viet Nam spoke first. Vietnam then thanked Cambodia.\n`;
  const ws = inMemoryWorkspace({ 'a.release.md': text });
  const release = ws.release('a.release.md');
  const findings = reworded(ws.findings('a.release.md'));
  const at = text.indexOf('Vietnam');
  const actions = quickFixes(release, findings, { start: at + 1, end: at + 1 }, ws.view);
  const preferred = actions.find((a) => a.isPreferred);
  assert.equal(preferred?.title, 'Write “Viet Nam” as this release does elsewhere');
  assert.equal(apply(text, preferred.edits), text.replace('Vietnam', 'Viet Nam'));
  const all = fixAll(release, findings, 'party-variant');
  assert.equal(all && apply(text, all.edits), text.replace('Vietnam', 'Viet Nam'));
});

test('party-variant: a flagged form is replaced by the workspace\'s form, and "everywhere" keeps to that form', () => {
  const text = `${DATED}Kampuchea and Burma met. Kampuchea thanked Burma.\n`;
  const config: ReleaseConfig = { flaggedForms: new Map([['Kampuchea', 'Cambodia'], ['Burma', 'Myanmar']]) };
  const ws = inMemoryWorkspace({ 'a.release.md': text }, { 'a.release.md': config });
  const release = ws.release('a.release.md');
  const findings = reworded(ws.findings('a.release.md'));
  assert.deepEqual(findings.filter((f) => f.code === 'party-variant').map((f) => text.slice(f.start, f.end)), ['Kampuchea', 'Burma', 'Kampuchea', 'Burma']);
  const at = text.indexOf('Kampuchea');
  const actions = quickFixes(release, findings, { start: at + 1, end: at + 1 }, ws.view);
  // The release never writes "Cambodia": the form is the workspace's, and the title must say so.
  assert.ok(!actions.some((a) => a.title.includes('as this release does elsewhere')), actions.map((a) => a.title).join('\n'));
  const one = actions.find((a) => a.title === 'Write “Cambodia”, this workspace\'s form');
  assert.ok(one, actions.map((a) => a.title).join('\n'));
  assert.equal(apply(text, one.edits), text.replace('Kampuchea', 'Cambodia'));
  // Burma's findings have their own form: writing "Cambodia" everywhere must leave them alone.
  const everywhere = actions.find((a) => a.title.startsWith('Write “Cambodia” everywhere'));
  assert.ok(everywhere, actions.map((a) => a.title).join('\n'));
  assert.equal(everywhere.title, 'Write “Cambodia” everywhere in this release (2 changes)');
  assert.equal(apply(text, everywhere.edits), text.replaceAll('Kampuchea', 'Cambodia'));
});
