/**
 * The Markdown report: a header saying what was checked, the verdict with its ranked causes, then
 * the findings grouped by step (worst first), each with its evidence, tables and the exact remedy
 * commands. Everything from a server is escaped: table cells cannot break the table, text cannot
 * inject HTML or links, and code fences are longer than any backtick run inside them.
 */
import {
  SEVERITY_ORDER,
  STEP_TITLES,
  type Finding,
  type Severity,
  type Step,
  type Verdict,
} from '../../shared/findings';
import { sanitizeForTerminal } from '../safety/terminal-text';
import { redactDeep, redactSecrets, type ReportMeta } from './meta';
import type { RenderOptions } from './json';

const SEVERITY_LABEL: Record<Severity, string> = { error: 'Error', warning: 'Warning', unknown: 'Unknown', ok: 'OK' };
const SEVERITY_MARK: Record<Severity, string> = { error: '❌', warning: '⚠️', unknown: '❔', ok: '✅' };

/** Plain text for Markdown prose: control characters visible, Markdown and HTML metacharacters escaped. */
export function mdText(value: string): string {
  return sanitizeForTerminal(value).replace(/[\\`*_{}[\]()<>#+!|~]/g, (c) => `\\${c}`);
}

/** A table cell: as mdText, with line breaks turned into spaces. */
export function mdCell(value: string): string {
  return mdText(value.replace(/\r?\n/g, ' ')).trim() || ' ';
}

/** A fenced code block whose fence no backtick run inside can close. */
export function mdCode(code: string, lang = ''): string {
  const longest = Math.max(0, ...[...code.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(Math.max(3, longest + 1));
  return `${fence}${lang}\n${sanitizeForTerminal(code)}\n${fence}`;
}

function table(columns: readonly string[], rows: readonly (readonly string[])[]): string {
  const head = `| ${columns.map(mdCell).join(' | ')} |`;
  const sep = `| ${columns.map(() => '---').join(' | ')} |`;
  const body = rows.map((r) => `| ${columns.map((_c, i) => mdCell(r[i] ?? '')).join(' | ')} |`);
  return [head, sep, ...body].join('\n');
}

function renderFinding(f: Finding): string {
  const parts: string[] = [];
  parts.push(
    `### ${SEVERITY_MARK[f.severity]} ${SEVERITY_LABEL[f.severity]}: ${mdText(f.subject.name)}: ${mdText(f.title)}`,
  );
  parts.push(`\`${f.code.replace(/`/g, '')}\`${f.subject.id ? ` · ${mdText(f.subject.id)}` : ''}`);
  if (f.reason) parts.push(`**Why unknown:** ${mdText(f.reason)}`);
  if (f.explanation) parts.push(mdText(f.explanation));
  if (f.evidence.length) {
    parts.push(
      table(
        ['Observed', 'Value', 'Source', 'When'],
        f.evidence.map((e) => [e.label, e.value, e.source, e.observedAt]),
      ),
    );
  }
  for (const t of f.tables ?? []) parts.push(`*${mdText(t.caption)}*\n\n${table(t.columns, t.rows)}`);
  for (const r of f.remedies) {
    const effect = r.changesState ? '**changes the server**' : 'read-only';
    parts.push(
      `- ${mdText(r.summary)} (${effect}; run on ${mdText(r.runOn)}):\n\n${indent(mdCode(r.command, r.shell === 'cmd' ? 'bat' : r.shell === 'posix' ? 'sh' : 'powershell'))}`,
    );
  }
  return parts.join('\n\n');
}

function indent(text: string): string {
  return text
    .split('\n')
    .map((l) => `  ${l}`)
    .join('\n');
}

function renderVerdict(verdict: Verdict): string {
  const counts = (['error', 'warning', 'unknown', 'ok'] as const)
    .map((s) => `${verdict.counts[s] ?? 0} ${SEVERITY_LABEL[s].toLowerCase()}`)
    .join(', ');
  const lines = [
    `## Verdict: ${SEVERITY_MARK[verdict.overall]} ${SEVERITY_LABEL[verdict.overall]}`,
    '',
    `Findings: ${counts}.`,
  ];
  if (verdict.causes.length) {
    lines.push('', 'Likely causes, most likely first:', '');
    verdict.causes.forEach((c, i) =>
      lines.push(`${i + 1}. Step ${c.step} (${mdText(STEP_TITLES[c.step])}): ${mdText(c.summary)}`),
    );
  }
  return lines.join('\n');
}

/** Findings of each step, worst first; steps in order. */
export function groupByStep(findings: readonly Finding[]): Map<Step, Finding[]> {
  const groups = new Map<Step, Finding[]>();
  for (const f of findings) groups.set(f.step, [...(groups.get(f.step) ?? []), f]);
  for (const list of groups.values()) list.sort((a, b) => SEVERITY_ORDER[b.severity] - SEVERITY_ORDER[a.severity]);
  return new Map([...groups.entries()].sort(([a], [b]) => a - b));
}

export function renderMarkdown(
  allFindings: readonly Finding[],
  allVerdict: Verdict,
  allMeta: ReportMeta,
  options: RenderOptions = {},
): string {
  // Secrets are masked in the data first: escaping could otherwise split one so it is not found.
  const { findings, verdict, meta } = redactDeep(
    { findings: allFindings, verdict: allVerdict, meta: allMeta },
    options.secrets,
  );
  const out: string[] = ['# Exchange authentication diagnosis (454 4.7.0)', ''];
  out.push(
    `- Checked: ${mdText(meta.scope)}${meta.servers.length ? `, servers ${mdText(meta.servers.join(', '))}` : ''}`,
  );
  if (meta.directoryUrl) out.push(`- Directory: ${mdText(meta.directoryUrl)}`);
  out.push(`- Steps: ${meta.steps.join(', ')}`);
  out.push(`- Started: ${mdText(meta.startedAt)}${meta.finishedAt ? `, finished: ${mdText(meta.finishedAt)}` : ''}`);
  out.push(
    `- Tool: ${mdText(meta.tool.name)} ${mdText(meta.tool.version)}${meta.platform ? ` on ${mdText(meta.platform)}` : ''}`,
  );
  out.push('', renderVerdict(verdict));
  for (const [step, list] of groupByStep(findings)) {
    out.push('', `## Step ${step}: ${mdText(STEP_TITLES[step])}`);
    for (const f of list) out.push('', renderFinding(f));
  }
  return redactSecrets(out.join('\n') + '\n', options.secrets);
}
