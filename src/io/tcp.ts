/**
 * TcpConnector over node:net. The connection attempt runs under the caller's deadline and signal;
 * when either fires the half-open socket is destroyed, so a firewall that drops packets costs one
 * timeout and leaves nothing behind.
 */
import * as net from 'node:net';
import type { OpOptions, TcpConnector } from '../core/io';
import { AbortError, TimeoutError, throwIfAborted } from '../core/errors';
import { mapNetError } from './net-errors';

export function connectTcp(host: string, port: number, options: OpOptions): Promise<net.Socket> {
  const what = `TCP ${host}:${port}`;
  return new Promise<net.Socket>((resolve, reject) => {
    throwIfAborted(options.signal, what);
    const socket = net.connect({ host, port, noDelay: true });
    let settled = false;
    const cleanup = (): void => {
      settled = true;
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', onAbort);
      socket.off('connect', onConnect);
      socket.off('error', onError);
    };
    const fail = (e: Error): void => {
      if (settled) return;
      cleanup();
      socket.destroy();
      reject(e);
    };
    const onConnect = (): void => {
      if (settled) return;
      cleanup();
      // A late error (reset, ...) with no listener would crash the process; readers attach their
      // own listeners and see it too.
      socket.on('error', () => undefined);
      resolve(socket);
    };
    const onError = (e: Error): void => fail(mapNetError(e, what, options.timeoutMs));
    const onAbort = (): void => fail(new AbortError(what));
    const timer = setTimeout(() => fail(new TimeoutError(what, options.timeoutMs)), options.timeoutMs);
    socket.once('connect', onConnect);
    socket.once('error', onError);
    options.signal?.addEventListener('abort', onAbort, { once: true });
  });
}

export const nodeTcp: TcpConnector = { connect: connectTcp };
