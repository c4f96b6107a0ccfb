/**
 * Bounces: RFC 3464 delivery status notifications (the `message/delivery-status` part: per-message
 * `Reporting-MTA`, per-recipient `Final-Recipient`, `Action`, `Status`, `Remote-MTA`,
 * `Diagnostic-Code`, each `type; value`, long values folded onto indented lines) and the text of
 * Exchange's NDR (`Generating server: EX01.contoso.com`, `Remote Server returned '...'`).
 * The reporting/generating server is the one that tried to send; the remote MTA is the receiver.
 * Those ends are given to the failures found in the same bounce, so a 454 4.7.0 in a bounce names
 * both servers. Pure; reads line by line.
 */
import type { EvidenceFinding, HostEnd } from '../../shared/evidence-model';
import { parseEndpoint } from './endpoint';
import { iterateLines } from './lines';

export interface DsnRecipient {
  finalRecipient?: string;
  action?: string;
  status?: string;
  remoteMta?: string;
  diagnosticCode?: string;
  line: number;
  endLine: number;
}

export interface Bounce {
  /** `Reporting-MTA` of the DSN, else `Generating server` of the NDR text. */
  reportingMta?: string;
  recipients: DsnRecipient[];
}

const FIELD =
  /^(Reporting-MTA|Final-Recipient|Original-Recipient|Action|Status|Remote-MTA|Diagnostic-Code|Generating server)\s*:\s*(.*)$/i;

/** `dns; ex02.contoso.com` -> `ex02.contoso.com`; `smtp; 451 4.4.0 ...` -> `451 4.4.0 ...`. */
function typedValue(value: string): string {
  const m = /^\s*[A-Za-z0-9-]{1,20}\s*;\s*(.*)$/.exec(value);
  return (m ? m[1]! : value).trim();
}

export function readBounce(text: string): Bounce | undefined {
  const bounce: Bounce = { recipients: [] };
  let current: DsnRecipient | undefined;
  let last: { set: (v: string) => void; get: () => string } | undefined;
  let seen = false;
  for (const line of iterateLines(text)) {
    const t = line.text;
    if (last && /^[ \t]+\S/.test(t)) {
      last.set(`${last.get()} ${t.trim()}`);
      if (current) current.endLine = line.index;
      continue;
    }
    last = undefined;
    const m = FIELD.exec(t);
    if (!m) continue;
    seen = true;
    const name = m[1]!.toLowerCase();
    const value = typedValue(m[2]!);
    if (name === 'reporting-mta' || name === 'generating server') {
      bounce.reportingMta ??= value;
      continue;
    }
    if (name === 'final-recipient' || name === 'original-recipient' || !current) {
      if (!current || current.finalRecipient !== undefined || name !== 'original-recipient') {
        current = { line: line.index, endLine: line.index };
        bounce.recipients.push(current);
      }
    }
    const rec = current;
    rec.endLine = line.index;
    const key = (
      {
        'final-recipient': 'finalRecipient',
        'original-recipient': undefined,
        action: 'action',
        status: 'status',
        'remote-mta': 'remoteMta',
        'diagnostic-code': 'diagnosticCode',
      } as const
    )[name];
    if (!key) continue;
    rec[key] = value;
    last = { set: (v) => (rec[key] = v), get: () => rec[key] ?? '' };
  }
  return seen ? bounce : undefined;
}

function hostOf(mta: string | undefined): HostEnd | undefined {
  if (!mta) return undefined;
  return parseEndpoint(mta.replace(/^\[(\d[\d.]+)\]$/, '$1')) ?? undefined;
}

/** Gives the bounce's two ends to the failures found in it that name neither. */
export function addBounceEnds(text: string, findings: EvidenceFinding[]): void {
  const bounce = readBounce(text);
  if (!bounce) return;
  const sending = hostOf(bounce.reportingMta);
  for (const f of findings) {
    if (f.sending || f.receiving) continue;
    const rec =
      bounce.recipients.find((r) => f.range.line >= r.line && f.range.line <= r.endLine) ??
      (bounce.recipients.length === 1 ? bounce.recipients[0] : undefined);
    const receiving = hostOf(rec?.remoteMta);
    if (sending) f.sending = sending;
    if (receiving) f.receiving = receiving;
  }
}
