/**
 * Which receive connector of a server takes mail from each of the other Exchange servers, decided
 * the way Exchange decides it: among the enabled connectors bound to the port, the one whose remote
 * IP range holding the sender's address is the smallest (a specific local binding wins a tie). Pure:
 * addresses come in already resolved.
 */
import { hasExchangeServerAuth, type ReceiveConnector } from '../../directory/model';
import { bestMatch, parseBinding, parseIp, type IpRange } from './connectors-ranges';

/** Hub transport listens on 2525 (2013+), frontend transport and Exchange 2010 hubs on 25. */
export const INTERNAL_PORTS = [2525, 25] as const;

export interface SenderAddress {
  server: string;
  address: string;
}

export interface Selection {
  port: number;
  sender: SenderAddress;
  connector: ReceiveConnector;
  range: IpRange;
}

export function connectorPorts(connector: ReceiveConnector): number[] {
  return [
    ...new Set(
      connector.bindings
        .map(parseBinding)
        .filter((b) => b !== undefined)
        .map((b) => b.port),
    ),
  ];
}

function bindsSpecifically(connector: ReceiveConnector, port: number): boolean {
  return connector.bindings.map(parseBinding).some((b) => b !== undefined && b.port === port && !b.any);
}

function sameIp(a: string, b: string): boolean {
  const x = parseIp(a);
  const y = parseIp(b);
  return !!x && !!y && x.family === y.family && x.value === y.value;
}

/**
 * Whether the connector listens on `port` at one of the receiver's addresses: a binding to any
 * address does, a binding to a specific address only when it is one of them. With the receiver's
 * addresses unknown, every binding on the port counts.
 */
export function listensOn(connector: ReceiveConnector, port: number, receiverAddresses?: readonly string[]): boolean {
  const onPort = connector.bindings.map(parseBinding).filter((b) => b !== undefined && b.port === port);
  if (!receiverAddresses?.length) return onPort.length > 0;
  return onPort.some((b) => b?.any || receiverAddresses.some((a) => sameIp(a, b?.address ?? '')));
}

/**
 * The connector that takes a connection from `address` on `port`, or undefined when none does.
 * `receiverAddresses` (the receiving server's resolved addresses, when known) leaves out connectors
 * bound to another local address, which the sender's connection never reaches.
 */
export function selectConnector(
  connectors: readonly ReceiveConnector[],
  port: number,
  address: string,
  receiverAddresses?: readonly string[],
): { connector: ReceiveConnector; range: IpRange } | undefined {
  let best: { connector: ReceiveConnector; range: IpRange } | undefined;
  for (const c of connectors) {
    if (!c.enabled || !listensOn(c, port, receiverAddresses)) continue;
    const range = bestMatch(c.remoteIpRanges, address);
    if (!range) continue;
    if (
      !best ||
      range.size < best.range.size ||
      (range.size === best.range.size && bindsSpecifically(c, port) && !bindsSpecifically(best.connector, port))
    ) {
      best = { connector: c, range };
    }
  }
  return best;
}

/** The ports on which `server` takes internal mail: those of INTERNAL_PORTS some enabled connector binds. */
export function internalPorts(server: { readonly receiveConnectors: readonly ReceiveConnector[] }): number[] {
  const bound = new Set(server.receiveConnectors.filter((c) => c.enabled).flatMap(connectorPorts));
  return INTERNAL_PORTS.filter((p) => bound.has(p));
}

/** True for the connectors Exchange setup creates (`Default EX01`, `Default Frontend EX01`). */
export function isDefaultConnector(connector: ReceiveConnector): boolean {
  return /^Default( Frontend)? /i.test(connector.name);
}

export interface ConnectorVerdict {
  connector: ReceiveConnector;
  /** Internal senders (server, address, port) this connector takes. */
  takes: Selection[];
  kind: 'ok' | 'no-exchange-auth' | 'relay-captures';
}

export interface Classification {
  verdicts: ConnectorVerdict[];
  /** Senders no connector takes on a port where internal mail is expected. */
  uncovered: { port: number; sender: SenderAddress }[];
  ports: number[];
}

/**
 * Classifies the connectors of `receiver` for the given senders: each connector that takes
 * internal mail is `ok` when it has ExchangeServer authentication, otherwise `no-exchange-auth`
 * (a default connector) or `relay-captures` (a custom connector whose narrower ranges take the
 * Exchange servers away from the default one).
 */
export function classifyConnectors(
  receiver: { readonly receiveConnectors: readonly ReceiveConnector[] },
  senders: readonly SenderAddress[],
  receiverAddresses?: readonly string[],
): Classification {
  const ports = internalPorts(receiver);
  const byConnector = new Map<string, ConnectorVerdict>();
  const uncovered: Classification['uncovered'] = [];
  for (const port of ports) {
    for (const sender of senders) {
      const hit = selectConnector(receiver.receiveConnectors, port, sender.address, receiverAddresses);
      if (!hit) {
        // The hub port must take every other server; the frontend port only when there is no hub port.
        if (port === 2525 || !ports.includes(2525)) uncovered.push({ port, sender });
        continue;
      }
      const verdict = byConnector.get(hit.connector.dn) ?? {
        connector: hit.connector,
        takes: [],
        kind: hasExchangeServerAuth(hit.connector.authFlags)
          ? 'ok'
          : isDefaultConnector(hit.connector)
            ? 'no-exchange-auth'
            : 'relay-captures',
      };
      verdict.takes.push({ port, sender, connector: hit.connector, range: hit.range });
      byConnector.set(hit.connector.dn, verdict);
    }
  }
  return { verdicts: [...byConnector.values()], uncovered, ports };
}
