import { strict as assert } from 'node:assert';
import {
  bestMatch,
  parseBinding,
  parseIp,
  withoutAddresses,
  parseIpRange,
  rangeContains,
} from '../../../../../src/core/steps/6-receive-connectors/connectors-ranges';

describe('receive connector remote IP ranges', () => {
  it('parses IPv4 and IPv6 addresses, including :: and an embedded IPv4 tail', () => {
    assert.equal(parseIp('10.0.0.1')?.value, 0x0a000001n);
    assert.equal(parseIp('::1')?.value, 1n);
    assert.equal(parseIp('[2001:db8::5]')?.value, (0x20010db8n << 96n) | 5n);
    assert.equal(parseIp('::ffff:10.0.0.1')?.value, (0xffffn << 32n) | 0x0a000001n);
    assert.equal(parseIp('10.0.0.256'), undefined);
    assert.equal(parseIp('ex01'), undefined);
  });

  it('holds addresses in CIDR, dash ranges, masks and single addresses', () => {
    const cases: [string, string, boolean][] = [
      ['10.1.0.0/16', '10.1.255.255', true],
      ['10.1.0.0/16', '10.2.0.0', false],
      ['10.1.2.3/16', '10.1.9.9', true], // host bits in the base are ignored
      ['192.168.1.10-192.168.1.20', '192.168.1.20', true],
      ['192.168.1.10-192.168.1.20', '192.168.1.21', false],
      ['192.168.0.0(255.255.0.0)', '192.168.44.1', true],
      ['0.0.0.0-255.255.255.255', '127.0.0.12', true],
      ['127.0.0.12', '127.0.0.12', true],
      ['127.0.0.12', '127.0.0.13', false],
      ['2001:db8::/32', '2001:db8:ffff::1', true],
      ['2001:db8::/32', '2001:db9::1', false],
      ['::-ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff', '::1', true],
      ['0.0.0.0-255.255.255.255', '::1', false], // families do not mix
      ['10.0.0.0/8', '::ffff:10.9.9.9', true], // IPv4-mapped counts as IPv4
    ];
    for (const [range, address, expected] of cases) {
      const r = parseIpRange(range);
      assert.ok(r, `parses ${range}`);
      assert.equal(rangeContains(r, address), expected, `${address} in ${range}`);
    }
  });

  it('refuses what is not a range', () => {
    for (const bad of ['10.0.0.0/33', '10.0.0.5-10.0.0.1', '10.0.0.0(255.0.255.0)', '10.0.0.1-::1', 'any', '']) {
      assert.equal(parseIpRange(bad), undefined, bad);
    }
  });

  it('picks the most specific range holding an address', () => {
    const ranges = ['0.0.0.0-255.255.255.255', '127.0.0.0/24', '127.0.0.12', 'junk'];
    assert.equal(bestMatch(ranges, '127.0.0.12')?.text, '127.0.0.12');
    assert.equal(bestMatch(ranges, '127.0.0.13')?.text, '127.0.0.0/24');
    assert.equal(bestMatch(ranges, '8.8.8.8')?.text, '0.0.0.0-255.255.255.255');
    assert.equal(bestMatch(['10.0.0.0/8'], '8.8.8.8'), undefined);
  });

  it('parses bindings', () => {
    assert.deepEqual(parseBinding('0.0.0.0:25'), { text: '0.0.0.0:25', address: '0.0.0.0', port: 25, any: true });
    assert.deepEqual(parseBinding('[::]:2525'), { text: '[::]:2525', address: '::', port: 2525, any: true });
    assert.equal(parseBinding('10.0.0.5:587')?.any, false);
    assert.equal(parseBinding('10.0.0.5:70000'), undefined);
    assert.equal(parseBinding('ex01:25'), undefined);
  });
});

describe('narrowing remote IP ranges', () => {
  it('cuts addresses out of ranges, keeping untouched ranges as written', () => {
    assert.deepEqual(withoutAddresses(['127.0.0.0/24', '10.1.2.3', '192.168.0.0/16'], ['127.0.0.11', '127.0.0.12']), [
      '127.0.0.0-127.0.0.10',
      '127.0.0.13-127.0.0.255',
      '10.1.2.3',
      '192.168.0.0/16',
    ]);
  });

  it('drops a range that held only the address, and keeps edges as single addresses', () => {
    assert.deepEqual(withoutAddresses(['10.0.0.5', '10.0.0.4-10.0.0.6'], ['10.0.0.5']), ['10.0.0.4', '10.0.0.6']);
  });

  it('handles IPv6 ranges', () => {
    assert.deepEqual(withoutAddresses(['fe80::/126'], ['fe80::1']), [
      'fe80:0:0:0:0:0:0:0',
      'fe80:0:0:0:0:0:0:2-fe80:0:0:0:0:0:0:3',
    ]);
  });
});
