/**
 * The analysis of each open document, computed once per version and kept while the document is
 * open. Which analyser runs follows the document's language, then its content and file name.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { analyseEvidence } from '../core/evidence/analyse';
import type { EvidenceAnalysis, EvidenceKind } from '../shared/evidence-model';
import { collectFieldDirectives } from '../core/evidence/w3c';
import { EVIDENCE_LANGUAGES, type EvidenceSettings } from '../shared/evidence-protocol';
import { worded } from '../core/l10n/render';

/** Larger documents get no analysis (the folder scan reads them from disk instead). */
export const MAX_ANALYSED_DOCUMENT = 64 * 1024 * 1024;

export interface DocumentAnalysis extends EvidenceAnalysis {
  version: number;
  fieldDirectives: { line: number; fields: string[] }[];
}

function kindHint(languageId: string): EvidenceKind | undefined {
  switch (languageId) {
    case EVIDENCE_LANGUAGES.trackingLog:
      return 'tracking-log';
    case EVIDENCE_LANGUAGES.headers:
      return 'headers';
    case EVIDENCE_LANGUAGES.queue:
      return 'queue';
    case EVIDENCE_LANGUAGES.events:
      return 'windows-events';
    default:
      return undefined;
  }
}

export function fileNameOf(uri: string): string {
  try {
    return decodeURIComponent(new URL(uri).pathname.replace(/^.*\//, ''));
  } catch {
    return uri.replace(/^.*[\\/]/, '');
  }
}

export class AnalysisCache {
  private readonly cache = new Map<string, DocumentAnalysis>();

  constructor(private readonly settings: () => EvidenceSettings) {}

  get(doc: TextDocument): DocumentAnalysis {
    const hit = this.cache.get(doc.uri);
    if (hit && hit.version === doc.version) return hit;
    const text = doc.getText();
    let analysis: EvidenceAnalysis;
    if (text.length > MAX_ANALYSED_DOCUMENT) {
      analysis = {
        kind: 'unknown',
        findings: [
          {
            code: 'long-line',
            severity: 'information',
            range: { line: 0, start: 0, end: 0 },
            ...worded('ev.too-large', { mb: MAX_ANALYSED_DOCUMENT / 1048576 }),
            steps: [],
          },
        ],
        symbols: [],
        hosts: [],
      };
    } else {
      const s = this.settings();
      const hint = kindHint(doc.languageId);
      analysis = analyseEvidence(text, {
        fileName: fileNameOf(doc.uri),
        ...(hint ? { kind: hint } : {}),
        clockWarningSeconds: s.clockWarningSeconds,
        clockToleranceMinutes: s.clockToleranceMinutes,
      });
      // The manifest's firstLine rule puts every Exchange W3C log here; only those without a
      // #Log-type line are read as protocol logs (other log types get the generic failure search).
      if (
        doc.languageId === EVIDENCE_LANGUAGES.protocolLog &&
        analysis.kind === 'unknown' &&
        !/^\uFEFF?#Log-type:/m.test(text.slice(0, 4096))
      ) {
        analysis = analyseEvidence(text, { fileName: fileNameOf(doc.uri), kind: 'smtp-receive-log' });
      }
    }
    const isLog =
      analysis.kind === 'smtp-receive-log' || analysis.kind === 'smtp-send-log' || analysis.kind === 'tracking-log';
    const result: DocumentAnalysis = {
      ...analysis,
      version: doc.version,
      fieldDirectives: isLog ? collectFieldDirectives(text) : [],
    };
    this.cache.set(doc.uri, result);
    return result;
  }

  peek(uri: string): DocumentAnalysis | undefined {
    return this.cache.get(uri);
  }

  delete(uri: string): void {
    this.cache.delete(uri);
  }

  clear(): void {
    this.cache.clear();
  }
}

/** The `#Fields:` list in force at `line`. */
export function fieldsAt(analysis: DocumentAnalysis, line: number, defaults: string[]): string[] {
  let fields = defaults;
  for (const d of analysis.fieldDirectives) {
    if (d.line < line) fields = d.fields;
    else break;
  }
  return fields;
}
