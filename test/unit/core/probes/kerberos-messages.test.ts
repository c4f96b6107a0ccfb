import { strict as assert } from 'node:assert';
import { decodeKrbError, encodeAsReq } from '../../../../src/core/probes/kerberos-messages';
import { DoctorError } from '../../../../src/core/errors';
import { app, ctx, gstr, gtime, hex, int, krbError, principal, seq, tlv } from './der';

const REALM = 'CONTOSO.TEST';

describe('Kerberos AS-REQ encoding', () => {
  it('encodes pvno 5, msg-type 10 and the request body in DER, without pre-authentication data', () => {
    const expected = app(
      10,
      seq(
        ctx(1, int(5)),
        ctx(2, int(10)),
        ctx(
          4,
          seq(
            ctx(0, tlv(0x03, Buffer.from([0x00, 0x40, 0x81, 0x00, 0x10]))),
            ctx(1, principal(1, 'EX01$')),
            ctx(2, gstr(REALM)),
            ctx(3, principal(2, 'krbtgt', REALM)),
            ctx(5, gtime('20370913024805Z')),
            ctx(7, int(0x12345678)),
            ctx(8, seq(int(18), int(17), int(23))),
          ),
        ),
      ),
    );
    const actual = encodeAsReq({ principal: 'EX01$', realm: REALM, nonce: 0x12345678 });
    assert.equal(hex(actual), hex(expected));
    // [APPLICATION 10] constructed, long-form length; no padata ([3]) anywhere at the top.
    assert.equal(actual[0], 0x6a);
  });

  it('splits a multi-component principal and keeps a nonce with the high bit of its top byte set positive', () => {
    const actual = encodeAsReq({ principal: 'host/ex01.contoso.test', realm: REALM, nonce: 0x7fffffff, etypes: [23] });
    assert.ok(hex(actual).includes(hex(principal(1, 'host', 'ex01.contoso.test'))));
    assert.ok(hex(actual).includes(hex(ctx(7, int(0x7fffffff)))));
    assert.ok(hex(actual).includes(hex(ctx(8, seq(int(23))))));
  });

  it('refuses names it cannot send and nonces outside 31 bits', () => {
    assert.throws(() => encodeAsReq({ principal: 'EX 01$', realm: REALM, nonce: 1 }), DoctorError);
    assert.throws(() => encodeAsReq({ principal: 'EX01$', realm: 'CONTOSO\u00e9.TEST', nonce: 1 }), DoctorError);
    assert.throws(() => encodeAsReq({ principal: 'EX01$', realm: REALM, nonce: -1 }), DoctorError);
    assert.throws(() => encodeAsReq({ principal: 'EX01$', realm: REALM, nonce: 2 ** 31 }), DoctorError);
  });
});

/** Verbatim UDP replies of the lab's Samba 4 KDC to encodeAsReq (2026-11-23, realm CONTOSO.TEST). */
const SAMBA_PREAUTH_REQUIRED =
  '7e8201403082013ca003020105a10302011ea411180f32303236313132333030303530335aa505020305e6a8a603020119a70e1b0c434f4e544f534f2e54455354a8123010a003020101a10930071b054558303124a90e1b0c434f4e544f534f2e54455354aa21301fa003020102a11830161b066b72627467741b0c434f4e544f534f2e54455354ab2b1b294e65656420746f207573652050412d454e432d54494d455354414d502f50412d504b2d41532d524551ac818c0481893081863009a103020110a20204003009a10302010fa2020400300aa10402020093a20204003009a103020102a2020400300aa10402020088a2020400300aa1040202028fa2020400303fa103020113a238043630343032a003020112a1231b21434f4e544f534f2e54455354686f7374657830312e636f6e746f736f2e74657374a206040400001000';
const SAMBA_PRINCIPAL_UNKNOWN =
  '7e8189308186a003020105a10302011ea411180f32303236313132333030303530335aa505020305fc28a603020106a70e1b0c434f4e544f534f2e54455354a8183016a003020101a10f300d1b0b6e6f626f64792d68657265a90e1b0c434f4e544f534f2e54455354aa21301fa003020102a11830161b066b72627467741b0c434f4e544f534f2e54455354';

describe('KRB-ERROR decoding', () => {
  it("reads what Samba's KDC sends for an existing account (25) and an unknown one (6)", () => {
    const known = decodeKrbError(Buffer.from(SAMBA_PREAUTH_REQUIRED, 'hex'));
    assert.equal(known.errorCode, 25);
    assert.equal(known.stime, '20261123000503Z');
    assert.equal(known.susec, 0x05e6a8);
    assert.equal(known.serverTimeMs, Date.parse('2026-11-23T00:05:03Z') + 0x05e6a8 / 1000);
    assert.equal(known.cname, 'EX01$');
    assert.equal(known.sname, 'krbtgt/CONTOSO.TEST');
    assert.equal(known.etext, 'Need to use PA-ENC-TIMESTAMP/PA-PK-AS-REQ');
    assert.equal(known.edata?.length, 137);
    const unknown = decodeKrbError(Buffer.from(SAMBA_PRINCIPAL_UNKNOWN, 'hex'));
    assert.equal(unknown.errorCode, 6);
    assert.equal(unknown.cname, 'nobody-here');
    assert.equal(unknown.etext, undefined);
  });

  it('reads the KDC clock (stime + susec), the error code and the names', () => {
    const bytes = krbError({
      stime: '20261122134747Z',
      susec: 123456,
      errorCode: 25,
      cname: 'EX01$',
      etext: 'Additional pre-authentication required',
      edata: new Uint8Array([0x30, 0x00]),
    });
    const e = decodeKrbError(bytes);
    assert.equal(e.pvno, 5);
    assert.equal(e.errorCode, 25);
    assert.equal(e.stime, '20261122134747Z');
    assert.equal(e.susec, 123456);
    assert.equal(e.serverTimeMs, Date.parse('2026-11-22T13:47:47Z') + 123.456);
    assert.equal(e.realm, REALM);
    assert.equal(e.sname, `krbtgt/${REALM}`);
    assert.equal(e.crealm, REALM);
    assert.equal(e.cname, 'EX01$');
    assert.equal(e.etext, 'Additional pre-authentication required');
    assert.deepEqual([...(e.edata ?? [])], [0x30, 0x00]);
  });

  it('reads a minimal KRB-ERROR (6 C_PRINCIPAL_UNKNOWN, no cname, no e-text) and an echoed ctime', () => {
    const e = decodeKrbError(krbError({ stime: '20261122000000Z', susec: 0, errorCode: 6, ctime: '20261121235959Z' }));
    assert.equal(e.errorCode, 6);
    assert.equal(e.serverTimeMs, Date.parse('2026-11-22T00:00:00Z'));
    assert.equal(e.ctimeMs, Date.parse('2026-11-21T23:59:59Z'));
    assert.equal(e.cname, undefined);
    assert.equal(e.etext, undefined);
  });

  it('reads a reply longer than 255 bytes (long-form length, first bytes 7e 82)', () => {
    const bytes = krbError({ stime: '20261122134747Z', susec: 5, errorCode: 25, edata: new Uint8Array(300) });
    assert.equal(hex(bytes.subarray(0, 2)), '7e82');
    assert.equal(decodeKrbError(bytes).susec, 5);
  });

  it('says an AS-REP carries no clock, and rejects anything that is not a KRB-ERROR', () => {
    assert.throws(() => decodeKrbError(app(11, seq(ctx(0, int(5)), ctx(1, int(11))))), /AS-REP/);
    assert.throws(
      () => decodeKrbError(seq(int(1))),
      (e: unknown) => e instanceof DoctorError && e.kind === 'protocol',
    );
    assert.throws(
      () => decodeKrbError(new Uint8Array([0x7e, 0x05, 0x30])),
      (e: unknown) => e instanceof DoctorError && e.kind === 'protocol',
    );
    assert.throws(() => decodeKrbError(new Uint8Array(0)), DoctorError);
  });

  it('rejects a KRB-ERROR with a missing or mistyped clock field', () => {
    const noStime = app(
      30,
      seq(
        ctx(0, int(5)),
        ctx(1, int(30)),
        ctx(5, int(0)),
        ctx(6, int(25)),
        ctx(9, gstr(REALM)),
        ctx(10, principal(2, 'krbtgt', REALM)),
      ),
    );
    assert.throws(() => decodeKrbError(noStime), /stime/);
    const badSusec = krbError({ stime: '20261122134747Z', susec: 1_000_000, errorCode: 25 });
    assert.throws(() => decodeKrbError(badSusec), /susec/);
    const wrongType = app(
      30,
      seq(
        ctx(0, int(5)),
        ctx(1, int(30)),
        ctx(4, gstr('20261122134747Z')),
        ctx(5, int(0)),
        ctx(6, int(25)),
        ctx(9, gstr(REALM)),
        ctx(10, principal(2, 'krbtgt', REALM)),
      ),
    );
    assert.throws(() => decodeKrbError(wrongType), /stime/);
  });

  it('rejects an INTEGER longer than 4 bytes instead of reading it as 0 (KDC_ERR_NONE)', () => {
    // 2^40: five content bytes. asn1js gives valueDec 0 for it, which would read as "no error".
    const long = tlv(0x02, Buffer.from([0x01, 0x00, 0x00, 0x00, 0x00, 0x00]));
    const withLongCode = app(
      30,
      seq(
        ctx(0, int(5)),
        ctx(1, int(30)),
        ctx(4, gtime('20261122134747Z')),
        ctx(5, int(0)),
        ctx(6, long),
        ctx(9, gstr(REALM)),
        ctx(10, principal(2, 'krbtgt', REALM)),
      ),
    );
    assert.throws(
      () => decodeKrbError(withLongCode),
      (e: unknown) => e instanceof DoctorError && /error-code/.test(e.message),
    );
    // Five bytes whose value still fits 32 bits (a leading 00) is DER-invalid but not ambiguous: also refused.
    const padded = tlv(0x02, Buffer.from([0x00, 0x00, 0x00, 0x00, 0x19]));
    const withPadded = app(
      30,
      seq(
        ctx(0, int(5)),
        ctx(1, int(30)),
        ctx(4, gtime('20261122134747Z')),
        ctx(5, int(0)),
        ctx(6, padded),
        ctx(9, gstr(REALM)),
        ctx(10, principal(2, 'krbtgt', REALM)),
      ),
    );
    assert.throws(() => decodeKrbError(withPadded), /error-code/);
    // A four-byte code is still read.
    assert.equal(
      decodeKrbError(krbError({ stime: '20261122134747Z', susec: 0, errorCode: 0x7fffffff })).errorCode,
      0x7fffffff,
    );
  });

  it('rejects an stime that is not a real moment (month 99, second 99)', () => {
    for (const stime of [
      '99999999999999Z',
      '20261322134747Z',
      '20261132134747Z',
      '20261122254747Z',
      '20261122136047Z',
      '20261122134760Z',
    ]) {
      assert.throws(
        () => decodeKrbError(krbError({ stime, susec: 0, errorCode: 25 })),
        (e: unknown) => e instanceof DoctorError && /stime/.test(e.message),
        stime,
      );
    }
    assert.equal(
      decodeKrbError(krbError({ stime: '20261122134747Z', susec: 0, errorCode: 25 })).serverTimeMs,
      Date.UTC(2026, 10, 22, 13, 47, 47),
    );
  });

  it('never throws anything but a DoctorError on arbitrary bytes', () => {
    const base = krbError({ stime: '20261122134747Z', susec: 1, errorCode: 25, cname: 'EX01$' });
    for (let i = 0; i < base.length; i++) {
      for (const delta of [1, 0x80]) {
        const mutated = new Uint8Array(base);
        mutated[i] = (mutated[i]! + delta) & 0xff;
        try {
          decodeKrbError(mutated);
        } catch (e) {
          assert.ok(e instanceof DoctorError, `byte ${i}: ${String(e)}`);
        }
      }
      try {
        decodeKrbError(base.subarray(0, i));
      } catch (e) {
        assert.ok(e instanceof DoctorError, `truncated at ${i}: ${String(e)}`);
      }
    }
  });
});
