/**
 * Phrases that fill the placeholders of steps 1 to 3's finding wordings (a direction, a state, a
 * list item...) and word their remedies, evidence labels, tables and reasons, in every language,
 * so a translated finding holds no English words. A finding passes one as a param:
 * `{ key: 'fp.<step>.<name>', params }` (see src/shared/local-text.ts); the English text of the
 * finding is rendered from the English phrase. One file per subject in ./steps-1-3/. The catalogue
 * test checks every language has every key with the same placeholders.
 */
import { joinTables } from '../join-tables';
import { CLOCK_PHRASES, EN_CLOCK_PHRASES } from './steps-1-3/clocks';
import { DNS_TICKET_PHRASES, EN_DNS_TICKET_PHRASES } from './steps-1-3/dns-tickets';
import { EN_KEY_PHRASES, KEY_PHRASES } from './steps-1-3/keys';
import { EN_REPLICATION_PHRASES, REPLICATION_PHRASES } from './steps-1-3/replication';
import { EN_SPN_PHRASES, SPN_PHRASES } from './steps-1-3/spns';

export const EN_PHRASES_1_3 = joinTables(
  EN_CLOCK_PHRASES,
  EN_REPLICATION_PHRASES,
  EN_SPN_PHRASES,
  EN_DNS_TICKET_PHRASES,
  EN_KEY_PHRASES,
);

export type Phrase1_3Key = keyof typeof EN_PHRASES_1_3;

type Lang = 'es' | 'nl' | 'he' | 'zh-cn';

function forLang(lang: Lang): Readonly<Record<Phrase1_3Key, string>> {
  return joinTables(
    CLOCK_PHRASES[lang],
    REPLICATION_PHRASES[lang],
    SPN_PHRASES[lang],
    DNS_TICKET_PHRASES[lang],
    KEY_PHRASES[lang],
  );
}

export const PHRASES_1_3: Readonly<Record<Lang, Readonly<Record<Phrase1_3Key, string>>>> = {
  es: forLang('es'),
  nl: forLang('nl'),
  he: forLang('he'),
  'zh-cn': forLang('zh-cn'),
};
