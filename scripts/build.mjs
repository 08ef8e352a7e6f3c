// Bundles the extension client, the language server and the command line with esbuild:
// dist/client.js (loaded by VS Code: activation only), dist/languageClient.js (vscode-languageclient,
// which client.js requires after activation to start the server), dist/server.js (also `node
// dist/server.js --stdio` for any LSP editor) and dist/cli.js (`communique check`). Types are
// checked separately by tsc.
// `--outdir=DIR` writes the bundles into DIR instead of dist/ (the benchmark stages a production build).
import * as esbuild from 'esbuild';
import { chmodSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const production = process.argv.includes('--production');
const outdir = process.argv.find((a) => a.startsWith('--outdir='))?.slice('--outdir='.length) || 'dist';
const out = (name) => join(outdir, name);
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
if (production) for (const map of ['client.js.map', 'languageClient.js.map', 'server.js.map', 'cli.js.map']) rmSync(out(map), { force: true });

// extension.ts requires './languageClient' at run time, which beside dist/client.js is dist/languageClient.js.
const languageClientApart = {
  name: 'language-client-apart',
  setup(build) {
    build.onResolve({ filter: /^\.\/languageClient$/ }, () => ({ path: './languageClient', external: true }));
  },
};

await Promise.all([
  esbuild.build({ ...common, entryPoints: ['client/src/extension.ts'], outfile: out('client.js'), external: ['vscode'], plugins: [languageClientApart] }),
  esbuild.build({ ...common, entryPoints: ['client/src/languageClient.ts'], outfile: out('languageClient.js'), external: ['vscode'] }),
  esbuild.build({ ...common, entryPoints: ['server/src/lsp/main.ts'], outfile: out('server.js') }),
  esbuild.build({
    ...common,
    entryPoints: ['server/src/cli/main.ts'],
    outfile: out('cli.js'),
    banner: { js: '#!/usr/bin/env node' },
  }),
]);
chmodSync(out('cli.js'), 0o755);
console.log(`built ${['client.js', 'languageClient.js', 'server.js', 'cli.js'].map(out).join(', ')}${production ? ' (minified)' : ''}`);
