/**
 * The CoreIo a run hands to its checks. Around every probe it adds what the run as a whole needs:
 *   - limits per host and for the run (./probe-limits.ts): every server's probes start at once,
 *     and only a host, the pool of connection attempts or the process pool can make one wait;
 *   - one answer per (host, port) and per name lookup (./shared-outcomes.ts), so a dropped port
 *     costs one timeout for the whole run;
 *   - the connect timeout: a TCP connect, or a datagram's answer, that takes longer than
 *     `connectTimeoutMs` will not come on a LAN, whatever reply timeout the probe itself allows;
 *   - the run's signal, even where a check forgot to pass it, and closing every directory session
 *     opened during the run when it ends.
 *
 * Only the opening phase holds a slot (the connect, not the life of the socket or session), so a
 * check holding one connection open while it opens another cannot deadlock the run, and the
 * probe's own reply deadline starts after any wait for a slot.
 */
import type { Duplex } from 'node:stream';
import type { CoreIo, DirectorySearch, DirectorySession, OpOptions, PrivateKerberos } from '../io';
import { AbortError } from '../errors';
import { ProbeLimits } from './probe-limits';
import { linkedSignal } from './abort-hub';
import { SharedOutcomes } from './shared-outcomes';

/** The options of one probe with the run's signal merged into the probe's own. */
export function withRunSignal<O extends OpOptions>(options: O, run: AbortSignal): O {
  const signal = options.signal && options.signal !== run ? AbortSignal.any([options.signal, run]) : run;
  return { ...options, signal };
}

export interface BoundedIo {
  io: CoreIo;
  limits: ProbeLimits;
  outcomes: SharedOutcomes;
  /** Sessions opened through `io.directory` that are still open. */
  readonly openSessions: ReadonlySet<DirectorySession>;
  /** Tracks a session opened elsewhere (a caller's own opener) as if it had been opened here. */
  adopt(session: DirectorySession): DirectorySession;
  /** Closes every session still open (errors while closing are ignored: the run is over). */
  closeAll(): Promise<void>;
}

export interface BoundOptions {
  limits?: ProbeLimits;
  outcomes?: SharedOutcomes;
  /** Cap on a TCP connect and on the wait for a datagram's answer (default: no cap beyond the probe's own). */
  connectTimeoutMs?: number;
}

export function boundIo(inner: CoreIo, run: AbortSignal, options: BoundOptions = {}): BoundedIo {
  const limits = options.limits ?? new ProbeLimits();
  const outcomes = options.outcomes ?? new SharedOutcomes();
  const connectCap = options.connectTimeoutMs ?? Number.POSITIVE_INFINITY;
  const sessions = new Set<DirectorySession>();

  /**
   * Runs one operation under a signal of its own that follows the run's and the caller's (see
   * ./abort-hub.ts: thousands of probes must not each listen on the run's signal).
   */
  const linked = <T>(o: OpOptions, work: (merged: OpOptions) => Promise<T>): Promise<T> => {
    const link = linkedSignal(run, o.signal);
    return work({ ...o, signal: link.signal }).finally(() => link.release());
  };

  /** One attempt at (kind, host, port): shared outcome, then the host's slot, then the work. */
  const probe = <T>(
    kind: string,
    host: string,
    port: number,
    what: string,
    merged: OpOptions,
    work: () => Promise<T>,
  ): Promise<T> =>
    outcomes.attempt(`${kind} ${host.toLowerCase()}:${port}`, what, merged.signal, () =>
      limits.forHost(host, what, merged.signal, () => {
        if (merged.signal?.aborted) throw new AbortError(what);
        return work();
      }),
    );

  const track = (session: DirectorySession): DirectorySession => {
    sessions.add(session);
    return {
      url: session.url,
      search: (request: DirectorySearch, o: OpOptions) => session.search(request, withRunSignal(o, run)),
      close: async () => {
        // Idempotent: closeAll may already have closed it.
        if (!sessions.delete(session)) return;
        await session.close();
      },
    };
  };

  const innerTls = inner.tls;
  const io: CoreIo = {
    platform: inner.platform,
    clock: inner.clock,
    // On a socket already connected (and counted): only the run's signal is added.
    ...(innerTls
      ? {
          tls: {
            defaultVersions: innerTls.defaultVersions,
            upgrade: (socket, o) => innerTls.upgrade(socket, withRunSignal(o, run)),
          },
        }
      : {}),
    tcp: {
      connect: (host, port, o): Promise<Duplex> =>
        linked(o, (merged) => {
          const capped = { ...merged, timeoutMs: Math.min(merged.timeoutMs, connectCap) };
          return probe('tcp', host, port, `TCP ${host}:${port}`, capped, () => inner.tcp.connect(host, port, capped));
        }),
    },
    udp: {
      exchange: (host, port, payload, o) =>
        linked(o, (merged) => {
          const capped = { ...o, ...merged, timeoutMs: Math.min(merged.timeoutMs, connectCap) };
          return probe('udp', host, port, `UDP ${host}:${port}`, capped, () =>
            inner.udp.exchange(host, port, payload, capped),
          );
        }),
    },
    dns: {
      lookup: (host, o) =>
        outcomes.lookup(host, o.signal, () => inner.dns.lookup(host, { timeoutMs: o.timeoutMs, signal: run })),
      reverse: (address, o) => inner.dns.reverse(address, withRunSignal(o, run)),
    },
    process: {
      run: (file, args, o) =>
        linked(o, (merged) =>
          limits.forProcess(file, merged.signal, () => {
            if (merged.signal?.aborted) throw new AbortError(file);
            return inner.process.run(file, args, { ...o, ...merged });
          }),
        ),
      has: (file) => inner.process.has(file),
    },
    // Step 3's private ticket cache (kinit): cancelled with the run like any other process.
    ...(inner.kerberos ? { kerberos: boundedKerberos(inner.kerberos, linked) } : {}),
    directory: {
      connect: async (target, credentials, o) => {
        const what = `LDAP ${target.host}:${target.port}`;
        const session = await linked(o, (merged) =>
          probe('ldap', target.host, target.port, what, merged, () =>
            inner.directory.connect(target, credentials, merged),
          ),
        );
        if (run.aborted) {
          await session.close().catch(() => undefined);
          throw new AbortError(what);
        }
        return track(session);
      },
    },
  };

  return {
    io,
    limits,
    outcomes,
    openSessions: sessions,
    adopt: track,
    closeAll: async () => {
      const open = [...sessions];
      sessions.clear();
      await Promise.all(open.map((s) => s.close().catch(() => undefined)));
    },
  };
}

/** The private-ticket-cache opener of `inner`, its kinit bounded by the run's signal. */
function boundedKerberos(
  inner: PrivateKerberos,
  linked: <T>(o: OpOptions, work: (merged: OpOptions) => Promise<T>) => Promise<T>,
): PrivateKerberos {
  return { open: (principal, password, o) => linked(o, (merged) => inner.open(principal, password, merged)) };
}
