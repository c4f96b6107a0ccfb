import { strict as assert } from 'node:assert';
import { makeFinding } from '../../../../src/core/findings/define';
import { commonFindings } from '../../../../src/core/findings/common-codes';
import { wordedFinding, wordedState } from '../../../../src/core/walkthrough/worded-state';
import { emptyState, type WalkthroughState } from '../../../../src/shared/walkthrough-protocol';
import { finding } from './fixtures';
import { buildVerdict } from '../../../../src/core/engine/verdict';
import { portsFindings } from '../../../../src/core/steps/4-ports/finding-codes';

const failed = makeFinding(commonFindings, 'engine.check-failed', {
  step: 3,
  severity: 'unknown',
  subject: { kind: 'organisation', name: 'contoso' },
  params: { check: 'SPNs' },
  reason: 'timeout',
});

function stateWith(language: WalkthroughState['language']): WalkthroughState {
  const s = emptyState(language);
  return { ...s, steps: s.steps.map((st) => (st.step === 3 ? { ...st, findings: [failed] } : st)) };
}

describe('walkthrough: findings worded in the panel language', () => {
  it('words a finding from its code and params, and keeps its code, params and evidence', () => {
    const es = wordedFinding(failed, 'es');
    assert.equal(es.title, 'SPNs: la comprobación se detuvo antes de poder decidir');
    assert.notEqual(es.explanation, failed.explanation);
    assert.equal(es.code, failed.code);
    assert.deepEqual(es.params, failed.params);
    assert.equal(es.reason, 'timeout');
  });

  it('words every step of a state in its language and leaves the English state as it was', () => {
    const english = stateWith('zh-cn');
    const shown = wordedState(english);
    const title = shown.steps.find((s) => s.step === 3)!.findings[0]!.title;
    assert.match(title, /^SPNs：/);
    assert.equal(english.steps.find((s) => s.step === 3)!.findings[0]!.title, failed.title);
  });

  it('in English, and for a code without a translation, the text is the English one', () => {
    const en = stateWith('en');
    assert.equal(wordedState(en), en);
    const custom = finding({ code: 'no.such-code', title: 'English title', explanation: 'English text' });
    assert.equal(wordedFinding(custom, 'he').title, 'English title');
  });

  it("words the verdict's likely causes with the step's findings, and keeps the English verdict", () => {
    const blocked = makeFinding(portsFindings, 'port.kdc-site-unreachable', {
      severity: 'error',
      subject: { kind: 'server', name: 'EX02' },
      params: { server: 'EX02', site: 'Site-A', kdcs: 'DC1' },
    });
    const s = emptyState('zh-cn');
    const english: WalkthroughState = {
      ...s,
      steps: s.steps.map((st) => (st.step === 4 ? { ...st, findings: [blocked] } : st)),
      verdict: buildVerdict([blocked], '', ''),
    };
    const cause = wordedState(english).verdict!.causes[0]!;
    assert.equal(
      cause.summary,
      'Kerberos 或邮件传输所需的端口没有响应，因此服务器无法访问 KDC 或对端服务器。EX02 所在站点 Site-A 中没有 KDC 在端口 88 上响应（DC1）。',
    );
    assert.match(english.verdict!.causes[0]!.summary, /^Ports needed for Kerberos/);
  });
});
