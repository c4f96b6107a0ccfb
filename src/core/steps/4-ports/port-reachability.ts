/**
 * Step 4's one interpreter: what was seen on the ports of one host, whoever saw it, becomes that
 * host's finding. The engine's probes (./ports-check.ts) and a terminal run of Test-NetConnection
 * (./test-netconnection-findings.ts) both describe each port as a `PortReachability` and call
 * `hostPortsFinding`, so the same observation gets the same code, title and explanation.
 * Pure. How much each port weighs is in ./ports-plan.ts; the wording in ./finding-codes.ts.
 */
import type { Evidence, Finding, FindingParams, Remedy, Severity, Subject } from '../../../shared/findings';
import { makeFinding, type CodeOf } from '../../findings/define';
import { portsFindings } from './finding-codes';
import type { PortSpec, Protocol } from './ports-plan';
import type { PortAnswer, PortState } from './ports-probe';
import type { FindingCode } from '../finding-codes';
import { labelOf, tableOf, valueOf } from '../../l10n/worded-parts';
import type { LocalText } from '../../../shared/local-text';
import { text } from '../../l10n/render';
import { andList, importanceText, purposeText, stateWords, valueList } from './port-words';

/** One port of one host, as a probe or a tool saw it. */
export interface PortReachability {
  /** The name (or address) that was tested. */
  host: string;
  port: number;
  protocol: Protocol;
  outcome: PortAnswer;
  /** Where it was seen: `from this machine to dc1:88`, or the command line run in the terminal. */
  source: string;
  /** The source as a phrase when it is words of ours (`from this machine to dc1:88`). */
  sourceText?: LocalText;
  /** ISO 8601. */
  observedAt: string;
}

/** A port's observation with what the port is for and how much it matters. */
export interface PortResult {
  spec: PortSpec;
  seen: PortReachability;
}

/** One host and every port observed on it. */
export interface HostPorts {
  subject: Subject;
  host: string;
  role: 'dc' | 'server';
  results: readonly PortResult[];
}

export type PortCode = CodeOf<typeof portsFindings>;

/**
 * States that decide something about a port: the host answered (a refusal, an accepted
 * connection), or a tool said the connection was not accepted. When no port has one of these,
 * nothing can be said about individual ports.
 */
const DECIDED: ReadonlySet<PortState> = new Set(['open', 'refused', 'no-reply', 'not-accepted']);
const LDAP_PORTS: ReadonlySet<number> = new Set([389, 636, 3268, 3269]);

const stateOf = (r: PortResult): PortState => r.seen.outcome.state;

export function portLabel(r: PortResult): string {
  return `${r.spec.protocol.toUpperCase()} ${r.spec.port}`;
}

/**
 * LDAP answers while TCP 88 is refused (and UDP 88 refused or silent): the DC is up and reachable
 * through the firewall, but nothing listens for Kerberos, so the KDC service is not running.
 * A firewall drops rather than refuses, so a refusal on 88 next to an open LDAP port is the service.
 */
function kdcStopped(results: readonly PortResult[]): boolean {
  const state = (protocol: string): PortState | undefined => {
    const r = results.find((x) => x.spec.kerberos && x.spec.port === 88 && x.spec.protocol === protocol);
    return r ? stateOf(r) : undefined;
  };
  const ldap = results.some((r) => LDAP_PORTS.has(r.spec.port) && stateOf(r) === 'open');
  const udp = state('udp');
  return ldap && state('tcp') === 'refused' && (udp === 'refused' || udp === 'no-answer');
}

/** Severity and code of a host's results (see ./ports-plan.ts for why each port weighs what it does). */
export function classifyResults(
  role: 'dc' | 'server',
  results: readonly PortResult[],
): { severity: Severity; code: PortCode; failing: PortResult[] } {
  const failing = results.filter((r) => stateOf(r) !== 'open' && stateOf(r) !== 'untested');
  if (!results.some((r) => DECIDED.has(stateOf(r)))) {
    const unresolved = results.some((r) => stateOf(r) === 'unresolved');
    return { severity: 'unknown', code: unresolved ? 'port.unresolved' : 'port.host-silent', failing };
  }
  const kerberos = failing.filter((r) => r.spec.kerberos);
  if (kerberos.length && role === 'dc' && kdcStopped(results))
    return { severity: 'error', code: 'port.kdc-stopped', failing };
  if (kerberos.some((r) => stateOf(r) === 'no-reply')) return { severity: 'error', code: 'port.kdc-silent', failing };
  if (kerberos.length) return { severity: 'error', code: 'port.kerberos-blocked', failing };
  if (failing.some((r) => r.spec.importance === 'required'))
    return { severity: 'error', code: role === 'server' ? 'port.transport-blocked' : 'port.blocked', failing };
  if (failing.some((r) => r.spec.importance === 'needed'))
    return { severity: 'warning', code: 'port.blocked', failing };
  return { severity: 'ok', code: 'port.open', failing };
}

/** `TCP 88, UDP 88 and TCP 464`, in the sentence's language. */
function listed(rs: readonly PortResult[]) {
  return andList(rs.map(portLabel));
}

/** A port's state in words, in the sentence's language. */
function stateOfText(r: PortResult) {
  return stateWords(stateOf(r), r.spec.kerberos === true);
}

/** The values the code's title is worded from. */
function paramsOf(h: HostPorts, code: PortCode, failing: readonly PortResult[]): FindingParams {
  const base = { name: h.subject.name, host: h.host };
  if (code === 'port.kdc-stopped') {
    const kerberos = failing.filter((r) => r.spec.kerberos);
    const refused = kerberos.filter((r) => stateOf(r) === 'refused');
    const silent = kerberos.filter((r) => stateOf(r) !== 'refused');
    const parts = [
      text('fp.4.ports-refused', { ports: listed(refused) }),
      ...(silent.length ? [text('fp.4.ports-no-answer', { ports: listed(silent) })] : []),
    ];
    return { ...base, kerberosStates: parts };
  }
  if (code === 'port.open') {
    const untested = h.results.filter((r) => stateOf(r) === 'untested');
    return {
      ...base,
      openPorts: valueList(h.results.filter((r) => stateOf(r) === 'open').map(portLabel)),
      closedOptional: failing.length ? text('fp.4.closed-optional', { ports: valueList(failing.map(portLabel)) }) : '',
      notTested: untested.length ? text('fp.4.not-tested', { ports: valueList(untested.map(portLabel)) }) : '',
    };
  }
  const important = failing.filter((r) => r.spec.importance !== 'optional');
  const failures = important.map((r) =>
    text('fp.4.failure', { port: portLabel(r), purpose: purposeText(r.spec, true), state: stateOfText(r) }),
  );
  return { ...base, failures };
}

export interface HostPortsExtras {
  /** Evidence the observer adds before the ports' own (which of two names was probed, and why). */
  evidence?: Evidence[];
  /** The lines to run, which depend on what the observer knows (the other servers, the DCs). */
  remedies?: (code: PortCode, failing: readonly PortResult[]) => Remedy[];
}

/** The finding for one host's ports. */
export function hostPortsFinding(h: HostPorts, extras: HostPortsExtras = {}): Finding<FindingCode> {
  const { severity, code, failing } = classifyResults(h.role, h.results);
  return makeFinding(portsFindings, code, {
    severity,
    subject: h.subject,
    params: paramsOf(h, code, failing),
    evidence: [
      ...(extras.evidence ?? []),
      ...h.results.map((r) => ({
        ...labelOf('fp.4.label.port', { port: portLabel(r), purpose: purposeText(r.spec) }),
        ...valueOf(text('fp.4.value.state', { state: stateOfText(r), detail: r.seen.outcome.detail })),
        source: r.seen.source,
        ...(r.seen.sourceText ? { sourceText: r.seen.sourceText } : {}),
        observedAt: r.seen.observedAt,
      })),
    ],
    tables: [
      tableOf({
        caption: text('fp.4.table.ports', { name: h.subject.name, host: h.host }),
        columns: [
          text('fp.4.col.port'),
          text('fp.4.col.purpose'),
          text('fp.4.col.matters'),
          text('fp.4.col.state'),
          text('fp.4.col.detail'),
        ],
        rows: h.results.map((r) => [
          portLabel(r),
          purposeText(r.spec),
          importanceText(r.spec.importance),
          stateOfText(r),
          r.seen.outcome.detail,
        ]),
      }),
    ],
    remedies: extras.remedies?.(code, failing) ?? [],
    ...(severity === 'unknown'
      ? { reason: `${h.host}: ${[...new Set(h.results.map((r) => r.seen.outcome.detail))].join('; ')}` }
      : {}),
  });
}
