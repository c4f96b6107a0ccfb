/**
 * Hebrew wording of every step's finding codes (the three common codes are translated in
 * ../finding-wording.ts). Split by step into two files to keep each readable; see ./types.ts.
 */
import { joinTables } from '../join-tables';
import { HE_STEPS_1_TO_3 } from './he-steps-1-3';
import { HE_STEPS_4_TO_6 } from './he-steps-4-6';
import type { FindingTranslations } from './types';

export const HE_FINDINGS: FindingTranslations = joinTables(HE_STEPS_1_TO_3, HE_STEPS_4_TO_6);
