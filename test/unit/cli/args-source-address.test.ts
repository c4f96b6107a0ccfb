import { strict as assert } from 'node:assert';
import { UsageError, parseCli, type CliCommand, type DiagnoseOptions } from '../../../src/cli/args';
import { engineSettings } from '../../../src/cli/engine-adapter';
import type { DiscoveryResult } from '../../../src/core/directory/model';

const ENV = { EAD_DC_HOST: 'dc1.contoso.test', EAD_BIND_USER: 'ead-reader@contoso.test' };

function diagnose(c: CliCommand): DiagnoseOptions {
  assert.equal(c.command, 'diagnose');
  if (c.command !== 'diagnose') throw new Error('unreachable');
  return c.options;
}

describe('CLI: --source-address (addresses a server connects from besides DNS)', () => {
  it('collects SERVER=ADDRESS pairs by upper-case name, IPv4 and IPv6, and hands them to the engine', () => {
    const o = diagnose(
      parseCli(
        [
          'diagnose',
          '--source-address',
          'EX01=10.0.0.5',
          '--source-address',
          'ex01=[fe80::1]',
          '--source-address=EX02=192.0.2.7',
        ],
        ENV,
      ),
    );
    assert.deepEqual(o.sourceAddresses, { EX01: ['10.0.0.5', 'fe80::1'], EX02: ['192.0.2.7'] });
    const settings = engineSettings(o, { rootDse: { defaultNamingContext: 'DC=contoso,DC=test' } } as DiscoveryResult);
    assert.deepEqual(settings.sourceAddresses, o.sourceAddresses);
    assert.equal(diagnose(parseCli(['diagnose'], ENV)).sourceAddresses, undefined);
  });

  it('refuses what is not SERVER=ADDRESS', () => {
    for (const bad of [
      'EX01',
      'EX01=',
      'EX01=not-an-address',
      '=10.0.0.5',
      'EX 01=10.0.0.5',
      'EX01=10.0.0.5; rm -rf /',
    ])
      assert.throws(() => parseCli(['diagnose', '--source-address', bad], ENV), UsageError, bad);
  });
});
