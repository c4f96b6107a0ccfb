/**
 * Are a DC's ports free? After samba stops, its sockets can linger for a moment, and a samba
 * started meanwhile fails ("couldn't listen on ::1:135") and exits. The lab waits until it could
 * bind every port itself (TCP and UDP, on every address the DC listens on) before starting samba.
 */
import * as dgram from 'node:dgram';
import * as net from 'node:net';
import { networkInterfaces } from 'node:os';
import { sleep } from './tools';

export interface PortSet {
  addresses: string[];
  tcp: number[];
  udp: number[];
}

/** What samba's AD DC listens on (server services: rpc with its first dynamic endpoints, ldap, cldap, kdc, s3fs; SMB 139/445). */
export const DC_TCP_PORTS = [88, 135, 139, 389, 445, 464, 636, 3268, 3269, 49152, 49153, 49154];
export const DC_UDP_PORTS = [88, 389, 464];

function ipv6LoopbackUp(): boolean {
  return Object.values(networkInterfaces()).some((list) => list?.some((a) => a.address === '::1'));
}

/** `interfaces = lo` binds 127.0.0.1 and ::1; any other DC its own address. */
export function dcAddresses(address: string): string[] {
  return address === '127.0.0.1' && ipv6LoopbackUp() ? [address, '::1'] : [address];
}

function tcpFree(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen({ host, port, exclusive: true }, () => server.close(() => resolve(true)));
  });
}

function udpFree(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = dgram.createSocket({ type: net.isIPv6(host) ? 'udp6' : 'udp4' });
    socket.once('error', () => {
      socket.close();
      resolve(false);
    });
    socket.bind({ address: host, port, exclusive: true }, () => socket.close(() => resolve(true)));
  });
}

/** `tcp 127.0.0.1:135`, ... for every port still taken. */
export async function busyPorts(set: PortSet): Promise<string[]> {
  const checks = set.addresses.flatMap((a) => [
    ...set.tcp.map(async (p) => ((await tcpFree(a, p)) ? undefined : `tcp ${net.isIPv6(a) ? `[${a}]` : a}:${p}`)),
    ...set.udp.map(async (p) => ((await udpFree(a, p)) ? undefined : `udp ${net.isIPv6(a) ? `[${a}]` : a}:${p}`)),
  ]);
  return (await Promise.all(checks)).filter((x): x is string => x !== undefined);
}

/** Resolves once every port is free; throws naming the ports still taken after `timeoutMs`. */
export async function waitForPortsFree(
  set: PortSet,
  what: string,
  timeoutMs = 30_000,
  intervalMs = 200,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let busy = await busyPorts(set);
  while (busy.length && Date.now() < deadline) {
    await sleep(intervalMs);
    busy = await busyPorts(set);
  }
  if (busy.length) throw new Error(`${what}: ports still in use after ${timeoutMs / 1000} s: ${busy.join(', ')}`);
}
