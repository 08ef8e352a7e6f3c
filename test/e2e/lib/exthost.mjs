// Runs an extension-test module inside a real VS Code extension host: code-server's web workbench
// accepts the desktop's development flags through the `payload` query, runs the module in the
// (remote, Node) extension host, and reports through two functions the driver exposes on the page:
// codeAutomationLog(type, args) (the extension host's console) and codeAutomationExit(code).
import { join } from 'node:path';
import { format } from 'node:util';
import { launchBrowser } from './browser.mjs';
import { prepareRun, startCodeServer } from './codeserver.mjs';
import { log, seconds } from './util.mjs';

export const RESULT_MARKER = 'COMMUNIQUE-EDITOR-SUITE-RESULT ';

// The workbench's own start-up chatter, which reaches codeAutomationLog too; shown only with
// COMMUNIQUE_E2E_VERBOSE=1 so that the log reads as the suite's output.
const WORKBENCH_NOISE = [
  /^Resolv(ing|ed) connection token/,
  /^Creating a socket/,
  /^\[Service Worker\]/,
  /^Ignoring fetching additional builtin extensions/,
  /^Updating additional builtin extensions cache/,
  /^ChatSessionStore:/,
  /^Creation of workbench contribution/,
];

/**
 * @returns {Promise<{ code: number, passed?: number, failed?: number, report?: object, ms: number }>}
 */
export async function runExtensionTests({ extensionPath, testsPath, workspace, timeout = 300_000, runName = 'exthost' }) {
  const started = Date.now();
  const run = prepareRun(runName);
  const server = await startCodeServer(run);
  const launched = Date.now();
  const { context, close } = await launchBrowser(run);
  log(`Chromium launched in ${seconds(Date.now() - launched)}`);
  const remote = (path) => `vscode-remote://127.0.0.1:${server.port}${path}`;
  const payload = [
    ['extensionDevelopmentPath', remote(extensionPath)],
    ['extensionTestsPath', remote(testsPath)],
  ];
  const url = `${server.base}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;

  let result;
  let settle;
  const finished = new Promise((resolveFinished) => {
    settle = resolveFinished;
  });
  const pageErrors = [];
  const verbose = process.env.COMMUNIQUE_E2E_VERBOSE === '1';
  try {
    const page = await context.newPage();
    await page.exposeFunction('codeAutomationLog', (type, args) => {
      // The extension host's console calls arrive unformatted (mocha logs '%s' patterns).
      const text = format(...(Array.isArray(args) ? args : [args]));
      for (const line of text.split('\n')) {
        if (line.startsWith(RESULT_MARKER)) {
          try {
            result = JSON.parse(line.slice(RESULT_MARKER.length));
          } catch {
            /* not ours */
          }
          continue;
        }
        if (!verbose && WORKBENCH_NOISE.some((pattern) => pattern.test(line))) continue;
        (type === 'error' || type === 'warn' ? process.stderr : process.stdout).write(`  │ ${line}\n`);
      }
    });
    await page.exposeFunction('codeAutomationExit', (code) => settle({ code: Number(code) }));
    page.on('pageerror', (error) => pageErrors.push(error.message));
    page.on('crash', () => settle({ code: 1, reason: 'the workbench page crashed' }));
    page.on('console', (message) => {
      if (verbose) process.stderr.write(`  [browser ${message.type()}] ${message.text()}\n`);
    });
    log(`opening the workbench with extensionDevelopmentPath=${extensionPath}, extensionTestsPath=${testsPath}, folder=${workspace}`);
    await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 60_000 });
    const timer = setTimeout(() => settle({ code: 1, reason: `timed out: the extension-host tests did not report a result within ${seconds(timeout)}` }), timeout);
    const outcome = await finished;
    clearTimeout(timer);
    if (!outcome.reason) log(`the suite reported exit code ${outcome.code} ${seconds(Date.now() - started)} after the stage started`);
    if (outcome.reason) {
      console.error(`[e2e] ${outcome.reason}`);
      if (pageErrors.length) console.error(`[e2e] errors on the workbench page:\n  ${pageErrors.slice(-10).join('\n  ')}`);
    }
    if (outcome.code !== 0) {
      console.error(`[e2e] code-server log: ${run.logFile}; VS Code's logs (the extension's output channel among them): ${join(run.userDataDir, 'logs')}`);
    }
    // `report`: the whole result line, for a suite (or a benchmark probe) that reports more than counts.
    return { code: outcome.code, reason: outcome.reason, passed: result?.passed, failed: result?.failed, report: result, ms: Date.now() - started };
  } finally {
    await close();
    await server.stop();
  }
}
