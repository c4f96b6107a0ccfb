/**
 * One observation, two readers: a `w32tm /stripchart` output read by the engine (its own w32tm run
 * through CoreIo's process runner, ./clock-windows.ts) and the same text read from a terminal
 * (./w32tm-findings.ts) become the same clock reading and end in the same offset interpreter, so
 * they give the same codes, titles and explanations.
 */
import { strict as assert } from 'node:assert';
import type { Finding } from '../../../../../src/shared/findings';
import type { CheckContext } from '../../../../../src/core/engine/check';
import type { CoreIo } from '../../../../../src/core/io';
import type { DomainController } from '../../../../../src/core/directory/model';
import { readStripchart } from '../../../../../src/core/steps/1-clocks/clock-windows';
import { stripchartFindings } from '../../../../../src/core/steps/1-clocks/w32tm-findings';
import { skewOf } from '../../../../../src/core/steps/1-clocks/clock-analysis';
import {
  clockOffsetFinding,
  clockUnreadableFinding,
  failureReason,
} from '../../../../../src/core/steps/1-clocks/clock-offset-findings';
import { FakeIo } from '../../engine/fake-io';
import { settings } from '../../engine/fixtures';
import { ctx as toolContext, fixture } from '../../tools/windows-fixtures';

const words = (fs: readonly Finding[]) => fs.map((f) => ({ code: f.code, title: f.title, explanation: f.explanation }));
const DC2: DomainController = {
  name: 'DC2',
  fqdn: 'dc2.contoso.test',
  dn: 'CN=DC2,OU=Domain Controllers,DC=contoso,DC=test',
  source: 'ou',
};

/** The engine's own w32tm run, answered with `stdout`. */
async function engineReading(stdout: string, toleranceMs: number): Promise<Finding> {
  const fake = new FakeIo({ platform: 'win32' });
  const io: CoreIo = {
    ...fake.io,
    process: { run: () => Promise.resolve({ stdout, stderr: '', exitCode: 0 }), has: () => Promise.resolve(true) },
  };
  const ctx = {
    io,
    settings: settings({ clockToleranceMs: toleranceMs, clockWarningMs: 60_000 }),
    signal: new AbortController().signal,
  } as unknown as CheckContext;
  const outcome = await readStripchart(ctx, DC2);
  const host = { kind: 'dc' as const, name: 'DC2' };
  const subject = { kind: 'dc' as const, name: 'DC2' };
  if ('failure' in outcome)
    return clockUnreadableFinding(host, failureReason(outcome.failure), { subject, evidence: [] });
  const r = outcome.reading;
  return clockOffsetFinding(
    { host, offsetMs: skewOf(r), uncertaintyMs: r.uncertaintyMs, reference: 'this machine' },
    { toleranceMs, warningMs: 60_000 },
    { subject, evidence: [] },
  );
}

describe('step 1: one interpreter for a clock offset, whoever measured it', () => {
  for (const toleranceMs of [300_000, 600_000]) {
    it(`a DC 312 s behind (tolerance ${toleranceMs / 1000} s): the engine's w32tm run and a terminal's agree`, async () => {
      const raw = fixture('w32tm-stripchart-skew.txt');
      const engine = await engineReading(raw, toleranceMs);
      const terminal = stripchartFindings('DC2', raw, 0, toolContext({ clockToleranceMs: toleranceMs }));
      assert.equal(engine.code, 'clock.skew');
      assert.equal(engine.severity, toleranceMs === 300_000 ? 'error' : 'warning');
      assert.match(engine.title, /^DC2's clock is 5 min 12\.5 s behind this machine/);
      assert.deepEqual(words(terminal), words([engine]));
      assert.equal(terminal[0]?.severity, engine.severity);
    });
  }

  it('a host w32tm cannot resolve: both say clock.unreachable with the same words', async () => {
    const raw = fixture('w32tm-stripchart-host-not-found.txt');
    const engine = await engineReading(raw, 300_000);
    const terminal = stripchartFindings('DC2', raw, 1, toolContext());
    assert.equal(engine.code, 'clock.unreachable');
    assert.deepEqual(words(terminal), words([engine]));
    assert.equal(terminal[0]?.reason, engine.reason);
  });
});
