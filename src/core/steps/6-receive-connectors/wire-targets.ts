/**
 * Where steps 4 and 6 hold an SMTP session the way a sending Exchange server would: each server in
 * scope (for a pair, only the receiving one) on each port internal mail uses (2525 hub transport,
 * 25 front end) that an enabled connector binds. And which connector answered: the one whose
 * ranges hold the address this machine connected from.
 */
import type { CheckContext } from '../../engine/check';
import type { ExchangeServer, ReceiveConnector } from '../../directory/model';
import type { OpOptions, CoreIo } from '../../io';
import { chooseServerNames, probeName } from '../../engine/server-names';
import { forEachAtOnce } from '../../engine/limit';
import { isCancellation } from '../3-spns/spn-context';
import type { SmtpSessionOptions, SmtpSessionResult } from '../../probes/smtp-session';
import { internalPorts } from './connectors-classify';
import { answeringConnector } from './connectors-live';
import type { EvidenceTable } from '../../../shared/findings';
import { text } from '../../l10n/render';
import { tableOf } from '../../l10n/worded-parts';

export type SessionRunner = (
  io: CoreIo,
  host: string,
  port: number,
  options: SmtpSessionOptions & OpOptions,
) => Promise<SmtpSessionResult>;

export interface WireTarget {
  server: ExchangeServer;
  host: string;
  port: number;
}

export function wireTargets(ctx: CheckContext): WireTarget[] {
  const receivers = ctx.scope.kind === 'pair' ? ctx.servers.slice(1, 2) : ctx.servers;
  return receivers.flatMap((server) => {
    const host = server.fqdn || server.computer?.dnsHostName ? probeName(ctx, server) : undefined;
    return host ? internalPorts(server).map((port) => ({ server, host, port })) : [];
  });
}

/** The connector that answered the session, and whether that is only assumed (no local address). */
export function connectorOf(
  target: WireTarget,
  result: Pick<SmtpSessionResult, 'localAddress'>,
): { connector: ReceiveConnector; assumed: boolean } | undefined {
  return answeringConnector(target.server.receiveConnectors, target.port, result.localAddress);
}

/** `S:`/`C:` lines of a session, for evidence (the UI escapes control characters). */
export function transcriptText(result: SmtpSessionResult): string {
  return result.transcript.join('\n');
}

/** One row per stage the session reached: the walkthrough shows it with the finding. */
export function stagesTable(result: SmtpSessionResult): EvidenceTable {
  return tableOf({
    caption: text('fp.6.table.stages', { host: result.host, port: result.port }),
    columns: [
      text('fp.6.col.stage'),
      text('fp.6.col.outcome'),
      text('fp.common.value', { value: 'ms' }),
      text('fp.6.col.seen'),
    ],
    rows: result.stages.map((s) => [
      text(`fp.6.stage.${s.stage}`),
      text(`fp.6.outcome.${s.outcome}`),
      String(s.ms),
      s.detail.split('\n')[0] ?? '',
    ]),
  });
}

/**
 * Runs `each` for every wire target at once (after the run's name choice), as the SMTP path and TLS
 * checks do: cancellation stops them, any other failure of one target is logged as `what to
 * host:port` and leaves the others going (the port check reports what does not connect).
 */
export async function forEachWireTarget(
  ctx: CheckContext,
  what: string,
  each: (t: WireTarget) => Promise<void>,
): Promise<void> {
  await chooseServerNames(ctx, ctx.servers);
  await forEachAtOnce(wireTargets(ctx), ctx.signal, async (t) => {
    try {
      await each(t);
    } catch (e) {
      if (isCancellation(e)) throw e;
      ctx.log(`${what} ${t.host}:${t.port}: ${e instanceof Error ? e.message : String(e)}`);
    }
  });
}
