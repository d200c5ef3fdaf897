// Entry point of the language server: `node dist/server.js --stdio` (any LSP client) or
// started by the VS Code client over IPC. The transport is chosen from the arguments.
import { format } from 'node:util';
import { createConnection, ProposedFeatures, StreamMessageWriter } from 'vscode-languageserver/node';
import { startServer } from './lsp/server';
import { OneWritePerMessage } from './lsp/oneWritePerMessage';
import { messageEncoder } from './lsp/messageEncoder';

// Over stdio each message leaves in one write (see OneWritePerMessage), encoded by messageEncoder (long
// lists of locations written without JSON.stringify); IPC and sockets as the library makes them.
const stdio = process.argv.includes('--stdio');
// The library takes a message writer where it takes an output stream (it tells them apart at run time);
// standard input stays a stream, so it still ends the process when the client goes away.
const stdoutWriter = () => new StreamMessageWriter(new OneWritePerMessage(process.stdout), { charset: 'utf-8', contentTypeEncoder: messageEncoder }) as unknown as NodeJS.WritableStream;
const connection = stdio
  ? createConnection(ProposedFeatures.all, process.stdin, stdoutWriter())
  : createConnection(ProposedFeatures.all);
// Standard output carries the protocol: anything printed with console goes to the client's log instead
// (what the library does itself when it picks stdio from the arguments).
if (stdio) {
  console.log = console.info = console.debug = (...args: unknown[]) => connection.console.log(format(...args));
  console.warn = (...args: unknown[]) => connection.console.warn(format(...args));
  console.error = (...args: unknown[]) => connection.console.error(format(...args));
}

// A bug must cost one request, never the server: log and keep serving.
process.on('uncaughtException', (error) => connection.console.error(`[copydesk] uncaught: ${error.stack ?? error}`));
process.on('unhandledRejection', (reason) => connection.console.error(`[copydesk] unhandled rejection: ${String(reason)}`));

startServer(connection);
