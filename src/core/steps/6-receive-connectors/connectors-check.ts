/**
 * Step 6: on each receiving Exchange server, the receive connectors that take mail from the other
 * Exchange servers must offer Exchange Server authentication. From the directory: which connector
 * takes each sender on the internal ports (range membership of the sender's resolved addresses);
 * live: an EHLO to each bound port to see whether the wire agrees (X-ANONYMOUSTLS, X-EXPS). The
 * connectors are judged by ./connector-verdicts.ts, as a terminal run of Get-ReceiveConnector is.
 */
import { STEP_TITLES } from '../../../shared/findings';
import { makeFinding } from '../../findings/define';
import type { Check, CheckContext } from '../../engine/check';
import type { ExchangeServer } from '../../directory/model';
import type { SenderAddress } from './connectors-classify';
import { receiveConnectorFindings, type ConnectorRemedies } from './connector-verdicts';
import { connectorsFindings } from './finding-codes';
import { listConnectors, narrowRemoteRanges, setExchangeServerAuth } from './connectors-remedies';
import { probeConnectorsLive, type SmtpProber } from './connectors-live';
import { describeError, isCancellation, nowIso, serverSubject } from '../3-spns/spn-context';
import { forEachAtOnce } from '../../engine/limit';
import { chooseServerNames, probeName } from '../../engine/server-names';
import { listOrNone, reasonOf } from '../../l10n/worded-parts';
import { phraseEvidence } from '../../findings/phrase-evidence';
import type { LocalText } from '../../../shared/local-text';

/** A sender whose address could not be found, and why (in words of ours when `reasonText` is set). */
interface Unresolved {
  server: string;
  reason: string;
  reasonText?: LocalText;
}

/** Receivers and their senders: for a pair only sending -> receiving, otherwise everyone else. */
export function receiverPlan(
  ctx: Pick<CheckContext, 'scope' | 'servers' | 'allServers'>,
): { receiver: ExchangeServer; senders: ExchangeServer[] }[] {
  const same = (a: ExchangeServer, b: ExchangeServer): boolean => a.name.toLowerCase() === b.name.toLowerCase();
  if (ctx.scope.kind === 'pair') {
    const [sending, receiving] = ctx.servers;
    return sending && receiving ? [{ receiver: receiving, senders: [sending] }] : [];
  }
  return ctx.servers.map((receiver) => ({ receiver, senders: ctx.allServers.filter((s) => !same(s, receiver)) }));
}

/** The lines the engine offers with a finding about `receiver`'s connectors. */
function engineRemedies(receiver: ExchangeServer): ConnectorRemedies {
  const list = [listConnectors(receiver.name)].filter((r) => r !== undefined);
  return (code, v) => {
    if (!v) return list;
    const c = v.connector;
    const relayFix =
      v.kind === 'relay-captures'
        ? narrowRemoteRanges(
            c,
            v.takes.map((t) => t.sender),
          )
        : undefined;
    const all = [relayFix, setExchangeServerAuth(c), ...list].filter((r) => r !== undefined);
    return code === 'connector.exchange-auth' ? all.filter((r) => !r.changesState) : all;
  };
}

async function resolveSenders(
  ctx: CheckContext,
  senders: readonly ExchangeServer[],
): Promise<{ addresses: SenderAddress[]; unresolved: Unresolved[] }> {
  const addresses: SenderAddress[] = [];
  const unresolved: Unresolved[] = [];
  await forEachAtOnce(senders, ctx.signal, async (s) => {
    const name = s.fqdn || s.computer?.dnsHostName ? probeName(ctx, s) : undefined;
    if (!name) {
      unresolved.push({ server: s.name, ...reasonOf('fp.6.reason.no-fqdn') });
      return;
    }
    try {
      const list = await ctx.io.dns.lookup(name, { timeoutMs: ctx.settings.probeTimeoutMs, signal: ctx.signal });
      if (list.length === 0) unresolved.push({ server: s.name, ...reasonOf('fp.6.reason.no-address', { name }) });
      for (const address of list) addresses.push({ server: s.name, address });
    } catch (e) {
      if (isCancellation(e)) throw e;
      unresolved.push({ server: s.name, reason: `${name}: ${describeError(e)}` });
    }
  });
  return { addresses, unresolved };
}

/** The receiver's own addresses (for connectors bound to one of them); undefined when unknown. */
async function receiverAddresses(ctx: CheckContext, receiver: ExchangeServer): Promise<string[] | undefined> {
  const name = receiver.fqdn || receiver.computer?.dnsHostName ? probeName(ctx, receiver) : undefined;
  if (!name) return undefined;
  try {
    const list = await ctx.io.dns.lookup(name, { timeoutMs: ctx.settings.probeTimeoutMs, signal: ctx.signal });
    return list.length ? list : undefined;
  } catch (e) {
    if (isCancellation(e)) throw e;
    return undefined;
  }
}

export function createConnectorsCheck(prober?: SmtpProber): Check {
  return {
    id: 'connectors',
    step: 6,
    title: STEP_TITLES[6],
    async run(ctx: CheckContext): Promise<void> {
      await chooseServerNames(ctx, ctx.allServers);
      // Every receiver at once, its directory view and its live EHLOs side by side.
      await forEachAtOnce(receiverPlan(ctx), ctx.signal, async ({ receiver, senders }) => {
        await Promise.all([
          checkReceiver(ctx, receiver, senders),
          prober ? probeConnectorsLive(ctx, receiver, prober) : Promise.resolve(),
        ]);
      });
    },
  };
}

async function checkReceiver(ctx: CheckContext, receiver: ExchangeServer, senders: ExchangeServer[]): Promise<void> {
  const subject = serverSubject(receiver);
  if (receiver.receiveConnectors.length === 0) {
    ctx.emit(
      makeFinding(connectorsFindings, 'connector.none-read', {
        severity: 'unknown',
        subject,
        params: { server: receiver.name },
        evidence: [
          phraseEvidence(
            ctx,
            'fp.6.label.discovery-warnings',
            {},
            listOrNone(ctx.discovery.warnings, '; '),
            ctx.discovery.source,
          ),
        ],
        remedies: [listConnectors(receiver.name)].filter((r) => r !== undefined),
        ...reasonOf('fp.6.reason.not-discovered'),
      }),
    );
    return;
  }
  if (senders.length === 0) {
    ctx.log(`${receiver.name}: no other Exchange server sends to it; connector ranges not evaluated`);
  }
  const { addresses, unresolved } = await resolveSenders(ctx, senders);
  for (const u of unresolved) {
    ctx.emit(
      makeFinding(connectorsFindings, 'connector.sender-unresolved', {
        severity: 'unknown',
        subject,
        params: { server: receiver.name, sender: u.server },
        evidence: [
          phraseEvidence(ctx, 'fp.6.label.address-of', { server: u.server }, u.reason, 'DNS resolver of this machine'),
        ],
        ...(u.reasonText ? { reason: u.reason, reasonText: u.reasonText } : { reason: u.reason }),
      }),
    );
  }
  const observation = {
    server: receiver.name,
    subject,
    connectors: receiver.receiveConnectors,
    senders: addresses,
    receiverAddresses: await receiverAddresses(ctx, receiver),
    source: `LDAP ${ctx.discovery.source}`,
    observedAt: nowIso(ctx),
  };
  for (const f of receiveConnectorFindings(observation, engineRemedies(receiver))) ctx.emit(f);
}
