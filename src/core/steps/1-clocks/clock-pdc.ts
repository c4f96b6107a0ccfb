/**
 * Which DC holds the PDC emulator role: the domain head's `fSMORoleOwner` names its NTDS Settings
 * object (`CN=NTDS Settings,CN=DC1,CN=Servers,...`). The PDC emulator is the domain's time
 * reference, so it decides which side of a disagreement is right and which DC gets the
 * time-source line. Not knowing it is no failure: the check then goes by the majority.
 */
import type { CheckContext } from '../../engine/check';
import { getFirst } from '../../io';
import { parentDn, rdnValue } from '../../directory/ldap-text';
import { isCancellation } from '../3-spns/spn-context';

export function dcNameFromRoleOwner(ntdsSettingsDn: string): string | undefined {
  const server = parentDn(ntdsSettingsDn);
  const name = server ? rdnValue(server) : '';
  return name ? name.toUpperCase() : undefined;
}

export async function readPdcEmulator(ctx: CheckContext, host: string): Promise<string | undefined> {
  try {
    const session = await ctx.openSession(host);
    try {
      const base = ctx.discovery.rootDse.defaultNamingContext;
      for await (const entry of session.search(
        { base, scope: 'base', filter: '(objectClass=*)', attributes: ['fSMORoleOwner'] },
        { timeoutMs: ctx.settings.probeTimeoutMs, signal: ctx.signal },
      )) {
        const owner = getFirst(entry, 'fSMORoleOwner');
        if (owner) return dcNameFromRoleOwner(owner);
      }
      return undefined;
    } finally {
      await session.close().catch(() => undefined);
    }
  } catch (e) {
    if (isCancellation(e)) throw e;
    ctx.log(`the PDC emulator could not be read from ${host}: ${e instanceof Error ? e.message : String(e)}`);
    return undefined;
  }
}
