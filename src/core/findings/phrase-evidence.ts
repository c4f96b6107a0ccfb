/**
 * An evidence row whose label is words of ours, as a catalogue phrase (src/core/l10n), so a view
 * words the label in its own language; the value (what was observed) stays as it is.
 */
import type { Evidence } from '../../shared/findings';
import type { LocalParam, LocalText } from '../../shared/local-text';
import type { CoreIo } from '../io';
import type { MessageKey } from '../l10n/en';
import { labelOf, sourceOf, valueOf } from '../l10n/worded-parts';

export function phraseEvidence(
  ctx: { io: Pick<CoreIo, 'clock'> },
  key: MessageKey,
  params: Readonly<Record<string, LocalParam>> | undefined,
  value: string | LocalText,
  source: string | LocalText,
): Evidence {
  return {
    ...labelOf(key, params),
    ...valueOf(value),
    ...sourceOf(source),
    observedAt: new Date(ctx.io.clock.now()).toISOString(),
  };
}
