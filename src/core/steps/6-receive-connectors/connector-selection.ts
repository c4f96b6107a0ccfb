/**
 * Which receive connector takes a connection from one source address, and why (pure): the same
 * decision as ./connectors-classify.ts (selectConnector), told connector by connector so a finding
 * can name the winner and say why every other connector lost: disabled, not bound on the port,
 * bound to another local address, no range holds the address, a wider range, or a tie of equal
 * size (then which one Exchange picks is not documented). Also whether any connector on a port
 * takes IPv6 link-local senders (fe80::/10), which a server reached over IPv6 on the same link
 * connects from.
 */
import type { LocalText } from '../../../shared/local-text';
import { render, text } from '../../l10n/render';
import type { ReceiveConnector } from '../../directory/model';
import { listensOn, selectConnector } from './connectors-classify';
import { bestMatch, parseBinding, parseIpRange, type IpRange } from './connectors-ranges';

export type CandidateOutcome =
  'wins' | 'disabled' | 'not-on-port' | 'other-address' | 'no-range' | 'wider-range' | 'tie';

export interface Candidate {
  connector: ReceiveConnector;
  outcome: CandidateOutcome;
  /** The narrowest of its ranges that holds the address, when one does. */
  range?: IpRange;
}

export interface SelectionExplanation {
  port: number;
  address: string;
  winner?: { connector: ReceiveConnector; range: IpRange };
  candidates: Candidate[];
  /** Connectors whose matching range is exactly as narrow as the winner's (and as specifically bound). */
  ties: ReceiveConnector[];
}

function bindsSpecifically(c: ReceiveConnector, port: number): boolean {
  return c.bindings.map(parseBinding).some((b) => b !== undefined && b.port === port && !b.any);
}

export function explainSelection(
  connectors: readonly ReceiveConnector[],
  port: number,
  address: string,
  receiverAddresses?: readonly string[],
): SelectionExplanation {
  const winner = selectConnector(connectors, port, address, receiverAddresses);
  const ties: ReceiveConnector[] = [];
  const candidates = connectors.map((c): Candidate => {
    if (!c.enabled) return { connector: c, outcome: 'disabled' };
    if (!listensOn(c, port)) return { connector: c, outcome: 'not-on-port' };
    if (!listensOn(c, port, receiverAddresses)) return { connector: c, outcome: 'other-address' };
    const range = bestMatch(c.remoteIpRanges, address);
    if (!range) return { connector: c, outcome: 'no-range' };
    if (winner && c.dn === winner.connector.dn) return { connector: c, outcome: 'wins', range };
    if (
      winner &&
      range.size === winner.range.size &&
      bindsSpecifically(c, port) === bindsSpecifically(winner.connector, port)
    ) {
      ties.push(c);
      return { connector: c, outcome: 'tie', range };
    }
    return { connector: c, outcome: 'wider-range', range };
  });
  return { port, address, ...(winner ? { winner } : {}), candidates, ties };
}

/** Why a candidate connector lost, as a phrase of the view's language: `Relay: a wider range holds it (10.0.0.0/8, 16777216 addresses)`. */
export function candidatePhrase(c: Candidate): LocalText {
  const outcome = text(`fp.6.candidate.${c.outcome}`);
  const name = c.connector.name;
  if (!c.range) return text('fp.6.candidate', { name, outcome });
  const range = { name, outcome, range: c.range.text, size: String(c.range.size) };
  return text(c.range.size === 1n ? 'fp.6.candidate-range-one' : 'fp.6.candidate-range', range);
}

/** Phrases joined with `; ` in the view's language. */
export function semicolonList(items: readonly LocalText[]): LocalText | string {
  return items.reduce<LocalText | string>(
    (joined, item) => (joined === '' ? item : text('fp.6.semicolon', { first: joined, then: item })),
    '',
  );
}

/** One sentence: who wins and why, as a phrase of the view's language. */
export function selectionPhrase(e: SelectionExplanation): LocalText {
  if (!e.winner) return text('fp.6.value.no-winner', { port: e.port, address: e.address });
  const winner = text('fp.6.value.winner', {
    connector: e.winner.connector.name,
    address: e.address,
    range: e.winner.range.text,
    size: String(e.winner.range.size),
  });
  const others = e.candidates.filter((c) => c.outcome === 'wider-range' || c.outcome === 'tie');
  return others.length
    ? text('fp.6.semicolon', { first: winner, then: semicolonList(others.map(candidatePhrase)) })
    : winner;
}

/** `selectionPhrase` in English: `Default EX02 has the narrowest range holding 10.0.0.5 (...)`. */
export function selectionReason(e: SelectionExplanation): string {
  return render('en', selectionPhrase(e));
}

/** fe80::/10, where IPv6 link-local source addresses come from. */
export const LINK_LOCAL = parseIpRange('fe80::/10') as IpRange;

export interface LinkLocalCoverage {
  /** Connectors on the port whose ranges hold all of fe80::/10. */
  full: ReceiveConnector[];
  /** Connectors whose ranges hold part of it. */
  partial: ReceiveConnector[];
  /** Connectors on the port that take some IPv6 range at all. */
  anyIpv6: ReceiveConnector[];
}

export function linkLocalCoverage(
  connectors: readonly ReceiveConnector[],
  port: number,
  receiverAddresses?: readonly string[],
): LinkLocalCoverage {
  const out: LinkLocalCoverage = { full: [], partial: [], anyIpv6: [] };
  for (const c of connectors) {
    if (!c.enabled || !listensOn(c, port, receiverAddresses)) continue;
    const v6 = c.remoteIpRanges.map(parseIpRange).filter((r): r is IpRange => r?.family === 6);
    if (v6.length) out.anyIpv6.push(c);
    if (v6.some((r) => r.first <= LINK_LOCAL.first && r.last >= LINK_LOCAL.last)) out.full.push(c);
    else if (v6.some((r) => r.first <= LINK_LOCAL.last && r.last >= LINK_LOCAL.first)) out.partial.push(c);
  }
  return out;
}

/** Whether the port listens on IPv6 at all: some enabled connector binds [::] or an IPv6 address. */
export function listensOnIpv6(connectors: readonly ReceiveConnector[], port: number): boolean {
  return connectors.some(
    (c) => c.enabled && c.bindings.map(parseBinding).some((b) => b?.port === port && b.address.includes(':')),
  );
}
