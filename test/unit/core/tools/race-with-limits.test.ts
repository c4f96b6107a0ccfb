import { strict as assert } from 'node:assert';
import { atMost, raceWithLimits } from '../../../../src/core/tools/race-with-limits';

const never = new Promise<number>(() => undefined);

/** Long timers (>= 1 s) set and not yet cleared or fired while `body` runs and after it. */
async function pendingLongTimers(body: () => Promise<void>): Promise<number> {
  const realSet = globalThis.setTimeout;
  const realClear = globalThis.clearTimeout;
  const pending = new Set<unknown>();
  globalThis.setTimeout = ((fn: () => void, ms?: number) => {
    const handle = realSet(() => {
      pending.delete(handle);
      fn();
    }, ms);
    if ((ms ?? 0) >= 1000) pending.add(handle);
    return handle;
  }) as typeof setTimeout;
  globalThis.clearTimeout = (handle?: Parameters<typeof clearTimeout>[0]): void => {
    pending.delete(handle);
    realClear(handle);
  };
  try {
    await body();
  } finally {
    globalThis.setTimeout = realSet;
    globalThis.clearTimeout = realClear;
  }
  return pending.size;
}

describe('waiting for a terminal run', () => {
  it('resolves at once when cancelled, without waiting for the end or the time limit', async () => {
    const controller = new AbortController();
    const started = Date.now();
    const left = await pendingLongTimers(async () => {
      const pending = raceWithLimits(never, 60_000, controller.signal);
      setTimeout(() => controller.abort(), 20);
      assert.deepEqual(await pending, { kind: 'cancelled' });
    });
    assert.ok(Date.now() - started < 1000, `${Date.now() - started} ms`);
    assert.equal(left, 0, 'the 60 s timer was cleared');
  });

  it('an already cancelled signal returns at once', async () => {
    const controller = new AbortController();
    controller.abort();
    assert.deepEqual(await raceWithLimits(never, 60_000, controller.signal), { kind: 'cancelled' });
  });

  it('returns the value, clearing the timer and the abort listener', async () => {
    const controller = new AbortController();
    const left = await pendingLongTimers(async () => {
      assert.deepEqual(await raceWithLimits(Promise.resolve(7), 60_000, controller.signal), { kind: 'done', value: 7 });
    });
    assert.equal(left, 0);
    let fired = false;
    controller.signal.addEventListener('abort', () => (fired = true));
    controller.abort();
    assert.ok(fired);
  });

  it('times out', async () => {
    assert.deepEqual(await raceWithLimits(never, 10), { kind: 'timeout' });
  });

  it('atMost gives up after its limit and always clears its timer', async () => {
    const left = await pendingLongTimers(async () => {
      assert.equal(await atMost(Promise.resolve(1), 60_000), 1);
      assert.equal(await atMost(never, 10), undefined);
    });
    assert.equal(left, 0);
  });
});
