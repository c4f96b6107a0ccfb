/**
 * Small loopback servers for the I/O and probe tests: a TCP server with a per-connection handler,
 * a UDP server that answers (or ignores) datagrams, and a port nothing listens on.
 */
import * as net from 'node:net';
import * as dgram from 'node:dgram';

export interface Loopback {
  port: number;
  close(): Promise<void>;
}

export async function tcpServer(onConnection: (socket: net.Socket) => void): Promise<Loopback> {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
    s.on('error', () => undefined);
    onConnection(s);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    port: (server.address() as net.AddressInfo).port,
    close: () =>
      new Promise<void>((r) => {
        for (const s of sockets) s.destroy();
        server.close(() => r());
      }),
  };
}

/** `answer` returns the reply to a datagram, or undefined to stay silent. */
export async function udpServer(
  answer: (msg: Buffer) => Uint8Array | undefined,
): Promise<Loopback & { received: Buffer[] }> {
  const socket = dgram.createSocket('udp4');
  const received: Buffer[] = [];
  socket.on('message', (msg, rinfo) => {
    received.push(msg);
    const reply = answer(msg);
    if (reply) socket.send(reply, rinfo.port, rinfo.address);
  });
  await new Promise<void>((r) => socket.bind(0, '127.0.0.1', r));
  return { port: socket.address().port, received, close: () => new Promise<void>((r) => socket.close(() => r())) };
}

/** A TCP port that was just free (refused on connect). */
export async function closedTcpPort(): Promise<number> {
  const s = await tcpServer(() => undefined);
  await s.close();
  return s.port;
}

/** A UDP port that was just free (ICMP port unreachable on send). */
export async function closedUdpPort(): Promise<number> {
  const s = await udpServer(() => undefined);
  await s.close();
  return s.port;
}
