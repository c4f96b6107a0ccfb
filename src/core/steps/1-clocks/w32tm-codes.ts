/**
 * The HRESULTs w32tm prints most often, with what they mean for a clock check: in English for
 * the parser's sample text, and as a catalogue phrase for a finding's reason (any language).
 */
import type { LocalText } from '../../../shared/local-text';
import type { MessageKey } from '../../l10n/en';
import { EN_CLOCK_PHRASES } from '../../l10n/phrases/steps-1-3/clocks';

const HRESULTS: Readonly<Record<number, MessageKey & keyof typeof EN_CLOCK_PHRASES>> = {
  0x800705b4: 'fp.1.reason.w32tm-timeout',
  0x80072af9: 'fp.1.reason.w32tm-no-host',
  0x80070426: 'fp.1.reason.w32tm-not-running',
  0x80072746: 'fp.1.reason.w32tm-reset',
  0x80070005: 'fp.1.reason.w32tm-denied',
  0x80070057: 'fp.1.reason.w32tm-bad-argument',
};

/** `w32tm: access denied` as a phrase, for a code w32tm prints often. */
export function w32tmErrorText(code: number): LocalText | undefined {
  const key = HRESULTS[code >>> 0];
  return key ? { key } : undefined;
}

/** What the code means, in English (`access denied`). */
export function describeW32tmError(code: number): string | undefined {
  const key = HRESULTS[code >>> 0];
  return key ? EN_CLOCK_PHRASES[key].replace(/^w32tm: /, '') : undefined;
}
