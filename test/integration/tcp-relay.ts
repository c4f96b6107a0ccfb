/**
 * A TCP relay on loopback to a real server: counts the connections it accepted and can cut them all
 * at once, to test what a client does when its connection drops mid-session.
 */
import * as net from 'node:net';

export interface TcpRelay {
  host: string;
  port: number;
  /** Connections accepted so far. */
  readonly accepted: number;
  /** Destroys every relayed connection (both sides), as a network drop would. */
  cut(): void;
  close(): Promise<void>;
}

export async function startTcpRelay(to: { host: string; port: number }, host = '127.0.0.1'): Promise<TcpRelay> {
  const sockets = new Set<net.Socket>();
  let accepted = 0;
  const server = net.createServer((client) => {
    accepted++;
    const upstream = net.connect(to.port, to.host);
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on('error', () => undefined);
      s.on('close', () => {
        sockets.delete(s);
        client.destroy();
        upstream.destroy();
      });
    }
    client.pipe(upstream);
    upstream.pipe(client);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, host, () => resolve());
  });
  const address = server.address() as net.AddressInfo;
  const cut = (): void => {
    for (const s of sockets) s.destroy();
  };
  return {
    host,
    port: address.port,
    get accepted() {
      return accepted;
    },
    cut,
    close: () =>
      new Promise<void>((resolve) => {
        cut();
        server.close(() => resolve());
      }),
  };
}
