/**
 * The walkthrough webview: renders the state the extension host sends and posts the user's
 * actions back (src/shared/walkthrough-protocol.ts). Holds no logic beyond presentation: the host
 * recognises symptoms, runs checks and remedies. Bundled for the browser by scripts/build.mjs into
 * dist/webview/walkthrough.js. Every text goes through `t()` with the strings of the chosen
 * language; data from servers is only ever set as text, never as HTML.
 */
import '@vscode-elements/elements/dist/vscode-button/index.js';
import '@vscode-elements/elements/dist/vscode-textarea/index.js';
import '@vscode-elements/elements/dist/vscode-single-select/index.js';
import '@vscode-elements/elements/dist/vscode-option/index.js';
import '@vscode-elements/elements/dist/vscode-badge/index.js';
import '@vscode-elements/elements/dist/vscode-progress-ring/index.js';
import '@vscode-elements/elements/dist/vscode-radio-group/index.js';
import '@vscode-elements/elements/dist/vscode-radio/index.js';
import type { Finding, Remedy, Step } from '../../src/shared/findings';
import {
  LANGUAGES,
  progressOf,
  type HostToWebview,
  type Language,
  type RenderedSnapshot,
  type Strings,
  type StepState,
  type WalkthroughScope,
  type WalkthroughState,
  type WebviewToHost,
} from '../../src/shared/walkthrough-protocol';
import { LANGUAGE_NAMES, STATUS_LABEL, STEP_CONTENT, SYMPTOM_STEP } from './content';
import { h, replaceChildren, t, setStrings, table } from './dom';
import { fullTime, shortTime } from './time';
import { symptomResult } from './symptom';
import { measureTables } from './layout-probe';

interface VsCodeApi {
  postMessage(message: WebviewToHost): void;
  getState(): unknown;
  setState(state: unknown): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
const post = (m: WebviewToHost): void => vscode.postMessage(m);
let state: WalkthroughState | undefined;
let lastAnnounced = '';

const app = document.getElementById('app') as HTMLElement;
const live = document.getElementById('live') as HTMLElement;

// ---------------------------------------------------------------- layout (built once per language)

function header(s: WalkthroughState): HTMLElement {
  const select = h('vscode-single-select', { id: 'language', 'aria-label': t('Language') });
  for (const lang of LANGUAGES) {
    const option = h('vscode-option', { value: lang, lang }, LANGUAGE_NAMES[lang] ?? lang);
    if (lang === s.language) option.setAttribute('selected', '');
    select.append(option);
  }
  select.addEventListener('change', () =>
    post({ type: 'setLanguage', language: (select as unknown as { value: string }).value as Language }),
  );
  const exportMd = h('vscode-button', { id: 'export-md', secondary: '' }, t('Export as Markdown'));
  exportMd.addEventListener('click', () => post({ type: 'export', format: 'markdown' }));
  const exportHtml = h('vscode-button', { id: 'export-html', secondary: '' }, t('Export as HTML'));
  exportHtml.addEventListener('click', () => post({ type: 'export', format: 'html' }));
  return h(
    'header',
    { class: 'top' },
    h('h1', {}, t('Resolve 454 4.7.0 Temporary authentication failure')),
    h(
      'div',
      { class: 'toolbar', role: 'group', 'aria-label': t('Walkthrough actions') },
      h('label', { for: 'language', class: 'visually-hidden' }, t('Language')),
      select,
      exportMd,
      exportHtml,
    ),
  );
}

function nav(): HTMLElement {
  const list = h('ol', { class: 'step-nav', id: 'step-nav' });
  const labels = [t(SYMPTOM_STEP.title), ...([1, 2, 3, 4, 5, 6] as const).map((n) => t(STEP_CONTENT[n].title))];
  labels.forEach((label, i) => {
    const button = h(
      'button',
      { type: 'button', id: `nav-${i}`, 'data-step': String(i), tabindex: i === 0 ? '0' : '-1' },
      h('span', { class: 'nav-number' }, String(i)),
      h('span', { class: 'nav-label' }, label),
      h('span', { class: 'nav-status', id: `nav-status-${i}` }),
    );
    button.addEventListener('click', () => goTo(i));
    list.append(h('li', {}, button));
  });
  // Arrow keys move between the steps (one tab stop for the whole list).
  list.addEventListener('keydown', (e) => {
    const buttons = [...list.querySelectorAll('button')];
    const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
    if (at < 0) return;
    const to =
      e.key === 'ArrowDown' || e.key === 'ArrowRight'
        ? at + 1
        : e.key === 'ArrowUp' || e.key === 'ArrowLeft'
          ? at - 1
          : e.key === 'Home'
            ? 0
            : e.key === 'End'
              ? buttons.length - 1
              : -2;
    if (to === -2) return;
    e.preventDefault();
    const target = buttons[(to + buttons.length) % buttons.length];
    buttons.forEach((b) => b.setAttribute('tabindex', b === target ? '0' : '-1'));
    target?.focus();
  });
  return h('nav', { 'aria-label': t('Steps') }, list);
}

/** Scrolls to a step and gives its heading the focus. */
function reveal(step: number): void {
  const heading = document.getElementById(step === 7 ? 'summary-title' : `step-${step}-title`);
  heading?.scrollIntoView({ block: 'start' });
  heading?.focus();
}

function goTo(step: number): void {
  post({ type: 'navigate', step });
  reveal(step);
}

function summarySection(): HTMLElement {
  const run = h('vscode-button', { id: 'run-all' }, t('Run all checks'));
  run.addEventListener('click', () => post({ type: 'run' }));
  const cancel = h('vscode-button', { id: 'cancel', secondary: '' }, t('Cancel'));
  cancel.addEventListener('click', () => post({ type: 'cancel' }));
  return h(
    'section',
    { id: 'summary', class: 'summary', 'aria-labelledby': 'summary-title' },
    h('h2', { id: 'summary-title', tabindex: '-1' }, t('Summary')),
    h('div', { id: 'summary-scope', class: 'scope-line' }),
    h('div', { id: 'summary-when', class: 'scope-line' }),
    h(
      'div',
      { class: 'progress-line' },
      h('progress', { id: 'progress', max: '6', value: '0', 'aria-labelledby': 'progress-text' }),
      h('span', { id: 'progress-text' }),
    ),
    h('div', { id: 'summary-error', class: 'error-text', role: 'alert' }),
    h('h3', {}, t('Likely causes, most likely first')),
    h('ol', { id: 'causes', class: 'causes' }),
    h(
      'div',
      { class: 'actions' },
      run,
      cancel,
      h('vscode-progress-ring', { id: 'busy', 'aria-label': t('Checking…') }),
    ),
  );
}

function symptomSection(s: WalkthroughState): HTMLElement {
  // Pasted errors and logs are left-to-right text, also in a right-to-left panel.
  const area = h('vscode-textarea', {
    id: 'symptom-text',
    rows: '6',
    dir: 'ltr',
    'aria-label': t('Paste the error'),
    placeholder: '451 4.4.0 Primary target IP address responded with: "454 4.7.0 Temporary authentication failure."',
  });
  (area as unknown as { value: string }).value = s.symptom?.text ?? '';
  const recognise = h('vscode-button', { id: 'recognise' }, t('Recognise'));
  recognise.addEventListener('click', () =>
    post({ type: 'recognise', text: (area as unknown as { value: string }).value }),
  );

  const mode = h('vscode-radio-group', { id: 'scope-mode', 'aria-label': t('What to check') });
  const org = h('vscode-radio', { id: 'scope-org', name: 'scope', value: 'organisation' }, t('The whole organisation'));
  const pair = h('vscode-radio', { id: 'scope-pair', name: 'scope', value: 'pair' }, t('A pair of servers'));
  mode.append(org, pair);
  const sending = h('vscode-single-select', { id: 'sending', 'aria-label': t('Sending server') });
  const receiving = h('vscode-single-select', { id: 'receiving', 'aria-label': t('Receiving server') });
  const sendScope = (): void => {
    const isPair = (pair as unknown as { checked: boolean }).checked;
    const from = (sending as unknown as { value: string }).value;
    const to = (receiving as unknown as { value: string }).value;
    const scope: WalkthroughScope =
      isPair && from && to ? { kind: 'pair', sending: from, receiving: to } : { kind: 'organisation' };
    post({ type: 'setScope', scope });
  };
  for (const el of [mode, sending, receiving]) el.addEventListener('change', sendScope);
  const start = h('vscode-button', { id: 'start' }, t('Start the checks'));
  start.addEventListener('click', () => {
    post({ type: 'run' });
    goTo(1);
  });
  return h(
    'section',
    { id: 'step-0', class: 'step', 'aria-labelledby': 'step-0-title', 'data-step': '0' },
    h('h2', { id: 'step-0-title', tabindex: '-1' }, `${t('Step {0}', 0)}: ${t(SYMPTOM_STEP.title)}`),
    h('p', {}, t(SYMPTOM_STEP.what)),
    h('p', { class: 'why' }, t(SYMPTOM_STEP.why)),
    h('label', { for: 'symptom-text', class: 'field-label' }, t('Paste the error')),
    area,
    h('div', { class: 'actions' }, recognise),
    h('div', { id: 'symptom-result', role: 'status' }),
    h('h3', {}, t('What to check')),
    mode,
    h(
      'div',
      { class: 'pair-pick' },
      h('label', { for: 'sending', class: 'field-label' }, t('Sending server')),
      sending,
      h('label', { for: 'receiving', class: 'field-label' }, t('Receiving server')),
      receiving,
    ),
    h('div', { class: 'actions' }, start),
  );
}

function stepSection(n: Step): HTMLElement {
  const c = STEP_CONTENT[n];
  const recheck = h('vscode-button', { id: `recheck-${n}`, secondary: '' }, t('Re-check'));
  recheck.addEventListener('click', () => post({ type: 'run', steps: [n] }));
  return h(
    'section',
    {
      id: `step-${n}`,
      class: 'step',
      'aria-labelledby': `step-${n}-title`,
      'data-step': String(n),
      'data-status': 'idle',
    },
    h(
      'div',
      { class: 'step-head' },
      h('h2', { id: `step-${n}-title`, tabindex: '-1' }, `${t('Step {0}', n)}: ${t(c.title)}`),
      h('span', { class: 'status', id: `status-${n}` }),
    ),
    h('h3', {}, t('What this step checks')),
    h('p', {}, t(c.what)),
    h('h3', {}, t('Why it matters')),
    h('p', { class: 'why' }, t(c.why)),
    h(
      'details',
      {},
      h('summary', {}, t('Check by hand')),
      ...c.manual.map((m) =>
        h('div', { class: 'manual' }, h('div', {}, t(m.label)), h('pre', {}, h('code', {}, m.command))),
      ),
    ),
    h('h3', { id: `findings-${n}-title` }, t('Findings')),
    h('div', { id: `findings-${n}`, class: 'findings', 'aria-labelledby': `findings-${n}-title` }),
    h('div', { class: 'actions' }, recheck),
  );
}

function build(s: WalkthroughState): void {
  const main = h(
    'main',
    { class: 'content' },
    summarySection(),
    symptomSection(s),
    ...([1, 2, 3, 4, 5, 6] as const).map(stepSection),
  );
  replaceChildren(app, header(s), h('div', { class: 'layout' }, nav(), main));
  app.removeAttribute('aria-busy');
}

// ---------------------------------------------------------------- updates (every state)

function statusBadge(status: StepState['status'] | 'idle'): HTMLElement {
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
      t('Run on {0}', r.runOn),
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

function updateStep(s: StepState): void {
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

function scopeText(s: WalkthroughState): string {
  const scope = s.scope;
  if (!scope || scope.kind === 'organisation') return t('Checking: the whole organisation');
  if (scope.kind === 'server') return t('Checking: server {0}', scope.server);
  return t('Checking: {0} sends to {1}', scope.sending, scope.receiving);
}

function fillSelect(id: string, servers: string[], selected: string | undefined): void {
  const select = document.getElementById(id);
  if (!select) return;
  const current = [...select.querySelectorAll('vscode-option')].map((o) => o.getAttribute('value')).join(',');
  if (current !== servers.join(','))
    replaceChildren(select, ...servers.map((name) => h('vscode-option', { value: name }, name)));
  if (selected && servers.includes(selected)) (select as unknown as { value: string }).value = selected;
}

function updateSymptom(s: WalkthroughState): void {
  replaceChildren(document.getElementById('symptom-result'), ...symptomResult(s.symptom));
  const scope = s.scope;
  const isPair = scope?.kind === 'pair';
  const radio = (id: string): { checked: boolean } | null =>
    document.getElementById(id) as unknown as { checked: boolean } | null;
  const pairRadio = radio('scope-pair');
  const orgRadio = radio('scope-org');
  if (pairRadio) pairRadio.checked = isPair;
  if (orgRadio) orgRadio.checked = !isPair;
  fillSelect('sending', s.servers, scope?.kind === 'pair' ? scope.sending : s.servers[0]);
  fillSelect('receiving', s.servers, scope?.kind === 'pair' ? scope.receiving : s.servers[1]);
}

/** When the results shown were made, and whether by an earlier diagnosis outside the panel. */
function updateWhen(s: WalkthroughState): void {
  const el = document.getElementById('summary-when');
  if (!el) return;
  if (!s.finishedAt || s.running) {
    replaceChildren(el);
    el.removeAttribute('title');
    return;
  }
  const when = h('time', { datetime: s.finishedAt, title: fullTime(s.finishedAt) }, shortTime(s.finishedAt));
  const text = t('Last diagnosis: {0}', '\u0000').split('\u0000');
  replaceChildren(
    el,
    text[0] ?? '',
    when,
    text[1] ?? '',
    s.shownFromEarlierRun ? ` ${t('(run before this panel opened; run the checks again for fresh results)')}` : '',
  );
}

function updateSummary(s: WalkthroughState): void {
  const { done, total } = progressOf(s);
  (document.getElementById('progress') as HTMLProgressElement | null)?.setAttribute('value', String(done));
  replaceChildren(document.getElementById('progress-text'), t('{0} of {1} steps checked', done, total));
  replaceChildren(document.getElementById('summary-scope'), scopeText(s));
  updateWhen(s);
  const error =
    s.error ??
    (s.directory !== 'ready'
      ? t('The directory has not been read yet: sign in from the Exchange Servers view, then run the checks.')
      : '');
  replaceChildren(document.getElementById('summary-error'), error);
  const causes = s.verdict?.causes ?? [];
  const items = causes.map((c) =>
    h(
      'li',
      { class: 'cause' },
      h(
        'button',
        { type: 'button', class: 'link', 'data-step': String(c.step) },
        `${t('Step {0}', c.step)}: ${t(STEP_CONTENT[c.step].title)}`,
      ),
      h('div', { dir: 'auto' }, c.summary),
    ),
  );
  items.forEach((li) =>
    li
      .querySelector('button')
      ?.addEventListener('click', (e) => goTo(Number((e.currentTarget as HTMLElement).dataset.step))),
  );
  if (!items.length)
    items.push(
      h('li', { class: 'none' }, s.verdict ? t('No step shows a fault.') : t('Run the checks to rank the causes.')),
    );
  replaceChildren(document.getElementById('causes'), ...items);
  document.getElementById('run-all')?.toggleAttribute('disabled', s.running);
  document.getElementById('start')?.toggleAttribute('disabled', s.running);
  document.getElementById('cancel')?.toggleAttribute('hidden', !s.running);
  document.getElementById('busy')?.toggleAttribute('hidden', !s.running);
  for (const n of [1, 2, 3, 4, 5, 6]) document.getElementById(`recheck-${n}`)?.toggleAttribute('disabled', s.running);
  document.querySelectorAll('.step-nav button').forEach((b) => {
    if (Number((b as HTMLElement).dataset.step) === s.currentStep) b.setAttribute('aria-current', 'step');
    else b.removeAttribute('aria-current');
  });
}

function announce(s: WalkthroughState): void {
  const text = s.running ? t('Checking…') : s.verdict ? t('{0} of {1} steps checked', progressOf(s).done, 6) : '';
  if (text && text !== lastAnnounced) {
    live.textContent = text;
    lastAnnounced = text;
  }
}

function update(s: WalkthroughState): void {
  state = s;
  vscode.setState(s);
  updateSummary(s);
  updateSymptom(s);
  for (const step of s.steps) updateStep(step);
  announce(s);
}

// ---------------------------------------------------------------- messages

function applyStrings(strings: Strings, dir: 'ltr' | 'rtl', language: string): void {
  setStrings(strings);
  document.documentElement.lang = language;
  document.documentElement.dir = dir;
  document.title = t('Resolve 454 4.7.0');
}

function snapshot(): RenderedSnapshot {
  return {
    lang: document.documentElement.lang,
    dir: document.documentElement.dir,
    text: app.innerText,
    headings: [...app.querySelectorAll('h1, h2, h3')].map((e) => (e as HTMLElement).innerText.trim()),
    steps: [0, 1, 2, 3, 4, 5, 6].map((n) => ({
      step: n,
      status: document.getElementById(`step-${n}`)?.getAttribute('data-status') ?? '',
      findings: document.getElementById(`findings-${n}`)?.innerText ?? '',
    })),
    layout: measureTables(app),
  };
}

window.addEventListener('message', (event: MessageEvent<HostToWebview>) => {
  const m = event.data;
  switch (m.type) {
    case 'init':
      applyStrings(m.strings, m.dir, m.state.language);
      build(m.state);
      update(m.state);
      if (m.state.currentStep > 0) reveal(m.state.currentStep);
      return;
    case 'strings':
      applyStrings(m.strings, m.dir, m.language);
      if (state) {
        build({ ...state, language: m.language });
        update({ ...state, language: m.language });
        document.getElementById('language')?.focus();
      }
      return;
    case 'state':
      update(m.state);
      return;
    case 'focusStep':
      goTo(m.step);
      return;
    case 'snapshotRequest':
      post({ type: 'snapshot', requestId: m.requestId, snapshot: snapshot() });
      return;
  }
});

post({ type: 'ready' });
