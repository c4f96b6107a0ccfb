/**
 * Content detection the manifest cannot express: a plain-text or `.log` document (or one the
 * manifest's firstLine rule put in the protocol log language) whose content is Exchange evidence
 * gets the right evidence language. Reads only the first lines.
 */
import * as vscode from 'vscode';
import { detectEvidenceKind } from '../../core/evidence/detect';
import { EVIDENCE_LANGUAGES, LANGUAGE_OF_KIND } from '../../shared/evidence-protocol';

const CANDIDATES = new Set(['plaintext', 'log', 'xml', EVIDENCE_LANGUAGES.protocolLog]);
const HEAD_LINES = 64;

export async function detectLanguage(doc: vscode.TextDocument): Promise<void> {
  if (!CANDIDATES.has(doc.languageId) || (doc.uri.scheme !== 'file' && doc.uri.scheme !== 'untitled')) return;
  const head = doc.getText(new vscode.Range(0, 0, Math.min(doc.lineCount, HEAD_LINES), 0));
  const language = LANGUAGE_OF_KIND[detectEvidenceKind(head, doc.uri.path)];
  if (language && language !== doc.languageId) await vscode.languages.setTextDocumentLanguage(doc, language);
}

export function registerLanguageDetection(log: vscode.LogOutputChannel): vscode.Disposable {
  const run = (doc: vscode.TextDocument): void => {
    detectLanguage(doc).catch((e: unknown) =>
      log.warn(`evidence: language detection failed for ${doc.uri.toString()}: ${String(e)}`),
    );
  };
  vscode.workspace.textDocuments.forEach(run);
  const pending = new Map<string, NodeJS.Timeout>();
  return vscode.Disposable.from(
    vscode.workspace.onDidOpenTextDocument(run),
    // Pasted text in an untitled editor: look again shortly after edits.
    vscode.workspace.onDidChangeTextDocument((e) => {
      const doc = e.document;
      if (doc.uri.scheme !== 'untitled' || doc.languageId !== 'plaintext') return;
      const key = doc.uri.toString();
      clearTimeout(pending.get(key));
      pending.set(
        key,
        setTimeout(() => {
          pending.delete(key);
          run(doc);
        }, 300),
      );
    }),
    { dispose: () => pending.forEach((t) => clearTimeout(t)) },
  );
}
