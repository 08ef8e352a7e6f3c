// The command line: arguments, which files it reads, what it skips and says, the JSON shape, exit codes.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, writeFileSync, readFileSync, chmodSync, rmSync, symlinkSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { parseArgs } from '../../server/src/cli/args';
import { collectReleases } from '../../server/src/cli/collect';
import { main } from '../../server/src/cli/main';
import { partitionByKeys } from '../../server/src/cli/partition';
import { ReportStream, type DocumentCounts } from '../../server/src/cli/report';
import { DEFAULT_RELEASE_GLOBS, isReleaseFile } from '../../server/src/workspace/files';
import { MAX_RELEASE_BYTES } from '../../server/src/workspace/readRelease';
import { MAX_ANALYSED_LENGTH } from '../../server/src/lsp/server';

function run(argv: string[]): { code: number; out: string; err: string } {
  let out = '';
  let err = '';
  const code = main(argv, (t) => (out += `${t}\n`), (t) => (err += `${t}\n`));
  return { code, out, err };
}

function tree(files: Record<string, string | Buffer>): string {
  const root = mkdtempSync(join(tmpdir(), 'communique-cli-'));
  for (const [path, content] of Object.entries(files)) {
    const full = join(root, path);
    mkdirSync(join(full, '..'), { recursive: true });
    writeFileSync(full, content);
  }
  return root;
}

test('argument parsing: formats, fail-on levels, globs and bad usage', () => {
  assert.deepEqual(parseArgs(['check', 'a', '--format', 'json', '--fail-on=warning']), {
    command: 'check',
    format: 'json',
    failOn: 'warning',
    paths: ['a'],
    color: false,
  });
  assert.deepEqual(parseArgs(['check', '--files', '**/*.md', 'x', '--', '--odd-name']), {
    command: 'check',
    format: 'text',
    failOn: 'error',
    paths: ['x', '--odd-name'],
    color: false,
    files: ['**/*.md'],
  });
  assert.equal(parseArgs(['--help']).command, 'help');
  assert.equal(parseArgs(['--version']).command, 'version');
  for (const bad of [[], ['frobnicate'], ['check'], ['check', '--format', 'xml', 'a'], ['check', '--fail-on', 'fatal', 'a'], ['check', '--wat', 'a']]) {
    assert.equal(parseArgs(bad).command, 'error', `expected bad usage for ${JSON.stringify(bad)}`);
  }
});

test('bad usage exits 2 with the reason and the usage on stderr', () => {
  const result = run(['check', '--format', 'xml', 'a']);
  assert.equal(result.code, 2);
  assert.match(result.err, /--format takes text or json, not "xml"/);
  assert.match(result.err, /Usage: communique check/);
  assert.equal(result.out, '');
});

test('the default globs are the extension setting\'s default', () => {
  const manifest = JSON.parse(readFileSync(join(__dirname, '..', '..', '..', 'package.json'), 'utf8'));
  assert.deepEqual(manifest.contributes.configuration.properties['communique.files'].default, DEFAULT_RELEASE_GLOBS);
});

test('release files: the language extensions always, Markdown and text only under releases/ or press/', () => {
  const rows: [string, boolean][] = [
    ['a.release.md', true],
    ['docs/b.release.txt', true],
    ['c.release', true],
    ['releases/2021/d.md', true],
    ['office/press/e.txt', true],
    ['notes/f.md', false],
    ['README.md', false],
    ['releases/image.png', false],
    ['releasesx/g.md', false],
  ];
  for (const [path, expected] of rows) assert.equal(isReleaseFile(path), expected, path);
});

test('a folder holding release folders is read by the globs; a folder holding none is read whole, without its README', () => {
  const workspace = tree({ 'releases/a.md': 'x', 'notes/b.md': 'x', 'README.md': 'x', 'c.release.txt': 'x', 'node_modules/releases/z.md': 'x' });
  const plain = tree({ 'one.txt': 'x', 'two.md': 'x', 'README.md': 'x', 'sub/three.txt': 'x', '.git/four.txt': 'x' });
  try {
    const fromWorkspace = collectReleases([workspace]).files.map((f) => f.slice(workspace.length + 1));
    assert.deepEqual(fromWorkspace, ['c.release.txt', 'releases/a.md']);
    const fromPlain = collectReleases([plain]).files.map((f) => f.slice(plain.length + 1));
    assert.deepEqual(fromPlain, ['one.txt', 'sub/three.txt', 'two.md']);
    const named = join(workspace, 'notes/b.md');
    assert.deepEqual(collectReleases([named]).files, [named], 'a file named on the command line is always checked');
  } finally {
    rmSync(workspace, { recursive: true, force: true });
    rmSync(plain, { recursive: true, force: true });
  }
});

test('JSON output: documents with the release date, figures, dates, parties with 1-based lines, and a summary', () => {
  const text = 'Phnom Penh, 23 October 2021\n\nTrade with Viet Nam reached USD 5.33 billion in 2020.\n';
  const root = tree({ 'releases/a.md': text });
  try {
    const result = run(['check', '--format', 'json', root]);
    assert.equal(result.code, 0, result.err);
    const report = JSON.parse(result.out);
    assert.equal(report.tool.name, 'communique');
    assert.equal(report.documents.length, 1);
    const doc = report.documents[0];
    assert.equal(doc.path, join(root, 'releases/a.md'));
    assert.deepEqual(report.summary, { documents: 1, errors: 0, warnings: 0, information: 0, hints: 0 });
    assert.ok(Array.isArray(doc.figures) && Array.isArray(doc.dates) && Array.isArray(doc.parties) && Array.isArray(doc.diagnostics));
    for (const item of [...doc.figures, ...doc.dates, ...doc.parties]) {
      assert.equal(text.slice(item.start, item.end), item.text, 'offsets slice to the text');
      const lineStart = text.split('\n').slice(0, item.line - 1).join('\n').length + (item.line > 1 ? 1 : 0);
      assert.equal(item.column, item.start - lineStart + 1, 'column is 1-based UTF-16');
    }
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('JSON output: a related location in another release has that release\'s line and column; a fix\'s data comes with its finding', () => {
  const a = 'Phnom Penh, 23 October 2021\n\nTrade between Cambodia and Viet Nam reached USD 5.33 billion in 2020.\n';
  const b = 'Hanoi, 2 November 2021\n\nThe delegations met again.\n\nIn 2020, trade between Viet Nam and Cambodia amounted to USD 6.9 billion.\nVietnam and Cambodia will meet in Viet Nam next year, said Viet Nam.\n';
  const root = tree({ 'releases/a.md': a, 'releases/b.md': b });
  try {
    const result = run(['check', '--format', 'json', root]);
    const report = JSON.parse(result.out);
    const [docA, docB] = report.documents;
    const conflict = docA.diagnostics.find((d: { code: string }) => d.code === 'figure-conflict');
    assert.ok(conflict, JSON.stringify(docA.diagnostics));
    const related = conflict.related.find((r: { path: string }) => r.path === docB.path);
    assert.ok(related, JSON.stringify(conflict.related));
    assert.equal(b.slice(related.start, related.end), 'USD 6.9 billion');
    // 1-based line and column of "USD 6.9 billion" in b.md.
    const before = b.slice(0, b.indexOf('USD 6.9 billion')).split('\n');
    assert.deepEqual([related.line, related.column], [before.length, before[before.length - 1]!.length + 1]);
    const variant = docB.diagnostics.find((d: { code: string }) => d.code === 'party-variant');
    assert.ok(variant, JSON.stringify(docB.diagnostics));
    assert.deepEqual(variant.data, { variant: 'Vietnam', usual: 'Viet Nam', usualFrom: 'release' });
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('the exit code is 1 when a finding reaches --fail-on, 0 when none does', () => {
  // One information finding (a glued word), nothing more severe.
  const root = tree({ 'releases/a.md': 'Phnom Penh, 23 October 2021\n\nThe two sides reviewed bilateralrelations.\n' });
  try {
    const codes = ['error', 'warning', 'information', 'none'].map((level) => run(['check', '--fail-on', level, root]).code);
    assert.deepEqual(codes, [0, 0, 1, 0]);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('binary, non-UTF-8 and missing inputs are reported and skipped while the rest is checked', () => {
  const root = tree({
    'releases/good.md': 'Trade reached USD 5 billion.',
    'releases/binary.md': Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x01]),
    'releases/latin1.txt': Buffer.from([0x43, 0x61, 0x66, 0xe9, 0x20, 0x31, 0x30]),
  });
  try {
    const result = run(['check', '--format', 'json', root, join(root, 'missing.md')]);
    assert.equal(result.code, 2, 'a missing path is an unreadable input');
    assert.match(result.err, /missing\.md: no such file or folder/);
    assert.match(result.err, /binary\.md: skipped: a binary file/);
    assert.match(result.err, /latin1\.txt: skipped: not UTF-8 text/);
    const report = JSON.parse(result.out);
    assert.deepEqual(report.documents.map((d: { path: string }) => d.path), [join(root, 'releases/good.md')]);
    assert.equal(report.skipped.length, 2);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('an unreadable file is reported with exit 2; the others are still checked', { skip: process.getuid?.() === 0 ? 'root reads every file' : false }, () => {
  const root = tree({ 'releases/a.md': 'x', 'releases/b.md': 'y' });
  try {
    chmodSync(join(root, 'releases/b.md'), 0o000);
    const result = run(['check', '--format', 'json', root]);
    assert.equal(result.code, 2);
    assert.match(result.err, /b\.md: permission denied/);
    assert.equal(JSON.parse(result.out).documents.length, 1);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('text output names each release, its date source, and a summary line', () => {
  const root = tree({ 'releases/a.md': 'Phnom Penh, 23 October 2021\n\nTrade reached USD 5.33 billion.\n' });
  try {
    const result = run(['check', root]);
    assert.equal(result.code, 0);
    assert.match(result.out, /releases\/a\.md/);
    assert.match(result.out, /^1 release: \d+ figures, \d+ dates, \d+ party mentions; 0 errors, 0 warnings, 0 information, 0 hints$/m);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('--jobs takes a whole number from 1; anything else is bad usage', () => {
  assert.equal((parseArgs(['check', '--jobs', '3', 'a']) as { jobs?: number }).jobs, 3);
  assert.equal((parseArgs(['check', '--jobs=1', 'a']) as { jobs?: number }).jobs, 1);
  assert.equal('jobs' in parseArgs(['check', 'a']), false, 'no --jobs: one per core, decided when run');
  for (const bad of [['--jobs', '0'], ['--jobs', '-2'], ['--jobs', 'many'], ['--jobs', '1.5'], ['--jobs']]) {
    const parsed = parseArgs(['check', ...bad, ...(bad.length > 1 ? ['a'] : [])]);
    assert.equal(parsed.command, 'error', `expected bad usage for ${JSON.stringify(bad)}`);
  }
  const result = run(['check', '--jobs', 'many', 'a']);
  assert.equal(result.code, 2);
  assert.match(result.err, /--jobs takes a whole number from 1, not "many"/);
});

test('a pipe named on the command line is reported, never read (a read would block), and the rest is checked', { skip: process.platform === 'win32' ? 'no FIFOs' : false }, () => {
  const root = tree({ 'releases/a.md': 'Trade reached USD 5 billion.' });
  try {
    const fifo = join(root, 'releases', 'pipe.md');
    const made = spawnSync('mkfifo', [fifo]);
    if (made.status !== 0) return; // no mkfifo here: nothing to test
    const dangling = join(root, 'releases', 'gone.md');
    symlinkSync(join(root, 'nowhere.md'), dangling);
    const result = run(['check', '--format', 'json', join(root, 'releases', 'a.md'), fifo, dangling]);
    assert.equal(result.code, 2);
    assert.match(result.err, /pipe\.md: not a regular file/);
    assert.match(result.err, /gone\.md: no such file or folder/);
    assert.deepEqual(JSON.parse(result.out).documents.map((d: { path: string }) => d.path), [join(root, 'releases', 'a.md')]);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('the byte limit on release files is within the server\'s length limit, so a file read is always analysed', () => {
  // UTF-8 takes at least as many bytes as UTF-16 code units: a file within MAX_RELEASE_BYTES has a text within MAX_ANALYSED_LENGTH.
  assert.ok(MAX_RELEASE_BYTES <= MAX_ANALYSED_LENGTH, `${MAX_RELEASE_BYTES} bytes against ${MAX_ANALYSED_LENGTH} code units`);
  const root = tree({ 'releases/big.md': Buffer.alloc(MAX_RELEASE_BYTES + 1, 0x61) });
  try {
    const result = run(['check', '--format', 'json', root]);
    assert.equal(result.code, 0, 'a file skipped on purpose is not an unreadable input');
    assert.match(result.err, /big\.md: skipped: 20\.0 MB is larger than the 20 MB a release may be/);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('worker threads check releases tied by keys together, in lists of about equal length', () => {
  // Files 0, 2 and 5 share keys through 2 ("a" with 0, "b" with 5); 1 and 4 share "c"; 3 stands alone; 6 was not read.
  const keys = [['a'], ['c'], ['a', 'b'], ['d'], ['c'], ['b'], null];
  const [first, second] = partitionByKeys(keys, 2);
  assert.deepEqual(first, [0, 2, 5], 'the three releases tied through file 2 are checked by one thread');
  assert.deepEqual(second, [1, 3, 4], 'the other thread takes the pair and the release alone');
  // A group longer than a thread's share is cut, in file order, so no thread checks much more than another.
  const tied = partitionByKeys(Array.from({ length: 9 }, () => ['same']), 3);
  assert.deepEqual(tied, [[0, 1, 2], [3, 4, 5], [6, 7, 8]]);
  assert.deepEqual(partitionByKeys([null, null], 2), [[], []]);
});

test('the report printed part by part is the whole report: JSON as JSON.stringify(…, null, 2) makes it, text line by line', () => {
  const counts: DocumentCounts = { errors: 1, warnings: 0, information: 2, hints: 0, figures: 3, dates: 1, parties: 2 };
  const document = { path: 'a.md', figures: [{ text: '5%', related: [] }], diagnostics: [] };
  for (const documents of [0, 1, 3]) {
    let printed = '';
    const stream = new ReportStream({ format: 'json', color: false }, '9.9.9', (chunk) => (printed += chunk));
    for (let i = 0; i < documents; i++) stream.document({ part: `    ${JSON.stringify(document, null, 2).replace(/\n/g, '\n    ')}`, counts });
    stream.finish([{ path: 'b.md', reason: 'skipped: not UTF-8 text' }]);
    const whole = {
      tool: { name: 'communique', version: '9.9.9' },
      documents: Array.from({ length: documents }, () => document),
      skipped: [{ path: 'b.md', reason: 'skipped: not UTF-8 text' }],
      summary: { documents, errors: documents, warnings: 0, information: 2 * documents, hints: 0 },
    };
    assert.equal(printed, `${JSON.stringify(whole, null, 2)}\n`, `${documents} documents`);
    assert.equal(stream.worst, documents > 0 ? 0 : Infinity);
  }
  let text = '';
  const stream = new ReportStream({ format: 'text', color: false }, '9.9.9', (chunk) => (text += chunk));
  stream.document({ part: 'a.md  no release date\n', counts });
  stream.finish([]);
  assert.equal(text, 'a.md  no release date\n\n1 release: 3 figures, 1 dates, 2 party mentions; 1 errors, 0 warnings, 2 information, 0 hints\n');
});
