import { strict as assert } from 'node:assert';
import { hoverAt } from '../../../../src/core/evidence/hover';
import {
  ENHANCED_CODES_DATE,
  ENHANCED_CODES_SOURCE,
  lookupEnhancedCode,
  lookupReplyCode,
} from '../../../../src/core/evidence/status-codes';
import { PROTOCOL_LOG_FIELDS, TRACKING_LOG_FIELDS } from '../../../../src/core/evidence/w3c';

const LINE =
  '2026-11-22T10:00:01.123Z,EX02\\Default EX02,08DEA08FF49B6F77,19,10.0.0.12:2525,10.0.0.11:41234,>,454 4.7.0 Temporary authentication failure,';

describe('evidence: status codes and hovers', () => {
  it('ships the IANA registry with its source and date', () => {
    assert.match(ENHANCED_CODES_SOURCE, /iana\.org\/assignments\/smtp-enhanced-status-codes/);
    assert.match(ENHANCED_CODES_DATE, /^\d{4}-\d{2}-\d{2}$/);
    const info = lookupEnhancedCode('4.7.0');
    assert.equal(info?.class?.sampleText, 'Persistent Transient Failure');
    assert.equal(info?.subject?.sampleText, 'Security or Policy Status');
    assert.equal(info?.detail?.sampleText, 'Other or undefined security status');
    assert.equal(lookupEnhancedCode('5.7.8')?.detail?.sampleText, 'Authentication credentials invalid');
    assert.equal(lookupEnhancedCode('5.1.1')?.detail?.sampleText, 'Bad destination mailbox address');
    assert.equal(lookupEnhancedCode('5.7.999')?.detail, undefined, 'unknown detail: class and subject only');
    assert.equal(lookupEnhancedCode('9.9.9'), undefined);
    assert.match(lookupReplyCode('454')!.text, /Temporary authentication failure/);
    assert.equal(lookupReplyCode('999'), undefined);
    assert.equal(lookupReplyCode('constructor'), undefined);
  });

  it('explains 4.7.0 with the registry and the Exchange note, and the field it sits in', () => {
    const ch = LINE.indexOf('4.7.0') + 1;
    const h = hoverAt(LINE, ch, 'smtp-receive-log', PROTOCOL_LOG_FIELDS);
    assert.ok(h);
    assert.equal(LINE.slice(h.start, h.end), '4.7.0');
    assert.match(h.markdown, /\*\*4\.7\.0\*\* enhanced status code/);
    assert.match(h.markdown, /KB 979174/);
    assert.match(h.markdown, /\*\*data\*\*/);
  });

  it('explains the reply code 454', () => {
    const h = hoverAt(LINE, LINE.indexOf('454') + 1, 'smtp-receive-log', PROTOCOL_LOG_FIELDS);
    assert.match(h!.markdown, /\*\*454\*\* SMTP reply \(transient failure/);
  });

  it('explains protocol log fields, the event symbol and the transport port', () => {
    const remote = hoverAt(LINE, LINE.indexOf('10.0.0.11') + 2, 'smtp-receive-log', PROTOCOL_LOG_FIELDS);
    assert.match(remote!.markdown, /\*\*remote-endpoint\*\*/);
    const local = hoverAt(LINE, LINE.indexOf('10.0.0.12') + 2, 'smtp-receive-log', PROTOCOL_LOG_FIELDS);
    assert.match(local!.markdown, /Port 2525: Transport service on a Mailbox server/);
    const ev = hoverAt(LINE, LINE.indexOf(',>,') + 1, 'smtp-receive-log', PROTOCOL_LOG_FIELDS);
    assert.match(ev!.markdown, /`>`: Sent by the server that wrote this log/);
    const sid = hoverAt(LINE, LINE.indexOf('08DE') + 3, 'smtp-receive-log', PROTOCOL_LOG_FIELDS);
    assert.match(sid!.markdown, /\*\*session-id\*\*/);
  });

  it('explains tracking log fields', () => {
    const line =
      '2026-11-22T10:01:00.000Z,10.0.0.11,EX01.contoso.com,10.0.0.12,EX02.contoso.com,x,EX01\\Default EX01,SMTP,DEFER,1001';
    const h = hoverAt(line, line.indexOf('DEFER') + 1, 'tracking-log', TRACKING_LOG_FIELDS);
    assert.match(h!.markdown, /\*\*event-id\*\*/);
  });

  it('does not take IP addresses, versions or dates for status codes', () => {
    assert.equal(hoverAt('from 10.4.7.0 via', 8, 'unknown'), undefined);
    assert.equal(hoverAt('id 15.2.1118.7;', 5, 'unknown'), undefined);
    assert.equal(hoverAt('Version 4.7.0.1', 9, 'unknown'), undefined);
    assert.match(hoverAt('responded with: "454 4.7.0 Temporary', 23, 'queue')!.markdown, /4\.7\.0/);
  });
});
