/** Worker entry for running the parallel scan from TypeScript sources (tests, benchmark, via tsx). */
import { runScanWorker } from './scan-worker';

runScanWorker();
