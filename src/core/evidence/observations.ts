/**
 * From one evidence file to the observations correlate.ts joins: each authentication failure with
 * its time (when the file gives an unambiguous one), its two ends and its status token, plus the
 * host aliases the file reveals (in a protocol log, the address of each end next to the name it
 * said in EHLO or in its 220/250 greeting). Pure; reads the text once, line by line.
 */
import { KDC_PROVIDERS, KERBEROS_CLIENT_PROVIDERS, stepsForEvent } from '../kerberos-codes';
import type { Step } from '../../shared/findings';
import { meaningOfAuthError } from './auth-error-steps';
import type { AuthObservation } from './correlate';
import { detectEvidenceKind } from './detect';
import { parseEndpoint } from './endpoint';
import { readEventRecords, type EventRecord } from './event-records';
import { findFailures } from './failure-patterns';
import { iterateLines } from './lines';
import type { HostEnd } from '../../shared/evidence-model';
import { readBounce } from './bounce';
import { analyseQueue } from './queue';
import { readInboundAuthFailure, readOutboundAuthFailure } from './transport-auth-events';
import { applyDirective, newHeader, PROTOCOL_LOG_FIELDS, readRecord } from './w3c';

export interface FileObservations {
  observations: AuthObservation[];
  aliases: [string, string][];
}

/** Only times that say their zone (ISO with Z or an offset): local Event Viewer times are skipped. */
export function parseUtc(value: string | undefined): number | undefined {
  if (!value || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/.test(value.trim()))
    return undefined;
  const t = Date.parse(value.trim().replace(/(\.\d{3})\d+/, '$1'));
  return Number.isFinite(t) ? t : undefined;
}

function fromProtocolLog(text: string, file: string, send: boolean): FileObservations {
  const out: FileObservations = { observations: [], aliases: [] };
  const header = newHeader([...PROTOCOL_LOG_FIELDS]);
  for (const line of iterateLines(text)) {
    if (applyDirective(header, line.text) || line.text === '') continue;
    const rec = readRecord(header, line.text);
    const local = rec.get('local-endpoint')?.value ?? '';
    const remote = rec.get('remote-endpoint')?.value ?? '';
    const event = rec.get('event')?.value;
    const data = rec.get('data')?.value ?? '';
    const localIp = local.replace(/:\d+$/, '');
    const remoteIp = remote.replace(/:\d+$/, '');
    // Who said which name: EHLO is said by the sending end, 220/250 greetings by the receiving end.
    const ehlo = /^EHLO\s+([A-Za-z0-9.-]+)/i.exec(data)?.[1];
    const greeting = /^(?:220|250)[ -]([A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+)\b/.exec(data)?.[1];
    const sender = send ? localIp : remoteIp;
    const receiver = send ? remoteIp : localIp;
    if (ehlo && ((send && event === '>') || (!send && event === '<'))) out.aliases.push([sender, ehlo]);
    if (greeting && ((send && event === '<') || (!send && event === '>'))) out.aliases.push([receiver, greeting]);
    const hits = findFailures(line.text);
    if (!hits.length) continue;
    const hit = hits[0]!;
    const sending: HostEnd | undefined = parseEndpoint(send ? local : remote);
    const receiving: HostEnd | undefined = parseEndpoint(send ? remote : local);
    const time = parseUtc(rec.get('date-time')?.value);
    out.observations.push({
      source: send ? 'send-log' : 'receive-log',
      file,
      line: line.index,
      ...(time !== undefined ? { time } : {}),
      ...(sending
        ? { sending: { ip: sending.ip ?? sending.name ?? sender } }
        : sender
          ? { sending: { ip: sender } }
          : {}),
      ...(receiving
        ? { receiving: { ip: receiving.ip ?? receiving.name ?? receiver } }
        : receiver
          ? { receiving: { ip: receiver } }
          : {}),
      ...(hit.parts?.error ? { error: hit.parts.error } : {}),
      steps: hit.steps,
    });
  }
  return out;
}

function kerberosObservation(r: EventRecord, file: string): AuthObservation | undefined {
  const kdc = KDC_PROVIDERS.some((p) => p.toLowerCase() === r.provider?.toLowerCase());
  const client = KERBEROS_CLIENT_PROVIDERS.some((p) => p.toLowerCase() === r.provider?.toLowerCase());
  if (r.id === undefined || (!kdc && !client) || ![3, 4, 11, 14, 16, 27].includes(r.id)) return undefined;
  const all = `${r.message} ${r.data.join(' ')}`;
  const name = /\b(KRB_[A-Z_]{2,40}|KDC_ERR_[A-Z_]{2,40})\b/.exec(all)?.[1];
  const hex = /\b0x([0-9a-f]{1,4})\b/i.exec(all)?.[1];
  const hints = stepsForEvent({ provider: r.provider!, id: r.id, ...(hex ? { errorCode: parseInt(hex, 16) } : {}) });
  const spnHost = /\bSMTP(?:SVC)?\/([A-Za-z0-9.-]+)/i.exec(all)?.[1];
  const account = /\b([A-Za-z0-9-]{1,15})\$/.exec(all)?.[1];
  const target = spnHost ?? account;
  const time = parseUtc(r.time);
  return {
    source: 'kerberos-event',
    file,
    line: r.line,
    ...(time !== undefined ? { time } : {}),
    // A client event (3, 4) is logged on the sending server; a KDC event names the target account.
    ...(client && r.computer ? { sending: { name: r.computer } } : {}),
    ...(target ? { receiving: { name: target } } : {}),
    ...(name ? { error: name } : {}),
    steps: [...new Set(hints.map((h) => h.step))] as Step[],
  };
}

function fromEvents(text: string, file: string): FileObservations {
  const out: FileObservations = { observations: [], aliases: [] };
  for (const r of readEventRecords(text)) {
    const time = parseUtc(r.time);
    const inbound = readInboundAuthFailure(r);
    if (inbound) {
      out.observations.push({
        source: 'event-1035',
        file,
        line: r.line,
        ...(time !== undefined ? { time } : {}),
        ...(inbound.sourceIp ? { sending: { ip: inbound.sourceIp } } : {}),
        ...(inbound.receivingServer ? { receiving: { name: inbound.receivingServer } } : {}),
        ...(inbound.error ? { error: inbound.error } : {}),
        steps: meaningOfAuthError(inbound.error).steps,
      });
      continue;
    }
    const outbound = readOutboundAuthFailure(r);
    if (outbound) {
      out.observations.push({
        source: 'event-2017',
        file,
        line: r.line,
        ...(time !== undefined ? { time } : {}),
        ...(outbound.sendingServer ? { sending: { name: outbound.sendingServer } } : {}),
        ...(outbound.targetHost ? { receiving: { name: outbound.targetHost } } : {}),
        ...(outbound.error ? { error: outbound.error } : {}),
        steps: meaningOfAuthError(outbound.error).steps,
      });
      continue;
    }
    const k = kerberosObservation(r, file);
    if (k) out.observations.push(k);
  }
  return out;
}

/** A bounce (DSN or NDR text) reports a failure of its reporting server towards the remote MTA. */
function fromBounce(text: string, file: string): FileObservations {
  const bounce = readBounce(text);
  const observations: AuthObservation[] = [];
  for (const r of bounce?.recipients ?? []) {
    const hit = r.diagnosticCode ? findFailures(r.diagnosticCode)[0] : undefined;
    if (!hit) continue;
    observations.push({
      source: 'bounce',
      file,
      line: r.line,
      ...(bounce?.reportingMta ? { sending: { name: bounce.reportingMta } } : {}),
      ...(r.remoteMta ? { receiving: { name: r.remoteMta } } : {}),
      ...(hit.parts?.error ? { error: hit.parts.error } : {}),
      steps: hit.steps,
    });
  }
  return { observations, aliases: [] };
}

export function observationsFromText(text: string, file: string): FileObservations {
  const kind = detectEvidenceKind(text, file);
  switch (kind) {
    case 'smtp-send-log':
    case 'smtp-receive-log':
      return fromProtocolLog(text, file, kind === 'smtp-send-log');
    case 'windows-events':
      return fromEvents(text, file);
    case 'queue': {
      const observations: AuthObservation[] = analyseQueue(text)
        .findings.filter((f) => f.sending || f.receiving)
        .map((f) => ({
          source: 'queue' as const,
          file,
          line: f.range.line,
          ...(f.sending ? { sending: f.sending } : {}),
          ...(f.receiving ? { receiving: f.receiving } : {}),
          steps: f.steps,
        }));
      return { observations, aliases: [] };
    }
    case 'headers':
      return fromBounce(text, file);
    default:
      return { observations: [], aliases: [] };
  }
}
