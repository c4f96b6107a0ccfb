/**
 * Durations inside findings are phrases: English keeps the form the clock step always wrote
 * (formatDuration is that English), and the other languages name their own units.
 */
import { strict as assert } from 'node:assert';
import { durationText } from '../../../../src/core/l10n/duration';
import { render } from '../../../../src/core/l10n/render';
import { formatDuration } from '../../../../src/core/steps/1-clocks/clock-analysis';

describe('durations in the sentence language', () => {
  it("English keeps the clock step's form: h, min, s with one decimal, ms under a second", () => {
    assert.equal(render('en', durationText(350)), '350 ms');
    assert.equal(render('en', durationText(5_100)), '5.1 s');
    assert.equal(render('en', durationText(6 * 60_000 + 59_600)), '6 min 59.6 s');
    assert.equal(render('en', durationText(300_000)), '5 min 0.0 s');
    assert.equal(render('en', durationText(3_600_000 + 120_000)), '1 h 2 min 0.0 s');
    assert.equal(formatDuration(6 * 60_000 + 59_600), '6 min 59.6 s');
  });

  it('Chinese, Hebrew and Dutch name their own units', () => {
    const skew = 6 * 60_000 + 59_600;
    assert.equal(render('zh-cn', durationText(skew)), '6 分 59.6 秒');
    assert.equal(render('he', durationText(skew)), '6 דקות 59.6 שניות');
    assert.equal(render('nl', durationText(3_600_000 + 120_000)), '1 u 2 min 0.0 s');
    assert.equal(render('zh-cn', durationText(350)), '350 毫秒');
  });
});
