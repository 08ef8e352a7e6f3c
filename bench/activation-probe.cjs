// Runs inside a real VS Code extension host as the `extensionTestsPath` module of a benchmark
// launch (bench/run.mjs, measureActivation). It never activates the extension: it waits until the
// extension's own activationEvents did, then reports when it happened as one line on the console,
// which the harness (test/e2e/lib/exthost.mjs) passes back:
//   - VS Code's own marks (Date.now() milliseconds; internal to VS Code, so optional) around loading
//     the extension's code (code/extHost/willLoadExtensionCode/<id>, didLoadExtensionCode) and
//     around activate() until its promise resolved (willActivateExtension, didActivateExtension);
//   - the extension's ActivationRecord (client/src/extension.ts), read from its exports.
const vscode = require('vscode');

const EXTENSION_ID = 'communique.communique';
const MARKER = 'COMMUNIQUE-EDITOR-SUITE-RESULT ';

function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

async function until(what, probe, timeout) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const value = probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeout / 1000} s waiting for ${what}`);
    await sleep(25);
  }
}

function vscodeMarks() {
  const marks = globalThis.MonacoPerformanceMarks?.getMarks?.();
  if (!Array.isArray(marks)) return {};
  const at = (name) => marks.find((m) => m.name === name)?.startTime;
  return {
    willLoadCode: at(`code/extHost/willLoadExtensionCode/${EXTENSION_ID}`),
    didLoadCode: at(`code/extHost/didLoadExtensionCode/${EXTENSION_ID}`),
    willActivate: at(`code/extHost/willActivateExtension/${EXTENSION_ID}`),
    didActivate: at(`code/extHost/didActivateExtension/${EXTENSION_ID}`),
  };
}

exports.run = async function run() {
  const report = { passed: 0, failed: 1, vscode: vscode.version };
  try {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    if (!extension) throw new Error(`${EXTENSION_ID} is not installed in this extension host`);
    await until(`${EXTENSION_ID} to activate by its activationEvents`, () => extension.isActive, 60_000);
    const activation = extension.exports?.activation;
    if (!activation) throw new Error(`${EXTENSION_ID}'s exports have no activation record`);
    // The language server's start is reported too (not part of activation unless activate() awaits it).
    await until('the language server to start', () => activation.serverStarted ?? activation.serverFailed, 60_000).catch(() => {});
    Object.assign(report, { passed: 1, failed: 0, activation: { ...activation }, marks: vscodeMarks() });
  } catch (error) {
    report.error = error instanceof Error ? error.message : String(error);
  }
  console.log(`${MARKER}${JSON.stringify(report)}`);
  if (report.failed) throw new Error(report.error);
};
