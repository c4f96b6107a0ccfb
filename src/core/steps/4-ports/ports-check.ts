/**
 * Step 4: can the Kerberos and directory ports of every DC, and the transport ports of every
 * Exchange server in scope, be reached? Tested from this machine, which is not where the traffic
 * that matters flows, so every finding also carries the Test-NetConnection lines to run on the
 * Exchange servers and a PowerShell remoting form that tests all of them at once. What the probes
 * saw is judged and worded by ./port-reachability.ts, as a terminal run of Test-NetConnection is.
 */
import { STEP_TITLES, type Finding, type Remedy, type Subject } from '../../../shared/findings';
import type { Check, CheckContext } from '../../engine/check';
import type { DomainController, ExchangeServer } from '../../directory/model';
import { forEachAtOnce } from '../../engine/limit';
import { portTestRemedies, remotePortSweep } from './port-remedies';
import { kdcServiceRemedies } from './kdc-remedies';
import { DC_PORTS, DC_TCP_PORTS, transportPortsOf, type PortSpec } from './ports-plan';
import type { PortProbes } from './ports-probe';
import { hostPortsFinding, type PortCode, type PortReachability, type PortResult } from './port-reachability';
import { kdcPrincipal } from '../1-clocks/clock-check';
import { nowIso } from '../3-spns/spn-context';
import { phraseEvidence } from '../../findings/phrase-evidence';
import { sourceOf } from '../../l10n/worded-parts';
import { text } from '../../l10n/render';
import { chooseServerNames, nameChoice, probeName } from '../../engine/server-names';
import type { FindingCode } from '../finding-codes';

export function createPortsCheck(probes: PortProbes): Check {
  return { id: 'ports', step: 4, title: STEP_TITLES[4], run: (ctx) => runPortsCheck(ctx, probes) };
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
        const seen: PortReachability = {
          host: t.host,
          port: spec.port,
          protocol: spec.protocol,
          outcome: answer,
          ...sourceOf(text('fp.4.source.from-here', { target: `${t.host}:${spec.port}` })),
          observedAt: nowIso(ctx),
        };
        return { spec, seen };
      }),
    );
    if (!ctx.signal.aborted) ctx.emit(portFinding(ctx, t, results));
  });
}

/** TCP 88 is judged by a Kerberos exchange: a hung KDC still accepts connections. */
function isKdcTcp(spec: PortSpec): boolean {
  return spec.kerberos === true && spec.protocol === 'tcp' && spec.port === 88;
}

function remediesFor(ctx: CheckContext, t: Target, code: PortCode, failing: readonly PortResult[]): Remedy[] {
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
  return why ? [phraseEvidence(ctx, 'fp.4.label.name-probed', {}, why, 'DNS resolver of this machine')] : [];
}

export function portFinding(ctx: CheckContext, t: Target, results: readonly PortResult[]): Finding<FindingCode> {
  return hostPortsFinding(
    { subject: t.subject, host: t.host, role: t.role, results },
    {
      evidence: namedEvidence(ctx, t),
      remedies: (code, failing) => remediesFor(ctx, t, code, failing),
    },
  );
}
