/**
 * Step 3, Kerberos keys, judged from the copies of one account on each DC (pure): the lab's
 * scenarios in miniature (stale-key, disabled-account, rc4-only, duplicate-dnshostname) and the
 * readings of the account's LDAP attributes.
 */
import { strict as assert } from 'node:assert';
import { judgeAccount, judgePairTypes } from '../../../../../src/core/steps/3-spns/account-keys-findings';
import { accountInput as input, copy } from './account-keys-fixture';
import { fileTimeToIso, parseAccountCopy, sidToString } from '../../../../../src/core/steps/3-spns/account-keys-read';

const codes = (fs: { code: string; severity: string }[]): string[] => fs.map((f) => `${f.severity} ${f.code}`);

describe('step 3: Kerberos keys of an Exchange computer account on every DC', () => {
  it('is ok when every DC holds the same key version and a type every KDC shares, with the table per DC', () => {
    const fs = judgeAccount(input([copy('DC1', {}, 0x1c), copy('DC2', {}, 0x1c)]));
    assert.deepEqual(codes(fs), ['ok spn.keys-agree']);
    assert.deepEqual(
      fs[0]?.tables?.[0]?.rows.map((r) => r.slice(0, 2)),
      [
        ['DC1', '1'],
        ['DC2', '1'],
      ],
    );
  });

  it('stale-key: names the DC that is behind, with repadmin /replicate from the DC that is ahead and a purge on the sender', () => {
    const fs = judgeAccount(input([copy('DC1', { keyVersion: 2 }), copy('DC2', { keyVersion: 1 })]));
    assert.deepEqual(codes(fs), ['error spn.key-version-differs']);
    const f = fs[0];
    assert.match(f?.title ?? '', /key version 2 on DC1 but 1 on DC2; behind: DC2/);
    const commands = (f?.remedies ?? []).map((r) => `${r.changesState ? '!' : ' '} ${r.runOn}: ${r.command}`);
    assert.ok(
      commands.some((c) => /^! .*repadmin \/replicate DC2 DC1 'DC=contoso,DC=test'$/.test(c)),
      commands.join('\n'),
    );
    assert.ok(commands.includes("! EX01: klist purge -li '0x3e7'"), commands.join('\n'));
    assert.ok(
      commands.some((c) => c.startsWith('  EX02: Test-ComputerSecureChannel')),
      commands.join('\n'),
    );
  });

  it('disabled-account: an error with enabling and a secure channel repair, both marked as changing state', () => {
    const fs = judgeAccount(input([copy('DC1', { userAccountControl: 4098 })]));
    assert.deepEqual(codes(fs), ['error spn.account-disabled']);
    assert.ok(fs[0]?.remedies.every((r) => r.changesState));
  });

  it('rc4-only: an error naming the KDC with no type in common; only a warning while the KDC still issues RC4', () => {
    const refused = judgeAccount(input([copy('DC1', { enctypes: 0x4 }, 0x18)]));
    assert.deepEqual(codes(refused), ['error spn.no-common-etype']);
    assert.match(refused[0]?.title ?? '', /DC1 \(0x18 \(AES128, AES256\)\)/);
    const events = refused[0]?.remedies.find((r) => r.runOn === 'DC1' && r.command.startsWith('Get-WinEvent'));
    assert.match(events?.command ?? '', /Id=14,16,26,27,42,201,/);
    assert.equal(events?.changesState, false);
    const allowed = judgeAccount(input([copy('DC1', { enctypes: 0x4 }, 0x1c)]));
    assert.deepEqual(codes(allowed), ['warning spn.rc4-only']);
    assert.match(allowed[0]?.explanation ?? '', /KB5073381/);
  });

  it('DES only (the flag or the types) is an error; no types set is a warning', () => {
    assert.deepEqual(codes(judgeAccount(input([copy('DC1', { userAccountControl: 4096 | 0x200000 })]))), [
      'error spn.des-only',
    ]);
    assert.deepEqual(codes(judgeAccount(input([copy('DC1', { enctypes: 0x3 })]))), ['error spn.des-only']);
    const unset = copy('DC1');
    delete unset.copy?.enctypes;
    assert.deepEqual(codes(judgeAccount(input([unset]))), ['warning spn.enctypes-unset']);
  });

  it('duplicate-dnshostname: an error naming the other account, with a removal that changes state', () => {
    const fs = judgeAccount(input([copy('DC1')], { otherClaims: ['EX02-OLD$'] }));
    assert.deepEqual(codes(fs), ['error spn.duplicate-dnshostname']);
    assert.ok(
      fs[0]?.remedies.some((r) => r.changesState && r.command.includes("Remove-ADComputer -Identity 'EX02-OLD$'")),
    );
  });

  it('an old machine password or last logon is a warning; recent ones are not', () => {
    const old = judgeAccount(
      input([copy('DC1', { passwordSetAt: '2026-08-01T00:00:00.000Z', lastLogonAt: '2026-07-01T00:00:00.000Z' })]),
    );
    assert.deepEqual(codes(old), ['warning spn.password-old', 'warning spn.logon-old']);
    assert.deepEqual(codes(judgeAccount(input([copy('DC1', { lastLogonAt: '2026-11-25T00:00:00.000Z' })]))), [
      'ok spn.keys-agree',
    ]);
  });

  it('fills every placeholder of its wording, whatever it finds', () => {
    const unset = copy('DC1');
    delete unset.copy?.enctypes;
    const all = [
      judgeAccount(input([copy('DC1', {}, 0x1c)])),
      judgeAccount(
        input([copy('DC1', { keyVersion: 3 }), copy('DC2', { keyVersion: 1 }), copy('DC3', { keyVersion: 2 })]),
      ),
      judgeAccount(input([copy('DC1', { userAccountControl: 4098 | 0x200000, enctypes: 0x4 }, 0x18)])),
      judgeAccount(input([copy('DC1', { enctypes: 0x4 })], { otherClaims: ['A$', 'B$'] })),
      judgeAccount(input([unset])),
      judgeAccount(
        input([copy('DC1', { passwordSetAt: '2025-01-01T00:00:00.000Z', lastLogonAt: '2025-01-01T00:00:00.000Z' })]),
      ),
    ].flat();
    assert.ok(all.length >= 9);
    for (const f of all) assert.doesNotMatch(`${f.title} ${f.explanation}`, /\{[A-Za-z]+\}/, f.code);
  });

  it('warns that AES keys may be missing when the password predates the domain being able to hold them', () => {
    const old = judgeAccount(
      input([copy('DC1', { passwordSetAt: '2026-11-01T00:00:00.000Z' })], { aesSince: '2026-11-02T00:00:00.000Z' }),
    );
    assert.deepEqual(codes(old), ['warning spn.aes-keys-missing']);
    assert.ok(old[0]?.remedies.some((r) => r.command === 'Test-ComputerSecureChannel -Repair' && r.changesState));
    const fresh = judgeAccount(input([copy('DC1')], { aesSince: '2026-11-02T00:00:00.000Z' }));
    assert.deepEqual(codes(fresh), ['ok spn.keys-agree']);
    assert.ok(fresh[0]?.evidence.some((e) => e.label === 'AES keys possible since'));
  });

  it('reads a binary SID as AD and Samba return it, and refuses malformed ones', () => {
    assert.equal(sidToString('AQQAAAAAAAUVAAAAeFpZ5R0n75LaNd0n'), 'S-1-5-21-3847838328-2465146653-668808666');
    assert.equal(sidToString(''), undefined);
    assert.equal(sidToString('AQQAAAAAAAUVAAAA'), undefined);
    assert.equal(sidToString(Buffer.from([2, 0, 0, 0, 0, 0, 0, 5]).toString('base64')), undefined);
  });

  it('a pair whose sender and receiver share no type is an error on the receiver; one shared type is enough', () => {
    const aesOnly = copy('DC1', { enctypes: 0x18 });
    const f = judgePairTypes(
      input([copy('DC1', { enctypes: 0x4 })]),
      { server: 'EX01', copy: aesOnly },
      copy('DC1', { enctypes: 0x4 }),
    );
    assert.equal(f?.code, 'spn.no-common-etype-pair');
    assert.equal(f?.subject.name, 'EX02');
    assert.match(f?.title ?? '', /sender EX01\$ \(0x18 \(AES128, AES256\)\) and the receiver EX02\$ \(0x4 \(RC4\)\)/);
    assert.doesNotMatch(`${f?.title} ${f?.explanation}`, /\{[A-Za-z]+\}/);
    assert.equal(
      judgePairTypes(input([]), { server: 'EX01', copy: aesOnly }, copy('DC1', { enctypes: 0x1c })),
      undefined,
    );
    assert.equal(judgePairTypes(input([]), { server: 'EX01' }, copy('DC1', { enctypes: 0x4 })), undefined);
  });

  it('judges nothing when no DC returned the account', () => {
    assert.deepEqual(judgeAccount(input([{ dc: 'DC1', source: 'x' }])), []);
  });

  it('reads FILETIME attributes and 32-bit flags as AD returns them (0 and "never" are no time; negative is unsigned)', () => {
    assert.equal(fileTimeToIso('134408736011755420'), '2026-12-04T16:00:01.175Z');
    assert.equal(fileTimeToIso('0'), undefined);
    assert.equal(fileTimeToIso('9223372036854775807'), undefined);
    assert.equal(fileTimeToIso('abc'), undefined);
    const c = parseAccountCopy({
      dn: 'CN=EX02,CN=Computers,DC=contoso,DC=test',
      attributes: {
        'msDS-KeyVersionNumber': ['2'],
        'msDS-SupportedEncryptionTypes': ['-2147483620'],
        userAccountControl: ['4096'],
        pwdLastSet: ['134408736011755420'],
        dNSHostName: ['EX02.contoso.test'],
      },
    });
    assert.deepEqual(c, {
      keyVersion: 2,
      enctypes: 0x8000001c,
      userAccountControl: 4096,
      passwordSetAt: '2026-12-04T16:00:01.175Z',
      dnsHostName: 'ex02.contoso.test',
    });
  });
});
