/**
 * Steps 1, 2 and 4 through the orchestrator against the real Samba lab: real LDAPS sessions to
 * each DC, real SMTP banners from the lab's Exchange listeners, real TCP connects. Each describe
 * block switches the lab to a scenario; what each scenario must produce comes from the lab's own
 * data (test/lab/scenarios.ts), so the lab and these tests cannot drift apart silently.
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import type { Finding, Step } from '../../src/shared/findings';
import type { CoreIo, DirectoryTarget } from '../../src/core/io';
import { DEFAULT_ENGINE_SETTINGS } from '../../src/core/engine/check';
import { runDiagnosis } from '../../src/core/engine/orchestrator';
import { discoverWithFailover } from '../../src/core/directory/failover';
import { createClockCheck } from '../../src/core/steps/1-clocks/clock-check';
import { replicationCheck } from '../../src/core/steps/2-replication/replication-check';
import { createPortsCheck } from '../../src/core/steps/4-ports/ports-check';
import { clockProbes, portProbes } from '../../src/core/steps/real-probes';
import { TimeoutError, AbortError } from '../../src/core/errors';
import { createNodeIo } from '../../src/io/node-io';
import { SCENARIOS } from '../lab/scenarios';
import { useScenario, type LabEnv } from './lab-fixture';

const MY_STEPS: Step[] = [1, 2, 4];
const PROBE_TIMEOUT_MS = 3000;

interface Expectation {
  step: Step;
  subject: string;
  severity: string;
}

/** The lab's expected findings for a scenario, on steps 1, 2 and 4. */
function expectations(scenario: string): Expectation[] {
  const entry = SCENARIOS[scenario];
  if (!entry) throw new Error(`test/lab/scenarios.ts has no scenario ${scenario}`);
  return entry.expected.filter((x) => MY_STEPS.includes(x.step));
}

interface Run {
  findings: Finding[];
  ms: number;
}

async function diagnose(
  env: LabEnv,
  tweak?: (io: CoreIo, d: Awaited<ReturnType<typeof discoverWithFailover>>) => void,
): Promise<Run> {
  const io = createNodeIo();
  const caPem = readFileSync(env.EAD_CA_FILE ?? '', 'utf8');
  const targets: DirectoryTarget[] = [
    {
      host: env.EAD_DC_HOST ?? '',
      port: Number(env.EAD_DC_PORT ?? 636),
      security: env.EAD_DC_SECURITY === 'starttls' ? 'starttls' : 'ldaps',
      caPem,
    },
  ];
  const credentials = { user: env.EAD_BIND_USER ?? '', password: env.EAD_BIND_PASSWORD ?? '' };
  const discovery = await discoverWithFailover(io.directory, targets, credentials, {
    clock: io.clock,
    timeoutMs: 10_000,
  });
  tweak?.(io, discovery);
  const started = performance.now();
  const { findings } = await runDiagnosis({
    io,
    discovery,
    scope: { kind: 'organisation' },
    settings: {
      ...DEFAULT_ENGINE_SETTINGS,
      realm: env.EAD_REALM ?? '',
      probeTimeoutMs: PROBE_TIMEOUT_MS,
      steps: MY_STEPS,
    },
    directory: { targets, credentials },
    checks: [createClockCheck(clockProbes), replicationCheck, createPortsCheck(portProbes)],
  });
  return { findings, ms: performance.now() - started };
}

const errors = (r: Run): string[] =>
  r.findings.filter((f) => f.severity === 'error').map((f) => `step ${f.step} ${f.subject.name}: ${f.title}`);

function assertExpected(r: Run, expected: Expectation[]): void {
  assert.ok(expected.length > 0, 'the scenario expects something on steps 1, 2 or 4');
  for (const x of expected) {
    const hit = r.findings.find(
      (f) => f.step === x.step && f.severity === x.severity && f.subject.name.toLowerCase() === x.subject.toLowerCase(),
    );
    assert.ok(
      hit,
      `expected a step ${x.step} ${x.severity} on ${x.subject}; got ${JSON.stringify(r.findings.filter((f) => f.step === x.step).map((f) => `${f.subject.name} ${f.severity} ${f.title}`))}`,
    );
  }
}

describe('engine steps 1, 2 and 4 against the lab', function () {
  describe('healthy', () => {
    let env: LabEnv;
    before(async () => void (env = await useScenario('healthy')));

    it('no error on steps 1, 2 and 4, and every DC and Exchange server has a clock and a ports finding', async () => {
      const r = await diagnose(env);
      assert.deepEqual(errors(r), []);
      const servers = (env.EAD_SERVERS ?? 'EX01,EX02').split(',');
      for (const s of servers) {
        assert.ok(
          r.findings.some((f) => f.step === 1 && f.subject.name === s && f.severity === 'ok'),
          `clock of ${s}`,
        );
        assert.ok(
          r.findings.some((f) => f.step === 4 && f.subject.name === s && f.severity === 'ok'),
          `ports of ${s}`,
        );
      }
      assert.ok(r.findings.some((f) => f.step === 2 && f.severity === 'ok'));
    });
  });

  for (const scenario of ['clock-skew', 'replication', 'port-blocked']) {
    describe(scenario, () => {
      let env: LabEnv;
      before(async () => void (env = await useScenario(scenario)));

      it(`reports what test/lab/scenarios.ts expects for ${scenario}`, async () => {
        const r = await diagnose(env);
        assertExpected(r, expectations(scenario));
      });
    });
  }

  describe('a DC that does not answer', () => {
    let env: LabEnv;
    before(async () => void (env = await useScenario('healthy')));

    it('is unknown with the reason within the probe timeout, while the other checks complete', async () => {
      const silent = 'dc9.contoso.test';
      const r = await diagnose(env, (io, discovery) => {
        discovery.domainControllers.push({
          name: 'DC9',
          fqdn: silent,
          dn: 'CN=DC9,OU=Domain Controllers,DC=contoso,DC=test',
          source: 'settings',
        });
        // Every packet to DC9 is dropped: operations end only by their timeout or the signal.
        const drop = <T>(what: string, o: { timeoutMs: number; signal?: AbortSignal }): Promise<T> =>
          new Promise<T>((_, reject) => {
            const t = setTimeout(() => reject(new TimeoutError(what, o.timeoutMs)), o.timeoutMs);
            o.signal?.addEventListener('abort', () => (clearTimeout(t), reject(new AbortError(what))), { once: true });
          });
        const { tcp, udp, directory } = {
          tcp: io.tcp.connect.bind(io.tcp),
          udp: io.udp.exchange.bind(io.udp),
          directory: io.directory.connect.bind(io.directory),
        };
        io.tcp.connect = (h, p, o) => (h === silent ? drop(`TCP ${h}:${p}`, o) : tcp(h, p, o));
        io.udp.exchange = (h, p, d, o) => (h === silent ? drop(`UDP ${h}:${p}`, o) : udp(h, p, d, o));
        io.directory.connect = (t, c, o) =>
          t.host === silent ? drop(`LDAP ${t.host}:${t.port}`, o) : directory(t, c, o);
      });
      for (const step of MY_STEPS) {
        const f = r.findings.find((x) => x.step === step && x.subject.name === 'DC9');
        assert.equal(f?.severity, 'unknown', `step ${step}: ${JSON.stringify(f)}`);
        assert.match(f?.reason ?? '', /did not answer within 3 s/);
      }
      assert.ok(r.ms < PROBE_TIMEOUT_MS * 2 + 5000, `took ${Math.round(r.ms)} ms`);
      assert.deepEqual(
        errors(r).filter((e) => !e.includes('DC9')),
        [],
      );
      assert.ok(r.findings.some((f) => f.step === 1 && f.subject.name === 'DC1' && f.severity === 'ok'));
    });
  });
});
