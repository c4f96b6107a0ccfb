/**
 * Phrases that fill the placeholders of steps 4 to 6's finding wordings (a direction, a state, a
 * list item...) in every language, so a translated sentence holds no English words. A finding passes
 * one as a param: `{ key: 'fp.<step>.<name>', params }` (see src/shared/local-text.ts); the English
 * text of the finding is rendered from the English phrase. The catalogue test checks every language
 * has every key with the same placeholders.
 */
export const EN_PHRASES_4_6 = {} as const;

export type Phrase4_6Key = keyof typeof EN_PHRASES_4_6;

export const PHRASES_4_6: Readonly<Record<'es' | 'nl' | 'he' | 'zh-cn', Readonly<Record<Phrase4_6Key, string>>>> = {
  es: {},
  nl: {},
  he: {},
  'zh-cn': {},
};
