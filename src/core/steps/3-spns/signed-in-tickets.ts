/**
 * Step 3, ticket evidence from the signed-in credentials: with a password sign-in on Linux or
 * macOS, the tickets are asked for from a private credential cache the I/O layer fills with kinit
 * (src/io/private-ticket-cache.ts) and removes afterwards, so the test does not depend on (or
 * touch) whatever cache the user has. The ticket's encryption type is then read back with
 * `klist -e` (MIT) or `klist -v` (Heimdal, macOS).
 */
import type { CheckContext } from '../../engine/check';
import { isKerberos, type PrivateTicketCache } from '../../io';
import { findTicket, type ListedTicket } from './klist-parsers';
import { describeError, isCancellation } from './spn-context';

/** `ead-reader@contoso.test` / `CONTOSO\ead-reader` / `ead-reader` -> `ead-reader@CONTOSO.TEST`; a DN gives undefined. */
export function principalOf(user: string, realm: string): string | undefined {
  const u = user.trim();
  if (!u || /^[a-z]+=/i.test(u)) return undefined;
  const at = u.lastIndexOf('@');
  if (at > 0) return `${u.slice(0, at)}@${u.slice(at + 1).toUpperCase()}`;
  const name = u.includes('\\') ? u.slice(u.indexOf('\\') + 1) : u;
  return name && realm ? `${name}@${realm.toUpperCase()}` : undefined;
}

/** The private cache for this run, or undefined (Kerberos sign-in, Windows, no kinit, kinit refused: logged). */
export async function openSignedInCache(ctx: CheckContext): Promise<PrivateTicketCache | undefined> {
  const credentials = ctx.directory.credentials;
  if (ctx.io.platform === 'win32' || !ctx.io.kerberos || isKerberos(credentials)) return undefined;
  const principal = principalOf(credentials.user, ctx.settings.realm);
  if (!principal) {
    ctx.log(`Service tickets: no Kerberos principal can be made from the bind user; the machine's own cache is used`);
    return undefined;
  }
  try {
    return await ctx.io.kerberos.open(principal, credentials.password, {
      timeoutMs: ctx.settings.probeTimeoutMs,
      signal: ctx.signal,
    });
  } catch (e) {
    if (isCancellation(e) || ctx.signal.aborted) throw e;
    ctx.log(`Service tickets: no private ticket cache for ${principal}: ${describeError(e)}`);
    return undefined;
  }
}

/** The cached ticket for `spn` with its encryption type, from klist (never throws but for cancellation). */
export async function listedTicket(
  ctx: CheckContext,
  spn: string,
  env: Record<string, string> | undefined,
): Promise<ListedTicket | undefined> {
  // Windows: `klist get` already listed the cached tickets with their types (parsed by the caller).
  if (ctx.io.platform === 'win32') return undefined;
  const args = ctx.io.platform === 'darwin' ? ['-v'] : ['-e'];
  try {
    const r = await ctx.io.process.run('klist', args, {
      timeoutMs: ctx.settings.probeTimeoutMs,
      signal: ctx.signal,
      ...(env ? { env } : {}),
    });
    return findTicket(r.stdout, spn);
  } catch (e) {
    if (isCancellation(e) || ctx.signal.aborted) throw e;
    return undefined;
  }
}
