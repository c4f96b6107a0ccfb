/**
 * Windows klist as printed in French, Spanish and Simplified Chinese, copied verbatim from public
 * write-ups (test/fixtures/kerberos/SOURCES.md): the tickets, their types and the KDC are read by
 * position under the translated labels, and a blank "KDC called" stays blank instead of becoming
 * its own label.
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { findTicket, parseWindowsKlist } from '../../../../../src/core/steps/3-spns/klist-parsers';
import { enctypeFromText } from '../../../../../src/core/steps/3-spns/encryption-types';

const sample = (name: string): string => readFileSync(join(__dirname, '../../../../fixtures/kerberos', name), 'utf8');

describe('Windows klist in other display languages (verbatim)', () => {
  it('French ("Serveur :", "KDC appelé :"): both tickets, AES types, the KDC', () => {
    const t = parseWindowsKlist(sample('windows-klist-fr-novacorp.txt'));
    assert.deepEqual(t, [
      {
        server: 'krbtgt/NOVACORP.TEST@NOVACORP.TEST',
        ticketEtype: 'AES-256-CTS-HMAC-SHA1-96',
        sessionEtype: 'AES-256-CTS-HMAC-SHA1-96',
        kdc: 'DC02.novacorp.test',
      },
      {
        server: 'ldap/DC01.novacorp.test@NOVACORP.TEST',
        ticketEtype: 'AES-256-CTS-HMAC-SHA1-96',
        sessionEtype: 'AES-256-CTS-HMAC-SHA1-96',
        kdc: 'DC02.novacorp.test',
      },
    ]);
    const ldap = findTicket(sample('windows-klist-fr-novacorp.txt'), 'LDAP/dc01.novacorp.test');
    assert.equal(enctypeFromText(ldap?.ticketEtype ?? ''), 'AES256');
  });

  it('Spanish: a blank "KDC llamado:" gives no KDC, the next ticket keeps its own', () => {
    const [tgt, cifs, ...rest] = parseWindowsKlist(sample('windows-klist-es-kdc-blank.txt'));
    assert.equal(rest.length, 0);
    assert.deepEqual(tgt, {
      server: 'krbtgt/absolute.htb@ABSOLUTE.HTB',
      ticketEtype: 'AES-256-CTS-HMAC-SHA1-96',
      sessionEtype: 'AES-256-CTS-HMAC-SHA1-96',
    });
    assert.equal(cifs?.server, 'cifs/dc.absolute.htb@ABSOLUTE.HTB');
    assert.equal(cifs?.kdc, 'dc.absolute.htb');
  });

  it('Chinese: an AES ticket with an RC4 session key, and no KDC for a blank "调用的 KDC:"', () => {
    const [t, ...rest] = parseWindowsKlist(sample('windows-klist-zh-cn.txt'));
    assert.equal(rest.length, 0);
    assert.deepEqual(t, {
      server: 'krbtgt/vulntarget.com@VULNTARGET.COM',
      ticketEtype: 'AES-256-CTS-HMAC-SHA1-96',
      sessionEtype: 'RSADSI RC4-HMAC(NT)',
    });
    assert.equal(enctypeFromText(t?.sessionEtype ?? ''), 'RC4');
  });
});
