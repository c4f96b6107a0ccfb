/**
 * Entry of the evidence language server, bundled to dist/server.js and started by the extension
 * over stdio (or by hand: `node dist/server.js --stdio`; `--node-ipc` still works). The same file
 * runs the folder scan's worker threads. On stdio it reads with its own reader
 * (./stdio-reader.ts), which keeps a large document's cost near twice its size while it arrives.
 */
import { format } from 'node:util';
import { createConnection, ProposedFeatures, StreamMessageWriter, type Connection } from 'vscode-languageserver/node';
import { isScanWorker, runScanWorker } from '../io/evidence/scan-worker';
import { startServer } from './server';
import { readFromFd, StdioMessageReader } from './stdio-reader';

/** On stdio, stdout carries the protocol: whatever the code logs goes to stderr, which the client shows in its output. */
function consoleToStderr(): void {
  const write = (...args: unknown[]): void => void process.stderr.write(`${format(...args)}\n`);
  console.log = console.info = console.debug = console.warn = console.error = write;
}

function connect(): Connection {
  if (!process.argv.includes('--stdio')) return createConnection(ProposedFeatures.all);
  consoleToStderr();
  // stdin is read from its descriptor, never through process.stdin (which would make it non-blocking).
  const reader = new StdioMessageReader(readFromFd(0));
  // The client closed our stdin without `exit`: nothing more can arrive (vscode-languageserver does the same).
  reader.onClose(() => process.exit(1));
  return createConnection(ProposedFeatures.all, reader, new StreamMessageWriter(process.stdout));
}

if (isScanWorker()) {
  runScanWorker();
} else {
  // Uncaught errors are logged, not fatal: one bad document must not end the session.
  process.on('uncaughtException', (e) => console.error('[evidence server] uncaught', e));
  process.on('unhandledRejection', (e) => console.error('[evidence server] unhandled rejection', e));
  const connection = connect();
  // Workers re-run this file; only the bundle (a .js file) can be loaded by a worker as is.
  startServer(connection, __filename.endsWith('.js') ? { workerScript: __filename } : {});
}
