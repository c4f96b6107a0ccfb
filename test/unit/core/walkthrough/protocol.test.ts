import { strict as assert } from 'node:assert';
import {
  directionOf,
  emptyState,
  isScope,
  isWalkthroughState,
  isWebviewMessage,
  languageFromLocale,
  progressOf,
  stepStatus,
} from '../../../../src/shared/walkthrough-protocol';
import { contentSecurityPolicy, panelHtml } from '../../../../src/core/walkthrough/panel-html';
import { format, translate } from '../../../../src/io/walkthrough-strings';
import { openArgsOf } from '../../../../src/core/walkthrough/open-args';
import { applyEvent, failRun, finishRun, startRun } from '../../../../src/core/walkthrough/panel-state';
import { finding } from './fixtures';

describe('walkthrough protocol', () => {
  it('accepts each well-formed webview message', () => {
    const good: unknown[] = [
      { type: 'ready' },
      { type: 'cancel' },
      { type: 'setLanguage', language: 'he' },
      { type: 'recognise', text: '454 4.7.0' },
      { type: 'setScope', scope: { kind: 'pair', sending: 'EX01', receiving: 'EX02' } },
      { type: 'setScope', scope: { kind: 'organisation' } },
      { type: 'run' },
      { type: 'run', steps: [1, 3] },
      { type: 'navigate', step: 7 },
      { type: 'copyRemedy', step: 3, finding: 0, remedy: 1 },
      { type: 'runRemedy', step: 6, finding: 2, remedy: 0 },
      { type: 'export', format: 'html' },
      { type: 'snapshot', requestId: 1, snapshot: { text: '', lang: 'en', dir: 'ltr', headings: [], steps: [] } },
    ];
    for (const m of good) assert.ok(isWebviewMessage(m), JSON.stringify(m));
  });

  it('rejects malformed or hostile messages', () => {
    const bad: unknown[] = [
      null,
      'ready',
      {},
      { type: 'unknown' },
      { type: 'setLanguage', language: 'fr' },
      { type: 'setScope', scope: { kind: 'pair', sending: 'EX01' } },
      { type: 'setScope', scope: { kind: 'server', server: '' } },
      { type: 'run', steps: [0] },
      { type: 'run', steps: [1, 2, 3, 4, 5, 6, 1] },
      { type: 'runRemedy', step: 3, finding: -1, remedy: 0 },
      { type: 'runRemedy', step: 3, finding: 0, remedy: 0.5 },
      // The webview never sends command text; a message that tries is not a protocol message.
      { type: 'runRemedy', command: 'format c:' },
      { type: 'export', format: 'pdf' },
      { type: 'navigate', step: 8 },
      { type: 'recognise', text: 'x'.repeat(200_001) },
    ];
    for (const m of bad) assert.equal(isWebviewMessage(m), false, JSON.stringify(m)?.slice(0, 80));
    assert.equal(isScope({ kind: 'galaxy' }), false);
  });

  it('maps display languages and directions', () => {
    assert.equal(languageFromLocale('zh-cn'), 'zh-cn');
    assert.equal(languageFromLocale('zh-Hans'), 'zh-cn');
    assert.equal(languageFromLocale('es-ES'), 'es');
    assert.equal(languageFromLocale('nl'), 'nl');
    assert.equal(languageFromLocale('he'), 'he');
    assert.equal(languageFromLocale('iw'), 'he');
    assert.equal(languageFromLocale('en-us'), 'en');
    assert.equal(languageFromLocale('fr'), 'en');
    assert.equal(languageFromLocale(undefined), 'en');
    assert.equal(directionOf('he'), 'rtl');
    assert.equal(directionOf('zh-cn'), 'ltr');
  });

  it('keeps a restored state only when it has the right shape', () => {
    assert.ok(isWalkthroughState(emptyState('nl')));
    assert.equal(isWalkthroughState({ version: 2 }), false);
    assert.equal(isWalkthroughState({ ...emptyState('en'), language: 'xx' }), false);
    assert.equal(isWalkthroughState({ ...emptyState('en'), steps: [] }), false);
  });

  it('derives step status and progress from findings', () => {
    assert.equal(stepStatus([]), 'unknown');
    assert.equal(stepStatus([finding({ severity: 'ok' })]), 'ok');
    assert.equal(stepStatus([finding({ severity: 'ok' }), finding({ severity: 'unknown' })]), 'unknown');
    assert.equal(stepStatus([finding({ severity: 'warning' }), finding({ severity: 'error' })]), 'error');
  });
});

describe('walkthrough state', () => {
  it('streams findings into their step and settles at the end of the run', () => {
    let s = startRun(emptyState('en'), [1, 3], '2026-11-22T00:00:00.000Z');
    assert.equal(s.running, true);
    assert.deepEqual(
      s.steps.map((x) => x.status),
      ['running', 'idle', 'running', 'idle', 'idle', 'idle'],
    );
    const missing = finding({ step: 3, severity: 'error', code: 'spn.missing' });
    s = applyEvent(s, { type: 'finding', finding: missing }, 'now');
    s = applyEvent(s, { type: 'step-finished', step: 3, durationMs: 12 }, '2026-11-22T00:00:01.000Z');
    assert.equal(s.steps[2]?.status, 'error');
    assert.equal(s.steps[2]?.durationMs, 12);
    const clock = finding({ step: 1, severity: 'ok', code: 'clock.ok' });
    s = finishRun(s, { findings: [clock, missing], cancelled: false }, [1, 3], '2026-11-22T00:00:02.000Z');
    assert.equal(s.running, false);
    assert.deepEqual(
      s.steps.map((x) => x.status),
      ['ok', 'idle', 'error', 'idle', 'idle', 'idle'],
    );
    assert.equal(s.verdict?.overall, 'error');
    assert.equal(s.verdict?.causes[0]?.step, 3);
    assert.equal(progressOf(s).done, 2);
  });

  it('re-checking one step keeps the others', () => {
    let s = finishRun(
      startRun(emptyState('en'), [1, 2], 't0'),
      { findings: [finding({ step: 1 }), finding({ step: 2, severity: 'warning' })], cancelled: false },
      [1, 2],
      't1',
    );
    s = startRun(s, [2], 't2');
    assert.deepEqual(
      s.steps.slice(0, 2).map((x) => x.status),
      ['ok', 'running'],
    );
    s = finishRun(s, { findings: [finding({ step: 2, severity: 'ok' })], cancelled: false }, [2], 't3');
    assert.deepEqual(
      s.steps.slice(0, 2).map((x) => x.status),
      ['ok', 'ok'],
    );
    assert.equal(s.verdict?.overall, 'ok');
  });

  it('a cancelled or failed run leaves unfinished steps idle', () => {
    let s = startRun(emptyState('en'), [1, 2], 't0');
    s = finishRun(s, { findings: [finding({ step: 1 })], cancelled: true }, [1, 2], 't1');
    assert.deepEqual(
      s.steps.slice(0, 2).map((x) => x.status),
      ['ok', 'idle'],
    );
    s = failRun(startRun(s, [4], 't2'), 'not signed in');
    assert.equal(s.steps[3]?.status, 'idle');
    assert.equal(s.error, 'not signed in');
    assert.equal(startRun(s, [4], 't3').error, undefined);
  });
});

describe('walkthrough html and strings', () => {
  it('has a strict CSP with a nonce and no inline data', () => {
    const html = panelHtml({
      cspSource: 'https://x.vscode-cdn.net',
      scriptUri: 'https://x/a.js',
      styleUri: 'https://x/a.css',
      nonce: 'abc+/=',
      lang: 'he',
      dir: 'rtl',
      title: 'T<"',
      loading: 'L',
    });
    assert.match(html, /default-src 'none'/);
    assert.match(html, /script-src 'nonce-abc\+\/='/);
    assert.doesNotMatch(contentSecurityPolicy('s', 'n'), /unsafe-inline|unsafe-eval/);
    assert.match(html, /<html lang="he" dir="rtl">/);
    assert.match(html, /<title>T&lt;&quot;<\/title>/);
    const scripts = [...html.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)];
    assert.equal(scripts.length, 1);
    assert.match(scripts[0]?.[1] ?? '', /nonce="abc\+\/=" src=/);
    assert.equal(scripts[0]?.[2], '', 'no inline script body');
  });

  it('formats {0} placeholders and falls back to the key', () => {
    assert.equal(format('{1} of {0}', [6, 2]), '2 of 6');
    assert.equal(format('{0} {2}', ['a']), 'a {2}');
    assert.equal(translate({ 'Step {0}': 'Paso {0}' }, 'Step {0}', 3), 'Paso 3');
    assert.equal(translate({}, 'Step {0}', 3), 'Step 3');
  });
});

describe('openWalkthrough arguments', () => {
  it('takes step, pair and server from the language server or the palette', () => {
    assert.deepEqual(openArgsOf({ step: 3, sending: 'EX01', receiving: 'EX02' }), {
      step: 3,
      sending: 'EX01',
      receiving: 'EX02',
    });
    assert.deepEqual(openArgsOf({ server: ' EX02 ' }), { server: 'EX02' });
    assert.deepEqual(openArgsOf(undefined), {});
  });

  it('takes the server of a tree item', () => {
    assert.deepEqual(openArgsOf({ type: 'exchangeServer', serverName: 'EX01', label: 'EX01', id: 'x' }), {
      server: 'EX01',
    });
    assert.deepEqual(openArgsOf({ type: 'site', label: 'Default-First-Site-Name' }), {});
  });

  it('ignores what it does not understand', () => {
    assert.deepEqual(openArgsOf({ step: 99, sending: 'EX01' }), {});
    assert.deepEqual(openArgsOf({ step: 1.5, sending: 'EX01', receiving: 'ex01' }), {});
    assert.deepEqual(openArgsOf({ server: 42 }), {});
    assert.deepEqual(openArgsOf('EX01'), {});
  });
});
