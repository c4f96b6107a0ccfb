/**
 * Thousands of probes wait on one run: each must not add a listener of its own to the run's signal
 * (Node's EventTarget makes that quadratic). Counted with events.getEventListeners, not timed.
 */
import { strict as assert } from 'node:assert';
import { getEventListeners } from 'node:events';
import { linkedSignal, onAbort } from '../../../../src/core/engine/abort-hub';
import { boundIo } from '../../../../src/core/engine/bounded-io';
import { FakeIo, hang } from './fake-io';

describe('abort hub', () => {
  it('calls each callback once on abort, not after it stopped listening, and at once on an aborted signal', () => {
    const c = new AbortController();
    const calls: string[] = [];
    onAbort(c.signal, () => calls.push('a'));
    const off = onAbort(c.signal, () => calls.push('b'));
    off();
    c.abort();
    c.abort();
    onAbort(c.signal, () => calls.push('late'));
    assert.deepEqual(calls, ['a', 'late']);
  });

  it('a linked signal follows either parent until released', () => {
    const run = new AbortController();
    const own = new AbortController();
    const a = linkedSignal(run.signal, own.signal);
    const b = linkedSignal(run.signal, own.signal);
    b.release();
    own.abort();
    assert.equal(a.signal.aborted, true);
    assert.equal(b.signal.aborted, false);
    const c = linkedSignal(run.signal);
    run.abort();
    assert.equal(c.signal.aborted, true);
  });

  it('10,000 probes waiting on one run leave one listener on its signal, and all stop when it aborts', async () => {
    const run = new AbortController();
    const fake = new FakeIo({ tcp: () => hang(), dns: {} });
    const { io } = boundIo(fake.io, run.signal, { connectTimeoutMs: 60_000 });
    const probes = Array.from({ length: 10_000 }, (_, i) =>
      io.tcp.connect(`ex${i % 200}.contoso.test`, 25 + (i % 50), { timeoutMs: 60_000, signal: run.signal }).then(
        () => 'open',
        (e: Error) => e.message,
      ),
    );
    await new Promise((r) => setTimeout(r, 20));
    assert.ok(getEventListeners(run.signal, 'abort').length <= 1, `${getEventListeners(run.signal, 'abort').length}`);
    run.abort();
    const outcomes = await Promise.all(probes);
    assert.ok(outcomes.every((o) => o.endsWith('was cancelled')));
    assert.equal(fake.inFlight, 0);
  });
});
