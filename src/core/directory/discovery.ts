/**
 * Discovery: one bound session in, a DiscoveryResult out. The RootDSE must be readable (without it
 * there is nothing to search); everything after it degrades to warnings, so a forest where, say,
 * the computer accounts are hidden from the bind user still shows its servers. Lost connections,
 * timeouts and cancellation end discovery, because every later search would fail the same way.
 */
import type { Clock, DirectorySession } from '../io';
import type { DiscoveryResult, ExchangeServer } from './model';
import { readRootDse } from './rootdse';
import { exchangeServicesDn, readOrganisation, readReceiveConnectors, readServers } from './exchange';
import { readComputerAccounts } from './computers';
import { readDomainControllers } from './domain-controllers';
import { describe, isFatal, type SearchContext } from './search';

export interface DiscoveryOptions {
  clock: Clock;
  /** Deadline for each directory round trip. */
  timeoutMs: number;
  signal?: AbortSignal;
  /** Paged-results page size (default 500). */
  pageSize?: number;
}

export const DEFAULT_PAGE_SIZE = 500;

export async function discover(session: DirectorySession, options: DiscoveryOptions): Promise<DiscoveryResult> {
  const ctx: SearchContext = {
    session,
    timeoutMs: options.timeoutMs,
    pageSize: options.pageSize ?? DEFAULT_PAGE_SIZE,
    ...(options.signal ? { signal: options.signal } : {}),
  };
  const discoveredAt = new Date(options.clock.now()).toISOString();
  const warnings: string[] = [];
  const rootDse = await readRootDse(ctx, options.clock);
  const result: DiscoveryResult = {
    discoveredAt,
    source: session.url,
    ...(session.binding ? { binding: session.binding } : {}),
    rootDse,
    servers: [],
    domainControllers: [],
    warnings,
  };

  /** Runs one part; a non-fatal failure becomes a warning and the part's fallback. */
  const part = async <T>(what: string, fallback: T, work: () => Promise<T>): Promise<T> => {
    try {
      return await work();
    } catch (e) {
      if (isFatal(e)) throw e;
      warnings.push(`${what}: ${describe(e)}`);
      return fallback;
    }
  };

  const organisation = await part('The Exchange organisation could not be read', undefined, () =>
    readOrganisation(ctx, rootDse.configurationNamingContext),
  );
  if (organisation) {
    result.organisation = organisation;
    result.servers = await part('The Exchange servers could not be read', [] as ExchangeServer[], () =>
      readServers(ctx, organisation.dn),
    );
    if (result.servers.length === 0) warnings.push(`No Exchange servers were found under ${organisation.dn}`);
  } else if (!warnings.length) {
    warnings.push(`No Exchange organisation was found under ${exchangeServicesDn(rootDse.configurationNamingContext)}`);
  }

  for (const server of result.servers) {
    server.receiveConnectors = await part(`Receive connectors of ${server.name} could not be read`, [], () =>
      readReceiveConnectors(ctx, server),
    );
  }

  if (result.servers.length) {
    const accounts = await part('Computer accounts of the Exchange servers could not be read', undefined, () =>
      readComputerAccounts(
        ctx,
        rootDse.defaultNamingContext,
        result.servers.map((s) => s.name),
      ),
    );
    for (const server of result.servers) {
      if (!accounts) break; // already reported as one warning
      const account = accounts.get(server.name.toUpperCase());
      if (account) {
        server.computer = account;
        if (!server.fqdn && account.dnsHostName) server.fqdn = account.dnsHostName;
      } else {
        warnings.push(`No computer account ${server.name}$ was found in ${rootDse.defaultNamingContext}`);
      }
    }
  }

  result.domainControllers = await readDomainControllers(ctx, rootDse, warnings);
  if (!result.domainControllers.length) warnings.push('No domain controllers were found');
  return result;
}
