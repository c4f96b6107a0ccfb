/**
 * Each (host, port) is asked once per run. Steps 1, 4 and 6 all connect to the same transport
 * ports, and steps 1 and 4 both send a datagram to each KDC: when such a port does not answer, the
 * first attempt's failure is every later attempt's answer, at once, so a dropped port costs one
 * timeout for the whole run instead of one per check. Attempts that arrive while the first is
 * still under way wait for it instead of sending a second SYN into the same firewall. Once a port
 * has answered, later attempts go straight through: each check still gets a connection of its own
 * (a clock reading must time its own exchange).
 *
 * Name lookups are shared outright: a host's addresses do not change within a run, and step 6
 * alone would otherwise resolve every sender once per receiver.
 */
import { AbortError, isDoctorError, type FailureKind } from '../errors';
import { onAbort } from './abort-hub';

/** Failures that describe the path to the port rather than one conversation over it. */
const PATH_FAILURES: ReadonlySet<FailureKind> = new Set(['timeout', 'refused', 'unreachable', 'dns']);

export function isPathFailure(e: unknown): boolean {
  return isDoctorError(e) && PATH_FAILURES.has(e.kind);
}

/** Waits for `promise`, or rejects with AbortError as soon as `signal` fires. */
function untilSettledOrAborted(promise: Promise<void>, signal: AbortSignal | undefined, what: string): Promise<void> {
  if (!signal) return promise;
  if (signal.aborted) return Promise.reject(new AbortError(what));
  return new Promise<void>((resolve, reject) => {
    const off = onAbort(signal, () => reject(new AbortError(what)));
    void promise.then(() => {
      off();
      resolve();
    });
  });
}

export class SharedOutcomes {
  private readonly failed = new Map<string, unknown>();
  private readonly answered = new Set<string>();
  private readonly pending = new Map<string, Promise<void>>();
  private readonly lookups = new Map<string, Promise<string[]>>();
  /** Lookups that have answered: later callers get the addresses without waiting at all. */
  private readonly answers = new Map<string, string[]>();

  /** How many attempts were answered from an earlier failure (for tests and benchmarks). */
  reused = 0;

  /**
   * Runs `attempt` for `key` unless an earlier attempt of this run already failed on the path (then
   * that failure is thrown again) or one is under way (then this one waits for it first).
   */
  async attempt<T>(key: string, what: string, signal: AbortSignal | undefined, attempt: () => Promise<T>): Promise<T> {
    for (;;) {
      if (this.failed.has(key)) {
        this.reused++;
        throw this.failed.get(key);
      }
      if (this.answered.has(key)) return attempt();
      const first = this.pending.get(key);
      if (!first) break;
      await untilSettledOrAborted(first, signal, what);
    }
    let settle: () => void = () => undefined;
    this.pending.set(
      key,
      new Promise<void>((resolve) => {
        settle = resolve;
      }),
    );
    try {
      const result = await attempt();
      this.answered.add(key);
      return result;
    } catch (e) {
      if (isPathFailure(e)) this.failed.set(key, e);
      throw e;
    } finally {
      this.pending.delete(key);
      settle();
    }
  }

  /**
   * The addresses of `host`, looked up once per run (under the run's own signal, so one caller's
   * cancellation never fails the others). A failed lookup is shared as well, except a cancelled
   * one, which the next caller repeats.
   */
  async lookup(host: string, signal: AbortSignal | undefined, look: () => Promise<string[]>): Promise<string[]> {
    const key = host.toLowerCase().replace(/\.$/, '');
    const known = this.answers.get(key);
    if (known) return [...known];
    let asked = this.lookups.get(key);
    if (!asked) {
      asked = look();
      this.lookups.set(key, asked);
      asked.then(
        (a) => this.answers.set(key, a),
        (e: unknown) => {
          if (isDoctorError(e) && e.kind === 'aborted') this.lookups.delete(key);
        },
      );
    }
    const settled = asked.then(
      () => undefined,
      () => undefined,
    );
    await untilSettledOrAborted(settled, signal, `DNS lookup of ${host}`);
    return [...(await asked)];
  }
}
