/**
 * Steps 4 to 6 speak the user's language all the way through: every finding their checks and
 * interpreters make, over the scenarios of their unit tests and the Windows fixtures, is worded in
 * Chinese and Hebrew (title, explanation, remedies, evidence labels of ours, tables, reason) and
 * must hold no Latin-script word but the values it names (servers, ports, SPNs, tokens passed as
 * plain params or inside phrases) and an explicit list of technical tokens. An English fragment
 * passed as a plain param, a remedy or table without its phrase, or a phrase left untranslated
 * fails here.
 */
import { strict as assert } from 'node:assert';
import type { Finding } from '../../../../src/shared/findings';
import type { LocalParam } from '../../../../src/shared/local-text';
import { wordFinding } from '../../../../src/core/l10n/finding-wording';
import { wordParts } from '../../../../src/core/l10n/worded-parts';
import type { Lang } from '../../../../src/core/l10n/render';
import { engineChecks, step4, step5, step6 } from './steps-4-6-scenarios';

/** Technical tokens a translated sentence keeps as they are (product, protocol, command and field names). */
const TOKENS = new Set(
  `SMTP SMTPSVC ESMTP GSSAPI NTLM EXCHANGEAUTH TLS SChannel KDC Kdc Kerberos X-EXPS X-ANONYMOUSTLS STARTTLS EHLO
  LDAP UDP TCP DNS RPC SMB SPN PAC KRB_ERR_RESPONSE_TOO_BIG KRB_AP_ERR_MODIFIED IP IPv6 fe80 ffff KB Exchange Server
  ExchangeServer ExchangeServers AuthMechanism LogLevel PowerShell WinRM Windows lsass.exe Netlogon Test-NetConnection
  Get-ExchangeCertificate New-ExchangeCertificate Enable-ExchangeCertificate Get-ReceiveConnector Get-WinEvent
  NET SchUseStrongCrypto Protocols Edge Microsoft ms DC kpasswd PKINIT Integrated Status Running Services FQDN AD X`.split(
    /\s+/,
  ),
);

/** Every plain value a phrase carries (names, ports, dates inside `fp.*` phrases): values by construction. */
function phraseValues(p: LocalParam | undefined, out: string[]): void {
  if (p === undefined) return;
  if (typeof p === 'string' || typeof p === 'number') {
    out.push(String(p));
    return;
  }
  if (Array.isArray(p)) for (const x of p as LocalParam[]) phraseValues(x, out);
  else for (const v of Object.values((p as { params?: Record<string, LocalParam> }).params ?? {})) phraseValues(v, out);
}

/** Top-level params that are values (names, numbers, tokens); any other plain param must be a phrase. */
const VALUE_PARAMS = new Set(
  'name host server site kdcs where connector endpoint sender address port senders connectors verb protocol reply fqdn offered provider eventId count missing receiverSpeaks'.split(
    ' ',
  ),
);

function latinLeft(lang: Lang, f: Finding): string[] {
  const worded = wordParts(lang, f);
  const { title, explanation } = wordFinding(lang, f);
  const values: string[] = [];
  for (const [name, v] of Object.entries(f.params ?? {})) {
    if (typeof v === 'string' || typeof v === 'number') {
      if (VALUE_PARAMS.has(name)) values.push(String(v));
    } else phraseValues(v, values);
  }
  const texts = [title, explanation];
  for (const r of worded.remedies) {
    assert.ok(r.summaryText, `${f.code}: remedy without a phrase: ${r.summary}`);
    phraseValues(r.summaryText, values);
    texts.push(r.summary);
    // Where it runs: a host name is a value; anything else is words of ours and needs its phrase.
    if (r.runOnText) {
      phraseValues(r.runOnText, values);
      texts.push(r.runOnWorded ?? r.runOn);
    } else if (/^[A-Za-z0-9.-]+$/.test(r.runOn)) values.push(r.runOn);
    else texts.push(r.runOn);
  }
  f.evidence.forEach((e, i) => {
    const w = worded.evidence[i]!;
    for (const [phrase, shown] of [
      [e.labelText, w.label],
      [e.valueText, w.value],
      [e.sourceText, w.source],
    ] as const) {
      if (!phrase) continue;
      phraseValues(phrase, values);
      texts.push(shown);
    }
  });
  if (f.subject.nameText) {
    phraseValues(f.subject.nameText, values);
    texts.push(worded.subject.name);
  }
  (f.tables ?? []).forEach((t, i) => {
    assert.ok(t.text?.caption && t.text.columns, `${f.code}: table without phrases: ${t.caption}`);
    const w = worded.tables![i]!;
    phraseValues(t.text.caption, values);
    texts.push(w.caption, ...w.columns);
    for (const c of t.text.columns) phraseValues(c, values);
    t.rows.forEach((row, r) =>
      row.forEach((cell, c) => {
        const phrase = t.text?.rows?.[r]?.[c];
        if (phrase) {
          phraseValues(phrase, values);
          texts.push(w.rows[r]![c]!);
        }
      }),
    );
  });
  if (f.reasonText) {
    phraseValues(f.reasonText, values);
    texts.push(worded.reason ?? '');
  }
  // Longest first, so a value inside another is not cut in two.
  const byLength = [...new Set(values.filter(Boolean))].sort((a, b) => b.length - a.length);
  const left: string[] = [];
  for (const t of texts) {
    let rest = t;
    for (const v of byLength) rest = rest.split(v).join(' ');
    for (const word of rest.match(/[A-Za-z][A-Za-z0-9_.-]*/g) ?? []) {
      const bare = word.replace(/[.-]+$/, '');
      if (!TOKENS.has(bare) && !/^0x[0-9a-f]+$/i.test(bare) && !/^TLSv\d/.test(bare)) left.push(`${bare} in "${t}"`);
    }
  }
  return left;
}

describe('steps 4 to 6 worded wholly in the user language', () => {
  const scenarios: [string, () => Finding[] | Promise<Finding[]>][] = [
    ['step 4', step4],
    ['step 5', step5],
    ['step 6', step6],
    ['the engine checks of steps 4 and 6', engineChecks],
  ];
  for (const [name, make] of scenarios) {
    it(`${name}: no English word is left in Chinese or Hebrew`, async () => {
      const findings = await make();
      assert.ok(findings.length > 5, `${name} made ${findings.length} findings`);
      const left = (['zh-cn', 'he'] as const).flatMap((lang) =>
        findings.flatMap((f) => latinLeft(lang, f).map((w) => `${lang} ${f.code}: ${w}`)),
      );
      assert.deepEqual([...new Set(left)], []);
    });
  }

  it('the scenarios reach the codes whose params used to be English fragments', async () => {
    const codes = new Set([...step4(), ...step5(), ...step6(), ...(await engineChecks())].map((f) => f.code));
    for (const code of [
      'port.kdc-stopped',
      'port.kdc-silent',
      'port.kerberos-blocked',
      'port.transport-blocked',
      'port.blocked',
      'port.open',
      'kerberos-log.event',
      'kerberos-log.change-failed',
      'connector.wire-agrees',
      'tls.version-mismatch',
      'tls.certificate-name',
      'tls.certificate-expired',
      'tls.session-stalled',
      'tls.handshake',
      'connector.wire-agrees',
      'connector.selection',
      'smtp.inspected',
      'tls.not-judged-inspected',
      'connector.relay-captures-exchange',
      'connector.sender-not-covered',
    ])
      assert.ok(codes.has(code), code);
  });
});
