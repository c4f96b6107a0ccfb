import { strict as assert } from 'node:assert';
import { allChecks } from '../../../../src/core/steps/all-checks';

describe('allChecks', () => {
  it('holds one check for each of the six steps, in step order', () => {
    assert.deepEqual(
      allChecks.map((c) => c.step),
      [1, 2, 3, 4, 5, 6],
    );
    assert.deepEqual(
      allChecks.map((c) => c.id),
      ['clock', 'replication', 'spn', 'ports', 'kerberos-logging', 'connectors'],
    );
  });
});
