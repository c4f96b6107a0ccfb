/**
 * A remedy whose summary is a catalogue phrase (src/core/l10n), so a view words it in its own
 * language: the English summary and the phrase are set from one key, the command line is built
 * and validated as for any remedy (../safety/command-line.ts).
 */
import type { Remedy } from '../../shared/findings';
import type { LocalParam } from '../../shared/local-text';
import type { MessageKey } from '../l10n/en';
import { summaryOf } from '../l10n/worded-parts';
import { makeRemedy, type RemedySpec } from '../safety/command-line';
import { whenValid } from './build';

export type PhraseRemedySpec = Omit<RemedySpec, 'summary'> & {
  /** The summary's catalogue key and its params (names and values as they are). */
  phrase: MessageKey;
  params?: Readonly<Record<string, LocalParam>>;
};

/** makeRemedy with a worded summary; throws CommandLineError when a name does not pass. */
export function makePhraseRemedy(spec: PhraseRemedySpec): Remedy {
  const { phrase, params, ...rest } = spec;
  const worded = summaryOf(phrase, params);
  return { ...makeRemedy({ ...rest, summary: worded.summary }), summaryText: worded.summaryText };
}

/** makePhraseRemedy, or undefined when a name in it does not pass validation. */
export function tryPhraseRemedy(spec: PhraseRemedySpec): Remedy | undefined {
  return whenValid(() => makePhraseRemedy(spec));
}
