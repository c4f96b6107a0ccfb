/**
 * What discovery learns about an Exchange organisation from Active Directory. Plain data, so the
 * extension, CLI, webview and language server can all carry it.
 */
import type { DirectoryBinding } from '../io';

/** Bits of msExchCurrentServerRoles. */
export const SERVER_ROLE_BITS = {
  Cafe: 1,
  Mailbox: 2,
  ClientAccess: 4,
  UnifiedMessaging: 16,
  HubTransport: 32,
  Edge: 64,
  FrontendTransport: 16384,
} as const;
export type ServerRole = keyof typeof SERVER_ROLE_BITS;

/** Bits of msExchSMTPReceiveInboundSecurityFlag (the connector's AuthMechanism). Absent means 29. */
export const AUTH_MECHANISM_BITS = {
  Tls: 1,
  Integrated: 2,
  BasicAuth: 4,
  BasicAuthRequireTLS: 8,
  ExchangeServer: 16,
  ExternalAuthoritative: 32,
} as const;
export type AuthMechanism = keyof typeof AUTH_MECHANISM_BITS;
export const DEFAULT_AUTH_MECHANISM_FLAGS = 29;

export interface RootDse {
  defaultNamingContext: string;
  configurationNamingContext: string;
  schemaNamingContext?: string;
  rootDomainNamingContext?: string;
  dnsHostName?: string;
  /** RootDSE currentTime as ISO 8601, with the local time it was read at (for skew). */
  currentTime?: string;
  /** Local clock (ISO 8601) when the RootDSE answer arrived; compare with currentTime for skew. */
  currentTimeReadAt?: string;
}

export interface ExchangeServer {
  /** NetBIOS-style short name, e.g. `EX01`. */
  name: string;
  /** FQDN from networkAddress `ncacn_ip_tcp:` (falls back to the computer's dNSHostName). */
  fqdn?: string;
  dn: string;
  /** Raw serialNumber, e.g. `Version 15.2 (Build 1118.7)`. */
  versionText?: string;
  /** Parsed `15.2.1118.7` when serialNumber could be read. */
  version?: string;
  /** Friendly product name derived from the version: `Exchange Server 2019`. */
  product?: string;
  rolesFlags?: number;
  roles: ServerRole[];
  /** Site name (from msExchServerSite), e.g. `Default-First-Site-Name`. */
  site?: string;
  siteDn?: string;
  computer?: ComputerAccount;
  receiveConnectors: ReceiveConnector[];
}

export interface ComputerAccount {
  dn: string;
  samAccountName: string;
  dnsHostName?: string;
  servicePrincipalNames: string[];
  uSNChanged?: string;
  whenChanged?: string;
}

export interface ReceiveConnector {
  name: string;
  dn: string;
  /** Server short name the connector belongs to. */
  server: string;
  enabled: boolean;
  /** msExchSMTPReceiveInboundSecurityFlag, or DEFAULT_AUTH_MECHANISM_FLAGS when absent. */
  authFlags: number;
  authMechanisms: AuthMechanism[];
  /** `0.0.0.0:25`, `[::]:2525` */
  bindings: string[];
  remoteIpRanges: string[];
  /** msExchSmtpReceiveRole: 32 hub transport, 16384 frontend transport. */
  transportRole?: number;
}

export interface DomainController {
  /** Short name, e.g. `DC1`. */
  name: string;
  fqdn?: string;
  site?: string;
  dn: string;
  /**
   * The naming contexts it holds a writable copy of (msDS-hasMasterNCs, or hasMasterNCs as Samba
   * returns it, on its NTDS Settings), when read: tells the DCs of this domain from those of others.
   */
  masterNamingContexts?: string[];
  /** How it was found: the Sites configuration, the Domain Controllers OU, or settings. */
  source: 'sites' | 'ou' | 'settings';
}

export interface ExchangeOrganisation {
  name: string;
  dn: string;
}

export interface DiscoveryResult {
  /** When discovery ran (ISO), and against which DC URL. */
  discoveredAt: string;
  source: string;
  /** How the session was bound (transport, mechanism, identity), when the adapter says. */
  binding?: DirectoryBinding;
  rootDse: RootDse;
  organisation?: ExchangeOrganisation;
  servers: ExchangeServer[];
  domainControllers: DomainController[];
  /** Partial failures that did not stop discovery (e.g. computer account not readable). */
  warnings: string[];
}

export function rolesFromFlags(flags: number): ServerRole[] {
  return (Object.entries(SERVER_ROLE_BITS) as [ServerRole, number][])
    .filter(([, bit]) => (flags & bit) !== 0)
    .map(([role]) => role);
}

export function authMechanismsFromFlags(flags: number): AuthMechanism[] {
  return (Object.entries(AUTH_MECHANISM_BITS) as [AuthMechanism, number][])
    .filter(([, bit]) => (flags & bit) !== 0)
    .map(([m]) => m);
}

export function hasExchangeServerAuth(flags: number): boolean {
  return (flags & AUTH_MECHANISM_BITS.ExchangeServer) !== 0;
}
