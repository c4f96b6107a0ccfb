/**
 * A fake directory on a loopback address answers the StartTLS request (before any TLS, so anyone
 * on the path can do this) with an LDAP message that announces 300 MB and then streams it. ldapts
 * buffers a message until it is whole, so without a cap the client holds everything that arrives
 * until the deadline (267 MB in 10 s was measured). The transport refuses a message announced
 * over MAX_LDAP_MESSAGE_BYTES as soon as its header arrives.
 */
import { strict as assert } from 'node:assert';
import type * as net from 'node:net';
import { LdaptsDirectoryConnector, MAX_LDAP_MESSAGE_BYTES } from '../../../src/io/ldap-directory';
import { DoctorError } from '../../../src/core/errors';
import { LdapFrameGuard } from '../../../src/io/ldap-frame-guard';
import { tcpServer, type Loopback } from './loopback';

const ANNOUNCED = 300 * 1024 * 1024;

/** SEQUENCE header with a 4-byte long-form length, then an INTEGER message ID. */
function hugeHeader(): Buffer {
  return Buffer.from([
    0x30,
    0x84,
    (ANNOUNCED >>> 24) & 0xff,
    (ANNOUNCED >>> 16) & 0xff,
    (ANNOUNCED >>> 8) & 0xff,
    ANNOUNCED & 0xff,
    0x02,
    0x01,
    0x01,
  ]);
}

describe('LDAP transport: size of one message', function () {
  this.timeout(30_000);
  let server: Loopback;
  let sent = 0;
  let stopped = false;

  before(async () => {
    server = await tcpServer((socket: net.Socket) => {
      socket.once('data', () => {
        socket.write(hugeHeader());
        const chunk = Buffer.alloc(1024 * 1024);
        // Stream the body as fast as the client reads it, until the client hangs up.
        const pump = (): void => {
          while (!socket.destroyed && sent < ANNOUNCED) {
            sent += chunk.length;
            if (!socket.write(chunk)) {
              socket.once('drain', pump);
              return;
            }
          }
        };
        socket.on('close', () => (stopped = true));
        pump();
      });
    });
  });
  after(() => server.close());

  it('refuses a message announced over the cap as soon as its header arrives', async () => {
    assert.ok(MAX_LDAP_MESSAGE_BYTES < ANNOUNCED);
    const error = await new LdaptsDirectoryConnector()
      .connect(
        { host: '127.0.0.1', port: server.port, security: 'starttls' },
        { user: 'doctor@contoso.test', password: 'Fake-Pa55word!' },
        { timeoutMs: 8000 },
      )
      .then(
        () => undefined,
        (e: unknown) => e,
      );
    assert.ok(error instanceof DoctorError, String(error));
    assert.equal(error.kind, 'protocol', error.message);
    assert.match(error.message, /announced an LDAP message of 314572800 bytes/);
    assert.ok(!error.message.includes('Fake-Pa55word!'));
    // The client hung up: the server could not push the whole body into it.
    await new Promise((r) => setTimeout(r, 200));
    assert.ok(stopped, 'the connection was closed');
    assert.ok(sent < ANNOUNCED, `${sent} bytes were sent`);
  });
});

describe('LdapFrameGuard', () => {
  const msg = (bodyLength: number): Buffer => {
    const len =
      bodyLength < 0x80 ? [bodyLength] : [0x83, (bodyLength >> 16) & 0xff, (bodyLength >> 8) & 0xff, bodyLength & 0xff];
    return Buffer.concat([Buffer.from([0x30, ...len]), Buffer.alloc(bodyLength, 0x30)]);
  };

  it('passes messages under the limit, several per chunk or one split anywhere, bodies of 0x30 bytes included', () => {
    const stream = Buffer.concat([msg(5), msg(0), msg(200), msg(1000), msg(5)]);
    for (const size of [1, 2, 3, 7, 64, stream.length]) {
      const guard = new LdapFrameGuard(1000);
      for (let i = 0; i < stream.length; i += size)
        assert.deepEqual(guard.push(stream.subarray(i, i + size)), { ok: true }, `chunks of ${size}`);
    }
  });

  it('stops at the first message over the limit, even when its length bytes arrive one at a time', () => {
    const guard = new LdapFrameGuard(1000);
    assert.deepEqual(guard.push(msg(1000)), { ok: true });
    const header = Buffer.from([0x30, 0x82, 0x03, 0xe9]);
    for (const b of header.subarray(0, 3)) assert.deepEqual(guard.push(Buffer.from([b])), { ok: true });
    assert.deepEqual(guard.push(header.subarray(3)), { ok: false, announced: 1001 });
  });

  it('refuses the indefinite form and lengths of more than four bytes', () => {
    assert.equal(new LdapFrameGuard(1000).push(Buffer.from([0x30, 0x80])).ok, false);
    assert.equal(new LdapFrameGuard(1000).push(Buffer.from([0x30, 0x85, 0, 0, 0, 0, 1])).ok, false);
  });
});
