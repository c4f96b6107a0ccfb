/**
 * End-to-end proof for step 3: with credentials already on this machine, ask the KDC for a ticket
 * to SMTPSVC/<fqdn> of each server. Without a ticket cache nothing is asked (no password prompt)
 * and only a log line says why.
 */
import { makeFinding } from '../../findings/define';
import { spnFindings } from './finding-codes';
import type { CheckContext } from '../../engine/check';
import type { ExchangeServer } from '../../directory/model';
import type { Step } from '../../../shared/findings';
import { requestServiceTicket } from './ticket-request';
import { serverHostNames } from './expected-spns';
import { compact, setspnAdd, setspnQuery } from './spn-remedies';
import { describeError, evidence, isCancellation, serverSubject } from './spn-context';

export async function checkServiceTickets(ctx: CheckContext, servers: readonly ExchangeServer[]): Promise<void> {
  for (const server of servers) {
    if (ctx.signal.aborted) return;
    // The SPN senders ask for: the FQDN Exchange registered (see ../spn/expected.ts).
    const fqdn = serverHostNames(server).fqdns[0];
    if (!fqdn) continue;
    const spn = `SMTPSVC/${fqdn}`;
    const tool = ctx.io.platform === 'win32' ? `klist get ${spn}` : `kvno ${spn}@${ctx.settings.realm.toUpperCase()}`;
    let outcome;
    try {
      outcome = await requestServiceTicket(ctx.io.process, {
        spn,
        realm: ctx.settings.realm,
        platform: ctx.io.platform,
        timeoutMs: ctx.settings.probeTimeoutMs,
        signal: ctx.signal,
      });
    } catch (e) {
      if (isCancellation(e)) throw e;
      ctx.log(`Service ticket for ${spn} not requested: ${describeError(e)}`);
      continue;
    }
    if (outcome.kind === 'not-tried') {
      ctx.log(`Service ticket for ${spn} not requested: ${outcome.reason}`);
      // The reason is the same for every server.
      return;
    }
    const subject = serverSubject(server);
    if (outcome.kind === 'issued') {
      ctx.emit(
        makeFinding(spnFindings, 'spn.ticket-issued', {
          severity: 'ok',
          subject,
          params: { spn, kvno: outcome.kvno !== undefined ? ` (key version ${outcome.kvno})` : '' },
          evidence: [evidence(ctx, tool, outcome.output, 'this machine')],
        }),
      );
      continue;
    }
    const hint = outcome.code?.steps[0];
    const step: Step = hint?.step ?? 3;
    ctx.emit(
      makeFinding(spnFindings, 'spn.ticket-failed', {
        step,
        severity: 'error',
        subject,
        params: {
          spn,
          error: outcome.code ? `${outcome.code.name} (${outcome.code.hex})` : outcome.message,
          meaning: outcome.code
            ? `${outcome.code.meaning}${hint ? ` ${hint.why}` : ''}`
            : 'The KDC refused a service ticket for the Exchange SPN; the message says why.',
        },
        evidence: [evidence(ctx, tool, outcome.output, 'this machine')],
        remedies: compact([setspnQuery(spn), step === 3 ? setspnAdd(spn, server.name) : undefined]),
      }),
    );
  }
}
