/**
 * Typed errors the core raises and recognises. Each carries a `kind` so adapters (tree view,
 * CLI, webview) can turn it into a clear message with a next action without string matching.
 */
import { onAbort } from './engine/abort-hub';

export type FailureKind =
  | 'timeout'
  | 'aborted'
  | 'refused'
  | 'unreachable'
  | 'dns'
  | 'tls-untrusted'
  | 'tls-hostname'
  | 'tls-other'
  | 'bind-invalid-credentials'
  | 'bind-strong-auth-required'
  | 'bind-other'
  /** Kerberos sign-in: no ticket in the cache (run kinit). */
  | 'kerberos-no-ticket'
  /** Kerberos sign-in: the ticket has expired (run kinit again). */
  | 'kerberos-expired'
  /** Kerberos sign-in: a tool or library is missing (ldapsearch, the SASL GSSAPI module). */
  | 'kerberos-unavailable'
  /** Kerberos refused: this machine's clock and the DC's differ beyond the tolerance. */
  | 'clock-skew'
  | 'not-found'
  | 'protocol'
  | 'usage'
  | 'unavailable';

export class DoctorError extends Error {
  constructor(
    readonly kind: FailureKind,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'DoctorError';
  }
}

export class TimeoutError extends DoctorError {
  constructor(
    what: string,
    readonly timeoutMs: number,
  ) {
    super('timeout', `${what} did not answer within ${formatSeconds(timeoutMs)}`);
    this.name = 'TimeoutError';
  }
}

export class AbortError extends DoctorError {
  constructor(what = 'The operation') {
    super('aborted', `${what} was cancelled`);
    this.name = 'AbortError';
  }
}

/** The host answered that nothing listens on the port (TCP RST, or ICMP port unreachable for UDP). */
export class ConnectionRefusedError extends DoctorError {
  constructor(what: string) {
    super('refused', `${what} refused the connection (nothing listens on that port)`);
    this.name = 'ConnectionRefusedError';
  }
}

export function formatSeconds(ms: number): string {
  const s = ms / 1000;
  return Number.isInteger(s) ? `${s} s` : `${s.toFixed(1)} s`;
}

export function isDoctorError(e: unknown): e is DoctorError {
  return e instanceof DoctorError;
}

/** Throws AbortError if the signal is already aborted. */
export function throwIfAborted(signal: AbortSignal | undefined, what?: string): void {
  if (signal?.aborted) throw new AbortError(what);
}

/**
 * Runs `work` with a deadline and an optional outer signal. `work` receives a signal that fires on
 * either, and should stop its I/O when it does. Rejects with TimeoutError or AbortError.
 */
export async function withDeadline<T>(
  what: string,
  timeoutMs: number,
  outer: AbortSignal | undefined,
  work: (signal: AbortSignal) => Promise<T>,
): Promise<T> {
  throwIfAborted(outer, what);
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeoutMs);
  // Through the hub: thousands of deadlines may hang on one run's signal at once.
  const offOuter = outer ? onAbort(outer, () => controller.abort()) : () => undefined;
  try {
    return await new Promise<T>((resolve, reject) => {
      controller.signal.addEventListener(
        'abort',
        () => reject(timedOut ? new TimeoutError(what, timeoutMs) : new AbortError(what)),
        { once: true },
      );
      work(controller.signal).then(resolve, (e: unknown) => {
        if (controller.signal.aborted) reject(timedOut ? new TimeoutError(what, timeoutMs) : new AbortError(what));
        else reject(e instanceof Error ? e : new Error(String(e)));
      });
    });
  } finally {
    clearTimeout(timer);
    offOuter();
  }
}
