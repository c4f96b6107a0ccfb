/**
 * Maps the ends a pasted symptom names (host names, IP addresses) to the discovered Exchange
 * servers. Pure: the caller resolves the servers' addresses (DNS) beforehand and passes them in.
 */
import type { HostRef, SymptomRecognition } from '../../shared/symptom';

export interface KnownServer {
  /** Short name, e.g. `EX01`. */
  name: string;
  fqdns: string[];
  /** Addresses the server's FQDNs resolve to (may be empty when DNS was not asked). */
  addresses: string[];
}

export interface SymptomPair {
  sending?: string;
  receiving?: string;
  /** True when both ends map to two different known servers. */
  complete: boolean;
  /** Ends that were named but match no known server, as written. */
  unmatched: string[];
}

export function matchHost(servers: readonly KnownServer[], ref: HostRef | undefined): KnownServer | undefined {
  if (!ref) return undefined;
  const name = ref.name?.toLowerCase().replace(/\.$/, '');
  if (name) {
    const hit =
      servers.find((s) => s.name.toLowerCase() === name) ??
      servers.find((s) => s.fqdns.some((f) => f.toLowerCase() === name)) ??
      servers.find((s) =>
        s.fqdns.some((f) => f.toLowerCase().split('.')[0] === name.split('.')[0] && !name.includes('.')),
      );
    if (hit) return hit;
  }
  if (ref.ip) {
    const hits = servers.filter((s) => s.addresses.includes(ref.ip as string));
    if (hits.length === 1) return hits[0];
  }
  return undefined;
}

/** Sets `server` on each end that maps, and returns the pair. */
export function matchSymptomServers(r: SymptomRecognition, servers: readonly KnownServer[]): SymptomPair {
  const unmatched: string[] = [];
  const pair: SymptomPair = { complete: false, unmatched };
  for (const end of ['sending', 'receiving'] as const) {
    const ref = r[end];
    if (!ref) continue;
    const hit = matchHost(servers, ref);
    if (hit) {
      ref.server = hit.name;
      pair[end] = hit.name;
      // An address (or an FQDN) as written: say which server it is.
      const label = end === 'sending' ? 'Sending server' : 'Receiving server';
      const fact = r.facts.find((f) => f.label === label);
      if (fact && ref.name?.toUpperCase() !== hit.name.toUpperCase() && !fact.value.endsWith(` = ${hit.name}`))
        fact.value = `${fact.value} = ${hit.name}`;
    } else {
      const written = ref.name ?? ref.ip;
      if (written) unmatched.push(written);
    }
  }
  // Only one end known: with exactly two servers in the organisation the other end is implied.
  if (servers.length === 2 && (pair.sending === undefined) !== (pair.receiving === undefined)) {
    const known = pair.sending ?? pair.receiving;
    const other = servers.find((s) => s.name !== known)?.name;
    if (other) {
      if (pair.sending === undefined) pair.sending = other;
      else pair.receiving = other;
    }
  }
  pair.complete = !!pair.sending && !!pair.receiving && pair.sending !== pair.receiving;
  return pair;
}
