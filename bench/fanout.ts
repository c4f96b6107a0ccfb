/**
 * Benchmark: diagnosing N Exchange servers of the lab (the whole organisation) against diagnosing
 * one of them, in the same run, with every check of the engine. Prints both wall times (medians),
 * the ratio time(N) / time(1) and N: a ratio well below N shows the bounded fan-out at work, a
 * ratio near N would mean the servers are diagnosed one after another.
 *
 *   npx tsx bench/fanout.ts [--servers 50] [--runs 3] [--concurrency 8] [--no-start]
 *
 * Without --no-start it runs `npm run lab -- start --servers N` first (the lab gives every server
 * its own SMTP listener on a loopback address) and reads the connection from `npm run lab -- env`.
 * With --no-start it uses the lab as it is, from the EAD_* environment.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { DirectoryTarget } from '../src/core/io';
import { createNodeIo } from '../src/io/node-io';
import { DEFAULT_ENGINE_SETTINGS, type Scope } from '../src/core/engine/check';
import { runDiagnosis } from '../src/core/engine/orchestrator';
import { discoverWithFailover } from '../src/core/directory/failover';

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

function npmLab(args: string[]): string {
  const r = spawnSync('npm', ['run', '--silent', 'lab', '--', ...args], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  if (r.status !== 0) throw new Error(`npm run lab -- ${args.join(' ')} failed (exit ${r.status ?? 'signal'})`);
  return r.stdout;
}

/** `export NAME='value'` lines as printed by `npm run lab -- env`. */
function parseExports(text: string): Record<string, string> {
  const env: Record<string, string> = {};
  for (const m of text.matchAll(/^export\s+([A-Z_][A-Z0-9_]*)=(?:'((?:[^']|'\\'')*)'|"([^"]*)"|(\S*))\s*$/gm)) {
    env[m[1] ?? ''] = (m[2] ?? m[3] ?? m[4] ?? '').replace(/'\\''/g, "'");
  }
  return env;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      servers: { type: 'string', default: '50' },
      runs: { type: 'string', default: '3' },
      concurrency: { type: 'string', default: String(DEFAULT_ENGINE_SETTINGS.concurrency) },
      'no-start': { type: 'boolean' },
    },
  });
  const wanted = Math.min(50, Math.max(2, Number(values.servers)));
  const runs = Math.max(1, Number(values.runs));
  const concurrency = Math.max(1, Number(values.concurrency));
  let env: Record<string, string | undefined> = process.env;
  if (!values['no-start']) {
    npmLab(['start', '--servers', String(wanted)]);
    env = parseExports(npmLab(['env']));
  }
  const need = (k: string): string => {
    const v = env[k];
    if (!v) throw new Error(`${k} is not set: start the lab (npm run lab -- start --servers N) or drop --no-start`);
    return v;
  };
  const io = createNodeIo();
  const targets: DirectoryTarget[] = [
    {
      host: need('EAD_DC_HOST'),
      port: Number(env.EAD_DC_PORT ?? 636),
      security: env.EAD_DC_SECURITY === 'starttls' ? 'starttls' : 'ldaps',
      caPem: readFileSync(need('EAD_CA_FILE'), 'utf8'),
    },
  ];
  const credentials = { user: need('EAD_BIND_USER'), password: need('EAD_BIND_PASSWORD') };
  const discovery = await discoverWithFailover(io.directory, targets, credentials, {
    clock: io.clock,
    timeoutMs: 10_000,
  });
  const n = discovery.servers.length;
  const first = discovery.servers[0];
  if (!first || n < 2) throw new Error(`the lab has ${n} Exchange server(s); the benchmark needs at least 2`);

  const settings = { ...DEFAULT_ENGINE_SETTINGS, realm: need('EAD_REALM'), probeTimeoutMs: 5000, concurrency };
  const once = async (scope: Scope): Promise<{ ms: number; findings: number; errors: number }> => {
    const started = performance.now();
    const { findings } = await runDiagnosis({ io, discovery, scope, settings, directory: { targets, credentials } });
    return {
      ms: performance.now() - started,
      findings: findings.length,
      errors: findings.filter((f) => f.severity === 'error').length,
    };
  };

  // One warm-up of each so TLS session setup, DNS caches and JIT do not land on the first sample.
  await once({ kind: 'server', server: first.name });
  await once({ kind: 'organisation' });
  const one: number[] = [];
  const all: number[] = [];
  let last = { findings: 0, errors: 0 };
  for (let i = 0; i < runs; i++) {
    one.push((await once({ kind: 'server', server: first.name })).ms);
    const r = await once({ kind: 'organisation' });
    all.push(r.ms);
    last = r;
  }
  const t1 = median(one);
  const tn = median(all);
  console.log(
    `Fan-out: ${n} Exchange servers and ${discovery.domainControllers.length} DC(s), all six steps, concurrency ${concurrency}, ${runs} run(s), medians`,
  );
  console.log(`  one server (${first.name}):     ${t1.toFixed(0)} ms`);
  console.log(`  all ${n} servers:          ${tn.toFixed(0)} ms  (${last.findings} findings, ${last.errors} errors)`);
  console.log(`  N = ${n}   ratio time(N)/time(1) = ${(tn / t1).toFixed(2)}   (serial would be about ${n})`);
}

main().catch((e: unknown) => {
  console.error(`fanout: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
