/** The date in an SMTP greeting, parsed and read over a loopback socket. */
import { strict as assert } from 'node:assert';
import * as net from 'node:net';
import { parseBannerDate } from '../../../../../src/core/steps/1-clocks/clock-banner';
import { bannerTime } from '../../../../../src/core/steps/real-probes';
import { FakeIo } from '../../engine/fake-io';

describe('step 1: the date in an SMTP banner', () => {
  it('reads the Exchange greeting with its UTC offset', () => {
    assert.equal(
      parseBannerDate('220 mail1.fabrikam.com Microsoft ESMTP MAIL Service ready at Fri, 5 Aug 2016 16:24:41 -0700'),
      Date.parse('2016-08-05T23:24:41Z'),
    );
    assert.equal(
      parseBannerDate('220 ex01.contoso.test Microsoft ESMTP MAIL Service ready at Sun, 22 Nov 2026 13:47:47 +0100'),
      Date.parse('2026-11-22T12:47:47Z'),
    );
    assert.equal(
      parseBannerDate('220 x ESMTP ready Sun, 22 Nov 2026 13:47:47 GMT'),
      Date.parse('2026-11-22T13:47:47Z'),
    );
  });

  it('gives nothing for a custom banner, a date without a zone, or a bad date', () => {
    assert.equal(parseBannerDate('220 mail.contoso.test ESMTP'), undefined);
    assert.equal(parseBannerDate('220 x ready at 22 Nov 2026 13:47:47'), undefined);
    assert.equal(parseBannerDate('220 x ready at 32 Nov 2026 13:47:47 +0000'), undefined);
  });
});

describe('step 1: reading an SMTP greeting over a socket (loopback)', () => {
  async function withServer(greeting: string | undefined, body: (port: number) => Promise<void>): Promise<void> {
    const sockets = new Set<net.Socket>();
    const srv = net.createServer((s) => {
      sockets.add(s);
      s.on('error', () => undefined);
      if (greeting !== undefined) s.write(greeting);
    });
    await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
    try {
      await body((srv.address() as net.AddressInfo).port);
    } finally {
      for (const s of sockets) s.destroy();
      await new Promise<void>((r) => srv.close(() => r()));
    }
  }
  const io = new FakeIo({
    tcp: (host, port) => () =>
      new Promise((resolve, reject) => {
        const s = net.connect(port, host, () => resolve(s));
        s.once('error', reject);
      }),
  }).io;

  it('reads a multi-line greeting and its date', async () => {
    await withServer(
      '220-ex01.contoso.test first line\r\n220 ex01.contoso.test Microsoft ESMTP MAIL Service ready at Sun, 22 Nov 2026 13:47:47 +0000\r\n',
      async (port) => {
        const a = await bannerTime(io, '127.0.0.1', port, { timeoutMs: 2000 });
        assert.equal(a.serverTimeMs, Date.parse('2026-11-22T13:47:47Z'));
        assert.match(a.banner, /^220-ex01/);
        assert.ok(a.roundTripMs >= 0 && a.roundTripMs < 2000);
      },
    );
  });

  it('a listener that never greets times out within the probe timeout', async () => {
    await withServer(undefined, async (port) => {
      const started = performance.now();
      await assert.rejects(bannerTime(io, '127.0.0.1', port, { timeoutMs: 150 }), /did not answer within/);
      assert.ok(performance.now() - started < 1000);
    });
  });
});
