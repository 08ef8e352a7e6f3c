// Entry point of dist/server.js: over IPC when VS Code starts it, over `--stdio` (or `--node-ipc`,
// `--socket=N`) for any other LSP editor.
import { format } from 'node:util';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './server';
import { transportFrom } from './transport';

const transport = transportFrom(process.argv.slice(2));
if (transport && process.argv.includes('--stdio')) {
  // Standard output carries the protocol: anything a library prints goes to standard error.
  for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) {
    console[method] = (...args: unknown[]) => void process.stderr.write(`${format(...args)}\n`);
  }
}
const connection = transport ? createConnection(ProposedFeatures.all, transport[0], transport[1]) : createConnection(ProposedFeatures.all);
if (transport && process.argv.includes('--stdio')) {
  // As the library does for its own stdio transport: the editor closing the pipe ends the server.
  let shutDown = false;
  connection.onShutdown(() => {
    shutDown = true;
  });
  for (const event of ['end', 'close'] as const) process.stdin.on(event, () => process.exit(shutDown ? 0 : 1));
}
startServer(connection);
