#!/usr/bin/env node
// Tests inside a real VS Code, offline: code-server from the npm registry + Debian's Chromium
// driven by playwright-core. Called by `npm test` (scripts/test.mjs) after tsc (out/), the bundles
// (dist/*.js) and the .vsix exist.
//
//   node test/e2e/run.mjs [exthost] [ui] [--install-only]
//        [--extension-path=DIR] [--tests-path=FILE] [--workspace=DIR] [--vsix=FILE] [--vscode=EXECUTABLE]
//
// Stages: harness install (idempotent), extension-host tests (test/editor, compiled to
// out/test/editor/index.js, run against the extension in the repository), UI smoke test (on the
// packaged .vsix). The extension-host stage goes through @vscode/test-electron's runTests() with
// code-server standing in for VS Code (bin/code-server-as-vscode.mjs); on a desktop,
// --vscode=EXECUTABLE runs the same suite in a real VS Code. Exit code 0 only when every stage passed. Environment: COMMUNIQUE_E2E_VERBOSE=1
// relays all of the workbench's console; COMMUNIQUE_E2E_CHROMIUM overrides /usr/bin/chromium;
// COMMUNIQUE_EDITOR_GREP runs only the editor tests whose title matches; COMMUNIQUE_E2E_TIMEOUT_S
// bounds the extension-host suite (default 300).
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { ensureHarness } from './lib/install.mjs';
import { E2E_DIR, REPO_ROOT, cleanupAll, isInterrupted, log, seconds } from './lib/util.mjs';

function parseArgs(argv) {
  const options = { stages: [], installOnly: false };
  for (const arg of argv) {
    const [key, value] = arg.split(/=(.*)/s);
    if (arg === 'exthost' || arg === 'ui') options.stages.push(arg);
    else if (arg === '--install-only') options.installOnly = true;
    else if (key === '--extension-path') options.extensionPath = resolve(value);
    else if (key === '--tests-path') options.testsPath = resolve(value);
    else if (key === '--workspace') options.workspace = resolve(value);
    else if (key === '--vsix') options.vsix = resolve(value);
    else if (key === '--vscode') options.vscode = resolve(value);
    else {
      console.error(`unknown argument ${arg}\nusage: node test/e2e/run.mjs [exthost] [ui] [--install-only] [--extension-path=DIR] [--tests-path=FILE] [--workspace=DIR] [--vsix=FILE] [--vscode=EXECUTABLE]`);
      process.exit(2);
    }
  }
  if (options.stages.length === 0) options.stages = ['exthost', 'ui'];
  return options;
}

const options = parseArgs(process.argv.slice(2));
const manifest = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8'));
const extensionPath = options.extensionPath ?? REPO_ROOT;
const testsPath = options.testsPath ?? join(REPO_ROOT, 'out', 'test', 'editor', 'index.js');
const workspace = options.workspace ?? join(E2E_DIR, 'workspace');
const vsix = options.vsix ?? join(REPO_ROOT, 'dist', `${manifest.name}-${manifest.version}.vsix`);

/**
 * The extension-host suite through the standard runner, @vscode/test-electron's runTests(), with
 * code-server standing in for the VS Code executable (bin/code-server-as-vscode.mjs), or a real
 * VS Code given with --vscode=EXECUTABLE. The stand-in reports the suite's counts through a file.
 */
async function runWithTestElectron({ extensionPath, testsPath, workspace }) {
  const { runTests } = await import('@vscode/test-electron');
  const resultFile = join(E2E_DIR, '.work', `exthost-result-${process.pid}.json`);
  mkdirSync(dirname(resultFile), { recursive: true });
  rmSync(resultFile, { force: true });
  const started = Date.now();
  let code = 0;
  try {
    await runTests({
      vscodeExecutablePath: options.vscode ?? join(E2E_DIR, 'bin', 'code-server-as-vscode.mjs'),
      extensionDevelopmentPath: extensionPath,
      extensionTestsPath: testsPath,
      launchArgs: [workspace],
      extensionTestsEnv: { COMMUNIQUE_E2E_RESULT: resultFile },
    });
  } catch (error) {
    code = typeof error?.code === 'number' ? error.code : 1;
  }
  const reported = existsSync(resultFile) ? JSON.parse(readFileSync(resultFile, 'utf8')) : {};
  rmSync(resultFile, { force: true });
  return { ...reported, code: reported.code ?? code, ms: reported.ms ?? Date.now() - started };
}

const summary = [];
let failed = false;

function record(stage, line, ok) {
  summary.push(`${stage}: ${line}`);
  if (!ok) failed = true;
}

function message(error) {
  return error?.message ?? String(error);
}

async function main() {
  console.log('\n=== tests inside a real VS Code (code-server + Chromium) ===');
  try {
    const install = await ensureHarness();
    record('harness install', install.installed ? `installed in ${seconds(install.ms)}` : `up to date (${seconds(install.ms)})`, true);
  } catch (error) {
    console.error(`[e2e] harness install failed: ${message(error)}`);
    record('harness install', 'FAILED', false);
    return;
  }
  if (options.installOnly) return;

  if (options.stages.includes('exthost')) {
    console.log('\n--- extension-host tests (test/editor) ---');
    const started = Date.now();
    try {
      const entry = join(extensionPath, 'package.json');
      const main = JSON.parse(readFileSync(entry, 'utf8')).main;
      if (main && !existsSync(join(extensionPath, main)) && !existsSync(join(extensionPath, `${main}.js`))) {
        throw new Error(`the extension's main ${main} does not exist: build it first (node scripts/build.mjs)`);
      }
      if (!existsSync(testsPath)) throw new Error(`${testsPath} does not exist: compile the tests first (npx tsc -p .)`);
      const result = await runWithTestElectron({ extensionPath, testsPath, workspace });
      const passed = result.passed ?? 0;
      let failures = result.failed ?? (result.code === 0 ? 0 : 1);
      if (result.code !== 0 && failures === 0) failures = 1; // the suite failed without reporting counts
      if (result.passed === undefined && !result.reason) console.error('[e2e] the suite did not report its counts: it failed before mocha ran (see the extension host output above)');
      record('extension-host tests', `${passed} passed, ${failures} failed (${seconds(result.ms)}, exit code ${result.code})`, result.code === 0 && failures === 0);
    } catch (error) {
      console.error(`[e2e] extension-host tests could not run: ${message(error)}`);
      record('extension-host tests', `0 passed, 1 failed (${seconds(Date.now() - started)}: ${message(error).split('\n')[0]})`, false);
    }
  }

  if (options.stages.includes('ui') && !isInterrupted()) {
    console.log('\n--- UI smoke test (packaged .vsix) ---');
    const started = Date.now();
    try {
      if (!existsSync(vsix)) throw new Error(`${vsix} does not exist: package it first (node scripts/package.mjs)`);
      const { runUiSmoke } = await import('./ui-smoke.mjs');
      const result = await runUiSmoke({ vsix, workspace });
      record('UI smoke test', `${result.passed} passed, ${result.failed} failed (${seconds(result.ms)})`, result.failed === 0 && result.passed > 0);
    } catch (error) {
      console.error(`[e2e] UI smoke test could not run: ${message(error)}`);
      record('UI smoke test', `0 passed, 1 failed (${seconds(Date.now() - started)}: ${message(error).split('\n')[0]})`, false);
    }
  }
}

try {
  await main();
} catch (error) {
  console.error(`[e2e] ${error?.stack ?? error}`);
  failed = true;
} finally {
  await cleanupAll();
}
console.log('\n=== e2e summary ===');
for (const line of summary) console.log(line);
log(failed ? 'FAILED' : 'all stages passed');
process.exit(failed ? 1 : 0);
