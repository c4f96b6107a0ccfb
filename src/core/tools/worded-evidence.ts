/**
 * Evidence of a tool's run under a label of ours, worded in the view's language: the output as a
 * whole, or one value the tool printed. The value stays as the tool printed it.
 */
import type { Evidence } from '../../shared/findings';
import type { LocalParam, LocalText } from '../../shared/local-text';
import type { MessageKey } from '../l10n/en';
import { labelOf, valueOf } from '../l10n/worded-parts';
import { outputEvidence, valueEvidence, type ToolContext } from './tool-output';

/** The tool's output as evidence, labelled `output` in the view's language. */
export function toolOutput(ctx: ToolContext, raw: string): Evidence {
  return { ...outputEvidence(ctx, raw), ...labelOf('fp.1.label.output') };
}

/** A value the tool printed, under a label of ours. */
export function labelledValue(
  ctx: ToolContext,
  key: MessageKey,
  value: string | LocalText,
  params?: Readonly<Record<string, LocalParam>>,
): Evidence {
  return { ...valueEvidence(ctx, '', ''), ...valueOf(value), ...labelOf(key, params) };
}
