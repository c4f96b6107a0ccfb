/** The CLI's --lang (default from the environment): text output in five languages, JSON unchanged. */
import { strict as assert } from 'node:assert';
import { LAB_ENV } from './lab-env-fixture';
import { UsageError, parseCli, type CliCommand } from '../../../src/cli/args';
import { TextPrinter, type TextSink } from '../../../src/cli/text-output';
import type { Finding, Verdict } from '../../../src/shared/findings';

function options(cmd: CliCommand) {
  if (cmd.command !== 'diagnose') throw new Error('not diagnose');
  return cmd.options;
}

function sink(): TextSink & { text: string } {
  const s = { text: '', write: (t: string) => (s.text += t) };
  return s;
}

const finding: Finding = {
  code: 'remedy.ran',
  step: 3,
  severity: 'warning',
  subject: { kind: 'server', name: 'EX01' },
  title: 'setspn -S SMTPSVC/EX01 EX01: exit code 1',
  explanation: 'Run the diagnosis again to see whether the problem is gone.',
  params: { summary: 'setspn -S SMTPSVC/EX01 EX01', exitCode: 1 },
  evidence: [],
  remedies: [
    {
      id: 'r',
      summary: 'Register the SPN',
      command: 'setspn -S SMTPSVC/EX01 EX01',
      runOn: 'a DC',
      changesState: true,
    } as never,
  ],
};
const verdict = {
  overall: 'warning',
  counts: { warning: 1 },
  causes: [{ step: 3, summary: 'SPN' }],
} as unknown as Verdict;

describe('CLI --lang', () => {
  it('defaults to the environment (LC_ALL, then LANG) and takes --lang over it', () => {
    assert.equal(options(parseCli(['diagnose'], { ...LAB_ENV, LANG: 'nl_NL.UTF-8' })).lang, 'nl');
    assert.equal(
      options(parseCli(['diagnose'], { ...LAB_ENV, LANG: 'nl_NL.UTF-8', LC_ALL: 'he_IL.UTF-8' })).lang,
      'he',
    );
    assert.equal(options(parseCli(['diagnose', '--lang', 'zh-CN'], { ...LAB_ENV, LANG: 'es_ES.UTF-8' })).lang, 'zh-cn');
    assert.equal(options(parseCli(['diagnose'], LAB_ENV)).lang, 'en');
    assert.throws(() => parseCli(['diagnose', '--lang', 'fr'], LAB_ENV), UsageError);
  });

  it('prints step headers, severities, remedies, the verdict and translated finding titles in Chinese', () => {
    const out = sink();
    const p = new TextPrinter(out, false, [3], undefined, 'zh-cn');
    p.finding(finding);
    p.stepFinished(3);
    p.verdict(verdict, [finding]);
    assert.match(out.text, /第 3 步：SMTP 和 SMTPSVC SPN 只注册一次/);
    assert.match(out.text, /警告 +EX01: setspn -S SMTPSVC\/EX01 EX01：退出代码 1/);
    assert.match(out.text, /Register the SPN（会更改服务器；在 a DC 上运行）：/);
    assert.match(out.text, /结论：警告（0 个错误，1 个警告/);
  });

  it('English output is as before', () => {
    const out = sink();
    const p = new TextPrinter(out, false, [3]);
    p.finding(finding);
    p.stepFinished(3);
    p.verdict(verdict, [finding]);
    assert.match(out.text, /Step 3: SMTP and SMTPSVC SPNs are registered once, on the right account/);
    assert.match(out.text, / {2}WARN {4}EX01: setspn -S SMTPSVC\/EX01 EX01: exit code 1/);
    assert.match(out.text, /Verdict: WARN \(0 error, 1 warning, 0 unknown, 0 ok; 1 findings\)/);
  });
});
