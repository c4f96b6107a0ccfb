/**
 * How a run spends the network: each (host, port) is asked once, a dropped port costs one connect
 * timeout for the whole run (not one per check), hosts never wait for each other, and a name is
 * looked up once. Counts and messages only: no test here measures time.
 */
import { strict as assert } from 'node:assert';
import { PassThrough, type Duplex } from 'node:stream';
import { runDiagnosis } from '../../../../src/core/engine/orchestrator';
import { ConnectionRefusedError, DoctorError, isDoctorError } from '../../../../src/core/errors';
import type { CheckContext } from '../../../../src/core/engine/check';
import { FakeIo, hang } from './fake-io';
import { check, diagnosisRequest, settings } from './fixtures';

const request = diagnosisRequest;

/** A connection that opens at once. */
const opens = () => () => Promise.resolve<Duplex>(new PassThrough());

/** Connects and records how the attempt ended: `open` or the error's kind and message. */
async function outcome(ctx: CheckContext, host: string, port: number): Promise<string> {
  try {
    const socket = await ctx.io.tcp.connect(host, port, { timeoutMs: ctx.settings.probeTimeoutMs, signal: ctx.signal });
    socket.destroy();
    return 'open';
  } catch (e) {
    return isDoctorError(e) ? `${e.kind}: ${e.message}` : String(e);
  }
}

describe('engine: one answer per (host, port) and per name in a run', function () {
  this.timeout(10_000);

  it('a dropped port is tried once; every other check gets the same "no answer" after one connect timeout', async () => {
    const fake = new FakeIo({ tcp: (host, port) => (port === 465 ? hang() : opens()) });
    const seen: string[] = [];
    const probe = (id: string, step: 1 | 4 | 6) =>
      check(id, step, async (ctx) => {
        seen.push(await outcome(ctx, 'ex01.contoso.test', 465));
      });
    await runDiagnosis(
      request(fake, {
        settings: settings({ probeTimeoutMs: 60_000, connectTimeoutMs: 100 }),
        checks: [probe('clock', 1), probe('ports', 4), probe('connectors', 6)],
      }),
    );
    assert.equal(fake.started, 1, 'one SYN into the firewall, not one per check');
    assert.equal(seen.length, 3);
    for (const s of seen) assert.equal(s, 'timeout: TCP ex01.contoso.test:465 did not answer within 0.1 s');
  });

  it('a refused port is shared as well, and a port that answered is connected again for each check', async () => {
    const fake = new FakeIo({
      tcp: (_host, port) =>
        port === 2525 ? () => Promise.reject(new ConnectionRefusedError('TCP ex02:2525')) : opens(),
    });
    const seen: string[] = [];
    const probe = (id: string) =>
      check(id, 4, async (ctx) => {
        seen.push(await outcome(ctx, 'ex02.contoso.test', 2525));
        seen.push(await outcome(ctx, 'ex02.contoso.test', 25));
      });
    await runDiagnosis(request(fake, { checks: [probe('a'), probe('b'), probe('c')] }));
    assert.equal(seen.filter((s) => s.startsWith('refused')).length, 3);
    assert.equal(seen.filter((s) => s === 'open').length, 3);
    // 2525 once; 25 three times (a clock reading or an EHLO needs a connection of its own).
    assert.equal(fake.started, 4);
  });

  it('a failure of one conversation (not of the path) is not shared', async () => {
    let calls = 0;
    const fake = new FakeIo({
      tcp: () => () => {
        calls++;
        return Promise.reject(new DoctorError('protocol', 'TLS went wrong'));
      },
    });
    const probe = (id: string) =>
      check(id, 6, async (ctx) => {
        await outcome(ctx, 'ex01.contoso.test', 25);
      });
    await runDiagnosis(request(fake, { checks: [probe('a'), probe('b')] }));
    assert.equal(calls, 2);
  });

  it('hosts do not wait for each other: a host whose ports all hang holds only its own slots', async () => {
    const fake = new FakeIo({ tcp: (host) => (host === 'ex01.contoso.test' ? hang() : opens()) });
    const order: string[] = [];
    await runDiagnosis(
      request(fake, {
        settings: settings({ concurrency: 2, connectTimeoutMs: 200 }),
        checks: [
          check('silent', 4, async (ctx) => {
            await Promise.all([1, 2, 3, 4, 5, 6].map((p) => outcome(ctx, 'ex01.contoso.test', p)));
            order.push('silent done');
          }),
          check('busy', 6, async (ctx) => {
            await Promise.all([1, 2, 3, 4, 5, 6].map((p) => outcome(ctx, 'ex02.contoso.test', p)));
            order.push('other host done');
          }),
        ],
      }),
    );
    assert.deepEqual(order, ['other host done', 'silent done']);
  });

  it('a name is looked up once per run, whoever asks', async () => {
    let lookups = 0;
    const fake = new FakeIo({ dns: { 'ex01.contoso.test': ['127.0.0.11'] } });
    const lookup = fake.io.dns.lookup.bind(fake.io.dns);
    fake.io.dns.lookup = (host, o) => {
      lookups++;
      return lookup(host, o);
    };
    const answers: string[][] = [];
    const ask = (id: string) =>
      check(id, 3, async (ctx) => {
        for (const name of ['ex01.contoso.test', 'EX01.contoso.test.'])
          answers.push(await ctx.io.dns.lookup(name, { timeoutMs: 1000, signal: ctx.signal }));
      });
    await runDiagnosis(request(fake, { checks: [ask('a'), ask('b'), ask('c')] }));
    assert.equal(lookups, 1);
    assert.equal(answers.length, 6);
    for (const a of answers) assert.deepEqual(a, ['127.0.0.11']);
  });

  it('the connect timeout caps a connect whose probe allows longer', async () => {
    const fake = new FakeIo({ tcp: () => hang<Duplex>() });
    let seen = '';
    await runDiagnosis(
      request(fake, {
        settings: settings({ probeTimeoutMs: 60_000, connectTimeoutMs: 200 }),
        checks: [
          check('a', 4, async (ctx) => {
            seen = await outcome(ctx, 'dc1.contoso.test', 88);
          }),
        ],
      }),
    );
    assert.equal(seen, 'timeout: TCP dc1.contoso.test:88 did not answer within 0.2 s');
  });
});
