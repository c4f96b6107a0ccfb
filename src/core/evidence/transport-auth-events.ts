/**
 * MSExchangeTransport's two authentication events, from either end, in any display language:
 * - 1035 SmtpReceiveAuthenticationFailed, logged by the RECEIVING server: insertion strings
 *   [error, receive connector, mechanism, source IP] ("Inbound authentication failed with error %1
 *   for Receive connector %2. The authentication mechanism is %3. The source IP address of the
 *   client who tried to authenticate to Microsoft Exchange is [%4].");
 * - 2017 SmtpSendOutboundAuthenticationFailed, logged by the SENDING server: [error, send
 *   connector, mechanism, target SPN `SMTPSVC/<fqdn>`].
 * Sources: the Exchange 2010 event reference (technet ff981907, ff982082) for the templates, and
 * Exchange's transport code as published (the order of the insertion strings).
 *
 * The insertion strings are read when the form carries them (XML, JSON). From a rendered message
 * the fields are found by structure, which no translation changes: the source address is the one
 * in `[...]`, the mechanism and error are Exchange's own tokens (`ExchangeAuth`, `LogonDenied`,
 * `IllegalMessage`, ...), the target is `SMTPSVC/...`, and the default connectors keep their
 * English names (`Default EX02`); a connector with another name is found through a phrase table per
 * language (en, es, nl, he, zh-cn, de, fr, ja) that names the words around it.
 */
import type { EventRecord } from './event-records';

export interface InboundAuthFailure {
  event: 1035;
  error?: string;
  connector?: string;
  mechanism?: string;
  /** The sending server's address. */
  sourceIp?: string;
  /** The server that logged the event (the receiving one): the computer, else the connector's server. */
  receivingServer?: string;
  time?: string;
}

export interface OutboundAuthFailure {
  event: 2017;
  error?: string;
  connector?: string;
  mechanism?: string;
  /** The SPN the sender asked a ticket for, e.g. `SMTPSVC/ex02.contoso.com`. */
  targetSpn?: string;
  /** The host of that SPN: the receiving server. */
  targetHost?: string;
  /** The server that logged the event (the sending one). */
  sendingServer?: string;
  time?: string;
}

/** The mechanisms Exchange names in these events. */
const MECHANISMS = /\b(ExchangeAuth|GSSAPI|Gssapi|NTLM|Ntlm|Login|Kerberos|ExchangeAuthentication)\b/;

/**
 * Error tokens Exchange writes (SecurityStatus names and its own): a CamelCase word of two or more
 * parts. Listed ones win over any other CamelCase word in the text.
 */
const KNOWN_ERRORS = [
  'IllegalMessage',
  'UnexpectedExchangeAuthBlob',
  'KdcUnknownEncryptionType',
  'LogonDenied',
  'TargetUnknown',
  'InvalidToken',
  'TimeSkew',
  'WrongPrincipal',
  'NoAuthenticatingAuthority',
  'UntrustedRoot',
  'IncompleteMessage',
  'MessageAltered',
  'OutOfSequence',
  'NoCredentials',
  'UnknownCredentials',
  'InvalidHandle',
  'ContextExpired',
  'Unsupported',
  'InternalError',
  'CannotPack',
  'BadBinding',
  'DowngradeDetected',
  'SmartcardLogonRequired',
  'LogonDeniedStatus',
];
const NOT_ERRORS = new Set([
  'ExchangeAuth',
  'MSExchangeTransport',
  'SmtpReceive',
  'SmtpSend',
  'ExchangeAuthentication',
]);

/** Words that come right before the connector's name, per language (the name ends at `.`/`。`/a quote). */
const CONNECTOR_BEFORE = [
  'for Receive connector',
  'for Send connector',
  'para el conector de recepción',
  'para el conector de envío',
  'del conector de recepción',
  'voor de ontvangstconnector',
  'voor ontvangstconnector',
  'voor de verzendconnector',
  'voor de standaardinstelling connector',
  'עבור מחבר הקבלה',
  'עבור מחבר השליחה',
  '接收连接器',
  '发送连接器',
  'für den Empfangsconnector',
  'für Empfangsconnector',
  'für den Sendeconnector',
  'pour le connecteur de réception',
  'pour le connecteur d’envoi',
  "pour le connecteur d'envoi",
  '受信コネクタ',
  '送信コネクタ',
];
/** Words that come right after the name in languages that put it first (zh-cn 的, ja の/で). */
const CONNECTOR_AFTER = /^(.{1,120}?)\s*(?:的|の|で|[.。"“”„'’」]|$)/u;

const escapeRe = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const BEFORE_RE = new RegExp(`(?:${CONNECTOR_BEFORE.map(escapeRe).join('|')})\\s*["“„「']?`, 'iu');
const DEFAULT_CONNECTOR =
  /\b((?:Default Frontend|Default|Client Proxy|Client Frontend|Outbound Proxy Frontend) [A-Za-z0-9-]{1,63})\b/;

function errorToken(message: string): string | undefined {
  for (const e of KNOWN_ERRORS) if (new RegExp(`\\b${e}\\b`).test(message)) return e;
  for (const m of message.matchAll(/\b([A-Z][a-z0-9]+(?:[A-Z][a-z0-9]+)+)\b/g))
    if (!NOT_ERRORS.has(m[1]!) && !/^Microsoft|^Exchange/.test(m[1]!)) return m[1];
  return undefined;
}

function connectorIn(message: string): string | undefined {
  const before = BEFORE_RE.exec(message);
  if (before) {
    const rest = message.slice(before.index + before[0].length);
    const name = CONNECTOR_AFTER.exec(rest)?.[1]?.trim();
    if (name) return name;
  }
  return DEFAULT_CONNECTOR.exec(message)?.[1];
}

/** The server a default receive connector is named after: `Default EX02`, `Default Frontend EX02`. */
export function serverOfDefaultConnector(connector: string): string | undefined {
  const c = connector.replace(/^.*\\/, '').trim();
  return /^(?:Default(?: Frontend)?|Client(?: Frontend| Proxy)|Outbound Proxy Frontend)\s+([A-Za-z0-9-]{1,63})$/i.exec(
    c,
  )?.[1];
}

const shortName = (host: string | undefined): string | undefined => host?.trim().split('.')[0] || undefined;

function assign<T extends object, K extends keyof T>(target: T, key: K, value: T[K] | undefined): void {
  if (value !== undefined && value !== '') target[key] = value;
}

const isTransport = (r: EventRecord): boolean =>
  r.provider === undefined || /^MSExchange(FrontEnd)?Transport$/i.test(r.provider.trim());

/** Event 1035 from a record, or undefined when the record is another event. */
export function readInboundAuthFailure(r: EventRecord): InboundAuthFailure | undefined {
  if (r.id !== undefined && r.id !== 1035) return undefined;
  if (!isTransport(r)) return undefined;
  if (r.id === undefined && !looksLike1035(r.message)) return undefined;
  const out: InboundAuthFailure = { event: 1035 };
  const d = r.data.length >= 4 ? r.data : undefined;
  const m = r.message;
  assign(out, 'error', d?.[0] ?? errorToken(m));
  assign(out, 'connector', d?.[1] ?? connectorIn(m));
  assign(out, 'mechanism', d?.[2] ?? MECHANISMS.exec(m)?.[1]);
  const bracketed = [...m.matchAll(/\[([0-9A-Fa-f.:]{2,45})\]/g)].map((x) => x[1]!);
  assign(out, 'sourceIp', d?.[3]?.replace(/^\[|\]$/g, '') ?? bracketed[bracketed.length - 1]);
  assign(
    out,
    'receivingServer',
    shortName(r.computer) ?? (out.connector ? serverOfDefaultConnector(out.connector) : undefined),
  );
  assign(out, 'time', r.time);
  return out;
}

/** Event 2017 from a record. */
export function readOutboundAuthFailure(r: EventRecord): OutboundAuthFailure | undefined {
  if (r.id !== 2017 || !isTransport(r)) return undefined;
  const out: OutboundAuthFailure = { event: 2017 };
  const d = r.data.length >= 4 ? r.data : undefined;
  const m = r.message;
  assign(out, 'error', d?.[0] ?? errorToken(m));
  assign(out, 'connector', d?.[1] ?? connectorIn(m));
  assign(out, 'mechanism', d?.[2] ?? MECHANISMS.exec(m)?.[1]);
  const spn = d?.[3] ?? /\bSMTP(?:SVC)?\/[A-Za-z0-9.-]{1,255}[A-Za-z0-9]/i.exec(m)?.[0];
  assign(out, 'targetSpn', spn);
  assign(out, 'targetHost', spn?.replace(/^[^/]*\//, ''));
  assign(out, 'sendingServer', shortName(r.computer));
  assign(out, 'time', r.time);
  return out;
}

/** A bare 1035 description: the mechanism token and a bracketed address, in any language. */
export function looksLike1035(message: string): boolean {
  return /\bExchangeAuth\b|\bMSExchangeTransport\b|\b1035\b/.test(message) && /\[[0-9A-Fa-f.:]{2,45}\]/.test(message);
}
