import { strict as assert } from 'node:assert';
import { emptyState, type WalkthroughState } from '../../../../src/shared/walkthrough-protocol';
import { finishRun, startRun } from '../../../../src/core/walkthrough/panel-state';
import {
  escapeHtml,
  renderWalkthroughHtml,
  renderWalkthroughMarkdown,
  type ExportContext,
} from '../../../../src/core/walkthrough/report';
import { finding } from './fixtures';

const PASSWORD = 'S3cr3t<pw>"&';

function walkedState(): WalkthroughState {
  const missing = finding({
    step: 3,
    severity: 'error',
    code: 'spn.missing',
    subject: { kind: 'server', name: 'EX02', id: 'ex02.contoso.test' },
    title: 'EX02 lacks SMTPSVC/ex02.contoso.test',
    explanation: `Other servers cannot get a ticket. <script>alert(1)</script> ${PASSWORD}`,
    evidence: [
      {
        label: 'servicePrincipalName',
        value: 'SMTP/EX02',
        source: 'LDAPS dc1.contoso.test:636',
        observedAt: '2026-11-22T01:00:00.000Z',
      },
    ],
    tables: [
      {
        caption: 'Expected vs registered',
        columns: ['SPN', 'Expected', 'Registered'],
        rows: [['SMTPSVC/ex02.contoso.test', 'yes', 'no']],
      },
    ],
    remedies: [
      {
        summary: 'Register the SPN',
        command: 'setspn -S SMTPSVC/ex02.contoso.test EX02',
        runOn: 'any domain-joined Windows machine',
        shell: 'powershell',
        changesState: true,
      },
    ],
  });
  let s: WalkthroughState = {
    ...emptyState('he'),
    scope: { kind: 'pair', sending: 'EX01', receiving: 'EX02' },
    servers: ['EX01', 'EX02'],
    directory: 'ready',
  };
  s = startRun(s, [1, 2, 3, 4, 5, 6], '2026-11-22T01:00:00.000Z');
  s = finishRun(
    s,
    { findings: [finding({ step: 1 }), missing], cancelled: false },
    [1, 2, 3, 4, 5, 6],
    '2026-11-22T01:00:05.000Z',
  );
  return {
    ...s,
    symptom: {
      text: 'LastError: 451 4.4.0 ... "454 4.7.0 Temporary authentication failure." The last endpoint attempted was 10.0.0.12:2525',
      recognised: true,
      kinds: ['queue-viewer'],
      has454: true,
      facts: [{ label: 'Receiving server', value: '10.0.0.12, port 2525' }],
      unmatched: [],
      receiving: 'EX02',
    },
    commands: [
      {
        command: 'setspn -S SMTPSVC/ex02.contoso.test EX02',
        runOn: 'any domain-joined Windows machine',
        changesState: true,
        at: '2026-11-22T01:01:00.000Z',
        how: 'terminal',
      },
    ],
  };
}

const ctx: ExportContext = {
  tool: { name: 'Exchange Auth Doctor', version: '0.1.0' },
  directoryUrl: 'ldaps://dc1.contoso.test:636',
  platform: 'linux',
  secrets: [PASSWORD],
  now: '2026-11-22T01:02:00.000Z',
};

describe('walkthrough report', () => {
  it('Markdown: what, when, against what, symptom, evidence, remedies and the commands run; no secret', () => {
    const md = renderWalkthroughMarkdown(walkedState(), ctx);
    assert.match(md, /^# Exchange authentication diagnosis \(454 4\.7\.0\)/);
    assert.match(md, /Checked: EX01 -\\?> EX02/);
    assert.match(md, /Directory: ldaps:\/\/dc1\.contoso\.test:636/);
    assert.match(md, /Started: 2026-11-22T01:00:00\.000Z/);
    assert.match(md, /## Symptom as reported/);
    assert.match(md, /The last endpoint attempted was 10\.0\.0\.12:2525/);
    assert.match(md, /## Step 3: SMTP and SMTPSVC SPNs/);
    assert.match(md, /servicePrincipalName/);
    assert.match(md, /setspn -S SMTPSVC\/ex02\.contoso\.test EX02/);
    assert.match(md, /## Commands run or copied from the walkthrough/);
    assert.match(md, /run in a terminal, on any domain-joined Windows machine \(changes the server\)/);
    assert.match(md, /- Step 3 \(.*\): error/);
    assert.ok(!md.includes(PASSWORD), 'the password is masked');
    assert.match(md, /REDACTED/);
  });

  it('HTML: self-contained, escaped, no script, no external resource, no secret', () => {
    const html = renderWalkthroughHtml(walkedState(), ctx);
    assert.match(html, /^<!DOCTYPE html>/);
    assert.match(html, /default-src 'none'/);
    assert.doesNotMatch(html, /<script/i, 'nothing from a server becomes a script');
    assert.match(html, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
    assert.doesNotMatch(html, /\b(?:src|href)=/i, 'no external resource');
    assert.match(html, /<caption>Expected vs registered<\/caption>/);
    assert.match(html, /<code>setspn -S SMTPSVC\/ex02\.contoso\.test EX02<\/code>/);
    assert.match(html, /Verdict: ✖ error/);
    assert.match(html, /Likely causes, most likely first/);
    assert.ok(
      !html.includes(PASSWORD) && !html.includes(escapeHtml(PASSWORD)),
      'the password is masked, raw or escaped',
    );
  });

  it('an untouched walkthrough exports without failing', () => {
    const md = renderWalkthroughMarkdown(emptyState('en'), ctx);
    assert.match(md, /Checked: organisation/);
    assert.match(md, /None\./);
    const html = renderWalkthroughHtml(emptyState('en'), ctx);
    assert.match(html, /Steps: none/);
  });
});
