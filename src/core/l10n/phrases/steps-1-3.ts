/**
 * Phrases that fill the placeholders of steps 1 to 3's finding wordings (a direction, a state, a
 * list item...) in every language, so a translated sentence holds no English words. A finding passes
 * one as a param: `{ key: 'fp.<step>.<name>', params }` (see src/shared/local-text.ts); the English
 * text of the finding is rendered from the English phrase. The catalogue test checks every language
 * has every key with the same placeholders.
 */
export const EN_PHRASES_1_3 = {} as const;

export type Phrase1_3Key = keyof typeof EN_PHRASES_1_3;

export const PHRASES_1_3: Readonly<Record<'es' | 'nl' | 'he' | 'zh-cn', Readonly<Record<Phrase1_3Key, string>>>> = {
  es: {},
  nl: {},
  he: {},
  'zh-cn': {},
};
