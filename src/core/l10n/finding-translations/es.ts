/**
 * Spanish wording of every step's finding codes (the three common codes are translated in
 * ../finding-wording.ts). Split by step into two files to keep each readable; see ./types.ts.
 */
import { joinTables } from '../join-tables';
import { ES_STEPS_1_TO_3 } from './es-steps-1-3';
import { ES_STEPS_4_TO_6 } from './es-steps-4-6';
import type { FindingTranslations } from './types';

export const ES_FINDINGS: FindingTranslations = joinTables(ES_STEPS_1_TO_3, ES_STEPS_4_TO_6);
