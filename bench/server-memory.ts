/**
 * Benchmark: what an open evidence document of N MB costs the language server (issue 14, item
 * "memory"), for N = 10, 60 and 200 by default. Goal: about 2 x N.
 *
 *   npx tsx bench/server-memory.ts [--sizes 10,60,200] [--server dist/server.js]
 *
 * Needs no lab. For each size it starts a fresh server process (the built dist/server.js, so the
 * figure is the shipped code's), sends `initialize` and `didOpen` with an SMTP receive protocol
 * log of N MB (the generator of the unit tests, a failing session every 50), waits for the
 * diagnostics, lets it settle, and reads the process's resident memory from /proc: the growth
 * over its idle size (after initialize) and its peak. Baseline, in the same run and the same way: a
 * bare process that only reads the same LSP message and keeps the document's text (the least a
 * server holding the document can cost). Prints MB and ratios to N; never asserts.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { protocolLogChunks } from '../test/fixtures/evidence/generate';

const repoRoot = path.resolve(__dirname, '..');

/**
 * The baseline: a process that reads the same messages with vscode-jsonrpc's own stream reader
 * (what the server used before it had ./src/server/stdio-reader.ts) and only keeps the text.
 */
const BASELINE = `
const { StreamMessageReader } = require('vscode-languageserver/node');
const keep = new Map();
new StreamMessageReader(process.stdin).listen((m) => {
  if (m.method === 'textDocument/didOpen') keep.set(m.params.textDocument.uri, m.params.textDocument.text);
  if (m.method === 'textDocument/didClose') keep.delete(m.params.textDocument.uri);
  if (m.method === 'textDocument/didOpen') process.stdout.write('ok ' + m.params.textDocument.text.length + '\\n');
});
setInterval(() => {}, 1000);
`;

/**
 * Loaded with `--require` into both processes: on SIGUSR2 it collects garbage and writes what is
 * still held (V8 heap in use + external memory, which holds Buffers) to the file named by EAD_MEM_OUT.
 */
const PRELOAD = `
process.on('SIGUSR2', () => {
  global.gc(); global.gc();
  const m = process.memoryUsage();
  require('fs').writeFileSync(process.env.EAD_MEM_OUT, JSON.stringify({ held: m.heapUsed + m.external, rss: m.rss }));
});
`;

let work = '';
let warmUp = '';

async function heldBytes(child: ChildProcess, out: string): Promise<number> {
  rmSync(out, { force: true });
  child.kill('SIGUSR2');
  for (let i = 0; i < 200; i++) {
    await sleep(50);
    try {
      return (JSON.parse(readFileSync(out, 'utf8')) as { held: number }).held;
    } catch {
      // not written yet
    }
  }
  throw new Error('no memory report');
}

function frame(message: unknown): Buffer {
  const body = Buffer.from(JSON.stringify(message), 'utf8');
  return Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`, 'ascii'), body]);
}

function memoryOf(pid: number): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (name: string): number => Number(new RegExp(`${name}:\\s+(\\d+) kB`).exec(status)?.[1] ?? NaN) * 1024;
  return { rss: kb('VmRSS'), peak: kb('VmHWM') };
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

function documentOf(mb: number): string {
  const parts: string[] = [];
  let size = 0;
  for (const chunk of protocolLogChunks('receive', {
    sessions: 1_000_000_000,
    outcome: (i) => (i % 50 === 7 ? 'kerberos-454' : 'ok'),
  })) {
    parts.push(chunk);
    size += chunk.length;
    if (size >= mb * 1024 * 1024) break;
  }
  const text = parts.join('');
  return text.slice(0, text.lastIndexOf('\n', mb * 1024 * 1024) + 1);
}

/** Resolves once `pattern` appears on the child's stdout (LSP frames or the baseline's "ok"). */
function waitFor(child: ChildProcess, pattern: RegExp, timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    let seen = '';
    const timer = setTimeout(() => reject(new Error(`timeout waiting for ${pattern}: ${seen.slice(-300)}`)), timeoutMs);
    const on = (d: Buffer): void => {
      const window = seen + d.toString('latin1');
      seen = window.slice(-4096);
      if (pattern.test(window)) {
        clearTimeout(timer);
        child.stdout!.off('data', on);
        resolve();
      }
    };
    child.stdout!.on('data', on);
  });
}

async function measure(
  args: string[],
  text: string,
  lsp: boolean,
): Promise<{ held: number; growth: number; peak: number; ms: number }> {
  const out = path.join(work, 'mem.json');
  const child = spawn(process.execPath, ['--expose-gc', '--require', path.join(work, 'preload.js'), ...args], {
    cwd: repoRoot,
    stdio: ['pipe', 'pipe', 'inherit'],
    env: { ...process.env, EAD_MEM_OUT: out },
  });
  try {
    if (lsp) {
      child.stdin.write(
        frame({
          jsonrpc: '2.0',
          id: 1,
          method: 'initialize',
          params: { processId: null, rootUri: null, capabilities: {} },
        }),
      );
      await waitFor(child, /"id":1/, 30_000);
      child.stdin.write(frame({ jsonrpc: '2.0', method: 'initialized', params: {} }));
    }
    // Warm up with a small document of the same kind, so that the idle figure already includes the
    // code a first analysis loads and compiles: what is left is the document's own cost.
    const open = (uri: string, body: string): boolean =>
      child.stdin.write(
        frame({
          jsonrpc: '2.0',
          method: 'textDocument/didOpen',
          params: { textDocument: { uri, languageId: 'exchange-smtp-log', version: 1, text: body } },
        }),
      );
    open('file:///bench/RECV2026120408-1.LOG', warmUp);
    await waitFor(child, lsp ? /publishDiagnostics/ : /ok \d+/, 60_000);
    child.stdin.write(
      frame({
        jsonrpc: '2.0',
        method: 'textDocument/didClose',
        params: { textDocument: { uri: 'file:///bench/RECV2026120408-1.LOG' } },
      }),
    );
    await sleep(1500);
    const idleHeld = await heldBytes(child, out);
    const idle = memoryOf(child.pid!);
    const uri = 'file:///bench/RECV2026120409-1.LOG';
    const t0 = process.hrtime.bigint();
    open(uri, text);
    await waitFor(child, lsp ? /publishDiagnostics/ : /ok \d+/, 600_000);
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    await sleep(2000);
    const held = (await heldBytes(child, out)) - idleHeld;
    const after = memoryOf(child.pid!);
    return { held, growth: after.rss - idle.rss, peak: after.peak - idle.rss, ms };
  } finally {
    child.kill();
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    strict: false,
    options: {
      sizes: { type: 'string', default: '10,60,200' },
      server: { type: 'string', default: 'dist/server.js' },
      // Extra Node/V8 flags for the server process only, e.g. --node-flags=--optimize-for-size
      'node-flags': { type: 'string', default: '' },
    },
  });
  const sizes = String(values.sizes)
    .split(',')
    .map(Number)
    .filter((n) => n > 0);
  const server = path.resolve(repoRoot, String(values.server));
  const MB = 1024 * 1024;
  work = mkdtempSync(path.join(tmpdir(), 'ead-mem-'));
  warmUp = documentOf(1);
  writeFileSync(path.join(work, 'preload.js'), PRELOAD);
  try {
    console.log(
      '| N | server holds (after GC) | ratio | server RSS growth | ratio | server peak RSS growth | ratio | baseline holds | ratio | baseline peak RSS growth | ratio | server / baseline (held) | server / baseline (peak) | open to diagnostics |',
    );
    console.log('|---|---|---|---|---|---|---|---|---|---|---|---|---|---|');
    for (const n of sizes) {
      const text = documentOf(n);
      const flags = String(values['node-flags']).split(/\s+/).filter(Boolean);
      const s = await measure([...flags, server, '--stdio'], text, true);
      const b = await measure(['-e', BASELINE], text, false);
      const mb = (x: number): string => `${(x / MB).toFixed(0)} MB`;
      const r = (x: number): string => (x / (n * MB)).toFixed(2);
      console.log(
        `| ${n} MB | ${mb(s.held)} | ${r(s.held)} | ${mb(s.growth)} | ${r(s.growth)} | ${mb(s.peak)} | ${r(s.peak)} | ${mb(b.held)} | ${r(b.held)} | ${mb(b.peak)} | ${r(b.peak)} | ${(s.held / b.held).toFixed(2)} | ${(s.peak / b.peak).toFixed(2)} | ${(s.ms / 1000).toFixed(1)} s |`,
      );
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
