import { strict as assert } from 'node:assert';
import { allChecks } from '../../../../src/core/steps/all-checks';

describe('allChecks', () => {
  it('holds the checks of the six steps in step order (step 3 and 4 have two: Kerberos keys, a KDC per site)', () => {
    assert.deepEqual(
      allChecks.map((c) => c.step),
      [1, 2, 3, 3, 4, 4, 5, 6],
    );
    assert.deepEqual(
      allChecks.map((c) => c.id),
      ['clock', 'replication', 'spn', 'account-keys', 'ports', 'kdc-sites', 'kerberos-logging', 'connectors'],
    );
  });
});
