import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { symptomStep } from '../../../../src/core/walkthrough/symptom-step';
import { wordedState } from '../../../../src/core/walkthrough/worded-state';
import { emptyState } from '../../../../src/shared/walkthrough-protocol';

const dir = join(__dirname, '../../../fixtures/localised/both-ends');
const pasted = ['EX01/SEND2026120409-1.LOG', 'EX02/application-1035.xml', 'DC1/system-kdc.xml']
  .map((f) => readFileSync(join(dir, f), 'utf8'))
  .join('\n\n');
const servers = [
  { name: 'EX01', fqdns: ['ex01.contoso.test'], addresses: ['10.0.0.11'] },
  { name: 'EX02', fqdns: ['ex02.contoso.test'], addresses: ['10.0.0.12'] },
];

describe('walkthrough step 0: what a paste gives', () => {
  it('both ends pasted together: the failure seen from both, its step, and the pair as the scope', () => {
    const { symptom, scope } = symptomStep(pasted, servers);
    assert.equal(symptom.bothEnds?.length, 1);
    assert.equal(symptom.bothEnds[0]!.step, 3);
    assert.match(symptom.bothEnds[0]!.message, /share no encryption type/);
    assert.deepEqual(scope, { kind: 'pair', sending: 'EX01', receiving: 'EX02' });
  });

  it('the cause is worded in the panel language, and the English state keeps English', () => {
    const { symptom } = symptomStep(pasted, servers);
    const state = { ...emptyState('zh-cn'), symptom };
    const shown = wordedState(state).symptom?.bothEnds?.[0]?.message ?? '';
    assert.match(shown, /第 3 步/);
    assert.match(state.symptom.bothEnds![0]!.message, /share no encryption type/);
  });

  it('text that is not the symptom gives no scope and nothing from both ends', () => {
    const { symptom, scope } = symptomStep('hello', servers);
    assert.equal(symptom.recognised, false);
    assert.equal(symptom.bothEnds, undefined);
    assert.equal(scope, undefined);
  });
});
