/**
 * The walkthrough's export for a change ticket: what was checked, when, against what, the
 * symptom that started it, the findings with their evidence, and the commands run or copied from
 * the panel. Markdown reuses the core's report; HTML is one self-contained file (inline style, no
 * script, no external resource). Pure (no `vscode`); secrets are masked by the caller's list.
 */
import { renderMarkdown, mdCode, mdText } from '../report/markdown';
import { redactDeep, redactSecrets, type ReportMeta } from '../report/meta';
import { groupByStep } from '../report/markdown';
import { STEP_TITLES, type Finding, type Severity, type Verdict } from '../../shared/findings';
import type { WalkthroughScope, WalkthroughState } from '../../shared/walkthrough-protocol';
import { buildVerdict } from '../engine/verdict';
import { allFindings } from './panel-state';

export interface ExportContext {
  tool: { name: string; version: string };
  directoryUrl?: string;
  platform?: string;
  /** Strings that must never appear in the output (the bind password). */
  secrets?: readonly string[];
  /** Time of the export (ISO). */
  now: string;
}

export function scopeText(scope: WalkthroughScope | undefined): string {
  if (!scope || scope.kind === 'organisation') return 'organisation';
  if (scope.kind === 'server') return `server ${scope.server}`;
  return `${scope.sending} -> ${scope.receiving}`;
}

function scopeServers(state: WalkthroughState): string[] {
  const s = state.scope;
  if (!s || s.kind === 'organisation') return state.servers;
  return s.kind === 'server' ? [s.server] : [s.sending, s.receiving];
}

export function reportMeta(state: WalkthroughState, ctx: ExportContext): ReportMeta {
  const meta: ReportMeta = {
    tool: ctx.tool,
    startedAt: state.startedAt ?? ctx.now,
    scope: scopeText(state.scope),
    servers: scopeServers(state),
    steps: state.steps.filter((s) => s.status !== 'idle').map((s) => s.step),
  };
  if (state.finishedAt) meta.finishedAt = state.finishedAt;
  if (ctx.directoryUrl) meta.directoryUrl = ctx.directoryUrl;
  if (ctx.platform) meta.platform = ctx.platform;
  return meta;
}

function verdictOf(state: WalkthroughState, now: string): Verdict {
  return state.verdict ?? buildVerdict(allFindings(state), state.startedAt ?? now, state.finishedAt ?? now);
}

export function renderWalkthroughMarkdown(state: WalkthroughState, ctx: ExportContext): string {
  const findings = allFindings(state);
  const body = renderMarkdown(findings, verdictOf(state, ctx.now), reportMeta(state, ctx), {
    secrets: ctx.secrets ?? [],
  });
  const extra: string[] = [];
  if (state.symptom?.text.trim()) {
    extra.push('## Symptom as reported', '', mdCode(state.symptom.text.trim()));
    for (const f of state.symptom.facts) extra.push(`- ${mdText(f.label)}: ${mdText(f.value)}`);
  }
  extra.push('', '## Steps', '');
  for (const s of state.steps)
    extra.push(
      `- Step ${s.step} (${mdText(STEP_TITLES[s.step])}): ${s.status}${s.checkedAt ? `, checked ${s.checkedAt}` : ''}`,
    );
  extra.push('', '## Commands run or copied from the walkthrough', '');
  if (!state.commands.length) extra.push('None.');
  for (const c of state.commands) {
    extra.push(
      `- ${c.at}, ${c.how === 'terminal' ? 'run in a terminal' : 'copied'}, on ${mdText(c.runOn)}${c.changesState ? ' (changes the server)' : ''}:`,
      '',
      mdCode(c.command)
        .split('\n')
        .map((l) => `  ${l}`)
        .join('\n'),
    );
  }
  extra.push('', `Exported ${ctx.now}.`);
  return redactSecrets(`${body}\n${redactSecrets(extra.join('\n'), ctx.secrets)}\n`, ctx.secrets);
}

export function escapeHtml(s: string): string {
  return s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

const MARK: Record<Severity, string> = { error: '✖', warning: '⚠', unknown: '?', ok: '✔' };

function htmlTable(columns: readonly string[], rows: readonly (readonly string[])[], caption?: string): string {
  const head = columns.map((c) => `<th scope="col">${escapeHtml(c)}</th>`).join('');
  const body = rows
    .map((r) => `<tr>${columns.map((_c, i) => `<td>${escapeHtml(r[i] ?? '')}</td>`).join('')}</tr>`)
    .join('');
  return `<table>${caption ? `<caption>${escapeHtml(caption)}</caption>` : ''}<thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>`;
}

function htmlFinding(f: Finding): string {
  const parts = [
    `<article class="finding ${f.severity}"><h3>${MARK[f.severity]} ${escapeHtml(f.severity)}: ${escapeHtml(f.subject.name)}: ${escapeHtml(f.title)}</h3>`,
  ];
  parts.push(
    `<p class="code"><code>${escapeHtml(f.code)}</code>${f.subject.id ? ` · ${escapeHtml(f.subject.id)}` : ''}</p>`,
  );
  if (f.reason) parts.push(`<p><strong>Why unknown:</strong> ${escapeHtml(f.reason)}</p>`);
  if (f.explanation) parts.push(`<p>${escapeHtml(f.explanation)}</p>`);
  if (f.evidence.length)
    parts.push(
      htmlTable(
        ['Observed', 'Value', 'Source', 'When'],
        f.evidence.map((e) => [e.label, e.value, e.source, e.observedAt]),
      ),
    );
  for (const t of f.tables ?? []) parts.push(htmlTable(t.columns, t.rows, t.caption));
  for (const r of f.remedies) {
    parts.push(
      `<p>${escapeHtml(r.summary)} (${r.changesState ? '<strong>changes the server</strong>' : 'read-only'}; run on ${escapeHtml(r.runOn)}):</p><pre><code>${escapeHtml(r.command)}</code></pre>`,
    );
  }
  parts.push('</article>');
  return parts.join('\n');
}

const STYLE = `body{font:14px/1.5 system-ui,sans-serif;margin:2em auto;max-width:60em;padding:0 1em;color:#1f1f1f;background:#fff}
h1{font-size:1.5em}h2{border-bottom:1px solid #ccc;padding-bottom:.2em;margin-top:2em}h3{font-size:1.05em}
table{border-collapse:collapse;margin:.5em 0;width:100%}th,td{border:1px solid #ccc;padding:.25em .5em;text-align:start;vertical-align:top;word-break:break-word}
caption{text-align:start;font-style:italic}pre{background:#f4f4f4;padding:.5em;overflow-x:auto;white-space:pre-wrap}
.finding{border-inline-start:4px solid #999;padding-inline-start:.8em;margin:1em 0}.error{border-color:#c62828}.warning{border-color:#b26a00}.ok{border-color:#2e7d32}.unknown{border-color:#757575}
@media (prefers-color-scheme:dark){body{background:#1e1e1e;color:#ddd}pre{background:#2a2a2a}th,td{border-color:#444}}`;

export function renderWalkthroughHtml(plain: WalkthroughState, ctx: ExportContext): string {
  const state = redactDeep(plain, ctx.secrets);
  const meta = reportMeta(state, ctx);
  const verdict = verdictOf(state, ctx.now);
  const out: string[] = [];
  out.push('<!DOCTYPE html>', '<html lang="en">', '<head>', '<meta charset="utf-8">');
  out.push(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`);
  out.push(
    '<title>Exchange authentication diagnosis (454 4.7.0)</title>',
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
  );
  out.push('<h1>Exchange authentication diagnosis (454 4.7.0)</h1>', '<ul>');
  out.push(
    `<li>Checked: ${escapeHtml(meta.scope)}${meta.servers.length ? `, servers ${escapeHtml(meta.servers.join(', '))}` : ''}</li>`,
  );
  if (meta.directoryUrl) out.push(`<li>Directory: ${escapeHtml(meta.directoryUrl)}</li>`);
  out.push(`<li>Steps: ${escapeHtml(meta.steps.join(', ') || 'none')}</li>`);
  out.push(
    `<li>Started: ${escapeHtml(meta.startedAt)}${meta.finishedAt ? `, finished: ${escapeHtml(meta.finishedAt)}` : ''}</li>`,
  );
  out.push(
    `<li>Tool: ${escapeHtml(`${meta.tool.name} ${meta.tool.version}`)}${meta.platform ? ` on ${escapeHtml(meta.platform)}` : ''}</li>`,
    '</ul>',
  );
  if (state.symptom?.text.trim()) {
    out.push('<h2>Symptom as reported</h2>', `<pre><code>${escapeHtml(state.symptom.text.trim())}</code></pre>`);
    if (state.symptom.facts.length)
      out.push(
        htmlTable(
          ['Read', 'Value'],
          state.symptom.facts.map((f) => [f.label, f.value]),
        ),
      );
  }
  out.push(`<h2>Verdict: ${MARK[verdict.overall]} ${escapeHtml(verdict.overall)}</h2>`);
  out.push(
    `<p>Findings: ${(['error', 'warning', 'unknown', 'ok'] as const).map((s) => `${verdict.counts[s] ?? 0} ${s}`).join(', ')}.</p>`,
  );
  if (verdict.causes.length) {
    out.push('<p>Likely causes, most likely first:</p><ol>');
    for (const c of verdict.causes)
      out.push(`<li>Step ${c.step} (${escapeHtml(STEP_TITLES[c.step])}): ${escapeHtml(c.summary)}</li>`);
    out.push('</ol>');
  }
  out.push(
    htmlTable(
      ['Step', 'Status', 'Checked'],
      state.steps.map((s) => [`${s.step}. ${STEP_TITLES[s.step]}`, s.status, s.checkedAt ?? '']),
    ),
  );
  for (const [step, list] of groupByStep(allFindings(state))) {
    out.push(`<h2>Step ${step}: ${escapeHtml(STEP_TITLES[step])}</h2>`);
    for (const f of list) out.push(htmlFinding(f));
  }
  out.push('<h2>Commands run or copied from the walkthrough</h2>');
  if (!state.commands.length) out.push('<p>None.</p>');
  else
    out.push(
      htmlTable(
        ['When', 'How', 'Run on', 'Changes the server', 'Command'],
        state.commands.map((c) => [c.at, c.how, c.runOn, c.changesState ? 'yes' : 'no', c.command]),
      ),
    );
  out.push(`<p>Exported ${escapeHtml(ctx.now)}.</p>`, '</body>', '</html>');
  return redactSecrets(out.join('\n') + '\n', ctx.secrets);
}
