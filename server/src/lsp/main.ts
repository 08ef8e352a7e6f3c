// Entry point of dist/server.js: over IPC when VS Code starts it, over `--stdio` (or `--node-ipc`,
// `--socket=N`) for any other LSP editor.
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './server';

const connection = createConnection(ProposedFeatures.all);
startServer(connection);
