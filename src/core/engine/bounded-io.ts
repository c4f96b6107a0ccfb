/**
 * The CoreIo a run hands to its checks: every probe (connect, datagram, lookup, process, directory
 * bind) waits for a slot of one semaphore shared by the whole run, so N servers never mean N x
 * ports sockets at once; every probe also listens to the run's signal, even when a check forgot to
 * pass it; and every directory session opened during the run is closed when the run ends.
 *
 * Only the opening phase holds a slot (the connect, not the life of the socket or session), so a
 * check holding one connection open while it opens another cannot deadlock the run.
 */
import type { Duplex } from 'node:stream';
import type { CoreIo, DirectorySearch, DirectorySession, OpOptions } from '../io';
import { AbortError } from '../errors';
import type { Semaphore } from './limit';

/** The options of one probe with the run's signal merged into the probe's own. */
export function withRunSignal<O extends OpOptions>(options: O, run: AbortSignal): O {
  const signal = options.signal && options.signal !== run ? AbortSignal.any([options.signal, run]) : run;
  return { ...options, signal };
}

export interface BoundedIo {
  io: CoreIo;
  /** Sessions opened through `io.directory` that are still open. */
  readonly openSessions: ReadonlySet<DirectorySession>;
  /** Tracks a session opened elsewhere (a caller's own opener) as if it had been opened here. */
  adopt(session: DirectorySession): DirectorySession;
  /** Closes every session still open (errors while closing are ignored: the run is over). */
  closeAll(): Promise<void>;
}

export function boundIo(inner: CoreIo, slots: Semaphore, run: AbortSignal): BoundedIo {
  const sessions = new Set<DirectorySession>();
  const gated = <T>(what: string, options: OpOptions, work: (o: OpOptions) => Promise<T>): Promise<T> => {
    const merged = withRunSignal(options, run);
    // The signal of the probe (not only the run's) may cancel the wait for a slot.
    return slots.run(
      () => {
        if (merged.signal?.aborted) throw new AbortError(what);
        return work(merged);
      },
      merged.signal,
      what,
    );
  };

  const track = (session: DirectorySession): DirectorySession => {
    sessions.add(session);
    return {
      url: session.url,
      search: (request: DirectorySearch, options: OpOptions) => session.search(request, withRunSignal(options, run)),
      close: async () => {
        // Idempotent: closeAll may already have closed it.
        if (!sessions.delete(session)) return;
        await session.close();
      },
    };
  };

  const io: CoreIo = {
    platform: inner.platform,
    clock: inner.clock,
    tcp: {
      connect: (host, port, options): Promise<Duplex> =>
        gated(`TCP ${host}:${port}`, options, (o) => inner.tcp.connect(host, port, o)),
    },
    udp: {
      exchange: (host, port, payload, options) =>
        gated(`UDP ${host}:${port}`, options, (o) => inner.udp.exchange(host, port, payload, o)),
    },
    dns: {
      lookup: (host, options) => gated(`DNS lookup of ${host}`, options, (o) => inner.dns.lookup(host, o)),
      reverse: (address, options) =>
        gated(`DNS reverse lookup of ${address}`, options, (o) => inner.dns.reverse(address, o)),
    },
    process: {
      run: (file, args, options) => gated(file, options, (o) => inner.process.run(file, args, { ...options, ...o })),
      has: (file) => inner.process.has(file),
    },
    directory: {
      connect: async (target, credentials, options) => {
        const session = await gated(`LDAP ${target.host}:${target.port}`, options, (o) =>
          inner.directory.connect(target, credentials, o),
        );
        if (run.aborted) {
          await session.close().catch(() => undefined);
          throw new AbortError(`LDAP ${target.host}:${target.port}`);
        }
        return track(session);
      },
    },
  };

  return {
    io,
    openSessions: sessions,
    adopt: track,
    closeAll: async () => {
      const open = [...sessions];
      sessions.clear();
      await Promise.all(open.map((s) => s.close().catch(() => undefined)));
    },
  };
}
