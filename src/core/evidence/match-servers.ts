/**
 * Which discovered Exchange server a host name or IP address from evidence is. Pure (no vscode):
 * the caller resolves the servers' FQDNs to addresses beforehand.
 */
import type { DiscoveryResult } from '../directory/model';
import type { HostEnd, ResolvedServer } from '../../shared/evidence-protocol';

export interface KnownServer {
  name: string;
  fqdns: string[];
  addresses: string[];
}

export function knownServers(
  discovery: DiscoveryResult | undefined,
  addresses: ReadonlyMap<string, string[]>,
): KnownServer[] {
  return (discovery?.servers ?? []).map((s) => {
    const fqdns = [
      ...new Set([s.fqdn, s.computer?.dnsHostName].filter((x): x is string => !!x).map((x) => x.toLowerCase())),
    ];
    return { name: s.name, fqdns, addresses: fqdns.flatMap((f) => addresses.get(f) ?? []) };
  });
}

export function matchServer(servers: readonly KnownServer[], host: HostEnd): ResolvedServer | null {
  const name = host.name?.toLowerCase().replace(/\.$/, '');
  const hit = (s: KnownServer): ResolvedServer => ({ name: s.name, ...(s.fqdns[0] ? { fqdn: s.fqdns[0] } : {}) });
  if (name) {
    const byName =
      servers.find((s) => s.name.toLowerCase() === name || s.fqdns.includes(name)) ??
      (!name.includes('.') ? servers.find((s) => s.fqdns.some((f) => f.split('.')[0] === name)) : undefined);
    if (byName) return hit(byName);
  }
  if (host.ip) {
    const byIp = servers.filter((s) => s.addresses.includes(host.ip!));
    if (byIp.length === 1) return hit(byIp[0]!);
  }
  return null;
}
