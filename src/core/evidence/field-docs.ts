/** What each field of Exchange's protocol and message tracking logs holds, for hovers. */
export const PROTOCOL_FIELD_DOCS: Readonly<Record<string, string>> = {
  'date-time':
    "When the event was logged, in UTC (ISO 8601). Compare with the other server's log in UTC, not local time.",
  'connector-id':
    'The connector that handled the session. In a Receive log: `<server>\\<Receive connector name>` (e.g. `EX02\\Default EX02`). In a Send log: the Send connector or the implicit intra-organisation connector.',
  'session-id': 'A GUID-like id shared by every line of one SMTP session. The outline groups the lines by it.',
  'sequence-number': 'The order of the event within its session, from 0.',
  'local-endpoint':
    "This server's IP address and port. The port tells the service: 25 Front End Transport, 2525 Transport on a Mailbox server, 465 Client Proxy, 587 Client Frontend, 717 Outbound Proxy Frontend.",
  'remote-endpoint':
    "The other server's IP address and port. In a Receive log it is the sending server; in a Send log the receiving one.",
  event:
    'What happened: `+` connect, `-` disconnect, `>` sent by this server, `<` received from the remote end, `*` information logged by Exchange.',
  data: 'The SMTP command, reply or information text. Authentication blobs are logged as `<authentication response>`, not their content.',
  context: 'Extra context for `*` lines (for example the certificate or the authentication result).',
};

export const EVENT_DOCS: Readonly<Record<string, string>> = {
  '+': 'Connect: the session starts.',
  '-': 'Disconnect: the session ends.',
  '>': 'Sent by the server that wrote this log.',
  '<': 'Received from the remote end.',
  '*': 'Information logged by Exchange (TLS, authentication, certificates).',
};

export const TRACKING_FIELD_DOCS: Readonly<Record<string, string>> = {
  'date-time': 'When the event was logged, in UTC.',
  'client-ip':
    'The address of the server or client that sent the message into this step (for SEND/DEFER/FAIL from SMTP: the server that wrote this log).',
  'client-hostname': 'The name of the sending end of this step.',
  'server-ip': 'The address of the receiving end of this step (for SMTP SEND/DEFER/FAIL: the next hop).',
  'server-hostname': 'The name of the receiving end of this step.',
  'source-context': 'Extra information about the source (connector, session or agent).',
  'connector-id': 'The connector used for this step.',
  source: 'The component that logged the event: SMTP, STOREDRIVER, AGENT, ROUTING, DSN...',
  'event-id': 'RECEIVE, SEND, DELIVER, DEFER (retry later), FAIL (NDR), EXPAND, RESOLVE, REDIRECT...',
  'internal-message-id': "The message's id in this server's queue database.",
  'message-id': 'The Message-ID header; the same on every server the message passed.',
  'network-message-id': 'An id Exchange keeps for all copies of the message across the organisation.',
  'recipient-address': 'The recipients concerned by the event.',
  'recipient-status': 'Per-recipient status: for DEFER and FAIL the SMTP reply (e.g. `451 4.4.0 ... 454 4.7.0 ...`).',
  'total-bytes': 'Message size in bytes.',
  'recipient-count': 'Number of recipients.',
  'message-subject': 'The subject (may be hidden by the MessageTrackingLogSubjectLoggingEnabled setting).',
  'sender-address': 'The envelope sender.',
  directionality: 'Incoming, Originating or Undefined.',
};
