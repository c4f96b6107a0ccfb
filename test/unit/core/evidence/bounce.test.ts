import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyseEvidence } from '../../../../src/core/evidence/analyse';
import { readBounce } from '../../../../src/core/evidence/bounce';

const eml = readFileSync(join(__dirname, '../../../fixtures/localised/dsn-delayed-454.eml'), 'utf8');

describe('evidence: bounces (RFC 3464 DSN and Exchange NDR text)', () => {
  it('reads the reporting MTA and each recipient, with folded Diagnostic-Code joined', () => {
    const b = readBounce(eml)!;
    assert.equal(b.reportingMta, 'EX01.contoso.test');
    assert.equal(b.recipients.length, 1);
    const r = b.recipients[0]!;
    assert.equal(r.finalRecipient, 'bob@contoso.test');
    assert.equal(r.action, 'delayed');
    assert.equal(r.status, '4.4.0');
    assert.equal(r.remoteMta, 'ex02.contoso.test');
    assert.match(
      r.diagnosticCode ?? '',
      /^451 4\.4\.0 .* "454 4\.7\.0 Temporary authentication failure\." Attempted failover to alternate host/,
    );
  });

  it('gives the 454 4.7.0 of the bounce both ends: the reporting server sends, the remote MTA receives', () => {
    const a = analyseEvidence(eml, { fileName: 'Delivery delayed.eml' });
    assert.equal(a.kind, 'headers');
    const failures = a.findings.filter((f) => f.code === 'auth-failure-relayed' || f.code === 'auth-temporary-failure');
    assert.ok(failures.length >= 1, JSON.stringify(a.findings.map((f) => f.code)));
    for (const f of failures) {
      assert.deepEqual(f.sending, { name: 'EX01.contoso.test' });
      assert.deepEqual(f.receiving, { name: 'ex02.contoso.test' });
    }
  });

  it('is not a bounce without DSN or NDR fields', () => {
    assert.equal(readBounce('Subject: hello\r\n\r\nHello Bob'), undefined);
  });
});
