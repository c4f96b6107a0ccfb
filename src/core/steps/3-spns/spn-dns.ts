/**
 * DNS side of step 3: senders build the SPN from the name they resolved, so the name Exchange
 * registered (networkAddress) must resolve, the computer's dNSHostName should be the same name,
 * and the address should map back to it (MIT clients with rdns=true canonicalise through the PTR
 * record).
 */
import { makeFinding } from '../../findings/define';
import { spnFindings } from './finding-codes';
import type { CheckContext } from '../../engine/check';
import type { ExchangeServer } from '../../directory/model';
import type { Remedy } from '../../../shared/findings';
import { RUN_ON } from '../../remedies/run-on';
import { arg } from '../../safety/command-line';
import { makePhraseRemedy as makeRemedy } from '../../remedies/phrase-remedy';
import { describeError, evidence, isCancellation, labelledEvidence, serverSubject } from './spn-context';
import { text } from '../../l10n/render';
import type { LocalText } from '../../../shared/local-text';
import { forEachAtOnce } from '../../engine/limit';
import { chooseServerNames, differingNames, nameChoice, probeName } from '../../engine/server-names';
import { sameSpn } from './expected-spns';

function stripDot(name: string): string {
  return name.trim().replace(/\.$/, '').toLowerCase();
}

function resolveRemedy(host: string): Remedy[] {
  try {
    return [
      makeRemedy({
        phrase: 'fp.3.fix.resolve',
        params: { host },
        ...RUN_ON.eachExchange,
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

function setDnsHostName(server: string, name: string): Remedy[] {
  try {
    return [
      makeRemedy({
        phrase: 'fp.3.fix.set-dnshostname',
        params: { server, name },
        ...RUN_ON.adModule,
        shell: 'powershell',
        changesState: true,
        executable: 'Set-ADComputer',
        args: [arg.switch('-Identity'), arg.host(server), arg.switch('-DNSHostName'), arg.host(name)],
      }),
    ];
  } catch {
    return [];
  }
}

/**
 * dNSHostName and the registered FQDN differ. Senders use the registered FQDN, so that is where
 * the SPNs belong; SPNs for the other name would serve nobody. Which name resolves decides the fix.
 */
function mismatchFinding(ctx: CheckContext, server: ExchangeServer, registered: string, dnsHostName: string) {
  const resolves = nameChoice(ctx, server)?.resolves ?? {};
  const r = resolves[registered] === true;
  const d = resolves[dnsHostName] === true;
  const spns = server.computer?.servicePrincipalNames ?? [];
  const onRegistered = spns.some((x) => sameSpn(x, `SMTPSVC/${registered}`));
  const names = { registered, dnsHostName };
  const state: LocalText = r
    ? d
      ? text(onRegistered ? 'fp.3.state.both-spns' : 'fp.3.state.both', names)
      : text(onRegistered ? 'fp.3.state.registered-spns' : 'fp.3.state.registered', names)
    : text(d ? 'fp.3.state.dns-host-name' : 'fp.3.state.neither', names);
  const fix: LocalText = r
    ? text('fp.3.why.fix-dnshostname', { registered, server: server.name })
    : text(d ? 'fp.3.why.no-address-or-recover' : 'fp.3.why.no-address', {
        ...names,
        probe: probeName(ctx, server),
      });
  const why = text('fp.3.why', {
    intro: text('fp.3.why.intro', { ...names, server: server.name }),
    fix,
  });
  return makeFinding(spnFindings, 'spn.fqdn-mismatch', {
    severity: 'warning',
    subject: serverSubject(server),
    params: { server: server.name, dnsHostName, registered, state, why },
    evidence: [
      evidence(ctx, 'dNSHostName', dnsHostName, `LDAP ${ctx.discovery.source}`),
      evidence(ctx, 'networkAddress ncacn_ip_tcp', registered, `LDAP ${ctx.discovery.source}`),
      labelledEvidence(
        ctx,
        { key: 'fp.3.label.resolves' },
        `${registered}: ${r ? 'yes' : 'no'}; ${dnsHostName}: ${d ? 'yes' : 'no'}`,
        'DNS resolver of this machine',
      ),
    ],
    remedies: [...(r ? setDnsHostName(server.name, registered) : []), ...resolveRemedy(registered)],
  });
}

export async function checkServerDns(ctx: CheckContext, servers: readonly ExchangeServer[]): Promise<void> {
  await chooseServerNames(ctx, servers);
  await forEachAtOnce(servers, ctx.signal, async (server) => {
    const name = server.fqdn || server.computer?.dnsHostName ? probeName(ctx, server) : undefined;
    const subject = serverSubject(server);
    if (!name) return;
    const source = `DNS resolver of this machine`;
    const names = differingNames(server);
    if (names) ctx.emit(mismatchFinding(ctx, server, names.registered, names.dnsHostName));
    let addresses: string[];
    try {
      addresses = await ctx.io.dns.lookup(name, { timeoutMs: ctx.settings.probeTimeoutMs, signal: ctx.signal });
    } catch (e) {
      if (isCancellation(e)) throw e;
      ctx.emit(
        makeFinding(spnFindings, 'spn.dns-unresolved', {
          severity: 'warning',
          subject,
          params: { name },
          evidence: [labelledEvidence(ctx, { key: 'fp.3.label.lookup' }, describeError(e), source)],
          remedies: resolveRemedy(name),
        }),
      );
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
    const ev = [labelledEvidence(ctx, { key: 'fp.3.label.addresses', params: { name } }, addresses.join(', '), source)];
    if (ptr.length)
      ev.push(
        labelledEvidence(
          ctx,
          { key: 'fp.3.label.ptr', params: { address: addresses[0] ?? '' } },
          ptr.join(', '),
          source,
        ),
      );
    if (ptr.length && !ptr.includes(stripDot(name))) {
      ctx.emit(
        makeFinding(spnFindings, 'spn.dns-reverse-mismatch', {
          severity: 'warning',
          subject,
          params: { address: addresses[0] ?? '', ptr: ptr.join(', '), name },
          evidence: ev,
          remedies: resolveRemedy(name),
        }),
      );
      return;
    }
    ctx.emit(
      makeFinding(spnFindings, 'spn.dns-ok', {
        severity: 'ok',
        subject,
        params: { name, addresses: addresses.join(', ') },
        evidence: ev,
      }),
    );
  });
}
