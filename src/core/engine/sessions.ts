/**
 * Directory sessions to other domain controllers during a run: the configured target's security,
 * CA and port with only the host swapped (a DC named in the directory is reached the same way as
 * the one the user configured), the global catalog port when asked.
 */
import type { DirectoryConnector, DirectoryCredentials, DirectorySession, DirectoryTarget } from '../io';
import { DoctorError } from '../errors';
import { validateHostName } from '../safety/validation';

/** 3269 over LDAPS, 3268 with StartTLS: the global catalog beside the domain port. */
export function globalCatalogPort(security: DirectoryTarget['security']): number {
  return security === 'ldaps' ? 3269 : 3268;
}

/**
 * The target for `host`: the configured target of that host when there is one (its own port and
 * CA), else the first configured target with the host swapped in.
 */
export function targetFor(
  targets: readonly DirectoryTarget[],
  host: string,
  options?: { globalCatalog?: boolean },
): DirectoryTarget {
  const valid = validateHostName(host);
  if (!valid.ok) throw new DoctorError('usage', `Cannot connect to the domain controller "${host}": ${valid.reason}`);
  const configured = targets.find((t) => t.host.toLowerCase() === valid.value.name.toLowerCase()) ?? targets[0];
  if (!configured)
    throw new DoctorError('usage', 'No domain controller is configured, so no directory session can be opened');
  const target: DirectoryTarget = { ...configured, host: valid.value.name };
  if (options?.globalCatalog) {
    target.port = globalCatalogPort(configured.security);
    target.globalCatalog = true;
  } else delete target.globalCatalog;
  return target;
}

export type SessionOpener = (host: string, options?: { globalCatalog?: boolean }) => Promise<DirectorySession>;

export function sessionOpener(
  connector: DirectoryConnector,
  targets: readonly DirectoryTarget[],
  credentials: DirectoryCredentials,
  timeoutMs: number,
  signal: AbortSignal,
): SessionOpener {
  return (host, options) => connector.connect(targetFor(targets, host, options), credentials, { timeoutMs, signal });
}
