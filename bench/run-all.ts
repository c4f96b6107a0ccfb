/**
 * Runs every benchmark in bench/ (each `*.ts` file but this one), one after another, and says
 * which failed. Arguments after `--` go to every benchmark. Benchmarks print ratios against a
 * baseline measured in the same run; nothing here asserts on time.
 *
 *   npm run bench            # = npx tsx bench/run-all.ts
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import * as path from 'node:path';

const here = __dirname;
const self = path.basename(__filename);
const files = readdirSync(here)
  .filter((f) => f.endsWith('.ts') && f !== self)
  .sort();
const extra = process.argv.slice(2);
const failed: string[] = [];
for (const file of files) {
  console.log(`\n=== ${file} ===`);
  const r = spawnSync(process.execPath, ['--import', 'tsx', path.join(here, file), ...extra], { stdio: 'inherit' });
  if (r.status !== 0) failed.push(`${file} (exit ${r.status ?? r.signal ?? '?'})`);
}
console.log(
  `\n${files.length - failed.length} of ${files.length} benchmark(s) ran${failed.length ? `; failed: ${failed.join(', ')}` : ''}`,
);
process.exit(failed.length ? 1 : 0);
