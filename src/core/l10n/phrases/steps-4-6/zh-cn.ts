/** TEMP */
import { EN_PHRASES_4_6_TABLE } from './en';

export const ZH_CN_PHRASES_4_6: Readonly<Record<keyof typeof EN_PHRASES_4_6_TABLE, string>> = {
  ...EN_PHRASES_4_6_TABLE,
};
