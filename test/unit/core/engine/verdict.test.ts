import { strict as assert } from 'node:assert';
import { buildVerdict, directness, rankCauses } from '../../../../src/core/engine/verdict';
import { finding } from './fixtures';

describe('engine: verdict', () => {
  it('ranks a clock beyond tolerance and a missing SPN above an unreachable KDC, above a connector, above replication', () => {
    const causes = rankCauses([
      finding(2, 'replication.behind', 'error', 'DC2'),
      finding(6, 'connector.no-exchange-auth', 'error', 'EX02\\Default EX02'),
      finding(4, 'port.kerberos-blocked', 'error', 'DC1'),
      finding(3, 'spn.missing', 'error', 'EX02'),
      finding(1, 'clock.skew', 'error', 'EX02'),
      finding(1, 'clock.ok', 'ok', 'EX01'),
    ]);
    assert.deepEqual(
      causes.map((c) => c.step),
      [1, 3, 4, 6, 2],
    );
    assert.ok((causes[0]?.score ?? 0) > (causes[2]?.score ?? 0));
  });

  it('adds up a step: two duplicate SPNs outrank one clock error', () => {
    const causes = rankCauses([
      finding(1, 'clock.skew', 'error'),
      finding(3, 'spn.duplicate', 'error', 'EX01'),
      finding(3, 'spn.duplicate', 'error', 'EX02'),
    ]);
    assert.deepEqual(
      causes.map((c) => c.step),
      [3, 1],
    );
    assert.deepEqual(causes[0]?.findings, ['spn.duplicate EX01', 'spn.duplicate EX02']);
  });

  it('an error outranks a handful of warnings of a more direct kind', () => {
    const causes = rankCauses([
      finding(1, 'clock.skew', 'warning', 'EX01'),
      finding(1, 'clock.skew', 'warning', 'EX02'),
      finding(1, 'clock.skew', 'warning', 'DC1'),
      finding(2, 'replication.behind', 'error', 'DC2'),
    ]);
    assert.deepEqual(
      causes.map((c) => c.step),
      [2, 1],
    );
  });

  it('unknown and ok findings are not causes; a run with only those has none', () => {
    assert.deepEqual(rankCauses([finding(4, 'port.host-silent', 'unknown', 'DC2'), finding(1, 'clock.ok', 'ok')]), []);
  });

  it('summaries say what the fault does, in our words, and name the worst findings first', () => {
    const [cause] = rankCauses([
      finding(1, 'clock.skew', 'warning', 'EX01', 'EX01 is 2 min ahead'),
      finding(1, 'clock.skew', 'error', 'EX02', 'EX02 is 7 min ahead'),
      finding(1, 'clock.skew', 'warning', 'DC1', 'DC1 is 90 s ahead'),
    ]);
    assert.ok(cause);
    assert.match(cause.summary, /^Clocks are too far apart/);
    assert.match(cause.summary, /\. EX02 is 7 min ahead; DC1 is 90 s ahead; /);
    assert.match(cause.summary, /and 1 more\.$/);
    assert.equal(cause.findings[0], 'clock.skew EX02');
  });

  it('overall is the worst severity and the counts add up', () => {
    const v = buildVerdict(
      [
        finding(1, 'clock.ok', 'ok'),
        finding(2, 'replication.dc-unreachable', 'unknown', 'DC2'),
        finding(4, 'port.blocked', 'warning', 'DC1'),
      ],
      'a',
      'b',
    );
    assert.equal(v.overall, 'warning');
    assert.deepEqual(v.counts, { error: 0, warning: 1, unknown: 1, ok: 1 });
    assert.equal(buildVerdict([], 'a', 'b').overall, 'ok');
    assert.equal(
      buildVerdict([finding(2, 'replication.dc-unreachable', 'unknown', 'DC2')], 'a', 'b').overall,
      'unknown',
    );
  });

  it('weights kinds of finding by how directly they explain 454 4.7.0', () => {
    assert.ok(directness('clock.skew') > directness('port.kerberos-blocked'));
    assert.ok(directness('spn.missing') > directness('connector.no-exchange-auth'));
    assert.ok(directness('connector.no-exchange-auth') > directness('replication.behind'));
    assert.ok(directness('something.new') > 0);
  });
});
