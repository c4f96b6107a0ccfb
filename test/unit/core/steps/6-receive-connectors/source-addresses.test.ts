import { strict as assert } from 'node:assert';
import { sourceAddressesFrom } from '../../../../../src/core/steps/6-receive-connectors/source-addresses';

describe('source addresses from the settings (load balancer, NAT)', () => {
  it('keeps server names with IP addresses, upper-cased, and leaves out everything else', () => {
    assert.deepEqual(
      sourceAddressesFrom({
        ex01: ['10.0.0.5', ' [fe80::1] ', '10.0.0.5', 'not-an-ip', 7],
        EX02: 'not a list',
        'bad name': ['10.0.0.6'],
        EX03: [],
      }),
      { EX01: ['10.0.0.5', 'fe80::1'] },
    );
    for (const raw of [undefined, null, 'EX01=10.0.0.5', ['10.0.0.5'], 42])
      assert.deepEqual(sourceAddressesFrom(raw), {});
  });
});
