/**
 * Which kind of evidence a text is, from its content (the `#Log-type:` line, a header block, queue
 * properties) and its file name (`RECV*.LOG`, `SEND*.LOG`, `MSGTRK*.LOG`, `.eml`). Content wins over
 * the name. Reads at most the first 64 lines, each cut short, so any input is cheap.
 */
import type { EvidenceKind } from '../../shared/evidence-model';
import { isEventLine } from './event-records';

const HEADER_NAMES =
  /^(received|return-path|message-id|date|from|to|subject|mime-version|x-ms-exchange-[a-z-]+|x-originating-ip|authentication-results|received-spf|dkim-signature|delivered-to|content-type|thread-topic|thread-index|x-mailer|reply-to|cc|x-ms-has-attach|x-ms-tnef-correlator|arc-[a-z-]+):/i;

export function detectByFileName(fileName: string | undefined): EvidenceKind {
  if (!fileName) return 'unknown';
  const base = fileName.replace(/^.*[\\/]/, '');
  if (/^RECV.*\.LOG$/i.test(base)) return 'smtp-receive-log';
  if (/^SEND.*\.LOG$/i.test(base)) return 'smtp-send-log';
  if (/^MSGTRK.*\.LOG$/i.test(base)) return 'tracking-log';
  if (/\.eml$/i.test(base)) return 'headers';
  return 'unknown';
}

export function detectByContent(text: string): EvidenceKind {
  let headerLines = 0;
  let received = 0;
  let queueProps = 0;
  let events = 0;
  let seen = 0;
  let start = 0;
  while (seen < 64 && start < text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const line = text
      .slice(start, Math.min(end, start + 512))
      .replace(/^\uFEFF/, '')
      .replace(/\r$/, '');
    start = end + 1;
    seen++;
    if (line.trim() === '') {
      if (headerLines >= 2) break;
      continue;
    }
    const logType = /^#Log-type:\s*(.*)$/i.exec(line);
    if (logType) {
      const v = logType[1]!;
      if (/SMTP Receive Protocol Log/i.test(v)) return 'smtp-receive-log';
      if (/SMTP Send Protocol Log/i.test(v)) return 'smtp-send-log';
      if (/Message Tracking Log/i.test(v)) return 'tracking-log';
      continue;
    }
    if (/^\s*Identity\s+DeliveryType\s+Status\b/i.test(line)) return 'queue';
    if (isEventLine(line)) events++;
    if (events >= 2 || /<Event xmlns="http:\/\/schemas\.microsoft\.com\/win\/2004\/08\/events\/event"/.test(line))
      return 'windows-events';
    if (/^(Identity|DeliveryType|NextHopDomain|LastError|Last Error|MessageCount|NextHopConnector)\s*:/i.test(line))
      queueProps++;
    if (HEADER_NAMES.test(line)) {
      headerLines++;
      if (/^received:/i.test(line)) received++;
    }
  }
  if (queueProps >= 2) return 'queue';
  if (received >= 1 && headerLines >= 2) return 'headers';
  if (headerLines >= 3) return 'headers';
  return 'unknown';
}

export function detectEvidenceKind(text: string, fileName?: string): EvidenceKind {
  const byContent = detectByContent(text);
  return byContent !== 'unknown' ? byContent : detectByFileName(fileName);
}
