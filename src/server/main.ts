/**
 * Entry of the evidence language server, bundled to dist/server.js and started by the extension
 * (or by hand: `node dist/server.js --stdio`). The same file runs the folder scan's worker threads.
 */
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { isScanWorker, runScanWorker } from '../io/evidence/scan-worker';
import { startServer } from './server';

if (isScanWorker()) {
  runScanWorker();
} else {
  // Uncaught errors are logged, not fatal: one bad document must not end the session.
  process.on('uncaughtException', (e) => console.error('[evidence server] uncaught', e));
  process.on('unhandledRejection', (e) => console.error('[evidence server] unhandled rejection', e));
  const connection = createConnection(ProposedFeatures.all);
  // Workers re-run this file; only the bundle (a .js file) can be loaded by a worker as is.
  startServer(connection, __filename.endsWith('.js') ? { workerScript: __filename } : {});
}
