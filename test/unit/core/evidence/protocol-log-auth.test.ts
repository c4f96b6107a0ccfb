import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyseEvidence } from '../../../../src/core/evidence/analyse';
import { findFailures, SCAN_NEEDLES } from '../../../../src/core/evidence/failure-patterns';
import { readEventRecords } from '../../../../src/core/evidence/event-records';
import { readInboundAuthFailure } from '../../../../src/core/evidence/transport-auth-events';
import { render } from '../../../../src/core/l10n/render';

const fixtures = join(__dirname, '../../../fixtures');

describe('evidence: authentication status lines of the protocol logs', () => {
  it('flags "Outbound Authentication failed with LogonDenied" in a send log (verbatim zh-cn case)', () => {
    const text = readFileSync(join(fixtures, 'localised/events/send-zh-cn-logondenied.log'), 'utf8');
    const a = analyseEvidence(text, { fileName: 'SEND20191104-1.LOG' });
    assert.equal(a.kind, 'smtp-send-log');
    const f = a.findings.find((x) => x.code === 'outbound-auth-failed');
    assert.ok(f, JSON.stringify(a.findings.map((x) => x.code)));
    assert.equal(f.severity, 'error');
    assert.equal(f.range.line, 18);
    assert.equal(
      text.split('\n')[18]!.slice(f.range.start, f.range.end),
      'Outbound Authentication failed with LogonDenied',
    );
    assert.deepEqual(f.steps, [3, 2, 1]);
    assert.match(f.message, /LogonDenied.*the logon was refused/);
    assert.match(render('es', f.text!), /La autenticación de salida falló con LogonDenied/);
  });

  it('flags "Inbound authentication failed because of" in a receive log with the status token', () => {
    const line =
      '2026-12-04T09:41:07.512Z,EX02\\Default EX02,08DE3A1B2C3D4E60,7,10.0.0.12:2525,10.0.0.11:49822,*,,Inbound authentication failed because of KdcUnknownEncryptionType';
    const a = analyseEvidence(`#Log-type: SMTP Receive Protocol Log\r\n${line}\r\n`, { fileName: 'RECV1.LOG' });
    const f = a.findings.find((x) => x.code === 'inbound-auth-failed');
    assert.ok(f, JSON.stringify(a.findings));
    assert.deepEqual(f.steps, [3, 5]);
    assert.ok(!a.findings.some((x) => x.code === 'event-1035'), 'not mistaken for event 1035');
  });

  it('Get-WinEvent | ConvertTo-Json: the 1035 fields through the same reader', () => {
    const text = readFileSync(join(fixtures, 'windows/winevent-application-1035-single.json'), 'utf8');
    const [r] = readEventRecords(text);
    assert.equal(r?.form, 'json');
    const e = readInboundAuthFailure(r);
    assert.equal(e?.sourceIp, '192.168.10.21');
    assert.equal(e?.connector, 'Default EX02');
    assert.equal(e?.receivingServer, 'EX01');
    assert.equal(e?.time, '2026-11-23T13:47:48.456Z');
  });
});

describe('evidence: event 2017 text found by the byte scan and the line search', () => {
  it('"Outbound authentication failed with error LogonDenied" (event 2017 wording) is a failure with its status', () => {
    const line =
      'Message:  Outbound authentication failed with error LogonDenied for Send connector X. The authentication mechanism is ExchangeAuth. The target is SMTPSVC/ex02.contoso.test.';
    assert.ok(SCAN_NEEDLES.some((n) => line.includes(n)));
    const [hit] = findFailures(line);
    assert.equal(hit?.code, 'outbound-auth-failed');
    assert.equal(hit?.parts?.error, 'LogonDenied');
  });
});
