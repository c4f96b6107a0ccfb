/**
 * The localised readers added for the verbatim samples of issue 14 under fuzzing: setspn -L/-X/-Q/-S
 * in any language, the DN inside a translated sentence, Windows klist with blank fields, the w32tm
 * graph line with a comma. Nothing throws, results are plain data, every DN or SPN reported comes
 * from the input, and long hostile lines are read in linear time.
 */
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { textLike } from '../../../fixtures/fuzz/text-like';
import { parseSetspnDuplicates, parseSetspnList, parseSetspnQuery } from '../../../../src/core/steps/3-spns/setspn';
import { parseSetspnAdd } from '../../../../src/core/steps/3-spns/setspn-add';
import { dnInSentence, localisedChecking } from '../../../../src/core/steps/3-spns/setspn-localised';
import { parseWindowsKlist } from '../../../../src/core/steps/3-spns/klist-parsers';
import { parseW32tmStripchart } from '../../../../src/core/steps/1-clocks/w32tm-stripchart';
import { cleanTerminalOutput } from '../../../../src/core/parsers/terminal-clean';

const fixtures = join(__dirname, '../../../fixtures');
const read = (dir: string): string[] =>
  readdirSync(join(fixtures, dir))
    .filter((f) => !f.endsWith('.md'))
    .map((f) => readFileSync(join(fixtures, dir, f), 'utf8'));
const samples = [...read('localised/setspn'), ...read('kerberos').filter((s) => s.includes('#0>'))];

const tokens = fc.constantFrom(
  '次の項目に登録されている ',
  'Valores de ServicePrincipalName registrados para ',
  'Noms ServicePrincipalName inscrits pour ',
  'Vérification du domaine ',
  "Traitement de l'entrée 0",
  '0 groupe de SPN en double détectés.',
  'Die Domäne "DC=a,DC=b" wird überprüft.',
  'Dienstprinzipalnamen (SPN) für ',
  ' werden registriert.',
  'Aktualisiertes Objekt',
  '正在检查域 ',
  '为 ',
  ' 注册 ServicePrincipalNames',
  '更新的对象',
  '发现存在 SPN!',
  'ドメイン ',
  ' を確認しています',
  '既存の SPN が見つかりました',
  'CN=EX01,CN=Computers,',
  'OU=x,',
  'DC=contoso,DC=test',
  ',DC=',
  'SMTPSVC/ex01.contoso.test',
  'HOST/',
  '#0>     Cliente: a @ B',
  'Servidor: krbtgt/B @ B',
  'KDC llamado:',
  '调用的 KDC:',
  '02:56:46, d:+00.0216004s o:-00.0068953s  [  *  ]',
  '"',
  '„',
  '«',
  ':',
  '：',
  '。',
  '\t',
  '        ',
  '\r\n',
  '\n',
);
const anyText = fc.oneof(...textLike(tokens, samples, { pieceMax: 6 }));

const parsers: [string, (raw: string) => { recognised: boolean; problems: unknown[] }][] = [
  ['parseSetspnList', parseSetspnList],
  ['parseSetspnDuplicates', parseSetspnDuplicates],
  ['parseSetspnQuery', parseSetspnQuery],
  ['parseSetspnAdd', parseSetspnAdd],
  ['parseW32tmStripchart', (r) => parseW32tmStripchart(r)],
];

describe('localised verbatim readers under fuzzing', () => {
  for (const [name, parse] of parsers) {
    it(`${name} survives 800 hostile localised inputs`, () => {
      fc.assert(
        fc.property(anyText, (text) => {
          const out = parse(text);
          assert.equal(typeof out.recognised, 'boolean');
          assert.ok(Array.isArray(out.problems));
          JSON.stringify(out);
        }),
        { numRuns: 800 },
      );
    });
  }

  it('every DN, domain and SPN the setspn readers report is text of the input (once cleaned)', () => {
    fc.assert(
      fc.property(anyText, (raw) => {
        // The readers see the text as a terminal shows it: escape sequences and control characters gone.
        const text = cleanTerminalOutput(raw);
        const q = parseSetspnQuery(raw);
        if (q.recognised) {
          for (const a of q.value.accounts) for (const s of [a.dn, ...a.spns]) assert.ok(text.includes(s));
          for (const c of q.value.checked) assert.ok(text.includes(c));
        }
        const add = parseSetspnAdd(raw);
        if (add.recognised && (add.value.kind === 'registered' || add.value.kind === 'unconfirmed')) {
          assert.ok(text.includes(add.value.accountDn));
        }
        for (const l of text.split('\n')) {
          const dn = dnInSentence(l);
          if (dn !== undefined) assert.ok(l.includes(dn) && /DC=[^,]+$/i.test(dn));
          const dc = localisedChecking(l);
          if (dc !== undefined) assert.ok(l.includes(dc) && !/["'“”„«»]/.test(dc));
        }
      }),
      { numRuns: 800 },
    );
  });

  it('Windows klist never reports a label as a value, and every server comes from the input', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        for (const t of parseWindowsKlist(text)) {
          assert.ok(text.replace(/\s*@\s*/g, '@').includes(t.server));
          assert.ok(t.kdc === undefined || !/:\s*$/.test(t.kdc));
        }
      }),
      { numRuns: 800 },
    );
  });

  // A backtracking DN pattern would not finish these within mocha's timeout; nothing here is timed.
  it('reads 1 MB lines of DN-like text without closing parts', () => {
    const hostile = [
      `为 CN=${'a,'.repeat(500_000)}`,
      `x ${'CN=a,DC='.repeat(100_000)}`,
      `Die Domäne "${'DC=a,'.repeat(200_000)}`,
      `${'\tHOST/'.repeat(100_000)}\n发现存在 SPN!`,
    ];
    for (const text of hostile) {
      assert.equal(typeof parseSetspnAdd(text).recognised, 'boolean');
      assert.equal(typeof parseSetspnQuery(text).recognised, 'boolean');
      assert.equal(typeof parseSetspnList(text).recognised, 'boolean');
    }
  });
});
