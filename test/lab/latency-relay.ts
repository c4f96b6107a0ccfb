/**
 * The lab's latency relay: one background process (started with tsx by ./latency-process.ts) that
 * listens on each DC's public address and forwards TCP and UDP to the DC's samba on its inner
 * address, holding every chunk and datagram for half the latency in each direction, so each round
 * trip (an LDAP request, a Kerberos exchange) takes `delayMs` longer. The TCP handshake itself is
 * not delayed (the relay accepts at once); that is a limit of doing this in user space.
 *
 *   tsx test/lab/latency-relay.ts <config.json> <ready-file>
 */
import * as dgram from 'node:dgram';
import { readFileSync, writeFileSync } from 'node:fs';
import * as net from 'node:net';

export interface RelayRoute {
  /** Where clients connect: the DC's address in /etc/hosts. */
  listen: string;
  /** Where samba listens while the relay is in front of it. */
  target: string;
  tcp: number[];
  udp: number[];
}

export interface RelayConfig {
  delayMs: number;
  routes: RelayRoute[];
}

const UDP_IDLE_MS = 30_000;

function later(delayMs: number, f: () => void): void {
  if (delayMs <= 0) f();
  else setTimeout(f, delayMs);
}

function relayTcp(route: RelayRoute, port: number, halfMs: number): Promise<net.Server> {
  const server = net.createServer((client) => {
    const upstream = net.connect({ host: route.target, port });
    const pipe = (from: net.Socket, to: net.Socket): void => {
      // Timers of equal delay fire in the order they were set: the byte stream keeps its order.
      from.on('data', (chunk) => later(halfMs, () => to.writable && to.write(chunk)));
      from.on('end', () => later(halfMs, () => to.end()));
      from.on('error', () => later(halfMs, () => to.destroy()));
      from.on('close', () => later(halfMs, () => to.destroy()));
    };
    pipe(client, upstream);
    pipe(upstream, client);
  });
  return new Promise((resolve, reject) => {
    server.once('error', (e) => reject(new Error(`relay cannot listen on ${route.listen}:${port}: ${e.message}`)));
    server.listen(port, route.listen, () => resolve(server));
  });
}

function relayUdp(route: RelayRoute, port: number, halfMs: number): Promise<dgram.Socket> {
  const front = dgram.createSocket('udp4');
  const peers = new Map<string, { socket: dgram.Socket; timer: NodeJS.Timeout }>();
  front.on('message', (msg, client) => {
    const key = `${client.address}:${client.port}`;
    let peer = peers.get(key);
    if (!peer) {
      const socket = dgram.createSocket('udp4');
      socket.on('message', (reply) => later(halfMs, () => front.send(reply, client.port, client.address)));
      socket.on('error', () => socket.close());
      peer = { socket, timer: setTimeout(() => undefined, 0) };
      peers.set(key, peer);
    }
    clearTimeout(peer.timer);
    const current = peer;
    current.timer = setTimeout(() => {
      peers.delete(key);
      current.socket.close();
    }, UDP_IDLE_MS);
    later(halfMs, () => current.socket.send(msg, port, route.target));
  });
  return new Promise((resolve, reject) => {
    front.once('error', (e) => reject(new Error(`relay cannot bind ${route.listen}:${port}/udp: ${e.message}`)));
    front.bind(port, route.listen, () => resolve(front));
  });
}

export async function startRelays(config: RelayConfig): Promise<(net.Server | dgram.Socket)[]> {
  const half = config.delayMs / 2;
  const open: (net.Server | dgram.Socket)[] = [];
  for (const route of config.routes) {
    for (const port of route.tcp) open.push(await relayTcp(route, port, half));
    for (const port of route.udp) open.push(await relayUdp(route, port, half));
  }
  return open;
}

async function main(): Promise<void> {
  const [configFile, readyFile] = process.argv.slice(2);
  if (!configFile || !readyFile) throw new Error('usage: latency-relay.ts <config.json> <ready-file>');
  const config = JSON.parse(readFileSync(configFile, 'utf8')) as RelayConfig;
  const open = await startRelays(config);
  const stop = (): void => {
    for (const s of open) s.close();
    process.exit(0);
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  writeFileSync(readyFile, `${process.pid} ${open.length}\n`);
  console.log(
    `${new Date().toISOString()} relaying with ${config.delayMs} ms: ${config.routes.map((r) => `${r.listen} -> ${r.target}`).join('; ')}`,
  );
}

if (require.main === module) {
  main().catch((e: unknown) => {
    console.error(e instanceof Error ? e.message : String(e));
    process.exit(1);
  });
}
