/**
 * One step's section on every state: its status badge, and its findings with their evidence and
 * remedies (copy, run), most severe first.
 */
import type { Finding, Remedy, Step } from '../../src/shared/findings';
import { type StepState } from '../../src/shared/walkthrough-protocol';
import { STATUS_LABEL } from './content';
import { h, replaceChildren, t, table } from './dom';
import { post } from './host';

export function statusBadge(status: StepState['status'] | 'idle'): HTMLElement {
  return h('span', { class: `badge status-${status}` }, t(STATUS_LABEL[status]));
}

function remedyBlock(step: Step, fi: number, ri: number, r: Remedy): HTMLElement {
  const copy = h(
    'vscode-button',
    { secondary: '', class: 'copy', 'aria-label': `${t('Copy')}: ${r.summary}` },
    t('Copy'),
  );
  copy.addEventListener('click', () => post({ type: 'copyRemedy', step, finding: fi, remedy: ri }));
  const run = h(
    'vscode-button',
    { class: 'run', 'aria-label': `${t('Run in terminal')}: ${r.summary}` },
    t('Run in terminal'),
  );
  run.addEventListener('click', () => post({ type: 'runRemedy', step, finding: fi, remedy: ri }));
  return h(
    'div',
    { class: 'remedy' },
    h(
      'p',
      {},
      h('span', { dir: 'auto' }, r.summary),
      ' ',
      h(
        'span',
        { class: r.changesState ? 'changes' : 'readonly' },
        r.changesState ? t('Changes the server') : t('Read-only'),
      ),
      ' · ',
      // The place in the panel's language where it is words of ours; the panel matches the remedy by index.
      t('Run on {0}', r.runOnWorded ?? r.runOn),
    ),
    h('pre', {}, h('code', {}, r.command)),
    h('div', { class: 'actions' }, copy, run),
  );
}

function findingBlock(step: Step, f: Finding, index: number): HTMLElement {
  // Findings come from the engine in English: `dir="auto"` keeps them left to right in a Hebrew panel.
  const parts: (HTMLElement | string)[] = [
    h('h4', {}, statusBadge(f.severity), ' ', h('span', { dir: 'auto' }, `${f.subject.name}: ${f.title}`)),
  ];
  if (f.reason)
    parts.push(
      h('p', { class: 'reason' }, `${t('Why it could not be checked')}: `, h('span', { dir: 'auto' }, f.reason)),
    );
  if (f.explanation) parts.push(h('p', { dir: 'auto' }, f.explanation));
  if (f.evidence.length) {
    // The source is the column to give up when the panel is narrow (it stays in the row's tooltip).
    parts.push(
      table(
        [t('Observed'), t('Value'), t('Source'), t('When')],
        f.evidence.map((e) => [e.label, e.value, e.source, e.observedAt]),
        t('Evidence'),
        { optional: [2], rowTitle: (r) => `${t('Source')}: ${r[2] ?? ''}` },
      ),
    );
  }
  for (const tb of f.tables ?? []) parts.push(table(tb.columns, tb.rows, tb.caption));
  f.remedies.forEach((r, ri) => parts.push(remedyBlock(step, index, ri, r)));
  return h(
    'article',
    {
      class: `finding severity-${f.severity}`,
      'data-code': f.code,
      'aria-label': `${t(STATUS_LABEL[f.severity])}: ${f.title}`,
    },
    ...parts,
  );
}

const ORDER: Record<string, number> = { error: 0, warning: 1, unknown: 2, ok: 3 };

export function updateStep(s: StepState): void {
  const section = document.getElementById(`step-${s.step}`);
  if (!section) return;
  section.setAttribute('data-status', s.status);
  section.setAttribute('aria-busy', String(s.status === 'running'));
  replaceChildren(document.getElementById(`status-${s.step}`), statusBadge(s.status));
  replaceChildren(document.getElementById(`nav-status-${s.step}`), statusBadge(s.status));
  const region = document.getElementById(`findings-${s.step}`);
  const indexed = s.findings
    .map((f, i) => ({ f, i }))
    .sort((a, b) => (ORDER[a.f.severity] ?? 9) - (ORDER[b.f.severity] ?? 9));
  if (!indexed.length) {
    replaceChildren(
      region,
      h(
        'p',
        { class: 'empty' },
        s.status === 'running' ? t('Checking…') : t('No findings yet. Run the check to see what it finds.'),
      ),
    );
    return;
  }
  // What passed is folded away once something needs attention, so the faults stand out.
  const problems = indexed.filter(({ f }) => f.severity !== 'ok');
  const passed = indexed.filter(({ f }) => f.severity === 'ok');
  const blocks: HTMLElement[] = problems.map(({ f, i }) => findingBlock(s.step, f, i));
  if (passed.length && problems.length) {
    blocks.push(
      h(
        'details',
        { class: 'passed' },
        h('summary', {}, t('Passed checks: {0}', passed.length)),
        ...passed.map(({ f, i }) => findingBlock(s.step, f, i)),
      ),
    );
  } else blocks.push(...passed.map(({ f, i }) => findingBlock(s.step, f, i)));
  replaceChildren(region, ...blocks);
}
