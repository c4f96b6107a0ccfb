/**
 * The addresses a server may connect from besides those DNS gives it (a load balancer or NAT in
 * between), as the editor's settings hold them: `{ "EX01": ["10.0.0.5"] }`. Pure: anything that
 * is not a server name with a list of IP addresses is left out, so a typo cannot reach a finding
 * as anything but what it is. The CLI reads the same from `--source-address`.
 */
import { isIP } from 'node:net';

const NAME = /^[A-Za-z0-9][A-Za-z0-9.-]{0,254}$/;

export function sourceAddressesFrom(raw: unknown): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return out;
  for (const [name, list] of Object.entries(raw as Record<string, unknown>)) {
    if (!NAME.test(name) || !Array.isArray(list)) continue;
    const addresses = list
      .filter((a): a is string => typeof a === 'string')
      .map((a) => a.trim().replace(/^\[|\]$/g, ''))
      .filter((a) => isIP(a) !== 0);
    if (addresses.length) out[name.toUpperCase()] = [...new Set(addresses)];
  }
  return out;
}
