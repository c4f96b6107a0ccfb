/**
 * Bounded concurrency: a counting semaphore whose waiters can be cancelled, and a map over items
 * with at most N in flight. Both stop handing out work once the signal fires, so a cancelled run
 * leaves nothing queued behind it.
 */
import { AbortError } from '../errors';
import { onAbort } from './abort-hub';

export class Semaphore {
  private active = 0;
  private peakActive = 0;
  /** In arrival order (a Set keeps insertion order, and removes a cancelled waiter in O(1)). */
  private readonly waiters = new Set<{ grant: () => void; fail: (e: Error) => void }>();

  constructor(readonly limit: number) {
    if (!Number.isInteger(limit) || limit < 1)
      throw new RangeError(`concurrency must be a whole number of at least 1, not ${limit}`);
  }

  /** How many slots are taken right now, and the most that ever were (for tests and benchmarks). */
  get inUse(): number {
    return this.active;
  }

  get peak(): number {
    return this.peakActive;
  }

  /** Waits for a free slot; rejects with AbortError when `signal` fires first. */
  acquire(signal?: AbortSignal, what?: string): Promise<() => void> {
    if (signal?.aborted) return Promise.reject(new AbortError(what));
    if (this.active < this.limit) return Promise.resolve(this.take());
    return new Promise((resolve, reject) => {
      let off = (): void => undefined;
      const waiter = {
        grant: () => {
          off();
          resolve(this.take());
        },
        fail: (e: Error) => reject(e),
      };
      if (signal)
        off = onAbort(signal, () => {
          this.waiters.delete(waiter);
          waiter.fail(new AbortError(what));
        });
      this.waiters.add(waiter);
    });
  }

  /** Runs `work` inside a slot. */
  async run<T>(work: () => Promise<T>, signal?: AbortSignal, what?: string): Promise<T> {
    const release = await this.acquire(signal, what);
    try {
      return await work();
    } finally {
      release();
    }
  }

  private take(): () => void {
    this.active++;
    this.peakActive = Math.max(this.peakActive, this.active);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.active--;
      const next = this.waiters.values().next();
      if (!next.done) {
        this.waiters.delete(next.value);
        next.value.grant();
      }
    };
  }
}

/**
 * Calls `work` for every item with at most `limit` calls in flight, in order of the items. Once
 * `signal` fires no new item starts; the promise settles when the calls already started have.
 * The first rejection is rethrown after that (the others keep running to completion).
 */
export async function forEachLimited<T>(
  items: readonly T[],
  limit: number,
  signal: AbortSignal | undefined,
  work: (item: T, index: number) => Promise<void>,
): Promise<void> {
  let next = 0;
  let failure: { error: unknown } | undefined;
  const worker = async (): Promise<void> => {
    while (next < items.length && !signal?.aborted && !failure) {
      const index = next++;
      try {
        await work(items[index] as T, index);
      } catch (e) {
        failure ??= { error: e };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  if (failure) throw failure.error;
}

/** Like forEachLimited, collecting the results in the order of the items. */
export async function mapLimited<T, R>(
  items: readonly T[],
  limit: number,
  signal: AbortSignal | undefined,
  work: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  await forEachLimited(items, limit, signal, async (item, i) => {
    results[i] = await work(item, i);
  });
  if (signal?.aborted) throw new AbortError();
  return results;
}

/**
 * Calls `work` for every item at once (the run's I/O bounds what must be bounded, see
 * ./probe-limits.ts); settles when every call has, rethrowing the first failure.
 */
export function forEachAtOnce<T>(
  items: readonly T[],
  signal: AbortSignal | undefined,
  work: (item: T, index: number) => Promise<void>,
): Promise<void> {
  return forEachLimited(items, Math.max(1, items.length), signal, work);
}

/** Like forEachAtOnce, collecting the results in the order of the items. */
export function mapAtOnce<T, R>(
  items: readonly T[],
  signal: AbortSignal | undefined,
  work: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  return mapLimited(items, Math.max(1, items.length), signal, work);
}
