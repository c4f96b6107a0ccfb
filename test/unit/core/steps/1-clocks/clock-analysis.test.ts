/** The clock arithmetic of step 1: tolerance at the edge of uncertainty, the reference host, signed skews. */
import { strict as assert } from 'node:assert';
import {
  classifySkew,
  domainTime,
  formatSkew,
  type HostClock,
} from '../../../../../src/core/steps/1-clocks/clock-analysis';

const MIN = 60_000;

describe('step 1: clock arithmetic', () => {
  const t = { toleranceMs: 5 * MIN, warningMs: MIN };
  const host = (kind: 'dc' | 'server', name: string, skewMs: number): HostClock => {
    const reading = {
      host: { kind, name },
      method: 'ldap' as const,
      source: '',
      observedText: '',
      remoteMs: skewMs,
      localMs: 0,
      uncertaintyMs: 500,
    };
    return { host: reading.host, skewMs, uncertaintyMs: 500, preferred: reading, readings: [reading] };
  };

  it('is an error only when the skew is beyond the tolerance even at the edge of its uncertainty', () => {
    assert.equal(classifySkew(5 * MIN + 400, 500, t), 'warning');
    assert.equal(classifySkew(-(5 * MIN + 600), 500, t), 'error');
    assert.equal(classifySkew(MIN + 400, 500, t), 'ok');
    assert.equal(classifySkew(MIN + 600, 500, t), 'warning');
  });

  it('with two hosts that disagree, the configured DC is the reference', () => {
    const d = domainTime([host('server', 'EX01', 7 * MIN), host('dc', 'DC1', 0)], t, { configuredDc: 'DC1' });
    assert.equal(d?.skewMs, 0);
    assert.deepEqual(
      d?.agreeing.map((h) => h.name),
      ['DC1'],
    );
  });

  it('the PDC emulator wins a tie over the configured DC', () => {
    const d = domainTime([host('dc', 'DC1', 0), host('dc', 'DC2', 3 * MIN)], t, {
      pdcEmulator: 'DC2',
      configuredDc: 'DC1',
    });
    assert.equal(d?.skewMs, 3 * MIN);
  });

  it('the majority wins over the PDC emulator', () => {
    const d = domainTime(
      [host('dc', 'DC1', 8 * MIN), host('dc', 'DC2', 0), host('server', 'EX01', 1000), host('server', 'EX02', -1000)],
      t,
      { pdcEmulator: 'DC1' },
    );
    assert.equal(d?.skewMs, 0);
  });

  it('takes the domain time from sub-second (KDC) readings over whole-second ones in the agreeing group', () => {
    const kdc = (name: string, skewMs: number): HostClock => ({ ...host('dc', name, skewMs), uncertaintyMs: 2 });
    const d = domainTime([kdc('DC1', 3), host('server', 'EX01', 450), host('server', 'EX02', 480)], t);
    assert.equal(d?.skewMs, 3);
    assert.deepEqual(
      d?.agreeing.map((h) => h.name),
      ['DC1', 'EX01', 'EX02'],
    );
    // Without any precise reading, the median of all agreeing hosts.
    assert.equal(
      domainTime([host('dc', 'DC1', 3), host('server', 'EX01', 450), host('server', 'EX02', 480)], t)?.skewMs,
      450,
    );
  });

  it('formats signed skews', () => {
    assert.equal(formatSkew(7 * MIN + 2100), '+7 min 2.1 s');
    assert.equal(formatSkew(-350), '-350 ms');
    assert.equal(formatSkew(3_723_000), '+1 h 2 min 3.0 s');
  });
});
