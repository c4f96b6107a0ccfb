/**
 * DnsResolver over node:dns. `lookup` uses the operating system's resolver (getaddrinfo), so hosts
 * files and search domains apply as they do for every other program on this machine; `reverse`
 * asks DNS for PTR records. getaddrinfo cannot be recalled once asked, so on timeout or abort the
 * caller gets its answer at once and the late result is dropped.
 */
import * as dns from 'node:dns';
import { isIP } from 'node:net';
import type { DnsResolver, OpOptions } from '../core/io';
import { withDeadline } from '../core/errors';
import { errorCode, mapNetError } from './net-errors';

/** Brackets and a trailing dot are not part of the name. */
function bare(host: string): string {
  return host
    .trim()
    .replace(/^\[(.*)\]$/, '$1')
    .replace(/\.$/, '');
}

export async function lookupHost(host: string, options: OpOptions): Promise<string[]> {
  const name = bare(host);
  if (isIP(name)) return [name];
  const what = `DNS lookup of ${name}`;
  return withDeadline(what, options.timeoutMs, options.signal, async () => {
    try {
      const answers = await dns.promises.lookup(name, { all: true, order: 'verbatim' });
      return [...new Set(answers.map((a) => a.address))];
    } catch (e) {
      throw mapNetError(e, what, options.timeoutMs);
    }
  });
}

/**
 * The names an address maps back to: the system's answer (getnameinfo: hosts file, then DNS PTR)
 * first, then every PTR name DNS gives. Both are asked because Node's DNS `reverse` returns only
 * a hostent's aliases, which drops the canonical name when the answer comes from a hosts file.
 */
export async function reverseAddress(address: string, options: OpOptions): Promise<string[]> {
  const ip = bare(address);
  const what = `DNS reverse lookup of ${ip}`;
  const resolver = new dns.promises.Resolver({ timeout: Math.max(1, options.timeoutMs), tries: 1 });
  return withDeadline(what, options.timeoutMs, options.signal, async (signal) => {
    signal.addEventListener('abort', () => resolver.cancel(), { once: true });
    const [system, ptr] = await Promise.allSettled([dns.promises.lookupService(ip, 0), resolver.reverse(ip)]);
    const names: string[] = [];
    if (system.status === 'fulfilled' && system.value.hostname && !isIP(system.value.hostname))
      names.push(system.value.hostname);
    if (ptr.status === 'fulfilled') names.push(...ptr.value);
    const unique = [...new Map(names.map((n) => [n.toLowerCase().replace(/\.$/, ''), n.replace(/\.$/, '')])).values()];
    if (unique.length > 0 || ptr.status === 'fulfilled') return unique;
    // No PTR record is an answer, not a failure.
    const code = errorCode(ptr.reason);
    if (code === 'ENOTFOUND' || code === 'ENODATA') return [];
    throw mapNetError(ptr.reason, what, options.timeoutMs);
  });
}

export const nodeDns: DnsResolver = { lookup: lookupHost, reverse: reverseAddress };
