/**
 * Host names of the lab in /etc/hosts, inside one marked block that is replaced as a whole (so a
 * second start changes nothing) and removed on stop. The lab uses no DNS server: every name the
 * engine looks up (DCs, Exchange servers) resolves through this block.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { DC1, DC2, type DcSpec } from './layout';
import type { LabServer } from './model';

export const HOSTS_FILE = process.env.EAD_LAB_HOSTS_FILE ?? '/etc/hosts';
const BEGIN = '# BEGIN exchange-auth-doctor lab (managed by test/lab; removed by `npm run lab -- stop`)';
const END = '# END exchange-auth-doctor lab';

export function hostsBlock(dcs: readonly DcSpec[], servers: readonly LabServer[]): string {
  // FQDN only: with a short alias on the line, c-ares (Node's dns.reverse) answers the alias.
  const line = (address: string, fqdn: string): string => `${address}\t${fqdn}`;
  return [BEGIN, ...dcs.map((d) => line(d.address, d.host)), ...servers.map((s) => line(s.address, s.fqdn)), END].join(
    '\n',
  );
}

/** The file's text with the lab block removed (pure); also removes a block without its end marker. */
export function withoutBlock(text: string): string {
  const lines = text.split('\n');
  const out: string[] = [];
  let inside = false;
  for (const l of lines) {
    if (l.startsWith('# BEGIN exchange-auth-doctor lab')) inside = true;
    else if (inside && l.startsWith(END)) inside = false;
    else if (!inside) out.push(l);
  }
  return out.join('\n').replace(/\n*$/, '\n');
}

export function withBlock(text: string, block: string): string {
  return `${withoutBlock(text)}${block}\n`;
}

function write(next: string): void {
  try {
    writeFileSync(HOSTS_FILE, next);
  } catch (e) {
    throw new Error(
      `The lab resolves its host names through ${HOSTS_FILE}, which cannot be written (${(e as Error).message}); run the lab as root.`,
      { cause: e },
    );
  }
}

export function installHosts(servers: readonly LabServer[]): void {
  const text = readFileSync(HOSTS_FILE, 'utf8');
  const next = withBlock(text, hostsBlock([DC1, DC2], servers));
  if (next !== text) write(next);
}

export function removeHosts(): void {
  const text = readFileSync(HOSTS_FILE, 'utf8');
  const next = withoutBlock(text);
  if (next !== text) write(next);
}
