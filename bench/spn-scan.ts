/**
 * Benchmark: the forest-wide duplicate SPN scan (setspn -X over LDAP, src/core/steps/3-spns/duplicates.ts)
 * against `ldapsearch` dumping the same attribute from the same DC with the same page size.
 * Prints wall time of both, their ratio, and peak memory: RSS high-water of each process (ours
 * includes Node itself, so the heap growth during the scan is printed too).
 *
 *   eval "$(npm run --silent lab -- env)"; npm run --silent lab -- bulk-spns 20000
 *   npx tsx bench/spn-scan.ts [--runs 3] [--page 1000] [--domain]
 *
 * Connection from EAD_DC_HOST, EAD_CA_FILE, EAD_BIND_USER, EAD_BIND_PASSWORD (EAD_DC_SECURITY
 * must be ldaps). The global catalog (3269) is scanned unless --domain is given (636, domain NC).
 * The password reaches ldapsearch through a 0600 temporary file (-y), never its command line.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { LdaptsDirectoryConnector } from '../src/io/ldap-directory';
import { scanAllDuplicateSpns } from '../src/core/steps/3-spns/duplicates';
import { getFirst } from '../src/core/io';

function need(name: string): string {
  const v = process.env[name];
  if (!v) throw new Error(`${name} is not set: run eval "$(npm run --silent lab -- env)" first`);
  return v;
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      runs: { type: 'string', default: '3' },
      page: { type: 'string', default: '1000' },
      domain: { type: 'boolean' },
    },
  });
  const runs = Math.max(1, Number(values.runs));
  const pageSize = Math.max(1, Number(values.page));
  const host = need('EAD_DC_HOST');
  const caFile = need('EAD_CA_FILE');
  const user = need('EAD_BIND_USER');
  const password = need('EAD_BIND_PASSWORD');
  const gc = !values.domain;
  const port = gc ? 3269 : 636;
  const connector = new LdaptsDirectoryConnector();
  const target = { host, port, security: 'ldaps' as const, caPem: readFileSync(caFile, 'utf8'), globalCatalog: gc };
  const credentials = { user, password };

  // The base: '' on the global catalog (whole forest), the domain naming context otherwise.
  const probe = await connector.connect({ ...target, port: 636, globalCatalog: false }, credentials, {
    timeoutMs: 10_000,
  });
  let domainDn = '';
  for await (const e of probe.search(
    { base: '', scope: 'base', filter: '(objectClass=*)', attributes: ['defaultNamingContext'] },
    { timeoutMs: 10_000 },
  )) {
    domainDn = getFirst(e, 'defaultNamingContext') ?? '';
  }
  await probe.close();
  const base = gc ? '' : domainDn;

  const ours: number[] = [];
  let summary = '';
  const rssBefore = process.resourceUsage().maxRSS;
  let heapPeak = 0;
  const heapBase = process.memoryUsage().heapUsed;
  for (let i = 0; i < runs; i++) {
    const session = await connector.connect(target, credentials, { timeoutMs: 10_000 });
    const t0 = performance.now();
    const result = await scanAllDuplicateSpns(session, {
      base,
      pageSize,
      timeoutMs: 30_000,
      progressEvery: 1000,
      onProgress: () => (heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed)),
    });
    ours.push(performance.now() - t0);
    heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed);
    await session.close();
    summary = `${result.spns} SPNs on ${result.objects} objects, ${result.groups.length} duplicate group(s): ${result.groups.map((g) => `${g.spn} (${g.holders.length})`).join(', ')}`;
  }
  const oursRssKb = process.resourceUsage().maxRSS;

  const dir = mkdtempSync(join(tmpdir(), 'ead-bench-'));
  const pwFile = join(dir, 'pw');
  writeFileSync(pwFile, password, { mode: 0o600 });
  const theirs: number[] = [];
  let theirRssKb = 0;
  let lines = 0;
  try {
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now();
      const r = spawnSync(
        '/usr/bin/time',
        [
          '-f',
          'EAD_MAXRSS=%M',
          'ldapsearch',
          '-LLL',
          '-x',
          '-H',
          `ldaps://${host}:${port}`,
          '-D',
          user,
          '-y',
          pwFile,
          '-b',
          base,
          '-E',
          `pr=${pageSize}/noprompt`,
          '(servicePrincipalName=*)',
          'servicePrincipalName',
        ],
        { env: { ...process.env, LDAPTLS_CACERT: caFile }, maxBuffer: 1 << 30, encoding: 'utf8' },
      );
      theirs.push(performance.now() - t0);
      if (r.status !== 0) throw new Error(`ldapsearch failed: ${r.stderr}`);
      theirRssKb = Math.max(theirRssKb, Number(/EAD_MAXRSS=(\d+)/.exec(r.stderr)?.[1] ?? 0));
      lines = r.stdout.split('\n').filter((l) => l.startsWith('servicePrincipalName:')).length;
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }

  const o = median(ours);
  const t = median(theirs);
  console.log(
    `Directory: ldaps://${host}:${port} base "${base}" (${gc ? 'global catalog' : 'domain'}), page size ${pageSize}, ${runs} run(s), medians`,
  );
  console.log(`Scan result: ${summary}`);
  console.log(`ldapsearch dumped ${lines} servicePrincipalName values`);
  console.log(`duplicate scan (ldapts, streaming + confirm): ${o.toFixed(0)} ms`);
  console.log(`ldapsearch dump (no analysis):                ${t.toFixed(0)} ms`);
  console.log(`time ratio scan / ldapsearch:                 ${(o / t).toFixed(2)}`);
  console.log(
    `peak RSS: scan process ${(oursRssKb / 1024).toFixed(1)} MB (Node baseline before scanning ${(rssBefore / 1024).toFixed(1)} MB), ldapsearch ${(theirRssKb / 1024).toFixed(1)} MB`,
  );
  console.log(`heap growth during the scan: ${((heapPeak - heapBase) / 1048576).toFixed(1)} MB`);
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : String(e));
  process.exitCode = 1;
});
