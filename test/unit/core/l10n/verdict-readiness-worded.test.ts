/**
 * The verdict's likely causes and the Kerberos readiness table in the user's language: a cause's
 * summary keeps its English text and words its lead and its findings' titles in Chinese or Hebrew;
 * the readiness rows word their labels, statuses and our own details (the CLI's --lang); every
 * Kerberos error meaning and event hint step 5 can show has a phrase.
 */
import { strict as assert } from 'node:assert';
import { makeFinding } from '../../../../src/core/findings/define';
import { rankCauses } from '../../../../src/core/engine/verdict';
import { wordCause } from '../../../../src/core/l10n/worded-cause';
import { EN } from '../../../../src/core/l10n/en';
import { KERBEROS_ERRORS, stepsForEvent } from '../../../../src/core/kerberos-codes';
import { portsFindings } from '../../../../src/core/steps/4-ports/finding-codes';
import { connectorsFindings } from '../../../../src/core/steps/6-receive-connectors/finding-codes';
import { formatReadiness, readinessIn } from '../../../../src/cli/readiness-text';
import { adviceText, meaningText } from '../../../../src/core/l10n/kerberos-words';

const server = (name: string) => ({ kind: 'server' as const, name });
const findings = [
  makeFinding(portsFindings, 'port.kdc-site-unreachable', {
    severity: 'error',
    subject: server('EX02'),
    params: { server: 'EX02', site: 'Site-A', kdcs: 'DC1' },
  }),
  makeFinding(portsFindings, 'port.kdc-site-none', {
    severity: 'warning',
    subject: server('EX01'),
    params: { server: 'EX01', site: 'Site-B' },
  }),
  makeFinding(portsFindings, 'port.host-silent', {
    severity: 'warning',
    subject: server('EX03'),
    params: { name: 'EX03', host: 'ex03.contoso.test' },
  }),
  makeFinding(connectorsFindings, 'connector.no-exchange-auth', {
    severity: 'error',
    subject: server('EX02\\Relay'),
    params: { connector: 'EX02\\Relay' },
  }),
];

describe('the verdict and the readiness table in the user language', () => {
  it('a cause keeps its English summary and is worded with its findings in Chinese and Hebrew', () => {
    const causes = rankCauses(findings);
    const ports = causes.find((c) => c.step === 4)!;
    assert.equal(
      ports.summary,
      "Ports needed for Kerberos or mail transport do not answer, so a server cannot reach the KDC or its peer. No KDC of EX02's site Site-A answers on port 88 (DC1); No domain controller is in EX01's site Site-B; and 1 more.",
    );
    assert.equal(wordCause('en', ports, findings), ports.summary);
    const zh = wordCause('zh-cn', ports, findings);
    assert.equal(
      zh,
      'Kerberos 或邮件传输所需的端口没有响应，因此服务器无法访问 KDC 或对端服务器。EX02 所在站点 Site-A 中没有 KDC 在端口 88 上响应（DC1）；EX01 所在站点 Site-B 中没有域控制器；另有 1 项。',
    );
    const he = wordCause(
      'he',
      causes.find((c) => c.step === 6)!,
      findings,
    );
    assert.match(he, /^מחבר קבלה שמקבל דואר משרתי Exchange האחרים אינו מציע אימות Exchange Server\. /);
    assert.doesNotMatch(he, /does not|offer /);
  });

  it('without its findings a cause still words its lead, and a cause from an older report keeps its English', () => {
    const [cause] = rankCauses(findings.slice(3));
    assert.match(wordCause('es', cause!, []), /^Un conector de recepción .* Server\. EX02\\Relay does not offer/);
    const { summaryText: _dropped, ...old } = cause!;
    assert.equal(wordCause('zh-cn', old, findings), cause!.summary);
  });

  it('the CLI readiness table words labels, statuses and our details in Chinese, and keeps English as it was', () => {
    const en = formatReadiness(readinessIn('en', findings, 'EX01', 'EX02'));
    assert.match(en.split('\n')[0]!, /^Kerberos readiness, EX01 -> EX02 \(start at the row marked >\):$/);
    assert.match(en, /\n> 4 {2}KDC in the site {9}ERROR {8}No KDC of EX02's site Site-A answers on port 88 \(DC1\)\n/);
    assert.match(en, /step 3 did not run/);
    const zh = formatReadiness(readinessIn('zh-cn', findings, 'EX01', 'EX02'), 'zh-cn');
    assert.match(zh.split('\n')[0]!, /^Kerberos 就绪情况，EX01 -> EX02（请从标有 > 的行开始）：$/);
    assert.match(zh, /> 4 {2}站点中的 KDC +错误 +EX02 所在站点 Site-A 中没有 KDC 在端口 88 上响应（DC1）/);
    assert.match(zh, /第 3 步未运行/);
    assert.doesNotMatch(zh, /did not|Clock|not checked|SPN holder/);
  });

  it('every Kerberos error meaning and event hint step 5 can show has a phrase', () => {
    for (const e of KERBEROS_ERRORS.values()) {
      if (e.benign) continue;
      assert.equal(typeof meaningText(e), 'object', `${e.name} has no phrase`);
      for (const s of e.steps) assert.equal(typeof adviceText(s.why), 'object', s.why);
    }
    const events = [
      { provider: 'Microsoft-Windows-Security-Kerberos', id: 3 },
      { provider: 'Microsoft-Windows-Security-Kerberos', id: 4 },
      ...[7, 11, 14, 16, 27].map((id) => ({ provider: 'Microsoft-Windows-Kerberos-Key-Distribution-Center', id })),
      { provider: 'MSExchangeTransport', id: 1035 },
    ];
    for (const e of events) for (const s of stepsForEvent(e)) assert.equal(typeof adviceText(s.why), 'object', s.why);
    assert.ok(Object.keys(EN).filter((k) => k.startsWith('fp.5.why.')).length >= 28);
  });
});
