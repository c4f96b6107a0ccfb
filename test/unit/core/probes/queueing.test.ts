/**
 * Waiting is not round trip: a probe that waits for a slot of the run (or for a slow name lookup)
 * before it connects must neither count that wait in its clock reading nor lose its timeout to it.
 * And an SMTP server that talks while no read waits cannot grow the reader's buffer.
 */
import { strict as assert } from 'node:assert';
import type * as net from 'node:net';
import { Duplex } from 'node:stream';
import type { CoreIo } from '../../../../src/core/io';
import { kdcTime } from '../../../../src/core/probes/kerberos';
import { probeSmtp } from '../../../../src/core/probes/smtp';
import { SmtpReplyReader } from '../../../../src/core/probes/smtp-reply';
import { bannerTime } from '../../../../src/core/steps/real-probes';
import { boundIo } from '../../../../src/core/engine/bounded-io';
import { ProbeLimits } from '../../../../src/core/engine/probe-limits';
import { createNodeIo } from '../../../../src/io/node-io';
import { tcpServer } from '../../io/loopback';
import { krbError } from './der';

const DELAY_MS = 4000;
const OFFSET_MS = 90_000;

function krbNow(offsetMs: number): Uint8Array {
  const t = new Date(Date.now() + offsetMs);
  const stime = t
    .toISOString()
    .replace(/[-:T]/g, '')
    .replace(/\.\d+Z$/, 'Z');
  return krbError({ stime, susec: t.getUTCMilliseconds() * 1000, errorCode: 25, cname: 'EX01$' });
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Node I/O whose connects and datagrams first wait DELAY_MS (a busy run, a slow DNS server). */
function slowIo(answer: { banner?: string; kdc?: () => Uint8Array }): CoreIo {
  const io = createNodeIo();
  io.tcp.connect = async () => {
    await sleep(DELAY_MS);
    const [near, far] = duplexPair();
    if (answer.banner) far.write(`${answer.banner}\r\n`);
    if (answer.kdc) {
      far.once('data', () => {
        const reply = answer.kdc?.() ?? new Uint8Array();
        const frame = Buffer.alloc(4 + reply.length);
        frame.writeUInt32BE(reply.length, 0);
        Buffer.from(reply).copy(frame, 4);
        far.write(frame);
      });
    }
    return near;
  };
  io.udp.exchange = async (_h, _p, _payload, o) => {
    await sleep(DELAY_MS);
    o.timing?.sent();
    const reply = answer.kdc?.() ?? new Uint8Array();
    o.timing?.received();
    return reply;
  };
  return io;
}

/** Two connected in-memory streams; destroying one ends the other. */
function duplexPair(): [Duplex, Duplex] {
  const make = (peer: () => Duplex): Duplex =>
    new Duplex({
      read() {},
      write(chunk: Buffer, _e, cb) {
        peer().push(chunk);
        cb();
      },
      destroy(_e, cb) {
        const other = peer();
        if (!other.destroyed) other.push(null);
        cb(null);
      },
    });
  const near: Duplex = make(() => far);
  const far: Duplex = make(() => near);
  for (const s of [near, far]) s.on('error', () => undefined);
  return [near, far];
}

describe('probes: queueing before the exchange', function () {
  this.timeout(20_000);

  it('an SMTP banner read after a 4 s wait to connect gives the same skew', async () => {
    // The server's clock: OFFSET_MS ahead, stamped when it greets (right after the connect).
    const io = slowIo({});
    const connect = io.tcp.connect.bind(io.tcp);
    io.tcp.connect = async (h, p, o) => {
      const s = await connect(h, p, o);
      const t = new Date(Math.floor((Date.now() + OFFSET_MS) / 1000) * 1000);
      (s as Duplex & { push(x: string): void }).push(
        `220 ex01.contoso.test Microsoft ESMTP MAIL Service ready at ${t.toUTCString()}\r\n`,
      );
      return s;
    };
    const a = await bannerTime(io, 'ex01.contoso.test', 25, { timeoutMs: 10_000 });
    const skew = (a.serverTimeMs ?? NaN) - a.localMidMs;
    // The banner has whole seconds: the skew is OFFSET_MS minus up to 1 s, never 2 s less.
    assert.ok(skew > OFFSET_MS - 1100 && skew < OFFSET_MS + 100, `skew ${skew}`);
    assert.ok(a.roundTripMs < 500, `round trip ${a.roundTripMs} ms`);
  });

  it('a KDC answer over UDP after a 4 s wait (slot, DNS) gives the same skew', async () => {
    const io = slowIo({ kdc: () => krbNow(OFFSET_MS) });
    const a = await kdcTime(io, 'dc1.contoso.test', 'udp', {
      timeoutMs: 10_000,
      realm: 'CONTOSO.TEST',
      principal: 'EX01$',
    });
    const skew = a.kdcTimeMs - a.localMidMs;
    assert.ok(Math.abs(skew - OFFSET_MS) < 100, `skew ${skew}`);
    assert.ok(a.roundTripMs < 100, `round trip ${a.roundTripMs} ms`);
  });

  it('a KDC answer over TCP after a 4 s wait to connect gives the same skew', async () => {
    const io = slowIo({ kdc: () => krbNow(OFFSET_MS) });
    const a = await kdcTime(io, 'dc1.contoso.test', 'tcp', {
      timeoutMs: 10_000,
      realm: 'CONTOSO.TEST',
      principal: 'EX01$',
    });
    assert.ok(Math.abs(a.kdcTimeMs - a.localMidMs - OFFSET_MS) < 100, `skew ${a.kdcTimeMs - a.localMidMs}`);
  });
});

describe('probes: the deadline starts after the wait for a slot', function () {
  this.timeout(20_000);

  async function busyRun(holdMs: number): Promise<{ io: CoreIo; done: Promise<unknown> }> {
    const limits = new ProbeLimits({ perHost: 1, maxConnections: 1, processes: 1 });
    const { io } = boundIo(createNodeIo(), new AbortController().signal, { limits });
    // A probe of another host holds the run's only connection slot for holdMs.
    const done = limits.forHost('other.contoso.test', 'other probe', undefined, () => sleep(holdMs));
    await sleep(10);
    return { io, done };
  }

  it('EHLO probe: 1 s timeout, 1.5 s queued behind another probe, still answered', async () => {
    const server = await tcpServer((s: net.Socket) => {
      s.write('220 ex01 ready\r\n');
      s.on('data', (d: Buffer) => {
        if (/^EHLO/i.test(d.toString())) s.write('250-ex01 Hello\r\n250 X-ANONYMOUSTLS\r\n');
        else if (/^QUIT/i.test(d.toString())) s.end('221 bye\r\n');
      });
    });
    try {
      const { io, done } = await busyRun(1500);
      const r = await probeSmtp(io, '127.0.0.1', server.port, { timeoutMs: 1000 });
      assert.equal(r.offersAnonymousTls, true);
      await done;
    } finally {
      await server.close();
    }
  });

  it('Kerberos over TCP: 1 s timeout, 1.5 s queued, still answered', async () => {
    const server = await tcpServer((s: net.Socket) => {
      s.once('data', () => {
        const reply = krbNow(0);
        const frame = Buffer.alloc(4 + reply.length);
        frame.writeUInt32BE(reply.length, 0);
        Buffer.from(reply).copy(frame, 4);
        s.write(frame);
      });
    });
    try {
      const { io, done } = await busyRun(1500);
      const connect = io.tcp.connect.bind(io.tcp);
      io.tcp.connect = (h, _p, o) => connect(h, server.port, o);
      const a = await kdcTime(io, '127.0.0.1', 'tcp', { timeoutMs: 1000, realm: 'CONTOSO.TEST', principal: 'EX01$' });
      assert.equal(a.errorCode, 25);
      await done;
    } finally {
      await server.close();
    }
  });
});

describe('SMTP reply reader: bounded between reads', () => {
  it('a server that talks while no read waits is cut off at the cap', async () => {
    const [near, far] = duplexPair();
    const reader = new SmtpReplyReader(near, 'SMTP ex01:25', 1024);
    let destroyed = false;
    near.on('close', () => (destroyed = true));
    for (let i = 0; i < 64; i++) far.write('x'.repeat(512));
    await sleep(50);
    assert.equal(destroyed, true, 'the connection is closed past the cap');
    await assert.rejects(reader.read({ timeoutMs: 1000 }), /sent more than 1024 bytes/);
    reader.dispose();
  });
});
