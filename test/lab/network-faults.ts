/**
 * A lab that behaves like a network: ports that a firewall drops without a word, and latency.
 *
 * Drops are nftables rules in a table of the lab's own (`inet ead_lab`), matching only the lab's
 * loopback addresses, so nothing else on the machine is touched; `lab stop` deletes the table.
 * The kernel here has no netem qdisc (`tc qdisc add ... netem` answers "unknown qdisc"), so
 * latency is added in user space: the fake Exchange servers wait before each reply, and a relay
 * in front of each DC (./latency-relay.ts) delays what passes through it.
 *
 * The rule text is built here (pure, unit-tested); `nft -f -` applies it atomically.
 */
import { spawnSync } from 'node:child_process';
import { findBinary } from './tools';

export type Protocol = 'tcp' | 'udp';

export interface DropRule {
  protocol: Protocol;
  ports: number[];
  /** Lab host names (`EX03`, `DC2`); empty means every host of the lab. */
  on: string[];
}

export interface NetworkFaults {
  drop: DropRule[];
  /** Added to every round trip to a DC or an Exchange server, in ms (0: none). */
  latencyMs: number;
}

export const NO_NETWORK_FAULTS: NetworkFaults = { drop: [], latencyMs: 0 };

export const NFT_TABLE = 'ead_lab';

/** `465,717`, `tcp/465`, `udp/88` -> rules per protocol (TCP unless named). */
export function parseDropList(text: string, on: readonly string[]): DropRule[] {
  const byProtocol = new Map<Protocol, number[]>();
  for (const raw of text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)) {
    const m = /^(?:(tcp|udp)\/)?(\d{1,5})$/i.exec(raw);
    const port = Number(m?.[2]);
    if (!m || port < 1 || port > 65535) throw new Error(`--drop takes ports such as 465,717 or udp/88, not "${raw}"`);
    const protocol = (m[1]?.toLowerCase() ?? 'tcp') as Protocol;
    byProtocol.set(protocol, [...(byProtocol.get(protocol) ?? []), port]);
  }
  if (byProtocol.size === 0) throw new Error('--drop needs at least one port');
  return [...byProtocol].map(([protocol, ports]) => ({ protocol, ports: [...new Set(ports)], on: [...on] }));
}

/** `EX03,DC2` -> names, checked against the lab's hosts. */
export function parseHostList(text: string, known: readonly string[]): string[] {
  const names = text
    .split(',')
    .map((s) => s.trim().toUpperCase())
    .filter(Boolean);
  const unknown = names.filter((n) => !known.includes(n));
  if (unknown.length)
    throw new Error(`--drop-on: ${unknown.join(', ')} is not a lab host (hosts: ${known.join(', ')})`);
  return names;
}

export function parseLatency(text: string): number {
  const ms = Number(text);
  if (!Number.isInteger(ms) || ms < 0 || ms > 5000)
    throw new Error(`--latency takes whole milliseconds 0-5000, not "${text}"`);
  return ms;
}

/** The nft script that replaces the lab's table with `rules` (or only deletes it when empty). */
export function nftScript(
  rules: readonly DropRule[],
  addressesOf: (host: string) => string[],
  hosts: string[],
): string {
  // Creating the table first makes the delete succeed whether or not it existed: one atomic swap.
  const lines = [`table inet ${NFT_TABLE}`, `delete table inet ${NFT_TABLE}`];
  if (rules.length === 0) return `${lines.join('\n')}\n`;
  lines.push(`table inet ${NFT_TABLE} {`, '  chain input {', '    type filter hook input priority 0; policy accept;');
  for (const rule of rules) {
    const addresses = (rule.on.length ? rule.on : hosts).flatMap(addressesOf);
    const v4 = addresses.filter((a) => !a.includes(':'));
    const v6 = addresses.filter((a) => a.includes(':'));
    const ports = `{ ${rule.ports.join(', ')} }`;
    if (v4.length) lines.push(`    ip daddr { ${v4.join(', ')} } ${rule.protocol} dport ${ports} drop`);
    if (v6.length) lines.push(`    ip6 daddr { ${v6.join(', ')} } ${rule.protocol} dport ${ports} drop`);
  }
  lines.push('  }', '}');
  return `${lines.join('\n')}\n`;
}

function nft(args: string[], input?: string): { ok: boolean; out: string } {
  const bin = findBinary('nft');
  if (!bin) throw new Error('nft is missing: apt-get install -y nftables');
  const r = spawnSync(bin, args, { input, encoding: 'utf8' });
  return { ok: r.status === 0, out: `${r.stdout ?? ''}${r.stderr ?? ''}`.trim() };
}

/** Replaces the lab's drop rules (an empty list removes them). */
export function applyDrops(rules: readonly DropRule[], addressesOf: (host: string) => string[], hosts: string[]): void {
  const r = nft(['-f', '-'], nftScript(rules, addressesOf, hosts));
  if (!r.ok) throw new Error(`nft could not apply the lab's drop rules: ${r.out}`);
}

/** Removes the lab's table, if any. */
export function removeDrops(): void {
  if (!findBinary('nft')) return;
  if (nft(['list', 'table', 'inet', NFT_TABLE]).ok) {
    const r = nft(['delete', 'table', 'inet', NFT_TABLE]);
    if (!r.ok) throw new Error(`nft could not delete the lab's table: ${r.out}`);
  }
}

/** Whether the lab's table exists (for status and the test that stop leaves none). */
export function dropsInstalled(): boolean {
  return !!findBinary('nft') && nft(['list', 'table', 'inet', NFT_TABLE]).ok;
}

export function describeFaults(f: NetworkFaults): string {
  const drops = f.drop.map((d) => `${d.protocol} ${d.ports.join(',')} dropped on ${d.on.join(',') || 'every host'}`);
  return [...drops, ...(f.latencyMs ? [`${f.latencyMs} ms latency`] : [])].join('; ') || 'no network faults';
}
