// Entry point of the suite that runs inside a real VS Code extension host (`extensionTestsPath`
// points at out/test/editor/index.js). VS Code calls run(): it resolves when every test passed and
// rejects otherwise. test/e2e/run.mjs reads the result line printed at the end.
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';

export const RESULT_MARKER = 'COMMUNIQUE-EDITOR-SUITE-RESULT ';

export async function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', reporter: 'spec', color: false, timeout: 120_000, slow: 5_000 });
  const grep = process.env['COMMUNIQUE_EDITOR_GREP'];
  if (grep) mocha.grep(grep);
  const files = fs
    .readdirSync(__dirname)
    .filter((name) => name.endsWith('.test.js'))
    .sort();
  for (const name of files) mocha.addFile(path.join(__dirname, name));

  const stats = await new Promise<{ passes: number; failures: number; pending: number }>((resolve, reject) => {
    try {
      const runner = mocha.run(() => {
        const s = runner.stats;
        resolve({ passes: s?.passes ?? 0, failures: s?.failures ?? 0, pending: s?.pending ?? 0 });
      });
    } catch (error) {
      reject(error);
    }
  });
  console.log(`${RESULT_MARKER}${JSON.stringify({ passed: stats.passes, failed: stats.failures, pending: stats.pending })}`);
  if (files.length === 0) throw new Error(`no *.test.js files next to ${__filename}`);
  if (stats.failures > 0) throw new Error(`${stats.failures} editor test(s) failed`);
}
