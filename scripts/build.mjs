// Bundles the extension client, the language server and the command line with esbuild:
// dist/client.js (loaded by VS Code), dist/server.js (also `node dist/server.js --stdio` for any
// LSP editor) and dist/cli.js (`communique check`). Types are checked separately by tsc.
import * as esbuild from 'esbuild';
import { chmodSync, readFileSync, rmSync } from 'node:fs';

const production = process.argv.includes('--production');
const { version } = JSON.parse(readFileSync('package.json', 'utf8'));
const common = {
  define: { __VERSION__: JSON.stringify(version) },
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  legalComments: 'none',
  // jsonc-parser's UMD entry requires its parts at run time, which a bundle cannot follow; its ES module build bundles.
  alias: { 'jsonc-parser': './node_modules/jsonc-parser/lib/esm/main.js' },
};

// A production build leaves no stale source maps beside the minified bundles.
if (production) for (const map of ['dist/client.js.map', 'dist/server.js.map', 'dist/cli.js.map']) rmSync(map, { force: true });

await Promise.all([
  esbuild.build({ ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/client.js', external: ['vscode'] }),
  esbuild.build({ ...common, entryPoints: ['server/src/lsp/main.ts'], outfile: 'dist/server.js' }),
  esbuild.build({
    ...common,
    entryPoints: ['server/src/cli/main.ts'],
    outfile: 'dist/cli.js',
    banner: { js: '#!/usr/bin/env node' },
  }),
]);
chmodSync('dist/cli.js', 0o755);
console.log(`built dist/client.js, dist/server.js, dist/cli.js${production ? ' (minified)' : ''}`);
