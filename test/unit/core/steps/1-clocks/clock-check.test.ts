import { strict as assert } from 'node:assert';
import type { Finding } from '../../../../../src/shared/findings';
import type { DirectoryEntry, DirectoryTarget } from '../../../../../src/core/io';
import { DoctorError } from '../../../../../src/core/errors';
import { runDiagnosis } from '../../../../../src/core/engine/orchestrator';
import { createClockCheck } from '../../../../../src/core/steps/1-clocks/clock-check';
import type { ClockProbes, KdcTimeAnswer } from '../../../../../src/core/steps/1-clocks/clock-sources';
import { FakeIo, hang } from '../../engine/fake-io';
import { assertWhollyWorded } from '../../l10n/english-left';
import { credentials, discovery, settings, targets } from '../../engine/fixtures';

const MIN = 60_000;

function generalizedTime(ms: number): string {
  return `${new Date(ms).toISOString().replace(/[-:T]/g, '').slice(0, 14)}.0Z`;
}

interface Clocks {
  /** Offset of each host's clock from this machine, by FQDN. */
  offsets: Record<string, number>;
  /** Hosts that never answer (any probe). */
  silent?: string[];
  /** A banner without a date. */
  customBanner?: string[];
  /** KDC offset when it differs from the host's LDAP time. */
  kdcOffsets?: Record<string, number>;
}

function fakes(c: Clocks): { fake: FakeIo; probes: ClockProbes } {
  const silent = new Set(c.silent ?? []);
  const holder: { fake?: FakeIo } = {};
  const entries = (target: DirectoryTarget): DirectoryEntry[] => [
    {
      dn: '',
      attributes: {
        currentTime: [generalizedTime((holder.fake?.io.clock.now() ?? 0) + (c.offsets[target.host] ?? 0))],
      },
    },
    {
      dn: 'DC=contoso,DC=test',
      attributes: {
        fSMORoleOwner: [
          'CN=NTDS Settings,CN=DC1,CN=Servers,CN=Default-First-Site-Name,CN=Sites,CN=Configuration,DC=contoso,DC=test',
        ],
      },
    },
  ];
  const fake = new FakeIo({
    entries,
    connectDirectory: (t) => (silent.has(t.host) ? hang() : () => Promise.resolve()),
  });
  holder.fake = fake;
  const never = <T>(signal?: AbortSignal): Promise<T> =>
    new Promise<T>((_, reject) =>
      signal?.addEventListener('abort', () => reject(new DoctorError('aborted', 'aborted'))),
    );
  const probes: ClockProbes = {
    kdcTime: (io, host, _t, o) => {
      if (silent.has(host))
        return Promise.race([
          never<KdcTimeAnswer>(o.signal),
          new Promise<never>((_, j) =>
            setTimeout(() => j(new DoctorError('timeout', `UDP ${host}:88 did not answer`)), o.timeoutMs),
          ),
        ]);
      const now = io.clock.now();
      const kdc = now + (c.kdcOffsets?.[host] ?? c.offsets[host] ?? 0);
      return Promise.resolve({
        kdcTimeMs: kdc,
        roundTripMs: 4,
        localMidMs: now,
        errorCode: 25,
        raw: new Date(kdc).toISOString(),
      });
    },
    bannerTime: (io, host, port, o) => {
      if (silent.has(host))
        return new Promise((_, j) =>
          setTimeout(() => j(new DoctorError('timeout', `${host}:${port} did not answer`)), o.timeoutMs),
        );
      const now = io.clock.now();
      if (c.customBanner?.includes(host))
        return Promise.resolve({ banner: '220 mail.contoso.test ready', roundTripMs: 3, localMidMs: now });
      const t = Math.floor((now + (c.offsets[host] ?? 0)) / 1000) * 1000;
      return Promise.resolve({
        banner: `220 ${host} Microsoft ESMTP MAIL Service ready at ${new Date(t).toUTCString()}`,
        serverTimeMs: t,
        roundTripMs: 3,
        localMidMs: now,
      });
    },
  };
  return { fake, probes };
}

async function run(
  c: Clocks,
  overrides: { probeTimeoutMs?: number; servers?: ReturnType<typeof discovery> } = {},
): Promise<{ findings: Finding[]; fake: FakeIo; ms: number }> {
  const { fake, probes } = fakes(c);
  const started = performance.now();
  const { findings } = await runDiagnosis({
    io: fake.io,
    discovery: overrides.servers ?? discovery(),
    scope: { kind: 'organisation' },
    settings: settings({ steps: [1], probeTimeoutMs: overrides.probeTimeoutMs ?? 1000 }),
    directory: { targets, credentials },
    checks: [createClockCheck(probes)],
  });
  const ms = performance.now() - started;
  // Every scenario's findings, worded in Hebrew and Chinese, hold no English words of ours.
  assertWhollyWorded(findings);
  return { findings, fake, ms };
}

const by = (fs: Finding[], name: string): Finding | undefined => fs.find((f) => f.subject.name === name);

describe('step 1: clocks', () => {
  it('healthy: every DC and Exchange server agrees, with one finding each and no error', async () => {
    const { findings, fake } = await run({ offsets: { 'ex02.contoso.test': 800 } });
    assert.deepEqual(findings.map((f) => `${f.subject.kind} ${f.subject.name} ${f.severity}`).sort(), [
      'dc DC1 ok',
      'dc DC2 ok',
      'server EX01 ok',
      'server EX02 ok',
    ]);
    assert.equal(fake.openSessions, 0);
    const ex02 = by(findings, 'EX02');
    assert.ok(
      ex02?.tables?.some(
        (t) => t.columns.includes('Uncertainty') && t.rows.some((r) => r[0]?.startsWith('EX02 SMTP banner')),
      ),
    );
    const pairs = ex02?.tables?.find((t) => t.caption.startsWith('Exchange server against'));
    assert.deepEqual(
      pairs?.rows.map((r) => r[1]),
      ['DC1', 'DC2'],
    );
  });

  it('an Exchange server 7 minutes ahead is an error on that server, with the fix', async () => {
    const { findings } = await run({ offsets: { 'ex02.contoso.test': 7 * MIN } });
    const ex02 = by(findings, 'EX02');
    assert.equal(ex02?.severity, 'error');
    assert.equal(ex02?.code, 'clock.skew');
    assert.match(
      ex02?.title ?? '',
      /^EX02's clock is (6 min 59\.\d|7 min 0\.\d) s ahead of the domain's time .* beyond the 5 min 0\.0 s Kerberos tolerance/,
    );
    assert.deepEqual(
      findings.filter((f) => f.severity !== 'ok').map((f) => f.subject.name),
      ['EX02'],
    );
    const resync = ex02?.remedies.find((r) => r.command === 'w32tm /resync /rediscover');
    assert.equal(resync?.changesState, true);
    assert.equal(resync?.runOn, 'EX02');
    assert.ok(ex02?.remedies.some((r) => r.command === 'w32tm /query /status' && !r.changesState));
    const pair = ex02?.tables?.find((t) => t.caption.startsWith('Exchange server against'));
    assert.ok(pair?.rows.every((r) => /^\+(7 min|6 min 59)/.test(r[2] ?? '') && /Kerberos tolerance/.test(r[4] ?? '')));
  });

  it('a DC (LDAP and KDC) 7 minutes behind is an error on that DC, judged against the PDC emulator', async () => {
    const { findings } = await run({ offsets: { 'dc2.contoso.test': -7 * MIN } });
    const dc2 = by(findings, 'DC2');
    assert.equal(dc2?.severity, 'error');
    assert.equal(dc2?.subject.kind, 'dc');
    assert.match(dc2?.title ?? '', /7 min .* behind/);
    assert.ok(
      dc2?.remedies.some((r) => r.command === 'w32tm /config /syncfromflags:domhier /update' && r.changesState),
      'a DC that is not the PDC follows the hierarchy',
    );
    assert.deepEqual(
      findings.filter((f) => f.severity === 'error').map((f) => f.subject.name),
      ['DC2'],
    );
  });

  it('a KDC whose time differs from its own LDAP time is blamed as the KDC', async () => {
    const { findings } = await run({ offsets: {}, kdcOffsets: { 'dc2.contoso.test': 6 * MIN } });
    const dc2 = by(findings, 'DC2');
    assert.equal(dc2?.severity, 'error');
    assert.match(dc2?.title ?? '', /^The KDC on DC2's clock is (5 min 59\.\d|6 min 0\.\d) s ahead/);
  });

  it('the PDC emulator that is off gets the time-source line', async () => {
    const { findings } = await run({
      offsets: { 'dc1.contoso.test': 9 * MIN, 'dc2.contoso.test': 9 * MIN, 'ex01.contoso.test': 9 * MIN },
    });
    // Everyone follows DC1 except EX02: EX02 is the odd one out.
    assert.deepEqual(
      findings.filter((f) => f.severity === 'error').map((f) => f.subject.name),
      ['EX02'],
    );
    const { findings: f2 } = await run({ offsets: { 'dc1.contoso.test': 9 * MIN } });
    const dc1 = by(f2, 'DC1');
    assert.equal(dc1?.severity, 'error');
    assert.ok(
      dc1?.remedies.some(
        (r) =>
          r.command.startsWith(
            "w32tm /config '/manualpeerlist:pool.ntp.org,0x8' /syncfromflags:manual /reliable:yes /update",
          ) && r.changesState,
      ),
    );
  });

  it('between the warning threshold and the tolerance is a warning', async () => {
    const { findings } = await run({ offsets: { 'ex01.contoso.test': -2 * MIN } });
    assert.equal(by(findings, 'EX01')?.severity, 'warning');
    assert.match(by(findings, 'EX01')?.title ?? '', /(1 min 59\.\d|2 min 0\.\d) s behind/);
  });

  it('DC1 170 s behind and EX01 170 s ahead: each within the tolerance of the domain, but 340 s apart is an error on both', async () => {
    const { findings } = await run({ offsets: { 'dc1.contoso.test': -170_000, 'ex01.contoso.test': 170_000 } });
    const ex01 = by(findings, 'EX01');
    const dc1 = by(findings, 'DC1');
    assert.equal(ex01?.severity, 'error', ex01?.title);
    assert.equal(dc1?.severity, 'error', dc1?.title);
    assert.match(
      ex01?.title ?? '',
      /^EX01's clock is 5 min (39\.\d|40\.\d) s ahead of DC1's, beyond the 5 min 0\.0 s Kerberos tolerance between them/,
    );
    assert.match(dc1?.title ?? '', /^The KDC on DC1's clock is 5 min (39\.\d|40\.\d) s behind EX01's/);
    assert.ok(ex01?.remedies.some((r) => r.command === 'w32tm /resync /rediscover'));
    // The hosts that agree with the domain are not blamed for the pair.
    assert.equal(by(findings, 'DC2')?.severity, 'ok');
    assert.equal(by(findings, 'EX02')?.severity, 'ok');
  });

  it('pairs an Exchange server only with the DCs of its site when the sites are known', async () => {
    const servers = discovery().servers.map((s) => ({ ...s, site: s.name === 'EX01' ? 'Branch' : 'HQ' }));
    const base = discovery(servers);
    const sited = {
      ...base,
      domainControllers: base.domainControllers.map((d) => ({ ...d, site: d.name === 'DC1' ? 'HQ' : 'Branch' })),
    };
    // DC1 (HQ) and EX01 (Branch) are 340 s apart, but EX01 authenticates against DC2 (its site).
    const { findings } = await run(
      { offsets: { 'dc1.contoso.test': -170_000, 'ex01.contoso.test': 170_000 } },
      { servers: sited },
    );
    assert.equal(by(findings, 'EX01')?.severity, 'warning', by(findings, 'EX01')?.title);
    const pairs = by(findings, 'EX01')?.tables?.find((t) => t.caption.startsWith('Exchange server against'));
    assert.deepEqual(
      pairs?.rows.map((r) => r[1]),
      ['DC2'],
    );
  });

  it('a DC that does not answer is unknown with the reason, within the probe timeout, and the others are still judged', async () => {
    const { findings, ms } = await run(
      { offsets: { 'ex02.contoso.test': 7 * MIN }, silent: ['dc2.contoso.test'] },
      { probeTimeoutMs: 200 },
    );
    assert.ok(ms < 1000, `took ${ms} ms`);
    const dc2 = by(findings, 'DC2');
    assert.equal(dc2?.severity, 'unknown');
    assert.equal(dc2?.code, 'clock.unreachable');
    assert.match(dc2?.reason ?? '', /did not answer/);
    assert.equal(by(findings, 'EX02')?.severity, 'error');
    assert.equal(by(findings, 'DC1')?.severity, 'ok');
  });

  it('a banner without a date is unknown with the commands to read the clock on the server', async () => {
    const { findings } = await run({ offsets: {}, customBanner: ['ex01.contoso.test'] });
    const ex01 = by(findings, 'EX01');
    assert.equal(ex01?.code, 'clock.no-banner-date');
    assert.equal(ex01?.severity, 'unknown');
    assert.ok(ex01?.remedies.some((r) => r.command === 'w32tm /query /source'));
  });

  it("this machine's own clock cancels out, and is only a warning when it is off", async () => {
    const all = 10 * MIN;
    const { findings } = await run({
      offsets: { 'dc1.contoso.test': all, 'dc2.contoso.test': all, 'ex01.contoso.test': all, 'ex02.contoso.test': all },
    });
    assert.ok(!findings.some((f) => f.severity === 'error'));
    const local = findings.find((f) => f.subject.kind === 'local');
    assert.equal(local?.severity, 'warning');
    assert.match(local?.title ?? '', /(9 min 59\.\d|10 min 0\.\d) s behind/);
  });
});
