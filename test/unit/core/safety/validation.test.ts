import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { validateDistinguishedName, validateHostName, validateSpn } from '../../../../src/core/safety/validation';
import { HOSTILE_NAMES } from './hostile';

describe('validateHostName', () => {
  for (const name of HOSTILE_NAMES) {
    it(`rejects ${JSON.stringify(name)} with a reason`, () => {
      const r = validateHostName(name);
      assert.equal(r.ok, false);
      if (!r.ok) assert.ok(r.reason.length > 10);
    });
  }

  it('accepts FQDNs, NetBIOS names, IPv4, the limits of 63 and 253 characters, a trailing dot', () => {
    const ok = (name: string, kind: string, normalised = name): void => {
      const r = validateHostName(name);
      assert.deepEqual(r, { ok: true, value: { name: normalised, kind } }, name);
    };
    ok('EX01', 'netbios');
    ok('EXCHANGE2019-01', 'netbios');
    ok('ex01.contoso.test', 'fqdn');
    ok('ex01.contoso.test.', 'fqdn', 'ex01.contoso.test');
    ok('dc-1.contoso.test', 'fqdn');
    ok('3com.example', 'fqdn');
    ok('192.168.10.5', 'ipv4');
    ok(`${'a'.repeat(63)}.test`, 'fqdn');
    const n253 = `${'a'.repeat(63)}.${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(61)}`;
    assert.equal(n253.length, 253);
    ok(n253, 'fqdn');
  });

  it('names the offending character by code point, so look-alikes are visible', () => {
    const r = validateHostName('\u0435x01.contoso.test');
    assert.equal(r.ok, false);
    if (!r.ok) {
      assert.match(r.reason, /U\+0435/);
      assert.match(r.reason, /non-ASCII/);
      assert.match(r.reason, /position 1/);
    }
    const nl = validateHostName('ex01\nx');
    if (!nl.ok) assert.match(nl.reason, /control character, U\+000A/);
    const dash = validateHostName('-X');
    if (!dash.ok) assert.match(dash.reason, /option/);
  });

  it('never accepts anything outside [A-Za-z0-9.-] (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (s) => {
        const r = validateHostName(s);
        if (r.ok) {
          assert.match(s, /^[A-Za-z0-9.-]+$/);
          assert.ok(!s.startsWith('-') && !s.includes('..'));
        }
      }),
      { numRuns: 3000 },
    );
  });
});

describe('validateSpn', () => {
  it('accepts service/host[:port][/servicename]', () => {
    assert.deepEqual(validateSpn('SMTPSVC/ex01.contoso.test'), {
      ok: true,
      value: { spn: 'SMTPSVC/ex01.contoso.test', serviceClass: 'SMTPSVC', host: 'ex01.contoso.test' },
    });
    assert.deepEqual(validateSpn('MSSQLSvc/sql1.contoso.test:1433'), {
      ok: true,
      value: {
        spn: 'MSSQLSvc/sql1.contoso.test:1433',
        serviceClass: 'MSSQLSvc',
        host: 'sql1.contoso.test',
        port: 1433,
      },
    });
    const withName = validateSpn('ldap/dc1.contoso.test/contoso.test');
    assert.ok(withName.ok && withName.value.serviceName === 'contoso.test');
    assert.ok(validateSpn('SMTP/EX01').ok);
  });

  it('rejects malformed and hostile SPNs', () => {
    for (const bad of [
      '',
      'SMTPSVC',
      '/ex01',
      'SMTPSVC/',
      'SMTPSVC/ex01;id',
      'SMTPSVC/-X',
      'SMTPSVC/ex01:0',
      'SMTPSVC/ex01:70000',
      'SMTPSVC/ex01:25:26',
      'SMTPSVC/ex01@CONTOSO.TEST',
      'SMTPSVC/\u0435x01',
      'a/b/c/d',
      '-L/ex01',
      'SMTPSVC/ex01 ',
      'SMTPSVC/ex01\n',
      "SMTPSVC/ex01'",
    ]) {
      assert.equal(validateSpn(bad).ok, false, JSON.stringify(bad));
    }
  });

  it('rejects every hostile host inside an SPN', () => {
    for (const name of HOSTILE_NAMES) assert.equal(validateSpn(`SMTPSVC/${name}`).ok, false, JSON.stringify(name));
  });
});

describe('validateDistinguishedName', () => {
  it('accepts ordinary and escaped DNs', () => {
    assert.deepEqual(validateDistinguishedName('CN=EX01,CN=Computers,DC=contoso,DC=test'), {
      ok: true,
      value: { dn: 'CN=EX01,CN=Computers,DC=contoso,DC=test', rdns: 4 },
    });
    assert.ok(validateDistinguishedName('CN=Smith\\, John,OU=Users,DC=contoso,DC=test').ok);
    assert.ok(
      validateDistinguishedName('CN=Default EX01,CN=SMTP Receive Connectors,CN=Protocols,CN=EX01,CN=Servers,DC=c').ok,
    );
    assert.ok(validateDistinguishedName('2.5.4.3=EX01,DC=c').ok);
  });

  it('rejects non-DNs, control characters and unescaped specials', () => {
    for (const bad of [
      '',
      'EX01',
      'CN=,DC=x',
      'CN=a\nb,DC=c',
      'CN=a;b,DC=c',
      '-CN=x',
      'CN=x,',
      'CN=a\\',
      ' CN=a',
      'CN=a"b',
      'CN=a\u0000',
    ]) {
      assert.equal(validateDistinguishedName(bad).ok, false, JSON.stringify(bad));
    }
  });
});
