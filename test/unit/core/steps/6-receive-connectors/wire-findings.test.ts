import { strict as assert } from 'node:assert';
import {
  certificateProblems,
  expectedKeywords,
  expsMechanisms,
} from '../../../../../src/core/steps/6-receive-connectors/wire-expectations';
import { ex02TlsFindings } from './ex02-connector-fixture';
import { upgradeVerb, type SmtpSessionResult } from '../../../../../src/core/probes/smtp-session';
import type { CertificateInfo } from '../../../../../src/core/io-tls';
import type { CoreIo } from '../../../../../src/core/io';
import type { DiscoveryResult } from '../../../../../src/core/directory/model';
import {
  authMechanismsFromFlags,
  type ExchangeServer,
  type ReceiveConnector,
} from '../../../../../src/core/directory/model';

const NOW = Date.parse('2026-12-04T12:00:00Z');
const cert = (over: Partial<CertificateInfo> = {}): CertificateInfo => ({
  subject: 'CN=EX02',
  issuer: 'CN=EX02',
  subjectAltNames: ['DNS:EX02', 'DNS:ex02.contoso.test'],
  validFrom: '2025-01-01T00:00:00.000Z',
  validTo: '2030-01-01T00:00:00.000Z',
  selfSigned: true,
  fingerprint256: 'AA:BB',
  thumbprint: 'AABB',
  ...over,
});
const EX02: ExchangeServer = {
  name: 'EX02',
  fqdn: 'ex02.contoso.test',
  dn: 'CN=EX02',
  roles: [],
  receiveConnectors: [],
};
const connector = (flags: number): ReceiveConnector => ({
  name: 'Default EX02',
  dn: 'CN=Default EX02',
  server: 'EX02',
  enabled: true,
  authFlags: flags,
  authMechanisms: authMechanismsFromFlags(flags),
  bindings: ['0.0.0.0:2525'],
  remoteIpRanges: ['0.0.0.0-255.255.255.255'],
});
const ctx = {
  io: { clock: { now: () => NOW, monotonic: () => 0 } } as unknown as CoreIo,
  discovery: { source: 'ldaps://dc1.contoso.test:636' } as unknown as DiscoveryResult,
};
const session = (over: Partial<SmtpSessionResult>): SmtpSessionResult => ({
  host: 'ex02.contoso.test',
  port: 2525,
  stages: [],
  transcript: ['S: 220 ex02.contoso.test Microsoft ESMTP MAIL Service ready'],
  ehlo: { greeting: 'ex02.contoso.test Hello', keywords: ['STARTTLS', 'X-ANONYMOUSTLS', 'X-EXPS GSSAPI NTLM'] },
  upgrade: { verb: 'X-ANONYMOUSTLS', reply: '220 2.0.0 SMTP server ready' },
  ...over,
});
const run = (result: SmtpSessionResult, flags = 31, receiverSpeaks?: string) =>
  ex02TlsFindings(ctx, EX02, result, connector(flags), receiverSpeaks);

describe('the wire as the sender sees it: expectations and TLS findings (step 6)', () => {
  it('derives the keywords Exchange offers from AuthMechanism flags', () => {
    assert.deepEqual(expectedKeywords({ authFlags: 31 }), ['STARTTLS', 'X-ANONYMOUSTLS', 'X-EXPS']);
    assert.deepEqual(expectedKeywords({ authFlags: 15 }), ['STARTTLS', 'X-EXPS']);
    assert.deepEqual(expectedKeywords({ authFlags: 4 }), []);
    assert.deepEqual(expsMechanisms(['X-EXPS GSSAPI NTLM', 'x-exps exchangeauth', 'AUTH NTLM']), [
      'GSSAPI',
      'NTLM',
      'EXCHANGEAUTH',
    ]);
  });

  it('finds expired, not yet valid and misnamed certificates; a wildcard of one label counts', () => {
    assert.deepEqual(certificateProblems(cert(), EX02, NOW), []);
    assert.deepEqual(
      certificateProblems(cert({ validTo: '2020-12-31T00:00:00.000Z' }), EX02, NOW).map((p) => p.kind),
      ['expired'],
    );
    assert.deepEqual(
      certificateProblems(cert({ validFrom: '2027-01-01T00:00:00.000Z' }), EX02, NOW).map((p) => p.kind),
      ['not-yet-valid'],
    );
    const other = cert({ subject: 'CN=mail.fabrikam.com', subjectAltNames: ['DNS:mail.fabrikam.com'] });
    assert.deepEqual(
      certificateProblems(other, EX02, NOW).map((p) => p.kind),
      ['name'],
    );
    const wildcard = cert({ subject: 'CN=*.contoso.test', subjectAltNames: ['DNS:*.contoso.test'] });
    assert.deepEqual(certificateProblems(wildcard, EX02, NOW), []);
    const deeper = cert({ subject: 'CN=*.test', subjectAltNames: ['DNS:*.test'] });
    assert.deepEqual(
      certificateProblems(deeper, EX02, NOW).map((p) => p.kind),
      ['name'],
    );
  });

  it('a completed handshake with a good certificate and X-EXPS inside TLS is ok', () => {
    const fs = run(
      session({
        tls: { protocol: 'TLSv1.3', cipher: 'TLS_AES_256_GCM_SHA384', certificate: cert() },
        ehloInTls: { greeting: 'ex02', keywords: ['AUTH NTLM', 'X-EXPS EXCHANGEAUTH GSSAPI NTLM'] },
      }),
    );
    assert.deepEqual(
      fs.map((f) => `${f.severity} ${f.code}`),
      ['ok tls.handshake'],
    );
    assert.match(fs[0]?.title ?? '', /X-ANONYMOUSTLS then TLSv1\.3; X-EXPS inside TLS: EXCHANGEAUTH GSSAPI NTLM/);
  });

  it('an expired certificate is a warning; X-EXPS missing inside TLS is an error', () => {
    const fs = run(
      session({
        tls: { protocol: 'TLSv1.2', cipher: 'x', certificate: cert({ validTo: '2020-12-31T00:00:00.000Z' }) },
        ehloInTls: { greeting: 'ex02', keywords: ['AUTH NTLM', '8BITMIME'] },
      }),
    );
    assert.deepEqual(
      fs.map((f) => `${f.severity} ${f.code}`),
      ['error tls.exps-missing', 'warning tls.certificate-expired'],
    );
  });

  it('no common version names what each side offered; another handshake failure is its own error', () => {
    const failed = (noCommonVersion: boolean) =>
      session({
        stoppedAt: 'tls',
        tlsError: {
          message: 'alert protocol version',
          reason: 'ERR_SSL_TLSV1_ALERT_PROTOCOL_VERSION',
          noCommonVersion,
          offered: { min: 'TLSv1.2', max: 'TLSv1.3' },
        },
      });
    const [mismatch] = run(failed(true), 31, 'TLSv1.1 (AES256-SHA)');
    assert.equal(mismatch?.code, 'tls.version-mismatch');
    assert.equal(mismatch?.severity, 'error');
    assert.match(mismatch?.title ?? '', /this side offered TLSv1\.2 to TLSv1\.3, EX02 speaks TLSv1\.1/);
    assert.equal(run(failed(false))[0]?.code, 'tls.handshake-failed');
  });

  it('no TLS offered is an error only when the connector should offer it; a stall is unknown with the stage', () => {
    const plain = session({ ehlo: { greeting: 'ex02', keywords: ['SIZE 1', 'AUTH LOGIN'] } });
    delete plain.upgrade;
    assert.deepEqual(
      run(plain, 31).map((f) => `${f.severity} ${f.code}`),
      ['error tls.not-offered'],
    );
    assert.deepEqual(run(plain, 4), []);
    const stalled = session({
      stoppedAt: 'tls',
      stages: [
        { stage: 'tls', outcome: 'failed', detail: 'SMTP ex02.contoso.test:2525 did not answer within 2 s', ms: 2000 },
      ],
    });
    const refused = session({
      stoppedAt: 'upgrade',
      upgrade: { verb: 'X-ANONYMOUSTLS', reply: '454 4.7.0 TLS not available due to local problem' },
    });
    const [r] = run(refused);
    assert.equal(r?.code, 'tls.upgrade-refused');
    assert.equal(r?.severity, 'error');
    assert.match(r?.title ?? '', /offers X-ANONYMOUSTLS but refuses it: 454 4\.7\.0 TLS not available/);
    const [f] = run(stalled);
    assert.equal(f?.code, 'tls.session-stalled');
    assert.equal(f?.severity, 'unknown');
    assert.match(f?.reason ?? '', /did not answer within 2 s/);
  });
});

describe('the TLS verb a sending Exchange server uses', () => {
  it('is X-ANONYMOUSTLS when offered, STARTTLS otherwise, none when neither arrives', () => {
    assert.equal(upgradeVerb(['STARTTLS', 'X-ANONYMOUSTLS', 'AUTH NTLM']), 'X-ANONYMOUSTLS');
    assert.equal(upgradeVerb(['starttls', 'AUTH NTLM']), 'STARTTLS');
    assert.equal(upgradeVerb(['XXXXXXXA', 'XXXXXXXXXXXXXA']), undefined);
  });
});
