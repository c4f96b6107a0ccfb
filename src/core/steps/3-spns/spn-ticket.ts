/**
 * End-to-end proof for step 3: ask the KDC for a ticket to SMTPSVC/<fqdn> of each server, with a
 * private cache made from the signed-in password when there is one (./signed-in-tickets.ts), else
 * with the credentials already on this machine. Without either nothing is asked (no password
 * prompt) and only a log line says why. An issued ticket's encryption type is read back with klist.
 */
import { makeFinding } from '../../findings/define';
import { spnFindings } from './finding-codes';
import type { CheckContext } from '../../engine/check';
import type { ExchangeServer } from '../../directory/model';
import type { Step } from '../../../shared/findings';
import { requestServiceTicket } from './ticket-request';
import { serverHostNames } from './expected-spns';
import { compact, setspnAdd, setspnQuery } from './spn-remedies';
import { describeError, evidence, isCancellation, labelledEvidence, serverSubject } from './spn-context';
import { text } from '../../l10n/render';
import type { LocalText } from '../../../shared/local-text';
import { kerberosMeaning } from './kerberos-meanings';
import { listedTicket, openSignedInCache } from './signed-in-tickets';
import { findTicket } from './klist-parsers';

export async function checkServiceTickets(ctx: CheckContext, servers: readonly ExchangeServer[]): Promise<void> {
  const cache = await openSignedInCache(ctx);
  try {
    await requestTickets(ctx, servers, cache?.env);
  } finally {
    await cache?.close();
  }
}

async function requestTickets(
  ctx: CheckContext,
  servers: readonly ExchangeServer[],
  env: Record<string, string> | undefined,
): Promise<void> {
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
        ...(env ? { env } : {}),
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
      // `klist get` on Windows lists the tickets it holds after the request; elsewhere klist -e / -v is asked.
      const listed = ctx.io.platform === 'win32' ? findTicket(outcome.output, spn) : await listedTicket(ctx, spn, env);
      // {kvno} carries what is known of the ticket: its key version and encryption type.
      const details = [
        outcome.kvno !== undefined ? text('fp.3.ticket.kvno', { kvno: outcome.kvno }) : undefined,
        listed?.ticketEtype ? text('fp.3.ticket.etype', { etype: listed.ticketEtype }) : undefined,
      ].filter((d): d is LocalText => d !== undefined);
      ctx.emit(
        makeFinding(spnFindings, 'spn.ticket-issued', {
          severity: 'ok',
          subject,
          params: { spn, kvno: details.length ? text('fp.3.ticket.details', { details }) : '' },
          evidence: [
            evidence(ctx, tool, outcome.output, text(env ? 'fp.3.source.private-cache' : 'fp.1.this-machine')),
            ...(listed?.ticketEtype
              ? [
                  labelledEvidence(
                    ctx,
                    {
                      key: 'fp.3.label.ticket-etype',
                      params: {
                        tool:
                          ctx.io.platform === 'win32'
                            ? 'klist get'
                            : ctx.io.platform === 'darwin'
                              ? 'klist -v'
                              : 'klist -e',
                      },
                    },
                    listed.ticketEtype,
                    text('fp.1.this-machine'),
                  ),
                ]
              : []),
          ],
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
          meaning: outcome.code ? kerberosMeaning(outcome.code, hint) : text('fp.3.ticket.refused'),
        },
        evidence: [evidence(ctx, tool, outcome.output, text('fp.1.this-machine'))],
        // Registering the SPN helps only when the KDC does not know it (KDC_ERR_S_PRINCIPAL_UNKNOWN, or no code).
        remedies: compact([
          setspnQuery(spn),
          step === 3 && (outcome.code?.code ?? 0x7) === 0x7 ? setspnAdd(spn, server.name) : undefined,
        ]),
      }),
    );
  }
}
