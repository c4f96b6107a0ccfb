/**
 * Benchmark: "Scan log folder" on the same bytes in two shapes, to show that its cost does not
 * depend on line length (issue 15, item 5). A hostile or broken log can be one huge line with a
 * failure string every few bytes; a scan that looks back to the line start for every match is
 * quadratic on it (10 MB took 9.5 s, 50 MB 53 s, against 0.27 s with newlines).
 *
 *   npx tsx bench/scan-line-shape.ts [--size-mb 50] [--runs 3] [--dir /tmp/ead-scan-shape]
 *
 * Needs no lab. Writes two files of exactly the same size under `--dir` (outside the repository,
 * removed at the end): `lines.log`, dense failure lines (`454 4.7.0 ...`) each ended by `\n`, and
 * `one-line.log`, the same bytes with every `\n` replaced by a space. Prints the median wall time
 * of `scanFolder` (one thread) on each and the ratio one-line / lines. Linear means a small ratio
 * (the goal is under 3); it never asserts on time.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { scanFolder } from '../src/io/evidence/scan-folder';

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

function corpus(bytes: number, newline: boolean): Buffer {
  // A match every 32 bytes: the densest shape the issue reported.
  const unit = Buffer.from('454 4.7.0 Temporary auth fail.\n', 'latin1');
  const out = Buffer.alloc(bytes);
  for (let i = 0; i < bytes; i += unit.length) unit.copy(out, i, 0, Math.min(unit.length, bytes - i));
  if (!newline) for (let i = 0; i < out.length; i++) if (out[i] === 10) out[i] = 32;
  return out;
}

async function timeScan(dir: string): Promise<{ ms: number; matched: number }> {
  const t0 = process.hrtime.bigint();
  const r = await scanFolder(dir);
  return { ms: Number(process.hrtime.bigint() - t0) / 1e6, matched: r.matchedLines };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    strict: false,
    options: {
      'size-mb': { type: 'string', default: '50' },
      runs: { type: 'string', default: '3' },
      dir: { type: 'string', default: '/tmp/ead-scan-shape' },
    },
  });
  const sizeMb = Math.max(1, Number(values['size-mb']));
  const runs = Math.max(1, Number(values.runs));
  const root = String(values.dir);
  const lines = path.join(root, 'lines');
  const one = path.join(root, 'one-line');
  mkdirSync(lines, { recursive: true });
  mkdirSync(one, { recursive: true });
  try {
    writeFileSync(path.join(lines, 'lines.log'), corpus(sizeMb * 1024 * 1024, true));
    writeFileSync(path.join(one, 'one-line.log'), corpus(sizeMb * 1024 * 1024, false));
    await timeScan(lines); // warm the page cache and the JIT
    const a: number[] = [];
    const b: number[] = [];
    let matched = { lines: 0, one: 0 };
    for (let i = 0; i < runs; i++) {
      const x = await timeScan(lines);
      const y = await timeScan(one);
      a.push(x.ms);
      b.push(y.ms);
      matched = { lines: x.matched, one: y.matched };
    }
    const ma = median(a);
    const mb = median(b);
    console.log(`${sizeMb} MB, match every 32 bytes, medians of ${runs}`);
    console.log(`  with newlines  ${ma.toFixed(0).padStart(7)} ms  (${matched.lines} matching lines)`);
    console.log(`  one line       ${mb.toFixed(0).padStart(7)} ms  (${matched.one} matching line)`);
    console.log(`  ratio one-line / with newlines: ${(mb / ma).toFixed(2)} (linear: under 3)`);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : String(e));
  process.exit(1);
});
