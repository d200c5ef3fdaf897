// Entry point of the language server: `node dist/server.js --stdio` (any LSP client) or
// started by the VS Code client over IPC. The transport is chosen from the arguments.
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './lsp/server';

const connection = createConnection(ProposedFeatures.all);

// A bug must cost one request, never the server: log and keep serving.
process.on('uncaughtException', (error) => connection.console.error(`[copydesk] uncaught: ${error.stack ?? error}`));
process.on('unhandledRejection', (reason) => connection.console.error(`[copydesk] unhandled rejection: ${String(reason)}`));

startServer(connection);
