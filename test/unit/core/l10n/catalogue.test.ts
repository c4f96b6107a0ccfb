import { strict as assert } from 'node:assert';
import { hoverAt } from '../../../../src/core/evidence/hover';
import { PROTOCOL_LOG_FIELDS } from '../../../../src/core/evidence/w3c';
import { commonFindings } from '../../../../src/core/findings/common-codes';
import { placeholdersOf } from '../../../../src/core/findings/define';
import { EN, type MessageKey } from '../../../../src/core/l10n/en';
import { COMMON_FINDING_TRANSLATIONS, wordFinding } from '../../../../src/core/l10n/finding-wording';
import {
  CATALOGUES,
  LANGS,
  langFromEnv,
  parseLang,
  render,
  stepsText,
  t,
  text,
} from '../../../../src/core/l10n/render';

const keys = Object.keys(EN).sort();
const sorted = (xs: string[]): string[] => [...xs].sort();

describe('message catalogue', () => {
  for (const lang of LANGS) {
    it(`${lang}: every key, no extra key, the same placeholders, no empty text`, () => {
      const cat = CATALOGUES[lang] as Record<string, string>;
      assert.deepEqual(Object.keys(cat).sort(), keys, `${lang} keys differ from English`);
      for (const k of keys) {
        const value = cat[k];
        assert.ok(typeof value === 'string' && value.trim() !== '', `${lang} ${k} is empty`);
        assert.deepEqual(sorted(placeholdersOf(value)), sorted(placeholdersOf(EN[k as MessageKey])), `${lang} ${k}`);
      }
    });
  }

  for (const lang of LANGS.filter((l) => l !== 'en')) {
    it(`${lang}: every diagnostic sentence is translated, not copied from English`, () => {
      const cat = CATALOGUES[lang];
      const same = keys.filter((k) => /^(ev|cause|cli)\./.test(k) && cat[k as MessageKey] === EN[k as MessageKey]);
      assert.deepEqual(same, []);
    });
  }

  it('fills nested messages and lists in the same language', () => {
    const msg = text('ev.auth-temporary-failure', {
      between: text('between.both', { sending: 'EX01', receiving: 'EX02' }),
      steps: stepsText([1, 3]),
    });
    assert.equal(
      render('en', msg),
      '454 4.7.0 Temporary authentication failure from EX01 to EX02: Exchange Server authentication (Kerberos) between the servers failed. Check KB 979174 step 1 (clocks), then step 3 (SPNs).',
    );
    assert.match(render('es', msg), /de EX01 a EX02: .*paso 1 \(relojes\) y después paso 3 \(SPN\)\.$/);
    assert.match(render('zh-cn', msg), /从 EX01 到 EX02.*第 1 步（时钟），然后第 3 步（SPN）/);
    assert.equal(
      render('en', stepsText([1, 3, 2])),
      'KB 979174 step 1 (clocks), then step 3 (SPNs), step 2 (AD replication)',
    );
    assert.equal(
      render('zh-cn', stepsText([1, 3, 2])),
      'KB 979174 第 1 步（时钟），然后第 3 步（SPN）、第 2 步（AD 复制）',
    );
  });

  it('a missing parameter stays visible as {name}', () => {
    assert.equal(t('en', 'cli.cause', { step: 3 }), 'Step 3: {summary}');
  });

  it('reads language tags from VS Code, LSP and the environment', () => {
    assert.equal(parseLang('zh-cn'), 'zh-cn');
    assert.equal(parseLang('zh-CN'), 'zh-cn');
    assert.equal(parseLang('zh_CN.UTF-8'), 'zh-cn');
    assert.equal(parseLang('zh-TW'), 'en');
    assert.equal(parseLang('es_ES.UTF-8'), 'es');
    assert.equal(parseLang('nl-BE'), 'nl');
    assert.equal(parseLang('iw'), 'he');
    assert.equal(parseLang('fr-FR'), 'en');
    assert.equal(parseLang(undefined), 'en');
    assert.equal(langFromEnv({ LANG: 'nl_NL.UTF-8', LC_ALL: 'he_IL.UTF-8' }), 'he');
    assert.equal(langFromEnv({ LANG: 'es_ES.UTF-8', LC_ALL: 'C' }), 'es');
    assert.equal(langFromEnv({}), 'en');
  });
});

describe('finding wordings by code', () => {
  it('each translated common code has the placeholders of its English template', () => {
    for (const [lang, table] of Object.entries(COMMON_FINDING_TRANSLATIONS)) {
      for (const [code, english] of Object.entries(commonFindings.wording)) {
        const w = table[code];
        assert.ok(w, `${lang} lacks ${code}`);
        assert.deepEqual(
          sorted(placeholdersOf(w.title)),
          sorted(placeholdersOf(english.title)),
          `${lang} ${code} title`,
        );
        assert.deepEqual(
          sorted(placeholdersOf(w.explanation)),
          sorted(placeholdersOf(english.explanation)),
          `${lang} ${code} explanation`,
        );
      }
    }
  });

  it('words a finding from its code and params; without the params it needs, it keeps its English text', () => {
    const f = {
      code: 'remedy.ran',
      title: 'setspn -S: exit code 0',
      explanation: 'x',
      params: { summary: 'setspn -S', exitCode: 0 },
    };
    assert.equal(wordFinding('nl', f).title, 'setspn -S: afsluitcode 0');
    assert.equal(wordFinding('en', f).title, 'setspn -S: exit code 0');
    const other = { code: 'spn.missing', title: 'SMTPSVC/EX01 is missing', explanation: 'y' };
    assert.equal(wordFinding('he', other).title, 'SMTPSVC/EX01 is missing');
    const unknown = { code: 'no.such-code', title: 'English', explanation: 'z', params: { a: 1 } };
    assert.equal(wordFinding('he', unknown).title, 'English');
    const worded = wordFinding('he', { ...other, params: { server: 'EX01', spns: 'SMTPSVC/ex01' } }).title;
    assert.ok(worded.includes('EX01') && worded.includes('SMTPSVC/ex01') && worded !== other.title, worded);
  });
});

describe('hovers in the display language', () => {
  it('a protocol log field and its event symbol are described in Dutch; an unknown field has no hover', () => {
    const line = '2026-12-04T09:41:07.405Z,EX02\\Default EX02,08DE3A,3,10.0.0.12:2525,10.0.0.11:49822,<,EHLO ex01,';
    const at = line.indexOf(',<,') + 1;
    const h = hoverAt(line, at, 'smtp-receive-log', PROTOCOL_LOG_FIELDS, 'nl');
    assert.match(h?.markdown ?? '', /\*\*event\*\*\n\nWat er gebeurde/);
    assert.match(h?.markdown ?? '', /`<`: Ontvangen van de andere kant\./);
    const port = hoverAt(line, line.indexOf('2525'), 'smtp-receive-log', PROTOCOL_LOG_FIELDS, 'he');
    assert.match(port?.markdown ?? '', /יציאה 2525: שירות התעבורה/);
    assert.equal(hoverAt(line, 2, 'smtp-receive-log', ['no-such-field'], 'es'), undefined);
  });
});
