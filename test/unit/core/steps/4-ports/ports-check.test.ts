import { strict as assert } from 'node:assert';
import type { Finding } from '../../../../../src/shared/findings';
import { DoctorError, TimeoutError } from '../../../../../src/core/errors';
import { runDiagnosis } from '../../../../../src/core/engine/orchestrator';
import { createPortsCheck } from '../../../../../src/core/steps/4-ports/ports-check';
import { tcpPortState, type PortAnswer, type PortProbes } from '../../../../../src/core/steps/4-ports/ports-probe';
import { transportPortsOf } from '../../../../../src/core/steps/4-ports/ports-plan';
import { remotePortSweep, testNetConnection } from '../../../../../src/core/steps/4-ports/port-remedies';
import { FakeIo, failAfter, hang } from '../../engine/fake-io';
import { credentials, discovery, server, settings, targets } from '../../engine/fixtures';

type Table = Record<string, PortAnswer['state']>;

function probes(states: Table, probed: string[] = []): PortProbes {
  const answer = (key: string): Promise<PortAnswer> => {
    probed.push(key);
    const state = states[key] ?? states[key.split(':')[0] ?? ''] ?? 'open';
    return Promise.resolve({ state, detail: state === 'open' ? 'connected in 1 ms' : `${state} (test)` });
  };
  return {
    tcp: (_io, host, port) => answer(`${host}:${port}`),
    kerberosTcp: (_io, host) => answer(`${host}:krb88`),
    kerberosUdp: (_io, host) => answer(`${host}:udp88`),
  };
}

async function run(states: Table, probed: string[] = []): Promise<Finding[]> {
  const { findings } = await runDiagnosis({
    io: new FakeIo().io,
    discovery: discovery(),
    scope: { kind: 'organisation' },
    settings: settings({ steps: [4] }),
    directory: { targets, credentials },
    checks: [createPortsCheck(probes(states, probed))],
  });
  return findings;
}

const of = (fs: Finding[], name: string): Finding | undefined => fs.find((f) => f.subject.name === name);

describe('step 4: ports', () => {
  it('tests the DC ports (TCP and UDP 88) and the transport ports, one finding per host', async () => {
    const probed: string[] = [];
    const fs = await run({}, probed);
    assert.deepEqual(probed.filter((p) => p.startsWith('dc1')).sort(), [
      'dc1.contoso.test:135',
      'dc1.contoso.test:3268',
      'dc1.contoso.test:3269',
      'dc1.contoso.test:389',
      'dc1.contoso.test:445',
      'dc1.contoso.test:464',
      'dc1.contoso.test:53',
      'dc1.contoso.test:636',
      'dc1.contoso.test:krb88',
      'dc1.contoso.test:udp88',
    ]);
    assert.deepEqual(probed.filter((p) => p.startsWith('ex01')).sort(), [
      'ex01.contoso.test:25',
      'ex01.contoso.test:2525',
      'ex01.contoso.test:465',
      'ex01.contoso.test:717',
    ]);
    assert.deepEqual(fs.map((f) => `${f.subject.name} ${f.code} ${f.severity}`).sort(), [
      'DC1 port.open ok',
      'DC2 port.open ok',
      'EX01 port.open ok',
      'EX02 port.open ok',
    ]);
  });

  it('Kerberos not reachable on a DC that otherwise answers is an error, with lines to test from the Exchange servers', async () => {
    const fs = await run({ 'dc2.contoso.test:krb88': 'no-answer', 'dc2.contoso.test:udp88': 'no-answer' });
    const dc2 = of(fs, 'DC2');
    assert.equal(dc2?.severity, 'error');
    assert.equal(dc2?.code, 'port.kerberos-blocked');
    assert.match(dc2?.title ?? '', /TCP 88 \(Kerberos\) no answer, UDP 88 \(Kerberos\) no answer/);
    assert.deepEqual(
      dc2?.remedies.filter((r) => r.command.startsWith('Test-NetConnection')).map((r) => `${r.runOn}: ${r.command}`),
      [
        'EX01: Test-NetConnection -ComputerName dc2.contoso.test -Port 88',
        'EX02: Test-NetConnection -ComputerName dc2.contoso.test -Port 88',
      ],
    );
    const sweep = dc2?.remedies.find((r) => r.command.startsWith('Invoke-Command'));
    assert.ok(sweep);
    assert.equal(sweep.changesState, false);
    assert.match(
      sweep.command,
      /^Invoke-Command -ComputerName 'ex01\.contoso\.test','ex02\.contoso\.test' -ScriptBlock \{ foreach \(\$t in @\('dc1\.contoso\.test','dc2\.contoso\.test'\)\) \{ foreach \(\$p in @\(88,464,389,636,3268,3269,53,135,445\)\)/,
    );
    assert.equal(of(fs, 'DC1')?.severity, 'ok');
  });

  it('a DC whose LDAP answers while Kerberos is refused: the KDC service is not running there, and how to check', async () => {
    const fs = await run({
      'dc2.contoso.test:krb88': 'refused',
      'dc2.contoso.test:udp88': 'refused',
      'dc2.contoso.test:464': 'refused',
    });
    const dc2 = of(fs, 'DC2');
    assert.equal(dc2?.severity, 'error');
    assert.equal(dc2?.code, 'port.kdc-stopped');
    assert.equal(
      dc2?.title,
      'DC2: the Kerberos Key Distribution Center (KDC) service is not running (LDAP answers; TCP 88, UDP 88 and TCP 464 refused)',
    );
    assert.deepEqual(
      dc2?.remedies.filter((r) => r.runOn === 'DC2').map((r) => `${String(r.changesState)} ${r.command}`),
      [
        'false Get-Service -Name Kdc',
        "false Get-WinEvent -FilterHashtable @{LogName='System'; ProviderName='Microsoft-Windows-Kerberos-Key-Distribution-Center'} -MaxEvents 20",
        'true Start-Service -Name Kdc',
      ],
    );
    // Kerberos refused while no LDAP port answers either is no proof of a stopped service.
    const noLdap: Table = { 'dc2.contoso.test:krb88': 'refused', 'dc2.contoso.test:udp88': 'refused' };
    for (const port of [389, 636, 3268, 3269]) noLdap[`dc2.contoso.test:${port}`] = 'no-answer';
    const blocked = of(await run(noLdap), 'DC2');
    assert.equal(blocked?.code, 'port.kerberos-blocked');
  });

  it('a KDC that accepts TCP 88 but never answers Kerberos is not "open": an error that says it is silent', async () => {
    const fs = await run({ 'dc2.contoso.test:krb88': 'no-reply', 'dc2.contoso.test:udp88': 'no-answer' });
    const dc2 = of(fs, 'DC2');
    assert.equal(dc2?.severity, 'error');
    assert.equal(dc2?.code, 'port.kdc-silent');
    assert.equal(
      dc2?.title,
      'DC2: TCP 88 (Kerberos) accepts connections but sends no Kerberos reply, UDP 88 (Kerberos) no answer',
    );
    assert.match(dc2?.explanation ?? '', /KDC service is hung|overloaded/);
  });

  it('kpasswd 464 refused is an error too; LDAP refused is a warning; DNS and LDAPS closed are only noted', async () => {
    assert.equal(of(await run({ 'dc1.contoso.test:464': 'refused' }), 'DC1')?.severity, 'error');
    const ldap = of(await run({ 'dc1.contoso.test:389': 'refused' }), 'DC1');
    assert.equal(ldap?.severity, 'warning');
    assert.equal(ldap?.code, 'port.blocked');
    const optional = of(await run({ 'dc1.contoso.test:53': 'refused', 'dc1.contoso.test:636': 'no-answer' }), 'DC1');
    assert.equal(optional?.severity, 'ok');
    assert.match(optional?.title ?? '', /closed but optional: TCP 636, TCP 53/);
  });

  it('a transport port an enabled connector binds, not reachable on an Exchange server, is an error', async () => {
    const fs = await run({ 'ex02.contoso.test:2525': 'refused' });
    const ex02 = of(fs, 'EX02');
    assert.equal(ex02?.severity, 'error');
    assert.equal(ex02?.code, 'port.transport-blocked');
    assert.ok(
      ex02?.remedies.some(
        (r) => r.runOn === 'EX01' && r.command === 'Test-NetConnection -ComputerName ex02.contoso.test -Port 2525',
      ),
    );
  });

  it('a host where nothing answers is unknown with the reason, not a port verdict', async () => {
    const fs = await run({ 'dc2.contoso.test': 'no-answer' });
    const dc2 = of(fs, 'DC2');
    assert.equal(dc2?.severity, 'unknown');
    assert.equal(dc2?.code, 'port.host-silent');
    assert.match(dc2?.reason ?? '', /no-answer \(test\)/);
    const unresolved = of(await run({ 'ex01.contoso.test': 'unresolved' }), 'EX01');
    assert.equal(unresolved?.code, 'port.unresolved');
  });

  it('ports no enabled connector binds are only informational', () => {
    const ex = server('EX05');
    ex.receiveConnectors = [
      {
        name: 'Default EX05',
        dn: 'x',
        server: 'EX05',
        enabled: true,
        authFlags: 31,
        authMechanisms: [],
        bindings: ['0.0.0.0:2525'],
        remoteIpRanges: [],
      },
    ];
    const specs = transportPortsOf(ex);
    assert.deepEqual(
      specs.filter((s) => s.importance !== 'optional').map((s) => s.port),
      [2525],
    );
  });
});

describe('step 4: one TCP port', () => {
  it('classifies open, refused, no answer and unresolved from the connector', async () => {
    const cases: [FakeIo, string][] = [
      [new FakeIo(), 'open'],
      [new FakeIo({ tcp: () => failAfter(1, new DoctorError('refused', 'connection refused')) }), 'refused'],
      [new FakeIo({ tcp: () => hang() }), 'no-answer'],
      [new FakeIo({ tcp: () => failAfter(1, new DoctorError('dns', 'no such host')) }), 'unresolved'],
      [new FakeIo({ tcp: () => failAfter(1, new TimeoutError('x', 5)) }), 'no-answer'],
    ];
    for (const [fake, expected] of cases) {
      const a = await tcpPortState(fake.io, 'dc1.contoso.test', 88, { timeoutMs: 50 });
      assert.equal(a.state, expected);
      assert.equal(fake.inFlight, 0);
    }
  });

  it('rethrows cancellation', async () => {
    const c = new AbortController();
    const p = tcpPortState(new FakeIo({ tcp: () => hang() }).io, 'dc1.contoso.test', 88, {
      timeoutMs: 5000,
      signal: c.signal,
    });
    c.abort();
    await assert.rejects(p, /cancelled/);
  });
});

describe('step 4 remedies', () => {
  it('quote every name; refuse what is not a host name', () => {
    assert.equal(testNetConnection('EX01', "dc1'; Remove-Item C:\\", 88), undefined);
    assert.equal(remotePortSweep(['ex01.contoso.test', 'ex02$(calc)'], ['dc1.contoso.test'], [88]), undefined);
    assert.equal(remotePortSweep([], ['dc1.contoso.test'], [88]), undefined);
    const ok = remotePortSweep(['EX01'], ['dc1.contoso.test'], [88, 464]);
    assert.match(
      ok?.command ?? '',
      /^Invoke-Command -ComputerName 'EX01' -ScriptBlock \{ foreach \(\$t in @\('dc1\.contoso\.test'\)\) \{ foreach \(\$p in @\(88,464\)\)/,
    );
  });
});
