/**
 * Hover text for evidence: SMTP reply codes and enhanced status codes anywhere, and the field under
 * the cursor in protocol and tracking logs. Returns Markdown; looks only at a window around the
 * cursor so a 50 MB line costs nothing.
 */
import { splitCsvLine, fieldAt } from './csv';
import { TRANSPORT_PORTS, parseEndpoint } from './endpoint';
import type { EvidenceKind } from '../../shared/evidence-model';
import { ENHANCED_CODES_DATE, lookupEnhancedCode, lookupReplyCode } from './status-codes';
import { EN, type MessageKey } from '../l10n/en';
import { t, type Lang } from '../l10n/render';

const EVENT_SYMBOLS: Readonly<Record<string, string>> = {
  '+': 'connect',
  '-': 'disconnect',
  '>': 'sent',
  '<': 'received',
  '*': 'info',
};

export interface HoverResult {
  markdown: string;
  start: number;
  end: number;
}

const isDigit = (c: number): boolean => c >= 48 && c <= 57;

/** The run of digits and dots around `ch`, with its bounds. */
function tokenAt(line: string, ch: number): { text: string; start: number; end: number } | undefined {
  let s = ch;
  let e = ch;
  const ok = (c: number): boolean => isDigit(c) || c === 46;
  if (!(ok(line.charCodeAt(ch)) || (ch > 0 && ok(line.charCodeAt(ch - 1))))) return undefined;
  while (s > 0 && ch - s < 16 && ok(line.charCodeAt(s - 1))) s--;
  while (e < line.length && e - ch < 16 && ok(line.charCodeAt(e))) e++;
  let text = line.slice(s, e);
  // A sentence-ending dot is not part of the code.
  while (text.endsWith('.')) {
    text = text.slice(0, -1);
    e--;
  }
  return text ? { text, start: s, end: e } : undefined;
}

export function enhancedCodeMarkdown(code: string, lang: Lang = 'en'): string | undefined {
  const info = lookupEnhancedCode(code);
  if (!info) return undefined;
  const parts = [t(lang, 'hover.enhanced-code', { code })];
  if (info.class) parts.push(`- **${info.class.code}** ${info.class.sampleText}: ${info.class.description}`);
  if (info.subject) parts.push(`- **${info.subject.code}** ${info.subject.sampleText}`);
  if (info.detail) {
    parts.push(
      `- **${info.detail.code}** ${info.detail.sampleText}: ${info.detail.description}` +
        (info.detail.basicCodes ? t(lang, 'hover.with-reply-codes', { codes: info.detail.basicCodes }) : '') +
        ` [${info.detail.reference}]`,
    );
  } else {
    parts.push(`- ${t(lang, 'hover.vendor-code')}`);
  }
  const note = info.detail?.exchange ?? info.subject?.exchange;
  if (note) parts.push('', note);
  parts.push('', t(lang, 'hover.iana-source', { date: ENHANCED_CODES_DATE }));
  return parts.join('\n');
}

export function replyCodeMarkdown(code: string, lang: Lang = 'en'): string | undefined {
  const r = lookupReplyCode(code);
  if (!r) return undefined;
  const kind = t(lang, `hover.reply.${code[0]}` as MessageKey);
  const parts = [t(lang, 'hover.reply', { code, kind }), '', `${r.text} [${r.reference}]`];
  if (r.exchange) parts.push('', r.exchange);
  return parts.join('\n');
}

function codeHover(line: string, ch: number, lang: Lang): HoverResult | undefined {
  const tok = tokenAt(line, ch);
  if (!tok) return undefined;
  const before = tok.start > 0 ? line.charCodeAt(tok.start - 1) : 32;
  // Letters or digits glued before the token make it something else (a version, a host name).
  if (/[A-Za-z0-9_]/.test(String.fromCharCode(before))) return undefined;
  if (/^[245]\.\d{1,3}\.\d{1,3}$/.test(tok.text)) {
    const md = enhancedCodeMarkdown(tok.text, lang);
    return md ? { markdown: md, start: tok.start, end: tok.end } : undefined;
  }
  if (/^[2-5]\d\d$/.test(tok.text)) {
    const after = line.charCodeAt(tok.end);
    if (!(after === 32 || after === 45 || Number.isNaN(after))) return undefined;
    const md = replyCodeMarkdown(tok.text, lang);
    return md ? { markdown: md, start: tok.start, end: tok.end } : undefined;
  }
  return undefined;
}

function fieldHover(
  line: string,
  ch: number,
  kind: EvidenceKind,
  fields: readonly string[],
  lang: Lang,
): HoverResult | undefined {
  if (line.startsWith('#') || line.length > 8192) return undefined;
  const cells = splitCsvLine(line, fields.length + 4);
  const k = fieldAt(cells, ch);
  if (k < 0) return undefined;
  const name = fields[k];
  if (!name) return undefined;
  // The descriptions are catalogue entries (field.p.* protocol log, field.t.* tracking log, field.e.* events).
  const docKey = `field.${kind === 'tracking-log' ? 't' : 'p'}.${name}`;
  if (!(docKey in EN)) return undefined;
  const cell = cells[k]!;
  const parts = [`**${name}**`, '', t(lang, docKey as MessageKey)];
  const symbol = EVENT_SYMBOLS[cell.value.trim()];
  if (name === 'event' && symbol)
    parts.push('', `\`${cell.value.trim()}\`: ${t(lang, `field.e.${symbol}` as MessageKey)}`);
  if (name.endsWith('endpoint')) {
    const e = parseEndpoint(cell.value);
    if (e?.port && TRANSPORT_PORTS[e.port])
      parts.push('', t(lang, 'hover.port', { port: e.port, what: t(lang, `port.${e.port}` as MessageKey) }));
  }
  return { markdown: parts.join('\n'), start: cell.start, end: cell.end };
}

export function hoverAt(
  line: string,
  ch: number,
  kind: EvidenceKind,
  fields: readonly string[] = [],
  lang: Lang = 'en',
): HoverResult | undefined {
  if (ch < 0 || ch > line.length) return undefined;
  const code = codeHover(line, ch, lang);
  const isLog = kind === 'smtp-receive-log' || kind === 'smtp-send-log' || kind === 'tracking-log';
  const field = isLog && fields.length ? fieldHover(line, ch, kind, fields, lang) : undefined;
  if (code && field)
    return { markdown: `${code.markdown}\n\n---\n\n${field.markdown}`, start: code.start, end: code.end };
  return code ?? field;
}
