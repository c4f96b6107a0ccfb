/**
 * Step 6, connector selection per source address: for each receiver in scope and each sender, every
 * address the sender may connect from (its A and AAAA records, the addresses the settings add for a
 * load balancer or NAT in between, and an IPv6 link-local address
 * fe80::/10 when the receiver listens on IPv6 and takes IPv6 senders), on each internal port: which
 * connector wins and why (./connector-selection.ts). Findings: the selection table (ok, or a
 * warning when a winner lacks Exchange Server authentication, whose error ./connectors-check.ts
 * reports on the connector), a tie of equally narrow ranges (warning), and link-local senders that
 * no connector takes (error: a server reaching the receiver over IPv6 on the same link is refused).
 */
import { STEP_TITLES } from '../../../shared/findings';
import { makeFinding } from '../../findings/define';
import { connectorsFindings } from './finding-codes';
import type { Check, CheckContext } from '../../engine/check';
import { AUTH_MECHANISM_BITS, hasExchangeServerAuth, type ExchangeServer } from '../../directory/model';
import { forEachAtOnce } from '../../engine/limit';
import { chooseServerNames, probeName } from '../../engine/server-names';
import { isCancellation, serverSubject } from '../3-spns/spn-context';
import { internalPorts } from './connectors-classify';
import { receiverPlan } from './connectors-check';
import { connectorIdentity, listConnectors, setExchangeServerAuth } from './connectors-remedies';
import {
  candidatePhrase,
  semicolonList,
  explainSelection,
  linkLocalCoverage,
  listensOnIpv6,
  selectionPhrase,
  type SelectionExplanation,
} from './connector-selection';
import { addExchangeServersGroup, addLinkLocalRange } from './permission-groups-remedy';
import { text } from '../../l10n/render';
import { tableOf, listOrNone } from '../../l10n/worded-parts';
import { phraseEvidence } from '../../findings/phrase-evidence';
import { andList, valueList } from '../4-ports/port-words';

/** Rows shown per receiver; the rest are counted. */
const MAX_ROWS = 60;

export const selectionCheck: Check = {
  id: 'connector-selection',
  step: 6,
  title: STEP_TITLES[6],
  async run(ctx: CheckContext): Promise<void> {
    await chooseServerNames(ctx, ctx.allServers);
    await forEachAtOnce(receiverPlan(ctx), ctx.signal, async ({ receiver, senders }) => {
      if (receiver.receiveConnectors.length === 0 || senders.length === 0) return;
      await checkReceiver(ctx, receiver, senders);
    });
  },
};

async function addressesOf(ctx: CheckContext, server: ExchangeServer): Promise<string[]> {
  const name = server.fqdn || server.computer?.dnsHostName ? probeName(ctx, server) : undefined;
  if (!name) return [];
  try {
    return await ctx.io.dns.lookup(name, { timeoutMs: ctx.settings.probeTimeoutMs, signal: ctx.signal });
  } catch (e) {
    if (isCancellation(e)) throw e;
    return [];
  }
}

async function checkReceiver(ctx: CheckContext, receiver: ExchangeServer, senders: ExchangeServer[]): Promise<void> {
  const [own, ...lists] = await Promise.all([addressesOf(ctx, receiver), ...senders.map((s) => addressesOf(ctx, s))]);
  const ports = internalPorts(receiver);
  const receiverAddresses = own?.length ? own : undefined;
  const rows: { sender: string; e: SelectionExplanation; added: boolean }[] = [];
  for (const port of ports)
    senders.forEach((s, i) => {
      const dns = lists[i] ?? [];
      const added = (ctx.settings.sourceAddresses?.[s.name.toUpperCase()] ?? []).filter((a) => !dns.includes(a));
      for (const address of [...dns, ...added])
        rows.push({
          sender: s.name,
          e: explainSelection(receiver.receiveConnectors, port, address, receiverAddresses),
          added: added.includes(address),
        });
    });
  const subject = serverSubject(receiver);
  const source = text('fp.6.source.ldap-dns', { source: ctx.discovery.source });
  const senderEvidence = (sender: string, e: SelectionExplanation) =>
    phraseEvidence(
      ctx,
      'fp.6.label.sender-on',
      { sender, address: e.address, port: e.port },
      selectionPhrase(e),
      source,
    );
  const lacking = rows.filter((r) => r.e.winner && !hasExchangeServerAuth(r.e.winner.connector.authFlags));
  const yesNo = (b: boolean) => text(b ? 'fp.common.yes' : 'fp.common.no');
  const table = tableOf({
    caption:
      rows.length > MAX_ROWS
        ? text('fp.6.table.selection-first', { server: receiver.name, shown: MAX_ROWS, total: rows.length })
        : text('fp.6.table.selection', { server: receiver.name }),
    columns: [
      text('fp.6.col.sender'),
      text('fp.6.col.address'),
      text('fp.6.col.port'),
      text('fp.6.col.connector'),
      text('fp.6.col.why'),
      text('fp.6.col.exchange-auth'),
      text('fp.common.value', { value: 'TLS' }),
      text('fp.6.col.others'),
    ],
    rows: rows
      .slice(0, MAX_ROWS)
      .map(({ sender, e, added }) => [
        sender,
        added ? text('fp.6.cell.added', { address: e.address }) : e.address,
        String(e.port),
        e.winner ? connectorIdentity(e.winner.connector) : text('fp.common.none'),
        e.winner ? text('fp.6.cell.narrowest', { range: e.winner.range.text }) : text('fp.6.cell.no-range'),
        e.winner ? yesNo(hasExchangeServerAuth(e.winner.connector.authFlags)) : '',
        e.winner ? yesNo((e.winner.connector.authFlags & AUTH_MECHANISM_BITS.Tls) !== 0) : '',
        semicolonList(e.candidates.filter((c) => c.outcome !== 'wins').map(candidatePhrase)),
      ]),
  });
  const winners = [...new Map(lacking.map((r) => [r.e.winner?.connector.dn, r.e.winner?.connector])).values()];
  const selectionEvidence = rows.slice(0, 5).map(({ sender, e }) => senderEvidence(sender, e));
  const selectionRemedies = [
    ...winners.flatMap((c) => (c ? [setExchangeServerAuth(c), addExchangeServersGroup(c)] : [])),
    listConnectors(receiver.name),
  ].filter((r) => r !== undefined);
  ctx.emit(
    lacking.length
      ? makeFinding(connectorsFindings, 'connector.selection-lacks-auth', {
          severity: 'warning',
          subject,
          params: {
            server: receiver.name,
            senders: valueList([...new Set(lacking.map((r) => r.sender))]),
            connectors: valueList(winners.map((c) => (c ? connectorIdentity(c) : ''))),
          },
          evidence: selectionEvidence,
          tables: [table],
          remedies: selectionRemedies,
        })
      : makeFinding(connectorsFindings, 'connector.selection', {
          severity: 'ok',
          subject,
          params: { server: receiver.name },
          evidence: selectionEvidence,
          tables: [table],
          remedies: selectionRemedies,
        }),
  );
  for (const { sender, e } of rows.filter((r) => r.e.ties.length > 0)) {
    ctx.emit(
      makeFinding(connectorsFindings, 'connector.selection-tie', {
        severity: 'warning',
        subject,
        params: {
          port: e.port,
          sender,
          address: e.address,
          connectors: andList([e.winner?.connector, ...e.ties].map((c) => c?.name ?? '')),
        },
        evidence: [senderEvidence(sender, e)],
        remedies: [listConnectors(receiver.name)].filter((r) => r !== undefined),
      }),
    );
  }
  const hasIpv6 = (own ?? []).some((a) => a.includes(':'));
  for (const port of ports) {
    if (!listensOnIpv6(receiver.receiveConnectors, port)) continue;
    const cover = linkLocalCoverage(receiver.receiveConnectors, port, receiverAddresses);
    if (cover.full.length > 0 || (!hasIpv6 && cover.anyIpv6.length === 0)) continue;
    const finding = makeFinding(
      connectorsFindings,
      cover.partial.length ? 'connector.link-local-partial' : 'connector.link-local-uncovered',
      {
        severity: cover.partial.length ? 'warning' : 'error',
        subject: { ...subject, id: `${subject.id ?? receiver.name}:${port}` },
        params: { server: receiver.name, port },
        evidence: [
          phraseEvidence(
            ctx,
            'fp.6.label.ipv6-ranges',
            { port },
            listOrNone(
              cover.anyIpv6.map((c) => `${c.name}: ${c.remoteIpRanges.filter((r) => r.includes(':')).join(', ')}`),
              '; ',
            ),
            `LDAP ${ctx.discovery.source}`,
          ),
          phraseEvidence(
            ctx,
            'fp.6.label.addresses',
            { server: receiver.name },
            own?.length ? own.join(', ') : text('fp.6.value.none-resolved'),
            text('fp.6.source.resolver'),
          ),
        ],
        remedies: [...cover.anyIpv6.map(addLinkLocalRange), listConnectors(receiver.name)].filter(
          (r) => r !== undefined,
        ),
      },
    );
    ctx.emit(finding);
  }
}
