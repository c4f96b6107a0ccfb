import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import {
  allowsAes,
  commonTicketTypes,
  decodeEnctypes,
  describeEnctypes,
  enctypeFromText,
  isDesOnly,
  isRc4Only,
} from '../../../../../src/core/steps/3-spns/encryption-types';

describe('step 3: encryption types (msDS-SupportedEncryptionTypes)', () => {
  it('decodes the bits Microsoft documents, AES-SK included', () => {
    assert.deepEqual(decodeEnctypes(0x1c), ['RC4', 'AES128', 'AES256']);
    assert.deepEqual(decodeEnctypes(0x27), ['DES-CBC-CRC', 'DES-CBC-MD5', 'RC4', 'AES256-SK']);
    assert.equal(describeEnctypes(0x18), '0x18 (AES128, AES256)');
    assert.equal(describeEnctypes(undefined), 'not set');
    assert.equal(describeEnctypes(0x40000000), '0x40000000 (no known type)');
  });

  it('tells RC4-only and DES-only accounts from those with AES', () => {
    assert.ok(isRc4Only(0x4));
    assert.ok(isRc4Only(0x24), 'RC4 with AES session keys still issues RC4 tickets');
    assert.ok(!isRc4Only(0x1c));
    assert.ok(isDesOnly(0x3) && isDesOnly(0x1));
    assert.ok(!isDesOnly(0x7) && !isDesOnly(0) && !isDesOnly(0x20));
    assert.ok(allowsAes(0x10) && !allowsAes(0x4));
  });

  it('finds no common ticket type between an RC4-only account and an AES-only KDC; AES-SK alone is not a ticket type', () => {
    assert.equal(commonTicketTypes(0x4, 0x18), 0);
    assert.equal(commonTicketTypes(0x1c, 0x18), 0x18);
    assert.equal(commonTicketTypes(0x24, 0x38), 0);
  });

  it('names the etypes tools print: MIT, Heimdal, Windows klist, numbers', () => {
    assert.equal(enctypeFromText('aes256-cts-hmac-sha1-96'), 'AES256');
    assert.equal(enctypeFromText('DEPRECATED:arcfour-hmac'), 'RC4');
    assert.equal(enctypeFromText('AES-256-CTS-HMAC-SHA1-96'), 'AES256');
    assert.equal(enctypeFromText('RSADSI RC4-HMAC(NT)'), 'RC4');
    assert.equal(enctypeFromText('17'), 'AES128');
    assert.equal(enctypeFromText('camellia256-cts-cmac'), undefined);
  });

  it('never throws and every decoded name is a known bit, whatever the value', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 0xffffffff }), (v) => {
        const names = decodeEnctypes(v);
        assert.ok(names.length <= 6);
        assert.equal(isRc4Only(v) && allowsAes(v), false);
        assert.ok(describeEnctypes(v).startsWith('0x'));
      }),
    );
  });
});
