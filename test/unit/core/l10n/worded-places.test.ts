/**
 * Where a remedy runs, a subject named by us and the evidence values and sources of our words are
 * worded for display (src/core/l10n/worded-parts.ts) while what identifies them stays English: a
 * worded remedy still has its English `runOn`, so the remedy registry recognises the copy a view
 * sends back, and the CLI prints the place in its language.
 */
import { strict as assert } from 'node:assert';
import type { Finding } from '../../../../src/shared/findings';
import { TextPrinter } from '../../../../src/cli/text-output';
import { makeFinding } from '../../../../src/core/findings/define';
import { RemedyRegistry, remedyIdentity } from '../../../../src/core/session/remedy-registry';
import { RUN_ON } from '../../../../src/core/remedies/run-on';
import { spnFindings } from '../../../../src/core/steps/3-spns/finding-codes';
import { setspnDuplicates } from '../../../../src/core/steps/3-spns/spn-remedies';
import { listOrNone, nameOf, runOnShown, sourceOf, valueOf, wordParts } from '../../../../src/core/l10n/worded-parts';
import { text } from '../../../../src/core/l10n/render';
import { wordedFinding } from '../../../../src/core/walkthrough/worded-state';

function finding(): Finding {
  return makeFinding(spnFindings, 'spn.no-computer-account', {
    severity: 'unknown',
    subject: { kind: 'organisation', ...nameOf('fp.common.organisation') },
    params: { server: 'EX02', account: 'EX02$' },
    evidence: [
      {
        label: 'servicePrincipalName',
        ...valueOf(listOrNone([])),
        ...sourceOf(text('fp.4.source.from-here', { target: 'dc1:88' })),
        observedAt: '2026-12-04T16:00:00.000Z',
      },
      { label: 'dNSHostName', ...valueOf('ex02.contoso.test'), ...sourceOf('LDAP'), observedAt: 'z' },
    ],
    remedies: [setspnDuplicates()],
    reason: 'x',
  });
}

describe('places, names and values of our words, worded for display only', () => {
  it('keeps the English text as the data and the phrase beside it', () => {
    const f = finding();
    assert.equal(f.subject.name, 'organisation');
    assert.equal(f.evidence[0]!.value, '(none)');
    assert.equal(f.evidence[0]!.source, 'from this machine to dc1:88');
    assert.equal(f.evidence[1]!.valueText, undefined, 'an observed value has no phrase');
    assert.equal(f.remedies[0]!.runOn, 'any domain-joined Windows machine');
    assert.deepEqual(f.remedies[0]!.runOnText, RUN_ON.anyWindows.runOnText);
  });

  it('words them in Chinese and Hebrew, and leaves English untouched', () => {
    const f = finding();
    const zh = wordParts('zh-cn', f);
    assert.equal(zh.subject.name, '组织');
    assert.equal(zh.evidence[0]!.value, '（无）');
    assert.equal(zh.evidence[0]!.source, '从本机到 dc1:88');
    assert.equal(zh.evidence[1]!.value, 'ex02.contoso.test');
    assert.equal(zh.remedies[0]!.runOnWorded, '任意一台已加入域的 Windows 计算机');
    assert.equal(runOnShown('he', f.remedies[0]!), 'כל מחשב Windows המצורף לתחום');
    assert.equal(runOnShown('en', f.remedies[0]!), 'any domain-joined Windows machine');
    assert.equal(wordParts('en', f), f);
    assert.equal(wordedFinding(f, 'he').subject.name, 'ארגון');
  });

  it('a worded remedy keeps runOn, so the registry recognises the copy a view sends back', () => {
    const f = finding();
    const registry = new RemedyRegistry();
    registry.remember([f]);
    for (const lang of ['es', 'nl', 'he', 'zh-cn'] as const) {
      const shown = wordParts(lang, f).remedies[0]!;
      assert.equal(shown.runOn, f.remedies[0]!.runOn, lang);
      assert.notEqual(shown.runOnWorded, shown.runOn, lang);
      assert.equal(remedyIdentity(shown), remedyIdentity(f.remedies[0]), lang);
      assert.ok(registry.lookup(shown), lang);
    }
  });

  it('the CLI prints where a remedy runs in its language', () => {
    const sink = { text: '', write: (t: string) => (sink.text += t) };
    const f = { ...finding(), severity: 'warning' as const };
    for (const lang of ['zh-cn', 'nl'] as const) {
      const printer = new TextPrinter(sink, false, [3], undefined, lang);
      printer.finding(f);
      printer.stepFinished(3);
    }
    assert.match(sink.text, /在 任意一台已加入域的 Windows 计算机 上运行/);
    assert.match(sink.text, /op een willekeurige Windows-computer in het domein\)/);
    assert.doesNotMatch(sink.text, /any domain-joined/);
  });
});
