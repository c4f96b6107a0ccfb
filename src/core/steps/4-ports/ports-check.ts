/**
 * Step 4: can the Kerberos and directory ports of every DC, and the transport ports of every
 * Exchange server in scope, be reached? Tested from this machine, which is not where the traffic
 * that matters flows, so every finding also carries the Test-NetConnection lines to run on the
 * Exchange servers and a PowerShell remoting form that tests all of them at once.
 */
import { STEP_TITLES, type Finding, type Remedy, type Severity, type Subject } from '../../../shared/findings';
import type { Check, CheckContext } from '../../engine/check';
import type { DomainController, ExchangeServer } from '../../directory/model';
import { forEachAtOnce } from '../../engine/limit';
import { portTestRemedies, remotePortSweep } from './port-remedies';
import { kdcServiceRemedies } from './kdc-remedies';
import { DC_PORTS, DC_TCP_PORTS, transportPortsOf, type PortSpec } from './ports-plan';
import type { PortAnswer, PortProbes, PortState } from './ports-probe';
import { kdcPrincipal } from '../1-clocks/clock-check';
import { evidence } from '../3-spns/spn-context';
import { chooseServerNames, nameChoice, probeName } from '../../engine/server-names';

export function createPortsCheck(probes: PortProbes): Check {
  return { id: 'ports', step: 4, title: STEP_TITLES[4], run: (ctx) => runPortsCheck(ctx, probes) };
}

export interface PortResult {
  spec: PortSpec;
  answer: PortAnswer;
}

interface Target {
  subject: Subject;
  host: string;
  specs: readonly PortSpec[];
  role: 'dc' | 'server';
}

function serverAddress(ctx: CheckContext, s: ExchangeServer): string {
  return probeName(ctx, s);
}

async function runPortsCheck(ctx: CheckContext, probes: PortProbes): Promise<void> {
  await chooseServerNames(ctx, ctx.servers);
  const targets: Target[] = [
    ...ctx.domainControllers.map((dc: DomainController): Target => ({
      subject: { kind: 'dc', name: dc.name, ...(dc.fqdn ? { id: dc.fqdn } : {}) },
      host: dc.fqdn ?? dc.name,
      specs: DC_PORTS,
      role: 'dc',
    })),
    ...ctx.servers.map((s): Target => ({
      subject: { kind: 'server', name: s.name, id: serverAddress(ctx, s) },
      host: serverAddress(ctx, s),
      specs: transportPortsOf(s),
      role: 'server',
    })),
  ];
  const principal = kdcPrincipal(ctx.servers);
  // Every host and every port at once: a silent host costs one connect timeout, however many there are.
  await forEachAtOnce(targets, ctx.signal, async (t) => {
    const results = await Promise.all(
      t.specs.map(async (spec): Promise<PortResult> => {
        const options = { timeoutMs: ctx.settings.probeTimeoutMs, signal: ctx.signal };
        const answer =
          spec.protocol === 'udp'
            ? await probes.kerberosUdp(ctx.io, t.host, { ...options, realm: ctx.settings.realm, principal })
            : isKdcTcp(spec)
              ? await probes.kerberosTcp(ctx.io, t.host, { ...options, realm: ctx.settings.realm, principal })
              : await probes.tcp(ctx.io, t.host, spec.port, options);
        return { spec, answer };
      }),
    );
    if (!ctx.signal.aborted) ctx.emit(portFinding(ctx, t, results));
  });
}

/** TCP 88 is judged by a Kerberos exchange: a hung KDC still accepts connections. */
function isKdcTcp(spec: PortSpec): boolean {
  return spec.kerberos === true && spec.protocol === 'tcp' && spec.port === 88;
}

/** States in which the host itself answered (a refusal, or an accepted connection). */
const ANSWERED: ReadonlySet<PortState> = new Set(['open', 'refused', 'no-reply']);
const LDAP_PORTS: ReadonlySet<number> = new Set([389, 636, 3268, 3269]);

function label(r: PortResult): string {
  return `${r.spec.protocol.toUpperCase()} ${r.spec.port}`;
}

function stateText(r: PortResult): string {
  if (r.answer.state === 'no-reply')
    return r.spec.kerberos
      ? 'accepts connections but sends no Kerberos reply'
      : 'accepts connections but does not reply';
  return r.answer.state === 'no-answer' ? 'no answer' : r.answer.state;
}

/**
 * LDAP answers while TCP 88 is refused (and UDP 88 refused or silent): the DC is up and reachable
 * through the firewall, but nothing listens for Kerberos, so the KDC service is not running.
 * A firewall drops rather than refuses, so a refusal on 88 next to an open LDAP port is the service.
 */
function kdcStopped(results: readonly PortResult[]): boolean {
  const state = (protocol: string): PortState | undefined =>
    results.find((r) => r.spec.kerberos && r.spec.port === 88 && r.spec.protocol === protocol)?.answer.state;
  const ldap = results.some((r) => LDAP_PORTS.has(r.spec.port) && r.answer.state === 'open');
  const udp = state('udp');
  return ldap && state('tcp') === 'refused' && (udp === 'refused' || udp === 'no-answer');
}

/** Severity and code of a host's results (see ./ports-plan.ts for why each port weighs what it does). */
export function classifyResults(
  role: 'dc' | 'server',
  results: readonly PortResult[],
): { severity: Severity; code: string; failing: PortResult[] } {
  const failing = results.filter((r) => r.answer.state !== 'open' && r.answer.state !== 'untested');
  if (!results.some((r) => ANSWERED.has(r.answer.state))) {
    const unresolved = results.some((r) => r.answer.state === 'unresolved');
    return { severity: 'unknown', code: unresolved ? 'port.unresolved' : 'port.host-silent', failing };
  }
  const kerberos = failing.filter((r) => r.spec.kerberos);
  if (kerberos.length && role === 'dc' && kdcStopped(results))
    return { severity: 'error', code: 'port.kdc-stopped', failing };
  if (kerberos.some((r) => r.answer.state === 'no-reply'))
    return { severity: 'error', code: 'port.kdc-silent', failing };
  if (kerberos.length) return { severity: 'error', code: 'port.kerberos-blocked', failing };
  if (failing.some((r) => r.spec.importance === 'required'))
    return { severity: 'error', code: role === 'server' ? 'port.transport-blocked' : 'port.blocked', failing };
  if (failing.some((r) => r.spec.importance === 'needed'))
    return { severity: 'warning', code: 'port.blocked', failing };
  return { severity: 'ok', code: 'port.open', failing };
}

/** `TCP 88, UDP 88 and TCP 464 refused` */
function listed(rs: readonly PortResult[]): string {
  const labels = rs.map(label);
  return labels.length > 1 ? `${labels.slice(0, -1).join(', ')} and ${labels.at(-1) ?? ''}` : (labels[0] ?? '');
}

function kdcStoppedTitle(t: Target, failing: readonly PortResult[]): string {
  const kerberos = failing.filter((r) => r.spec.kerberos);
  const refused = kerberos.filter((r) => r.answer.state === 'refused');
  const silent = kerberos.filter((r) => r.answer.state !== 'refused');
  const parts = [`${listed(refused)} refused`, ...(silent.length ? [`${listed(silent)} no answer`] : [])];
  return `${t.subject.name}: the Kerberos Key Distribution Center (KDC) service is not running (LDAP answers; ${parts.join(', ')})`;
}

function titleOf(
  t: Target,
  code: string,
  severity: Severity,
  results: readonly PortResult[],
  failing: readonly PortResult[],
): string {
  if (code === 'port.kdc-stopped') return kdcStoppedTitle(t, failing);
  if (severity === 'unknown') {
    const first = results[0]?.answer;
    return first?.state === 'unresolved'
      ? `${t.subject.name} (${t.host}) does not resolve`
      : `${t.subject.name} (${t.host}) answered on none of its ports`;
  }
  const counted = failing.filter((r) => r.spec.importance !== 'optional' || severity === 'ok');
  if (severity === 'ok') {
    const optional = failing.length ? `; closed but optional: ${failing.map(label).join(', ')}` : '';
    const untested = results.filter((r) => r.answer.state === 'untested');
    const notTested = untested.length ? `; not tested from here: ${untested.map(label).join(', ')}` : '';
    return `${t.subject.name} answers on ${results
      .filter((r) => r.answer.state === 'open')
      .map(label)
      .join(', ')}${optional}${notTested}`;
  }
  const important = counted.filter((r) => r.spec.importance !== 'optional');
  return `${t.subject.name}: ${important.map((r) => `${label(r)} (${r.spec.purpose.split(/[;(,]/)[0]?.trim()}) ${stateText(r)}`).join(', ')}`;
}

const EXPLAIN: Record<string, string> = {
  'port.kdc-stopped':
    'This DC answers LDAP, so it is up and reachable, but refuses Kerberos: no process listens on port 88, which means the Kerberos Key Distribution Center service (Kdc) is stopped or failed to start. Exchange servers that ask this DC for tickets fail or wait, and Exchange Server authentication fails with 454 4.7.0. On the DC, check the service and the KDC events of the System log with the lines below; Kdc should run, start automatically, and the events say why it stopped.',
  'port.kdc-silent':
    'Port 88 accepts connections but the KDC never answers a Kerberos request: the KDC service is hung or overloaded, or something else holds the port. A TCP connect alone would call this port open. Ticket requests to this DC wait until they time out, and Exchange Server authentication fails with 454 4.7.0. Look at the DC: the Kdc service, its events in the System log, and the load of lsass.exe.',
  'port.kerberos-blocked':
    'Exchange servers get Kerberos tickets from the DCs on port 88 (UDP first, TCP for large tickets) and 464. When a DC cannot be reached there, ticket requests fail or wait for a timeout and Exchange Server authentication fails with 454 4.7.0. This was tested from this machine; confirm from the Exchange servers with the lines below.',
  'port.transport-blocked':
    'Other Exchange servers deliver mail to this server on these ports. When they cannot reach them, mail queues on the sending side. This was tested from this machine; confirm from the other Exchange servers with the lines below.',
  'port.blocked':
    'Exchange also needs these ports for its directory lookups and management. They are not what Kerberos itself uses, but a blocked one causes other failures. Confirm from the Exchange servers with the lines below.',
  'port.open':
    'Every port that matters answered from this machine. The path that matters runs from the Exchange servers; the lines below test it there.',
  'port.host-silent':
    'Not a single port answered within the probe timeout: the host is down, its address is wrong, or a firewall drops everything from this machine. Nothing can be said about individual ports.',
  'port.unresolved': 'The name does not resolve from this machine, so no port could be tested.',
};

function remediesFor(ctx: CheckContext, t: Target, code: string, failing: readonly PortResult[]): Remedy[] {
  const tcpFailing = failing
    .filter((r) => r.spec.protocol === 'tcp' && r.spec.importance !== 'optional')
    .map((r) => r.spec.port);
  if (t.role === 'dc') {
    const from = ctx.servers.map((s) => s.name);
    const service = code === 'port.kdc-stopped' || code === 'port.kdc-silent' ? kdcServiceRemedies(t.subject.name) : [];
    const sweep = remotePortSweep(
      ctx.servers.map((s) => serverAddress(ctx, s)),
      ctx.domainControllers.map((d) => d.fqdn ?? d.name),
      DC_TCP_PORTS,
    );
    return [
      ...service,
      ...portTestRemedies(from, t.host, tcpFailing.length ? tcpFailing : [88]),
      ...(sweep ? [sweep] : []),
    ];
  }
  const others = ctx.allServers.filter((s) => s.name !== t.subject.name);
  const ports = t.specs.filter((s) => s.importance !== 'optional').map((s) => s.port);
  const sweep = remotePortSweep(
    others.map((s) => serverAddress(ctx, s)),
    [t.host],
    ports,
    'Exchange server',
  );
  return [
    ...portTestRemedies(
      others.map((s) => s.name),
      t.host,
      tcpFailing.length ? tcpFailing : ports.slice(0, 1),
    ),
    ...(sweep ? [sweep] : []),
  ];
}

/** Which of a server's two names was probed, and why, when its dNSHostName and registered FQDN differ. */
function namedEvidence(ctx: CheckContext, t: Target) {
  const server = t.role === 'server' ? ctx.servers.find((s) => s.name === t.subject.name) : undefined;
  const why = server ? nameChoice(ctx, server)?.why : undefined;
  return why ? [evidence(ctx, 'name probed', why, 'DNS resolver of this machine')] : [];
}

export function portFinding(ctx: CheckContext, t: Target, results: readonly PortResult[]): Finding {
  const { severity, code, failing } = classifyResults(t.role, results);
  const finding: Finding = {
    code,
    step: 4,
    severity,
    subject: t.subject,
    title: titleOf(t, code, severity, results, failing),
    explanation: EXPLAIN[code] ?? '',
    evidence: [
      ...namedEvidence(ctx, t),
      ...results.map((r) =>
        evidence(
          ctx,
          `${label(r)} ${r.spec.purpose}`,
          `${stateText(r)}: ${r.answer.detail}`,
          `from this machine to ${t.host}:${r.spec.port}`,
        ),
      ),
    ],
    tables: [
      {
        caption: `Ports of ${t.subject.name} (${t.host}) from this machine`,
        columns: ['Port', 'Purpose', 'Matters', 'State', 'Detail'],
        rows: results.map((r) => [label(r), r.spec.purpose, r.spec.importance, stateText(r), r.answer.detail]),
      },
    ],
    remedies: remediesFor(ctx, t, code, failing),
  };
  if (severity === 'unknown')
    finding.reason = `${t.host}: ${[...new Set(results.map((r) => r.answer.detail))].join('; ')}`;
  return finding;
}
