/**
 * A duration as a catalogue phrase (`6 min 59.6 s`, `6 分 59.6 秒`, `6 דקות 59.6 שניות`), so a
 * translated finding names its units in its own language; `formatDuration` in
 * src/core/steps/1-clocks/clock-analysis.ts is its English.
 */
import type { LocalText } from '../../shared/local-text';

export function durationText(ms: number): LocalText {
  if (ms < 1000) return { key: 'duration.ms', params: { n: Math.round(ms) } };
  const totalSeconds = ms / 1000;
  const h = Math.floor(totalSeconds / 3600);
  const m = Math.floor((totalSeconds % 3600) / 60);
  const s = (totalSeconds - h * 3600 - m * 60).toFixed(1);
  if (h) return { key: 'duration.h', params: { h, m, s } };
  if (m) return { key: 'duration.min', params: { m, s } };
  return { key: 'duration.s', params: { s } };
}
