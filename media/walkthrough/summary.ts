/**
 * The summary and symptom sections on every state: scope, when the results were made, the
 * verdict's likely causes, and what the pasted symptom named.
 */
import { progressOf, type WalkthroughState } from '../../src/shared/walkthrough-protocol';
import { STEP_CONTENT } from './content';
import { h, replaceChildren, t } from './dom';
import { fullTime, shortTime } from './time';
import { symptomResult } from './symptom';
import { goTo } from './sections';

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

export function updateSymptom(s: WalkthroughState): void {
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

export function updateSummary(s: WalkthroughState): void {
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
