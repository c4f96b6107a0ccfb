/**
 * msExchCurrentServerRoles as an administrator names the roles of a server, which depends on the
 * version: the attribute keeps setting bits for components that stopped being roles of their own.
 * Sources (learn.microsoft.com): "Exchange Server architecture" (2016 and 2019: Mailbox and Edge
 * Transport only; Client Access services run on the Mailbox server); "What's new in Exchange
 * Server 2019" (Unified Messaging retired); "Exchange 2013 server role architecture" (Mailbox and
 * Client Access; Hub Transport and Unified Messaging became Mailbox components). An all-roles
 * 2013+ server carries 16439, Unified Messaging bit included, whatever its version.
 */
import { SERVER_ROLE_BITS, type ServerRole } from './model';
import { parseExchangeVersion } from './version';

/** Bits Exchange sets for internal components (Cafe, Front End Transport): never a role by themselves. */
const INTERNAL: readonly ServerRole[] = ['Cafe', 'FrontendTransport'];

function bitsOf(flags: number): ServerRole[] {
  return (Object.entries(SERVER_ROLE_BITS) as [ServerRole, number][])
    .filter(([, bit]) => (flags & bit) !== 0)
    .map(([role]) => role);
}

/**
 * The roles of a server of `version` (`15.2.1118.7`, or undefined when unknown) with these flags, in
 * the order the flags table lists them.
 */
export function administrativeRoles(flags: number, version: string | undefined): ServerRole[] {
  const bits = bitsOf(flags);
  const v = parseExchangeVersion(version);
  if (v?.major === 15 && v.minor >= 1) {
    // 2016, 2019, Subscription Edition: the Mailbox server holds every other service.
    return bits.filter((r): r is ServerRole => r === 'Mailbox' || r === 'Edge');
  }
  if (v?.major === 15) {
    // 2013: Cafe is the Client Access server's front end; transport and UM belong to Mailbox.
    const roles: ServerRole[] = [];
    if (bits.includes('Mailbox')) roles.push('Mailbox');
    if (bits.includes('ClientAccess') || bits.includes('Cafe')) roles.push('ClientAccess');
    if (bits.includes('Edge')) roles.push('Edge');
    return roles;
  }
  return bits.filter((r) => !INTERNAL.includes(r));
}
