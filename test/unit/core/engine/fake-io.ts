/**
 * A CoreIo test double for the engine: every operation is answered by a handler the test gives,
 * and the double counts operations in flight (and the most at once), honours timeoutMs and the
 * AbortSignal like the real adapters do, and records directory connections and closes.
 */
import { Duplex } from 'node:stream';
import type {
  CoreIo,
  DirectoryEntry,
  DirectorySearch,
  DirectorySession,
  DirectoryTarget,
  OpOptions,
} from '../../../../src/core/io';
import { AbortError, DoctorError, TimeoutError } from '../../../../src/core/errors';

export type Answer<T> = (signal: AbortSignal) => Promise<T>;

/** Never settles by itself: only the timeout or the signal ends it. */
export const hang =
  <T>(): Answer<T> =>
  () =>
    new Promise<T>(() => undefined);
export const after =
  <T>(ms: number, value: T): Answer<T> =>
  () =>
    new Promise<T>((r) => setTimeout(() => r(value), ms));
export const failAfter =
  <T>(ms: number, error: Error): Answer<T> =>
  () =>
    new Promise<T>((_, j) => setTimeout(() => j(error), ms));

export interface FakeIoOptions {
  tcp?: (host: string, port: number) => Answer<Duplex>;
  udp?: (host: string, port: number) => Answer<Uint8Array>;
  dns?: Record<string, string[]>;
  entries?: (target: DirectoryTarget) => DirectoryEntry[];
  connectDirectory?: (target: DirectoryTarget) => Answer<void>;
  now?: number;
  platform?: NodeJS.Platform;
}

export class FakeIo {
  inFlight = 0;
  peak = 0;
  started = 0;
  readonly connects: DirectoryTarget[] = [];
  readonly sessions: { target: DirectoryTarget; closed: boolean }[] = [];
  readonly io: CoreIo;

  constructor(private readonly options: FakeIoOptions = {}) {
    const now = options.now ?? Date.parse('2026-11-22T13:47:47Z');
    const start = performance.now();
    this.io = {
      platform: options.platform ?? 'linux',
      clock: { now: () => now + (performance.now() - start), monotonic: () => performance.now() },
      tcp: {
        connect: (host, port, o) =>
          this.op(
            `TCP ${host}:${port}`,
            o,
            options.tcp?.(host, port) ??
              (() =>
                Promise.resolve(
                  new Duplex({
                    read() {},
                    write(_c, _e, cb) {
                      cb();
                    },
                  }),
                )),
          ),
      },
      udp: {
        exchange: (host, port, _p, o) =>
          this.op(
            `UDP ${host}:${port}`,
            o,
            options.udp?.(host, port) ?? (() => Promise.reject(new DoctorError('refused', 'refused'))),
          ),
      },
      dns: {
        lookup: (host, o) =>
          this.op(`DNS ${host}`, o, () => {
            const a = options.dns?.[host.toLowerCase()];
            return a ? Promise.resolve(a) : Promise.reject(new DoctorError('dns', `${host} does not resolve`));
          }),
        reverse: () => Promise.resolve([]),
      },
      process: {
        run: () => Promise.reject(new DoctorError('unavailable', 'no processes')),
        has: () => Promise.resolve(false),
      },
      directory: {
        connect: async (target, _c, o) => {
          this.connects.push(target);
          await this.op(`LDAP ${target.host}`, o, options.connectDirectory?.(target) ?? (() => Promise.resolve()));
          const record = { target, closed: false };
          this.sessions.push(record);
          const entries = options.entries?.(target) ?? [];
          const session: DirectorySession = {
            url: `ldaps://${target.host}:${target.port}`,
            // eslint-disable-next-line @typescript-eslint/require-await -- an async generator over a list
            search: async function* (request: DirectorySearch) {
              if (record.closed) throw new DoctorError('unavailable', 'session closed');
              for (const e of entries)
                if (request.scope !== 'base' || e.dn.toLowerCase() === request.base.toLowerCase()) yield e;
            },
            close: () => {
              record.closed = true;
              return Promise.resolve();
            },
          };
          return session;
        },
      },
    };
  }

  get openSessions(): number {
    return this.sessions.filter((s) => !s.closed).length;
  }

  /** Runs one operation the way the real adapters do: timeout, abort, in-flight accounting. */
  private op<T>(what: string, options: OpOptions, answer: Answer<T>): Promise<T> {
    if (options.signal?.aborted) return Promise.reject(new AbortError(what));
    this.inFlight++;
    this.started++;
    this.peak = Math.max(this.peak, this.inFlight);
    const controller = new AbortController();
    return new Promise<T>((resolve, reject) => {
      let done = false;
      const finish = (f: () => void): void => {
        if (done) return;
        done = true;
        this.inFlight--;
        clearTimeout(timer);
        options.signal?.removeEventListener('abort', onAbort);
        controller.abort();
        f();
      };
      const timer = setTimeout(
        () => finish(() => reject(new TimeoutError(what, options.timeoutMs))),
        options.timeoutMs,
      );
      const onAbort = (): void => finish(() => reject(new AbortError(what)));
      options.signal?.addEventListener('abort', onAbort, { once: true });
      answer(controller.signal).then(
        (v) => finish(() => resolve(v)),
        (e: unknown) => finish(() => reject(e instanceof Error ? e : new Error(String(e)))),
      );
    });
  }
}
