import { strict as assert } from 'node:assert';
import type { Finding, Verdict } from '../../../../src/shared/findings';
import { mdCode, mdText, renderMarkdown } from '../../../../src/core/report/markdown';
import { redactSecrets, type ReportMeta } from '../../../../src/core/report/meta';
import { renderJson } from '../../../../src/core/report/json';

const PASSWORD = 'Pa|ss_w*rd"`<x>';

const findings: Finding[] = [
  {
    code: 'spn.missing',
    step: 3,
    severity: 'error',
    subject: { kind: 'server', name: 'EX02', id: 'ex02.contoso.test' },
    title: 'EX02 lacks SMTPSVC/ex02.contoso.test',
    explanation: 'Other servers cannot get a ticket.',
    evidence: [
      {
        label: 'servicePrincipalName',
        value: 'SMTP/EX02 | SMTP/ex02.contoso.test',
        source: 'LDAP ldaps://dc1.contoso.test:636',
        observedAt: '2026-11-22T13:47:47.000Z',
      },
    ],
    tables: [
      {
        caption: 'Expected vs registered',
        columns: ['SPN', 'Registered'],
        rows: [['SMTPSVC/ex02.contoso.test', 'missing']],
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
  },
  {
    code: 'kerberos-log.needs-windows',
    step: 5,
    severity: 'unknown',
    subject: { kind: 'server', name: 'EX02' },
    title: 'Needs Windows',
    // A server echoed the password back in an error message: it must still never be printed.
    explanation: `bind failed for password ${PASSWORD}`,
    evidence: [],
    remedies: [
      {
        summary: 'Read events',
        command: 'Get-WinEvent ```` evil',
        runOn: 'EX02',
        shell: 'powershell',
        changesState: false,
      },
    ],
    reason: 'this machine runs linux',
  },
  {
    code: 'clock.ok',
    step: 1,
    severity: 'ok',
    subject: { kind: 'dc', name: 'DC1' },
    title: 'Clock agrees',
    explanation: '',
    evidence: [],
    remedies: [],
  },
];

const verdict: Verdict = {
  startedAt: '2026-11-22T13:47:47.000Z',
  finishedAt: '2026-11-22T13:47:50.000Z',
  overall: 'error',
  causes: [{ step: 3, score: 0.9, summary: 'SMTPSVC SPN missing on EX02', findings: ['spn.missing'] }],
  counts: { error: 1, warning: 0, unknown: 1, ok: 1 },
};

const meta: ReportMeta = {
  tool: { name: 'exchange-auth-doctor', version: '0.1.0' },
  startedAt: verdict.startedAt,
  finishedAt: verdict.finishedAt,
  directoryUrl: 'ldaps://dc1.contoso.test:636',
  scope: 'whole organisation',
  servers: ['EX01', 'EX02'],
  steps: [1, 2, 3, 4, 5, 6],
  platform: 'linux',
};

describe('report rendering', () => {
  it('renders JSON with meta, verdict and every finding with step, severity, subject and title', () => {
    const doc = JSON.parse(renderJson(findings, verdict, meta, { secrets: [PASSWORD] })) as {
      meta: ReportMeta;
      verdict: Verdict;
      findings: Finding[];
    };
    assert.equal(doc.meta.directoryUrl, 'ldaps://dc1.contoso.test:636');
    assert.equal(doc.verdict.overall, 'error');
    assert.equal(doc.findings.length, 3);
    for (const f of doc.findings) {
      assert.ok([1, 2, 3, 4, 5, 6].includes(f.step));
      assert.ok(['ok', 'warning', 'error', 'unknown'].includes(f.severity));
      assert.ok(f.subject.name && f.title);
    }
    assert.equal(doc.findings[0]!.remedies[0]!.command, 'setspn -S SMTPSVC/ex02.contoso.test EX02');
  });

  it('never contains the password, in JSON or Markdown, even when a message echoed it', () => {
    const json = renderJson(findings, verdict, meta, { secrets: [PASSWORD] });
    const md = renderMarkdown(findings, verdict, meta, { secrets: [PASSWORD] });
    for (const text of [json, md]) {
      assert.ok(!text.includes(PASSWORD));
      assert.ok(!text.includes(JSON.stringify(PASSWORD).slice(1, -1)));
      assert.ok(!text.includes('Pa|ss'));
      assert.ok(text.includes('REDACTED'));
    }
    // Without being told the secret, the report would carry it: the test above is not vacuous.
    assert.ok(renderJson(findings, verdict, meta).includes('Pa|ss_w*rd'));
  });

  it('renders Markdown grouped by step with the verdict, tables and fenced remedies', () => {
    const md = renderMarkdown(findings, verdict, meta);
    const s1 = md.indexOf('## Step 1:');
    const s3 = md.indexOf('## Step 3:');
    const s5 = md.indexOf('## Step 5:');
    assert.ok(md.indexOf('## Verdict') < s1 && s1 < s3 && s3 < s5);
    assert.match(md, /Likely causes/);
    assert.match(md, /1\. Step 3 .*SMTPSVC SPN missing on EX02/);
    assert.match(md, /\| SMTPSVC\/ex02\.contoso\.test \| missing \|/);
    // A pipe inside a cell is escaped so the table keeps its columns.
    assert.match(md, /SMTP\/EX02 \\\| SMTP\/ex02\.contoso\.test/);
    assert.match(md, / {2}```powershell\n {2}setspn -S SMTPSVC\/ex02\.contoso\.test EX02\n {2}```/);
    assert.match(md, /\*\*changes the server\*\*/);
    assert.match(md, /\*\*Why unknown:\*\* this machine runs linux/);
    // A command holding four backticks gets a five-backtick fence.
    assert.match(md, / {2}`````powershell\n {2}Get-WinEvent ```` evil\n {2}`````/);
    assert.match(md, /Tool: exchange-auth-doctor 0\.1\.0 on linux/);
  });

  it('escapes Markdown and HTML from servers, and control characters', () => {
    assert.equal(mdText('<img src=x onerror=alert(1)>'), '\\<img src=x onerror=alert\\(1\\)\\>');
    assert.equal(mdText('[click](http://evil)'), '\\[click\\]\\(http://evil\\)');
    assert.equal(mdText('a\u001b[31mb'), 'a\\\\x1B\\[31mb');
    assert.equal(mdCode('x'), '```\nx\n```');
  });

  it('redacts JSON-escaped secrets too', () => {
    assert.equal(redactSecrets('{"m":"a\\"b"}', ['a"b']), '{"m":"REDACTED"}');
    assert.equal(redactSecrets('nothing', ['']), 'nothing');
  });
});
