/**
 * Which of a fake Exchange server's connectors on one port answers a client (pure), the way
 * Exchange chooses: among the connectors bound to the port, the one whose RemoteIPRanges hold the
 * client's address most narrowly; no connector at all means the connection is dropped. The lab
 * keeps its own small matcher (single address, CIDR, dash range) instead of the engine's, so a
 * mistake in the engine's selection cannot hide behind the same mistake in the lab.
 */
import { isIP } from 'node:net';

interface Span {
  family: 4 | 6;
  first: bigint;
  last: bigint;
}

function toBig(address: string): { family: 4 | 6; value: bigint } | undefined {
  let a = address.replace(/%.*$/, '');
  // An IPv4 client on a dual-stack socket arrives as ::ffff:a.b.c.d: Exchange matches it as IPv4.
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(a);
  if (mapped?.[1]) a = mapped[1];
  if (isIP(a) === 4) return { family: 4, value: a.split('.').reduce((n, p) => (n << 8n) | BigInt(Number(p)), 0n) };
  if (isIP(a) !== 6) return undefined;
  const [head = '', tail] = a.split('::');
  const h = head ? head.split(':') : [];
  const t = tail ? tail.split(':') : [];
  const parts = [...h, ...Array<string>(tail === undefined ? 0 : 8 - h.length - t.length).fill('0'), ...t];
  return { family: 6, value: parts.reduce((n, p) => (n << 16n) | BigInt(parseInt(p || '0', 16)), 0n) };
}

export function span(text: string): Span | undefined {
  const cidr = /^(.+)\/(\d+)$/.exec(text);
  if (cidr) {
    const ip = toBig(cidr[1] ?? '');
    if (!ip) return undefined;
    const host = BigInt((ip.family === 4 ? 32 : 128) - Number(cidr[2]));
    const first = (ip.value >> host) << host;
    return { family: ip.family, first, last: first + (1n << host) - 1n };
  }
  const dash = /^([^-]+)-([^-]+)$/.exec(text);
  if (dash) {
    const a = toBig(dash[1] ?? '');
    const b = toBig(dash[2] ?? '');
    return a && b && a.family === b.family ? { family: a.family, first: a.value, last: b.value } : undefined;
  }
  const one = toBig(text);
  return one ? { family: one.family, first: one.value, last: one.value } : undefined;
}

/** The narrowest of `ranges` holding `address`, as its number of addresses; undefined when none does. */
export function narrowest(ranges: readonly string[], address: string): bigint | undefined {
  const ip = toBig(address);
  let best: bigint | undefined;
  for (const r of ranges) {
    const s = span(r);
    if (!ip || !s || s.family !== ip.family || ip.value < s.first || ip.value > s.last) continue;
    const size = s.last - s.first + 1n;
    if (best === undefined || size < best) best = size;
  }
  return best;
}

/** The connector of `candidates` (all on one port) that takes `peer`, or undefined. */
export function chooseConnector<T extends { remoteIpRanges: readonly string[] }>(
  candidates: readonly T[],
  peer: string,
): T | undefined {
  let best: { c: T; size: bigint } | undefined;
  for (const c of candidates) {
    const size = narrowest(c.remoteIpRanges, peer);
    if (size !== undefined && (!best || size < best.size)) best = { c, size };
  }
  return best?.c;
}
