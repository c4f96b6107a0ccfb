/**
 * Exchange objects in the configuration partition: the organisation, its servers and each server's
 * receive connectors. Parsing is split from searching so it can be tested on plain entries.
 */
import { getAttr, getFirst, type DirectoryEntry } from '../io';
import {
  DEFAULT_AUTH_MECHANISM_FLAGS,
  authMechanismsFromFlags,
  type ExchangeOrganisation,
  type ExchangeServer,
  type ReceiveConnector,
} from './model';
import { parseExchangeVersion } from './version';
import { administrativeRoles } from './roles';
import { rdnValue } from './ldap-text';
import { collect, type SearchContext } from './search';

export function exchangeServicesDn(configurationNamingContext: string): string {
  return `CN=Microsoft Exchange,CN=Services,${configurationNamingContext}`;
}

const SERVER_ATTRIBUTES = [
  'cn',
  'name',
  'networkAddress',
  'serialNumber',
  'msExchCurrentServerRoles',
  'msExchServerSite',
];
const CONNECTOR_ATTRIBUTES = [
  'cn',
  'msExchSMTPReceiveInboundSecurityFlag',
  'msExchSmtpReceiveBindings',
  'msExchSmtpReceiveRemoteIPRanges',
  'msExchSmtpReceiveEnabled',
  'msExchSmtpReceiveRole',
];

function parseInteger(text: string | undefined): number | undefined {
  if (text === undefined || !/^-?\d+$/.test(text.trim())) return undefined;
  return Number(text.trim());
}

/** `ncacn_ip_tcp:ex01.contoso.test` is the FQDN Exchange registers for RPC over TCP. */
export function fqdnFromNetworkAddress(values: string[]): string | undefined {
  for (const v of values) {
    const m = /^ncacn_ip_tcp:(.+)$/i.exec(v.trim());
    if (m?.[1]) return m[1].trim().toLowerCase();
  }
  return undefined;
}

export async function readOrganisation(
  ctx: SearchContext,
  configurationNamingContext: string,
): Promise<ExchangeOrganisation | undefined> {
  const entries = await collect(ctx, {
    base: exchangeServicesDn(configurationNamingContext),
    scope: 'one',
    filter: '(objectClass=msExchOrganizationContainer)',
    attributes: ['cn', 'name'],
  });
  const first = entries[0];
  if (!first) return undefined;
  return { name: getFirst(first, 'name') ?? getFirst(first, 'cn') ?? rdnValue(first.dn), dn: first.dn };
}

export function parseServer(entry: DirectoryEntry): ExchangeServer {
  const name = getFirst(entry, 'cn') ?? getFirst(entry, 'name') ?? rdnValue(entry.dn);
  const server: ExchangeServer = { name, dn: entry.dn, roles: [], receiveConnectors: [] };
  const fqdn = fqdnFromNetworkAddress(getAttr(entry, 'networkAddress'));
  if (fqdn) server.fqdn = fqdn;
  const serial = getFirst(entry, 'serialNumber');
  if (serial) {
    server.versionText = serial;
    const parsed = parseExchangeVersion(serial);
    if (parsed) {
      server.version = parsed.version;
      if (parsed.product) server.product = parsed.product;
    }
  }
  const roles = parseInteger(getFirst(entry, 'msExchCurrentServerRoles'));
  if (roles !== undefined) {
    server.rolesFlags = roles;
    server.roles = administrativeRoles(roles, server.version);
  }
  const siteDn = getFirst(entry, 'msExchServerSite');
  if (siteDn) {
    server.siteDn = siteDn;
    server.site = rdnValue(siteDn);
  }
  return server;
}

export async function readServers(ctx: SearchContext, organisationDn: string): Promise<ExchangeServer[]> {
  const entries = await collect(ctx, {
    base: organisationDn,
    scope: 'sub',
    filter: '(objectClass=msExchExchangeServer)',
    attributes: SERVER_ATTRIBUTES,
  });
  return entries.map(parseServer).sort((a, b) => a.name.localeCompare(b.name));
}

export function parseConnector(entry: DirectoryEntry, serverName: string): ReceiveConnector {
  const flags = parseInteger(getFirst(entry, 'msExchSMTPReceiveInboundSecurityFlag')) ?? DEFAULT_AUTH_MECHANISM_FLAGS;
  const enabledText = getFirst(entry, 'msExchSmtpReceiveEnabled');
  const connector: ReceiveConnector = {
    name: getFirst(entry, 'cn') ?? rdnValue(entry.dn),
    dn: entry.dn,
    server: serverName,
    // Absent means the default, which is enabled.
    enabled: enabledText === undefined ? true : enabledText.trim().toUpperCase() !== 'FALSE',
    authFlags: flags,
    authMechanisms: authMechanismsFromFlags(flags),
    bindings: getAttr(entry, 'msExchSmtpReceiveBindings'),
    remoteIpRanges: getAttr(entry, 'msExchSmtpReceiveRemoteIPRanges'),
  };
  const role = parseInteger(getFirst(entry, 'msExchSmtpReceiveRole'));
  if (role !== undefined) connector.transportRole = role;
  return connector;
}

export async function readReceiveConnectors(ctx: SearchContext, server: ExchangeServer): Promise<ReceiveConnector[]> {
  const entries = await collect(ctx, {
    base: `CN=SMTP Receive Connectors,CN=Protocols,${server.dn}`,
    scope: 'one',
    filter: '(objectClass=msExchSmtpReceiveConnector)',
    attributes: CONNECTOR_ATTRIBUTES,
  });
  return entries.map((e) => parseConnector(e, server.name)).sort((a, b) => a.name.localeCompare(b.name));
}
