/**
 * The text that marks an authentication failure between Exchange servers, wherever it appears (a
 * protocol log's data field, a tracking log's recipient-status, a queue's LastError, an NDR, event
 * 1035 pasted into a file). One table serves the editor analysers and the folder scan, so both
 * agree on what a failure is. Matching is plain substring search: linear on any input.
 */
import type { Step } from '../../shared/findings';
import type { EvidenceCode, FindingSeverity } from '../../shared/evidence-model';
import { meaningOfAuthError } from './auth-error-steps';

/** Literal needles the folder scan searches for; every classified hit contains one of them. */
export const SCAN_NEEDLES = [
  '454 4.7.0',
  'Cannot achieve Exchange Server authentication',
  'UnexpectedExchangeAuthBlob',
  'TLS negotiation failed',
  'Inbound authentication failed',
  'KRB_AP_ERR_',
  'Outbound Authentication failed',
  'Outbound authentication failed',
] as const;

export interface PatternHit {
  code: EvidenceCode;
  severity: FindingSeverity;
  steps: Step[];
  /** Offsets in the text searched. */
  start: number;
  end: number;
  /** Parsed parts, e.g. event 1035's error, connector, mechanism and source IP. */
  parts?: Record<string, string>;
}

const TEMP_FAIL = '454 4.7.0';
const TEMP_FAIL_TEXT = ' Temporary authentication failure';

function extendWith(text: string, end: number, suffix: string): number {
  return text.startsWith(suffix, end) ? end + suffix.length : end;
}

/** Every failure in `text`, in order of position. Never throws. */
export function findFailures(text: string): PatternHit[] {
  const hits: PatternHit[] = [];
  const temp = text.indexOf(TEMP_FAIL);
  if (temp >= 0) {
    const tempEnd = extendWith(text, temp + TEMP_FAIL.length, TEMP_FAIL_TEXT);
    const relay = text.lastIndexOf('451 4.4.0', temp);
    if (relay >= 0) {
      // Queue Viewer / send side: the next hop answered 454 4.7.0 and the queue retries (451 4.4.0).
      hits.push({ code: 'auth-failure-relayed', severity: 'error', steps: [1, 3, 2, 4], start: relay, end: tempEnd });
    } else {
      hits.push({ code: 'auth-temporary-failure', severity: 'error', steps: [1, 3, 2, 4], start: temp, end: tempEnd });
    }
  }
  const cannot = text.indexOf('Cannot achieve Exchange Server authentication');
  if (cannot >= 0) {
    const prefix = text.lastIndexOf('5.7.3', cannot);
    let start = prefix >= 0 && cannot - prefix <= 8 ? prefix : cannot;
    if (start >= 4 && /^[45]\d\d $/.test(text.slice(start - 4, start))) start -= 4;
    hits.push({
      code: 'exchange-auth-unavailable',
      severity: 'error',
      steps: [6],
      start,
      end: cannot + 'Cannot achieve Exchange Server authentication'.length,
    });
  }
  const blob = text.indexOf('UnexpectedExchangeAuthBlob');
  if (blob >= 0)
    hits.push({
      code: 'unexpected-exchange-auth-blob',
      severity: 'error',
      steps: [6, 3],
      start: blob,
      end: blob + 'UnexpectedExchangeAuthBlob'.length,
    });
  const tls = text.indexOf('TLS negotiation failed');
  if (tls >= 0) {
    const m = /^TLS negotiation failed(?: with error ([A-Za-z0-9_]{1,64}))?/.exec(text.slice(tls, tls + 120));
    const end = tls + (m?.[0].length ?? 'TLS negotiation failed'.length);
    hits.push({
      code: 'tls-failed',
      severity: 'error',
      steps: [6],
      start: tls,
      end,
      ...(m?.[1] ? { parts: { error: m[1] } } : {}),
    });
  }
  // Protocol logs: the send side writes "Outbound Authentication failed with <status>", the
  // receive side "Inbound authentication failed because of <status>" (Exchange's own strings).
  // Event 2017's text says "Outbound authentication failed with error <status> for Send connector ...".
  const capital = text.indexOf('Outbound Authentication failed with ');
  const outbound = capital >= 0 ? capital : text.indexOf('Outbound authentication failed with ');
  if (outbound >= 0) {
    const m = /^Outbound [Aa]uthentication failed with (?:error )?([A-Za-z0-9_]{1,64})/.exec(
      text.slice(outbound, outbound + 120),
    );
    const error = m?.[1];
    hits.push({
      code: 'outbound-auth-failed',
      severity: 'error',
      steps: meaningOfAuthError(error).steps,
      start: outbound,
      end: outbound + (m?.[0].length ?? 35),
      ...(error ? { parts: { error } } : {}),
    });
  }
  const because = text.indexOf('Inbound authentication failed because of ');
  if (because >= 0) {
    const m = /^Inbound authentication failed because of ([A-Za-z0-9_]{1,64})/.exec(text.slice(because, because + 120));
    const error = m?.[1];
    hits.push({
      code: 'inbound-auth-failed',
      severity: 'error',
      steps: meaningOfAuthError(error).steps,
      start: because,
      end: because + (m?.[0].length ?? 41),
      ...(error ? { parts: { error } } : {}),
    });
  }
  const inbound = because >= 0 ? -1 : text.indexOf('Inbound authentication failed');
  if (inbound >= 0) {
    const tail = text.slice(inbound, inbound + 600);
    const m =
      /^Inbound authentication failed(?: with error ([A-Za-z0-9_]{1,64}))?(?: for (?:Receive connector|receive connector) ([^.\r\n]{1,200}))?\.?/.exec(
        tail,
      );
    const parts: Record<string, string> = {};
    if (m?.[1]) parts.error = m[1];
    if (m?.[2]) parts.connector = m[2].trim();
    const mech = /authentication mechanism is ([A-Za-z0-9_-]{1,40})/.exec(tail);
    if (mech?.[1]) parts.mechanism = mech[1];
    const ip = /source IP address[^[\r\n]{0,120}\[([0-9A-Fa-f:.]{2,45})\]/.exec(tail);
    if (ip?.[1]) parts.sourceIp = ip[1];
    hits.push({
      code: 'event-1035',
      severity: 'error',
      steps: [5, 1, 3],
      start: inbound,
      end: inbound + (m?.[0].length ?? 29),
      parts,
    });
  }
  let krb = text.indexOf('KRB_AP_ERR_');
  let guard = 0;
  while (krb >= 0 && guard++ < 8) {
    const m = /^KRB_AP_ERR_[A-Z_]{1,30}/.exec(text.slice(krb, krb + 48));
    const name = m?.[0] ?? 'KRB_AP_ERR_';
    const code: EvidenceCode =
      name === 'KRB_AP_ERR_SKEW'
        ? 'kerberos-skew'
        : name === 'KRB_AP_ERR_MODIFIED'
          ? 'kerberos-modified'
          : 'kerberos-error';
    const steps: Step[] = code === 'kerberos-skew' ? [1] : code === 'kerberos-modified' ? [3, 2] : [5, 3, 1];
    hits.push({ code, severity: 'error', steps, start: krb, end: krb + name.length, parts: { name } });
    krb = text.indexOf('KRB_AP_ERR_', krb + name.length);
  }
  return hits.sort((a, b) => a.start - b.start);
}

/** True when `text` holds one of the scan needles (cheap pre-check). */
export function mayHoldFailure(text: string): boolean {
  return SCAN_NEEDLES.some((n) => text.includes(n));
}
