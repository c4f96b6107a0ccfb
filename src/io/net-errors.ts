/**
 * Node's socket and resolver errors (`ECONNREFUSED`, `ENOTFOUND`, ...) turned into the core's typed
 * errors, so a port check can say "refused" or "no answer" without matching message text.
 */
import { ConnectionRefusedError, DoctorError, TimeoutError } from '../core/errors';

export function errorCode(e: unknown): string | undefined {
  if (typeof e !== 'object' || e === null) return undefined;
  const code = (e as { code?: unknown }).code;
  return typeof code === 'string' ? code : undefined;
}

/** `what` names the operation, e.g. `TCP dc1.contoso.test:88`. */
export function mapNetError(e: unknown, what: string, timeoutMs: number): Error {
  if (e instanceof DoctorError) return e;
  const code = errorCode(e);
  const detail = e instanceof Error ? e.message : String(e);
  switch (code) {
    case 'ECONNREFUSED':
      return new ConnectionRefusedError(what);
    case 'ENOTFOUND':
    case 'EAI_NONAME':
    case 'EAI_NODATA':
    case 'EAI_AGAIN':
    case 'ENODATA':
    case 'ESERVFAIL':
    case 'EREFUSED':
    case 'ENONAME':
    case 'EBADNAME':
      return new DoctorError('dns', `${what}: the name could not be resolved (${code})`, { cause: e });
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
    case 'EHOSTDOWN':
    case 'ENETDOWN':
    case 'EADDRNOTAVAIL':
      return new DoctorError('unreachable', `${what}: no route to the host (${code})`, { cause: e });
    case 'ETIMEDOUT':
    case 'ETIMEOUT':
      return new TimeoutError(what, timeoutMs);
    case 'ECONNRESET':
    case 'EPIPE':
      return new DoctorError('protocol', `${what}: the connection was reset (${code})`, { cause: e });
    default:
      return new DoctorError('unavailable', `${what}: ${detail}`, { cause: e });
  }
}
