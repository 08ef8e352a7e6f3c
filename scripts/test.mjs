// Runs every test: type-check and compile (tsc → out/), bundle and package (dist/), then the unit
// and protocol tests with node:test, then the tests inside a real VS Code. `node scripts/test.mjs
// unit` runs only the unit tests.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const only = process.argv[2];

function run(command, args, options = {}) {
  console.log(`\n> ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { stdio: 'inherit', ...options });
  if (result.status !== 0) {
    console.error(`\n✗ ${command} ${args.join(' ')} exited with ${result.status ?? result.signal}`);
    process.exit(result.status || 1);
  }
}

run(process.execPath, ['node_modules/typescript/bin/tsc', '-p', '.']);
const suites = only === 'unit' ? ['out/test/unit'] : ['out/test/unit', 'out/test/protocol'];
if (only !== 'unit') {
  run(process.execPath, ['scripts/package.mjs']); // builds the minified bundles, then the .vsix
}
run(process.execPath, ['--test', '--test-reporter=spec', ...suites.filter((s) => existsSync(s))]);
if (only !== 'unit' && existsSync('test/e2e/run.mjs')) run(process.execPath, ['test/e2e/run.mjs']);
