/**
 * The walkthrough's layout, built once per language: the header (language, export), the step
 * navigation, and the summary, symptom and step sections that later states fill in.
 */
import type { Step } from '../../src/shared/findings';
import {
  LANGUAGES,
  type Language,
  type WalkthroughScope,
  type WalkthroughState,
} from '../../src/shared/walkthrough-protocol';
import { LANGUAGE_NAMES, STEP_CONTENT, SYMPTOM_STEP } from './content';
import { h, replaceChildren, t } from './dom';
import { post } from './host';

const app = document.getElementById('app') as HTMLElement;

export function header(s: WalkthroughState): HTMLElement {
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
export function reveal(step: number): void {
  const heading = document.getElementById(step === 7 ? 'summary-title' : `step-${step}-title`);
  heading?.scrollIntoView({ block: 'start' });
  heading?.focus();
}

export function goTo(step: number): void {
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

export function build(s: WalkthroughState): void {
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
