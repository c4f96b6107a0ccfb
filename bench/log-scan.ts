/**
 * "Scan log folder" against `grep -c` on a generated corpus of Exchange logs (default 1.1 GB).
 *
 *   npx tsx bench/log-scan.ts [--size-mb 1100] [--dir /tmp/ead-log-corpus] [--runs 3]
 *
 * Generates (once, reused afterwards) ~10 MB RECV/SEND protocol logs and message tracking logs with
 * about 1 % failing sessions under --dir (never in the repository). Warms the page cache, then
 * times, on the same files and for the same fixed strings (SCAN_NEEDLES):
 *   grep -c -F -e <each needle> <files>     (one process, counts matching lines per file)
 *   the scan (src/io/evidence/scan-folder.ts)    (in a child process, so its peak RSS is its own)
 * and prints the medians, the ratio scan/grep, that both counted the same lines, and the scan's
 * peak RSS on a quarter of the corpus and on all of it (memory must not grow with the corpus).
 * Needs no lab.
 */
import { spawn, spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { once } from 'node:events';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import * as path from 'node:path';
import { buildSync } from 'esbuild';
import { SCAN_NEEDLES } from '../src/core/evidence/failure-patterns';
import { scanFolder } from '../src/io/evidence/scan-folder';
import {
  EX01,
  EX02,
  EX03,
  protocolLogChunks,
  trackingLog,
  type Host,
  type SessionOutcome,
} from '../test/fixtures/evidence/generate';

const args = process.argv.slice(2);
const opt = (name: string, def: string): string => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? args[i + 1]! : def;
};

const FILE_BYTES = 10 * 1024 * 1024;
const OUTCOMES: SessionOutcome[] = ['kerberos-454', 'tls-failed', 'blob', 'no-exchange-auth', 'exps-535'];

async function writeLog(
  file: string,
  kind: 'receive' | 'send',
  seed: number,
  server: Host,
  peers: Host[],
  startHour: number,
): Promise<number> {
  const out = createWriteStream(file);
  let bytes = 0;
  const start = new Date(Date.UTC(2026, 10, 20, startHour % 24));
  // Sessions until ~10 MB; one in a hundred fails, one of the five ways.
  const gen = protocolLogChunks(kind, {
    seed,
    server,
    peers,
    start,
    sessions: 1e9,
    outcome: (i) => (i % 100 === 37 ? OUTCOMES[((i / 100) % OUTCOMES.length) | 0]! : 'ok'),
  });
  for (const piece of gen) {
    bytes += piece.length;
    if (!out.write(piece)) await once(out, 'drain');
    if (bytes >= FILE_BYTES) break;
  }
  out.end();
  await once(out, 'finish');
  return bytes;
}

async function ensureCorpus(dir: string, sizeMb: number): Promise<string[]> {
  mkdirSync(path.join(dir, 'quarter'), { recursive: true });
  const target = sizeMb * 1024 * 1024;
  let total = 0;
  const files: string[] = [];
  const walk = (d: string): void => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else {
        files.push(p);
        total += statSync(p).size;
      }
    }
  };
  walk(dir);
  let n = files.length;
  const t0 = Date.now();
  while (total < target) {
    // The first quarter of the corpus goes in quarter/ so it can be scanned alone.
    const sub = total < target / 4 ? 'quarter' : '.';
    const hour = Math.floor(n / 3);
    let file: string;
    if (n % 10 === 9) {
      file = path.join(dir, sub, `MSGTRK2026112${n}-1.LOG`);
      const out = createWriteStream(file);
      for (let k = 0; k < 40 && !out.destroyed; k++)
        out.write(trackingLog({ seed: n * 100 + k, messages: 1000, failEvery: 50 }));
      out.end();
      await once(out, 'finish');
    } else {
      const receive = n % 2 === 0;
      file = path.join(dir, sub, `${receive ? 'RECV' : 'SEND'}2026112${String(hour).padStart(3, '0')}-${n}.LOG`);
      await writeLog(
        file,
        receive ? 'receive' : 'send',
        n + 1,
        receive ? EX02 : EX01,
        receive ? [EX01, EX03] : [EX02, EX03],
        hour,
      );
    }
    total += statSync(file).size;
    files.push(file);
    n++;
    if (n % 20 === 0)
      process.stderr.write(
        `  generated ${(total / 1048576).toFixed(0)} MB (${((Date.now() - t0) / 1000).toFixed(0)} s)\n`,
      );
  }
  return files.sort();
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

const TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;

/** Wall time, and CPU time (user + system) from /usr/bin/time when it exists. */
function grepOnce(files: string[]): { ms: number; cpuMs?: number; lines: number } {
  const grepArgs = ['-c', '-F', ...SCAN_NEEDLES.flatMap((n) => ['-e', n]), ...files];
  const t = process.hrtime.bigint();
  const r = TIME
    ? spawnSync(TIME, ['-f', 'EAD_CPU %U %S', 'grep', ...grepArgs], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })
    : spawnSync('grep', grepArgs, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const ms = Number(process.hrtime.bigint() - t) / 1e6;
  if (r.status !== 0 && r.status !== 1) throw new Error(`grep failed: ${r.stderr}`);
  const cpu = /EAD_CPU ([\d.]+) ([\d.]+)/.exec(r.stderr);
  const lines = r.stdout
    .split('\n')
    .filter(Boolean)
    .reduce((sum, l) => sum + Number(l.slice(l.lastIndexOf(':') + 1)), 0);
  return { ms, ...(cpu ? { cpuMs: (Number(cpu[1]) + Number(cpu[2])) * 1000 } : {}), lines };
}

interface ChildResult {
  ms: number;
  /** User + system CPU time of the whole process (all threads). */
  cpuMs: number;
  lines: number;
  files: number;
  bytes: number;
  maxRssMb: number;
  groups: number;
}

/** The worker entry bundled like dist/server.js is, so workers start without a TypeScript loader. */
const WORKER_BUNDLE = path.join(tmpdir(), 'ead-scan-worker.js');

function bundleWorker(): void {
  buildSync({
    entryPoints: [path.resolve(__dirname, '..', 'src', 'io', 'evidence', 'scan-worker-entry.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node22',
    outfile: WORKER_BUNDLE,
    logLevel: 'warning',
  });
}

/** Runs the scan in a fresh process (tsx) so that its peak RSS is the scan's own. */
async function scanInChild(dir: string, workers: number): Promise<ChildResult> {
  const child = spawn(process.execPath, [...process.execArgv, __filename, '--child', dir, String(workers)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  const [code] = (await once(child, 'exit')) as [number];
  if (code !== 0) throw new Error(`scan child exited ${code}`);
  return JSON.parse(out.trim().split('\n').pop()!) as ChildResult;
}

async function child(dir: string): Promise<void> {
  const workers = Number(args[2] ?? '1');
  const t = process.hrtime.bigint();
  const cpu0 = process.cpuUsage();
  const r = await scanFolder(dir, workers > 1 ? { workers: { script: WORKER_BUNDLE, count: workers } } : {});
  const ms = Number(process.hrtime.bigint() - t) / 1e6;
  const cpu = process.cpuUsage(cpu0);
  const res: ChildResult = {
    ms,
    cpuMs: (cpu.user + cpu.system) / 1000,
    lines: r.matchedLines,
    files: r.files,
    bytes: r.bytes,
    maxRssMb: process.resourceUsage().maxRSS / 1024,
    groups: r.groups.length,
  };
  process.stdout.write(JSON.stringify(res) + '\n');
}

async function main(): Promise<void> {
  if (args[0] === '--child') return child(args[1]!);
  const dir = path.resolve(opt('dir', '/tmp/ead-log-corpus'));
  if (dir.startsWith(path.resolve(__dirname, '..') + path.sep))
    throw new Error('generate the corpus outside the repository');
  const sizeMb = Number(opt('size-mb', '1100'));
  const runs = Number(opt('runs', '3'));
  console.log(`corpus: ${dir} (target ${sizeMb} MB)`);
  const files = await ensureCorpus(dir, sizeMb);
  const bytes = files.reduce((s, f) => s + statSync(f).size, 0);
  console.log(`files: ${files.length}, ${(bytes / 1048576).toFixed(0)} MB`);
  // Warm the page cache for both contenders.
  spawnSync('cat', files, { stdio: ['ignore', 'ignore', 'ignore'] });

  bundleWorker();
  const parallel = Math.max(2, Math.min(4, availableParallelism()));
  const grepCpu: number[] = [];
  const scanCpu: number[] = [];
  const grepMs: number[] = [];
  const scanMs: number[] = [];
  const parMs: number[] = [];
  let grepLines = 0;
  let scan: ChildResult | undefined;
  let par: ChildResult | undefined;
  for (let i = 0; i < runs; i++) {
    const g = grepOnce(files);
    grepMs.push(g.ms);
    if (g.cpuMs !== undefined) grepCpu.push(g.cpuMs);
    grepLines = g.lines;
    scan = await scanInChild(dir, 1);
    scanMs.push(scan.ms);
    scanCpu.push(scan.cpuMs);
    par = await scanInChild(dir, parallel);
    parMs.push(par.ms);
  }
  const quarter = existsSync(path.join(dir, 'quarter')) ? await scanInChild(path.join(dir, 'quarter'), 1) : undefined;
  const g = median(grepMs);
  const s = median(scanMs);
  const p = median(parMs);
  const rate = (ms: number): string => `${((bytes / 1048576 / ms) * 1000).toFixed(0)} MB/s`;
  console.log(
    `grep -c -F (${SCAN_NEEDLES.length} strings):   ${g.toFixed(0)} ms median of ${runs}, ${grepLines} matching lines, ${rate(g)}`,
  );
  console.log(
    `scan, 1 thread:               ${s.toFixed(0)} ms median of ${runs}, ${scan!.lines} matching lines in ${scan!.groups} groups, ${rate(s)}`,
  );
  console.log(
    `scan, ${parallel} worker threads:       ${p.toFixed(0)} ms median of ${runs}, ${par!.lines} matching lines, ${rate(p)}`,
  );
  console.log(
    `ratio scan/grep: ${(s / g).toFixed(2)}x on 1 thread, ${(p / g).toFixed(2)}x on ${parallel} workers   (aim: < 2x; grep uses 1 thread)`,
  );
  console.log(
    `same lines counted as grep: ${scan!.lines === grepLines && par!.lines === grepLines ? 'yes' : `NO (${scan!.lines}, ${par!.lines} vs ${grepLines})`}`,
  );
  if (grepCpu.length) {
    const gc = median(grepCpu);
    const sc = median(scanCpu);
    console.log(
      `CPU time (user+sys, medians): grep ${gc.toFixed(0)} ms, scan on 1 thread ${sc.toFixed(0)} ms, ratio ${(sc / gc).toFixed(2)}x (less sensitive to other load than wall time)`,
    );
  }
  console.log(
    `load average at the end: ${loadavg()
      .map((x) => x.toFixed(1))
      .join(' ')} on ${availableParallelism()} CPUs`,
  );
  if (quarter)
    console.log(
      `peak RSS of the scan process (1 thread): ${quarter.maxRssMb.toFixed(0)} MB on ${(quarter.bytes / 1048576).toFixed(0)} MB, ${scan!.maxRssMb.toFixed(0)} MB on ${(scan!.bytes / 1048576).toFixed(0)} MB; ${par!.maxRssMb.toFixed(0)} MB with ${parallel} workers`,
    );
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
