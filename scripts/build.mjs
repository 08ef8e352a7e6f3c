// Bundles the extension client, the language server and the command line with esbuild:
// dist/client.js (loaded by VS Code), dist/server.js (also `node dist/server.js --stdio` for any
// LSP editor) and dist/cli.js (`communique check`). Types are checked separately by tsc.
import * as esbuild from 'esbuild';
import { chmodSync } from 'node:fs';

const production = process.argv.includes('--production') || process.env.CI === 'true';
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  legalComments: 'none',
};

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
