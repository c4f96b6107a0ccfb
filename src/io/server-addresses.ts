/**
 * The discovered servers with the addresses their FQDNs resolve to, so that an IP address in a
 * pasted symptom (event 1035's source address, Queue Viewer's last endpoint) maps to a server.
 */
import { lookup } from 'node:dns/promises';
import type { ExchangeServer } from '../core/directory/model';
import { serverFqdns } from '../core/engine/scope';
import type { KnownServer } from '../core/symptom/match';

const TIMEOUT_MS = 3000;

/** DNS lookup of every address of a host, bounded in time; failures give no address. */
export async function resolveHost(host: string): Promise<string[]> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<string[]>((resolve) => {
    timer = setTimeout(() => resolve([]), TIMEOUT_MS);
  });
  try {
    return await Promise.race([lookup(host, { all: true }).then((list) => list.map((a) => a.address)), timeout]);
  } catch {
    return [];
  } finally {
    clearTimeout(timer);
  }
}

export async function knownServers(
  servers: readonly ExchangeServer[],
  resolve: (host: string) => Promise<string[]>,
): Promise<KnownServer[]> {
  return Promise.all(
    servers.map(async (s) => {
      const fqdns = serverFqdns(s);
      const addresses = (await Promise.all(fqdns.map((f) => resolve(f)))).flat();
      return { name: s.name, fqdns, addresses: [...new Set(addresses)] };
    }),
  );
}
