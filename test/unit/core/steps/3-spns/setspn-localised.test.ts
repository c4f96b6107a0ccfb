import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseSetspnDuplicates, parseSetspnList } from '../../../../../src/core/steps/3-spns/setspn';
import { setspnDuplicatesFindings } from '../../../../../src/core/steps/3-spns/setspn-findings';
import { ctx } from '../../tools/windows-fixtures';

const sample = (name: string): string =>
  readFileSync(join(__dirname, '../../../../fixtures/localised/setspn', name), 'utf8');
const valueOf = <T>(o: { recognised: true; value: T } | { recognised: false; reason: string }): T => {
  if (!o.recognised) throw new Error(o.reason);
  return o.value;
};

describe('setspn output in other display languages', () => {
  for (const lang of ['de', 'fr', 'ja']) {
    it(`-X with a duplicate (${lang}): the SPN alone, its holders, the count and the domain`, () => {
      const r = valueOf(parseSetspnDuplicates(sample(`setspn-X-${lang}-duplicates.txt`)));
      assert.equal(r.groups.length, 1);
      assert.match(r.groups[0]!.spn, /^SMTP(SVC)?\/(ex01\.contoso\.test|EX01)$/);
      assert.equal(r.groups[0]!.accountDns.length, 2);
      assert.equal(r.reportedGroupCount, 1);
      assert.equal(r.complete, true);
      assert.deepEqual(r.checked, ['DC=contoso,DC=test']);
    });
  }

  for (const lang of ['de', 'zh-cn', 'es']) {
    it(`-X "0 groups" (${lang}) is understood: complete, no duplicate, an ok finding`, () => {
      const raw = sample(`setspn-X-${lang}-none.txt`);
      const r = valueOf(parseSetspnDuplicates(raw));
      assert.equal(r.reportedGroupCount, 0);
      assert.equal(r.complete, true);
      assert.deepEqual(r.groups, []);
      const fs = setspnDuplicatesFindings(raw, 1, ctx());
      assert.deepEqual(
        fs.map((f) => `${f.code}:${f.severity}`),
        ['spn.no-duplicates:ok'],
      );
    });
  }

  it('-X duplicate (de): the finding keeps its remedy, a setspn -Q of the bare SPN', () => {
    const [f, ...rest] = setspnDuplicatesFindings(sample('setspn-X-de-duplicates.txt'), 1, ctx());
    assert.equal(rest.length, 0);
    assert.equal(f?.code, 'spn.duplicate');
    assert.equal(f?.subject.name, 'SMTPSVC/ex01.contoso.test');
    assert.equal(f?.remedies.length, 1);
    assert.match(JSON.stringify(f?.remedies[0]), /SMTPSVC\/ex01\.contoso\.test/);
    assert.doesNotMatch(JSON.stringify(f?.remedies[0]), /registriert/);
  });

  it('-L (de): the header read by its layout, the SPNs as listed', () => {
    const r = valueOf(parseSetspnList(sample('setspn-L-de-ex01.txt')));
    assert.equal(r.kind, 'list');
    if (r.kind === 'list') {
      assert.equal(r.accountDn, 'CN=EX01,CN=Computers,DC=contoso,DC=test');
      assert.equal(r.spns.length, 6);
      assert.ok(r.spns.every((s) => /^[A-Z]+\/\S+$/.test(s)));
    }
  });
});
