/**
 * The ticket-listing parsers of step 3 on verbatim outputs (test/fixtures/kerberos/SOURCES.md):
 * Windows klist in English and French, MIT klist -e and kvno, Heimdal klist -v; then fuzzed like
 * the other parsers (random token lines, mutated samples, escape sequences): never a throw, and
 * every ticket found names a server taken from the input.
 */
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { textLike } from '../../../../fixtures/fuzz/text-like';
import {
  findTicket,
  parseHeimdalKlistVerbose,
  parseMitKlistEtypes,
  parseWindowsKlist,
} from '../../../../../src/core/steps/3-spns/klist-parsers';
import { parseKvnoOutput } from '../../../../../src/core/steps/3-spns/ticket-request';
import { enctypeFromText } from '../../../../../src/core/steps/3-spns/encryption-types';

const DIR = join(__dirname, '../../../../fixtures/kerberos');
const sample = (name: string): string => readFileSync(join(DIR, name), 'utf8');

describe('step 3: ticket listings (klist, kvno) from verbatim outputs', () => {
  it('Windows klist, English: server, ticket and session types, the KDC called', () => {
    const t = parseWindowsKlist(sample('windows-klist-en.txt'));
    assert.deepEqual(t[1], {
      server: 'HTTP/vmhybrid01.lab.local@LAB.LOCAL',
      ticketEtype: 'AES-256-CTS-HMAC-SHA1-96',
      sessionEtype: 'AES-256-CTS-HMAC-SHA1-96',
      kdc: 'vmhybrid01.lab.local',
    });
    assert.equal(t.length, 2);
    assert.equal(
      enctypeFromText(findTicket(sample('windows-klist-en.txt'), 'http/VMHYBRID01.lab.local')?.ticketEtype ?? ''),
      'AES256',
    );
  });

  it('Windows klist, French: the same fields by position under translated labels ("Serveur :")', () => {
    const [t] = parseWindowsKlist(sample('windows-klist-fr.txt'));
    assert.equal(t?.server, 'krbtgt/domain.local@domain.local');
    assert.equal(t?.ticketEtype, 'RSADSI RC4-HMAC(NT)');
    assert.equal(enctypeFromText(t?.ticketEtype ?? ''), 'RC4');
  });

  it('MIT klist -e: the service ticket and its (skey, tkt) types, also when Flags push Etype to its own line', () => {
    const svc = findTicket(sample('mit-klist-e-service.txt'), 'dummy/sec-lab3.hwx.com@HWX.COM');
    assert.deepEqual(svc, {
      server: 'dummy/sec-lab3.hwx.com@HWX.COM',
      sessionEtype: 'arcfour-hmac',
      ticketEtype: 'arcfour-hmac',
    });
    const tgt = parseMitKlistEtypes(sample('mit-klist-e-service.txt'))[0];
    assert.equal(tgt?.ticketEtype, 'aes256-cts-hmac-sha1-96');
    assert.equal(parseMitKlistEtypes(sample('mit-klist-fe-flags.txt'))[0]?.ticketEtype, 'arcfour-hmac');
    assert.equal(
      findTicket(sample('mit-klist-e-lab.txt'), 'SMTPSVC/ex02.contoso.test')?.ticketEtype,
      'aes256-cts-hmac-sha1-96',
    );
  });

  it('Heimdal klist -v: ticket type and key version of each ticket', () => {
    const t = parseHeimdalKlistVerbose(sample('heimdal-klist-v.txt'));
    assert.deepEqual(t[1], { server: 'HTTP/devix.cotham.uk@COTHAM', ticketEtype: 'aes256-cts-hmac-sha1-96', kvno: 25 });
  });

  it('MIT kvno: the key version of an issued ticket, KDC_ERR_ETYPE_NOSUPP from the rc4-only lab', () => {
    const ok = parseKvnoOutput(sample('mit-kvno-issued-lab.txt'), '');
    assert.deepEqual(ok.kind === 'issued' ? ok.kvno : undefined, 2);
    const refused = parseKvnoOutput('', sample('mit-kvno-etype-nosupp-lab.txt'));
    assert.equal(refused.kind === 'failed' ? refused.code?.name : undefined, 'KDC_ERR_ETYPE_NOSUPP');
  });
});

const samples = readdirSync(DIR)
  .filter((f) => !f.endsWith('.md'))
  .map(sample);
const tokens = fc.constantFrom(
  '#0>',
  '#12>\t',
  'Client: ',
  'Server: ',
  'Serveur : ',
  ' @ ',
  'KerbTicket Encryption Type: ',
  'AES-256-CTS-HMAC-SHA1-96',
  'Etype (skey, tkt): ',
  'arcfour-hmac, ',
  'renew until ',
  '12/04/26 16:00:42  ',
  'Ticket etype: ',
  ', kvno ',
  '25',
  ': kvno = ',
  'kvno: ',
  '\t',
  '    ',
  ':',
  ' : ',
  '\r\n',
  '\n',
  '\u001b[',
  '\u0007',
);
const any = fc.oneof(...textLike(tokens, samples, { anyMax: 400 }));

describe('step 3: ticket listings, fuzzed', () => {
  for (const [name, parse] of [
    ['parseWindowsKlist', parseWindowsKlist],
    ['parseMitKlistEtypes', parseMitKlistEtypes],
    ['parseHeimdalKlistVerbose', parseHeimdalKlistVerbose],
  ] as const) {
    it(`${name} never throws, and every server it reports comes from the input`, () => {
      fc.assert(
        fc.property(any, (text) => {
          for (const t of parse(text)) {
            assert.ok(t.server.length > 0);
            assert.ok(
              text
                .replace(/\r/g, '')
                .replace(/\s*@\s*/g, '@')
                .includes(t.server),
              `${t.server} not in input`,
            );
            assert.ok(t.kvno === undefined || Number.isInteger(t.kvno));
          }
        }),
        { numRuns: 400 },
      );
    });
  }

  it('findTicket and parseKvnoOutput never throw on any text', () => {
    fc.assert(
      fc.property(any, fc.string({ maxLength: 30 }), (text, spn) => {
        findTicket(text, spn);
        const o = parseKvnoOutput(text, text);
        assert.ok(o.kind === 'issued' || o.kind === 'failed');
      }),
      { numRuns: 400 },
    );
  });
});
