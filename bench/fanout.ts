/**
 * Benchmark: diagnosing N Exchange servers of the lab (the whole organisation) against diagnosing
 * one of them, on a network that answers at once, on one that drops ports silently, and on one
 * with latency. Everything is measured in the same run, on the same machine:
 *
 *   healthy      nothing dropped, no latency
 *   firewalled   the lab's `firewalled` scenario: TCP 465 and 717 of every server and UDP 88 of DC2
 *                dropped (nftables), so every dropped port costs a connect timeout
 *   latency      20 ms added to every round trip (the listeners and a relay in front of the DCs)
 *
 * For each network and each N it prints time(1) (one server in scope, in the same lab), time(N)
 * (the organisation) and the ratio time(N)/time(1); for `firewalled` also time(N) minus healthy's
 * time(N), against the connect timeout. Goals (issue "Finish in seconds on a real network"):
 * ratio <= 1.5 at N = 50 and <= 2 at N = 200; firewalled at most one connect timeout longer than
 * healthy, whatever N.
 *
 *   npx tsx bench/fanout.ts [--servers 10,50,200] [--networks healthy,firewalled,latency] [--runs 3]
 *                           [--connect-timeout 3000]
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import type { DirectoryTarget } from '../src/core/io';
import { createNodeIo } from '../src/io/node-io';
import { DEFAULT_ENGINE_SETTINGS, type Scope } from '../src/core/engine/check';
import { runDiagnosis } from '../src/core/engine/orchestrator';
import { discoverWithFailover } from '../src/core/directory/failover';

const NETWORKS: Record<string, string[]> = {
  healthy: ['--scenario', 'healthy', '--latency', '0'],
  firewalled: ['--scenario', 'firewalled', '--latency', '0'],
  latency: ['--scenario', 'healthy', '--latency', '20'],
};

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

function npmLab(args: string[]): string {
  const r = spawnSync('npm', ['run', '--silent', 'lab', '--', ...args], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (r.status !== 0)
    throw new Error(`npm run lab -- ${args.join(' ')} failed (exit ${r.status ?? 'signal'}): ${r.stderr.slice(-500)}`);
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

interface Sample {
  one: number;
  all: number;
  /** CPU time of this process (the engine) during one organisation run, user + system. */
  cpu: number;
  findings: number;
  errors: number;
}

async function measure(network: string, servers: number, runs: number, connectTimeoutMs: number): Promise<Sample> {
  npmLab(['start', '--servers', String(servers), ...(NETWORKS[network] ?? [])]);
  const env = parseExports(npmLab(['env']));
  const need = (k: string): string => {
    const v = env[k];
    if (!v) throw new Error(`${k} is missing from npm run lab -- env`);
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
  const first = discovery.servers[0];
  if (!first || discovery.servers.length !== servers)
    throw new Error(`the lab has ${discovery.servers.length} Exchange server(s), not ${servers}`);
  const settings = { ...DEFAULT_ENGINE_SETTINGS, realm: need('EAD_REALM'), connectTimeoutMs };
  const once = async (scope: Scope): Promise<{ ms: number; cpu: number; findings: number; errors: number }> => {
    const started = performance.now();
    const cpu = process.cpuUsage();
    const { findings } = await runDiagnosis({ io, discovery, scope, settings, directory: { targets, credentials } });
    const used = process.cpuUsage(cpu);
    return {
      ms: performance.now() - started,
      cpu: (used.user + used.system) / 1000,
      findings: findings.length,
      errors: findings.filter((f) => f.severity === 'error').length,
    };
  };
  // One warm-up of each so TLS session setup, DNS caches and JIT do not land on the first sample.
  await once({ kind: 'server', server: first.name });
  await once({ kind: 'organisation' });
  const one: number[] = [];
  const all: number[] = [];
  const cpu: number[] = [];
  let last = { findings: 0, errors: 0 };
  for (let i = 0; i < runs; i++) {
    one.push((await once({ kind: 'server', server: first.name })).ms);
    const r = await once({ kind: 'organisation' });
    all.push(r.ms);
    cpu.push(r.cpu);
    last = { findings: r.findings, errors: r.errors };
  }
  return { one: median(one), all: median(all), cpu: median(cpu), ...last };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      servers: { type: 'string', default: '10,50,200' },
      networks: { type: 'string', default: 'healthy,firewalled,latency' },
      runs: { type: 'string', default: '3' },
      'connect-timeout': { type: 'string', default: String(DEFAULT_ENGINE_SETTINGS.connectTimeoutMs) },
    },
  });
  const counts = values.servers.split(',').map(Number);
  const networks = values.networks.split(',').filter((n) => n in NETWORKS);
  const runs = Math.max(1, Number(values.runs));
  const connectTimeoutMs = Number(values['connect-timeout']);
  console.log(
    `Fan-out: all six steps, medians of ${runs}, connect timeout ${connectTimeoutMs} ms, load average ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
  console.log('network     N    time(1)   time(N)  ratio  engine CPU(N)  findings  errors  vs healthy');
  const healthy = new Map<number, number>();
  for (const network of networks) {
    for (const n of counts) {
      const s = await measure(network, n, runs, connectTimeoutMs);
      if (network === 'healthy') healthy.set(n, s.all);
      const base = healthy.get(n);
      const delta =
        network !== 'healthy' && base !== undefined
          ? `${s.all - base >= 0 ? '+' : ''}${((s.all - base) / 1000).toFixed(2)} s (${((s.all - base) / connectTimeoutMs).toFixed(2)} connect timeouts)`
          : '';
      console.log(
        `${network.padEnd(10)} ${String(n).padStart(3)}  ${s.one.toFixed(0).padStart(7)} ms ${s.all.toFixed(0).padStart(7)} ms  ${(s.all / s.one).toFixed(2).padStart(5)}  ${s.cpu.toFixed(0).padStart(9)} ms  ${String(s.findings).padStart(8)}  ${String(s.errors).padStart(6)}  ${delta}`,
      );
    }
  }
  console.log(
    `load average at the end: ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
  npmLab(['start', '--scenario', 'healthy', '--servers', '2', '--latency', '0']);
}

main().catch((e: unknown) => {
  console.error(`fanout: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
