import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { bothEndsOf } from '../../../../src/core/symptom/both-ends';

const dir = join(__dirname, '../../../fixtures/localised/both-ends');
const read = (f: string): string => readFileSync(join(dir, f), 'utf8');

describe('step 0: a paste that holds both ends', () => {
  it("the sender's send log, the receiver's 1035 and the KDC event pasted together: one failure, step 3", () => {
    const pasted = [
      read('EX01/SEND2026120409-1.LOG'),
      read('EX02/application-1035.xml'),
      read('DC1/system-kdc.xml'),
    ].join('\n\n');
    const found = bothEndsOf(pasted);
    assert.equal(found.length, 1, JSON.stringify(found.map((f) => f.message)));
    assert.equal(found[0]!.step, 3);
    assert.match(found[0]!.sending, /ex01/i);
    assert.match(found[0]!.receiving, /ex02/i);
    assert.ok(found[0]!.sources.includes('send-log') && found[0]!.sources.includes('event-1035'));
  });

  it('one end alone is not a failure seen from both ends', () => {
    assert.deepEqual(bothEndsOf(read('EX02/application-1035.xml')), []);
    assert.deepEqual(bothEndsOf('451 4.4.0 Primary target IP address responded with: "454 4.7.0"'), []);
  });
});
