/**
 * The CLI as shipped (dist/cli.js), rebuilt once per test run so the integration tests never
 * exercise a stale bundle (the `npm test` stages run integration before build).
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(__dirname, '../..');
export const CLI = join(ROOT, 'dist/cli.js');
let built = false;

export function buildCli(): string {
  if (built) return CLI;
  const r = spawnSync(process.execPath, [join(ROOT, 'scripts/build.mjs')], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 120_000,
  });
  if (r.status !== 0)
    throw new Error(`node scripts/build.mjs failed (exit ${r.status ?? r.signal ?? '?'}): ${r.stderr}`);
  built = true;
  return CLI;
}
