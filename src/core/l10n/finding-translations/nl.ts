/**
 * Dutch wording of every step's finding codes (the three common codes are translated in
 * ../finding-wording.ts). Split by step into two files to keep each readable; see ./types.ts.
 */
import { joinTables } from '../join-tables';
import { NL_STEPS_1_TO_3 } from './nl-steps-1-3';
import { NL_STEPS_4_TO_6 } from './nl-steps-4-6';
import type { FindingTranslations } from './types';

export const NL_FINDINGS: FindingTranslations = joinTables(NL_STEPS_1_TO_3, NL_STEPS_4_TO_6);
