/** Host and endpoint text as Exchange writes it: `10.0.0.1:25`, `[2001:db8::1]:2525`, `ex01.contoso.com`. */
import { isIP } from 'node:net';
import type { HostEnd } from '../../shared/evidence-model';

export function parseEndpoint(text: string): HostEnd | undefined {
  const t = text.trim();
  if (!t || t.length > 300) return undefined;
  const bracket = /^\[([0-9A-Fa-f:.%a-zA-Z0-9]+)\](?::(\d{1,5}))?$/.exec(t);
  if (bracket) {
    const ip = bracket[1]!;
    if (!isIP(ip.split('%')[0]!)) return undefined;
    return withPort({ ip }, bracket[2]);
  }
  const v4 = /^(\d{1,3}(?:\.\d{1,3}){3})(?::(\d{1,5}))?$/.exec(t);
  if (v4) return isIP(v4[1]!) ? withPort({ ip: v4[1]! }, v4[2]) : undefined;
  if (isIP(t)) return { ip: t };
  // IPv6 with a trailing :port and no brackets is ambiguous; take the last group as a port only if
  // the rest is a valid address.
  const lastColon = t.lastIndexOf(':');
  if (t.includes('::') || t.split(':').length > 2) {
    const head = t.slice(0, lastColon);
    if (isIP(head) === 6 && /^\d{1,5}$/.test(t.slice(lastColon + 1)))
      return withPort({ ip: head }, t.slice(lastColon + 1));
    return undefined;
  }
  const named = /^([A-Za-z0-9][A-Za-z0-9-]{0,62}(?:\.[A-Za-z0-9-]{1,63})*\.?)(?::(\d{1,5}))?$/.exec(t);
  if (named) return withPort({ name: named[1]!.replace(/\.$/, '') }, named[2]);
  return undefined;
}

function withPort(end: HostEnd, port: string | undefined): HostEnd {
  if (port === undefined) return end;
  const p = Number(port);
  return p > 0 && p < 65536 ? { ...end, port: p } : end;
}

export function formatHost(end: HostEnd | undefined): string {
  if (!end) return '?';
  const base = end.name ?? (end.ip && end.ip.includes(':') ? `[${end.ip}]` : end.ip) ?? '?';
  return end.port ? `${base}:${end.port}` : base;
}

/** What an Exchange transport port usually is (verified-facts section 7). */
export const TRANSPORT_PORTS: Readonly<Record<number, string>> = {
  25: 'Front End Transport (Default Frontend connector), or an Edge/SMTP server',
  2525: 'Transport service on a Mailbox server (Default connector; server-to-server traffic)',
  465: 'Client Proxy connector (Front End Transport proxies authenticated clients)',
  475: 'Mailbox Transport Delivery service',
  587: 'Client Frontend connector (authenticated clients)',
  717: 'Outbound Proxy Frontend connector',
};
