import { strict as assert } from 'node:assert';
import type { CoreIo } from '../../../../src/core/io';
import { kdcTime, frameTcp } from '../../../../src/core/probes/kerberos';
import { createNodeIo } from '../../../../src/io/node-io';
import { DoctorError } from '../../../../src/core/errors';
import { portProbes } from '../../../../src/core/steps/real-probes';
import { closedTcpPort, tcpServer, udpServer } from '../../io/loopback';
import { krbError } from './der';

/** Node I/O whose port 88 is the test's loopback KDC port. */
function ioFor(port: number): CoreIo {
  const io = createNodeIo();
  const udp = io.udp.exchange.bind(io.udp);
  const tcp = io.tcp.connect.bind(io.tcp);
  io.udp.exchange = (h, _p, payload, o) => udp(h, port, payload, o);
  io.tcp.connect = (h, _p, o) => tcp(h, port, o);
  return io;
}

/** A fake KDC's answer: the current time, PREAUTH_REQUIRED. */
function answerNow(offsetMs = 0): Uint8Array {
  const t = new Date(Date.now() + offsetMs);
  const stime = t
    .toISOString()
    .replace(/[-:T]/g, '')
    .replace(/\.\d+Z$/, 'Z');
  return krbError({ stime, susec: t.getUTCMilliseconds() * 1000, errorCode: 25, cname: 'EX01$' });
}

const OPTIONS = { timeoutMs: 2000, realm: 'CONTOSO.TEST', principal: 'EX01$' };

describe('Kerberos AS-REQ probe (loopback KDC)', () => {
  it('reads the KDC clock over UDP, sending the AS-REQ as one datagram', async () => {
    const kdc = await udpServer(() => answerNow(-420_000));
    try {
      const a = await kdcTime(ioFor(kdc.port), '127.0.0.1', 'udp', OPTIONS);
      assert.equal(kdc.received.length, 1);
      assert.equal(kdc.received[0]![0], 0x6a, 'an [APPLICATION 10] AS-REQ');
      assert.equal(a.errorCode, 25);
      assert.ok(Math.abs(a.localMidMs - a.kdcTimeMs - 420_000) < 1000, `skew ${a.localMidMs - a.kdcTimeMs}`);
      assert.ok(a.roundTripMs >= 0 && a.roundTripMs < 1000);
      assert.match(a.raw, /^\d{14}Z susec=\d+, error 25 KDC_ERR_PREAUTH_REQUIRED$/);
    } finally {
      await kdc.close();
    }
  });

  it('reads the KDC clock over TCP with the 4-byte length prefix, even when the reply arrives in pieces', async () => {
    const requests: Buffer[] = [];
    const kdc = await tcpServer((s) => {
      let buffer = Buffer.alloc(0);
      s.on('data', (c: Buffer) => {
        buffer = Buffer.concat([buffer, c]);
        if (buffer.length >= 4 && buffer.length >= 4 + buffer.readUInt32BE(0)) {
          requests.push(buffer);
          const framed = Buffer.from(frameTcp(answerNow()));
          s.write(framed.subarray(0, 3));
          setTimeout(() => s.end(framed.subarray(3)), 20);
        }
      });
    });
    try {
      const a = await kdcTime(ioFor(kdc.port), '127.0.0.1', 'tcp', OPTIONS);
      assert.equal(requests.length, 1);
      assert.equal(requests[0]!.readUInt32BE(0), requests[0]!.length - 4);
      assert.equal(requests[0]![4], 0x6a);
      assert.equal(a.errorCode, 25);
      assert.ok(Math.abs(a.localMidMs - a.kdcTimeMs) < 1000);
    } finally {
      await kdc.close();
    }
  });

  it('times out on a silent KDC and rejects a TCP reply that announces an absurd length', async () => {
    const silent = await udpServer(() => undefined);
    const liar = await tcpServer((s) => s.once('data', () => s.write(Buffer.from([0x7f, 0xff, 0xff, 0xff]))));
    try {
      await assert.rejects(
        kdcTime(ioFor(silent.port), '127.0.0.1', 'udp', { ...OPTIONS, timeoutMs: 200 }),
        (e: unknown) => e instanceof DoctorError && e.kind === 'timeout',
      );
      await assert.rejects(
        kdcTime(ioFor(liar.port), '127.0.0.1', 'tcp', OPTIONS),
        (e: unknown) => e instanceof DoctorError && e.kind === 'protocol',
      );
    } finally {
      await silent.close();
      await liar.close();
    }
  });

  it('makes TCP 88 "open" for step 4 only when a KDC answers: accepted and silent is "no-reply", closed is "refused"', async () => {
    const kdc = await tcpServer((s) => s.once('data', () => s.end(Buffer.from(frameTcp(answerNow())))));
    const silent = await tcpServer(() => undefined);
    const closed = await closedTcpPort();
    try {
      const open = await portProbes.kerberosTcp(ioFor(kdc.port), '127.0.0.1', OPTIONS);
      assert.equal(open.state, 'open');
      assert.match(open.detail, /^KDC answered with KRB-ERROR 25 in \d+ ms$/);
      const quiet = await portProbes.kerberosTcp(ioFor(silent.port), '127.0.0.1', { ...OPTIONS, timeoutMs: 200 });
      assert.equal(quiet.state, 'no-reply');
      assert.match(quiet.detail, /^connection accepted, but no Kerberos reply: .*did not answer within 0\.2 s$/);
      const refused = await portProbes.kerberosTcp(ioFor(closed), '127.0.0.1', OPTIONS);
      assert.equal(refused.state, 'refused');
    } finally {
      await kdc.close();
      await silent.close();
    }
  });

  it('makes UDP 88 "open" for step 4 when the KDC answers, and "no-answer" when it does not', async () => {
    const kdc = await udpServer(() => answerNow());
    const silent = await udpServer(() => undefined);
    try {
      const open = await portProbes.kerberosUdp(ioFor(kdc.port), '127.0.0.1', OPTIONS);
      assert.equal(open.state, 'open');
      assert.match(open.detail, /KRB-ERROR 25/);
      const none = await portProbes.kerberosUdp(ioFor(silent.port), '127.0.0.1', { ...OPTIONS, timeoutMs: 200 });
      assert.equal(none.state, 'no-answer');
    } finally {
      await kdc.close();
      await silent.close();
    }
  });
});
