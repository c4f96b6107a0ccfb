/**
 * From what the user named to the Exchange servers of the directory. A name matches a server by
 * its short name, its FQDN (networkAddress or dNSHostName) or the first label of that FQDN; an IP
 * address, or a DNS alias, matches when DNS gives it an address one of the servers also has.
 * Anything else is a usage error listing the servers that do exist.
 */
import { isIP } from 'node:net';
import type { CoreIo } from '../io';
import type { Scope } from './check';
import type { DiscoveryResult, ExchangeServer } from '../directory/model';
import { DoctorError, isDoctorError } from '../errors';
import { validateHostName } from '../safety/validation';

export interface ScopeOptions {
  timeoutMs: number;
  signal?: AbortSignal;
}

export function serverFqdns(server: ExchangeServer): string[] {
  return [
    ...new Set([server.fqdn, server.computer?.dnsHostName].filter((x): x is string => !!x).map((f) => f.toLowerCase())),
  ];
}

/** A match by name alone (no DNS): short name, FQDN, or the FQDN's first label. */
export function matchByName(servers: readonly ExchangeServer[], name: string): ExchangeServer | undefined {
  const wanted = name.toLowerCase().replace(/\.$/, '');
  return (
    servers.find((s) => s.name.toLowerCase() === wanted) ??
    servers.find((s) => serverFqdns(s).includes(wanted)) ??
    servers.find((s) => serverFqdns(s).some((f) => f.split('.')[0] === wanted))
  );
}

function unknownServer(name: string, servers: readonly ExchangeServer[], why?: string): DoctorError {
  const list = servers.map((s) => s.name).join(', ') || 'none';
  return new DoctorError(
    'usage',
    `No Exchange server named ${name} was found in the directory${why ? ` (${why})` : ''}; servers found: ${list}`,
  );
}

async function addressesOf(io: CoreIo, host: string, options: ScopeOptions): Promise<string[]> {
  if (isIP(host)) return [host];
  try {
    return await io.dns.lookup(host, {
      timeoutMs: options.timeoutMs,
      ...(options.signal ? { signal: options.signal } : {}),
    });
  } catch (e) {
    if (isDoctorError(e) && e.kind === 'aborted') throw e;
    return [];
  }
}

/** Resolves one name; DNS is asked only when no server matches by name. */
export async function resolveServer(
  io: CoreIo,
  servers: readonly ExchangeServer[],
  name: string,
  options: ScopeOptions,
): Promise<ExchangeServer> {
  const trimmed = name.trim();
  if (!isIP(trimmed)) {
    const valid = validateHostName(trimmed);
    if (!valid.ok) throw new DoctorError('usage', `"${name}" is not a server name: ${valid.reason}`);
  }
  const byName = matchByName(servers, trimmed);
  if (byName) return byName;
  const wanted = new Set(await addressesOf(io, trimmed, options));
  if (wanted.size === 0) throw unknownServer(trimmed, servers, 'it does not resolve in DNS either');
  const withFqdn = servers.filter((s) => serverFqdns(s).length > 0);
  // Every server at once: the run's I/O bounds what it must, and shares each name's answer.
  const addresses = await Promise.all(
    withFqdn.map(async (s) => (await Promise.all(serverFqdns(s).map((f) => addressesOf(io, f, options)))).flat()),
  );
  const hits = withFqdn.filter((_, i) => (addresses[i] ?? []).some((a) => wanted.has(a)));
  if (hits.length === 1 && hits[0]) return hits[0];
  if (hits.length > 1) {
    throw new DoctorError(
      'usage',
      `${trimmed} resolves to an address shared by ${hits.map((s) => s.name).join(', ')}; name one of them`,
    );
  }
  throw unknownServer(trimmed, servers, `it resolves to ${[...wanted].join(', ')}, which no Exchange server has`);
}

/** The servers in scope: all of them, one, or the sending and the receiving server of a pair. */
export async function resolveScope(
  io: CoreIo,
  discovery: DiscoveryResult,
  scope: Scope,
  options: ScopeOptions,
): Promise<ExchangeServer[]> {
  const servers = discovery.servers;
  switch (scope.kind) {
    case 'organisation':
      return [...servers];
    case 'server':
      return [await resolveServer(io, servers, scope.server, options)];
    case 'pair': {
      const sending = await resolveServer(io, servers, scope.sending, options);
      const receiving = await resolveServer(io, servers, scope.receiving, options);
      if (sending === receiving)
        throw new DoctorError(
          'usage',
          `The sending and the receiving server are both ${sending.name}; a pair needs two servers`,
        );
      return [sending, receiving];
    }
  }
}
