/**
 * Many listeners on one AbortSignal, cheaply. Node's EventTarget walks its whole listener list on
 * every addEventListener (to drop duplicates), so 40,000 probes each listening on the run's signal
 * cost O(n²): measured with 200 servers, 40 s of a 56 s run went there, long enough for name
 * lookups to time out. Here each signal gets one real listener, and the callbacks behind it live
 * in a Set (O(1) to add and to remove). Each probe gets a signal of its own linked to the run's,
 * so whatever the probe's code hangs on it stays small.
 */
const hubs = new WeakMap<AbortSignal, Set<() => void>>();

/** Calls `f` once when `signal` aborts (at once if it already has); returns how to stop listening. */
export function onAbort(signal: AbortSignal, f: () => void): () => void {
  if (signal.aborted) {
    f();
    return () => undefined;
  }
  let set = hubs.get(signal);
  if (!set) {
    const callbacks = new Set<() => void>();
    hubs.set(signal, callbacks);
    signal.addEventListener(
      'abort',
      () => {
        const all = [...callbacks];
        callbacks.clear();
        for (const g of all) g();
      },
      { once: true },
    );
    set = callbacks;
  }
  const entry = (): void => f();
  set.add(entry);
  const owner = set;
  return () => void owner.delete(entry);
}

export interface LinkedSignal {
  signal: AbortSignal;
  /** Stops following the parents (call when the operation is over). */
  release(): void;
}

/** A signal of its own that aborts when `run` or `own` does. */
export function linkedSignal(run: AbortSignal, own?: AbortSignal): LinkedSignal {
  const controller = new AbortController();
  const abort = (): void => controller.abort();
  const offRun = onAbort(run, abort);
  const offOwn = own && own !== run ? onAbort(own, abort) : () => undefined;
  return {
    signal: controller.signal,
    release: () => {
      offRun();
      offOwn();
    },
  };
}
