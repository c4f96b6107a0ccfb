/**
 * The credential-free Kerberos probe: one AS-REQ without pre-authentication to a KDC on port 88,
 * over UDP (the message as is) or TCP (with a 4-byte big-endian length before it, RFC 4120
 * §7.2.2). The KRB-ERROR that comes back proves the port answers, gives the KDC's clock to the
 * microsecond and says whether the client principal exists. No password is involved.
 *
 * The round trip is timed from sending the request to receiving the reply (not the TCP
 * handshake), so half of it bounds how far the KDC's clock reading can be off.
 */
import type { Duplex } from 'node:stream';
import type { CoreIo, OpOptions } from '../io';
import { DoctorError, withDeadline } from '../errors';
import { lookupKerberosError } from '../kerberos-codes';
import type { KdcTimeAnswer, KdcTimeOptions } from '../steps/1-clocks/clock-sources';
import { decodeKrbError, encodeAsReq, type KrbError } from './kerberos-messages';

export const KERBEROS_PORT = 88;
/** A KRB-ERROR is a few hundred bytes; anything past this is not a reply to our request. */
const MAX_TCP_REPLY = 64 * 1024;

export function randomNonce(): number {
  return globalThis.crypto.getRandomValues(new Uint32Array(1))[0]! & 0x7fffffff;
}

/** RFC 4120 §7.2.2: the TCP record is the message prefixed with its length (high bit reserved, 0). */
export function frameTcp(message: Uint8Array): Uint8Array {
  const framed = new Uint8Array(4 + message.length);
  new DataView(framed.buffer).setUint32(0, message.length);
  framed.set(message, 4);
  return framed;
}

/** Reads one length-prefixed record from a TCP stream. */
export function readTcpRecord(socket: Duplex, what: string, options: OpOptions): Promise<Uint8Array> {
  return withDeadline(
    `${what} reply`,
    options.timeoutMs,
    options.signal,
    (signal) =>
      new Promise<Uint8Array>((resolve, reject) => {
        let buffer = Buffer.alloc(0);
        const finish = (f: () => void): void => {
          socket.off('data', onData);
          socket.off('error', onError);
          socket.off('end', onEnd);
          socket.off('close', onEnd);
          signal.removeEventListener('abort', onAbort);
          f();
        };
        const onData = (chunk: Buffer | string): void => {
          buffer = Buffer.concat([buffer, typeof chunk === 'string' ? Buffer.from(chunk, 'latin1') : chunk]);
          if (buffer.length < 4) return;
          const length = buffer.readUInt32BE(0);
          if (length > MAX_TCP_REPLY) {
            finish(() =>
              reject(
                new DoctorError(
                  'protocol',
                  `${what} announced a ${length}-byte reply; not a Kerberos answer to this request`,
                ),
              ),
            );
            return;
          }
          if (buffer.length >= 4 + length) finish(() => resolve(new Uint8Array(buffer.subarray(4, 4 + length))));
        };
        const onError = (e: Error): void => finish(() => reject(e));
        const onEnd = (): void =>
          finish(() =>
            reject(
              new DoctorError(
                'protocol',
                `${what} closed the connection after ${buffer.length} bytes, before a complete reply`,
              ),
            ),
          );
        const onAbort = (): void => finish(() => undefined);
        socket.on('data', onData);
        socket.once('error', onError);
        socket.once('end', onEnd);
        socket.once('close', onEnd);
        signal.addEventListener('abort', onAbort, { once: true });
      }),
  );
}

interface Exchanged {
  reply: Uint8Array;
  wallStart: number;
  roundTripMs: number;
}

async function exchangeUdp(io: CoreIo, host: string, request: Uint8Array, options: OpOptions): Promise<Exchanged> {
  // The exchanger stamps the moment the datagram leaves and the reply arrives, after any wait for
  // a slot of the run and any name lookup; the stamps from before the call are only a fallback for
  // an exchanger that does not report them.
  const before = { wall: io.clock.now(), mono: io.clock.monotonic() };
  let sent: { wall: number; mono: number } | undefined;
  let receivedMono: number | undefined;
  const timing = {
    sent: () => void (sent = { wall: io.clock.now(), mono: io.clock.monotonic() }),
    received: () => void (receivedMono = io.clock.monotonic()),
  };
  const reply = await io.udp.exchange(host, KERBEROS_PORT, request, { ...options, timing });
  const start = sent ?? before;
  return { reply, wallStart: start.wall, roundTripMs: (receivedMono ?? io.clock.monotonic()) - start.mono };
}

async function exchangeTcp(io: CoreIo, host: string, request: Uint8Array, options: OpOptions): Promise<Exchanged> {
  const what = `Kerberos TCP ${host}:${KERBEROS_PORT}`;
  // The connect has its own timeout, which starts once the run gives it a slot; the deadline of the
  // exchange starts after it, so waiting for a slot never eats the time the KDC has to answer.
  const socket = await io.tcp.connect(host, KERBEROS_PORT, options);
  try {
    return await withDeadline(what, options.timeoutMs, options.signal, async (signal) => {
      const op = { timeoutMs: options.timeoutMs, signal };
      const wallStart = io.clock.now();
      const monoStart = io.clock.monotonic();
      const pending = readTcpRecord(socket, what, op);
      socket.write(frameTcp(request));
      const reply = await pending;
      return { reply, wallStart, roundTripMs: io.clock.monotonic() - monoStart };
    });
  } finally {
    socket.destroy();
  }
}

/** `20261122134747Z susec=123456, error 25 KDC_ERR_PREAUTH_REQUIRED` */
export function describeKrbError(e: KrbError): string {
  const known = lookupKerberosError(e.errorCode);
  return `${e.stime} susec=${e.susec}, error ${e.errorCode}${known ? ` ${known.name}` : ''}${e.etext ? ` "${e.etext}"` : ''}`;
}

/** Sends the AS-REQ and decodes the KRB-ERROR; the full reply for callers that want every field. */
export async function sendAsReq(
  io: CoreIo,
  host: string,
  transport: 'udp' | 'tcp',
  options: KdcTimeOptions & { nonce?: number },
): Promise<{ error: KrbError; roundTripMs: number; localMidMs: number }> {
  const request = encodeAsReq({
    principal: options.principal,
    realm: options.realm,
    nonce: options.nonce ?? randomNonce(),
  });
  const op: OpOptions = options.signal
    ? { timeoutMs: options.timeoutMs, signal: options.signal }
    : { timeoutMs: options.timeoutMs };
  const x = transport === 'udp' ? await exchangeUdp(io, host, request, op) : await exchangeTcp(io, host, request, op);
  return { error: decodeKrbError(x.reply), roundTripMs: x.roundTripMs, localMidMs: x.wallStart + x.roundTripMs / 2 };
}

/** The KDC's clock, as ClockProbes.kdcTime wants it. */
export async function kdcTime(
  io: CoreIo,
  host: string,
  transport: 'udp' | 'tcp',
  options: KdcTimeOptions,
): Promise<KdcTimeAnswer> {
  const { error, roundTripMs, localMidMs } = await sendAsReq(io, host, transport, options);
  return {
    kdcTimeMs: error.serverTimeMs,
    roundTripMs,
    localMidMs,
    errorCode: error.errorCode,
    raw: describeKrbError(error),
  };
}
