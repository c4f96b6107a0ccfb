/**
 * What a Kerberos error code means for a service ticket the engine asked for (step 3's end-to-end
 * test), as catalogue phrases: the codes a TGS request from this machine can come back with
 * (src/core/kerberos-codes.ts holds the English meanings and which step each points to; the
 * phrases repeat them word for word in English). A code without a phrase keeps its English text.
 */
import type { LocalParam } from '../../../shared/local-text';
import type { KerberosErrorCode, StepHint } from '../../kerberos-codes';
import type { MessageKey } from '../../l10n/en';
import { text } from '../../l10n/render';

/** Code → the keys of its meaning and of its first step hint's reason. */
const PHRASES: Readonly<Record<number, { meaning: MessageKey; why?: MessageKey }>> = {
  0x6: { meaning: 'fp.3.krb.0x6', why: 'fp.3.krb.0x6.why' },
  0x7: { meaning: 'fp.3.krb.0x7', why: 'fp.3.krb.0x7.why' },
  0x8: { meaning: 'fp.3.krb.0x8', why: 'fp.3.krb.0x8.why' },
  0x9: { meaning: 'fp.3.krb.0x9', why: 'fp.3.krb.0x9.why' },
  0xe: { meaning: 'fp.3.krb.0xe', why: 'fp.3.krb.0xe.why' },
  0x12: { meaning: 'fp.3.krb.0x12' },
  0x13: { meaning: 'fp.3.krb.0x13' },
  0x17: { meaning: 'fp.3.krb.0x17' },
  0x18: { meaning: 'fp.3.krb.0x18' },
  0x1d: { meaning: 'fp.3.krb.0x1d', why: 'fp.3.krb.0x1d.why' },
  0x25: { meaning: 'fp.3.krb.0x25', why: 'fp.3.krb.0x25.why' },
  0x3c: { meaning: 'fp.3.krb.0x3c', why: 'fp.3.krb.0x3c.why' },
};

/** `meaning` then the first hint's reason, in the view's language when the code has phrases. */
export function kerberosMeaning(code: KerberosErrorCode, hint: StepHint | undefined): LocalParam {
  const phrases = PHRASES[code.code];
  if (!phrases || (hint && !phrases.why)) return `${code.meaning}${hint ? ` ${hint.why}` : ''}`;
  const meaning = text(phrases.meaning);
  return hint && phrases.why ? text('fp.3.ticket.meaning-why', { meaning, why: text(phrases.why) }) : meaning;
}
