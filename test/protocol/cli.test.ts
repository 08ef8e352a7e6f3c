// The bundled command line (dist/cli.js) over generated archives: worker threads give the same
// output as one thread, and a run only ever reads.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { WorkerPool } from '../../server/src/cli/pool';
import { Shard, type Reported } from '../../server/src/cli/shard';
import { defaultJobs } from '../../server/src/cli/main';
import { ConfigFiles } from '../../server/src/workspace/configFiles';
import { REPO_ROOT } from './lspClient';

const CLI = resolve(REPO_ROOT, 'dist', 'cli.js');
const GENERATOR = resolve(REPO_ROOT, 'bench', 'corpus.mjs');
const RELEASES = 200;

let root: string;

before(() => {
  assert.ok(existsSync(CLI), `${CLI} is missing: build first (npm run build)`);
  root = mkdtempSync(join(tmpdir(), 'communique-cli-jobs-'));
  // The benchmark's generator: four styles of release, with deliberate conflicts between releases;
  // facts in 45% of the sentences (more than the benchmark's default), so that the first releases
  // already state claims that other releases contradict.
  const made = spawnSync(process.execPath, [GENERATOR, root, String(RELEASES), '7', '0.45'], { encoding: 'utf8' });
  assert.equal(made.status, 0, made.stderr);
  // What a real archive also holds: a binary file, a file that is not UTF-8, a dangling link.
  writeFileSync(join(root, 'releases', 'scan.md'), Buffer.from([0x25, 0x50, 0x44, 0x46, 0x00, 0x01]));
  writeFileSync(join(root, 'releases', 'latin1.txt'), Buffer.from('Caf\xe9 USD 5 billion', 'latin1'));
  symlinkSync(join(root, 'nowhere.md'), join(root, 'releases', 'gone.md'));
});

after(() => {
  if (root) rmSync(root, { recursive: true, force: true });
});

/** Runs `communique check` with the arguments; an object first adds variables to its environment. */
function cli(...args: (string | Record<string, string>)[]): { status: number | null; stdout: string; stderr: string } {
  const env = typeof args[0] === 'object' ? { ...process.env, ...args[0] } : process.env;
  const words = args.filter((a): a is string => typeof a === 'string');
  const result = spawnSync(process.execPath, [CLI, 'check', ...words], { encoding: 'utf8', env, maxBuffer: 512 * 1024 * 1024, timeout: 300_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

test(`--jobs 1 and --jobs 2 print the same JSON, byte for byte, over ${RELEASES} generated releases`, () => {
  const one = cli('--format', 'json', '--jobs', '1', root);
  const two = cli('--format', 'json', '--jobs', '2', root);
  assert.equal(one.status, two.status);
  assert.equal(one.stderr, two.stderr);
  assert.ok(one.stdout === two.stdout, 'the JSON differs between one and two threads');
  const report = JSON.parse(one.stdout) as { documents: { diagnostics: unknown[] }[]; skipped: unknown[] };
  // Streamed release by release, the report must read as one JSON.stringify of the whole would.
  assert.ok(one.stdout === `${JSON.stringify(report, null, 2)}\n`, 'the streamed JSON is not laid out as JSON.stringify(report, null, 2)');
  assert.equal(report.documents.length, RELEASES);
  assert.equal(report.skipped.length, 2, 'the binary and the Latin-1 file are skipped');
  // The generator plants conflicts between releases: the workspace checks ran after indexing everything.
  assert.ok(report.documents.some((d) => d.diagnostics.length > 0), 'no diagnostics at all: the checks did not run');
});

test('the text report is the same for one thread, for three and for the default', () => {
  const one = cli('--no-color', '--jobs', '1', root);
  const three = cli('--no-color', '--jobs', '3', root);
  const all = cli('--no-color', root);
  assert.equal(one.status, all.status);
  assert.equal(one.status, three.status);
  assert.ok(one.stdout === three.stdout, 'the text report differs between one thread and three');
  assert.ok(one.stdout === all.stdout, 'the text report differs between one thread and the default');
});

test('by default the command line uses one thread per core, and one thread on two cores or fewer', () => {
  assert.deepEqual([1, 2, 3, 8].map(defaultJobs), [1, 1, 3, 8]);
});

test('worker threads give each release the part of the report one thread gives it', async () => {
  const releases = join(root, 'releases');
  // Files whose releases share claims: the workspace checks of one thread read the others' releases.
  const files = readdirSync(releases).sort().slice(0, 40).map((name) => join(releases, name));
  const here = new Shard(files, new ConfigFiles());
  const analysedHere = files.map((_, index) => here.analyse(index));
  here.assign();
  const expected = files.map((_, index) => (analysedHere[index]!.ok ? here.report(index, { format: 'json', color: false }) : undefined));
  const pool = new WorkerPool(files, 3, 'json', false);
  const printed: (Reported | undefined)[] = [];
  try {
    const analysed = await pool.analyse();
    assert.deepEqual(analysed?.map((a) => a.ok), analysedHere.map((a) => a.ok));
    assert.equal(await pool.report((index, reported) => (printed[index] = reported)), files.length, 'a worker failed');
  } finally {
    await pool.close();
  }
  // Parts cross from the workers as UTF-8.
  const asText = (reported: Reported | undefined): unknown =>
    reported && { ...reported, report: { ...reported.report, part: typeof reported.report.part === 'string' ? reported.report.part : new TextDecoder().decode(reported.report.part) } };
  files.forEach((file, index) => assert.deepEqual(asText(printed[index]), asText(expected[index]), file));
  const linksElsewhere = (part: string): boolean => {
    const document = JSON.parse(part) as { path: string; diagnostics: { related: { path: string }[] }[] };
    return document.diagnostics.some((d) => d.related.some((r) => r.path !== document.path));
  };
  assert.ok(expected.some((e) => e && typeof e.report.part === 'string' && linksElsewhere(e.report.part)), 'no finding links to another release: the workspace checks read no peer');
});

test('--config applies in the worker threads as on the main thread', () => {
  const elsewhere = mkdtempSync(join(tmpdir(), 'communique-cli-config-'));
  try {
    const config = join(elsewhere, 'ci.json');
    writeFileSync(config, '{ "checks": { "glued-words": "off", "weekday-mismatch": "error" } }\n');
    const codes = (stdout: string): Set<string> =>
      new Set((JSON.parse(stdout) as { documents: { diagnostics: { code: string; severity: string }[] }[] }).documents.flatMap((d) => d.diagnostics.map((x) => `${x.code}:${x.severity}`)));
    const plain = codes(cli('--format', 'json', '--jobs', '2', root).stdout);
    assert.ok(plain.has('glued-words:information') && plain.has('weekday-mismatch:warning'), 'the generated archive has glued words and a wrong weekday');
    const one = cli('--format', 'json', '--jobs', '1', '--config', config, root);
    const two = cli('--format', 'json', '--jobs', '2', '--config', config, root);
    assert.ok(one.stdout === two.stdout, 'the JSON differs between one and two threads with --config');
    const configured = codes(two.stdout);
    assert.ok(![...configured].some((c) => c.startsWith('glued-words:')), 'glued-words is off in every thread');
    assert.ok(configured.has('weekday-mismatch:error') && !configured.has('weekday-mismatch:warning'), 'weekday-mismatch raised to error in every thread');
  } finally {
    rmSync(elsewhere, { recursive: true, force: true });
  }
});

/** Every entry below `dir` with its kind, size, modification time and content hash. */
function snapshot(dir: string): Map<string, string> {
  const entries = new Map<string, string>();
  const walk = (current: string): void => {
    for (const name of readdirSync(current)) {
      const path = join(current, name);
      const stats = lstatSync(path);
      if (stats.isDirectory()) {
        entries.set(path, `dir ${stats.mtimeMs}`);
        walk(path);
      } else if (stats.isFile()) {
        entries.set(path, `file ${stats.size} ${stats.mtimeMs} ${stats.mode} ${createHash('sha256').update(readFileSync(path)).digest('hex')}`);
      } else {
        entries.set(path, `other ${stats.mtimeMs} ${stats.mode}`);
      }
    }
  };
  walk(dir);
  return entries;
}

test('a run only reads: every file, folder and link is as it was, and nothing is added', () => {
  const extra = join(root, 'press', 'drafts');
  mkdirSync(extra, { recursive: true });
  writeFileSync(join(extra, 'draft.md'), 'Phnom Penh, 23 October 2021\n\nTrade reached USD 5.33 billion and USD 5.9 billion.\n');
  writeFileSync(join(root, '.communique.json'), '{ "checks": { "glued-words": "off" } }\n');
  const before = snapshot(root);
  // A temporary folder of the runs' own: the machine's is shared with test files running in parallel.
  const privateTmp = mkdtempSync(join(tmpdir(), 'cli-only-reads-tmp-'));
  try {
    for (const args of [['--format', 'json'], ['--no-color'], ['--format', 'json', '--jobs', '2'], ['--fail-on', 'none', '--jobs', '1']]) {
      const result = cli({ TMPDIR: privateTmp }, ...args, root, join(extra, 'draft.md'));
      assert.notEqual(result.status, null, 'the command line did not finish');
      assert.deepEqual(snapshot(root), before, `files changed after check ${args.join(' ')}`);
    }
    assert.deepEqual(readdirSync(privateTmp), [], 'the command line left files in the temporary folder');
  } finally {
    rmSync(privateTmp, { recursive: true, force: true });
  }
});

test('unreadable paths exit 2 with the reason while every other release is still checked', () => {
  const result = cli('--format', 'json', root, join(root, 'missing-folder'));
  assert.equal(result.status, 2);
  assert.match(result.stderr, /missing-folder: no such file or folder/);
  assert.match(result.stderr, /scan\.md: skipped: a binary file/);
  assert.equal((JSON.parse(result.stdout) as { documents: unknown[] }).documents.length >= RELEASES, true);
});
