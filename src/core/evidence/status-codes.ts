/**
 * SMTP reply codes (RFC 5321, RFC 3207, RFC 4954) and enhanced status codes (the IANA registry,
 * shipped as data/smtp-enhanced-status-codes.json with its source and transcription date), with
 * notes on what Exchange means by them.
 */
import registry from './data/smtp-enhanced-status-codes.json';

export interface EnhancedCodeEntry {
  code: string;
  sampleText: string;
  basicCodes: string;
  description: string;
  reference: string;
  exchange?: string;
}

interface Registry {
  source: string;
  transcribed: string;
  codes: EnhancedCodeEntry[];
}

const data: Registry = registry;
export const ENHANCED_CODES_SOURCE = data.source;
export const ENHANCED_CODES_DATE = data.transcribed;
const byCode = new Map(data.codes.map((e) => [e.code, e]));

export interface EnhancedCodeInfo {
  code: string;
  class?: EnhancedCodeEntry;
  subject?: EnhancedCodeEntry;
  detail?: EnhancedCodeEntry;
}

/** `4.7.0` -> its class (4.X.XXX), subject (X.7.XXX) and detail (X.7.0) entries. */
export function lookupEnhancedCode(code: string): EnhancedCodeInfo | undefined {
  const m = /^([245])\.(\d{1,3})\.(\d{1,3})$/.exec(code);
  if (!m) return undefined;
  const info: EnhancedCodeInfo = { code };
  const c = byCode.get(`${m[1]}.X.XXX`);
  if (c) info.class = c;
  const s = byCode.get(`X.${Number(m[2])}.XXX`);
  if (s) info.subject = s;
  const d = byCode.get(`X.${Number(m[2])}.${Number(m[3])}`);
  if (d) info.detail = d;
  return info.class ? info : undefined;
}

export interface ReplyCodeEntry {
  text: string;
  reference: string;
  exchange?: string;
}

export const REPLY_CODES: Readonly<Record<string, ReplyCodeEntry>> = {
  '211': { text: 'System status, or system help reply', reference: 'RFC 5321' },
  '214': { text: 'Help message', reference: 'RFC 5321' },
  '220': {
    text: '<domain> Service ready (also: Ready to start TLS, in answer to STARTTLS)',
    reference: 'RFC 5321, RFC 3207',
    exchange:
      "Exchange banners read `220 <fqdn> Microsoft ESMTP MAIL Service ready at <date and time with UTC offset>`: the receiving server's clock, useful for step 1.",
  },
  '221': { text: '<domain> Service closing transmission channel', reference: 'RFC 5321' },
  '235': {
    text: 'Authentication succeeded',
    reference: 'RFC 4954',
    exchange: 'After X-EXPS GSSAPI this is a successful Kerberos logon between Exchange servers.',
  },
  '250': {
    text: 'Requested mail action okay, completed',
    reference: 'RFC 5321',
    exchange:
      'The EHLO answer lists the verbs: X-ANONYMOUSTLS and X-EXPS appear only when the connector has Exchange Server authentication (step 6).',
  },
  '251': { text: 'User not local; will forward to <forward-path>', reference: 'RFC 5321' },
  '252': { text: 'Cannot VRFY user, but will accept message and attempt delivery', reference: 'RFC 5321' },
  '334': {
    text: 'Server challenge (continue the authentication exchange; base64 data follows)',
    reference: 'RFC 4954',
    exchange: 'Exchange logs the blobs as `<authentication response>` rather than their content.',
  },
  '354': { text: 'Start mail input; end with <CRLF>.<CRLF>', reference: 'RFC 5321' },
  '421': { text: '<domain> Service not available, closing transmission channel', reference: 'RFC 5321' },
  '432': { text: 'A password transition is needed', reference: 'RFC 4954' },
  '450': { text: 'Requested mail action not taken: mailbox unavailable', reference: 'RFC 5321' },
  '451': {
    text: 'Requested action aborted: local error in processing',
    reference: 'RFC 5321',
    exchange:
      'In a queue\'s Last Error, `451 4.4.0 Primary target IP address responded with: "..."` carries the next hop\'s own reply: read the inner code.',
  },
  '452': { text: 'Requested action not taken: insufficient system storage', reference: 'RFC 5321' },
  '454': {
    text: 'Temporary authentication failure (RFC 4954); TLS not available due to temporary reason (RFC 3207, in answer to STARTTLS)',
    reference: 'RFC 4954, RFC 3207',
    exchange:
      '`454 4.7.0 Temporary authentication failure` between Exchange servers is the symptom KB 979174 resolves: Kerberos (X-EXPS GSSAPI) or Exchange authentication failed on the receiving server.',
  },
  '455': { text: 'Server unable to accommodate parameters', reference: 'RFC 5321' },
  '500': {
    text: 'Syntax error, command unrecognized (also: Authentication Exchange line is too long)',
    reference: 'RFC 5321, RFC 4954',
  },
  '501': { text: 'Syntax error in parameters or arguments', reference: 'RFC 5321' },
  '502': { text: 'Command not implemented', reference: 'RFC 5321' },
  '503': { text: 'Bad sequence of commands', reference: 'RFC 5321' },
  '504': {
    text: 'Command parameter not implemented (also: unrecognized authentication type)',
    reference: 'RFC 5321, RFC 4954',
    exchange:
      '`504 5.7.4 Unrecognized authentication type` answers an AUTH/X-EXPS mechanism the connector does not offer (step 6).',
  },
  '530': { text: 'Authentication required', reference: 'RFC 4954' },
  '534': { text: 'Authentication mechanism is too weak', reference: 'RFC 4954' },
  '535': {
    text: 'Authentication credentials invalid',
    reference: 'RFC 4954',
    exchange: '`535 5.7.3 Authentication unsuccessful` after X-EXPS is a refused logon between servers.',
  },
  '538': { text: 'Encryption required for requested authentication mechanism', reference: 'RFC 4954' },
  '550': {
    text: 'Requested action not taken: mailbox unavailable, or rejected for policy reasons',
    reference: 'RFC 5321',
  },
  '551': { text: 'User not local; please try <forward-path>', reference: 'RFC 5321' },
  '552': { text: 'Requested mail action aborted: exceeded storage allocation', reference: 'RFC 5321' },
  '553': { text: 'Requested action not taken: mailbox name not allowed', reference: 'RFC 5321' },
  '554': { text: 'Transaction failed (or, in answer to a connection, no SMTP service here)', reference: 'RFC 5321' },
  '555': { text: 'MAIL FROM/RCPT TO parameters not recognized or not implemented', reference: 'RFC 5321' },
};

export function lookupReplyCode(code: string): ReplyCodeEntry | undefined {
  return Object.prototype.hasOwnProperty.call(REPLY_CODES, code) ? REPLY_CODES[code] : undefined;
}
