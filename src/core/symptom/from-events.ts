/**
 * Step 0 of the walkthrough for events pasted in any shape and display language: Exchange's 1035
 * (logged by the receiving server; its source address is the sender) and 2017 (logged by the
 * sending server; its target SPN names the receiver), read by src/core/evidence/event-records.ts
 * and transport-auth-events.ts. A bare 1035 description (no labels, no XML) is read too.
 */
import { readEventRecords, type EventRecord } from '../evidence/event-records';
import { looksLike1035, readInboundAuthFailure, readOutboundAuthFailure } from '../evidence/transport-auth-events';
import type { SymptomRecognition } from '../../shared/symptom';

export function fromEventRecords(text: string, r: SymptomRecognition): boolean {
  const records: EventRecord[] = readEventRecords(text);
  if (!records.length && looksLike1035(text))
    records.push({ id: 1035, data: [], message: text, line: 0, endLine: 0, form: 'message' });
  for (const rec of records) {
    const inbound = readInboundAuthFailure(rec);
    if (inbound && (inbound.sourceIp || inbound.connector)) {
      r.kinds.push('event-1035');
      if (inbound.error) r.error = inbound.error;
      if (inbound.connector) r.connector = inbound.connector;
      if (inbound.mechanism) r.mechanism = inbound.mechanism;
      if (inbound.sourceIp) r.sending = { ip: inbound.sourceIp };
      if (inbound.receivingServer) r.receiving = { name: inbound.receivingServer };
      return true;
    }
    const outbound = readOutboundAuthFailure(rec);
    if (outbound && (outbound.targetHost || outbound.sendingServer)) {
      r.kinds.push('event-1035');
      if (outbound.error) r.error = outbound.error;
      if (outbound.connector) r.connector = outbound.connector;
      if (outbound.mechanism) r.mechanism = outbound.mechanism;
      if (outbound.sendingServer) r.sending = { name: outbound.sendingServer };
      if (outbound.targetHost) r.receiving = { name: outbound.targetHost };
      return true;
    }
  }
  return false;
}
