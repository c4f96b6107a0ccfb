/**
 * One observation, two observers: the engine's port probes and a terminal run of
 * Test-NetConnection against the same host and ports end in the same interpreter
 * (src/core/steps/4-ports/port-reachability.ts) and give the same code and wording.
 */
import { strict as assert } from 'node:assert';
import { Duplex } from 'node:stream';
import type { Finding } from '../../../../../src/shared/findings';
import { DoctorError } from '../../../../../src/core/errors';
import { runDiagnosis } from '../../../../../src/core/engine/orchestrator';
import { createPortsCheck } from '../../../../../src/core/steps/4-ports/ports-check';
import { tcpPortState, type PortProbes } from '../../../../../src/core/steps/4-ports/ports-probe';
import { portFindings } from '../../../../../src/core/steps/4-ports/test-netconnection-findings';
import { wordingOf } from '../../../../../src/core/steps/finding-codes';
import { text } from '../../../../../src/core/l10n/render';
import { FakeIo, failAfter } from '../../engine/fake-io';
import { credentials, discovery, server, settings, targets } from '../../engine/fixtures';
import { ctx, fixture } from '../../tools/windows-fixtures';

const TRANSPORT = [25, 2525, 465, 717];

/** The engine's check, its TCP test the real one over a fake network where `closed` ports refuse. */
async function engineFinding(host: string, closed: number[]): Promise<Finding | undefined> {
  const io = new FakeIo({
    tcp: (h, port) =>
      h === host && closed.includes(port)
        ? failAfter(1, new DoctorError('refused', 'connection refused'))
        : () => Promise.resolve(new Duplex({ read() {} })),
  }).io;
  const open = () => Promise.resolve({ state: 'open' as const, detail: 'KDC answered in 1 ms' });
  const probes: PortProbes = { tcp: tcpPortState, kerberosTcp: open, kerberosUdp: open };
  const { findings } = await runDiagnosis({
    io,
    discovery: discovery(),
    scope: { kind: 'organisation' },
    settings: settings({ steps: [4] }),
    directory: { targets, credentials },
    checks: [createPortsCheck(probes)],
  });
  return findings.find((f) => f.subject.id === host);
}

/** Test-NetConnection's list view, one record per port, as in test/fixtures/windows/tnc-two-targets.txt. */
function tncOutput(host: string, address: string, closed: number[]): string {
  return TRANSPORT.map((port) =>
    [
      ...(closed.includes(port) ? [`WARNING: TCP connect to (${address} : ${port}) failed`] : []),
      `ComputerName     : ${host}`,
      `RemoteAddress    : ${address}`,
      `RemotePort       : ${port}`,
      'InterfaceAlias   : Ethernet0',
      'SourceAddress    : 192.168.10.21',
      `TcpTestSucceeded : ${closed.includes(port) ? 'False' : 'True'}`,
      '',
    ].join('\r\n'),
  ).join('\r\n');
}

function terminalFinding(host: string, closed: number[]): Finding | undefined {
  const fs = portFindings(
    tncOutput(host, '192.168.10.22', closed),
    0,
    ctx({ server: server('EX02'), commandLine: `Test-NetConnection -ComputerName ${host} -Port 25` }),
  );
  assert.equal(fs.length, 1, JSON.stringify(fs.map((f) => f.title)));
  return fs[0];
}

describe('step 4: one interpreter for the engine probe and Test-NetConnection', () => {
  it('every transport port open: the same code, subject, title and explanation both ways', async () => {
    const engine = await engineFinding('ex02.contoso.test', []);
    const terminal = terminalFinding('ex02.contoso.test', []);
    assert.ok(engine && terminal);
    assert.equal(terminal.code, 'port.open');
    for (const key of ['code', 'severity', 'step', 'title', 'explanation'] as const)
      assert.equal(terminal[key], engine[key], key);
    assert.deepEqual(terminal.subject, engine.subject);
    assert.equal(engine.title, 'EX02 answers on TCP 25, TCP 2525, TCP 465, TCP 717');
    assert.equal(engine.explanation, wordingOf('port.open')?.explanation);
  });

  it('the hub port closed: the same code and explanation; the title differs only where the tool knows less', async () => {
    const engine = await engineFinding('ex02.contoso.test', [2525]);
    const terminal = terminalFinding('ex02.contoso.test', [2525]);
    assert.ok(engine && terminal);
    assert.equal(engine.code, 'port.transport-blocked');
    for (const key of ['code', 'severity', 'step', 'explanation'] as const)
      assert.equal(terminal[key], engine[key], key);
    assert.equal(engine.title, 'EX02: TCP 2525 (SMTP) refused');
    // Test-NetConnection does not say whether the port refused or dropped the connection.
    assert.equal(terminal.title, 'EX02: TCP 2525 (SMTP) did not accept a connection');
    const failure = {
      port: 'TCP 2525',
      purpose: text('fp.4.purpose.smtp-short'),
      state: text('fp.4.state.not-accepted'),
    };
    assert.deepEqual(terminal.params, { ...engine.params, failures: [text('fp.4.failure', failure)] });
    assert.match(terminal.evidence.find((e) => e.label.startsWith('TCP 2525'))?.value ?? '', /TCP connect to/);
  });

  it('a terminal run over two DCs gives one finding per host, judged with the DC ports list', () => {
    const fs = portFindings(fixture('tnc-two-targets.txt'), 0, ctx({ commandLine: 'Test-NetConnection ...' }));
    assert.deepEqual(
      fs.map((f) => `${f.subject.name} ${f.code}:${f.severity} ${f.title}`),
      [
        'dc1.contoso.test port.open:ok dc1.contoso.test answers on TCP 88',
        'dc2.contoso.test port.kerberos-blocked:error dc2.contoso.test: TCP 88 (Kerberos) did not accept a connection',
      ],
    );
    assert.equal(fs[1]?.explanation, wordingOf('port.kerberos-blocked')?.explanation);
  });
});
