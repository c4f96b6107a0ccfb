/**
 * Benchmark: discovery through the Kerberos adapter (one `ldapsearch -Y GSSAPI` process per
 * search, src/io/gssapi-directory.ts) against the password adapter over LDAPS (ldapts, one
 * connection), same lab, same run. Prints the median wall time of connect + discovery for each
 * and the ratio to LDAPS; never asserts on time.
 *
 *   npm run lab -- start
 *   npx tsx bench/kerberos-discovery.ts [--runs 5]
 *
 * A ticket for the lab's reader is put into a temporary credential cache (test/lab/kerberos.ts)
 * and removed at the end.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { discoverWithFailover } from '../src/core/directory/failover';
import type { DirectoryCredentials, DirectoryTarget } from '../src/core/io';
import { AuthDirectoryConnector } from '../src/io/directory-auth';
import { ExecaProcessRunner } from '../src/io/process';
import { labEnv } from '../test/lab/api';
import { kinitLab } from '../test/lab/kerberos';

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
const clock = { now: () => Date.now(), monotonic: () => performance.now() };

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { runs: { type: 'string', default: '5' } } });
  const runs = Math.max(1, Number(values.runs));
  const env = labEnv();
  const dir = mkdtempSync(join(tmpdir(), 'ead-bench-krb-'));
  try {
    const k = await kinitLab({ cache: join(dir, 'ccache') });
    process.env.KRB5CCNAME = k.ccname;
    process.env.KRB5_CONFIG = k.krb5Config;
    const host = env.EAD_DC_HOST ?? '';
    const caPem = readFileSync(env.EAD_CA_FILE ?? '', 'utf8');
    const connector = new AuthDirectoryConnector(new ExecaProcessRunner());
    const password: DirectoryCredentials = { user: env.EAD_BIND_USER ?? '', password: env.EAD_BIND_PASSWORD ?? '' };
    const kerberos: DirectoryCredentials = { kind: 'kerberos' };
    const ways: [string, DirectoryTarget, DirectoryCredentials][] = [
      ['LDAPS, password (ldapts)', { host, port: 636, security: 'ldaps', caPem }, password],
      ['LDAP 389 sealed, Kerberos (ldapsearch)', { host, port: 389, security: 'ldap' }, kerberos],
      ['LDAPS, Kerberos (ldapsearch)', { host, port: 636, security: 'ldaps', caPem }, kerberos],
    ];
    const results: { name: string; ms: number; servers: number }[] = [];
    for (const [name, target, credentials] of ways) {
      const times: number[] = [];
      let servers = 0;
      // One warm-up, then the measured runs.
      for (let i = 0; i <= runs; i++) {
        const t0 = performance.now();
        const r = await discoverWithFailover(connector, [target], credentials, { clock, timeoutMs: 30_000 });
        if (i > 0) times.push(performance.now() - t0);
        servers = r.servers.length;
      }
      results.push({ name, ms: median(times), servers });
    }
    const base = results[0]?.ms ?? NaN;
    console.log(`discovery (connect + all searches), median of ${runs}, lab ${env.EAD_SCENARIO ?? '?'}:`);
    for (const r of results)
      console.log(
        `  ${r.name.padEnd(42)} ${r.ms.toFixed(0).padStart(6)} ms  x${(r.ms / base).toFixed(2)}  (${r.servers} servers)`,
      );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : String(e));
  process.exitCode = 1;
});
