/**
 * The Message-ID of the message a bounce is about, so the bounce joins the headers and the tracking
 * log rows of that message. RFC 3464 section 2 (and RFC 6522, the multipart/report it is carried in):
 * a DSN's third part, when present, is the original message (`message/rfc822`) or only its headers
 * (`text/rfc822-headers`); RFC 6533 adds `message/global` and `message/global-headers`. Exchange's
 * NDR text also quotes the original's headers after a line "Original message headers:" (seen in
 * public Exchange 2007 and Exchange Online NDRs; the localised markers below are the ones the
 * sisimai project lists for Exchange 2007 and Office 365 NDRs). Without any marker (a bounce whose
 * MIME lines were lost), a Message-ID header line after the DSN fields is the original's. Last, the
 * bounce's own In-Reply-To, which Exchange Online sets to the original's id. The bounce's own
 * Message-ID is never taken. Pure; reads line by line, at most `MAX_LINES`.
 */
import { iterateLines } from './lines';
import { angle } from './delivery-path-model';

const MAX_LINES = 20000;

const ORIGINAL_PART =
  /^Content-Type:\s*(message\/(rfc822|global)|text\/rfc822-headers|message\/global-headers)\s*(;|$)/i;
const ORIGINAL_TEXT = new RegExp(
  '^(' +
    [
      'Original message headers:',
      'Oorspronkelijke berichtkoppen:',
      'Cabeçalhos originais da mensagem:',
      "En-têtes de message d'origine :",
      'Intestazioni originali del messaggio:',
    ]
      .map((s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
      .join('|') +
    ')\\s*$',
  'i',
);
const DSN_FIELD = /^(Reporting-MTA|Final-Recipient|Original-Recipient|Action|Status)\s*:/i;
const MESSAGE_ID = /^Message-ID\s*:\s*(.*)$/i;

/** The enclosed original's Message-ID (without angle brackets), or undefined. */
export function readEnclosedMessageId(text: string): string | undefined {
  let inHeader = true;
  let headerSeen = false;
  let inOriginal = false;
  let afterDsn = false;
  let inReplyTo: string | undefined;
  let loose: string | undefined;
  /** A Message-ID line whose value is folded onto the next line. */
  let pending: 'original' | 'loose' | undefined;
  let count = 0;
  for (const line of iterateLines(text)) {
    if (++count > MAX_LINES) break;
    const t = line.text;
    if (pending) {
      const value = /^[ \t]+(\S.*)$/.exec(t)?.[1];
      const id = value ? angle(value) : undefined;
      if (pending === 'original' && id) return id;
      if (pending === 'loose' && id) loose ??= id;
      pending = undefined;
    }
    if (inHeader) {
      if (t.trim() === '') inHeader = !headerSeen;
      else headerSeen = true;
      if (inHeader && /^In-Reply-To\s*:/i.test(t)) inReplyTo = angle(t.slice(t.indexOf(':') + 1));
      continue;
    }
    if (ORIGINAL_PART.test(t) || ORIGINAL_TEXT.test(t)) {
      inOriginal = true;
      continue;
    }
    if (DSN_FIELD.test(t)) afterDsn = true;
    const m = MESSAGE_ID.exec(t);
    if (!m) continue;
    const id = angle(m[1]);
    if (inOriginal) {
      if (id) return id;
      pending = 'original';
    } else if (afterDsn) {
      if (id) loose ??= id;
      else pending = 'loose';
    }
  }
  return loose ?? inReplyTo;
}
