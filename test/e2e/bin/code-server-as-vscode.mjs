#!/usr/bin/env node
// Stands in for the VS Code executable that @vscode/test-electron's runTests() launches: it takes
// the same arguments (--extensionDevelopmentPath=, --extensionTestsPath=, a folder to open; other
// desktop flags are accepted and ignored), runs the suite in code-server's real extension host
// driven by Chromium, and exits with the suite's code. So the standard runner works unchanged
// here, where VS Code itself cannot be downloaded. COMMUNIQUE_E2E_RESULT names a file to which the
// suite's counts are written as JSON.
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { cleanupAll } from '../lib/util.mjs';

const options = { extensionPaths: [], testsPath: undefined, workspace: undefined };
for (const arg of process.argv.slice(2)) {
  const [key, value] = arg.split(/=(.*)/s);
  if (key === '--extensionDevelopmentPath') options.extensionPaths.push(resolve(value));
  else if (key === '--extensionTestsPath') options.testsPath = resolve(value);
  else if (!arg.startsWith('-')) options.workspace = resolve(arg);
  // --no-sandbox, --disable-updates, --user-data-dir=… and the other desktop flags mean nothing here.
}

let code = 1;
try {
  if (options.extensionPaths.length !== 1 || !options.testsPath || !options.workspace) {
    throw new Error('expected one --extensionDevelopmentPath=, one --extensionTestsPath= and a folder to open');
  }
  const { runExtensionTests } = await import('../lib/exthost.mjs');
  const timeout = Number(process.env.COMMUNIQUE_E2E_TIMEOUT_S || 300) * 1000;
  const result = await runExtensionTests({ extensionPath: options.extensionPaths[0], testsPath: options.testsPath, workspace: options.workspace, timeout });
  if (process.env.COMMUNIQUE_E2E_RESULT) writeFileSync(process.env.COMMUNIQUE_E2E_RESULT, JSON.stringify(result));
  code = result.code;
} catch (error) {
  console.error(`[e2e] ${error?.stack ?? error}`);
} finally {
  await cleanupAll();
}
process.exit(code);
