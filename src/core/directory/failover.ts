/**
 * Tries the configured domain controllers in order until one answers. Wrong credentials stop the
 * round at once: every DC would refuse them, and repeated tries can lock the account out.
 */
import type { DirectoryConnector, DirectoryCredentials, DirectoryTarget } from '../io';
import { DoctorError, isDoctorError, throwIfAborted } from '../errors';
import type { DiscoveryResult } from './model';
import { discover, type DiscoveryOptions } from './discovery';
import { describe } from './search';

export interface FailoverOptions extends DiscoveryOptions {
  /** Deadline for connecting and binding (defaults to timeoutMs). */
  connectTimeoutMs?: number;
}

export interface Attempt {
  target: DirectoryTarget;
  error: DoctorError;
}

/** All DCs failed. `kind` is that of the first failure, so callers can offer the matching fix. */
export class FailoverError extends DoctorError {
  constructor(readonly attempts: Attempt[]) {
    const first = attempts[0]?.error;
    super(
      first?.kind ?? 'usage',
      attempts.length === 1 && first
        ? first.message
        : attempts.map((a) => a.error.message).join('; ') || 'No domain controller is configured',
      { cause: first },
    );
    this.name = 'FailoverError';
  }
}

/** Kinds after which trying another DC cannot help. */
const STOP_KINDS = new Set(['bind-invalid-credentials', 'aborted', 'usage']);

function toDoctorError(e: unknown): DoctorError {
  return isDoctorError(e) ? e : new DoctorError('protocol', describe(e), { cause: e });
}

export async function discoverWithFailover(
  connector: DirectoryConnector,
  targets: readonly DirectoryTarget[],
  credentials: DirectoryCredentials,
  options: FailoverOptions,
): Promise<DiscoveryResult> {
  const attempts: Attempt[] = [];
  for (const target of targets) {
    throwIfAborted(options.signal, 'Discovery');
    try {
      const session = await connector.connect(target, credentials, {
        timeoutMs: options.connectTimeoutMs ?? options.timeoutMs,
        ...(options.signal ? { signal: options.signal } : {}),
      });
      try {
        const result = await discover(session, options);
        for (const a of attempts) result.warnings.unshift(`${a.target.host} was skipped: ${a.error.message}`);
        return result;
      } finally {
        await session.close();
      }
    } catch (e) {
      const error = toDoctorError(e);
      if (error.kind === 'aborted') throw error;
      attempts.push({ target, error });
      if (STOP_KINDS.has(error.kind)) break;
    }
  }
  throw new FailoverError(attempts);
}
