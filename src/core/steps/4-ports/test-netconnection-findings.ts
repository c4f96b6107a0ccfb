/**
 * Findings from a terminal run of `Test-NetConnection` against the Kerberos and transport ports
 * (step 4). Pure. Each result becomes a `PortReachability` of its host and each host's results go
 * through the same interpreter as the engine's probes (./port-reachability.ts), with the port's
 * weight from ./ports-plan.ts: the DC list for a DC, the server's transport ports for the server
 * the run was about.
 */
import type { Finding } from '../../../shared/findings';
import { makeFinding } from '../../findings/define';
import { parseTestNetConnection, type TestNetConnectionResult } from './test-netconnection';
import { portsFindings } from './finding-codes';
import { hostPortsFinding, type PortResult } from './port-reachability';
import { DC_PORTS, transportPortsOf, type PortSpec } from './ports-plan';
import type { PortAnswer } from './ports-probe';
import { unrecognisedFinding, valueEvidence, type ToolContext } from '../../tools/tool-output';
import type { FindingCode } from '../finding-codes';
import { reasonOf } from '../../l10n/worded-parts';

function isServer(ctx: ToolContext, target: string): boolean {
  const s = ctx.server;
  if (!s) return false;
  return [s.name, s.fqdn, s.computer?.dnsHostName].some((n) => n?.toLowerCase() === target.toLowerCase());
}

/** What a TCP port on this target is for; a port step 4 does not know counts as required (it was asked for). */
function specOf(ctx: ToolContext, role: 'dc' | 'server', port: number): PortSpec {
  const specs = role === 'server' && ctx.server ? transportPortsOf(ctx.server) : DC_PORTS;
  return (
    specs.find((s) => s.port === port && s.protocol === 'tcp') ?? {
      port,
      protocol: 'tcp',
      purpose: 'port tested',
      importance: 'required',
    }
  );
}

function outcomeOf(t: TestNetConnectionResult): PortAnswer {
  const detail = [
    `TcpTestSucceeded ${t.tcpTestSucceeded ?? '?'}${t.remoteAddress ? ` (${t.remoteAddress})` : ''}`,
    ...t.warnings,
  ].join('; ');
  return { state: t.tcp === 'open' ? 'open' : 'not-accepted', detail };
}

export function portFindings(raw: string, exitCode: number | undefined, ctx: ToolContext): Finding<FindingCode>[] {
  const parsed = parseTestNetConnection(raw);
  if (!parsed.recognised) return [unrecognisedFinding(ctx, 4, 'Test-NetConnection', parsed.reason, raw, exitCode)];
  const findings: Finding<FindingCode>[] = [];
  const hosts = new Map<string, PortResult[]>();
  for (const t of parsed.value) {
    const target = t.computerName ?? t.remoteAddress ?? '?';
    if (t.tcp === 'not-tested') {
      findings.push(
        makeFinding(portsFindings, 'port.not-tested', {
          severity: 'unknown',
          subject: { kind: 'dc', name: target, id: target },
          params: { host: target },
          evidence: [valueEvidence(ctx, 'TCP', `no -Port${t.warnings.length ? `; ${t.warnings.join('; ')}` : ''}`)],
          ...reasonOf('fp.4.reason.no-port'),
        }),
      );
      continue;
    }
    const port = t.remotePort ?? 0;
    const role = isServer(ctx, target) ? 'server' : 'dc';
    const result: PortResult = {
      spec: specOf(ctx, role, port),
      seen: {
        host: target,
        port,
        protocol: 'tcp',
        outcome: outcomeOf(t),
        source: ctx.commandLine,
        observedAt: ctx.observedAt,
      },
    };
    hosts.set(target, [...(hosts.get(target) ?? []), result]);
  }
  for (const [host, results] of hosts) {
    const role = isServer(ctx, host) ? 'server' : 'dc';
    const subject =
      role === 'server' && ctx.server
        ? { kind: 'server' as const, name: ctx.server.name, id: host }
        : { kind: 'dc' as const, name: host, id: host };
    findings.push(hostPortsFinding({ subject, host, role, results }));
  }
  return findings;
}
