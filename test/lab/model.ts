/**
 * The lab's Exchange organisation as plain data (pure): servers EX01..EXnn on their own loopback
 * addresses, and the five receive connectors Exchange 2016/2019 setup creates on each, with the
 * AuthMechanism flags (msExchSMTPReceiveInboundSecurityFlag) Exchange gives them.
 */
import { DNS_DOMAIN, MAX_SERVERS } from './layout';

/** AuthMechanism bits: Tls 1, Integrated 2, BasicAuth 4, BasicAuthRequireTLS 8, ExchangeServer 16. */
export const AUTH = { Tls: 1, Integrated: 2, BasicAuth: 4, BasicAuthRequireTLS: 8, ExchangeServer: 16 } as const;
export const DEFAULT_CONNECTOR_FLAGS =
  AUTH.Tls | AUTH.Integrated | AUTH.BasicAuth | AUTH.BasicAuthRequireTLS | AUTH.ExchangeServer; // 31
export const CLIENT_CONNECTOR_FLAGS = AUTH.Tls | AUTH.Integrated | AUTH.BasicAuth | AUTH.BasicAuthRequireTLS; // 15

export const ROLE_HUB = 32;
export const ROLE_FRONTEND = 16384;
/** Mailbox + ClientAccess + UM + Hub + Cafe + FrontendTransport: an all-roles 2013+ server. */
export const ALL_ROLES = 16439;
export const SERIAL_NUMBER = 'Version 15.2 (Build 1118.7)';

export const ANY_IPV4 = '0.0.0.0-255.255.255.255';
export const ANY_IPV6 = '::-ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff';

export interface LabConnector {
  /** `Default EX01` */
  name: string;
  port: number;
  flags: number;
  role: number;
  enabled: boolean;
  remoteIpRanges: string[];
}

export interface LabServer {
  /** `EX01` */
  name: string;
  /** `ex01.contoso.test` */
  fqdn: string;
  address: string;
  connectors: LabConnector[];
}

export function serverName(index: number): string {
  return `EX${String(index + 1).padStart(2, '0')}`;
}

/** EX01 -> 127.0.0.11, EX02 -> 127.0.0.12, ... EX200 -> 127.0.0.210. */
export function serverAddress(index: number): string {
  return `127.0.0.${11 + index}`;
}

export function defaultConnectors(name: string): LabConnector[] {
  const c = (label: string, port: number, flags: number, role: number): LabConnector => ({
    name: `${label} ${name}`,
    port,
    flags,
    role,
    enabled: true,
    remoteIpRanges: [ANY_IPV4, ANY_IPV6],
  });
  return [
    c('Default', 2525, DEFAULT_CONNECTOR_FLAGS, ROLE_HUB),
    c('Client Proxy', 465, DEFAULT_CONNECTOR_FLAGS, ROLE_HUB),
    c('Default Frontend', 25, DEFAULT_CONNECTOR_FLAGS, ROLE_FRONTEND),
    c('Outbound Proxy Frontend', 717, DEFAULT_CONNECTOR_FLAGS, ROLE_FRONTEND),
    c('Client Frontend', 587, CLIENT_CONNECTOR_FLAGS, ROLE_FRONTEND),
  ];
}

export function labServers(count: number): LabServer[] {
  if (!Number.isInteger(count) || count < 1 || count > MAX_SERVERS)
    throw new Error(`servers must be 1..${MAX_SERVERS}, not ${count}`);
  return Array.from({ length: count }, (_, i) => {
    const name = serverName(i);
    return {
      name,
      fqdn: `${name.toLowerCase()}.${DNS_DOMAIN}`,
      address: serverAddress(i),
      connectors: defaultConnectors(name),
    };
  });
}

/** The four SPNs Exchange registers on a server's computer account. */
export function exchangeSpns(server: Pick<LabServer, 'name' | 'fqdn'>): string[] {
  const short = server.name.toLowerCase();
  return [`SMTP/${short}`, `SMTP/${server.fqdn}`, `SMTPSVC/${short}`, `SMTPSVC/${server.fqdn}`];
}

/** What a computer account holds besides the Exchange SPNs (as Windows registers at join). */
export function hostSpns(server: Pick<LabServer, 'name' | 'fqdn'>): string[] {
  return [`HOST/${server.name}`, `HOST/${server.fqdn}`];
}
