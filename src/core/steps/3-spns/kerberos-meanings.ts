/**
 * What a Kerberos error code means for a service ticket the engine asked for (step 3's end-to-end
 * test), as catalogue phrases: the meaning and the first step hint's reason, both from the one
 * table of Kerberos words (src/core/l10n/kerberos-words.ts, shared with step 5). A sentence without
 * a phrase keeps its English text.
 */
import type { LocalParam } from '../../../shared/local-text';
import type { KerberosErrorCode, StepHint } from '../../kerberos-codes';
import { adviceText, meaningText } from '../../l10n/kerberos-words';
import { text } from '../../l10n/render';

/** `meaning` then the first hint's reason, in the view's language where they have phrases. */
export function kerberosMeaning(code: KerberosErrorCode, hint: StepHint | undefined): LocalParam {
  const meaning = meaningText(code);
  if (!hint) return meaning;
  const why = adviceText(hint.why);
  if (typeof meaning === 'string' && typeof why === 'string') return `${meaning} ${why}`;
  return text('fp.3.ticket.meaning-why', { meaning, why });
}
