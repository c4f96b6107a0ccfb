/**
 * The English message catalogue: every fixed sentence the language server (diagnostics, hovers)
 * and the CLI's text output write, keyed by a stable code, with `{name}` placeholders. The other
 * languages (./es.ts, ./nl.ts, ./he.ts, ./zh-cn.ts) are typed against these keys, and
 * test/unit/core/l10n/catalogue.test.ts fails when a key or a placeholder differs.
 * Sentences are ours; terms follow docs/localisation.md (KB 979174 in each language).
 */
import { joinTables } from './join-tables';
import { EN_PHRASES_1_3 } from './phrases/steps-1-3';
import { EN_PHRASES_4_6 } from './phrases/steps-4-6';
import { EN_PLACE_VALUE_PHRASES } from './phrases/places-values';

const EN_BASE = {
  // Lists and step references inside sentences.
  'list.separator': ', ',
  // A duration (src/core/l10n/duration.ts): the units in the sentence's language.
  'duration.ms': '{n} ms',
  'duration.s': '{s} s',
  'duration.min': '{m} min {s} s',
  'duration.h': '{h} h {m} min {s} s',
  'steps.none': 'KB 979174',
  'steps.one': 'KB 979174 {first}',
  'steps.more': 'KB 979174 {first}, then {rest}',
  'step.label': 'step {n} ({name})',
  'step.name.1': 'clocks',
  'step.name.2': 'AD replication',
  'step.name.3': 'SPNs',
  'step.name.4': 'Kerberos ports',
  'step.name.5': 'Kerberos logging',
  'step.name.6': 'Receive connector authentication',
  'step.title.1': 'Clocks agree within the Kerberos tolerance',
  'step.title.2': 'Domain controllers replicate',
  'step.title.3': 'SMTP and SMTPSVC SPNs are registered once, on the right account',
  'step.title.4': 'Kerberos and transport ports are reachable',
  'step.title.5': 'Kerberos logging shows no errors',
  'step.title.6': 'Receive connectors accept Exchange Server authentication',

  // Who talked to whom, appended to a sentence's subject.
  'between.both': ' from {sending} to {receiving}',
  'between.from': ' from {sending}',
  'between.to': ' to {receiving}',
  'detail.list': ' ({items})',
  'detail.error': 'error {value}',
  'detail.connector': 'connector {value}',
  'detail.mechanism': 'mechanism {value}',
  'detail.source': 'source {value}',
  'detail.target': 'target {value}',

  // Evidence diagnostics.
  'ev.auth-temporary-failure':
    '454 4.7.0 Temporary authentication failure{between}: Exchange Server authentication (Kerberos) between the servers failed. Check {steps}.',
  'ev.auth-failure-relayed':
    '451 4.4.0 ... 454 4.7.0: the next hop{hop} refused Exchange Server authentication (Kerberos) and the queue retries. Check {steps}.',
  'ev.x-anonymoustls-failed':
    "454 4.7.0 in answer to {command}{between}: the receiving server could not start TLS, so Exchange Server authentication cannot follow. Check the Receive connector's certificate and authentication ({steps}).",
  'ev.x-exps-failed.kerberos':
    '454 4.7.0 Temporary authentication failure in answer to {command}{between}: the Kerberos logon between the Exchange servers failed. Check {steps}.',
  'ev.x-exps-failed.exchange':
    '454 4.7.0 Temporary authentication failure in answer to {command}{between}: Exchange Server authentication failed. Check {steps}.',
  'ev.exchange-auth-unavailable':
    '451 5.7.3 Cannot achieve Exchange Server authentication{between}: the Receive connector did not offer Exchange Server authentication (no X-ANONYMOUSTLS / X-EXPS). Check {steps}.',
  'ev.unexpected-exchange-auth-blob':
    'UnexpectedExchangeAuthBlob{between}: the Exchange authentication exchange after X-ANONYMOUSTLS was not what the server expected (connector authentication or certificate). Check {steps}.',
  'ev.tls-failed':
    "TLS negotiation failed{error}{between}: without TLS there is no Exchange Server authentication; check the certificate bound to the connector's FQDN (event 12014). Check {steps}.",
  'ev.event-1035':
    'Event 1035, inbound authentication failed{detail}: turn on Kerberos logging on this receiving server and read the System event log. Check {steps}.',
  'ev.event-2017': 'Event 2017, outbound authentication failed{detail}{between}: {cause}. Check {steps}.',
  'ev.outbound-auth-failed': 'Outbound authentication failed with {error}{between}: {cause}. Check {steps}.',
  'ev.inbound-auth-failed': 'Inbound authentication failed because of {error}{between}: {cause}. Check {steps}.',
  'ev.kerberos-event': '{provider} event {event}{name}: the System event log shows a Kerberos failure. Check {steps}.',
  'ev.kerberos-skew':
    'KRB_AP_ERR_SKEW: the clocks of the two machines differ by more than the Kerberos tolerance. Check {steps}.',
  'ev.kerberos-modified':
    'KRB_AP_ERR_MODIFIED: the ticket was encrypted for another account, typically a duplicate or misplaced SMTP/SMTPSVC SPN. Check {steps}.',
  'ev.kerberos-error': '{name}: a Kerberos error was logged. Check {steps}.',
  'ev.command-refused':
    '{command} was refused with "{reply}"{between}: Exchange Server authentication did not complete. Check {steps}.',
  'ev.no-exchange-auth-offered':
    'The Exchange server {host} offered neither X-ANONYMOUSTLS nor X-EXPS on this connector: it does not accept Exchange Server authentication here. Check {steps}.',
  'ev.banner-skew':
    "The banner of {host} gives its clock {delay} from this server's (the line's date-time){beyond}. Check {steps}.",
  'ev.hop-skew':
    'Hop {hop} ({b}) is stamped {delay} after hop {prev} ({a}): time went backwards, so the clocks of {a} and {b} differ by at least {skew}{beyond}. Check {steps}.',
  'ev.beyond-tolerance': ', beyond the {minutes}-minute Kerberos tolerance',
  'ev.malformed-record': 'Not a protocol log record: {got} of {want} fields.',
  'ev.long-line': 'Line {line} is {length} characters long; only its first {max} were analysed.',
  'ev.analysis-failed': 'Could not analyse this file: {reason}',
  'ev.too-large':
    'This document is larger than {mb} MB and is not analysed in the editor; use "Scan log folder" on its folder.',
  'ev.correlated':
    '{sending} to {receiving}: {count} pieces of evidence of one failure ({sources}), step {step} first: {cause}.',

  // What an authentication status means (events 1035/2017, protocol logs).
  'cause.IllegalMessage': 'the Kerberos exchange was rejected; the System event log tells why',
  'cause.LogonDenied': 'the logon was refused: a wrong or missing SPN, a stale key or a broken trust',
  'cause.KdcUnknownEncryptionType':
    'the domain controller and the accounts share no encryption type (keys of the computer account)',
  'cause.UnexpectedExchangeAuthBlob': 'the Exchange authentication data was not what the receiving server expected',
  'cause.TimeSkew': 'the clocks differ by more than the Kerberos tolerance',
  'cause.TargetUnknown': 'the domain controller does not know the target SPN',
  'cause.WrongPrincipal': 'the ticket was for another account (a duplicate or misplaced SPN)',
  'cause.MessageAltered': 'the ticket could not be decrypted (a duplicate SPN or a stale key)',
  'cause.NoAuthenticatingAuthority': 'no domain controller could be reached for Kerberos',
  'cause.InvalidToken': 'the authentication token was not valid',
  'cause.default': 'the authentication between the servers failed',

  // Hovers.
  'hover.enhanced-code': '**{code}** enhanced status code',
  'hover.vendor-code': 'Detail code not in the IANA registry (a vendor-specific code).',
  'hover.with-reply-codes': ' (with reply codes {codes})',
  'hover.iana-source':
    '_Source: IANA "SMTP Enhanced Status Codes" registry, transcribed {date}; descriptions in English as registered._',
  'hover.reply': '**{code}** SMTP reply ({kind})',
  'hover.reply.2': 'success',
  'hover.reply.3': 'intermediate',
  'hover.reply.4': 'transient failure: the sender retries',
  'hover.reply.5': 'permanent failure',
  'hover.port': 'Port {port}: {what}.',
  'port.25': 'Front End Transport (Default Frontend connector), or an Edge/SMTP server',
  'port.2525': 'Transport service on a Mailbox server (Default connector; server-to-server traffic)',
  'port.465': 'Client Proxy connector (Front End Transport proxies authenticated clients)',
  'port.475': 'Mailbox Transport Delivery service',
  'port.587': 'Client Frontend connector (authenticated clients)',
  'port.717': 'Outbound Proxy Frontend connector',

  // Field descriptions of the protocol and tracking log hovers.
  'field.p.date-time':
    "When the event was logged, in UTC (ISO 8601). Compare with the other server's log in UTC, not local time.",
  'field.p.connector-id':
    'The connector that handled the session. In a Receive log: `<server>\\<Receive connector name>` (e.g. `EX02\\Default EX02`). In a Send log: the Send connector or the implicit intra-organisation connector.',
  'field.p.session-id': 'A GUID-like id shared by every line of one SMTP session. The outline groups the lines by it.',
  'field.p.sequence-number': 'The order of the event within its session, from 0.',
  'field.p.local-endpoint':
    "This server's IP address and port. The port tells the service: 25 Front End Transport, 2525 Transport on a Mailbox server, 465 Client Proxy, 587 Client Frontend, 717 Outbound Proxy Frontend.",
  'field.p.remote-endpoint':
    "The other server's IP address and port. In a Receive log it is the sending server; in a Send log the receiving one.",
  'field.p.event':
    'What happened: `+` connect, `-` disconnect, `>` sent by this server, `<` received from the remote end, `*` information logged by Exchange.',
  'field.p.data':
    'The SMTP command, reply or information text. Authentication blobs are logged as `<authentication response>`, not their content.',
  'field.p.context': 'Extra context for `*` lines (for example the certificate or the authentication result).',
  'field.e.connect': 'Connect: the session starts.',
  'field.e.disconnect': 'Disconnect: the session ends.',
  'field.e.sent': 'Sent by the server that wrote this log.',
  'field.e.received': 'Received from the remote end.',
  'field.e.info': 'Information logged by Exchange (TLS, authentication, certificates).',
  'field.t.date-time': 'When the event was logged, in UTC.',
  'field.t.client-ip':
    'The address of the server or client that sent the message into this step (for SEND/DEFER/FAIL from SMTP: the server that wrote this log).',
  'field.t.client-hostname': 'The name of the sending end of this step.',
  'field.t.server-ip': 'The address of the receiving end of this step (for SMTP SEND/DEFER/FAIL: the next hop).',
  'field.t.server-hostname': 'The name of the receiving end of this step.',
  'field.t.source-context': 'Extra information about the source (connector, session or agent).',
  'field.t.connector-id': 'The connector used for this step.',
  'field.t.source': 'The component that logged the event: SMTP, STOREDRIVER, AGENT, ROUTING, DSN...',
  'field.t.event-id': 'RECEIVE, SEND, DELIVER, DEFER (retry later), FAIL (NDR), EXPAND, RESOLVE, REDIRECT...',
  'field.t.internal-message-id': "The message's id in this server's queue database.",
  'field.t.message-id': 'The Message-ID header; the same on every server the message passed.',
  'field.t.network-message-id': 'An id Exchange keeps for all copies of the message across the organisation.',
  'field.t.recipient-address': 'The recipients concerned by the event.',
  'field.t.recipient-status':
    'Per-recipient status: for DEFER and FAIL the SMTP reply (e.g. `451 4.4.0 ... 454 4.7.0 ...`).',
  'field.t.total-bytes': 'Message size in bytes.',
  'field.t.recipient-count': 'Number of recipients.',
  'field.t.message-subject': 'The subject (may be hidden by the MessageTrackingLogSubjectLoggingEnabled setting).',
  'field.t.sender-address': 'The envelope sender.',
  'field.t.directionality': 'Incoming, Originating or Undefined.',

  // The CLI's text output.
  'cli.step-header': 'Step {step}: {title}',
  'cli.why-unknown': 'why unknown: {reason}',
  'cli.changes-server': 'changes the server',
  'cli.read-only': 'read-only',
  'cli.remedy': '{summary} ({effect}; on {host}):',
  'cli.verdict':
    'Verdict: {overall} ({error} error, {warning} warning, {unknown} unknown, {ok} ok; {findings} findings)',
  'cli.cause': 'Step {step}: {summary}',
  'severity.error': 'ERROR',
  'severity.warning': 'WARN',
  'severity.unknown': 'UNKNOWN',
  'severity.ok': 'OK',
} as const;

/** The base sentences and every step's phrases (./phrases/), joined without spread (./join-tables.ts). */
export const EN = joinTables(EN_BASE, EN_PHRASES_1_3, EN_PHRASES_4_6, EN_PLACE_VALUE_PHRASES);

export type MessageKey = keyof typeof EN;
export type Catalogue = Readonly<Record<MessageKey, string>>;
