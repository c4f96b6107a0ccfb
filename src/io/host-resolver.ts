/**
 * Answers the language server's ResolveHostsRequest from the extension's discovery (a getter),
 * resolving the servers' FQDNs to addresses once per discovery so IPs in logs map to servers too.
 */
import { lookup } from 'node:dns/promises';
import type { DiscoveryResult } from '../core/directory/model';
import type { HostEnd, ResolveHostsResult } from '../shared/evidence-protocol';
import { knownServers, matchServer, type KnownServer } from '../core/evidence/match-servers';

const LOOKUP_TIMEOUT_MS = 1500;

async function addressesOf(fqdn: string): Promise<string[]> {
  try {
    const all = await Promise.race([
      lookup(fqdn, { all: true }),
      new Promise<never>((_, reject) => setTimeout(() => reject(new Error('timeout')), LOOKUP_TIMEOUT_MS)),
    ]);
    return all.map((a) => a.address);
  } catch {
    return [];
  }
}

export class HostResolverService {
  private servers: Promise<KnownServer[]> | undefined;

  constructor(private readonly discovery: () => DiscoveryResult | undefined) {}

  /** Forget the addresses (the discovery changed). */
  reset(): void {
    this.servers = undefined;
  }

  private known(): Promise<KnownServer[]> {
    this.servers ??= (async () => {
      const discovery = this.discovery();
      const fqdns = [
        ...new Set(
          (discovery?.servers ?? [])
            .flatMap((s) => [s.fqdn, s.computer?.dnsHostName])
            .filter((x): x is string => !!x)
            .map((x) => x.toLowerCase()),
        ),
      ];
      const addresses = new Map<string, string[]>(
        await Promise.all(fqdns.map(async (f) => [f, await addressesOf(f)] as [string, string[]])),
      );
      return knownServers(discovery, addresses);
    })();
    return this.servers;
  }

  async resolve(hosts: readonly HostEnd[]): Promise<ResolveHostsResult> {
    const servers = await this.known();
    return hosts.map((h) => matchServer(servers, h));
  }
}
