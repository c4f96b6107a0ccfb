/**
 * The finding translations (src/core/l10n/finding-translations/*.ts) against the English tables
 * (src/core/steps/N-name/finding-codes.ts): every declared code except the common ones has a
 * translation in each language, with exactly the English template's placeholders in its title and
 * explanation, and none is empty or the English text itself. A code another branch adds can be
 * translated ahead of its merge when PENDING_CODES lists it with its English placeholders there.
 */
import { strict as assert } from 'node:assert';
import { placeholdersOf } from '../../../../src/core/findings/define';
import { commonFindings } from '../../../../src/core/findings/common-codes';
import { makeFinding } from '../../../../src/core/findings/define';
import { wordFinding } from '../../../../src/core/l10n/finding-wording';
import { FINDING_TABLES, wordingOf } from '../../../../src/core/steps/finding-codes';
import { ES_FINDINGS } from '../../../../src/core/l10n/finding-translations/es';
import { NL_FINDINGS } from '../../../../src/core/l10n/finding-translations/nl';
import { HE_FINDINGS } from '../../../../src/core/l10n/finding-translations/he';
import { ZH_CN_FINDINGS } from '../../../../src/core/l10n/finding-translations/zh-cn';
import type { FindingTranslations } from '../../../../src/core/l10n/finding-translations/types';

const LANGUAGES: Record<string, FindingTranslations> = {
  es: ES_FINDINGS,
  nl: NL_FINDINGS,
  he: HE_FINDINGS,
  'zh-cn': ZH_CN_FINDINGS,
};

/**
 * Codes another branch declares but this one does not yet, translated ahead of the merge, with the
 * placeholders of their English templates on that branch. Empty since h12 and h13 reached main: a
 * translation of a code no table declares is refused.
 */
const PENDING_CODES: Readonly<Record<string, { title: string[]; explanation: string[] }>> = {};

/** Texts that are only placeholders and punctuation in English, so a translation keeps them (its own colon allowed). */
const TOKENS_ONLY: readonly string[] = [
  'port.kdc-silent.title',
  'port.kerberos-blocked.title',
  'port.transport-blocked.title',
  'port.blocked.title',
  'spn.fqdn-mismatch.explanation',
  'spn.ticket-failed.explanation',
  'kerberos-log.event.explanation',
  'kerberos-log.exchange-auth-failed.explanation',
];

/** Letters a text in the language must contain (Spanish and Dutch share the Latin script with English). */
const SCRIPT: Record<string, RegExp | undefined> = { he: /[\u05d0-\u05ea]/, 'zh-cn': /[\u4e00-\u9fff]/ };

const INVISIBLE = /[\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/;

const FIELDS = ['title', 'explanation'] as const;
const common = new Set(Object.keys(commonFindings.wording));
const declared = FINDING_TABLES.flatMap((t) => Object.keys(t.wording)).filter((c) => !common.has(c));
const sorted = (s: string) => placeholdersOf(s).sort();
const isTokensOnly = (s: string) => !/[\p{L}]/u.test(s.replace(/\{[A-Za-z][A-Za-z0-9]*\}/g, ''));

describe('finding translations', () => {
  it('the tokens-only list names only texts that are placeholders and punctuation in English', () => {
    for (const entry of TOKENS_ONLY) {
      const [code, field] = [entry.slice(0, entry.lastIndexOf('.')), entry.slice(entry.lastIndexOf('.') + 1)];
      const english = wordingOf(code);
      assert.ok(english, `${entry}: no such code`);
      assert.ok(isTokensOnly(english[field as (typeof FIELDS)[number]]), `${entry} has words to translate`);
    }
  });

  it('lists no pending code that a table now declares (it leaves the list when its branch is merged)', () => {
    for (const code of Object.keys(PENDING_CODES)) assert.equal(wordingOf(code), undefined, `${code} is declared`);
    assert.ok(wordingOf('spn.missing'), 'the tables are read');
  });

  for (const [lang, table] of Object.entries(LANGUAGES)) {
    describe(lang, () => {
      it('translates every declared code except the common ones', () => {
        const missing = declared.filter((code) => !table[code]);
        assert.deepEqual(missing, [], `${lang} lacks ${missing.join(', ')}`);
        assert.ok(declared.length > 50, 'the tables are read');
      });

      it('translates no common code (those live with the catalogue) and no unknown code', () => {
        for (const code of Object.keys(table)) {
          assert.ok(!common.has(code), `${code} is a common code`);
          assert.ok(wordingOf(code) || PENDING_CODES[code], `${code} is neither declared nor pending`);
        }
      });

      it("keeps exactly the English template's placeholders, with no stray braces", () => {
        for (const [code, wording] of Object.entries(table)) {
          const english = wordingOf(code);
          for (const field of FIELDS) {
            const text = wording![field];
            const expected = english ? sorted(english[field]) : PENDING_CODES[code]![field];
            assert.deepEqual(sorted(text), expected, `${lang} ${code}.${field}: ${text}`);
            const braces = (text.match(/[{}]/g) ?? []).length;
            const placeholders = [...text.matchAll(/\{[A-Za-z][A-Za-z0-9]*\}/g)].length;
            assert.equal(braces, placeholders * 2, `${lang} ${code}.${field} has a stray brace: ${text}`);
          }
        }
      });

      it('holds no bidirectional or invisible characters (terminal output strips them, src/core/safety/terminal-text.ts)', () => {
        for (const [code, wording] of Object.entries(table))
          for (const field of FIELDS) assert.doesNotMatch(wording![field], INVISIBLE, `${lang} ${code}.${field}`);
      });

      it('is never empty, never the English text, and in its own script', () => {
        for (const [code, wording] of Object.entries(table)) {
          const english = wordingOf(code);
          for (const field of FIELDS) {
            const text = wording![field];
            assert.ok(text.trim().length > 0, `${lang} ${code}.${field} is empty`);
            if (TOKENS_ONLY.includes(`${code}.${field}`)) {
              assert.ok(isTokensOnly(text), `${lang} ${code}.${field} should hold only its placeholders: ${text}`);
              continue;
            }
            assert.ok(!isTokensOnly(text), `${lang} ${code}.${field} has no words`);
            if (english) assert.notEqual(text, english[field], `${lang} ${code}.${field} is the English text`);
            const script = SCRIPT[lang];
            if (script) assert.match(text, script, `${lang} ${code}.${field} is not in its script`);
          }
        }
      });
    });
  }

  it('every language translates the same codes', () => {
    const [first, ...rest] = Object.entries(LANGUAGES);
    const codes = Object.keys(first![1]).sort();
    for (const [lang, table] of rest) assert.deepEqual(Object.keys(table).sort(), codes, `${lang} vs ${first![0]}`);
  });

  it('words a phrase param in the language of the sentence around it (no English fragment inside)', () => {
    const params = { check: { key: 'step.name.1' } };
    const finding = makeFinding(commonFindings, 'engine.check-failed', {
      severity: 'unknown',
      subject: { kind: 'organisation', name: 'org' },
      params,
      reason: 'r',
      step: 1,
    });
    assert.match(finding.title, /^clocks: /);
    assert.match(wordFinding('es', finding).title, /^relojes: /);
    assert.match(wordFinding('zh-cn', finding).title, /^时钟：/);
    assert.deepEqual(finding.params, params, 'the finding keeps the phrase, not its English text');
  });
});
