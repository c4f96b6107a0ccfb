/**
 * Durations inside findings are phrases: English renders exactly as the clock step's
 * formatDuration always wrote them, and the other languages name their own units.
 */
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { durationText } from '../../../../src/core/l10n/duration';
import { render } from '../../../../src/core/l10n/render';
import { formatDuration } from '../../../../src/core/steps/1-clocks/clock-analysis';

describe('durations in the sentence language', () => {
  it('English is formatDuration, for any duration up to a day', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 86_400_000 }), (ms) => {
        assert.equal(render('en', durationText(ms)), formatDuration(ms));
      }),
    );
  });

  it('Chinese, Hebrew and Dutch name their own units', () => {
    const skew = 6 * 60_000 + 59_600;
    assert.equal(render('zh-cn', durationText(skew)), '6 分 59.6 秒');
    assert.equal(render('he', durationText(skew)), '6 דקות 59.6 שניות');
    assert.equal(render('nl', durationText(3_600_000 + 120_000)), '1 u 2 min 0.0 s');
    assert.equal(render('zh-cn', durationText(350)), '350 毫秒');
  });
});
