// The extension's activation, measured in a real VS Code extension host (code-server's, through the
// e2e harness in test/e2e) as VS Code counts it: from loading the extension's code (VS Code's own
// mark code/extHost/willLoadExtensionCode/<id>, taken before it reads and compiles dist/client.js)
// until activate()'s promise resolved (the extension's ActivationRecord). Each launch is a fresh
// code-server and extension host opening a workspace with a few releases; the extension is the
// production (minified) build, staged as the .vsix holds it. Also measured: require() of that
// dist/client.js in a plain node process with a stub `vscode` module (reading + compiling + the
// bundle's top-level code), which needs no browser.
//
// Each launch goes through the e2e harness itself (test/e2e/lib: ensureHarness, runExtensionTests),
// as `npm test` runs the editor suite, with bench/activation-probe.cjs as the suite.
//
// Used by bench/run.mjs: `await measureActivation({ root, work, row, missing, notes, log, below })`.
// Never fails on time, nor when the extension host cannot start: the row is then missing, with why.

import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { generateRelease } from './corpus.mjs';

const LABEL = 'extension activation (real extension host)';
const LAUNCHES = 5; // measured, after one warm-up launch that is not counted
const BUDGET_MS = 240_000; // for every launch together
const LAUNCH_TIMEOUT_MS = 105_000; // for the probe's report, once the workbench is open
// What the .vsix holds (.vscodeignore) besides dist/, which is built here.
const PACKAGED = ['package.json', 'language-configuration.json', 'syntaxes', 'schemas'];

const firstLine = (text) => String(text).trim().split('\n').find((l) => l.trim()) ?? '';
const lastLines = (text, n = 3) => String(text).trim().split('\n').slice(-n).join(' | ');

/** The production build staged as an extension folder: the files the .vsix holds. */
function stageExtension(root, dir, prebuilt) {
  mkdirSync(dir, { recursive: true });
  for (const name of PACKAGED) cpSync(join(root, name), join(dir, name), { recursive: true });
  if (prebuilt && existsSync(join(prebuilt, 'client.js'))) {
    cpSync(prebuilt, join(dir, 'dist'), { recursive: true, filter: (src) => !src.endsWith('.map') && !src.endsWith('.vsix') });
    return `the client from ${prebuilt}`;
  }
  const built = spawnSync(process.execPath, ['scripts/build.mjs', '--production', `--outdir=${join(dir, 'dist')}`], {
    cwd: root,
    encoding: 'utf8',
  });
  if (built.status !== 0) throw new Error(`node scripts/build.mjs --production failed: ${lastLines(built.stderr)}`);
  rmSync(join(dir, 'dist', 'cli.js'), { force: true }); // not in the .vsix
  return 'the production build (minified, no source maps)';
}

/** A workspace with a few releases under releases/ (one of the extension's activationEvents). */
function writeWorkspace(dir) {
  mkdirSync(join(dir, 'releases'), { recursive: true });
  for (let seed = 4242; seed < 4247; seed++) {
    const r = generateRelease(seed);
    writeFileSync(join(dir, 'releases', r.name), r.text);
  }
}

/** require() of the bundle in fresh node processes with a stub `vscode`: milliseconds per run. */
function requireInPlainNode(bundle, runs) {
  const script = `
const Module = require('node:module');
const stub = new Proxy(function () {}, { get: (_, key) => (key === 'then' ? undefined : stub), apply: () => stub, construct: () => stub });
const load = Module._load;
Module._load = function (request, ...rest) { return request === 'vscode' ? stub : load.call(this, request, ...rest); };
const t0 = performance.now();
require(${JSON.stringify(bundle)});
process.stdout.write(String(performance.now() - t0));
`;
  const times = [];
  for (let i = 0; i < runs + 1; i++) {
    const result = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8', timeout: 30_000 });
    if (result.status !== 0) throw new Error(`require(${bundle}) failed: ${lastLines(result.stderr)}`);
    if (i > 0) times.push(Number(result.stdout)); // the first one warms the file cache
  }
  return times;
}

/** The figures of one launch, in milliseconds, or why there are none. */
function figures(launched) {
  const report = launched.report;
  const a = report?.activation;
  if (!a) return { error: report?.error ?? launched.reason ?? `the probe reported nothing (exit code ${launched.code})` };
  // VS Code's marks are Date.now() milliseconds; the record is timeOrigin + performance.now(), the same clock.
  const m = report.marks ?? {};
  const hasMarks = [m.willLoadCode, m.didLoadCode, m.willActivate, m.didActivate].every(Number.isFinite);
  const codeLoading = hasMarks ? m.didLoadCode - m.willLoadCode : NaN;
  const activateCall = hasMarks ? m.didActivate - m.willActivate : a.activated - a.activateCalled;
  return {
    // As VS Code counts it (its codeLoadingTime + activateCallTime + activateResolvedTime); without
    // the marks, from the bundle's first line, which leaves out reading and compiling it.
    total: hasMarks ? codeLoading + activateCall : a.activated - a.bundleStarted,
    hasMarks,
    codeLoading,
    activateCall,
    // Wall clock, including VS Code's wait for the extension's context (storage) between the two.
    wall: hasMarks ? m.didActivate - m.willLoadCode : NaN,
    serverStarted: Number.isFinite(a.serverStarted) ? a.serverStarted - a.activateCalled : NaN,
    serverFailed: a.serverFailed,
  };
}

export async function measureActivation({ root, work, row, missing, notes, log, below, prebuilt = null }) {
  const dir = join(work, 'activation');
  const extension = join(dir, 'extension');
  const workspace = join(dir, 'workspace');
  let staged;
  try {
    staged = stageExtension(root, extension, prebuilt);
    writeWorkspace(workspace);
  } catch (error) {
    missing(LABEL, `not measured: ${firstLine(error.message)}`);
    return;
  }
  const bundle = join(extension, 'dist', 'client.js');
  const size = readFileSync(bundle).length;
  const apart = join(extension, 'dist', 'languageClient.js');
  const sizes = `dist/client.js ${(size / 1000).toFixed(0)} KB${existsSync(apart) ? ` (+ dist/languageClient.js ${(readFileSync(apart).length / 1000).toFixed(0)} KB, required after activation)` : ''}`;

  // The harness (code-server, Chromium), installed as `npm test` installs it. Loaded here, not
  // above: without it installed, only this measure is missing.
  log('extension activation: checking the e2e harness');
  let runExtensionTests = null;
  let cleanupAll = async () => {};
  try {
    const e2e = join(root, 'test', 'e2e', 'lib');
    const { ensureHarness } = await import(pathToFileURL(join(e2e, 'install.mjs')).href);
    await ensureHarness();
    ({ runExtensionTests } = await import(pathToFileURL(join(e2e, 'exthost.mjs')).href));
    ({ cleanupAll } = await import(pathToFileURL(join(e2e, 'util.mjs')).href));
  } catch (error) {
    missing(LABEL, `not measured: the extension host cannot start here (${firstLine(error.message)})`);
  }
  if (runExtensionTests) {
    const probe = join(root, 'bench', 'activation-probe.cjs');
    const runs = [];
    let firstError = null;
    const started = performance.now();
    for (let i = 0; i <= LAUNCHES && performance.now() - started < BUDGET_MS; i++) {
      log(`extension activation: launch ${i + 1} of ${LAUNCHES + 1}${i === 0 ? ' (warm-up, not counted)' : ''}`);
      const launched = await runExtensionTests({ extensionPath: extension, testsPath: probe, workspace, timeout: LAUNCH_TIMEOUT_MS, runName: 'bench-activation' })
        .catch((error) => ({ code: 1, reason: firstLine(error.message) }))
        .finally(cleanupAll); // anything of the launch still running
      const f = figures(launched);
      if (f.error) {
        firstError ??= f.error;
        log(`extension activation: launch ${i + 1} failed: ${f.error}`);
        if (runs.length === 0 && i >= 1) break; // two failures in a row and nothing measured: give up
        continue;
      }
      if (i > 0) runs.push(f);
    }
    if (runs.length === 0) {
      missing(LABEL, `not measured: ${firstError ?? 'no launch finished within the budget'}`);
    } else {
      const marked = runs.every((r) => r.hasMarks);
      row(LABEL, runs.map((r) => r.total), 'ms', below(100, 'ms'));
      if (marked) row('  loading dist/client.js (willLoad → didLoadExtensionCode)', runs.map((r) => r.codeLoading), 'ms');
      row(`  activate() called → its promise resolved${marked ? ' (will → didActivateExtension)' : ''}`, runs.map((r) => r.activateCall), 'ms');
      if (marked) row("  wall clock willLoad → didActivate (+ VS Code's context set-up)", runs.map((r) => r.wall), 'ms');
      const serverStarted = runs.map((r) => r.serverStarted).filter(Number.isFinite);
      if (serverStarted.length > 0) row('  language server answered initialize (from activate() called)', serverStarted, 'ms');
      notes.push(
        `extension activation: ${runs.length} fresh code-server ${readVersion(root)} extension hosts, after one warm-up launch; ${staged}, ${sizes}; a workspace of 5 releases. ` +
          (marked
            ? "Counted as VS Code counts it, from its own marks in the extension host: loading the extension's code (reading, compiling and running dist/client.js) plus activate() until its promise resolved."
            : "VS Code's marks were not available: counted from the bundle's first line to activate()'s promise resolving, so reading and compiling the bundle are not included (see the plain-node row)."),
      );
      const failed = runs.find((r) => r.serverFailed);
      if (failed) notes.push(`extension activation: the language server failed to start: ${failed.serverFailed}`);
      if (firstError) notes.push(`extension activation: a launch failed: ${firstError}`);
    }
  }

  try {
    row('  require(dist/client.js) in plain node, stub vscode', requireInPlainNode(bundle, 10), 'ms');
  } catch (error) {
    missing('  require(dist/client.js) in plain node, stub vscode', `failed: ${firstLine(error.message)}`);
  }
}

function readVersion(root) {
  try {
    return JSON.parse(readFileSync(join(root, 'test', 'e2e', 'package.json'), 'utf8')).dependencies['code-server'];
  } catch {
    return '';
  }
}
