import { strict as assert } from 'node:assert';
import { defineFindings, fillTemplate, makeFinding, placeholdersOf } from '../../../../src/core/findings/define';
import { FINDING_TABLES, wordingOf } from '../../../../src/core/steps/finding-codes';

describe('finding codes and their wording', () => {
  const table = defineFindings(3, {
    'spn.example': { title: '{server} lacks {spn}', explanation: 'Register {spn} on {server}.' },
  });

  it('fills every placeholder from the params and keeps them on the finding', () => {
    const f = makeFinding(table, 'spn.example', {
      severity: 'error',
      subject: { kind: 'server', name: 'EX01' },
      params: { server: 'EX01', spn: 'SMTPSVC/ex01' },
    });
    assert.equal(f.title, 'EX01 lacks SMTPSVC/ex01');
    assert.equal(f.explanation, 'Register SMTPSVC/ex01 on EX01.');
    assert.equal(f.step, 3);
    assert.deepEqual(f.params, { server: 'EX01', spn: 'SMTPSVC/ex01' });
    assert.deepEqual(f.evidence, []);
  });

  it('leaves a placeholder without a value visible rather than empty', () => {
    assert.equal(fillTemplate('{a} and {b}', { a: 1 }), '1 and {b}');
    assert.deepEqual(placeholdersOf('{a} {b} {a}'), ['a', 'b']);
  });

  it('refuses a finding of a common table without its step', () => {
    const common = defineFindings(null, { 'x.y': { title: 't', explanation: 'e' } });
    assert.throws(() => makeFinding(common, 'x.y', { severity: 'ok', subject: { kind: 'local', name: 'here' } }));
  });

  it('declares each code in exactly one table', () => {
    const seen = new Map<string, number>();
    for (const t of FINDING_TABLES)
      for (const code of Object.keys(t.wording)) seen.set(code, (seen.get(code) ?? 0) + 1);
    assert.deepEqual(
      [...seen].filter(([, n]) => n > 1),
      [],
    );
    assert.ok(wordingOf('engine.check-failed'));
    assert.equal(wordingOf('no.such-code'), undefined);
  });

  it('words every code with a title and an explanation whose placeholders are names', () => {
    for (const t of FINDING_TABLES)
      for (const [code, w] of Object.entries(t.wording)) {
        assert.ok(w.title.trim(), `${code} has a title`);
        assert.ok(w.explanation.trim(), `${code} has an explanation`);
        assert.ok(!/\{\s*\}|\$\{/.test(w.title + w.explanation), `${code}: no empty or template-literal placeholder`);
      }
  });
});
