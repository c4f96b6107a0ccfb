/**
 * Phrases that fill the placeholders of steps 4 to 6's finding wordings (a direction, a state, a
 * list item...) in every language, so a translated sentence holds no English words. A finding passes
 * one as a param: `{ key: 'fp.<step>.<name>', params }` (see src/shared/local-text.ts); the English
 * text of the finding is rendered from the English phrase. The same tables word those steps'
 * remedies, evidence labels, tables and reasons (src/core/l10n/worded-parts.ts), the codes any step
 * emits, the verdict's causes and the Kerberos readiness rows. One file per language in
 * ./steps-4-6/. The catalogue test checks every language has every key with the same placeholders.
 */
import { EN_PHRASES_4_6_TABLE } from './steps-4-6/en';
import { ES_PHRASES_4_6 } from './steps-4-6/es';
import { HE_PHRASES_4_6 } from './steps-4-6/he';
import { NL_PHRASES_4_6 } from './steps-4-6/nl';
import { ZH_CN_PHRASES_4_6 } from './steps-4-6/zh-cn';

export const EN_PHRASES_4_6 = EN_PHRASES_4_6_TABLE;

export type Phrase4_6Key = keyof typeof EN_PHRASES_4_6;

export const PHRASES_4_6: Readonly<Record<'es' | 'nl' | 'he' | 'zh-cn', Readonly<Record<Phrase4_6Key, string>>>> = {
  es: ES_PHRASES_4_6,
  nl: NL_PHRASES_4_6,
  he: HE_PHRASES_4_6,
  'zh-cn': ZH_CN_PHRASES_4_6,
};
