/** From the pure analysis types (src/core/evidence) to LSP types. */
import { DiagnosticSeverity, DocumentSymbol, SymbolKind, type Diagnostic, type Range } from 'vscode-languageserver';
import type { EvidenceFinding, EvidenceSymbol, HostEnd, TextRange } from '../shared/evidence-model';
import { KB_URL } from '../core/evidence/steps';
import { render, type Lang } from '../core/l10n/render';

export const SOURCE = 'Exchange Auth Doctor';

export function toRange(r: TextRange): Range {
  return { start: { line: r.line, character: r.start }, end: { line: r.endLine ?? r.line, character: r.end } };
}

/** What a diagnostic carries for code actions. */
export interface DiagnosticData {
  steps: number[];
  sending?: HostEnd;
  receiving?: HostEnd;
}

const SEVERITY = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
} as const;

export function toDiagnostic(f: EvidenceFinding, lang: Lang = 'en'): Diagnostic {
  const data: DiagnosticData = {
    steps: f.steps,
    ...(f.sending ? { sending: f.sending } : {}),
    ...(f.receiving ? { receiving: f.receiving } : {}),
  };
  return {
    range: toRange(f.range),
    severity: SEVERITY[f.severity],
    source: SOURCE,
    code: f.code,
    ...(f.steps.length ? { codeDescription: { href: KB_URL } } : {}),
    message: f.text ? render(lang, f.text) : f.message,
    data,
  };
}

const KIND = {
  session: SymbolKind.Event,
  hop: SymbolKind.Field,
  queue: SymbolKind.Array,
  event: SymbolKind.Event,
  'header-block': SymbolKind.Namespace,
} as const;

export function toSymbol(s: EvidenceSymbol): DocumentSymbol {
  const range = toRange(s.range);
  let selection = toRange(s.selection);
  // LSP wants the selection inside the range.
  if (selection.start.line < range.start.line || selection.end.line > range.end.line)
    selection = { start: range.start, end: range.start };
  return DocumentSymbol.create(s.name || '?', s.detail, KIND[s.kind], range, selection, s.children?.map(toSymbol));
}
