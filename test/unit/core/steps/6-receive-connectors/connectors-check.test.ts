import { strict as assert } from 'node:assert';
import { createConnectorsCheck } from '../../../../../src/core/steps/6-receive-connectors/connectors-check';
import type { SmtpProber } from '../../../../../src/core/steps/6-receive-connectors/connectors-live';
import { setExchangeServerAuth } from '../../../../../src/core/steps/6-receive-connectors/connectors-remedies';
import type { ReceiveConnector } from '../../../../../src/core/directory/model';
import { contosoEntries } from '../../directory/contoso-fixture';
import type { DirectoryEntry } from '../../../../../src/core/io';
import { DoctorError } from '../../../../../src/core/errors';
import { fakeContext } from '../3-spns/spn-fake-context';

const DNS = { 'ex01.contoso.test': ['127.0.0.11'], 'ex02.contoso.test': ['127.0.0.12'] };
const EX02_DEFAULT = /^CN=Default EX02,/;

/** Contoso with EX02's Default connector enabled on 2525 for everyone, with the given flags. */
function entries(ex02DefaultFlags: string, extra: DirectoryEntry[] = []): DirectoryEntry[] {
  return [
    ...contosoEntries().map((e) =>
      EX02_DEFAULT.test(e.dn)
        ? {
            dn: e.dn,
            attributes: {
              ...e.attributes,
              msExchSMTPReceiveInboundSecurityFlag: [ex02DefaultFlags],
              msExchSmtpReceiveEnabled: ['TRUE'],
              msExchSmtpReceiveRemoteIPRanges: ['0.0.0.0-255.255.255.255'],
            },
          }
        : e,
    ),
    ...extra,
  ];
}

const wire =
  (anonymousTls: boolean): SmtpProber =>
  () =>
    Promise.resolve({
      verbs: ['SIZE 37748736', 'STARTTLS', ...(anonymousTls ? ['X-ANONYMOUSTLS'] : []), 'X-EXPS GSSAPI NTLM'],
      offersAnonymousTls: anonymousTls,
      expsMechanisms: ['GSSAPI', 'NTLM'],
      localAddress: '127.0.0.1',
    });

describe('step 6 check: receive connectors', () => {
  it('reports the EX02 Default connector without ExchangeServer as an error with the Set-ReceiveConnector line', async () => {
    const { ctx, findings } = await fakeContext({
      entries: entries('15'),
      dns: DNS,
      scope: { kind: 'server', server: 'EX02' },
    });
    await createConnectorsCheck().run(ctx);
    const err = findings.filter((f) => f.severity === 'error');
    assert.equal(err.length, 1);
    const f = err[0]!;
    assert.equal(f.code, 'connector.no-exchange-auth');
    assert.equal(f.step, 6);
    assert.deepEqual(f.subject.kind, 'connector');
    assert.equal(f.subject.name, 'EX02\\Default EX02');
    const set = f.remedies.find((r) => r.changesState)!;
    assert.equal(
      set.command,
      "Set-ReceiveConnector -Identity 'EX02\\Default EX02' -AuthMechanism 'Tls, Integrated, BasicAuth, BasicAuthRequireTLS, ExchangeServer'",
    );
    const get = f.remedies.find((r) => !r.changesState)!;
    assert.equal(
      get.command,
      'Get-ReceiveConnector -Server EX02 | Format-List Name,AuthMechanism,PermissionGroups,Bindings,RemoteIPRanges',
    );
    assert.ok(f.evidence.some((e) => /EX01 127\.0\.0\.11 on 2525/.test(e.value)));
  });

  it('passes connectors with ExchangeServer and reports what they take', async () => {
    const { ctx, findings } = await fakeContext({ entries: entries('31'), dns: DNS });
    await createConnectorsCheck().run(ctx);
    assert.deepEqual(
      findings.filter((f) => f.severity === 'error'),
      [],
    );
    const oks = findings
      .filter((f) => f.code === 'connector.exchange-auth')
      .map((f) => f.subject.name)
      .sort();
    // EX01's Default takes EX02 on 2525 (its frontend has no remote ranges, so takes nobody); EX02's Default takes EX01.
    assert.deepEqual(oks, ['EX01\\Default EX01', 'EX02\\Default EX02']);
  });

  it('reports a relay connector that captures the other Exchange server', async () => {
    const relay: DirectoryEntry = {
      dn: `CN=Relay scanners,CN=SMTP Receive Connectors,CN=Protocols,${contosoEntries().find((e) => /^CN=EX02,CN=Servers/.test(e.dn))!.dn}`,
      attributes: {
        objectClass: ['msExchSmtpReceiveConnector'],
        cn: ['Relay scanners'],
        msExchSMTPReceiveInboundSecurityFlag: ['1'],
        msExchSmtpReceiveBindings: ['0.0.0.0:2525'],
        msExchSmtpReceiveRemoteIPRanges: ['127.0.0.0/24'],
        msExchSmtpReceiveEnabled: ['TRUE'],
      },
    };
    const { ctx, findings } = await fakeContext({
      entries: entries('31', [relay]),
      dns: DNS,
      scope: { kind: 'pair', sending: 'EX01', receiving: 'EX02' },
    });
    await createConnectorsCheck().run(ctx);
    const err = findings.filter((f) => f.severity === 'error');
    assert.deepEqual(
      err.map((f) => [f.code, f.subject.name]),
      [['connector.relay-captures-exchange', 'EX02\\Relay scanners']],
    );
    // Both fixes: narrow the relay's ranges so EX01 (127.0.0.11) falls back to the default
    // connector, or give the relay Exchange Server authentication, keeping its Tls.
    assert.deepEqual(
      err[0]?.remedies.filter((r) => r.changesState).map((r) => r.command),
      [
        "Set-ReceiveConnector -Identity 'EX02\\Relay scanners' -RemoteIPRanges '127.0.0.0-127.0.0.10','127.0.0.12-127.0.0.255'",
        "Set-ReceiveConnector -Identity 'EX02\\Relay scanners' -AuthMechanism 'Tls, ExchangeServer'",
      ],
    );
    assert.match(err[0]?.remedies[0]?.summary ?? '', /leaves out EX01 \(127\.0\.0\.11\)/);
  });

  it('says it cannot tell when the sender does not resolve', async () => {
    const { ctx, findings } = await fakeContext({
      entries: entries('31'),
      dns: { 'ex02.contoso.test': ['127.0.0.12'] },
      scope: { kind: 'server', server: 'EX02' },
    });
    await createConnectorsCheck().run(ctx);
    const u = findings.find((f) => f.code === 'connector.sender-unresolved')!;
    assert.equal(u.severity, 'unknown');
    assert.match(u.reason ?? '', /ex01\.contoso\.test/);
  });

  it('compares the wire with the directory: ExchangeServer in AD but no X-ANONYMOUSTLS is an error', async () => {
    const { ctx, findings } = await fakeContext({
      entries: entries('31'),
      dns: DNS,
      scope: { kind: 'server', server: 'EX02' },
    });
    await createConnectorsCheck(wire(false)).run(ctx);
    const f = findings.find((x) => x.code === 'connector.wire-lacks-anonymoustls')!;
    assert.equal(f.severity, 'error');
    assert.equal(f.subject.name, 'EX02\\Default EX02');
    assert.ok(f.evidence.some((e) => e.label === 'EHLO verbs' && e.source === 'EHLO to ex02.contoso.test:2525'));
    assert.ok(f.evidence.some((e) => e.label === 'AuthMechanism in AD' && e.value.startsWith('31')));
  });

  it('agrees when both say the same, warns when only the wire offers X-ANONYMOUSTLS', async () => {
    let r = await fakeContext({ entries: entries('31'), dns: DNS, scope: { kind: 'server', server: 'EX02' } });
    await createConnectorsCheck(wire(true)).run(r.ctx);
    assert.ok(r.findings.some((f) => f.code === 'connector.wire-agrees'));
    r = await fakeContext({ entries: entries('15'), dns: DNS, scope: { kind: 'server', server: 'EX02' } });
    await createConnectorsCheck(wire(true)).run(r.ctx);
    assert.equal(r.findings.find((f) => f.code === 'connector.wire-offers-anonymoustls')?.severity, 'warning');
  });

  it('gives an unknown finding when the port does not answer', async () => {
    const { ctx, findings } = await fakeContext({
      entries: entries('31'),
      dns: DNS,
      scope: { kind: 'server', server: 'EX02' },
    });
    await createConnectorsCheck(() =>
      Promise.reject(new DoctorError('timeout', 'ex02.contoso.test:2525 did not answer within 1 s')),
    ).run(ctx);
    const f = findings.find((x) => x.code === 'connector.probe-failed')!;
    assert.equal(f.severity, 'unknown');
    assert.match(f.reason!, /did not answer/);
    assert.equal(f.subject.id, 'ex02.contoso.test:2525');
  });
});

describe('step 6 remedies keep what the connector had', () => {
  const connector = (authFlags: number): ReceiveConnector => ({
    name: 'Default EX02',
    dn: 'CN=Default EX02',
    server: 'EX02',
    enabled: true,
    authFlags,
    authMechanisms: [],
    bindings: ['0.0.0.0:2525'],
    remoteIpRanges: ['0.0.0.0-255.255.255.255'],
  });
  const mechanism = (flags: number): string =>
    /-AuthMechanism '([^']*)'/.exec(setExchangeServerAuth(connector(flags))?.command ?? '')?.[1] ?? '';

  it('adds ExchangeServer to the mechanisms the connector had, and Tls, which Exchange Server authentication needs', () => {
    assert.equal(mechanism(15), 'Tls, Integrated, BasicAuth, BasicAuthRequireTLS, ExchangeServer');
    assert.equal(mechanism(0), 'Tls, ExchangeServer');
    assert.equal(mechanism(2), 'Tls, Integrated, ExchangeServer');
    assert.equal(mechanism(32), 'Tls, ExchangeServer, ExternalAuthoritative');
  });
});
