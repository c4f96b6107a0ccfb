/**
 * DNS side of step 3: senders build the SPN from the name they resolved, so the computer's
 * dNSHostName must resolve, should be the name Exchange registered (networkAddress), and the
 * address should map back to it (MIT clients with rdns=true canonicalise through the PTR record).
 */
import type { CheckContext } from '../engine/check';
import type { ExchangeServer } from '../directory/model';
import type { Remedy } from '../../shared/findings';
import { arg, makeRemedy } from '../safety';
import { describeError, evidence, isCancellation, serverSubject } from './spn-context';
import { forEachAtOnce } from '../engine/limit';

function stripDot(name: string): string {
  return name.trim().replace(/\.$/, '').toLowerCase();
}

function resolveRemedy(host: string): Remedy[] {
  try {
    return [
      makeRemedy({
        summary: `Resolve ${host} as the other Exchange servers would`,
        runOn: 'each Exchange server',
        shell: 'powershell',
        changesState: false,
        executable: 'Resolve-DnsName',
        args: [arg.host(host)],
      }),
    ];
  } catch {
    return [];
  }
}

export async function checkServerDns(ctx: CheckContext, servers: readonly ExchangeServer[]): Promise<void> {
  await forEachAtOnce(servers, ctx.signal, async (server) => {
    const dnsHostName = server.computer?.dnsHostName;
    const name = dnsHostName ?? server.fqdn;
    const subject = serverSubject(server);
    if (!name) return;
    const source = `DNS resolver of this machine`;
    if (dnsHostName && server.fqdn && stripDot(dnsHostName) !== stripDot(server.fqdn)) {
      ctx.emit({
        code: 'spn.fqdn-mismatch',
        step: 3,
        severity: 'warning',
        subject,
        title: `${server.name}: dNSHostName ${dnsHostName} differs from the FQDN Exchange registered (${server.fqdn})`,
        explanation:
          'Senders may ask for a ticket to either name; both need SMTP and SMTPSVC SPNs and a DNS record, and the computer name is usually the one to keep.',
        evidence: [
          evidence(ctx, 'dNSHostName', dnsHostName, `LDAP ${ctx.discovery.source}`),
          evidence(ctx, 'networkAddress ncacn_ip_tcp', server.fqdn, `LDAP ${ctx.discovery.source}`),
        ],
        remedies: resolveRemedy(name),
      });
    }
    let addresses: string[];
    try {
      addresses = await ctx.io.dns.lookup(name, { timeoutMs: ctx.settings.probeTimeoutMs, signal: ctx.signal });
    } catch (e) {
      if (isCancellation(e)) throw e;
      ctx.emit({
        code: 'spn.dns-unresolved',
        step: 3,
        severity: 'warning',
        subject,
        title: `${name} does not resolve in DNS`,
        explanation:
          'Other Exchange servers reach this server, and name its SPN, through this name. Seen from this machine it has no address; check the DNS zone the Exchange servers use.',
        evidence: [evidence(ctx, 'lookup', describeError(e), source)],
        remedies: resolveRemedy(name),
      });
      return;
    }
    if (addresses.length === 0) return;
    let ptr: string[] = [];
    try {
      ptr = (
        await ctx.io.dns.reverse(addresses[0] ?? '', { timeoutMs: ctx.settings.probeTimeoutMs, signal: ctx.signal })
      ).map(stripDot);
    } catch (e) {
      if (isCancellation(e)) throw e;
      // No PTR record is common and not a fault on its own.
    }
    const ev = [evidence(ctx, `addresses of ${name}`, addresses.join(', '), source)];
    if (ptr.length) ev.push(evidence(ctx, `PTR of ${addresses[0] ?? ''}`, ptr.join(', '), source));
    if (ptr.length && !ptr.includes(stripDot(name))) {
      ctx.emit({
        code: 'spn.dns-reverse-mismatch',
        step: 3,
        severity: 'warning',
        subject,
        title: `${addresses[0] ?? ''} maps back to ${ptr.join(', ')}, not ${name}`,
        explanation:
          'Kerberos clients that canonicalise names through reverse DNS would ask for a ticket to the other name, whose SPN may not exist. Fix the PTR record or register the SPNs for that name too.',
        evidence: ev,
        remedies: resolveRemedy(name),
      });
      return;
    }
    ctx.emit({
      code: 'spn.dns-ok',
      step: 3,
      severity: 'ok',
      subject,
      title: `${name} resolves to ${addresses.join(', ')}`,
      explanation: 'The name senders use for this server resolves, and maps back to itself where a PTR record exists.',
      evidence: ev,
      remedies: [],
    });
  });
}
