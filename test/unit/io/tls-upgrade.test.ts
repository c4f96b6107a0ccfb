/**
 * The TLS upgrade over a real loopback socket: an SMTP-like server that answers `220` and then
 * handshakes (or stalls), with a self-signed certificate shaped like Exchange's
 * (test/fixtures/tls/README.md).
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';
import * as tls from 'node:tls';
import { nodeTls } from '../../../src/io/tls-upgrade';
import { connectTcp } from '../../../src/io/tcp';
import { isTlsHandshakeError } from '../../../src/core/io-tls';
import { tcpServer, type Loopback } from './loopback';

const dir = path.resolve(__dirname, '..', '..', 'fixtures', 'tls');
const key = readFileSync(path.join(dir, 'transport-ex02.key'));
const cert = readFileSync(path.join(dir, 'transport-ex02.pem'));

/** A server that upgrades every connection at once with these TLS options, or never answers. */
async function server(options: tls.TlsOptions | 'stall'): Promise<Loopback> {
  return tcpServer((socket: net.Socket) => {
    if (options === 'stall') return;
    const secure = new tls.TLSSocket(socket, { isServer: true, key, cert, ...options });
    secure.on('error', () => socket.destroy());
  });
}

describe('TLS upgrade over a connected socket (src/io/tls-upgrade.ts)', function () {
  this.timeout(10_000);
  let srv: Loopback | undefined;
  afterEach(async () => {
    await srv?.close();
    srv = undefined;
  });

  it('completes the handshake with a self-signed certificate and reports it instead of trusting it', async () => {
    srv = await server({});
    const socket = await connectTcp('127.0.0.1', srv.port, { timeoutMs: 2000 });
    const session = await nodeTls.upgrade(socket, { timeoutMs: 2000, servername: 'ex02.contoso.test' });
    session.stream.destroy();
    assert.equal(session.protocol, 'TLSv1.3');
    assert.equal(session.certificate?.subject, 'CN=EX02');
    assert.deepEqual(session.certificate?.subjectAltNames, ['DNS:EX02', 'DNS:ex02.contoso.test']);
    assert.equal(session.certificate?.selfSigned, true);
    assert.match(session.certificate?.thumbprint ?? '', /^[0-9A-F]{40}$/);
    assert.equal(session.untrustedBecause, 'DEPTH_ZERO_SELF_SIGNED_CERT');
  });

  it('says there is no common version with a TLS 1.0/1.1-only receiver; offering old versions too learns which', async () => {
    srv = await server({ minVersion: 'TLSv1', maxVersion: 'TLSv1.1', ciphers: 'DEFAULT@SECLEVEL=0' });
    const refused = await nodeTls
      .upgrade(await connectTcp('127.0.0.1', srv.port, { timeoutMs: 2000 }), { timeoutMs: 2000 })
      .then(
        () => undefined,
        (e: unknown) => e,
      );
    assert.ok(isTlsHandshakeError(refused), String(refused));
    assert.equal(refused.noCommonVersion, true, refused.reason);
    const legacy = await nodeTls.upgrade(await connectTcp('127.0.0.1', srv.port, { timeoutMs: 2000 }), {
      timeoutMs: 2000,
      legacy: true,
    });
    legacy.stream.destroy();
    assert.equal(legacy.protocol, 'TLSv1.1');
    assert.deepEqual(nodeTls.defaultVersions, { min: 'TLSv1.2', max: 'TLSv1.3' });
  });

  it('gives up on a receiver that never answers the ClientHello within the timeout, and on abort at once', async () => {
    srv = await server('stall');
    const started = Date.now();
    await assert.rejects(
      nodeTls.upgrade(await connectTcp('127.0.0.1', srv.port, { timeoutMs: 2000 }), { timeoutMs: 300 }),
      (e: Error & { kind?: string }) => e.kind === 'timeout',
    );
    assert.ok(Date.now() - started < 1500);
    const controller = new AbortController();
    const pending = nodeTls.upgrade(await connectTcp('127.0.0.1', srv.port, { timeoutMs: 2000 }), {
      timeoutMs: 5000,
      signal: controller.signal,
    });
    setTimeout(() => controller.abort(), 50);
    await assert.rejects(pending, (e: Error & { kind?: string }) => e.kind === 'aborted');
  });
});
