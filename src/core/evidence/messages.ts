/**
 * Messages for failures found in evidence, as codes of the message catalogue (src/core/l10n) with
 * their parameters: each names what failed, between whom when the evidence says so, and the likely
 * steps of KB 979174. The finding keeps the `text` (any view words it in its language) and its
 * English rendering as `message` (JSON, logs).
 */
import type { Step } from '../../shared/findings';
import { render, stepsText, text, type LocalText, type ParamValue } from '../l10n/render';
import type { MessageKey } from '../l10n/en';
import { isKnownAuthError } from './auth-error-steps';
import { formatHost } from './endpoint';
import type { PatternHit } from './failure-patterns';
import type { EvidenceFinding, HostEnd, TextRange } from '../../shared/evidence-model';
import { serverOfDefaultConnector } from './transport-auth-events';

export interface HitContext {
  /** The SMTP command the failing reply answered (protocol logs), e.g. `X-EXPS GSSAPI`. */
  answered?: string;
  /** Which side wrote the evidence: the receiving server (receive log, event 1035) or the sending one. */
  writtenBy?: 'sending' | 'receiving';
  sending?: HostEnd;
  receiving?: HostEnd;
}

/** " from EX01 to EX02", " from EX01", " to EX02" or nothing. */
export function betweenText(ctx: { sending?: HostEnd; receiving?: HostEnd }): LocalText | string {
  if (ctx.sending && ctx.receiving)
    return text('between.both', { sending: formatHost(ctx.sending), receiving: formatHost(ctx.receiving) });
  if (ctx.sending) return text('between.from', { sending: formatHost(ctx.sending) });
  if (ctx.receiving) return text('between.to', { receiving: formatHost(ctx.receiving) });
  return '';
}

/** " (error X, connector Y, ...)" from the parts an event or log line gave. */
function detailText(parts: Record<string, string>): LocalText | string {
  const labels: [string, MessageKey][] = [
    ['error', 'detail.error'],
    ['connector', 'detail.connector'],
    ['mechanism', 'detail.mechanism'],
    ['sourceIp', 'detail.source'],
    ['targetSpn', 'detail.target'],
  ];
  const items = labels.filter(([k]) => parts[k]).map(([k, key]) => text(key, { value: parts[k]! }));
  return items.length ? text('detail.list', { items }) : '';
}

export function causeText(error: string | undefined): LocalText {
  return text(error && isKnownAuthError(error) ? (`cause.${error}` as MessageKey) : 'cause.default');
}

/** A finding worded by the catalogue: `text` for any language, `message` in English. */
export function localFinding(
  base: Omit<EvidenceFinding, 'message' | 'text'>,
  key: MessageKey,
  params: Readonly<Record<string, ParamValue>> = {},
): EvidenceFinding {
  const t = text(key, params);
  return { ...base, message: render('en', t), text: t };
}

const isTlsCommand = (cmd: string | undefined): boolean => !!cmd && /^(STARTTLS|X-ANONYMOUSTLS)\b/i.test(cmd);
const isExpsCommand = (cmd: string | undefined): boolean => !!cmd && /^X-EXPS\b/i.test(cmd);

/** Turns a pattern hit into a finding, refining the code by the command it answered. */
export function findingFromHit(hit: PatternHit, range: TextRange, ctx: HitContext = {}): EvidenceFinding {
  let code = hit.code;
  let steps: Step[] = hit.steps;
  const p = hit.parts ?? {};
  if (hit.code === 'event-1035' && !ctx.sending && !ctx.receiving) {
    // Event 1035 is logged by the receiving server ("Receive connector Default EX02"); the source IP is the sender.
    if (p.sourceIp) ctx = { ...ctx, sending: { ip: p.sourceIp } };
    const server = p.connector ? serverOfDefaultConnector(p.connector) : undefined;
    if (server) ctx = { ...ctx, receiving: { name: server } };
  }
  const between = betweenText(ctx);
  let key: MessageKey;
  let params: Record<string, ParamValue> = {};
  switch (hit.code) {
    case 'auth-temporary-failure':
    case 'auth-failure-relayed':
      if (isTlsCommand(ctx.answered)) {
        code = 'x-anonymoustls-failed';
        steps = [6];
        key = 'ev.x-anonymoustls-failed';
        params = { command: ctx.answered!, between };
      } else if (isExpsCommand(ctx.answered)) {
        code = 'x-exps-failed';
        key = /GSSAPI/i.test(ctx.answered ?? '') ? 'ev.x-exps-failed.kerberos' : 'ev.x-exps-failed.exchange';
        params = { command: ctx.answered!, between };
      } else if (hit.code === 'auth-failure-relayed') {
        key = 'ev.auth-failure-relayed';
        params = { hop: ctx.receiving ? ` ${formatHost(ctx.receiving)}` : '' };
      } else {
        key = 'ev.auth-temporary-failure';
        params = { between };
      }
      break;
    case 'exchange-auth-unavailable':
      key = 'ev.exchange-auth-unavailable';
      params = { between };
      break;
    case 'unexpected-exchange-auth-blob':
      key = 'ev.unexpected-exchange-auth-blob';
      params = { between };
      break;
    case 'tls-failed':
      key = 'ev.tls-failed';
      params = { error: p.error ? ` (${p.error})` : '', between };
      break;
    case 'event-1035':
      key = 'ev.event-1035';
      params = { detail: detailText(p) };
      break;
    case 'event-2017':
      key = 'ev.event-2017';
      params = { detail: detailText(p), between, cause: causeText(p.error) };
      break;
    case 'outbound-auth-failed':
      key = 'ev.outbound-auth-failed';
      params = { error: p.error ?? '?', between, cause: causeText(p.error) };
      break;
    case 'inbound-auth-failed':
      key = 'ev.inbound-auth-failed';
      params = { error: p.error ?? '?', between, cause: causeText(p.error) };
      break;
    case 'kerberos-event':
      key = 'ev.kerberos-event';
      params = { provider: p.provider ?? 'Kerberos', event: p.event ?? '?', name: p.name ? ` (${p.name})` : '' };
      break;
    case 'kerberos-skew':
      key = 'ev.kerberos-skew';
      break;
    case 'kerberos-modified':
      key = 'ev.kerberos-modified';
      break;
    default:
      key = 'ev.kerberos-error';
      params = { name: p.name ?? 'Kerberos' };
  }
  params.steps = stepsText(steps);
  const finding = localFinding({ code, severity: hit.severity, range, steps }, key, params);
  if (ctx.sending) finding.sending = ctx.sending;
  if (ctx.receiving) finding.receiving = ctx.receiving;
  return finding;
}
