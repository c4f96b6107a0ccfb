/**
 * The scenarios of steps 4 to 6 the wholly-worded test (./steps-4-6-wholly-worded.test.ts) words in
 * Chinese and Hebrew: the interpreters over the states and observations of the steps' unit tests,
 * the Windows fixtures, and the engine's connector, selection, SMTP path and TLS checks over the
 * contoso directory with the wire faked.
 */
import { sourceOf } from '../../../../src/core/l10n/worded-parts';
import { text } from '../../../../src/core/l10n/render';
import { strict as assert } from 'node:assert';
import type { Finding } from '../../../../src/shared/findings';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { authMechanismsFromFlags, type ReceiveConnector } from '../../../../src/core/directory/model';
import type { CoreIo } from '../../../../src/core/io';
import type { DiscoveryResult } from '../../../../src/core/directory/model';
import type { SmtpSessionResult } from '../../../../src/core/probes/smtp-session';
import { hostPortsFinding, type PortResult } from '../../../../src/core/steps/4-ports/port-reachability';
import { DC_PORTS, TRANSPORT_PORTS } from '../../../../src/core/steps/4-ports/ports-plan';
import type { PortState } from '../../../../src/core/steps/4-ports/ports-probe';
import { kdcServiceRemedies } from '../../../../src/core/steps/4-ports/kdc-remedies';
import { portTestRemedies, remotePortSweep } from '../../../../src/core/steps/4-ports/port-remedies';
import { judgeSites } from '../../../../src/core/steps/4-ports/kdc-sites-findings';
import { portFindings } from '../../../../src/core/steps/4-ports/test-netconnection-findings';
import { kerberosEventFindings } from '../../../../src/core/steps/5-kerberos-logging/kerberos-event-findings';
import { parseWinEvents } from '../../../../src/core/steps/5-kerberos-logging/winevent';
import {
  eventFindings,
  registryFindings,
} from '../../../../src/core/steps/5-kerberos-logging/kerberos-logging-tool-findings';
import { needsWindowsFinding } from '../../../../src/core/steps/5-kerberos-logging/kerberos-logging-check';
import { receiveConnectorFindings } from '../../../../src/core/steps/6-receive-connectors/connector-verdicts';
import { connectorFindings } from '../../../../src/core/steps/6-receive-connectors/receive-connector-findings';
import {
  listConnectors,
  narrowRemoteRanges,
  setExchangeServerAuth,
} from '../../../../src/core/steps/6-receive-connectors/connectors-remedies';
import {
  addExchangeServersGroup,
  addLinkLocalRange,
} from '../../../../src/core/steps/6-receive-connectors/permission-groups-remedy';
import { ctx as toolCtx, server } from '../tools/windows-fixtures';
import { createConnectorsCheck } from '../../../../src/core/steps/6-receive-connectors/connectors-check';
import { selectionCheck } from '../../../../src/core/steps/6-receive-connectors/selection-check';
import { createSmtpInspectionCheck } from '../../../../src/core/steps/4-ports/smtp-inspection-check';
import { createTlsCheck } from '../../../../src/core/steps/6-receive-connectors/tls-check';
import { entriesWithDefaultEx02, ex02TlsFindings } from '../steps/6-receive-connectors/ex02-connector-fixture';
import { fakeContext } from '../steps/3-spns/spn-fake-context';
import { settings } from '../engine/fixtures';

const fixture = (name: string): string => readFileSync(join(__dirname, '../../../fixtures/windows', name), 'utf8');
const AT = '2026-12-04T12:00:00.000Z';

// ---- Step 4 scenarios.
const result = (spec: PortResult['spec'], state: PortState, host: string): PortResult => ({
  spec,
  seen: {
    host,
    port: spec.port,
    protocol: spec.protocol,
    outcome: { state, detail: `${state} (probe)` },
    // As the engine's ports check writes it (src/core/steps/4-ports/ports-check.ts).
    ...sourceOf(text('fp.4.source.from-here', { target: `${host}:${spec.port}` })),
    observedAt: AT,
  },
});
function dc(states: Record<string, PortState>, fallback: PortState = 'open'): Finding {
  const host = 'dc1.contoso.test';
  const results = DC_PORTS.map((s) => result(s, states[`${s.protocol}${s.port}`] ?? fallback, host));
  return hostPortsFinding(
    { subject: { kind: 'dc', name: 'DC1' }, host, role: 'dc', results },
    {
      remedies: () => [
        ...kdcServiceRemedies('DC1'),
        ...portTestRemedies(['EX01'], host, [88, 389]),
        ...[remotePortSweep(['ex01.contoso.test'], [host], [88, 389])].filter((r) => r !== undefined),
      ],
    },
  );
}
function exchange(states: Record<string, PortState>): Finding {
  const host = 'ex02.contoso.test';
  const results = TRANSPORT_PORTS.map((s) => result(s, states[`${s.protocol}${s.port}`] ?? 'open', host));
  return hostPortsFinding(
    { subject: { kind: 'server', name: 'EX02' }, host, role: 'server', results },
    {
      remedies: () =>
        [remotePortSweep(['ex01.contoso.test'], [host], [25, 2525], 'Exchange server')].filter((r) => r !== undefined),
    },
  );
}
export function step4(): Finding[] {
  const site = (name: string) => ({ name, site: 'Site-A', subject: { kind: 'server' as const, name } });
  const kdc = (name: string, udp: PortState, tcp: PortState) => ({ dc: name, site: 'Site-A', udp, tcp, source: 'x' });
  const tnc = (name: string) => portFindings(fixture(name), 0, toolCtx({ commandLine: 'Test-NetConnection ...' }));
  return [
    dc({ tcp88: 'refused', udp88: 'no-answer', tcp464: 'refused' }),
    dc({ tcp88: 'no-reply' }),
    dc({ tcp88: 'no-answer', udp88: 'no-answer' }),
    dc({ tcp389: 'refused', tcp135: 'no-answer' }),
    dc({ tcp636: 'refused', tcp53: 'untested' }),
    dc({}, 'no-answer'),
    dc({}, 'unresolved'),
    exchange({ tcp2525: 'refused', tcp465: 'no-answer' }),
    exchange({ tcp717: 'not-accepted' }),
    ...judgeSites([site('EX01')], [], AT),
    ...judgeSites([site('EX01')], [kdc('DC1', 'no-answer', 'refused')], AT),
    ...judgeSites([site('EX01')], [kdc('DC1', 'open', 'no-reply')], AT),
    ...judgeSites([site('EX01')], [kdc('DC1', 'open', 'open')], AT),
    ...['tnc-two-targets.txt', 'tnc-failed-warning.txt', 'tnc-quiet.txt', 'tnc-88-open.txt'].flatMap(tnc),
  ];
}

// ---- Step 5 scenarios.
export function step5(): Finding[] {
  const observation = (file: string, logLevel: number | undefined | 'not-read') => {
    const parsed = parseWinEvents(fixture(file));
    assert.ok(parsed.recognised);
    return kerberosEventFindings({
      server: 'EX01',
      subject: { kind: 'server', name: 'EX01' },
      host: 'ex01.contoso.test',
      events: parsed.value,
      logLevel,
      eventSource: text('fp.5.source.winevent', { host: 'ex01.contoso.test' }),
      observedAt: AT,
    });
  };
  const tool = toolCtx({ server: server('EX01', []), commandLine: 'Get-WinEvent ...' });
  return [
    ...observation('winevent-system-kerberos.json', 1),
    ...observation('winevent-application-1035-single.json', 1),
    ...observation('winevent-kerberos3-de-properties.json', 'not-read'),
    ...observation('winevent-none.txt', undefined),
    ...observation('winevent-none.txt', 1),
    ...eventFindings(fixture('winevent-system-kerberos.json'), 0, tool),
    ...registryFindings(true, 'ERROR: Access is denied.', 1, tool),
    ...registryFindings(false, 'ERROR: Access is denied.', 1, tool),
    needsWindowsFinding({ io: { platform: 'linux' } as CoreIo, settings: settings() }, server('EX01', [])),
  ];
}

// ---- Step 6 scenarios.
function connector(name: string, flags: number, bindings: string[], ranges: string[], role?: number): ReceiveConnector {
  return {
    name,
    dn: `CN=${name},CN=EX02`,
    server: 'EX02',
    enabled: true,
    authFlags: flags,
    authMechanisms: authMechanismsFromFlags(flags),
    bindings,
    remoteIpRanges: ranges,
    ...(role !== undefined ? { transportRole: role } : {}),
  };
}
export function step6(): Finding[] {
  const all = ['0.0.0.0-255.255.255.255'];
  const def = connector('Default EX02', 31, ['0.0.0.0:2525'], all, 32);
  const relay = connector('Relay', 13, ['0.0.0.0:2525'], ['10.0.0.0/24'], 16384);
  const senders = [
    { server: 'EX01', address: '10.0.0.5' },
    { server: 'EX03', address: '10.9.9.9' },
  ];
  const remedies = () =>
    [
      setExchangeServerAuth(relay),
      narrowRemoteRanges(relay, senders),
      listConnectors('EX02'),
      addExchangeServersGroup(relay),
      addLinkLocalRange(def),
    ].filter((r) => r !== undefined);
  const observation = (connectors: ReceiveConnector[], withSenders = true) =>
    receiveConnectorFindings(
      {
        server: 'EX02',
        subject: { kind: 'server', name: 'EX02' },
        connectors,
        ...(withSenders ? { senders } : {}),
        source: 'LDAP ldaps://dc1.contoso.test',
        observedAt: AT,
      },
      remedies,
    );
  const tool = toolCtx({ server: server('EX02', []), commandLine: 'Get-ReceiveConnector -Server EX02' });
  const NOW = Date.parse(AT);
  const ctx = {
    io: { clock: { now: () => NOW, monotonic: () => 0 } } as unknown as CoreIo,
    discovery: { source: 'ldaps://dc1.contoso.test:636' } as unknown as DiscoveryResult,
  };
  const ex02 = { name: 'EX02', fqdn: 'ex02.contoso.test', dn: 'CN=EX02', roles: [], receiveConnectors: [] };
  const session = (over: Partial<SmtpSessionResult>): SmtpSessionResult => ({
    host: 'ex02.contoso.test',
    port: 2525,
    stages: [
      { stage: 'tcp', outcome: 'ok', detail: 'connected', ms: 1 },
      { stage: 'ehlo', outcome: 'ok', detail: '250 ok', ms: 2 },
    ],
    transcript: ['S: 220 ex02.contoso.test Microsoft ESMTP MAIL Service ready'],
    ehlo: { greeting: 'ex02.contoso.test Hello', keywords: ['STARTTLS', 'X-ANONYMOUSTLS', 'X-EXPS GSSAPI NTLM'] },
    upgrade: { verb: 'X-ANONYMOUSTLS', reply: '220 2.0.0 SMTP server ready' },
    ...over,
  });
  const tls = (certificate: object) => ({
    protocol: 'TLSv1.2',
    cipher: 'ECDHE-RSA-AES256-GCM-SHA384',
    certificate: {
      subject: 'CN=other',
      issuer: 'CN=other',
      subjectAltNames: ['DNS:other.contoso.test'],
      validFrom: '2020-01-01T00:00:00.000Z',
      validTo: '2021-01-01T00:00:00.000Z',
      selfSigned: true,
      fingerprint256: 'AA',
      thumbprint: 'AA',
      ...certificate,
    },
  });
  const run = (result: SmtpSessionResult, flags = 31, receiverSpeaks?: string) =>
    ex02TlsFindings(ctx, ex02, result, connector('Default EX02', flags, ['0.0.0.0:2525'], all), receiverSpeaks);
  const tlsError = (noCommonVersion: boolean) => ({
    message: 'handshake failed',
    offered: { min: 'TLSv1.2', max: 'TLSv1.3' },
    noCommonVersion,
  });
  return [
    ...observation([def, relay]),
    ...observation([def, relay], false),
    ...observation([relay], false),
    ...observation([connector('Client', 31, ['0.0.0.0:587'], all)]),
    ...observation([connector('Narrow', 31, ['0.0.0.0:2525'], ['10.0.0.5'])]),
    ...connectorFindings('', 0, tool),
    ...connectorFindings(fixture('receive-connector-fl.txt'), 0, tool),
    ...run(session({ stoppedAt: 'upgrade', upgrade: { verb: 'STARTTLS', reply: '454 4.7.0 TLS not available' } })),
    ...run(session({ stoppedAt: 'ehlo', upgrade: undefined })),
    ...run(session({ stoppedAt: 'banner', stages: [] })),
    ...run(session({ upgrade: undefined })),
    ...run(session({ tlsError: tlsError(true) } as Partial<SmtpSessionResult>)),
    ...run(session({ tlsError: tlsError(true) } as Partial<SmtpSessionResult>), 31, 'TLSv1 (ECDHE-RSA-AES256-SHA)'),
    ...run(session({ tlsError: tlsError(false) } as Partial<SmtpSessionResult>)),
    ...run(session({ tls: tls({}), ehloInTls: { greeting: 'x', keywords: ['AUTH NTLM'] } })),
    ...run(
      session({
        tls: tls({ subjectAltNames: ['DNS:ex02.contoso.test'], validTo: '2030-01-01T00:00:00.000Z' }),
        ehloInTls: { greeting: 'x', keywords: ['X-EXPS GSSAPI'] },
      }),
    ),
    ...run(
      session({
        tls: tls({ subjectAltNames: ['DNS:ex02.contoso.test'], validTo: '2030-01-01T00:00:00.000Z' }),
      }),
    ),
  ];
}

// ---- The engine's step 6 and SMTP path checks over the contoso directory, the wire faked.
export async function engineChecks(): Promise<Finding[]> {
  const dns = { 'ex01.contoso.test': ['127.0.0.11'], 'ex02.contoso.test': ['127.0.0.12'] };
  const wire = (anonymousTls: boolean) => () =>
    Promise.resolve({
      verbs: ['STARTTLS', ...(anonymousTls ? ['X-ANONYMOUSTLS'] : []), 'X-EXPS GSSAPI NTLM'],
      offersAnonymousTls: anonymousTls,
      expsMechanisms: ['GSSAPI', 'NTLM'],
      localAddress: '127.0.0.1',
    });
  const masked = (_io: CoreIo, host: string, port: number) =>
    Promise.resolve({
      host,
      port,
      banner: `220 ${'*'.repeat(30)}`,
      stages: [{ stage: 'ehlo' as const, outcome: 'ok' as const, detail: '250 ok', ms: 1 }],
      transcript: ['S: 220 ***'],
      ehlo: { greeting: 'x', keywords: ['XXXXXXXA', 'AUTH NTLM'] },
      localAddress: '127.0.0.1',
    });
  const all: Finding[] = [];
  for (const [flags, anonymousTls] of [
    ['15', true],
    ['31', false],
    ['31', true],
  ] as const) {
    const { ctx, findings } = await fakeContext({
      entries: entriesWithDefaultEx02(flags),
      dns,
      scope: { kind: 'organisation' },
    });
    await createConnectorsCheck(wire(anonymousTls)).run(ctx);
    await selectionCheck.run(ctx);
    await createSmtpInspectionCheck(masked).run(ctx);
    await createTlsCheck(masked).run(ctx);
    all.push(...findings);
  }
  return all;
}
