/**
 * Waiting for a terminal run with a time limit and a cancel signal: whichever comes first wins,
 * at once, and the timer and the abort listener are always removed (no timer keeps a finished run
 * alive, no listener piles up on a long-lived signal). Pure (no `vscode`): unit-tested.
 */

export type RaceOutcome<T> = { kind: 'done'; value: T } | { kind: 'timeout' } | { kind: 'cancelled' };

export async function raceWithLimits<T>(
  work: Promise<T>,
  timeoutMs: number,
  signal?: AbortSignal,
): Promise<RaceOutcome<T>> {
  if (signal?.aborted) {
    work.catch(() => undefined);
    return { kind: 'cancelled' };
  }
  let timer: NodeJS.Timeout | undefined;
  let onAbort: (() => void) | undefined;
  try {
    return await Promise.race([
      work.then((value): RaceOutcome<T> => ({ kind: 'done', value })),
      new Promise<RaceOutcome<T>>((resolve) => {
        timer = setTimeout(() => resolve({ kind: 'timeout' }), timeoutMs);
      }),
      new Promise<RaceOutcome<T>>((resolve) => {
        if (!signal) return;
        onAbort = (): void => resolve({ kind: 'cancelled' });
        signal.addEventListener('abort', onAbort, { once: true });
      }),
    ]);
  } finally {
    if (timer) clearTimeout(timer);
    if (onAbort) signal?.removeEventListener('abort', onAbort);
  }
}

/** `promise`'s value, or undefined after `ms`; the timer is cleared either way. */
export async function atMost<T>(promise: PromiseLike<T>, ms: number): Promise<T | undefined> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      Promise.resolve(promise),
      new Promise<undefined>((resolve) => (timer = setTimeout(() => resolve(undefined), ms))),
    ]);
  } finally {
    if (timer) clearTimeout(timer);
  }
}
