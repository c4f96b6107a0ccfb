/**
 * The live half of step 6: an EHLO to every port the server's enabled connectors bind, to see
 * whether the wire offers what the directory says. Exchange offers X-ANONYMOUSTLS (and
 * X-EXPS EXCHANGEAUTH after it) only on a connector with the ExchangeServer mechanism and a usable
 * certificate, so "AD says yes, wire says no" points at the certificate or a stale directory view.
 *
 * The connector that answers is the one whose ranges hold *this machine's* address, which may not
 * be the one the other Exchange servers reach; the evidence says which connector was compared.
 */
import type { CheckContext } from '../../engine/check';
import type { CoreIo, OpOptions } from '../../io';
import { hasExchangeServerAuth, type ExchangeServer, type ReceiveConnector } from '../../directory/model';
import { makeFinding } from '../../findings/define';
import { connectorPorts, selectConnector } from './connectors-classify';
import { connectorsFindings } from './finding-codes';
import { parseIpRange } from './connectors-ranges';
import { connectorIdentity, connectorSubject, listConnectors, setExchangeServerAuth } from './connectors-remedies';
import { describeError, evidence, isCancellation, serverSubject } from '../3-spns/spn-context';
import { forEachAtOnce } from '../../engine/limit';
import { probeName } from '../../engine/server-names';
import { isMaskedKeyword } from '../4-ports/smtp-inspection';
import { text } from '../../l10n/render';
import { listOrNone } from '../../l10n/worded-parts';
import { phraseEvidence } from '../../findings/phrase-evidence';

export interface SmtpProbeResult {
  /** EHLO keywords, e.g. `STARTTLS`, `X-ANONYMOUSTLS`, `X-EXPS GSSAPI NTLM`. */
  verbs: string[];
  offersAnonymousTls: boolean;
  /** Mechanisms after X-EXPS, e.g. `GSSAPI`, `NTLM`. */
  expsMechanisms: string[];
  /** The address this machine connected from, when the probe knows it. */
  localAddress?: string;
}

export type SmtpProber = (io: CoreIo, host: string, port: number, options: OpOptions) => Promise<SmtpProbeResult>;

/** The connector that answers this machine on `port`. */
export function answeringConnector(
  connectors: readonly ReceiveConnector[],
  port: number,
  localAddress: string | undefined,
): { connector: ReceiveConnector; assumed: boolean } | undefined {
  if (localAddress) {
    const hit = selectConnector(connectors, port, localAddress);
    if (hit) return { connector: hit.connector, assumed: false };
  }
  // Without our own address: the one connector on the port, or the one with the widest ranges.
  const candidates = connectors.filter((c) => c.enabled && connectorPorts(c).includes(port));
  const width = (c: ReceiveConnector): bigint =>
    c.remoteIpRanges.map(parseIpRange).reduce((n, r) => n + (r?.size ?? 0n), 0n);
  const widest = [...candidates].sort((a, b) => (width(b) > width(a) ? 1 : width(b) < width(a) ? -1 : 0))[0];
  return widest ? { connector: widest, assumed: candidates.length > 1 } : undefined;
}

export async function probeConnectorsLive(
  ctx: CheckContext,
  receiver: ExchangeServer,
  prober: SmtpProber,
): Promise<void> {
  const host = receiver.fqdn || receiver.computer?.dnsHostName ? probeName(ctx, receiver) : undefined;
  if (!host) return;
  const ports = [...new Set(receiver.receiveConnectors.filter((c) => c.enabled).flatMap(connectorPorts))].sort(
    (a, b) => a - b,
  );
  // Every port at once: a port that does not answer costs one timeout, not one per port before it.
  await forEachAtOnce(ports, ctx.signal, async (port) => {
    const where = `EHLO to ${host}:${port}`;
    let result: SmtpProbeResult;
    try {
      result = await prober(ctx.io, host, port, { timeoutMs: ctx.settings.probeTimeoutMs, signal: ctx.signal });
    } catch (e) {
      if (isCancellation(e)) throw e;
      ctx.emit(
        makeFinding(connectorsFindings, 'connector.probe-failed', {
          severity: 'unknown',
          subject: { ...serverSubject(receiver), id: `${host}:${port}` },
          params: { endpoint: `${host}:${port}` },
          evidence: [evidence(ctx, 'EHLO', describeError(e), where)],
          remedies: [listConnectors(receiver.name)].filter((r) => r !== undefined),
          reason: describeError(e),
        }),
      );
      return;
    }
    const answering = answeringConnector(receiver.receiveConnectors, port, result.localAddress);
    if (!answering) return;
    const c = answering.connector;
    const adSays = hasExchangeServerAuth(c.authFlags);
    const ev = [
      phraseEvidence(ctx, 'fp.6.label.ehlo-verbs', {}, listOrNone(result.verbs, ' | '), where),
      phraseEvidence(
        ctx,
        'fp.6.label.exps-mechanisms',
        {},
        result.expsMechanisms.join(' ') || text('fp.4.sign.not-offered'),
        where,
      ),
      phraseEvidence(
        ctx,
        'fp.6.label.authmechanism-in-ad',
        {},
        `${c.authFlags} (${c.authMechanisms.join(', ') || 'none'})`,
        `LDAP ${ctx.discovery.source}`,
      ),
      phraseEvidence(
        ctx,
        'fp.6.label.compared-connector',
        {},
        `${connectorIdentity(c)}${answering.assumed ? " (assumed: the answering connector depends on this machine's address, which the probe did not report)" : ''}`,
        result.localAddress ? `this machine connected from ${result.localAddress}` : 'connector ranges',
      ),
    ];
    const params = { endpoint: `${host}:${port}`, connector: connectorIdentity(c) };
    if (adSays === result.offersAnonymousTls) {
      ctx.emit(
        makeFinding(connectorsFindings, 'connector.wire-agrees', {
          severity: 'ok',
          subject: connectorSubject(c),
          params: { ...params, offers: text(adSays ? 'fp.6.offers' : 'fp.6.does-not-offer') },
          evidence: ev,
        }),
      );
      return;
    }
    // Masked keywords are a device on the path, which step 4 reports; the connector is not to blame.
    const masked = result.verbs.some(isMaskedKeyword);
    ctx.emit(
      adSays
        ? makeFinding(connectorsFindings, 'connector.wire-lacks-anonymoustls', {
            severity: answering.assumed || masked ? 'warning' : 'error',
            subject: connectorSubject(c),
            params,
            evidence: ev,
            remedies: [listConnectors(receiver.name)].filter((r) => r !== undefined),
          })
        : makeFinding(connectorsFindings, 'connector.wire-offers-anonymoustls', {
            severity: 'warning',
            subject: connectorSubject(c),
            params,
            evidence: ev,
            remedies: [setExchangeServerAuth(c), listConnectors(receiver.name)].filter((r) => r !== undefined),
          }),
    );
  });
}
