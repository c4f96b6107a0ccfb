/**
 * Asks the extension which discovered Exchange server a host name or IP address is (custom request
 * ResolveHostsRequest), with a short cache. Without an answer (no extension handler, no
 * discovery, a timeout) every host is simply unresolved.
 */
import type { Connection } from 'vscode-languageserver';
import type { HostEnd } from '../shared/evidence-model';
import { ResolveHostsRequest, type ResolvedServer } from '../shared/evidence-protocol';
import { sendRequest } from './messages';

const TTL_MS = 30_000;
const TIMEOUT_MS = 3_000;

export function hostKey(h: HostEnd): string {
  return `${(h.name ?? '').toLowerCase()}|${h.ip ?? ''}`;
}

export class HostResolver {
  private readonly cache = new Map<string, { at: number; server: ResolvedServer | null }>();

  constructor(private readonly connection: Connection) {}

  /** Clears the cache (e.g. when the discovery changed). */
  reset(): void {
    this.cache.clear();
  }

  async resolve(hosts: readonly HostEnd[]): Promise<Map<string, ResolvedServer | null>> {
    const now = Date.now();
    const out = new Map<string, ResolvedServer | null>();
    const ask: HostEnd[] = [];
    for (const h of hosts) {
      const k = hostKey(h);
      if (out.has(k)) continue;
      const c = this.cache.get(k);
      if (c && now - c.at < TTL_MS) out.set(k, c.server);
      else if (!ask.some((a) => hostKey(a) === k))
        ask.push({ ...(h.name ? { name: h.name } : {}), ...(h.ip ? { ip: h.ip } : {}) });
    }
    if (ask.length) {
      let answer: (ResolvedServer | null)[] = [];
      try {
        answer = await Promise.race([
          sendRequest(this.connection, ResolveHostsRequest, { hosts: ask }),
          new Promise<(ResolvedServer | null)[]>((resolve) => setTimeout(() => resolve([]), TIMEOUT_MS)),
        ]);
      } catch {
        answer = [];
      }
      ask.forEach((h, i) => {
        const server = Array.isArray(answer) ? (answer[i] ?? null) : null;
        this.cache.set(hostKey(h), { at: now, server });
        out.set(hostKey(h), server);
      });
    }
    return out;
  }
}
