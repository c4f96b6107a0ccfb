/**
 * Remote IP ranges of receive connectors (msExchSmtpReceiveRemoteIPRanges) and which of them holds
 * an address. Exchange accepts a single address, CIDR (`10.0.0.0/24`), a dash range
 * (`10.0.0.1-10.0.0.50`) and an address with a mask (`10.0.0.0(255.255.255.0)`), for IPv4 and
 * IPv6. When several connectors on the same port match, Exchange picks the most specific range, so
 * every range knows its size.
 */
import { isIP } from 'node:net';

export interface IpRange {
  text: string;
  family: 4 | 6;
  first: bigint;
  last: bigint;
  /** Number of addresses; smaller is more specific. */
  size: bigint;
}

/**
 * Parsing is pure and the same few strings (each connector's ranges and bindings, each server's
 * address) are parsed for every sender and receiver pair: 200 servers made it most of a run's CPU.
 * Results are frozen and kept, up to a bound.
 */
function memoised<T>(parse: (text: string) => T | undefined): (text: string) => T | undefined {
  const cache = new Map<string, T | undefined>();
  return (text) => {
    if (cache.has(text)) return cache.get(text);
    const value = parse(text);
    if (cache.size >= 10_000) cache.clear();
    cache.set(text, value === undefined ? value : Object.freeze(value));
    return value;
  };
}

export const parseIp = memoised(parseIpText);

function parseIpText(text: string): { family: 4 | 6; value: bigint } | undefined {
  const t = text
    .trim()
    .replace(/^\[|\]$/g, '')
    .replace(/%.*$/, '');
  const family = isIP(t);
  if (family === 4) {
    return { family: 4, value: t.split('.').reduce((acc, part) => (acc << 8n) | BigInt(Number(part)), 0n) };
  }
  if (family === 6) {
    let text6 = t;
    // An embedded IPv4 tail (::ffff:10.0.0.1) becomes two hextets.
    const v4 = /(\d+\.\d+\.\d+\.\d+)$/.exec(text6);
    if (v4?.[1]) {
      const n = parseIp(v4[1]);
      if (!n) return undefined;
      text6 = text6.slice(0, -v4[1].length) + `${(n.value >> 16n).toString(16)}:${(n.value & 0xffffn).toString(16)}`;
    }
    const [head = '', tail] = text6.split('::');
    const headParts = head ? head.split(':') : [];
    const tailParts = tail ? tail.split(':') : [];
    const fill = tail === undefined ? 0 : 8 - headParts.length - tailParts.length;
    const parts = [...headParts, ...Array<string>(fill).fill('0'), ...tailParts];
    if (parts.length !== 8) return undefined;
    return { family: 6, value: parts.reduce((acc, p) => (acc << 16n) | BigInt(parseInt(p || '0', 16)), 0n) };
  }
  return undefined;
}

function bits(family: 4 | 6): bigint {
  return family === 4 ? 32n : 128n;
}

function prefixRange(text: string, family: 4 | 6, base: bigint, prefix: number): IpRange | undefined {
  const width = bits(family);
  if (!Number.isInteger(prefix) || prefix < 0 || BigInt(prefix) > width) return undefined;
  const hostBits = width - BigInt(prefix);
  const mask = ((1n << width) - 1n) ^ ((1n << hostBits) - 1n);
  const first = base & mask;
  const last = first | ((1n << hostBits) - 1n);
  return { text, family, first, last, size: last - first + 1n };
}

/** Parses one range; undefined when it is not one of the forms Exchange writes. */
export const parseIpRange = memoised(parseIpRangeText);

function parseIpRangeText(raw: string): IpRange | undefined {
  const text = raw.trim();
  let m = /^(.+)\/(\d{1,3})$/.exec(text);
  if (m) {
    const ip = parseIp(m[1] ?? '');
    return ip ? prefixRange(text, ip.family, ip.value, Number(m[2])) : undefined;
  }
  m = /^(.+)\((.+)\)$/.exec(text);
  if (m) {
    const ip = parseIp(m[1] ?? '');
    const mask = parseIp(m[2] ?? '');
    if (!ip || !mask || ip.family !== mask.family) return undefined;
    const width = bits(ip.family);
    let prefix = 0n;
    while (prefix < width && ((mask.value >> (width - 1n - prefix)) & 1n) === 1n) prefix++;
    const contiguous = ((1n << width) - 1n) ^ ((1n << (width - prefix)) - 1n);
    if (mask.value !== contiguous) return undefined; // 255.0.255.0 is not a mask
    return prefixRange(text, ip.family, ip.value, Number(prefix));
  }
  m = /^([^-]+)-([^-]+)$/.exec(text);
  if (m) {
    const a = parseIp(m[1] ?? '');
    const b = parseIp(m[2] ?? '');
    if (!a || !b || a.family !== b.family || b.value < a.value) return undefined;
    return { text, family: a.family, first: a.value, last: b.value, size: b.value - a.value + 1n };
  }
  const single = parseIp(text);
  return single ? { text, family: single.family, first: single.value, last: single.value, size: 1n } : undefined;
}

export function rangeContains(range: IpRange, address: string): boolean {
  const ip = parseIp(address);
  if (!ip) return false;
  // Exchange matches an IPv4 client against IPv4 ranges; an IPv4-mapped IPv6 address counts as IPv4.
  let { family, value } = ip;
  if (family === 6 && value >> 32n === 0xffffn) {
    family = 4;
    value &= 0xffffffffn;
  }
  return family === range.family && value >= range.first && value <= range.last;
}

/** The smallest range among `ranges` that holds `address`, or undefined. */
export function bestMatch(ranges: readonly string[], address: string): IpRange | undefined {
  let best: IpRange | undefined;
  for (const r of ranges) {
    const range = parseIpRange(r);
    if (range && rangeContains(range, address) && (!best || range.size < best.size)) best = range;
  }
  return best;
}

export interface Binding {
  text: string;
  address: string;
  port: number;
  /** 0.0.0.0 or [::]: every local address. */
  any: boolean;
}

/** `0.0.0.0:25`, `[::]:2525`, `10.0.0.5:25`. */
export const parseBinding = memoised(parseBindingText);

function parseBindingText(text: string): Binding | undefined {
  const m = /^\s*(\[[^\]]+\]|[^:\s]+):(\d{1,5})\s*$/.exec(text);
  if (!m) return undefined;
  const address = (m[1] ?? '').replace(/^\[|\]$/g, '');
  const port = Number(m[2]);
  if (!parseIp(address) || port < 1 || port > 65535) return undefined;
  return {
    text: text.trim(),
    address,
    port,
    any: address === '0.0.0.0' || /^::?0*$/.test(address) || address === '::',
  };
}

/** `10.0.0.1`, or the eight hextets of an IPv6 address, uncompressed (Exchange reads both). */
export function formatIp(family: 4 | 6, value: bigint): string {
  if (family === 4) return [24n, 16n, 8n, 0n].map((s) => String((value >> s) & 0xffn)).join('.');
  return Array.from({ length: 8 }, (_, i) => ((value >> BigInt((7 - i) * 16)) & 0xffffn).toString(16)).join(':');
}

function rangeText(family: 4 | 6, first: bigint, last: bigint): string {
  return first === last ? formatIp(family, first) : `${formatIp(family, first)}-${formatIp(family, last)}`;
}

/**
 * The ranges with `addresses` cut out: a range holding none of them stays as written, one holding
 * some becomes the dash ranges around them (a range left empty disappears). Text that is not a
 * range is kept as it is: narrowing never widens.
 */
export function withoutAddresses(ranges: readonly string[], addresses: readonly string[]): string[] {
  const out: string[] = [];
  for (const text of ranges) {
    const range = parseIpRange(text);
    const inside = range
      ? [
          ...new Set(
            addresses
              .flatMap((a) => {
                const ip = parseIp(a);
                return ip && ip.family === range.family ? [ip.value] : [];
              })
              .filter((v) => v >= range.first && v <= range.last),
          ),
        ].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
      : [];
    if (!range || inside.length === 0) {
      out.push(text.trim());
      continue;
    }
    let from = range.first;
    for (const v of inside) {
      if (v > from) out.push(rangeText(range.family, from, v - 1n));
      from = v + 1n;
    }
    if (from <= range.last) out.push(rangeText(range.family, from, range.last));
  }
  return out;
}
