/**
 * The lab waits for a stopped DC's ports to be released before starting samba again.
 */
import { strict as assert } from 'node:assert';
import * as dgram from 'node:dgram';
import * as net from 'node:net';
import { busyPorts, dcAddresses, waitForPortsFree } from '../../lab/ports';

function listenTcp(): Promise<net.Server> {
  return new Promise((resolve) => {
    const s = net.createServer();
    s.listen(0, '127.0.0.1', () => resolve(s));
  });
}

describe('lab DC ports', () => {
  it('names a TCP port that is taken, and none once it is released', async () => {
    const server = await listenTcp();
    const port = (server.address() as net.AddressInfo).port;
    const set = { addresses: ['127.0.0.1'], tcp: [port], udp: [] };
    assert.deepEqual(await busyPorts(set), [`tcp 127.0.0.1:${port}`]);
    await new Promise<void>((r) => server.close(() => r()));
    assert.deepEqual(await busyPorts(set), []);
  });

  it('names a UDP port that is taken', async () => {
    const socket = dgram.createSocket('udp4');
    await new Promise<void>((r) => socket.bind(0, '127.0.0.1', () => r()));
    const port = socket.address().port;
    try {
      assert.deepEqual(await busyPorts({ addresses: ['127.0.0.1'], tcp: [], udp: [port] }), [`udp 127.0.0.1:${port}`]);
    } finally {
      socket.close();
    }
  });

  it('waits until the old process lets go of the port', async () => {
    const server = await listenTcp();
    const port = (server.address() as net.AddressInfo).port;
    const started = Date.now();
    setTimeout(() => server.close(), 400);
    await waitForPortsFree({ addresses: ['127.0.0.1'], tcp: [port], udp: [] }, 'DC1', 5000, 50);
    assert.ok(Date.now() - started >= 350, 'it waited for the release');
  });

  it('gives up naming the ports still taken', async () => {
    const server = await listenTcp();
    const port = (server.address() as net.AddressInfo).port;
    try {
      await assert.rejects(
        waitForPortsFree({ addresses: ['127.0.0.1'], tcp: [port], udp: [] }, 'DC1 cannot start', 300, 50),
        new RegExp(`DC1 cannot start: ports still in use after 0.3 s: tcp 127.0.0.1:${port}`),
      );
    } finally {
      server.close();
    }
  });

  it('DC1 (interfaces = lo) listens on ::1 too when IPv6 loopback is up; DC2 on its own address only', () => {
    assert.equal(dcAddresses('127.0.0.1')[0], '127.0.0.1');
    assert.deepEqual(dcAddresses('127.0.0.2'), ['127.0.0.2']);
  });
});
