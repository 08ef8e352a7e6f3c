// Builds (minified) and packages the extension as dist/communique-<version>.vsix with @vscode/vsce, offline. The
// allow-list .vscodeignore keeps the package to the bundles, the grammar and the manifest.
import { spawnSync } from 'node:child_process';
import { readFileSync, existsSync } from 'node:fs';

const { version, name } = JSON.parse(readFileSync('package.json', 'utf8'));
// What ships is the minified build, without source maps.
const build = spawnSync(process.execPath, ['scripts/build.mjs', '--production'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);
for (const bundle of ['dist/client.js', 'dist/languageClient.js', 'dist/server.js']) {
  if (!existsSync(bundle)) {
    console.error(`${bundle} is missing after the build.`);
    process.exit(1);
  }
}
const out = `dist/${name}-${version}.vsix`;
const result = spawnSync(
  process.execPath,
  ['node_modules/@vscode/vsce/vsce', 'package', '--no-dependencies', '--allow-missing-repository', '--out', out],
  { stdio: ['ignore', 'inherit', 'inherit'] },
);
if (result.status !== 0) process.exit(result.status ?? 1);
