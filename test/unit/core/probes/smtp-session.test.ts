/**
 * The staged SMTP session (src/core/probes/smtp-session.ts) against scripted receivers on loopback:
 * STARTTLS when X-ANONYMOUSTLS is not offered, a refused TLS verb, a receiver that is not SMTP,
 * nothing to upgrade with, and the transcript of what was said.
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';
import * as tls from 'node:tls';
import { runSmtpSession } from '../../../../src/core/probes/smtp-session';
import { createNodeIo } from '../../../../src/io/node-io';
import { tcpServer, type Loopback } from '../../io/loopback';

const dir = path.resolve(__dirname, '..', '..', '..', 'fixtures', 'tls');
const key = readFileSync(path.join(dir, 'transport-ex02.key'));
const cert = readFileSync(path.join(dir, 'transport-ex02.pem'));

/** A receiver that greets with `banner`, answers EHLO with `keywords`, and the TLS verb with `upgrade`. */
function receiver(banner: string, keywords: string[], upgrade: string): Promise<Loopback> {
  return tcpServer((socket: net.Socket) => {
    let stream: net.Socket | tls.TLSSocket = socket;
    let inside = false;
    let buffer = '';
    const onData = (chunk: Buffer): void => {
      buffer += chunk.toString('latin1');
      let at: number;
      while ((at = buffer.indexOf('\n')) >= 0) {
        const verb = (buffer.slice(0, at).trim().split(/\s+/)[0] ?? '').toUpperCase();
        buffer = buffer.slice(at + 1);
        if (verb === 'EHLO') {
          const lines = ['ex02.contoso.test Hello', ...(inside ? ['X-EXPS GSSAPI NTLM'] : keywords)];
          stream.write(lines.map((l, i) => `250${i === lines.length - 1 ? ' ' : '-'}${l}\r\n`).join(''));
        } else if (verb === 'STARTTLS' || verb === 'X-ANONYMOUSTLS') {
          stream.write(`${upgrade}\r\n`);
          if (!upgrade.startsWith('220')) continue;
          socket.off('data', onData);
          const secure = new tls.TLSSocket(socket, { isServer: true, key, cert });
          secure.on('error', () => socket.destroy());
          secure.on('data', onData);
          stream = secure;
          inside = true;
          return;
        } else if (verb === 'QUIT') stream.end('221 2.0.0 Bye\r\n');
      }
    };
    socket.on('data', onData);
    socket.write(`${banner}\r\n`);
  });
}

describe('the staged SMTP session of steps 4 and 6', function () {
  this.timeout(10_000);
  let srv: Loopback | undefined;
  afterEach(async () => {
    await srv?.close();
    srv = undefined;
  });
  const run = (port: number, o: { plainOnly?: boolean } = {}) =>
    runSmtpSession(createNodeIo(), '127.0.0.1', port, { timeoutMs: 3000, ...o });

  it('uses STARTTLS when X-ANONYMOUSTLS is not offered, and reads EHLO again inside TLS', async () => {
    srv = await receiver('220 ex02.contoso.test ready', ['STARTTLS', 'AUTH NTLM'], '220 2.0.0 SMTP server ready');
    const r = await run(srv.port);
    assert.equal(r.stoppedAt, undefined, JSON.stringify(r.stages));
    assert.equal(r.upgrade?.verb, 'STARTTLS');
    assert.equal(r.tls?.certificate?.subject, 'CN=EX02');
    assert.deepEqual(r.ehloInTls?.keywords, ['X-EXPS GSSAPI NTLM']);
    assert.deepEqual(
      r.stages.map((s) => `${s.stage} ${s.outcome}`),
      ['tcp ok', 'banner ok', 'ehlo ok', 'upgrade ok', 'tls ok', 'ehlo-tls ok'],
    );
    assert.deepEqual(
      r.transcript.filter((l) => l.startsWith('C: ')).map((l) => l.split(' ')[1]),
      ['EHLO', 'STARTTLS', 'EHLO', 'QUIT'],
    );
  });

  it('records a refused TLS verb as the upgrade stage that failed, with the reply', async () => {
    srv = await receiver(
      '220 ex02.contoso.test ready',
      ['X-ANONYMOUSTLS'],
      '454 4.7.0 TLS not available due to local problem',
    );
    const r = await run(srv.port);
    assert.equal(r.stoppedAt, 'upgrade');
    assert.equal(r.upgrade?.reply, '454 4.7.0 TLS not available due to local problem');
    assert.equal(r.tls, undefined);
  });

  it('skips the upgrade when nothing offers TLS, and stops after EHLO when asked', async () => {
    srv = await receiver('220 ex02.contoso.test ready', ['SIZE 1', 'XXXXXXXA'], '220 go');
    const r = await run(srv.port);
    assert.equal(r.stoppedAt, undefined);
    assert.deepEqual(r.stages.at(-1), { ...r.stages.at(-1), stage: 'upgrade', outcome: 'skipped' });
    const plain = await run(srv.port, { plainOnly: true });
    assert.deepEqual(
      plain.stages.map((s) => s.stage),
      ['tcp', 'banner', 'ehlo'],
    );
  });

  it('stops at the banner of something that is not an SMTP server, and at tcp where nothing listens', async () => {
    srv = await receiver('554 5.7.1 go away', [], '');
    const r = await run(srv.port);
    assert.equal(r.stoppedAt, 'banner');
    const closed = await tcpServer(() => undefined);
    const port = closed.port;
    await closed.close();
    const none = await run(port);
    assert.equal(none.stoppedAt, 'tcp');
    assert.match(none.stages[0]?.detail ?? '', /refused/);
  });
});
