/**
 * Step 3, Kerberos keys (issue 12): reads each Exchange server's computer account from every DC of
 * the domain and judges it (./account-keys-findings.ts): key versions that differ between DCs,
 * disabled or DES-only accounts, no encryption type shared with a KDC, RC4 only, an old password
 * or last logon, and a second account claiming the same dNSHostName.
 */
import { STEP_TITLES } from '../../../shared/findings';
import type { Check, CheckContext } from '../../engine/check';
import type { ExchangeServer } from '../../directory/model';
import { holdsNamingContext } from '../../directory/domain-controllers';
import { mapAtOnce } from '../../engine/limit';
import { readAesSince, readDcAccounts, readHostNameClaims, type DcAccounts } from './account-keys-read';
import { judgeAccount, judgePairTypes, referenceCopy, type DcCopy } from './account-keys-findings';
import { makeFinding } from '../../findings/define';
import { text } from '../../l10n/render';
import { reasonOf } from '../../l10n/worded-parts';
import { semicolonList } from '../../l10n/semicolon-list';
import { spnFindings } from './finding-codes';
import { describeError, isCancellation, nowIso, primaryDcHost, serverSubject } from './spn-context';

export const accountKeysCheck: Check = {
  id: 'account-keys',
  step: 3,
  title: STEP_TITLES[3],
  run: runAccountKeysCheck,
};

function hostOf(server: ExchangeServer): string | undefined {
  return server.fqdn ?? server.computer?.dnsHostName;
}

/** Who sends to `server`: the pair's sender, or every other server, named once. */
function sendersOf(ctx: CheckContext, server: ExchangeServer): string[] {
  if (ctx.scope.kind === 'pair') return server.name === ctx.scope.receiving ? [ctx.scope.sending] : [];
  return [`each server that sends to ${server.name}`];
}

/** From the DC discovery used: the accounts claiming each host name, and when AES keys became possible. */
async function readFromPrimary(ctx: CheckContext): Promise<{ claims: Map<string, string[]>; aesSince?: string }> {
  const host = primaryDcHost(ctx);
  if (!host) return { claims: new Map() };
  const hosts = ctx.servers.map(hostOf).filter((h): h is string => h !== undefined);
  const session = await ctx.openSession(host);
  try {
    const claims = await readHostNameClaims(ctx, session, hosts);
    const aesSince = await readAesSince(ctx, session).catch((e: unknown) => {
      if (isCancellation(e) || ctx.signal.aborted) throw e;
      ctx.log(`Kerberos keys: when the domain could first hold AES keys is unknown: ${describeError(e)}`);
      return undefined;
    });
    return aesSince ? { claims, aesSince } : { claims };
  } finally {
    await session.close().catch(() => undefined);
  }
}

async function runAccountKeysCheck(ctx: CheckContext): Promise<void> {
  const domainDn = ctx.discovery.rootDse.defaultNamingContext;
  const dcs = ctx.domainControllers.filter((dc) => holdsNamingContext(dc, domainDn));
  const servers = ctx.servers.filter((s) => s.computer);
  if (!dcs.length || !servers.length) return;
  const perDc: DcAccounts[] = await mapAtOnce(dcs, ctx.signal, (dc) =>
    readDcAccounts(ctx, dc, servers, isCancellation),
  );
  for (const d of perDc) if (d.error) ctx.log(`Kerberos keys: ${d.dc.name} could not be read: ${d.error}`);
  let primary: { claims: Map<string, string[]>; aesSince?: string } = { claims: new Map() };
  try {
    primary = await readFromPrimary(ctx);
  } catch (e) {
    if (isCancellation(e) || ctx.signal.aborted) throw e;
    ctx.log(`Kerberos keys: the computer accounts claiming each host name could not be read: ${describeError(e)}`);
  }
  const observedAt = nowIso(ctx);
  const copiesOf = (name: string): DcCopy[] =>
    perDc.map((d) => {
      const c: DcCopy = { dc: d.dc.name, source: d.url ?? d.dc.fqdn ?? d.dc.name };
      const copy = d.accounts.get(name.toUpperCase());
      if (copy) c.copy = copy;
      if (d.ownEnctypes !== undefined) c.kdcEnctypes = d.ownEnctypes;
      return c;
    });
  for (const server of servers) {
    if (ctx.signal.aborted) return;
    const copies = copiesOf(server.name);
    const fqdn = hostOf(server);
    const own = `${server.name}$`.toLowerCase();
    const otherClaims = fqdn
      ? (primary.claims.get(fqdn.toLowerCase()) ?? []).filter((a) => a.toLowerCase() !== own)
      : [];
    const input = {
      subject: serverSubject(server),
      server: server.name,
      ...(fqdn ? { fqdn } : {}),
      copies,
      otherClaims,
      senders: sendersOf(ctx, server),
      ...(primary.aesSince ? { aesSince: primary.aesSince } : {}),
      domainDn,
      nowMs: ctx.io.clock.now(),
      observedAt,
    };
    const findings = judgeAccount(input);
    if (!findings.length)
      ctx.emit(
        makeFinding(spnFindings, 'spn.keys-unread', {
          severity: 'unknown',
          subject: serverSubject(server),
          params: { account: `${server.name}$` },
          ...reasonOf('fp.3.reason.keys-unread', {
            reasons: semicolonList(
              perDc.map((d) =>
                d.error
                  ? text('fp.1.reason.source', { source: d.dc.name, message: d.error })
                  : text('fp.3.reason.no-such-account', { dc: d.dc.name }),
              ),
            ),
          }),
        }),
      );
    for (const f of findings) ctx.emit(f);
    const scope = ctx.scope;
    if (scope.kind === 'pair' && scope.receiving === server.name) {
      const pair = judgePairTypes(
        input,
        { server: scope.sending, copy: referenceCopy(copiesOf(scope.sending)) },
        referenceCopy(copies),
      );
      if (pair) ctx.emit(pair);
    }
  }
}
