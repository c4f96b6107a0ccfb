/**
 * Step 6: on each receiving Exchange server, the receive connectors that take mail from the other
 * Exchange servers must offer Exchange Server authentication. From the directory: which connector
 * takes each sender on the internal ports (range membership of the sender's resolved addresses);
 * live: an EHLO to each bound port to see whether the wire agrees (X-ANONYMOUSTLS, X-EXPS).
 */
import { STEP_TITLES, type Finding } from '../../../shared/findings';
import type { Check, CheckContext } from '../../engine/check';
import type { ExchangeServer } from '../../directory/model';
import { classifyConnectors, type ConnectorVerdict, type SenderAddress } from './connectors-classify';
import {
  connectorIdentity,
  connectorSubject,
  listConnectors,
  narrowRemoteRanges,
  setExchangeServerAuth,
} from './connectors-remedies';
import { probeConnectorsLive, type SmtpProber } from './connectors-live';
import { describeError, evidence, isCancellation, serverSubject } from '../3-spns/spn-context';
import { forEachAtOnce } from '../../engine/limit';
import { chooseServerNames, probeName } from '../../engine/server-names';

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

function connectorRows(server: ExchangeServer): string[][] {
  return server.receiveConnectors.map((c) => [
    c.name,
    c.enabled ? 'yes' : 'no',
    c.bindings.join(', '),
    c.remoteIpRanges.join(', '),
    c.authMechanisms.join(', ') || String(c.authFlags),
    c.transportRole === 32
      ? 'hub'
      : c.transportRole === 16384
        ? 'frontend'
        : c.transportRole === undefined
          ? ''
          : String(c.transportRole),
  ]);
}

function takesText(v: ConnectorVerdict): string {
  return v.takes.map((t) => `${t.sender.server} ${t.sender.address} on ${t.port} (range ${t.range.text})`).join('; ');
}

export function verdictFinding(
  ctx: Pick<CheckContext, 'io' | 'discovery'>,
  receiver: ExchangeServer,
  v: ConnectorVerdict,
): Finding {
  const c = v.connector;
  const source = `LDAP ${ctx.discovery.source} (${c.dn})`;
  const ev = [
    evidence(
      ctx,
      'msExchSMTPReceiveInboundSecurityFlag',
      `${c.authFlags} (${c.authMechanisms.join(', ') || 'none'})`,
      source,
    ),
    evidence(ctx, 'takes mail from', takesText(v), "remote IP ranges vs the senders' addresses in DNS"),
  ];
  const table = {
    caption: `Receive connectors of ${receiver.name}`,
    columns: ['Name', 'Enabled', 'Bindings', 'Remote IP ranges', 'AuthMechanism', 'Role'],
    rows: connectorRows(receiver),
  };
  const relayFix =
    v.kind === 'relay-captures'
      ? narrowRemoteRanges(
          c,
          v.takes.map((t) => t.sender),
        )
      : undefined;
  const remedies = [relayFix, setExchangeServerAuth(c), listConnectors(receiver.name)].filter((r) => r !== undefined);
  const senders = [...new Set(v.takes.map((t) => t.sender.server))].join(', ');
  if (v.kind === 'ok') {
    return {
      code: 'connector.exchange-auth',
      step: 6,
      severity: 'ok',
      subject: connectorSubject(c),
      title: `${connectorIdentity(c)} takes mail from ${senders} with Exchange Server authentication`,
      explanation:
        'The connector that other Exchange servers reach has the ExchangeServer mechanism, so they can authenticate with Kerberos.',
      evidence: ev,
      tables: [table],
      remedies: remedies.filter((r) => !r.changesState),
    };
  }
  const relay = v.kind === 'relay-captures';
  return {
    code: relay ? 'connector.relay-captures-exchange' : 'connector.no-exchange-auth',
    step: 6,
    severity: 'error',
    subject: connectorSubject(c),
    title: relay
      ? `${connectorIdentity(c)} captures mail from ${senders} but lacks Exchange Server authentication`
      : `${connectorIdentity(c)} takes mail from ${senders} without Exchange Server authentication`,
    explanation: relay
      ? "This connector's remote IP ranges hold the other Exchange servers' addresses more specifically than the default connector, so Exchange hands their connections to it. Without the ExchangeServer mechanism it does not offer X-ANONYMOUSTLS, and the senders fail with 454 4.7.0. Narrow its ranges or add Exchange Server authentication."
      : 'Without the ExchangeServer mechanism the connector does not offer X-ANONYMOUSTLS or Exchange authentication, so the other Exchange servers cannot authenticate and their mail queues with 454 4.7.0.',
    evidence: ev,
    tables: [table],
    remedies,
  };
}

async function resolveSenders(
  ctx: CheckContext,
  senders: readonly ExchangeServer[],
): Promise<{ addresses: SenderAddress[]; unresolved: { server: string; reason: string }[] }> {
  const addresses: SenderAddress[] = [];
  const unresolved: { server: string; reason: string }[] = [];
  await forEachAtOnce(senders, ctx.signal, async (s) => {
    const name = s.fqdn || s.computer?.dnsHostName ? probeName(ctx, s) : undefined;
    if (!name) {
      unresolved.push({ server: s.name, reason: 'no FQDN is known' });
      return;
    }
    try {
      const list = await ctx.io.dns.lookup(name, { timeoutMs: ctx.settings.probeTimeoutMs, signal: ctx.signal });
      if (list.length === 0) unresolved.push({ server: s.name, reason: `${name} has no address` });
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
    ctx.emit({
      code: 'connector.none-read',
      step: 6,
      severity: 'unknown',
      subject,
      title: `No receive connectors were read for ${receiver.name}`,
      explanation: 'Either the bind account cannot read them or discovery failed for this server.',
      evidence: [
        evidence(ctx, 'discovery warnings', ctx.discovery.warnings.join('; ') || '(none)', ctx.discovery.source),
      ],
      remedies: [listConnectors(receiver.name)].filter((r) => r !== undefined),
      reason: 'the receive connectors of this server are not in the discovery result',
    });
    return;
  }
  if (senders.length === 0) {
    ctx.log(`${receiver.name}: no other Exchange server sends to it; connector ranges not evaluated`);
  }
  const { addresses, unresolved } = await resolveSenders(ctx, senders);
  for (const u of unresolved) {
    ctx.emit({
      code: 'connector.sender-unresolved',
      step: 6,
      severity: 'unknown',
      subject,
      title: `Which connector of ${receiver.name} takes mail from ${u.server} is unknown`,
      explanation:
        "The sending server's address is needed to see which remote IP range, and so which connector, takes its connections.",
      evidence: [evidence(ctx, `address of ${u.server}`, u.reason, 'DNS resolver of this machine')],
      remedies: [],
      reason: u.reason,
    });
  }
  const result = classifyConnectors(receiver, addresses, await receiverAddresses(ctx, receiver));
  if (result.ports.length === 0) {
    ctx.emit({
      code: 'connector.none-internal',
      step: 6,
      severity: 'error',
      subject,
      title: `No enabled receive connector of ${receiver.name} listens on port 2525 or 25`,
      explanation:
        'Other Exchange servers deliver to the hub transport port (2525) or port 25; with no enabled connector there, they cannot deliver at all.',
      evidence: [
        evidence(
          ctx,
          'connectors',
          receiver.receiveConnectors
            .map((c) => `${c.name} ${c.enabled ? 'enabled' : 'disabled'} ${c.bindings.join(' ')}`)
            .join('; '),
          ctx.discovery.source,
        ),
      ],
      remedies: [listConnectors(receiver.name)].filter((r) => r !== undefined),
    });
    return;
  }
  for (const v of result.verdicts) ctx.emit(verdictFinding(ctx, receiver, v));
  const uncovered = new Map<number, string[]>();
  for (const u of result.uncovered)
    uncovered.set(u.port, [...(uncovered.get(u.port) ?? []), `${u.sender.server} (${u.sender.address})`]);
  for (const [port, who] of uncovered) {
    ctx.emit({
      code: 'connector.sender-not-covered',
      step: 6,
      severity: 'warning',
      subject,
      title: `No enabled connector of ${receiver.name} on port ${port} accepts ${who.join(', ')}`,
      explanation:
        'The remote IP ranges of the connectors on this port leave out these Exchange servers, so their connections are refused before authentication.',
      evidence: [
        evidence(
          ctx,
          `connectors on ${port}`,
          receiver.receiveConnectors
            .filter((c) => c.enabled)
            .map((c) => `${c.name}: ${c.remoteIpRanges.join(', ')}`)
            .join('; '),
          ctx.discovery.source,
        ),
      ],
      remedies: [listConnectors(receiver.name)].filter((r) => r !== undefined),
    });
  }
}
