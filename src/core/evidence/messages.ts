/**
 * English messages for failures found in evidence. Each names what failed, between whom when the
 * evidence says so, and the likely steps of KB 979174.
 */
import type { Step } from '../../shared/findings';
import { formatHost } from './endpoint';
import type { PatternHit } from './failure-patterns';
import type { EvidenceFinding, HostEnd, TextRange } from '../../shared/evidence-model';
import { stepsSentence } from './steps';

export interface HitContext {
  /** The SMTP command the failing reply answered (protocol logs), e.g. `X-EXPS GSSAPI`. */
  answered?: string;
  /** Which side wrote the evidence: the receiving server (receive log, event 1035) or the sending one. */
  writtenBy?: 'sending' | 'receiving';
  sending?: HostEnd;
  receiving?: HostEnd;
}

function between(ctx: HitContext): string {
  if (ctx.sending && ctx.receiving) return ` from ${formatHost(ctx.sending)} to ${formatHost(ctx.receiving)}`;
  if (ctx.sending) return ` from ${formatHost(ctx.sending)}`;
  if (ctx.receiving) return ` to ${formatHost(ctx.receiving)}`;
  return '';
}

const isTlsCommand = (cmd: string | undefined): boolean => !!cmd && /^(STARTTLS|X-ANONYMOUSTLS)\b/i.test(cmd);
const isExpsCommand = (cmd: string | undefined): boolean => !!cmd && /^X-EXPS\b/i.test(cmd);

/** Turns a pattern hit into a finding, refining the code by the command it answered. */
export function findingFromHit(hit: PatternHit, range: TextRange, ctx: HitContext = {}): EvidenceFinding {
  let code = hit.code;
  let steps: Step[] = hit.steps;
  let message: string;
  const who = between(ctx);
  switch (hit.code) {
    case 'auth-temporary-failure':
    case 'auth-failure-relayed':
      if (isTlsCommand(ctx.answered)) {
        code = 'x-anonymoustls-failed';
        steps = [6];
        message = `454 4.7.0 in answer to ${ctx.answered}${who}: the receiving server could not start TLS, so Exchange Server authentication cannot follow. Check the Receive connector's certificate and authentication (${stepsSentence(steps)}).`;
      } else if (isExpsCommand(ctx.answered)) {
        code = 'x-exps-failed';
        const kerberos = /GSSAPI/i.test(ctx.answered ?? '');
        message = `454 4.7.0 Temporary authentication failure in answer to ${ctx.answered}${who}: ${kerberos ? 'the Kerberos logon between the Exchange servers' : 'Exchange Server authentication'} failed. Check ${stepsSentence(steps)}.`;
      } else if (hit.code === 'auth-failure-relayed') {
        message = `451 4.4.0 ... 454 4.7.0: the next hop${ctx.receiving ? ` ${formatHost(ctx.receiving)}` : ''} refused Exchange Server authentication (Kerberos) and the queue retries. Check ${stepsSentence(steps)}.`;
      } else {
        message = `454 4.7.0 Temporary authentication failure${who}: Exchange Server authentication (Kerberos) between the servers failed. Check ${stepsSentence(steps)}.`;
      }
      break;
    case 'exchange-auth-unavailable':
      message = `451 5.7.3 Cannot achieve Exchange Server authentication${who}: the receiving connector did not offer Exchange Server authentication (no X-ANONYMOUSTLS / X-EXPS). Check ${stepsSentence(steps)}.`;
      break;
    case 'unexpected-exchange-auth-blob':
      message = `UnexpectedExchangeAuthBlob${who}: the Exchange authentication exchange after X-ANONYMOUSTLS was not what the server expected (connector authentication or certificate). Check ${stepsSentence(steps)}.`;
      break;
    case 'tls-failed':
      message = `TLS negotiation failed${hit.parts?.error ? ` (${hit.parts.error})` : ''}${who}: without TLS there is no Exchange Server authentication; check the certificate bound to the connector's FQDN (event 12014). ${stepsSentence(steps)}.`;
      break;
    case 'event-1035': {
      const p = hit.parts ?? {};
      const detail = [
        p.error && `error ${p.error}`,
        p.connector && `connector ${p.connector}`,
        p.mechanism && `mechanism ${p.mechanism}`,
        p.sourceIp && `source ${p.sourceIp}`,
      ]
        .filter(Boolean)
        .join(', ');
      message = `Event 1035, inbound authentication failed${detail ? ` (${detail})` : ''}: turn on Kerberos logging on this receiving server and read the System log. Check ${stepsSentence(steps)}.`;
      break;
    }
    case 'kerberos-skew':
      message = `KRB_AP_ERR_SKEW: the clocks of the two machines differ by more than the Kerberos tolerance. Check ${stepsSentence(steps)}.`;
      break;
    case 'kerberos-modified':
      message = `KRB_AP_ERR_MODIFIED: the ticket was encrypted for another account, typically a duplicate or misplaced SMTP/SMTPSVC SPN. Check ${stepsSentence(steps)}.`;
      break;
    default:
      message = `${hit.parts?.name ?? 'Kerberos error'}: a Kerberos error was logged. Check ${stepsSentence(steps)}.`;
  }
  if (hit.code === 'event-1035' && !ctx.sending && !ctx.receiving) {
    // Event 1035 is logged by the receiving server ("Receive connector Default EX02"); the source IP is the sender.
    if (hit.parts?.sourceIp) ctx = { ...ctx, sending: { ip: hit.parts.sourceIp } };
    const server =
      /^(?:Default|Client|Client Proxy|Default Frontend|Outbound Proxy Frontend)\s+([A-Za-z0-9-]{1,63})$/.exec(
        hit.parts?.connector ?? '',
      )?.[1];
    if (server) ctx = { ...ctx, receiving: { name: server } };
  }
  const finding: EvidenceFinding = { code, severity: hit.severity, range, message, steps };
  if (ctx.sending) finding.sending = ctx.sending;
  if (ctx.receiving) finding.receiving = ctx.receiving;
  return finding;
}
