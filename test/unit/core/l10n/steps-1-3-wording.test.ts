/**
 * Steps 1 to 3 word their findings wholly in the user's language: every finding the terminal
 * interpreters make from the Windows fixtures, and the account-key judgements of the unit
 * scenarios, worded in Hebrew and in Chinese, hold no English word of ours (names, SPNs, codes,
 * technical terms and messages printed by a tool stay; see ./english-left.ts). The engine checks'
 * scenarios run the same assertion (clock-check, replication-check and spn-check tests).
 */
import { strict as assert } from 'node:assert';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Finding } from '../../../../src/shared/findings';
import { makeFinding } from '../../../../src/core/findings/define';
import { clockFindings } from '../../../../src/core/steps/1-clocks/finding-codes';
import { monitorFindings, stripchartFindings } from '../../../../src/core/steps/1-clocks/w32tm-findings';
import { replSummaryFindings, syncAllFindings } from '../../../../src/core/steps/2-replication/repadmin-findings';
import {
  setspnAddFindings,
  setspnDuplicatesFindings,
  setspnListFindings,
  setspnQueryFindings,
} from '../../../../src/core/steps/3-spns/setspn-findings';
import { judgeAccount, judgePairTypes } from '../../../../src/core/steps/3-spns/account-keys-findings';
import { accountInput as account, copy } from '../steps/3-spns/account-keys-fixture';
import { FULL_SPNS, ctx, fixture, server } from '../tools/windows-fixtures';
import { KERBEROS_ERRORS } from '../../../../src/core/kerberos-codes';
import { kerberosMeaning } from '../../../../src/core/steps/3-spns/kerberos-meanings';
import { paramText } from '../../../../src/core/l10n/render';
import { semicolonList } from '../../../../src/core/l10n/semicolon-list';
import { assertWhollyWorded, englishLeft } from './english-left';
import { labelOf, summaryOf } from '../../../../src/core/l10n/worded-parts';
import { RUN_ON } from '../../../../src/core/remedies/run-on';

const FIXTURES = readdirSync(join(__dirname, '../../../fixtures/windows'));
const named = (prefix: string): string[] => FIXTURES.filter((f) => f.startsWith(prefix));
const LOCALISED = join(__dirname, '../../../fixtures/localised/setspn');
/** setspn output in other display languages (test/fixtures/localised/setspn/SOURCES.md). */
const localised = (prefix: string): string[] =>
  readdirSync(LOCALISED)
    .filter((f) => f.startsWith(prefix))
    .map((f) => readFileSync(join(LOCALISED, f), 'utf8'));

/** Every finding of a fixture run, but not the unrecognised-output one (common code, worded elsewhere). */
function recognised(findings: readonly Finding[]): Finding[] {
  return findings.filter((f) => f.code !== 'tool.output-unrecognised');
}

/** The English left in `f` worded in Chinese, failing unless it names every fragment. */
function assertCaught(f: Finding, fragments: readonly string[]): string {
  const left = englishLeft('zh-cn', f).join('\n');
  for (const fragment of fragments)
    assert.match(left, new RegExp(fragment.split(' ').join('[ |]')), `${fragment} is not caught:\n${left}`);
  return left;
}

describe('steps 1-3: findings worded wholly in Hebrew and Chinese', () => {
  it('catches an English fragment: a sentence, a remedy, a label, a table cell, a reason', () => {
    const f = makeFinding(clockFindings, 'clock.local-skew', {
      severity: 'warning',
      subject: { kind: 'local', name: 'this machine' },
      params: { duration: '7 min 0.0 s', direction: 'ahead of' },
      remedies: [
        { summary: 'Show how EX01 keeps time', command: 'w32tm', runOn: 'EX01', shell: 'cmd', changesState: false },
      ],
      evidence: [{ label: 'output', value: 'x', source: 'y', observedAt: 'z' }],
      tables: [{ caption: 'Clock readings', columns: ['Source'], rows: [['within tolerance']] }],
      reason: 'no answer',
    });
    assertCaught(f, ['ahead of', 'Show how', 'output', 'Clock readings', 'Source', 'within tolerance', 'no answer']);
    assert.equal(englishLeft('he', f).length, englishLeft('zh-cn', f).length);
  });

  it('catches English where a remedy runs, in a value or source of ours and in a subject named by us', () => {
    const english = (value: string) => ({ key: 'fp.common.value', params: { value } });
    const f = makeFinding(clockFindings, 'clock.local-skew', {
      severity: 'warning',
      subject: { kind: 'local', name: 'this machine', nameText: english('this machine') },
      params: { duration: '7 min 0.0 s', direction: { key: 'fp.1.ahead-of' } },
      remedies: [
        {
          ...summaryOf('fp.1.fix.resync', { server: 'EX01' }),
          command: 'w32tm /resync',
          runOn: 'any domain-joined Windows machine',
          shell: 'cmd',
          changesState: true,
        },
      ],
      evidence: [
        {
          ...labelOf('fp.1.label.output'),
          value: 'nothing found',
          valueText: english('nothing found'),
          source: 'from here',
          sourceText: english('from here'),
          observedAt: 'z',
        },
        // An observed value and source without phrases stay as they were seen.
        { ...labelOf('fp.1.label.output'), value: 'as printed', source: 'as read', observedAt: 'z' },
      ],
    });
    const left = assertCaught(f, [
      'subject: this machine',
      'runs on: any machine',
      'value: nothing found',
      'source: from here',
    ]);
    assert.doesNotMatch(left, /as printed|as read/);
    // With its phrase, the same remedy passes.
    const placed = { ...f, remedies: f.remedies.map((r) => ({ ...r, ...RUN_ON.anyWindows })) };
    assert.doesNotMatch(englishLeft('zh-cn', placed).join('\n'), /runs on/);
  });

  it('lets names, SPNs, codes, technical terms and quoted tool output through', () => {
    const f = makeFinding(clockFindings, 'clock.unreachable', {
      severity: 'unknown',
      subject: { kind: 'dc', name: 'DC2' },
      params: { host: 'dc2.contoso.test' },
      reason: 'KRB_AP_ERR_SKEW',
    });
    assert.deepEqual(englishLeft('zh-cn', f), []);
  });

  it('step 1: w32tm /stripchart and /monitor, every fixture, two tolerances', () => {
    const fs = [
      ...named('w32tm-stripchart-').flatMap((name) =>
        [300_000, 1000].flatMap((tol) =>
          stripchartFindings('DC2', fixture(name), 0, ctx({ clockToleranceMs: tol, clockWarningMs: tol / 5 })),
        ),
      ),
      ...named('terminal-bash-stripchart').flatMap((name) => stripchartFindings('DC2', fixture(name), 0, ctx())),
      ...named('w32tm-monitor').flatMap((name) => monitorFindings(fixture(name), 0, ctx())),
      ...named('w32tm-monitor').flatMap((name) =>
        monitorFindings(fixture(name), 0, ctx({ clockToleranceMs: 1, clockWarningMs: 1 })),
      ),
    ];
    assert.ok(recognised(fs).length > 10, 'the fixtures give findings');
    assert.ok(new Set(fs.map((f) => f.code)).size >= 3, `codes: ${[...new Set(fs.map((f) => f.code))].join(', ')}`);
    assertWhollyWorded(recognised(fs));
  });

  it('step 2: repadmin /replsummary and /syncall, every fixture', () => {
    const fs = [
      ...named('repadmin-replsummary-').flatMap((name) => replSummaryFindings(fixture(name), 0, ctx())),
      ...named('repadmin-syncall-').flatMap((name) => syncAllFindings(fixture(name), 0, ctx())),
    ];
    assert.ok(new Set(fs.map((f) => f.code)).size >= 4, `codes: ${[...new Set(fs.map((f) => f.code))].join(', ')}`);
    assertWhollyWorded(recognised(fs));
  });

  it('step 3: setspn -L, -Q, -S and -X, every fixture', () => {
    const ex01 = server('EX01', FULL_SPNS('EX01'));
    const fs = [
      ...named('setspn-L-').flatMap((name) => setspnListFindings(fixture(name), 0, ctx({ server: ex01 }))),
      ...named('setspn-L-').flatMap((name) =>
        setspnListFindings(fixture(name), 0, ctx({ server: server('EX02', []) })),
      ),
      ...named('terminal-pwsh-setspn-L').flatMap((name) => setspnListFindings(fixture(name), 0, ctx({ server: ex01 }))),
      ...named('setspn-Q-').flatMap((name) => [
        ...setspnQueryFindings('SMTPSVC/ex01.contoso.test', fixture(name), 0, ctx({ server: ex01 })),
        ...setspnQueryFindings('SMTPSVC/ex01.contoso.test', fixture(name), 0, ctx({ server: server('EX02', []) })),
        ...setspnQueryFindings('SMTPSVC/ex01.contoso.test', fixture(name), 1, ctx()),
      ]),
      ...named('setspn-S-').flatMap((name) => setspnAddFindings('SMTPSVC/ex02.contoso.test', fixture(name), 1, ctx())),
      ...named('setspn-X-').flatMap((name) => setspnDuplicatesFindings(fixture(name), 0, ctx())),
      ...localised('setspn-L-').flatMap((raw) => setspnListFindings(raw, 0, ctx({ server: ex01 }))),
      ...localised('setspn-Q-').flatMap((raw) => setspnQueryFindings('SMTPSVC/ex01.contoso.test', raw, 0, ctx())),
      ...localised('setspn-S-').flatMap((raw) => setspnAddFindings('SMTPSVC/ex02.contoso.test', raw, 1, ctx())),
      ...localised('setspn-X-').flatMap((raw) => setspnDuplicatesFindings(raw, 0, ctx())),
    ];
    assert.ok(new Set(fs.map((f) => f.code)).size >= 8, `codes: ${[...new Set(fs.map((f) => f.code))].join(', ')}`);
    // Accounts the fixtures name with plain words: setspn-Q-found.txt's "File Services", setspn-Q-ja-verbatim.txt's "apache".
    assertWhollyWorded(recognised(fs), ['File Services', 'apache']);
  });

  it("step 3: the Kerberos keys of an account on every DC, in each of the unit tests' states", () => {
    const unset = copy('DC1');
    delete unset.copy?.enctypes;
    const old = { passwordSetAt: '2025-01-01T00:00:00.000Z', lastLogonAt: '2025-01-01T00:00:00.000Z' };
    const fs = [
      judgeAccount(account([copy('DC1', {}, 0x1c), copy('DC2', {}, 0x1c)])),
      judgeAccount(
        account([copy('DC1', { keyVersion: 3 }), copy('DC2', { keyVersion: 1 }), copy('DC3', { keyVersion: 2 })]),
      ),
      judgeAccount(account([copy('DC1', { keyVersion: 2 }), copy('DC2', { keyVersion: 1 })])),
      judgeAccount(account([copy('DC1', { userAccountControl: 4098 | 0x200000, enctypes: 0x4 }, 0x18)])),
      judgeAccount(account([copy('DC1', { enctypes: 0x4 })], { otherClaims: ['A$', 'B$'] })),
      judgeAccount(account([copy('DC1', { enctypes: 0x4 }, 0x18)])),
      judgeAccount(account([copy('DC1', { enctypes: 0x3 })])),
      judgeAccount(account([unset])),
      judgeAccount(account([copy('DC1', old)])),
      judgeAccount(
        account([copy('DC1', { passwordSetAt: '2026-11-01T00:00:00.000Z' })], { aesSince: '2026-11-02T00:00:00.000Z' }),
      ),
    ].flat();
    const pair = judgePairTypes(
      account([copy('DC1', { enctypes: 0x4 })]),
      { server: 'EX01', copy: copy('DC1', { enctypes: 0x18 }) },
      copy('DC1', { enctypes: 0x4 }),
    );
    if (pair) fs.push(pair);
    assert.ok(new Set(fs.map((f) => f.code)).size >= 10, `codes: ${[...new Set(fs.map((f) => f.code))].join(', ')}`);
    assertWhollyWorded(fs);
  });

  it('keeps the English of a Kerberos code meaning word for word, and words it in Chinese where it has phrases', () => {
    let worded = 0;
    for (const code of KERBEROS_ERRORS.values()) {
      const hint = code.steps[0];
      const meaning = kerberosMeaning(code, hint);
      assert.equal(paramText('en', meaning), `${code.meaning}${hint ? ` ${hint.why}` : ''}`, code.name);
      if (typeof meaning !== 'string') {
        worded++;
        assert.match(paramText('zh-cn', meaning), /[\u4e00-\u9fff]/, code.name);
      }
    }
    assert.ok(worded >= 10, `${worded} codes have phrases`);
  });

  it('chains items that hold commas with a semicolon of the language', () => {
    const items = [{ key: 'fp.3.on', params: { spn: 'SMTP/A', accounts: 'X, Y' } }, 'Z'];
    assert.equal(paramText('en', semicolonList(items)), 'SMTP/A on X, Y; Z');
    assert.equal(paramText('zh-cn', semicolonList(items)), 'SMTP/A 在 X, Y 上；Z');
    assert.equal(paramText('en', semicolonList([])), '');
  });
});
