/**
 * Simplified Chinese wording of every step's finding codes (the three common codes are translated
 * in ../finding-wording.ts). Split by step into two files to keep each readable; see ./types.ts.
 */
import { joinTables } from '../join-tables';
import { ZH_CN_STEPS_1_TO_3 } from './zh-cn-steps-1-3';
import { ZH_CN_STEPS_4_TO_6 } from './zh-cn-steps-4-6';
import type { FindingTranslations } from './types';

export const ZH_CN_FINDINGS: FindingTranslations = joinTables(ZH_CN_STEPS_1_TO_3, ZH_CN_STEPS_4_TO_6);
