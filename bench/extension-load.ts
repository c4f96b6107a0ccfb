/**
 * Benchmark: what loading the extension's bundle costs, outside the editor and without its noise
 * (the activation bench in code-server varies by a factor of two with the machine's load). Each
 * run is a fresh Node process that requires dist/extension.js with a stand-in `vscode` module and
 * times the require (parse, compile and evaluation of every module the bundle starts with).
 * Baseline in the same run and the same way: dist/lib/ldapts.js, a library bundle of fixed size.
 * Run `npm run build` first. Prints medians and the ratio; never asserts.
 *
 *   npx tsx bench/extension-load.ts [--runs 9]
 */
import { execFileSync } from 'node:child_process';
import { statSync } from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';

const repoRoot = path.resolve(__dirname, '..');

/** Loads FILE with `vscode` answered by a stand-in whose every member is a callable proxy; prints ms. */
const LOADER = `
const Module = require('module');
const file = process.argv[1];
const member = new Proxy(function () {}, {
  get: (t, p) => (p === Symbol.toPrimitive ? () => 0 : member),
  apply: () => member,
  construct: () => member,
});
const names = [...new Set([...require('fs').readFileSync(file, 'utf8').matchAll(/vscode\\d*\\.(\\w+)/g)].map((m) => m[1]))];
const stub = Object.fromEntries(names.map((n) => [n, member]));
const resolve = Module._resolveFilename;
Module._resolveFilename = function (r, ...a) { return r === 'vscode' ? 'vscode' : resolve.call(this, r, ...a); };
require.cache.vscode = { id: 'vscode', filename: 'vscode', loaded: true, exports: stub };
const t0 = process.hrtime.bigint();
require(file);
process.stdout.write(String(Number(process.hrtime.bigint() - t0) / 1e6));
`;

function loadMs(file: string): number {
  return Number(execFileSync(process.execPath, ['-e', LOADER, file], { encoding: 'utf8' }));
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

function main(): void {
  const { values } = parseArgs({ options: { runs: { type: 'string', default: '9' } } });
  const runs = Math.max(1, Number(values.runs));
  const extension = path.join(repoRoot, 'dist', 'extension.js');
  const baseline = path.join(repoRoot, 'dist', 'lib', 'ldapts.js');
  const ours: number[] = [];
  const base: number[] = [];
  for (let i = 0; i < runs; i++) {
    ours.push(loadMs(extension));
    base.push(loadMs(baseline));
  }
  const kb = (f: string): string => `${(statSync(f).size / 1024).toFixed(0)} KB`;
  console.log(`Loading the bundle in a fresh Node process (median of ${runs})`);
  console.log(
    `  dist/extension.js (${kb(extension)}): ${median(ours).toFixed(1)} ms  (${ours.map((x) => x.toFixed(0)).join(', ')})`,
  );
  console.log(`  baseline dist/lib/ldapts.js (${kb(baseline)}): ${median(base).toFixed(1)} ms`);
  console.log(`  ratio extension / baseline = ${(median(ours) / median(base)).toFixed(2)}`);
}

main();
