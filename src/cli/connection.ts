/**
 * From CLI options to directory targets and sessions: the configured DCs in order, the CA file
 * read once (bounded, see io/ca-file.ts), the global catalog port next to the domain port (3269
 * for LDAPS, 3268 for StartTLS), and connection failures turned into one clear sentence for the user.
 */
import type { CoreIo, DirectoryCredentials, DirectorySession, DirectoryTarget } from '../core/io';
import { DoctorError, isDoctorError } from '../core/errors';
import { targetFor } from '../core/engine/sessions';
import { readCaFileSync } from '../io/ca-file';
import { UsageError, type ConnectionOptions } from './args';

/** The CA bundle named by --ca-file: a regular file of at most 1 MiB holding a PEM certificate (io/ca-file.ts). */
export function readCaFile(path: string | undefined): string | undefined {
  if (!path) return undefined;
  try {
    return readCaFileSync(path);
  } catch (e) {
    throw new UsageError(e instanceof Error ? e.message : String(e));
  }
}

export function buildTargets(options: ConnectionOptions, caPem: string | undefined): DirectoryTarget[] {
  return options.dcs.map((host) => ({
    host,
    port: options.port,
    security: options.security,
    ...(caPem ? { caPem } : {}),
  }));
}

/** Opens a session on `host` with the TLS settings of the configured targets (see core/engine/sessions). */
export async function openSessionOn(
  io: CoreIo,
  targets: readonly DirectoryTarget[],
  credentials: DirectoryCredentials,
  host: string,
  options: { globalCatalog?: boolean; timeoutMs: number; signal?: AbortSignal },
): Promise<DirectorySession> {
  const target = targetFor(targets, host, options.globalCatalog ? { globalCatalog: true } : undefined);
  return io.directory.connect(target, credentials, {
    timeoutMs: options.timeoutMs,
    ...(options.signal ? { signal: options.signal } : {}),
  });
}

/** Tries each configured DC in turn; wrong credentials stop at once (they would lock the account out). */
export async function openFirstSession(
  io: CoreIo,
  targets: readonly DirectoryTarget[],
  credentials: DirectoryCredentials,
  options: { globalCatalog?: boolean; timeoutMs: number; signal?: AbortSignal },
): Promise<DirectorySession> {
  const errors: string[] = [];
  for (const t of targets) {
    try {
      return await openSessionOn(io, targets, credentials, t.host, options);
    } catch (e) {
      if (isDoctorError(e) && (e.kind === 'aborted' || e.kind === 'bind-invalid-credentials')) throw e;
      errors.push(e instanceof Error ? e.message : String(e));
    }
  }
  throw new DoctorError('unreachable', errors.join('; ') || 'No domain controller is configured');
}

/** A one-line explanation with the next thing to try, for exit code 2. */
export function explainConnectionError(e: unknown, options: ConnectionOptions): string {
  const message = e instanceof Error ? e.message : String(e);
  if (!isDoctorError(e)) return `Could not reach the directory: ${message}`;
  const where = `${options.dcs.join(', ')} (port ${options.port}, ${options.security}${options.auth === 'kerberos' ? ', Kerberos' : ''})`;
  switch (e.kind) {
    case 'tls-untrusted':
      return `The certificate of ${where} is not trusted: ${message}. Pass the issuing CA with --ca-file PATH (or EAD_CA_FILE).`;
    case 'tls-hostname':
      return `The certificate of ${where} does not match the host name: ${message}. Use the DC's FQDN as --dc.`;
    case 'bind-invalid-credentials':
      return `The directory refused the sign-in of ${options.user}: ${message}`;
    case 'bind-strong-auth-required':
      return `${where} requires an encrypted or signed connection: ${message}. Use --security ldaps, or --auth kerberos.`;
    case 'kerberos-no-ticket':
    case 'kerberos-expired':
    case 'kerberos-unavailable':
    case 'clock-skew':
      return `Kerberos sign-in to ${where} failed: ${message}`;
    case 'timeout':
    case 'refused':
    case 'unreachable':
    case 'dns':
      return `Could not reach a domain controller at ${where}: ${message}`;
    default:
      return `Directory error at ${where}: ${message}`;
  }
}
