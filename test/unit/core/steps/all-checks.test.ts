import { strict as assert } from 'node:assert';
import { allChecks } from '../../../../src/core/steps/all-checks';

describe('allChecks', () => {
  it('holds the checks of the six steps in step order (step 3: Kerberos keys; step 4: a KDC per site, the SMTP path; step 6: TLS, connector selection)', () => {
    assert.deepEqual(
      allChecks.map((c) => c.step),
      [1, 2, 3, 3, 4, 4, 4, 5, 6, 6, 6],
    );
    assert.deepEqual(
      allChecks.map((c) => c.id),
      [
        'clock',
        'replication',
        'spn',
        'account-keys',
        'ports',
        'kdc-sites',
        'smtp-inspection',
        'kerberos-logging',
        'connectors',
        'transport-tls',
        'connector-selection',
      ],
    );
  });
});
