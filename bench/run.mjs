// `npm run bench`: measures Communiqué on generated releases and prints one table. Figures are
// medians of several runs with their min and max, next to the targets of issue 6. It never fails
// on time: it exits 0 unless something crashes.
//
//   node bench/run.mjs [--scale=F]    F < 1 shrinks every corpus (a quick smoke run; figures are
//                                     then not comparable with the targets)
//
// What it measures (MB = 10^6 bytes of UTF-8 text; memory in MB = 10^6 bytes):
//   1. analyseDocument over a 10 MB corpus (one call per release), and one 6 KB release;
//   2. chrono-node's chrono.parse over the same corpus, for comparison;
//   3. the language server over stdio indexing 5,000 and 10,000 releases, its resident memory;
//   4. didChange → publishDiagnostics for the edited release and for a release that depends on it,
//      while the server checks every release for the first time and again once it has, with the
//      resident memory then;
//   5. hover and semantic tokens on a 1 MB release;
//   6. `node dist/cli.js check --format json` over the 10,000 releases, by default and with two
//      worker threads: wall time, and CPU time of every thread where /proc tells it;
//   7. the extension's activation in a real VS Code extension host (bench/activation.mjs).

import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, openSync, closeSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir, cpus, loadavg } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';
import * as chrono from 'chrono-node';
import { FACT_SHARE, generateCorpus, generateRelease } from './corpus.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
// COMMUNIQUE_BENCH_DIST: measure prebuilt bundles (server.js, cli.js) from another folder instead
// of building dist/ (to compare two builds).
const PREBUILT = process.env.COMMUNIQUE_BENCH_DIST ? resolve(process.env.COMMUNIQUE_BENCH_DIST) : null;
const SERVER = join(PREBUILT ?? join(ROOT, 'dist'), 'server.js');
const CLI = join(PREBUILT ?? join(ROOT, 'dist'), 'cli.js');
const scaleArg = process.argv.find((a) => a.startsWith('--scale='));
const SCALE = scaleArg ? Math.max(0.001, Number(scaleArg.slice('--scale='.length)) || 1) : 1;
const CORPUS_BYTES = Math.round(10e6 * SCALE);
const TENTH_N = Math.max(10, Math.round(1000 * SCALE));
const SMALL_N = Math.max(20, Math.round(5000 * SCALE));
const LARGE_N = Math.max(40, Math.round(10000 * SCALE));
const BIG_BYTES = 1e6;
/** The share of fact sentences of the denser corpus (the corpus's default before it was set to real releases' density). */
const DENSE_FACT_SHARE = 0.45;

const log = (message) => process.stderr.write(`bench: ${message}\n`);
const rows = [];
const loadAtStart = loadavg()[0];
const notes = [];
const cleanups = [];
/** The LSP client of the protocol tests (test/protocol/lspClient.ts), bundled by build(). */
let lsp;

// ---------------------------------------------------------------------------------------------
// Statistics and the table

function stats(samples) {
  const sorted = [...samples].filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (sorted.length === 0) return { median: NaN, min: NaN, max: NaN, n: 0 };
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  return { median, min: sorted[0], max: sorted[sorted.length - 1], n: sorted.length };
}

/**
 * A table row. `target`: { text, ok(median) } or null; `higher` says a larger figure is better
 * (only used to say so in the target text).
 */
function row(measure, samples, unit, target = null, extra = '') {
  const s = stats(samples);
  rows.push({ measure, ...s, unit, target, extra });
  log(`${measure}: ${fmt(s.median)} ${unit} (min ${fmt(s.min)}, max ${fmt(s.max)}, ${s.n} runs)`);
}
function missing(measure, why) {
  rows.push({ measure, median: NaN, min: NaN, max: NaN, n: 0, unit: '', target: null, extra: why });
  log(`${measure}: ${why}`);
}

function fmt(x) {
  if (!Number.isFinite(x)) return '—';
  const a = Math.abs(x);
  if (a >= 1000) return Math.round(x).toLocaleString('en-US');
  if (a >= 100) return x.toFixed(0);
  if (a >= 10) return x.toFixed(1);
  if (a >= 1) return x.toFixed(2);
  return x.toFixed(3);
}

function printTable() {
  const head = ['measure', 'median', 'min', 'max', 'unit', 'runs', 'target', 'met / note'];
  const body = rows.map((r) => [
    r.measure,
    fmt(r.median),
    fmt(r.min),
    fmt(r.max),
    r.unit,
    r.n ? String(r.n) : '',
    r.target ? r.target.text : '',
    r.target && Number.isFinite(r.median) ? (r.target.ok(r.median) ? 'yes' : 'NO') : r.extra ? r.extra : '',
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => (i === 7 ? 0 : b[i].length))));
  const right = new Set([1, 2, 3, 5]);
  const line = (cells) =>
    cells
      .map((c, i) => (i === 7 ? c : right.has(i) ? c.padStart(widths[i]) : c.padEnd(widths[i])))
      .join('  ')
      .trimEnd();
  const out = [line(head), line(widths.map((w, i) => '-'.repeat(i === 7 ? 3 : w))), ...body.map(line)];
  console.log('');
  console.log(
    `Communiqué benchmark — node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, load average ${loadAtStart.toFixed(1)} at the start and ${loadavg()[0].toFixed(1)} at the end${
      SCALE !== 1 ? `, corpora scaled by ${SCALE} (not comparable with the targets)` : ''
    }`,
  );
  console.log('');
  console.log(out.join('\n'));
  if (notes.length > 0) {
    console.log('');
    for (const note of notes) console.log(`* ${note}`);
  }
}

const atLeast = (value, unit) => ({ text: `≥ ${value} ${unit}`, ok: (x) => x >= value });
const below = (value, unit) => ({ text: `< ${value} ${unit}`, ok: (x) => x < value });

// ---------------------------------------------------------------------------------------------
// Set-up: build the bundles, and bundle the pure analysis (for measuring it in this process) with
// the protocol tests' LSP client (for driving the server).

function build(work) {
  if (PREBUILT) {
    log(`measuring the bundles in ${PREBUILT}`);
    notes.push(`server and command line from ${PREBUILT} (COMMUNIQUE_BENCH_DIST), the in-process analysis from this checkout.`);
  } else {
    log('building dist/ (node scripts/build.mjs)');
    const built = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
    if (built.status !== 0) throw new Error(`node scripts/build.mjs failed (exit ${built.status})`);
  }
  const outfile = join(work, 'analysis.cjs');
  esbuild.buildSync({
    stdin: {
      contents:
        "export { analyseDocument } from './server/src/analysis/document';\nexport { ALL_CHECKS } from './server/src/checks/index';\nexport { positionAt } from './server/src/analysis/text';\n" +
        "export { startServer, within, positionOf } from './test/protocol/lspClient';\n",
      resolveDir: ROOT,
      loader: 'ts',
      sourcefile: 'bench-entry.ts',
    },
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    outfile,
    logLevel: 'warning',
  });
  return createRequire(import.meta.url)(outfile);
}

const uriOf = (path) => pathToFileURL(path).href;

/** Resident set size and its peak, in bytes, of a server from /proc (Linux). */
function memoryOf(server) {
  try {
    const status = readFileSync(`/proc/${server.process.pid}/status`, 'utf8');
    const kb = (key) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN) * 1024;
    return { rss: kb('VmRSS'), peak: kb('VmHWM') };
  } catch {
    return { rss: NaN, peak: NaN };
  }
}

// ---------------------------------------------------------------------------------------------
// 1–2. Analysis in process, and chrono-node on the same corpus.

function measureAnalysis(analyseDocument) {
  log(`generating a ${(CORPUS_BYTES / 1e6).toFixed(1)} MB corpus`);
  const { releases, bytes } = generateCorpus(CORPUS_BYTES);
  const uris = releases.map((r) => `file:///bench/releases/${r.name}`);
  const styles = {};
  for (const r of releases) styles[r.style] = (styles[r.style] ?? 0) + 1;
  notes.push(
    `corpus: ${releases.length} generated releases, ${(bytes / 1e6).toFixed(1)} MB (${Object.entries(styles)
      .map(([k, v]) => `${v} ${k}`)
      .join(', ')}); throughput counts UTF-8 bytes, MB = 10^6 bytes.`,
  );

  /** Seconds for `fn(i)` over releases 0 … count - 1. */
  const passOver = (count, fn) => {
    const t0 = performance.now();
    for (let i = 0; i < count; i++) fn(i);
    return (performance.now() - t0) / 1000;
  };
  const pass = (fn) => passOver(releases.length, fn);
  /**
   * MB/s of `analyseDocument` over a corpus: one warm-up pass, then 3–5 passes; and the figures,
   * dates, party mentions and claims found per KB, counted in the warm-up pass.
   */
  const throughput = (corpus, names) => {
    const analyse = (i) => analyseDocument(corpus.releases[i].text, names[i]);
    const found = { figures: 0, dates: 0, parties: 0, claims: 0 };
    passOver(corpus.releases.length, (i) => {
      const analysis = analyse(i);
      for (const key of Object.keys(found)) found[key] += analysis[key].length;
    });
    const density = Object.entries(found)
      .map(([key, count]) => `${(count / (corpus.bytes / 1000)).toFixed(2)} ${key}`)
      .join(', ');
    const samples = [];
    const budget = performance.now() + 30_000;
    for (let run = 0; run < 5 && (run < 3 || performance.now() < budget); run++) samples.push(corpus.bytes / 1e6 / passOver(corpus.releases.length, analyse));
    return { samples, density };
  };
  log('analysis throughput');
  const corpus = throughput({ releases, bytes }, uris);
  const ours = corpus.samples;
  row('analysis throughput (analyseDocument, 10 MB corpus)', ours, 'MB/s', atLeast(20, 'MB/s'));
  // The same measure on a corpus with facts in 45% of the sentences instead of FACT_SHARE: more
  // figures, dates and claims per KB than the real releases have, as a heavier archive would.
  log('analysis throughput, dense corpus');
  const dense = generateCorpus(CORPUS_BYTES, 1, { factShare: DENSE_FACT_SHARE });
  const denseUris = dense.releases.map((r) => `file:///bench/releases/${r.name}`);
  const denser = throughput(dense, denseUris);
  row(`  same, denser corpus (facts in ${DENSE_FACT_SHARE * 100}% of sentences, not ${FACT_SHARE * 100}%)`, denser.samples, 'MB/s');
  notes.push(
    `found per KB: corpus ${corpus.density}; denser corpus ${denser.density}. ` +
      'Two real releases about one relationship (the seeds the project was built from) have 2.1–2.7 figures, 1.5–2.1 dates, 6.8–8.8 party mentions and 1.1–1.5 claims per KB.',
  );

  // One 6 KB release, many times after warm-up.
  let six = null;
  for (let seed = 100_000; ; seed++) {
    const r = generateRelease(seed, { style: 'ministry', targetBytes: 6100 });
    const size = Buffer.byteLength(r.text);
    if (size >= 5900 && size <= 6100) {
      six = r;
      break;
    }
  }
  const sixUri = `file:///bench/releases/${six.name}`;
  for (let i = 0; i < 200; i++) analyseDocument(six.text, sixUri);
  const times = [];
  const until = performance.now() + 5000;
  while (times.length < 1000 && (times.length < 50 || performance.now() < until)) {
    const t0 = performance.now();
    analyseDocument(six.text, sixUri);
    times.push(performance.now() - t0);
  }
  row(`analyse one ${(Buffer.byteLength(six.text) / 1000).toFixed(1)} KB release`, times, 'ms', below(0.5, 'ms'));

  // chrono-node: dates only, on the same corpus, each release with a reference date.
  log('chrono-node on the same corpus');
  const fallback = new Date('2021-10-23T12:00:00Z');
  const refs = releases.map((r) => (r.date ? new Date(`${r.date}T12:00:00Z`) : fallback));
  const chronoParse = (i) => chrono.parse(releases[i].text, refs[i]);
  for (let i = 0; i < Math.min(100, releases.length); i++) chronoParse(i); // warm-up
  const theirs = [];
  const chronoBudget = performance.now() + 45_000;
  for (let run = 0; run < 3 && (run < 2 || performance.now() < chronoBudget); run++) theirs.push(bytes / 1e6 / pass(chronoParse));
  row('chrono-node alone (chrono.parse, dates only, same corpus)', theirs, 'MB/s');
  const ratio = stats(ours).median / stats(theirs).median;
  rows.push({
    measure: 'ratio: analyseDocument ÷ chrono.parse throughput',
    median: ratio,
    min: NaN,
    max: NaN,
    n: 0,
    unit: '×',
    target: null,
    extra: '(medians; ours also finds figures and parties)',
  });
  log(`ratio ${fmt(ratio)}`);
  return six;
}

// ---------------------------------------------------------------------------------------------
// 3–6. The language server and the command line over a generated workspace.

/** The two releases an edit is measured on: A is edited, B states the same claim (a dependent). */
function editPair() {
  const bodyA = generateRelease(900_001, { style: 'plain', targetBytes: 5000 }).text;
  const bodyB = generateRelease(900_002, { style: 'plain', targetBytes: 5000 }).text;
  const claim = (value) =>
    `\nTwo-way trade between Cambodia and Viet Nam reached USD ${value} billion in 2020, according to the customs figures both ministries reviewed at the meeting.\n`;
  const cleanA = `${bodyA}${claim('5.33')}`;
  // The edit: a value that contradicts B, a glued word and a relative date in a release with no date.
  const editedA = `${bodyA}${claim('6.9')}\nThe delegations also reviewed bilateralrelations in education and agreed to meet again next month.\n`;
  const textB = `${bodyB}\nIn 2020, trade between Viet Nam and Cambodia amounted to USD 5.33 billion, up from the year before, the ministry said.\n`;
  return { cleanA, editedA, textB };
}

/**
 * The workspace: folders w1 (a tenth, with the edit pair), w2 (the rest of the first half) and w3
 * (the second half), each holding a `releases/` folder, so 1/10, 1/2 and all of it can be indexed.
 */
function writeWorkspace(root) {
  log(`writing a workspace of ${LARGE_N} releases`);
  const sizes = [TENTH_N, SMALL_N - TENTH_N, LARGE_N - SMALL_N];
  const folders = sizes.map((_, i) => join(root, `w${i + 1}`));
  for (const folder of folders) mkdirSync(join(folder, 'releases'), { recursive: true });
  let bytes = 0;
  let seed = 1;
  for (let f = 0; f < folders.length; f++) {
    const count = f === 0 ? sizes[0] - 2 : sizes[f];
    for (let i = 0; i < count; i++, seed++) {
      const r = generateRelease(seed);
      writeFileSync(join(folders[f], 'releases', r.name), r.text);
      bytes += Buffer.byteLength(r.text);
    }
  }
  const pair = editPair();
  const pathA = join(folders[0], 'releases', 'zz-edit-a.txt');
  const pathB = join(folders[0], 'releases', 'zz-edit-b.txt');
  writeFileSync(pathA, pair.cleanA);
  writeFileSync(pathB, pair.textB);
  bytes += Buffer.byteLength(pair.cleanA) + Buffer.byteLength(pair.textB);
  notes.push(`workspace: ${LARGE_N} generated releases, ${(bytes / 1e6).toFixed(1)} MB on disk, in 3 workspace folders of ${sizes.join(', ')} releases.`);
  return { root, folders, pathA, pathB, pair };
}

function watcher() {
  const waiters = new Set();
  const counts = new Map();
  const progress = { message: null };
  const status = { state: null };
  const onPush = (method, params, at) => {
    counts.set(method, (counts.get(method) ?? 0) + 1);
    if (method === '$/progress' && typeof params?.value?.message === 'string') progress.message = params.value.message;
    if (method === 'communique/status' && typeof params?.state === 'string') status.state = params.state;
    for (const w of [...waiters]) {
      if (w.test(method, params)) {
        waiters.delete(w);
        w.resolve(at);
      }
    }
  };
  const waitFor = (test, ms, what) => {
    let entry;
    const promise = new Promise((resolve) => {
      entry = { test, resolve };
      waiters.add(entry);
    });
    return lsp.within(promise, ms, what).finally(() => waiters.delete(entry));
  };
  return { onPush, waitFor, counts, progress, status };
}

const live = new Set();
const fmtN = (n) => n.toLocaleString('en-US');

/** Starts a server on the folders and waits until it says it is ready (or `timeoutSeconds` pass: then it is killed). */
async function indexOnce(folders, timeoutSeconds, keep) {
  const w = watcher();
  const ready = w.waitFor(
    (m, p) => (m === 'communique/status' && p?.state === 'ready') || (m === '$/progress' && p?.value?.kind === 'end'),
    timeoutSeconds * 1000,
    'indexing',
  );
  const server = await lsp.startServer({ serverPath: SERVER, workspaceFolders: folders, onNotification: w.onPush });
  const t0 = performance.now(); // \`initialized\` has just been sent
  live.add(server);
  const crashed = server.exited.then(({ code, signal }) => {
    throw new Error(`the server exited (code ${code}, signal ${signal}) while indexing:\n${server.stderr().slice(-2000)}`);
  });
  crashed.catch(() => {});
  let t1;
  try {
    t1 = await Promise.race([ready, crashed]);
  } catch (error) {
    const memory = memoryOf(server);
    server.kill();
    live.delete(server);
    if (/timed out/.test(String(error))) return { timedOut: true, seconds: timeoutSeconds, memory, progress: w.progress.message };
    throw error;
  }
  const memory = memoryOf(server);
  const diagnostics = w.counts.get('textDocument/publishDiagnostics') ?? 0;
  if (!keep) {
    await server.stop();
    live.delete(server);
  }
  return { timedOut: false, seconds: (t1 - t0) / 1000, memory, diagnostics, server: keep ? server : null, watcher: w };
}

/**
 * Indexing runs for one workspace size: up to 3 while within `budgetSeconds`, each killed after
 * `timeoutSeconds`. Keeps the last server running when `keep`.
 */
async function indexRuns(n, folders, budgetSeconds, timeoutSeconds, keep, target) {
  const seconds = [];
  const rss = [];
  const peak = [];
  let last = null;
  const started = performance.now();
  for (let run = 0; run < 3; run++) {
    const elapsed = (performance.now() - started) / 1000;
    if (run > 0 && elapsed + stats(seconds).median > budgetSeconds) break;
    if (last?.server) {
      await last.server.stop();
      live.delete(last.server);
    }
    log(`${fmtN(n)} releases: indexing run ${run + 1}`);
    last = await indexOnce(folders, timeoutSeconds, keep);
    if (last.timedOut) break;
    seconds.push(last.seconds);
    rss.push(last.memory.rss / 1e6);
    peak.push(last.memory.peak / 1e6);
  }
  const label = `index ${fmtN(n)} releases (server, initialized → ready)`;
  if (last?.timedOut) {
    rows.push({ measure: label, median: NaN, min: NaN, max: NaN, n: seconds.length, unit: 's', target: null, extra: `not ready after ${timeoutSeconds} s: stopped` });
    notes.push(
      `indexing ${fmtN(n)} releases did not finish within ${timeoutSeconds} s (last progress: ${last.progress ?? 'none'}; resident memory then ${fmt(
        last.memory.rss / 1e6,
      )} MB); ${seconds.length} run(s) finished before.`,
    );
    log(`${label}: not ready after ${timeoutSeconds} s`);
    return null;
  }
  row(label, seconds, 's', target?.seconds);
  row(`  resident memory after indexing ${fmtN(n)}`, rss, 'MB', target?.memory);
  row(`  peak resident memory while indexing ${fmtN(n)}`, peak, 'MB');
  notes.push(`indexing ${fmtN(n)} releases, the server pushed diagnostics ${fmtN(last.diagnostics)} times before it was ready.`);
  return last;
}

async function measureServer(ws, checkCodes) {
  // The first half, then the whole; if the half cannot be indexed in time, a tenth, for the edits.
  const half = await indexRuns(SMALL_N, ws.folders.slice(0, 2), 60, 60, false, null);
  let indexed = null;
  let n = LARGE_N;
  if (half) {
    indexed = await indexRuns(LARGE_N, ws.folders, 100, 120, true, { seconds: below(10, 's'), memory: below(500, 'MB') });
  } else {
    missing(`index ${fmtN(LARGE_N)} releases (server, initialized → ready)`, `not run: ${fmtN(SMALL_N)} did not finish`);
  }
  if (!indexed) {
    n = TENTH_N;
    notes.push(`the edits are measured in a workspace of ${fmtN(TENTH_N)} releases, the larger ones could not be indexed in time.`);
    indexed = await indexRuns(TENTH_N, ws.folders.slice(0, 1), 30, 40, true, null);
  }
  if (!indexed) {
    missing('edit → diagnostics', 'not measured: no workspace could be indexed in time');
    return;
  }
  try {
    await measureEdits(ws, indexed, checkCodes, n);
  } finally {
    await indexed.server.stop();
    live.delete(indexed.server);
  }
}

async function measureEdits(ws, indexed, checkCodes, n) {
  const { server, watcher: w } = indexed;
  const uriA = uriOf(ws.pathA);
  const uriB = uriOf(ws.pathB);
  const isDiagnostics = (uri, version) => (m, p) =>
    m === 'textDocument/publishDiagnostics' && p?.uri === uri && (version === undefined || p.version === undefined || p.version === version);

  // Open A as an editor would and let the server settle.
  const firstA = w.waitFor(isDiagnostics(uriA, 1), 5000, 'diagnostics of the opened release').catch(() => null);
  await server.open(uriA, ws.pair.cleanA, 'plaintext', 1);
  await lsp.within(server.hover(uriA, 0, 0), 60_000, 'hover after opening');
  await firstA;

  let mode = 'diagnostics';
  let dependents = true;
  const hoverAt = lsp.positionOf(ws.pair.editedA, 'Viet Nam reached');
  let version = 1;

  /** Up to 21 edits (at least 5, then while within 40 s); times into the arrays. */
  const series = async () => {
    const toA = [];
    const toB = [];
    const toHover = [];
    const until = performance.now() + 40_000;
    for (let i = 0; i < 21 && (i < 5 || performance.now() < until); i++) {
      // Each edit is measured alone: it is sent once the previous one's diagnostics (of every release
      // it affected) have all arrived, i.e. once nothing has been pushed for 50 ms (at most 1 s: while
      // the first check of the workspace runs, something is always pushed).
      await settled(w, 50, 1000);
      version++;
      const text = version % 2 === 0 ? ws.pair.editedA : ws.pair.cleanA;
      if (mode === 'diagnostics') {
        const a = w.waitFor(isDiagnostics(uriA, version), 10_000, 'diagnostics of the edited release');
        const b = dependents ? w.waitFor(isDiagnostics(uriB), 10_000, 'diagnostics of the dependent release') : null;
        const t0 = performance.now();
        await server.change(uriA, text, version);
        const [ra, rb] = await Promise.allSettled([a, b ?? Promise.resolve(null)]);
        if (ra.status === 'fulfilled') toA.push(ra.value - t0);
        else if (i === 0) {
          mode = 'hover';
          notes.push(
            `edit → diagnostics: the server published no diagnostics for the edited release within 10 s (registered checks: ${
              checkCodes.join(', ') || 'none'
            }); the edit is measured until the server answers a hover after the change instead.`,
          );
        }
        if (b) {
          if (rb.status === 'fulfilled') toB.push(rb.value - t0);
          else if (i === 0) {
            dependents = false;
            notes.push(
              `edit → dependent's diagnostics: nothing was pushed for the release stating the same claim within 10 s of the edit (registered checks: ${
                checkCodes.join(', ') || 'none'
              }).`,
            );
          }
        }
        if (mode === 'diagnostics') continue;
      }
      const t0 = performance.now();
      await server.change(uriA, text, version);
      await lsp.within(server.hover(uriA, hoverAt.line, hoverAt.character), 30_000, 'hover after an edit');
      toHover.push(performance.now() - t0);
    }
    return { toA, toB, toHover };
  };
  const report = ({ toA, toB, toHover }, when) => {
    if (toA.length > 0) row(`edit → diagnostics of the edited release, ${when}`, toA, 'ms', below(30, 'ms'));
    else missing(`edit → diagnostics of the edited release, ${when}`, 'no diagnostics published (see notes)');
    if (toB.length > 0) row(`edit → diagnostics of a dependent release (same claim), ${when}`, toB, 'ms', below(30, 'ms'));
    else missing(`edit → diagnostics of a dependent release (same claim), ${when}`, 'not refreshed (see notes)');
    if (toHover.length > 0) row(`edit → hover answered (stand-in: no diagnostics), ${when}`, toHover, 'ms', below(30, 'ms'));
  };

  // While the server checks every release for the first time (it does so in the background, behind edits).
  const during = await series();
  report(during, `${fmtN(n)} indexed, first check running`);
  if (w.status.state !== 'ready') {
    log('waiting for the first check of every release to finish');
    const t0 = performance.now();
    const done = await w.waitFor((m, p) => m === 'communique/status' && p?.state === 'ready', 300_000, 'the first check of every release').then(
      () => true,
      () => false,
    );
    if (done) notes.push(`the first check of all ${fmtN(n)} releases finished ${fmt((performance.now() - t0) / 1000)} s after the first series of edits ended.`);
    else notes.push(`the first check of all ${fmtN(n)} releases did not finish within 300 s of the first series of edits.`);
  }
  row(`  resident memory once every release is checked (${fmtN(n)})`, [memoryOf(server).rss / 1e6], 'MB', below(500, 'MB'));
  notes.push(
    'resident memory once every release is checked: one sample; it includes garbage the collector has not reclaimed yet, so it varies from run to run far more than the memory after indexing.',
  );
  report(await series(), `${fmtN(n)} indexed and checked`);
  notes.push(
    `edits alternate between two full-text versions of one ${(ws.pair.editedA.length / 1000).toFixed(1)} KB release (a changed trade value that contradicts another release, a glued word, "next month" without a release date); each is sent once the previous edit's diagnostics have all arrived (nothing pushed for 50 ms, at most 1 s); times are client-side round trips over stdio.`,
  );
}

/** Hover and semantic tokens on a 1 MB release, in a server of its own (no workspace). */
async function measureBigRelease(work, analyseDocument, positionAt) {
  const base = generateRelease(777_777, { style: 'ministry', targetBytes: 6000 }).text;
  const parts = [];
  let size = 0;
  while (size < BIG_BYTES) {
    parts.push(base);
    size += Buffer.byteLength(base) + 2;
  }
  const text = parts.join('\n\n');
  const uri = uriOf(join(work, 'big.release.txt'));
  const analysis = analyseDocument(text, uri);
  const position = (offset) => positionAt(analysis.lineStarts, offset);
  const targets = [];
  const step = Math.max(1, Math.floor(analysis.figures.length / 50));
  for (let i = 0; i < analysis.figures.length && targets.length < 50; i += step) targets.push(position(analysis.figures[i].start + 1));
  if (targets.length === 0) targets.push(position(Math.floor(text.length / 2)));

  log('1 MB release: open, hover, semantic tokens');
  const server = await lsp.startServer({ serverPath: SERVER });
  live.add(server);
  try {
    let t0 = performance.now();
    await server.open(uri, text, 'press-release', 1);
    const first = await lsp.within(server.hover(uri, targets[0].line, targets[0].character), 60_000, 'first hover on the 1 MB release');
    row(`open a ${(Buffer.byteLength(text) / 1e6).toFixed(1)} MB release → first hover answered`, [performance.now() - t0], 'ms');
    if (!first) notes.push('the first hover on a figure of the 1 MB release answered null.');
    for (let i = 0; i < 5; i++) await server.hover(uri, targets[i % targets.length].line, targets[i % targets.length].character);
    const hovers = [];
    for (const at of targets) {
      t0 = performance.now();
      await server.hover(uri, at.line, at.character);
      hovers.push(performance.now() - t0);
    }
    row('hover on a figure, 1 MB release', hovers, 'ms');
    await server.semanticTokens(uri);
    const tokens = [];
    let count = 0;
    for (let i = 0; i < 10; i++) {
      t0 = performance.now();
      const result = await server.semanticTokens(uri);
      tokens.push(performance.now() - t0);
      count = (result?.data?.length ?? 0) / 5;
    }
    row(`semantic tokens (full), 1 MB release (${fmtN(count)} tokens)`, tokens, 'ms');
    const edits = [];
    for (let i = 0; i < 5; i++) {
      const edited = i % 2 === 0 ? `${text}\nThe ministers met again.` : text;
      t0 = performance.now();
      await server.change(uri, edited, 2 + i);
      await lsp.within(server.semanticTokens(uri), 60_000, 'semantic tokens after an edit');
      edits.push(performance.now() - t0);
    }
    row('edit → semantic tokens, 1 MB release (re-analysis)', edits, 'ms');
  } finally {
    await server.stop();
    live.delete(server);
  }
}

/**
 * CPU seconds (user + system) of this process's children that have ended, from /proc/self/stat
 * (Linux; null elsewhere): the difference around one run is the command line's own, every thread.
 */
function childrenCpuSeconds() {
  try {
    const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1].split(' ');
    return (Number(fields[13]) + Number(fields[14])) / 100; // cutime, cstime in clock ticks
  } catch {
    return null;
  }
}

/** `check --format json` over the workspace, with `extra` arguments: wall seconds, and CPU seconds where the system tells. */
async function measureCli(root, extra, what) {
  const runs = [];
  const cpu = [];
  const started = performance.now();
  const timeoutSeconds = 120;
  const label = `command line: check --format json${what}, ${fmtN(LARGE_N)} releases (wall)`;
  for (let run = 0; run < 3; run++) {
    const elapsed = (performance.now() - started) / 1000;
    if (run > 0 && elapsed + stats(runs).median > 100) break;
    log(`command line${what}: run ${run + 1}`);
    const devnull = openSync('/dev/null', 'w');
    const cpuBefore = childrenCpuSeconds();
    const t0 = performance.now();
    const child = spawn(process.execPath, [CLI, 'check', '--format', 'json', ...extra, root], { cwd: ROOT, stdio: ['ignore', devnull, 'pipe'] });
    closeSync(devnull);
    let stderr = '';
    child.stderr.on('data', (c) => {
      if (stderr.length < 20_000) stderr += c.toString();
    });
    const exited = new Promise((done) => child.once('exit', (c, s) => done({ code: c, signal: s })));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutSeconds * 1000);
    const { code, signal } = await exited;
    clearTimeout(timer);
    const seconds = (performance.now() - t0) / 1000;
    if (signal === 'SIGKILL' && seconds >= timeoutSeconds - 1) {
      missing(label, `not done after ${timeoutSeconds} s: stopped`);
      return;
    }
    if (signal || (code !== 0 && code !== 1)) {
      missing(label, `failed: exit ${signal ?? code}`);
      notes.push(`the command line exited with ${signal ?? `code ${code}`}: ${stderr.trim().split('\n').slice(-3).join(' ')}`);
      return;
    }
    runs.push(seconds);
    const cpuAfter = childrenCpuSeconds();
    if (cpuBefore !== null && cpuAfter !== null) cpu.push(cpuAfter - cpuBefore);
  }
  row(label, runs, 's');
  if (cpu.length === runs.length) row(label.replace('(wall)', '(CPU, every thread)'), cpu, 's');
}

/** Resolves once the server has pushed no diagnostics for `quietMs`, or after `maxMs`. */
async function settled(w, quietMs, maxMs) {
  const started = performance.now();
  let seen = w.counts.get('textDocument/publishDiagnostics') ?? 0;
  let quietSince = performance.now();
  while (performance.now() - started < maxMs) {
    await new Promise((resolve) => setTimeout(resolve, 10));
    const now = w.counts.get('textDocument/publishDiagnostics') ?? 0;
    if (now !== seen) {
      seen = now;
      quietSince = performance.now();
    } else if (performance.now() - quietSince >= quietMs) return;
  }
}

// ---------------------------------------------------------------------------------------------

async function main() {
  const work = mkdtempSync(join(tmpdir(), 'communique-bench-'));
  cleanups.push(() => rmSync(work, { recursive: true, force: true }));
  const startedAt = performance.now();
  const bundle = build(work);
  const { analyseDocument, ALL_CHECKS, positionAt } = bundle;
  lsp = bundle;
  const checkCodes = ALL_CHECKS.map((c) => c.code);
  notes.push(`registered checks: ${checkCodes.join(', ') || 'none yet'}.`);

  measureAnalysis(analyseDocument);
  const ws = writeWorkspace(join(work, 'workspace'));
  await measureServer(ws, checkCodes);
  await measureBigRelease(work, analyseDocument, positionAt);
  await measureCli(join(work, 'workspace'), [], '');
  // Worker threads, whatever the default is on this machine: the same output, and what they cost.
  await measureCli(join(work, 'workspace'), ['--jobs', '2'], ' --jobs 2');
  const { measureActivation } = await import('./activation.mjs');
  await measureActivation({ root: ROOT, work, row, missing, notes, log, below, prebuilt: PREBUILT });
  notes.push(`whole benchmark: ${((performance.now() - startedAt) / 1000).toFixed(0)} s.`);
}

async function cleanup() {
  for (const server of live) server.kill();
  live.clear();
  for (const fn of cleanups.splice(0)) {
    try {
      fn();
    } catch {
      // best effort
    }
  }
}

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => {
    void cleanup().finally(() => process.exit(130));
  });
}

try {
  await main();
  printTable();
  await cleanup();
  process.exit(0);
} catch (error) {
  if (rows.length > 0) printTable();
  console.error(`\nbench: crashed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  await cleanup();
  process.exit(1);
}
