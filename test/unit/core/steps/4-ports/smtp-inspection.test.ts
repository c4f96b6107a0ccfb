import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { inspectionSigns, isMaskedKeyword, isStrongSign } from '../../../../../src/core/steps/4-ports/smtp-inspection';

const EXCHANGE = [
  'SIZE 37748736',
  'PIPELINING',
  'STARTTLS',
  'X-ANONYMOUSTLS',
  'AUTH NTLM',
  'X-EXPS GSSAPI NTLM',
  'XRDST',
];

describe('signs of SMTP inspection on the path (step 4)', () => {
  it('sees nothing when the wire matches the connector and the banner names the server', () => {
    const signs = inspectionSigns({
      banner: '220 ex02.contoso.test Microsoft ESMTP MAIL Service ready at Fri, 4 Dec 2026 16:05:19 +0000',
      ehlo: { greeting: 'ex02.contoso.test Hello [10.0.0.5]', keywords: EXCHANGE },
      expected: ['STARTTLS', 'X-ANONYMOUSTLS', 'X-EXPS'],
      fqdn: 'ex02.contoso.test',
    });
    assert.deepEqual(signs, []);
  });

  it('names a masked banner, masked keywords and the keywords that went missing, side by side', () => {
    const signs = inspectionSigns({
      banner: `220 ${'*'.repeat(40)}`,
      ehlo: {
        greeting: 'ex02.contoso.test Hello',
        keywords: ['SIZE 37748736', 'XXXXXXXA', 'XXXXXXXXXXXXXA', 'AUTH NTLM', 'XXXB'],
      },
      expected: ['STARTTLS', 'X-ANONYMOUSTLS', 'X-EXPS'],
      fqdn: 'ex02.contoso.test',
    });
    assert.deepEqual(
      signs.map((s) => `${s.kind} ${s.expected} -> ${s.arrived}`),
      [
        `masked-banner 220 ex02.contoso.test Microsoft ESMTP MAIL Service ready at <date> -> 220 ${'*'.repeat(40)}`,
        'masked-keyword a keyword Exchange offers -> 250-XXXXXXXA',
        'masked-keyword a keyword Exchange offers -> 250-XXXXXXXXXXXXXA',
        'masked-keyword a keyword Exchange offers -> 250-XXXB',
        'missing-keyword STARTTLS -> (not offered)',
        'missing-keyword X-ANONYMOUSTLS -> (not offered)',
        'missing-keyword X-EXPS -> (not offered)',
      ],
    );
    assert.ok(signs.some(isStrongSign));
  });

  it('a banner naming another host or a missing keyword alone is a weak sign; real X keywords are not masks', () => {
    const signs = inspectionSigns({
      banner: '220 relay.contoso.test ESMTP',
      ehlo: { greeting: 'relay', keywords: ['STARTTLS', 'X-EXPS GSSAPI', 'XEXCH50', 'XSHADOWREQUEST'] },
      expected: ['STARTTLS', 'X-ANONYMOUSTLS', 'X-EXPS'],
      fqdn: 'ex02.contoso.test',
    });
    assert.deepEqual(
      signs.map((s) => s.kind),
      ['banner-host', 'missing-keyword'],
    );
    assert.ok(!signs.some(isStrongSign));
    assert.equal(isMaskedKeyword('XEXCH50'), false);
    assert.equal(isMaskedKeyword('XRDST'), false);
    assert.equal(isMaskedKeyword('xxxxxxxa'), true);
  });
});

describe('signs of SMTP inspection: any text from the wire', () => {
  it('never throws, and a sign only ever quotes what arrived or what was expected', () => {
    const line = fc.oneof(
      fc.string(),
      fc.constantFrom(
        'STARTTLS',
        'X-ANONYMOUSTLS',
        'X-EXPS GSSAPI NTLM',
        'XXXXXXXA',
        'XXXB',
        '',
        ' ',
        '\u001b[2J',
        '*',
      ),
    );
    fc.assert(
      fc.property(
        fc.option(fc.string()),
        fc.array(line, { maxLength: 20 }),
        fc.option(fc.string()),
        (banner, keywords, fqdn) => {
          const signs = inspectionSigns({
            ...(banner !== null ? { banner } : {}),
            ehlo: { greeting: 'x', keywords },
            expected: ['STARTTLS', 'X-ANONYMOUSTLS', 'X-EXPS'],
            ...(fqdn !== null ? { fqdn } : {}),
          });
          for (const s of signs) {
            const arrived =
              s.arrived === '(not offered)' ||
              (banner ?? '').startsWith(s.arrived) ||
              keywords.some((k) => s.arrived === `250-${k}`);
            assert.ok(arrived, JSON.stringify(s));
          }
        },
      ),
      { numRuns: 500 },
    );
  });
});
