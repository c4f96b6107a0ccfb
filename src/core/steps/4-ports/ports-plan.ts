/**
 * Step 4, what to test and how much each port matters (pure). Kerberos (88 TCP and UDP, 464) is
 * what Exchange Server authentication needs from every DC: not reachable is an error. LDAP, the
 * global catalog, RPC and SMB are needed by Exchange for other work: a warning. LDAPS, the GC over
 * TLS and DNS may legitimately be closed or served elsewhere: informational. On an Exchange
 * server, the transport ports its enabled receive connectors bind are the ones other servers
 * deliver to: 2525 (hub) and 25 (frontend) not reachable is an error, 465/717 a warning.
 */
import type { ExchangeServer } from '../../directory/model';
import { parseBinding } from '../6-receive-connectors/connectors-ranges';

export type PortImportance = 'required' | 'needed' | 'optional';
export type Protocol = 'tcp' | 'udp';

export interface PortSpec {
  port: number;
  protocol: Protocol;
  purpose: string;
  importance: PortImportance;
  /** True for the ports whose failure stops Kerberos itself. */
  kerberos?: boolean;
}

export const DC_PORTS: readonly PortSpec[] = [
  { port: 88, protocol: 'tcp', purpose: 'Kerberos', importance: 'required', kerberos: true },
  { port: 88, protocol: 'udp', purpose: 'Kerberos', importance: 'required', kerberos: true },
  { port: 464, protocol: 'tcp', purpose: 'Kerberos password change (kpasswd)', importance: 'required', kerberos: true },
  { port: 389, protocol: 'tcp', purpose: 'LDAP', importance: 'needed' },
  { port: 636, protocol: 'tcp', purpose: 'LDAP over TLS', importance: 'optional' },
  { port: 3268, protocol: 'tcp', purpose: 'Global catalog', importance: 'needed' },
  { port: 3269, protocol: 'tcp', purpose: 'Global catalog over TLS', importance: 'optional' },
  { port: 53, protocol: 'tcp', purpose: 'DNS (may be served by other hosts)', importance: 'optional' },
  { port: 135, protocol: 'tcp', purpose: 'RPC endpoint mapper', importance: 'needed' },
  { port: 445, protocol: 'tcp', purpose: 'SMB (Netlogon, Group Policy)', importance: 'needed' },
];

export const TRANSPORT_PORTS: readonly PortSpec[] = [
  { port: 25, protocol: 'tcp', purpose: 'SMTP, Front End Transport', importance: 'required' },
  {
    port: 2525,
    protocol: 'tcp',
    purpose: 'SMTP, hub transport (mail between Exchange servers)',
    importance: 'required',
  },
  { port: 465, protocol: 'tcp', purpose: 'SMTP, client proxy', importance: 'needed' },
  { port: 717, protocol: 'tcp', purpose: 'SMTP, outbound proxy', importance: 'needed' },
];

/** TCP ports the DC ports list tests, in order (for the remoting sweep). */
export const DC_TCP_PORTS: readonly number[] = DC_PORTS.filter((p) => p.protocol === 'tcp').map((p) => p.port);

/**
 * The transport ports to test on a server. When its receive connectors are known, a port no
 * enabled connector binds is only informational (nothing is expected to listen there).
 */
export function transportPortsOf(server: ExchangeServer): PortSpec[] {
  const enabled = server.receiveConnectors.filter((c) => c.enabled);
  if (enabled.length === 0) return [...TRANSPORT_PORTS];
  const bound = new Set(
    enabled.flatMap((c) => c.bindings.map((b) => parseBinding(b)?.port).filter((p): p is number => p !== undefined)),
  );
  return TRANSPORT_PORTS.map((p) =>
    bound.has(p.port) ? p : { ...p, importance: 'optional', purpose: `${p.purpose}; no enabled connector binds it` },
  );
}
