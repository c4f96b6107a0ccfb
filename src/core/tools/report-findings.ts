/**
 * Findings from the CLI's `diagnose --json` report read back from a terminal: on macOS and Linux it stands in for the Windows tools. Pure.
 */
import type { Finding } from '../../shared/findings';
import { cleanTerminalOutput } from '../parsers/terminal-clean';
import { unrecognisedFinding, type ToolContext } from './tool-output';
import { isFindingCode, type FindingCode } from '../steps/finding-codes';

/** The CLI's `diagnose --json` report as it came through a terminal: its findings. */
export function reportFindings(raw: string, exitCode: number | undefined, ctx: ToolContext): Finding<FindingCode>[] {
  const text = cleanTerminalOutput(raw);
  const start = text.indexOf('{');
  const end = text.lastIndexOf('}');
  try {
    if (start < 0 || end <= start) throw new Error('no JSON object in the output');
    const report = JSON.parse(text.slice(start, end + 1)) as { findings?: unknown };
    if (!Array.isArray(report.findings)) throw new Error('the report has no findings array');
    return (report.findings as Finding<FindingCode>[]).filter(
      (f) => isFindingCode(f.code) && typeof f.step === 'number' && typeof f.severity === 'string',
    );
  } catch (e) {
    return [
      unrecognisedFinding(
        ctx,
        1,
        'exchange-auth-doctor diagnose',
        e instanceof Error ? e.message : String(e),
        raw,
        exitCode,
      ),
    ];
  }
}
