// The command line reads the same configuration files as the editor, nearest wins, for each release,
// and stops with exit code 2 and the file's line and column when one is broken.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { main } from '../../server/src/cli/main';

function run(argv: string[]): { code: number; out: string; err: string } {
  let out = '';
  let err = '';
  const code = main(argv, (t) => (out += `${t}\n`), (t) => (err += `${t}\n`));
  return { code, out, err };
}

function tree(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'communique-config-cli-'));
  for (const [path, content] of Object.entries(files)) {
    const full = join(root, path);
    mkdirSync(join(full, '..'), { recursive: true });
    writeFileSync(full, content);
  }
  return root;
}

const GLUED = 'Phnom Penh, 3 March 2023 — Cambodia and Viet Nam reviewed their bilateralrelations.\n';
const VARIANT = 'Phnom Penh, 3 March 2023 — Cambodia and Vietnam met.\n';

interface Diagnostic {
  readonly code: string;
  readonly severity: string;
}
const diagnostics = (out: string): Record<string, string[]> =>
  Object.fromEntries(
    (JSON.parse(out) as { documents: { path: string; diagnostics: Diagnostic[] }[] }).documents.map((d) => [
      d.path.slice(d.path.lastIndexOf('/') + 1),
      d.diagnostics.map((x) => `${x.code}:${x.severity}`),
    ]),
  );

test('the command line: nearest configuration wins for each release', () => {
  const root = tree({
    '.communique.json': '{ "checks": { "glued-words": "error" } }',
    'releases/a.md': GLUED,
    'releases/quiet/.communique.json': '{ // this folder is an archive\n "checks": { "glued-words": "off" }, "preferredForms": ["Viet Nam"] }',
    'releases/quiet/b.md': GLUED + VARIANT,
  });
  const result = run(['check', '--format', 'json', join(root, 'releases')]);
  assert.equal(result.err, '');
  assert.deepEqual(diagnostics(result.out), { 'a.md': ['glued-words:error'], 'b.md': ['party-variant:information'] });
  assert.equal(result.code, 1, 'a glued word raised to error fails the run');
});

test('the command line: files.exclude skips releases, files.include adds Markdown outside the globs', () => {
  const root = tree({
    '.communique.json': '{ "files": { "include": ["statements/**/*.md"], "exclude": ["releases/drafts/**"] } }',
    'releases/a.md': GLUED,
    'releases/drafts/b.md': GLUED,
    'statements/c.md': GLUED,
    'notes/d.md': GLUED,
  });
  const result = run(['check', '--format', 'json', root]);
  assert.deepEqual(Object.keys(diagnostics(result.out)).sort(), ['a.md', 'c.md']);
});

test('the command line: a broken configuration file exits 2 with its line and column', () => {
  const rows: [string, string, string][] = [
    ['a syntax error', '{\n  "checks": { "glued-words": "off" }\n  "tolerance": 0.1\n}\n', ':3:3: JSON syntax: a comma is expected'],
    ['an unknown key', '{\n  "checks": {},\n  "colour": "red"\n}\n', ':3:3: unknown key "colour" in the configuration'],
  ];
  for (const [name, text, message] of rows) {
    const root = tree({ 'releases/.communique.json': text, 'releases/a.md': GLUED });
    const result = run(['check', join(root, 'releases')]);
    assert.equal(result.code, 2, name);
    assert.equal(result.out, '', `${name}: nothing checked`);
    assert.ok(result.err.startsWith(`communique: ${join(root, 'releases', '.communique.json')}${message}`), `${name}: ${result.err}`);
  }
});

test('the command line: a party the configuration names that no folder knows is a warning with its line and column; the run goes on', () => {
  const root = tree({
    'releases/.communique.json': '{\n  "checks": { "glued-words": "error" },\n  "aliases": { "Ruritania": ["RU"] }\n}\n',
    'releases/a.md': GLUED,
  });
  const result = run(['check', '--format', 'json', join(root, 'releases')]);
  assert.equal(
    result.err,
    `communique: ${join(root, 'releases', '.communique.json')}:3:16: warning: "Ruritania" matches no known party (an id, a form the built-in data knows, or a party of "parties"), so these aliases are not used\n`,
  );
  assert.deepEqual(diagnostics(result.out), { 'a.md': ['glued-words:error'] }, 'the rest of the file applies');
  assert.equal(result.code, 1, 'the exit code is the findings\', not 2');
});

test('--config: a file applied to every release on top of the files found beside them; it wins where they differ', () => {
  const root = tree({
    'releases/.communique.json':
      '{ "checks": { "glued-words": "off" }, "preferredForms": ["Viet Nam"], "parties": [{ "name": "National Institute of Diplomacy and International Relations", "kind": "organization", "aliases": ["NIDIR"] }] }',
    'releases/a.md': GLUED + VARIANT,
    'elsewhere/b.md': GLUED,
    // NIDIR is known through the releases' own file: no warning for its founding date.
    'ci/strict.json': '{ "checks": { "glued-words": "error" }, "foundingDates": [{ "organization": "NIDIR", "date": "2008" }] }',
  });
  const plain = run(['check', '--format', 'json', join(root, 'releases'), join(root, 'elsewhere', 'b.md')]);
  assert.deepEqual(diagnostics(plain.out), { 'a.md': ['party-variant:information'], 'b.md': ['glued-words:information'] });
  const strict = run(['check', '--format', 'json', '--config', join(root, 'ci', 'strict.json'), join(root, 'releases'), join(root, 'elsewhere', 'b.md')]);
  assert.equal(strict.err, '');
  assert.deepEqual(diagnostics(strict.out), { 'a.md': ['glued-words:error', 'party-variant:information'], 'b.md': ['glued-words:error'] });
  assert.equal(strict.code, 1);
});

test('--config: an unreadable or broken file exits 2 with a clear message, before anything is checked', () => {
  const root = tree({ 'releases/a.md': GLUED, 'ci/broken.json': '{\n  "checks": { "glued-words": "loud" }\n}\n' });
  const missing = run(['check', '--config', join(root, 'ci', 'none.json'), join(root, 'releases')]);
  assert.equal(missing.code, 2);
  assert.equal(missing.out, '');
  assert.equal(missing.err, `communique: cannot read the configuration file ${join(root, 'ci', 'none.json')}: no such file or folder\n`);
  const folder = run(['check', '--config', join(root, 'ci'), join(root, 'releases')]);
  assert.equal(folder.code, 2);
  assert.equal(folder.err, `communique: cannot read the configuration file ${join(root, 'ci')}: is a folder\n`);
  const broken = run(['check', '--config', join(root, 'ci', 'broken.json'), join(root, 'releases')]);
  assert.equal(broken.code, 2);
  assert.equal(broken.out, '');
  assert.ok(broken.err.startsWith(`communique: ${join(root, 'ci', 'broken.json')}:2:30: "glued-words" must be one of error, warning`), broken.err);
  assert.match(run(['check', '--config']).err, /--config takes the path of a configuration file/);
  assert.match(run(['check', '--config', 'a.json', '--config', 'b.json', 'x']).err, /--config is given twice/);
});
