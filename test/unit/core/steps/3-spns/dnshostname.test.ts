/**
 * A computer account whose dNSHostName differs from the FQDN Exchange registered (networkAddress):
 * the probes must use the name that resolves and say which, and step 3 must name the real fix
 * instead of asking for SPNs on a name no sender uses.
 */
import { strict as assert } from 'node:assert';
import { spnCheck } from '../../../../../src/core/steps/3-spns/spn-check';
import { createPortsCheck } from '../../../../../src/core/steps/4-ports/ports-check';
import type { PortProbes } from '../../../../../src/core/steps/4-ports/ports-probe';
import { runDiagnosis } from '../../../../../src/core/engine/orchestrator';
import type { DirectoryEntry } from '../../../../../src/core/io';
import { contosoEntries, DOMAIN } from '../../directory/contoso-fixture';
import { FakeIo } from '../../engine/fake-io';
import { credentials, discovery, server, settings, targets } from '../../engine/fixtures';
import { assertWhollyWorded } from '../../l10n/english-left';
import { fakeContext } from './spn-fake-context';

const STALE = 'ex02-old.contoso.test';
const ALL_EX02 = ['SMTP/ex02.contoso.test', 'SMTP/EX02', 'SMTPSVC/ex02.contoso.test', 'SMTPSVC/EX02'];

/** The contoso fixture with EX02's FQDN registered, its dNSHostName changed and its SPNs on the registered FQDN. */
function entries(): DirectoryEntry[] {
  return contosoEntries().map((e) =>
    e.dn === `CN=EX02,CN=Computers,${DOMAIN}`
      ? { dn: e.dn, attributes: { ...e.attributes, dNSHostName: [STALE], servicePrincipalName: ALL_EX02 } }
      : e.dn.startsWith('CN=EX02,CN=Servers,')
        ? {
            dn: e.dn,
            attributes: { ...e.attributes, networkAddress: ['netbios:EX02', 'ncacn_ip_tcp:ex02.contoso.test'] },
          }
        : e,
  );
}

describe('dNSHostName differs from the FQDN Exchange registered', () => {
  it('step 4 probes the registered FQDN, which resolves, and says which name it used and why', async () => {
    const ex02 = server('EX02');
    ex02.computer!.dnsHostName = STALE;
    const probed: string[] = [];
    const probes: PortProbes = {
      tcp: (_io, host, port) => (probed.push(`${host}:${port}`), Promise.resolve({ state: 'open', detail: 'ok' })),
      kerberosTcp: () => Promise.resolve({ state: 'open', detail: 'ok' }),
      kerberosUdp: () => Promise.resolve({ state: 'open', detail: 'ok' }),
    };
    const fake = new FakeIo({ dns: { 'ex01.contoso.test': ['127.0.0.11'], 'ex02.contoso.test': ['127.0.0.12'] } });
    const { findings } = await runDiagnosis({
      io: fake.io,
      discovery: discovery([server('EX01'), ex02]),
      scope: { kind: 'organisation' },
      settings: settings({ steps: [4] }),
      directory: { targets, credentials },
      checks: [createPortsCheck(probes)],
    });
    assert.deepEqual(probed.filter((p) => p.startsWith('ex02')).sort(), [
      'ex02.contoso.test:25',
      'ex02.contoso.test:2525',
      'ex02.contoso.test:465',
      'ex02.contoso.test:717',
    ]);
    assert.ok(!probed.some((p) => p.startsWith(STALE)), probed.join(', '));
    const f = findings.find((x) => x.subject.name === 'EX02');
    assert.equal(f?.severity, 'ok');
    assert.ok(
      f.evidence.some(
        (e) =>
          e.label === 'name probed' &&
          e.value === `ex02.contoso.test (the FQDN Exchange registered); dNSHostName ${STALE} does not resolve`,
      ),
      JSON.stringify(f.evidence),
    );
  });

  it('probes the dNSHostName when only it resolves, and says the registered FQDN does not', async () => {
    const ex02 = server('EX02', 'ex02-stale.contoso.test');
    ex02.computer!.dnsHostName = 'ex02.contoso.test';
    const probed: string[] = [];
    const probes: PortProbes = {
      tcp: (_io, host, port) => (probed.push(`${host}:${port}`), Promise.resolve({ state: 'open', detail: 'ok' })),
      kerberosTcp: () => Promise.resolve({ state: 'open', detail: 'ok' }),
      kerberosUdp: () => Promise.resolve({ state: 'open', detail: 'ok' }),
    };
    const { findings } = await runDiagnosis({
      io: new FakeIo({ dns: { 'ex01.contoso.test': ['127.0.0.11'], 'ex02.contoso.test': ['127.0.0.12'] } }).io,
      discovery: discovery([server('EX01'), ex02]),
      scope: { kind: 'server', server: 'EX02' },
      settings: settings({ steps: [4] }),
      directory: { targets, credentials },
      checks: [createPortsCheck(probes)],
    });
    assert.ok(probed.includes('ex02.contoso.test:2525'), probed.join(', '));
    assert.ok(!probed.some((p) => p.startsWith('ex02-stale')));
    const f = findings.find((x) => x.subject.name === 'EX02');
    assert.equal(
      f?.evidence.find((e) => e.label === 'name probed')?.value,
      "ex02.contoso.test (the computer's dNSHostName); the FQDN Exchange registered, ex02-stale.contoso.test, does not resolve",
    );
  });

  it('step 3 does not ask for SPNs on the dNSHostName and names the fix: correct dNSHostName', async () => {
    const { ctx, findings } = await fakeContext({
      entries: entries(),
      dns: { 'ex01.contoso.test': ['127.0.0.11'], 'ex02.contoso.test': ['127.0.0.12'] },
    });
    await spnCheck.run(ctx);
    assertWhollyWorded(findings);
    assert.deepEqual(
      findings.filter((f) => f.severity === 'error').map((f) => `${f.code} ${f.title}`),
      [],
    );
    const mismatch = findings.find((f) => f.code === 'spn.fqdn-mismatch');
    assert.equal(mismatch?.severity, 'warning');
    assert.equal(
      mismatch.title,
      `EX02: dNSHostName ${STALE} differs from the FQDN Exchange registered (ex02.contoso.test); ${STALE} does not resolve, ex02.contoso.test does and carries the SPNs`,
    );
    assert.match(mismatch.explanation, /Registering SPNs for ex02-old\.contoso\.test would not help/);
    assert.deepEqual(
      mismatch.remedies.map((r) => `${String(r.changesState)} ${r.command}`),
      ['true Set-ADComputer -Identity EX02 -DNSHostName ex02.contoso.test', 'false Resolve-DnsName ex02.contoso.test'],
    );
    assert.ok(!findings.some((f) => f.code === 'spn.dns-unresolved'), 'the registered FQDN resolves');
  });
});
