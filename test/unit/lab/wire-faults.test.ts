import { strict as assert } from 'node:assert';
import { SCENARIOS } from '../../../test/lab/scenarios';
import * as model from '../../../test/lab/model';
import { exchangeConfig, innerAddress } from '../../../test/lab/exchange-process';
import { chooseConnector, narrowest } from '../../../test/lab/connector-choice';
import { inspectionSession, maskBanner, maskCommand, maskEhloLine } from '../../../test/lab/smtp-inspection';

describe('lab: faults on the wire (issue 13)', () => {
  it('masks the banner with asterisks of the same length and unknown EHLO keywords in place', () => {
    assert.equal(maskBanner('220 ex02.contoso.test Microsoft ESMTP'), `220 ${'*'.repeat(33)}`);
    assert.equal(maskEhloLine('250-STARTTLS'), '250-XXXXXXXA');
    assert.equal(maskEhloLine('250-X-ANONYMOUSTLS'), `250-${'X'.repeat(13)}A`);
    assert.equal(maskEhloLine('250 XSHADOWREQUEST'), `250 ${'X'.repeat(13)}B`);
    assert.equal(maskEhloLine('250-AUTH NTLM'), '250-AUTH NTLM');
    assert.equal(maskEhloLine('250-SIZE 37748736'), '250-SIZE 37748736');
    assert.equal(maskCommand('X-ANONYMOUSTLS'), 'XXXXXXXXXXXXXX');
    assert.equal(maskCommand('EHLO [127.0.0.1]'), 'EHLO [127.0.0.1]');
  });

  it('leaves the greeting line of an EHLO reply and later replies alone', () => {
    const s = inspectionSession();
    assert.match(s.fromServer('220 ex02.contoso.test ready'), /^220 \*+$/);
    s.fromClient('EHLO x');
    assert.equal(s.fromServer('250-ex02.contoso.test Hello [127.0.0.1]'), '250-ex02.contoso.test Hello [127.0.0.1]');
    assert.equal(s.fromServer('250-X-EXPS GSSAPI NTLM'), `250-${'X'.repeat(17)}A`);
    assert.equal(s.fromServer('250 XRDST'), '250 XXXXB');
    assert.equal(s.fromServer('250 2.0.0 OK'), '250 2.0.0 OK');
  });

  it('chooses the connector whose ranges hold the client most narrowly, none when no range does', () => {
    const wide = {
      name: 'Default',
      remoteIpRanges: ['0.0.0.0-255.255.255.255', '::-ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff'],
    };
    const relay = { name: 'Relay', remoteIpRanges: ['127.0.0.10-127.0.0.20'] };
    assert.equal(chooseConnector([wide, relay], '127.0.0.11')?.name, 'Relay');
    assert.equal(chooseConnector([wide, relay], '::ffff:127.0.0.11')?.name, 'Relay');
    assert.equal(chooseConnector([wide, relay], '127.0.0.1')?.name, 'Default');
    assert.equal(narrowest(['fd00:ead::/64'], 'fe80::1'), undefined);
    assert.equal(chooseConnector([{ name: 'v4', remoteIpRanges: ['0.0.0.0/0'] }], 'fe80::1%lo'), undefined);
  });

  it('turns the new scenario faults into listener settings', () => {
    const servers = model.labServers(2);
    const ex02 = (name: string) => exchangeConfig(servers, SCENARIOS[name]?.exchange ?? {}).servers[1];
    assert.match(ex02('transport-cert-expired')?.tls?.cert ?? '', /transport-ex02-expired\.pem$/);
    assert.match(ex02('healthy')?.tls?.cert ?? '', /transport-ex02\.pem$/);
    assert.deepEqual(
      [ex02('tls-version-mismatch')?.tls?.minVersion, ex02('tls-version-mismatch')?.tls?.maxVersion],
      ['TLSv1', 'TLSv1.1'],
    );
    assert.equal(ex02('smtp-inspection')?.inspectedFrom, innerAddress('127.0.0.12'));
    assert.equal(ex02('smtp-inspection')?.inspectedFrom, '127.0.2.12');
    assert.deepEqual(
      ex02('relay-captures')
        ?.listeners.filter((l) => l.port === 25)
        .map((l) => l.connector)
        .sort(),
      ['Default Frontend EX02', 'Relay EX02'],
    );
    assert.deepEqual(ex02('ipv6-link-local')?.listeners.find((l) => l.port === 2525)?.remoteIpRanges, [
      '0.0.0.0-255.255.255.255',
      'fd00:ead::/64',
    ]);
  });
});
