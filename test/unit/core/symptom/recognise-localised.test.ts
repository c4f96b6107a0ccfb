import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { recogniseSymptom } from '../../../../src/core/symptom/recognise';

const events = (name: string): string =>
  readFileSync(join(__dirname, '../../../fixtures/localised/events', name), 'utf8');

describe('symptom: event 1035 and 2017 pasted in any display language and shape', () => {
  for (const lang of ['en', 'es', 'nl', 'he', 'zh-cn', 'de', 'fr', 'ja']) {
    it(`Copy details as text (${lang}): the sending address and the receiving server`, () => {
      const r = recogniseSymptom(events(`1035-details-${lang}.txt`));
      assert.ok(r.kinds.includes('event-1035'), JSON.stringify(r.kinds));
      assert.equal(r.sending?.ip, '10.0.0.11');
      assert.match(r.receiving?.name ?? '', /^EX02(\.contoso\.test)?$/);
      assert.ok(r.connector, 'connector');
      assert.ok(r.facts.some((f) => f.label === 'Sending server' && f.value === '10.0.0.11'));
    });
  }

  it('wevtutil XML: the first 1035', () => {
    const r = recogniseSymptom(events('1035-wevtutil.xml'));
    assert.equal(r.sending?.ip, '10.0.0.11');
    assert.equal(r.receiving?.name, 'EX02');
    assert.equal(r.error, 'IllegalMessage');
  });

  it('a bare Hebrew 1035 description (no labels): the address and the default connector server', () => {
    const message = events('1035-details-he.txt').split(/\r?\n/)[10]!;
    const r = recogniseSymptom(message);
    assert.equal(r.sending?.ip, '10.0.0.11');
    assert.equal(r.receiving?.name, 'EX02');
  });

  it('event 2017 from the sending server (verbatim zh-cn case): both ends', () => {
    const r = recogniseSymptom(events('2017-zh-cn-case.txt'));
    assert.equal(r.sending?.name, 'M10-HQ-MLCEN01');
    assert.equal(r.receiving?.name, 'M10-SD-MLCH02.sd.cnc.intra');
    assert.equal(r.error, 'LogonDenied');
  });
});
