/**
 * A w32tm /stripchart graph line as published from a Chinese Windows (test/fixtures/windows/SOURCES.md):
 * a comma after the time, then d: and o:. The sample is read like the comma-less graph form.
 */
import { strict as assert } from 'node:assert';
import { parseW32tmStripchart } from '../../../../../src/core/steps/1-clocks/w32tm-stripchart';
import { fixture } from '../../parsers/fixture';

describe('w32tm /stripchart graph line with a comma after the time', () => {
  it('reads the time, the delay and the offset, with no problem', () => {
    const out = parseW32tmStripchart(fixture('w32tm-stripchart-graph-comma.txt'));
    assert.equal(out.recognised, true);
    if (!out.recognised) return;
    assert.deepEqual(out.value.samples, [
      {
        line: 1,
        time: '02:56:46',
        clock: { hour: 2, minute: 56, second: 46 },
        delaySeconds: 0.0216004,
        offsetSeconds: -0.0068953,
      },
    ]);
    assert.equal(out.value.summary.worstOffsetSeconds, -0.0068953);
    assert.deepEqual(out.problems, []);
  });

  it('still refuses a line whose time is not a time', () => {
    assert.equal(parseW32tmStripchart('xx:yy, d:+00.1s o:+00.2s\n').recognised, false);
  });
});
