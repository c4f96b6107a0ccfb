import { strict as assert } from 'node:assert';
import type { EngineEvent } from '../../../../src/core/engine/check';
import { runDiagnosis } from '../../../../src/core/engine/orchestrator';
import { DoctorError, isDoctorError } from '../../../../src/core/errors';
import { FakeIo, after, hang } from './fake-io';
import { check, diagnosisRequest, finding, settings } from './fixtures';

const request = diagnosisRequest;

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

describe('engine: runDiagnosis', () => {
  it('streams step and finding events as they arrive and returns every finding with the verdict', async () => {
    const fake = new FakeIo();
    const events: EngineEvent[] = [];
    const result = await runDiagnosis(
      request(fake, {
        checks: [
          check('a', 1, async (ctx) => {
            ctx.emit(finding(1, 'clock.skew', 'error'));
            await sleep(20);
            ctx.log('half way');
            ctx.emit(finding(1, 'clock.ok', 'ok', 'EX02'));
          }),
          check('b', 4, (ctx) => {
            ctx.emit(finding(4, 'port.open', 'ok'));
            return Promise.resolve();
          }),
        ],
        onEvent: (e) => events.push(e),
      }),
    );
    assert.equal(result.findings.length, 3);
    assert.equal(result.verdict.overall, 'error');
    assert.deepEqual(result.verdict.counts, { error: 1, warning: 0, unknown: 0, ok: 2 });
    assert.equal(result.verdict.causes[0]?.step, 1);
    const kinds = events.map((e) =>
      e.type === 'finding'
        ? `finding ${e.finding.code}`
        : e.type === 'log'
          ? `log ${e.message}`
          : `${e.type} ${e.step}`,
    );
    // Step 4 finishes while step 1 is still running: events arrive as they happen, not by step.
    assert.deepEqual(kinds, [
      'step-started 1',
      'finding clock.skew',
      'step-started 4',
      'finding port.open',
      'step-finished 4',
      'log a: half way',
      'finding clock.ok',
      'step-finished 1',
    ]);
  });

  it('runs only the checks of the selected steps', async () => {
    const ran: string[] = [];
    const mk = (id: string, step: 1 | 2 | 4) => check(id, step, () => Promise.resolve(void ran.push(id)));
    await runDiagnosis(
      request(new FakeIo(), { checks: [mk('c1', 1), mk('c2', 2), mk('c4', 4)], settings: settings({ steps: [2, 4] }) }),
    );
    assert.deepEqual(ran.sort(), ['c2', 'c4']);
  });

  it('a check that throws yields an unknown finding with the reason, and the others still complete', async () => {
    const result = await runDiagnosis(
      request(new FakeIo(), {
        checks: [
          check('boom', 2, () => Promise.reject(new Error('the directory returned nonsense'))),
          check('fine', 4, async (ctx) => {
            await sleep(10);
            ctx.emit(finding(4, 'port.open', 'ok'));
          }),
        ],
      }),
    );
    const failed = result.findings.find((f) => f.code === 'engine.check-failed');
    assert.ok(failed);
    assert.equal(failed.severity, 'unknown');
    assert.equal(failed.step, 2);
    assert.match(failed.reason ?? '', /the directory returned nonsense/);
    assert.ok(result.findings.some((f) => f.code === 'port.open'));
  });

  it('an unknown finding emitted without a reason gets one', async () => {
    const result = await runDiagnosis(
      request(new FakeIo(), {
        checks: [
          check('c', 1, (ctx) =>
            Promise.resolve(ctx.emit({ ...finding(1, 'clock.unreachable', 'unknown'), reason: undefined })),
          ),
        ],
      }),
    );
    assert.ok((result.findings[0]?.reason ?? '').length > 0);
  });

  it('never has more probes in flight than the concurrency setting, across all checks', async () => {
    const fake = new FakeIo({ tcp: () => after(15, undefined as never) });
    const probeMany = (id: string) =>
      check(id, 4, async (ctx) => {
        await Promise.all(
          Array.from({ length: 12 }, (_, i) =>
            ctx.io.tcp.connect('ex01.contoso.test', 1000 + i, { timeoutMs: 1000, signal: ctx.signal }),
          ),
        );
      });
    await runDiagnosis(
      request(fake, {
        settings: settings({ concurrency: 3 }),
        checks: [probeMany('a'), probeMany('b'), probeMany('c')],
      }),
    );
    assert.equal(fake.started, 36);
    assert.equal(fake.peak, 3);
    assert.equal(fake.inFlight, 0);
  });

  it('starts every selected check at once: what waits is a probe behind a busy host, never a check', async () => {
    let running = 0;
    let peak = 0;
    const slow = (id: string) =>
      check(id, 3, async () => {
        running++;
        peak = Math.max(peak, running);
        await sleep(15);
        running--;
      });
    await runDiagnosis(
      request(new FakeIo(), { settings: settings({ concurrency: 2 }), checks: ['a', 'b', 'c', 'd', 'e'].map(slow) }),
    );
    assert.equal(peak, 5);
  });

  it('a probe that gets no answer fails after the probe timeout, and the other checks complete', async () => {
    const fake = new FakeIo({ tcp: (host) => (host === 'dc2.contoso.test' ? hang() : after(5, undefined as never)) });
    const started = performance.now();
    const result = await runDiagnosis(
      request(fake, {
        settings: settings({ probeTimeoutMs: 150 }),
        checks: [
          check('silent', 4, async (ctx) => {
            await ctx.io.tcp.connect('dc2.contoso.test', 88, {
              timeoutMs: ctx.settings.probeTimeoutMs,
              signal: ctx.signal,
            });
          }),
          check('other', 1, async (ctx) => {
            await ctx.io.tcp.connect('dc1.contoso.test', 88, {
              timeoutMs: ctx.settings.probeTimeoutMs,
              signal: ctx.signal,
            });
            ctx.emit(finding(1, 'clock.ok', 'ok'));
          }),
        ],
      }),
    );
    const elapsed = performance.now() - started;
    assert.ok(elapsed >= 140 && elapsed < 1000, `took ${elapsed} ms`);
    const failed = result.findings.find((f) => f.step === 4);
    assert.equal(failed?.severity, 'unknown');
    assert.match(failed?.reason ?? '', /dc2\.contoso\.test:88 did not answer within 0\.1|did not answer within/);
    assert.ok(result.findings.some((f) => f.code === 'clock.ok'));
  });

  it('cancellation stops every check quickly, leaves no probe running and closes every session', async () => {
    const fake = new FakeIo({ tcp: () => hang(), udp: () => hang() });
    const controller = new AbortController();
    const events: EngineEvent[] = [];
    let ignoredSignalCheckSettled = false;
    const pending = runDiagnosis(
      request(fake, {
        signal: controller.signal,
        settings: settings({ probeTimeoutMs: 60_000 }),
        onEvent: (e) => events.push(e),
        checks: [
          check('tcp', 4, async (ctx) => {
            await ctx.openSession('dc2.contoso.test');
            await ctx.io.tcp.connect('dc1.contoso.test', 88, { timeoutMs: 60_000, signal: ctx.signal });
          }),
          // Forgets to pass the signal: the run's signal still reaches the probe.
          check('careless', 1, async (ctx) => {
            try {
              await ctx.io.udp.exchange('dc1.contoso.test', 88, new Uint8Array(1), { timeoutMs: 60_000 });
            } finally {
              ignoredSignalCheckSettled = true;
            }
          }),
        ],
      }),
    );
    await sleep(30);
    assert.equal(fake.inFlight, 2);
    const cancelledAt = performance.now();
    controller.abort();
    await assert.rejects(pending, (e: unknown) => isDoctorError(e) && e.kind === 'aborted');
    assert.ok(performance.now() - cancelledAt < 200, 'cancellation took too long');
    assert.equal(fake.inFlight, 0);
    assert.ok(ignoredSignalCheckSettled);
    assert.equal(fake.openSessions, 0);
    assert.ok(!events.some((e) => e.type === 'finding'), 'a cancelled check is not reported as failed');
  });

  it("a probe queued behind its host's bound is never sent after cancellation", async () => {
    const controller = new AbortController();
    const fake = new FakeIo({ tcp: () => hang() });
    const pending = runDiagnosis(
      request(fake, {
        signal: controller.signal,
        settings: settings({ concurrency: 1, probeTimeoutMs: 60_000, connectTimeoutMs: 60_000 }),
        checks: [
          check('first', 1, async (ctx) => {
            await ctx.io.tcp.connect('dc1.contoso.test', 88, { timeoutMs: 60_000, signal: ctx.signal });
          }),
          check('second', 2, async (ctx) => {
            await sleep(5);
            await ctx.io.tcp.connect('dc1.contoso.test', 389, { timeoutMs: 60_000, signal: ctx.signal });
          }),
        ],
      }),
    );
    await sleep(20);
    assert.equal(fake.started, 1, 'the second probe waits for the host');
    controller.abort();
    await assert.rejects(pending, /cancelled/);
    assert.equal(fake.started, 1);
    assert.equal(fake.inFlight, 0);
  });

  it('settings.concurrency 1 still cancels a check waiting for a slot', async () => {
    const fake = new FakeIo({ tcp: () => hang() });
    const controller = new AbortController();
    const pending = runDiagnosis(
      request(fake, {
        signal: controller.signal,
        settings: settings({ concurrency: 1, probeTimeoutMs: 60_000 }),
        checks: [
          check(
            'a',
            4,
            async (ctx) =>
              void (await Promise.all(
                [1, 2, 3].map((p) => ctx.io.tcp.connect('h', p, { timeoutMs: 60_000, signal: ctx.signal })),
              )),
          ),
        ],
      }),
    );
    await sleep(20);
    assert.equal(fake.inFlight, 1);
    controller.abort();
    await assert.rejects(pending, (e: unknown) => isDoctorError(e) && e.kind === 'aborted');
    assert.equal(fake.started, 1, 'the queued probes never started');
  });

  it('rejects at once when the signal is already aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    await assert.rejects(
      runDiagnosis(
        request(new FakeIo(), { signal: controller.signal, checks: [check('x', 1, () => assert.fail('ran'))] }),
      ),
      /cancelled/,
    );
  });

  it('refuses bad settings with a usage error', async () => {
    await assert.rejects(
      runDiagnosis(request(new FakeIo(), { settings: settings({ concurrency: 0 }) })),
      (e: unknown) => e instanceof DoctorError && e.kind === 'usage' && /concurrency/.test(e.message),
    );
    await assert.rejects(
      runDiagnosis(request(new FakeIo(), { settings: settings({ probeTimeoutMs: -1 }) })),
      /probe timeout/,
    );
    await assert.rejects(
      runDiagnosis(request(new FakeIo(), { settings: settings({ steps: [7 as never] }) })),
      /7 is not a step/,
    );
  });

  it('derives the realm from the naming context when the settings leave it empty', async () => {
    let realm = '';
    await runDiagnosis(
      request(new FakeIo(), {
        settings: settings({ realm: '' }),
        checks: [check('r', 1, (ctx) => Promise.resolve(void (realm = ctx.settings.realm)))],
      }),
    );
    assert.equal(realm, 'CONTOSO.TEST');
  });
});
