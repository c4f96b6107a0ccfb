/**
 * Step 6's one interpreter: the receive connectors of a server, whoever listed them, become
 * findings. The engine reads them from the directory and knows the other servers' addresses, so it
 * can tell which connector takes each sender (./connectors-classify.ts); a terminal run of
 * Get-ReceiveConnector (./receive-connector-findings.ts) lists the same connectors without the
 * senders, so each connector is judged on its own. Both call `receiveConnectorFindings`, so the
 * same connector gets the same code and wording. Pure.
 */
import type { Evidence, EvidenceTable, Finding, Remedy, Severity, Subject } from '../../../shared/findings';
import { hasExchangeServerAuth, type ReceiveConnector } from '../../directory/model';
import { makeFinding, type CodeOf } from '../../findings/define';
import { classifyConnectors, internalPorts, type ConnectorVerdict, type SenderAddress } from './connectors-classify';
import { connectorIdentity, connectorSubject } from './connectors-remedies';
import { connectorsFindings } from './finding-codes';
import type { FindingCode } from '../finding-codes';
import type { LocalText } from '../../../shared/local-text';
import { render, text } from '../../l10n/render';
import { listOrNone, sourceOf, tableOf, valueOf } from '../../l10n/worded-parts';
import { valueList } from '../4-ports/port-words';

export type ConnectorCode = CodeOf<typeof connectorsFindings>;

/** The connectors of one receiving server as one observer saw them. */
export interface ReceiveConnectorsObservation {
  /** The receiving server's display name (`EX02`), and its subject for the findings about it as a whole. */
  server: string;
  subject: Subject;
  connectors: readonly ReceiveConnector[];
  /** The other Exchange servers' addresses; undefined when the observer does not know them (a terminal run). */
  senders?: readonly SenderAddress[];
  /** The receiving server's own addresses, when known (for connectors bound to one of them). */
  receiverAddresses?: readonly string[];
  /** Where the connectors were read: `LDAP ldaps://dc1...`, or the command line run in the terminal. */
  source: string;
  /** ISO 8601. */
  observedAt: string;
}

/** What the observer adds: the lines to run (they depend on what it knows); `verdict` for a connector's finding. */
export type ConnectorRemedies = (code: ConnectorCode, verdict?: ConnectorVerdict) => Remedy[];

function connectorRows(connectors: readonly ReceiveConnector[]): (string | LocalText)[][] {
  return connectors.map((c) => [
    c.name,
    text(c.enabled ? 'fp.common.yes' : 'fp.common.no'),
    c.bindings.join(', '),
    c.remoteIpRanges.join(', '),
    c.authMechanisms.join(', ') || String(c.authFlags),
    c.transportRole === 32
      ? text('fp.6.role.hub')
      : c.transportRole === 16384
        ? text('fp.6.role.frontend')
        : c.transportRole === undefined
          ? ''
          : String(c.transportRole),
  ]);
}

function takesText(v: ConnectorVerdict): string {
  return v.takes.map((t) => `${t.sender.server} ${t.sender.address} on ${t.port} (range ${t.range.text})`).join('; ');
}

function seen(
  o: ReceiveConnectorsObservation,
  label: string | LocalText,
  value: string | LocalText,
  source: string | LocalText = o.source,
): Evidence {
  const named = typeof label === 'string' ? { label } : { label: render('en', label), labelText: label };
  return { ...named, ...valueOf(value), ...sourceOf(source), observedAt: o.observedAt };
}

/**
 * One connector's finding. `sendersKnown` false: the connector was judged on its own, so one
 * without ExchangeServer is an error only when no connector of the server has it.
 */
function verdictFinding(
  o: ReceiveConnectorsObservation,
  v: ConnectorVerdict,
  sendersKnown: boolean,
  table: EvidenceTable,
  remedies: ConnectorRemedies,
): Finding<FindingCode> {
  const c = v.connector;
  const code: ConnectorCode =
    v.kind === 'ok'
      ? 'connector.exchange-auth'
      : v.kind === 'relay-captures'
        ? 'connector.relay-captures-exchange'
        : 'connector.no-exchange-auth';
  const anyWithAuth = o.connectors.some((x) => hasExchangeServerAuth(x.authFlags));
  const severity: Severity = v.kind === 'ok' ? 'ok' : sendersKnown || !anyWithAuth ? 'error' : 'warning';
  return makeFinding(connectorsFindings, code, {
    severity,
    subject: connectorSubject(c),
    params: {
      connector: connectorIdentity(c),
      senders: valueList([...new Set(v.takes.map((t) => t.sender.server))]),
    },
    evidence: [
      seen(
        o,
        'AuthMechanism',
        `${c.authMechanisms.join(', ') || render('en', text('fp.common.none'))} (msExchSMTPReceiveInboundSecurityFlag ${c.authFlags})`,
      ),
      seen(o, 'Bindings', listOrNone(c.bindings)),
      ...(sendersKnown
        ? [seen(o, text('fp.6.label.takes-mail-from'), takesText(v), text('fp.6.source.ranges-vs-dns'))]
        : []),
    ],
    tables: [table],
    remedies: remedies(code, v),
  });
}

/** Every finding about a server's connectors, from what one observer saw. */
export function receiveConnectorFindings(
  o: ReceiveConnectorsObservation,
  remedies: ConnectorRemedies,
): Finding<FindingCode>[] {
  const subject = o.subject;
  const table: EvidenceTable = tableOf({
    caption: text('fp.6.table.connectors', { server: o.server }),
    columns: [
      text('fp.6.col.name'),
      text('fp.6.col.enabled'),
      text('fp.6.col.bindings'),
      text('fp.6.col.ranges'),
      text('fp.common.value', { value: 'AuthMechanism' }),
      text('fp.6.col.role'),
    ],
    rows: connectorRows(o.connectors),
  });
  if (internalPorts({ receiveConnectors: o.connectors }).length === 0) {
    return [
      makeFinding(connectorsFindings, 'connector.none-internal', {
        severity: 'error',
        subject,
        params: { server: o.server },
        evidence: [
          seen(
            o,
            text('fp.6.label.connectors'),
            o.connectors
              .map((c) => `${c.name} ${c.enabled ? 'enabled' : 'disabled'} ${c.bindings.join(' ')}`)
              .join('; '),
          ),
        ],
        remedies: remedies('connector.none-internal'),
      }),
    ];
  }
  if (!o.senders) {
    // Without the senders every listed connector is judged on its own.
    return o.connectors.map((connector) =>
      verdictFinding(
        o,
        { connector, takes: [], kind: hasExchangeServerAuth(connector.authFlags) ? 'ok' : 'no-exchange-auth' },
        false,
        table,
        remedies,
      ),
    );
  }
  const result = classifyConnectors({ receiveConnectors: o.connectors }, o.senders, o.receiverAddresses);
  const findings = result.verdicts.map((v) => verdictFinding(o, v, true, table, remedies));
  const uncovered = new Map<number, string[]>();
  for (const u of result.uncovered)
    uncovered.set(u.port, [...(uncovered.get(u.port) ?? []), `${u.sender.server} (${u.sender.address})`]);
  for (const [port, who] of uncovered) {
    findings.push(
      makeFinding(connectorsFindings, 'connector.sender-not-covered', {
        severity: 'warning',
        subject,
        params: { server: o.server, port, senders: valueList(who) },
        evidence: [
          seen(
            o,
            text('fp.6.label.connectors-on', { port }),
            o.connectors
              .filter((c) => c.enabled)
              .map((c) => `${c.name}: ${c.remoteIpRanges.join(', ')}`)
              .join('; '),
          ),
        ],
        remedies: remedies('connector.sender-not-covered'),
      }),
    );
  }
  return findings;
}
