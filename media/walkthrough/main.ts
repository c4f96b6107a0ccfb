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
import {
  progressOf,
  type HostToWebview,
  type RenderedSnapshot,
  type Strings,
  type WalkthroughState,
} from '../../src/shared/walkthrough-protocol';
import { t, setStrings } from './dom';
import { measureTables } from './layout-probe';
import { post, saveState } from './host';
import { updateStep } from './step-findings';
import { updateSummary, updateSymptom } from './summary';
import { updateReadiness } from './readiness';
import { build, goTo, reveal } from './sections';

let state: WalkthroughState | undefined;
let lastAnnounced = '';

const app = document.getElementById('app') as HTMLElement;
const live = document.getElementById('live') as HTMLElement;

function announce(s: WalkthroughState): void {
  const text = s.running ? t('Checking…') : s.verdict ? t('{0} of {1} steps checked', progressOf(s).done, 6) : '';
  if (text && text !== lastAnnounced) {
    live.textContent = text;
    lastAnnounced = text;
  }
}

function update(s: WalkthroughState): void {
  state = s;
  saveState(s);
  updateSummary(s);
  updateSymptom(s);
  for (const step of s.steps) updateStep(step);
  updateReadiness(s);
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
