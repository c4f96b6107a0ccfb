import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { LdifError, ldifBase64, ldifText, parseLdif } from '../../../../src/core/parsers/ldif';

const captured = (name: string): string => readFileSync(join(__dirname, '../../../fixtures/ldapsearch', name), 'utf8');

describe('parseLdif', () => {
  it('reads the paged ldapsearch output of the lab: three entries across pages, comments and the referral skipped', () => {
    const records = parseLdif(captured('paged-computers.stdout.txt'));
    assert.deepEqual(
      records.map((r) => r.dn),
      [
        'CN=EX02,CN=Computers,DC=contoso,DC=test',
        'CN=EX01,CN=Computers,DC=contoso,DC=test',
        'CN=DC1,OU=Domain Controllers,DC=contoso,DC=test',
      ],
    );
    const dc1 = records[2];
    assert.deepEqual(dc1?.attributes.get('servicePrincipalName')?.map(ldifText).slice(-2), [
      'ldap/dc1.contoso.test',
      'ldap/dc1',
    ]);
    const guid = dc1?.attributes.get('objectGUID')?.[0];
    assert.deepEqual(guid, { kind: 'base64', value: '1HTpq6l+tkqOYs3A8Myaiw==' });
  });

  it('joins folded lines, also inside base64 values, and keeps CRLF input working', () => {
    const text =
      'dn: CN=Long,\r\n DC=contoso,DC=test\r\ndescription: first part\r\n  and the rest\r\nphoto:: AAEC\r\n Aw==\r\n';
    const [r] = parseLdif(text);
    assert.equal(r?.dn, 'CN=Long,DC=contoso,DC=test');
    assert.equal(
      ldifText(r?.attributes.get('description')?.[0] ?? { kind: 'text', value: '' }),
      'first part and the rest',
    );
    assert.equal(r?.attributes.get('photo')?.[0]?.value, 'AAECAw==');
  });

  it('decodes base64 text as UTF-8, base64 DNs included, and keeps leading spaces that base64 protects', () => {
    const dn = Buffer.from('CN=Müller,DC=contoso,DC=test').toString('base64');
    const padded = Buffer.from(' leading space').toString('base64');
    const [r] = parseLdif(`dn:: ${dn}\ndisplayName:: ${Buffer.from('李雷').toString('base64')}\ninfo:: ${padded}\n`);
    assert.equal(r?.dn, 'CN=Müller,DC=contoso,DC=test');
    assert.equal(ldifText(r?.attributes.get('displayName')?.[0] ?? { kind: 'text', value: '' }), '李雷');
    assert.equal(ldifText(r?.attributes.get('info')?.[0] ?? { kind: 'text', value: '' }), ' leading space');
  });

  it('gives the bytes of a text value as base64 and of a base64 value unchanged', () => {
    assert.equal(ldifBase64({ kind: 'text', value: 'é' }), Buffer.from('é').toString('base64'));
    assert.equal(ldifBase64({ kind: 'base64', value: 'AAEC' }), 'AAEC');
  });

  it('keeps attribute options such as ranged retrieval, multi-valued attributes in order, and empty values', () => {
    const [r] = parseLdif('version: 1\n\ndn: CN=G\nmember;range=0-1: CN=A\nmember;range=0-1: CN=B\ndescription:\n');
    assert.deepEqual(r?.attributes.get('member;range=0-1')?.map(ldifText), ['CN=A', 'CN=B']);
    assert.deepEqual(r?.attributes.get('description'), [{ kind: 'text', value: '' }]);
  });

  it('ignores folded comment lines and a search reference without a dn', () => {
    const records = parseLdif('# a comment\n  that continues\nref: ldap://x/DC=y\n\ndn: CN=A\ncn: A\n');
    assert.deepEqual(
      records.map((r) => r.dn),
      ['CN=A'],
    );
  });

  it('returns nothing for empty output', () => {
    assert.deepEqual(parseLdif(''), []);
    assert.deepEqual(parseLdif('\n\n'), []);
  });

  it('refuses bad base64, lines without a colon, URL values and records without a dn, naming the line', () => {
    assert.throws(
      () => parseLdif('dn: CN=A\nobjectGUID:: not*base64\n'),
      (e: unknown) => e instanceof LdifError && e.line === 2,
    );
    assert.throws(() => parseLdif('dn: CN=A\nno colon here\n'), /line 2: expected "name: value"/);
    assert.throws(() => parseLdif('dn: CN=A\njpegPhoto:< file:///etc/passwd\n'), /URL values/);
    assert.throws(() => parseLdif('cn: A\n'), /must start with "dn:"/);
  });
});

/** Writes records as LDIF the way RFC 2849 allows: base64 where needed or chosen, lines folded at `width`. */
function writeLdif(records: { dn: string; attrs: [string, string, boolean][] }[], width: number): string {
  const safe = (v: string): boolean => /^[\x21-\x39\x3b\x3d-\x7e][\x20-\x7e]*$/.test(v) || v === '';
  const line = (name: string, value: string, b64: boolean): string => {
    const text = b64 || !safe(value) ? `${name}:: ${Buffer.from(value).toString('base64')}` : `${name}: ${value}`;
    const parts = [text.slice(0, width)];
    for (let i = width; i < text.length; i += width - 1) parts.push(` ${text.slice(i, i + width - 1)}`);
    return parts.join('\n');
  };
  return records
    .map((r) => [line('dn', r.dn, false), ...r.attrs.map(([n, v, b]) => line(n, v, b))].join('\n'))
    .join('\n\n# a comment between records\n\n');
}

describe('parseLdif, properties', () => {
  it('reads back any records written as RFC 2849 LDIF, whatever the folding and base64 choices', () => {
    const name = fc
      .stringMatching(/^[a-zA-Z][a-zA-Z0-9-]{0,12}$/)
      .filter((n) => !['dn', 'version', 'ref'].includes(n.toLowerCase()));
    const value = fc.string({ unit: 'grapheme', maxLength: 40 }).filter((v) => !/[\r\n]/.test(v));
    const record = fc.record({
      dn: fc.stringMatching(/^CN=[A-Za-z0-9 ]{1,20},DC=contoso,DC=test$/),
      attrs: fc.array(fc.tuple(name, value, fc.boolean()), { maxLength: 6 }),
    });
    fc.assert(
      fc.property(fc.array(record, { maxLength: 4 }), fc.integer({ min: 8, max: 120 }), (records, width) => {
        const parsed = parseLdif(writeLdif(records, width));
        assert.deepEqual(
          parsed.map((r) => ({
            dn: r.dn,
            attrs: [...r.attributes].flatMap(([n, vs]) => vs.map((v) => [n, ldifText(v)])),
          })),
          records.map((r) => {
            // Values of one attribute come back together, in the order written.
            const byName = new Map<string, string[]>();
            for (const [n, v] of r.attrs) byName.set(n, [...(byName.get(n) ?? []), v]);
            return { dn: r.dn, attrs: [...byName].flatMap(([n, vs]) => vs.map((v) => [n, v])) };
          }),
        );
      }),
      { numRuns: 300 },
    );
  });

  it('any text either parses or throws an LdifError, never anything else', () => {
    const pieces = fc.constantFrom(
      'dn: CN=A',
      'dn:: ',
      'cn: x',
      'x:: QQ==',
      'y:: Q',
      '# c',
      ' ',
      '\n',
      '\r\n',
      ':',
      '::',
      'ref: l',
      'version: 1',
      'é',
    );
    fc.assert(
      fc.property(fc.array(fc.oneof(pieces, fc.string({ maxLength: 8 })), { maxLength: 30 }), (parts) => {
        try {
          parseLdif(parts.join(''));
        } catch (e) {
          assert.ok(e instanceof LdifError, String(e));
        }
      }),
      { numRuns: 500 },
    );
  });
});
