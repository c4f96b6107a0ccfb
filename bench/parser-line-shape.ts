/**
 * Benchmark: the w32tm and Get-WinEvent parsers on hostile line shapes against a plain line of the
 * same length (issue 15, item 11). A pattern that retries from every position of a long run of
 * spaces, brackets or repeated words is quadratic; a linear parser keeps the ratio hostile / plain
 * near 1 and the same at every size.
 *
 *   npx tsx bench/parser-line-shape.ts [--size 200000] [--runs 3]
 *
 * Needs no lab. Prints, for each shape, the median time of the hostile and of the plain input at
 * `--size` and at a quarter of it, and the ratios. Never asserts on time.
 */
import { parseArgs } from 'node:util';
import { parseW32tmMonitor } from '../src/core/steps/1-clocks/w32tm-monitor';
import { parseW32tmStripchart } from '../src/core/steps/1-clocks/w32tm-stripchart';
import { parseWinEvents } from '../src/core/steps/5-kerberos-logging/winevent';

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
const event = (provider: string, id: number, message: string): string =>
  JSON.stringify([{ Id: id, ProviderName: provider, Message: message }]);
const rep = (unit: string, n: number): string => unit.repeat(Math.ceil(n / unit.length)).slice(0, n);

type Parse = (text: string) => unknown;
const SHAPES: [string, Parse, (n: number) => string, (n: number) => string][] = [
  ['stripchart: spaces between words', parseW32tmStripchart, (n) => `a${' '.repeat(n)}b`, (n) => rep('x', n)],
  ['stripchart: time, comma, spaces', parseW32tmStripchart, (n) => `13:47:48,${' '.repeat(n)}x`, (n) => rep('x', n)],
  ['stripchart: opening brackets', parseW32tmStripchart, (n) => `x ${'['.repeat(n)}`, (n) => rep('x', n)],
  ['stripchart: d:/o: repeated', parseW32tmStripchart, (n) => `13:47:48 ${rep('d:1s o:1s [', n)}`, (n) => rep('x', n)],
  ['monitor: spaces between words', parseW32tmMonitor, (n) => `a${' '.repeat(n)}b`, (n) => rep('x', n)],
  [
    'winevent 3: blank lines',
    parseWinEvents,
    (n) => event('Kerberos', 3, '\n'.repeat(n)),
    (n) => event('Kerberos', 3, rep('x', n)),
  ],
  [
    'winevent 3: padded field',
    parseWinEvents,
    (n) => event('Kerberos', 3, `Server Name: a${' '.repeat(n)}b`),
    (n) => event('Kerberos', 3, rep('x', n)),
  ],
  [
    'winevent 4: repeated words',
    parseWinEvents,
    (n) => event('Kerberos', 4, rep('from the server x', n)),
    (n) => event('Kerberos', 4, rep('x', n)),
  ],
];

function time(parse: Parse, text: string, runs: number): number {
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = process.hrtime.bigint();
    parse(text);
    ms.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  return median(ms);
}

function main(): void {
  const { values } = parseArgs({
    strict: false,
    options: { size: { type: 'string', default: '200000' }, runs: { type: 'string', default: '3' } },
  });
  const size = Math.max(1000, Number(values.size));
  const runs = Math.max(1, Number(values.runs));
  const quarter = Math.floor(size / 4);
  console.log(`characters: ${quarter} and ${size}; medians of ${runs}`);
  console.log('shape'.padEnd(34), 'hostile/plain at n/4', 'hostile/plain at n', 'hostile n / hostile n/4');
  for (const [name, parse, hostile, plain] of SHAPES) {
    const h4 = time(parse, hostile(quarter), runs);
    const p4 = time(parse, plain(quarter), runs);
    const h = time(parse, hostile(size), runs);
    const p = time(parse, plain(size), runs);
    const f = (x: number): string => x.toFixed(1).padStart(10);
    console.log(name.padEnd(34), f(h4 / p4).padEnd(20), f(h / p).padEnd(18), f(h / h4), `(${h.toFixed(1)} ms)`);
  }
  console.log('Linear: the last column near 4 (four times the input); quadratic: near 16.');
}

main();
