/** One entry point: detect the kind of evidence, run its analyser, never throw. */
import { addBounceEnds } from './bounce';
import { detectEvidenceKind } from './detect';
import { genericFindings } from './generic';
import { analyseHeaders, DEFAULT_HEADER_OPTIONS, type HeaderOptions } from './headers';
import { iterateLines, longLineFinding, MAX_ANALYSED_LINE } from './lines';
import type { EvidenceAnalysis, EvidenceFinding, EvidenceKind } from '../../shared/evidence-model';
import { analyseProtocolLog } from './protocol-log';
import { analyseQueue } from './queue';
import { analyseTrackingLog } from './tracking-log';
import { analyseWindowsEvents } from './windows-events';
import { worded } from '../l10n/render';

export interface AnalyseOptions extends HeaderOptions {
  fileName?: string;
  /** Use this kind instead of detecting one (e.g. from the document's language). */
  kind?: EvidenceKind;
}

/** Notes on lines cut for analysis, for the analysers that do not report them themselves. */
function longLineNotes(text: string): EvidenceFinding[] {
  const out: EvidenceFinding[] = [];
  for (const line of iterateLines(text, 0)) {
    if (line.length <= MAX_ANALYSED_LINE) continue;
    out.push(longLineFinding(line));
    if (out.length >= 50) break;
  }
  return out;
}

export function analyseEvidence(text: string, options: Partial<AnalyseOptions> = {}): EvidenceAnalysis {
  const result = analyseKind(text, options);
  if (
    result.kind === 'headers' ||
    result.kind === 'queue' ||
    result.kind === 'windows-events' ||
    result.kind === 'unknown'
  )
    result.findings.push(...longLineNotes(text));
  return result;
}

function analyseKind(text: string, options: Partial<AnalyseOptions>): EvidenceAnalysis {
  const kind = options.kind && options.kind !== 'unknown' ? options.kind : detectEvidenceKind(text, options.fileName);
  try {
    switch (kind) {
      case 'smtp-receive-log':
      case 'smtp-send-log': {
        const a = analyseProtocolLog(text, options.fileName ?? (kind === 'smtp-send-log' ? 'SEND.LOG' : 'RECV.LOG'), {
          ...DEFAULT_HEADER_OPTIONS,
          ...pick(options),
        });
        return a;
      }
      case 'tracking-log':
        return analyseTrackingLog(text);
      case 'headers': {
        // A bounce saved as .eml: its DSN fields name the two ends of the failure it reports.
        const a = analyseHeaders(text, { ...DEFAULT_HEADER_OPTIONS, ...pick(options) });
        addBounceEnds(text, a.findings);
        return a;
      }
      case 'queue':
        return analyseQueue(text);
      case 'windows-events':
        return analyseWindowsEvents(text);
      default: {
        const findings = genericFindings(text);
        addBounceEnds(text, findings);
        return { kind: 'unknown', findings, symbols: [], hosts: [] };
      }
    }
  } catch (e) {
    // A parser bug must not take the language server down: report it on the first line.
    return {
      kind,
      findings: [
        {
          code: 'malformed',
          severity: 'information',
          range: { line: 0, start: 0, end: 0 },
          ...worded('ev.analysis-failed', { reason: e instanceof Error ? e.message : String(e) }),
          steps: [],
        },
      ],
      symbols: [],
      hosts: [],
    };
  }
}

function pick(o: Partial<AnalyseOptions>): Partial<HeaderOptions> {
  const out: Partial<HeaderOptions> = {};
  if (typeof o.clockWarningSeconds === 'number') out.clockWarningSeconds = o.clockWarningSeconds;
  if (typeof o.clockToleranceMinutes === 'number') out.clockToleranceMinutes = o.clockToleranceMinutes;
  return out;
}
