/**
 * Every finding code the engine and the terminal-output interpreters can emit, as one closed union,
 * and the English wording of each, gathered from the steps' own tables
 * (`src/core/steps/N-name/finding-codes.ts`) and the codes common to all steps. A new code is
 * added to its step's table only; this file lists tables, not codes.
 */
import { commonFindings } from '../findings/common-codes';
import type { CodeOf, FindingWording, StepFindings } from '../findings/define';
import { clockFindings } from './1-clocks/finding-codes';
import { replicationFindings } from './2-replication/finding-codes';
import { spnFindings } from './3-spns/finding-codes';
import { portsFindings } from './4-ports/finding-codes';
import { kerberosLoggingFindings } from './5-kerberos-logging/finding-codes';
import { connectorsFindings } from './6-receive-connectors/finding-codes';

const TABLES = [
  commonFindings,
  clockFindings,
  replicationFindings,
  spnFindings,
  portsFindings,
  kerberosLoggingFindings,
  connectorsFindings,
] as const;

/** Every table of codes: the common ones, then steps 1 to 6. */
export const FINDING_TABLES: readonly StepFindings<string>[] = TABLES;

/** Every code a table declares: what a check may emit (CheckContext.emit) and a tool run may yield. */
export type FindingCode = CodeOf<(typeof TABLES)[number]>;

const byCode = new Map<string, FindingWording>();
for (const table of FINDING_TABLES)
  for (const [code, wording] of Object.entries<FindingWording>(table.wording)) byCode.set(code, wording);

/** The English wording of a code, or undefined for a code no table declares. */
export function wordingOf(code: string): FindingWording | undefined {
  return byCode.get(code);
}

/** True when a table declares the code (a report read back from JSON is checked with this). */
export function isFindingCode(code: unknown): code is FindingCode {
  return typeof code === 'string' && byCode.has(code);
}

/** Every declared code. */
export function allFindingCodes(): string[] {
  return [...byCode.keys()];
}
