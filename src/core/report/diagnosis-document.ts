/**
 * The text of a diagnosis document (the Markdown report of one run) and the line of each finding
 * in it, so problems can point at the finding they are about. Pure (no `vscode`): the report comes
 * from src/core/report/markdown.ts, which renders the findings of each step worst first, one
 * `### ` heading each, in the order groupByStep gives.
 */
import type { Finding, Step, Verdict } from '../../shared/findings';
import { groupByStep, renderMarkdown } from './markdown';
import type { ReportMeta } from './meta';

export interface DiagnosisDocument {
  text: string;
  /** Each finding with the line (0-based) of its heading. */
  lines: { finding: Finding; line: number }[];
}

export interface DocumentRun {
  findings: readonly Finding[];
  verdict: Verdict;
  startedAt: string;
  steps: readonly Step[];
  servers: readonly string[];
  scopeText: string;
}

export function diagnosisDocument(
  run: DocumentRun,
  tool: { name: string; version: string },
  directoryUrl: string | undefined,
  secrets: readonly string[],
): DiagnosisDocument {
  const meta: ReportMeta = {
    tool,
    startedAt: run.startedAt,
    finishedAt: run.verdict.finishedAt,
    scope: run.scopeText,
    servers: [...run.servers],
    steps: [...run.steps],
    ...(directoryUrl ? { directoryUrl } : {}),
  };
  const text = renderMarkdown(run.findings, run.verdict, meta, { secrets });
  const headings = text
    .split('\n')
    .map((l, i) => ({ l, i }))
    .filter(({ l }) => l.startsWith('### '))
    .map(({ i }) => i);
  const ordered = [...groupByStep(run.findings).values()].flat();
  return { text, lines: ordered.map((finding, k) => ({ finding, line: headings[k] ?? 0 })) };
}
