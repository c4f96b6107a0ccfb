/**
 * UdpExchanger over node:dgram: one datagram out, the first reply back. The socket is connected to
 * the peer, so only the peer's replies are accepted and an ICMP port-unreachable comes back as
 * ECONNREFUSED (a closed port is told apart from a silent one). The socket is closed on reply,
 * error, timeout or abort.
 */
import * as dgram from 'node:dgram';
import { isIP } from 'node:net';
import type { ExchangeTiming, OpOptions, UdpExchanger } from '../core/io';
import { withDeadline } from '../core/errors';
import { lookupHost } from './dns';
import { mapNetError } from './net-errors';

/** Larger replies are truncated by the kernel; a KRB-ERROR is a few hundred bytes. */
const RECEIVE_BUFFER = 64 * 1024;

export async function exchangeUdp(
  host: string,
  port: number,
  payload: Uint8Array,
  options: OpOptions & { timing?: ExchangeTiming },
): Promise<Uint8Array> {
  const what = `UDP ${host}:${port}`;
  return withDeadline(what, options.timeoutMs, options.signal, async (signal) => {
    const address = (await lookupHost(host, { timeoutMs: options.timeoutMs, signal }))[0];
    if (!address) throw mapNetError({ code: 'ENOTFOUND' }, what, options.timeoutMs);
    const socket = dgram.createSocket({ type: isIP(address) === 6 ? 'udp6' : 'udp4', recvBufferSize: RECEIVE_BUFFER });
    return new Promise<Uint8Array>((resolve, reject) => {
      let closed = false;
      const close = (): void => {
        if (closed) return;
        closed = true;
        signal.removeEventListener('abort', close);
        socket.close();
      };
      socket.on('message', (msg) => {
        options.timing?.received();
        close();
        resolve(new Uint8Array(msg.buffer, msg.byteOffset, msg.byteLength));
      });
      socket.on('error', (e) => {
        close();
        reject(mapNetError(e, what, options.timeoutMs));
      });
      signal.addEventListener('abort', close, { once: true });
      socket.connect(port, address, () => {
        if (closed) return;
        options.timing?.sent();
        socket.send(payload, (e) => {
          if (e) {
            close();
            reject(mapNetError(e, what, options.timeoutMs));
          }
        });
      });
    });
  });
}

export const nodeUdp: UdpExchanger = { exchange: exchangeUdp };
