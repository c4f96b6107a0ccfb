import { strict as assert } from 'node:assert';
import { analyseEvidence } from '../../../../src/core/evidence/analyse';
import { splitCsvLine } from '../../../../src/core/evidence/csv';
import { detectEvidenceKind } from '../../../../src/core/evidence/detect';
import { parseEndpoint } from '../../../../src/core/evidence/endpoint';
import { findFailures } from '../../../../src/core/evidence/failure-patterns';
import { parseMailDate } from '../../../../src/core/evidence/mail-date';
import {
  EVENT_1035,
  EX01,
  EX02,
  EX03,
  messageHeaders,
  protocolLog,
  QUEUE_ERROR,
  queueList,
  trackingLog,
} from '../../../fixtures/evidence/generate';

const linesOf = (t: string): string[] => t.split(/\r?\n/);

describe('evidence: building blocks', () => {
  it('splits Exchange CSV with quotes, doubled quotes and positions', () => {
    const line = 'a,"b, c","say ""hi""",,d';
    const f = splitCsvLine(line);
    assert.deepEqual(
      f.map((x) => x.value),
      ['a', 'b, c', 'say "hi"', '', 'd'],
    );
    assert.equal(line.slice(f[1]!.start, f[1]!.end), '"b, c"');
    assert.deepEqual(
      splitCsvLine('"unterminated, still').map((x) => x.value),
      ['unterminated, still'],
    );
  });

  it('parses endpoints as Exchange writes them', () => {
    assert.deepEqual(parseEndpoint('10.0.0.11:2525'), { ip: '10.0.0.11', port: 2525 });
    assert.deepEqual(parseEndpoint('[2001:db8::1]:25'), { ip: '2001:db8::1', port: 25 });
    assert.deepEqual(parseEndpoint('EX02.contoso.com'), { name: 'EX02.contoso.com' });
    assert.equal(parseEndpoint('not an endpoint!'), undefined);
    assert.equal(parseEndpoint('999.1.1.1:25'), undefined);
  });

  it('parses RFC 5322 dates with zones', () => {
    const d = parseMailDate('Fri, 5 Aug 2016 16:24:41 -0700');
    assert.equal(new Date(d!.time).toISOString(), '2016-08-05T23:24:41.000Z');
    assert.equal(parseMailDate('no date here'), undefined);
  });

  it('finds each failure text with its exact span', () => {
    const relayed = QUEUE_ERROR(EX02);
    const [hit] = findFailures(relayed);
    assert.equal(hit!.code, 'auth-failure-relayed');
    assert.equal(relayed.slice(hit!.start, hit!.end), relayed.slice(0, relayed.indexOf('failure') + 'failure'.length));
    const cannot = '451 5.7.3 Cannot achieve Exchange Server authentication';
    assert.equal(findFailures(cannot)[0]!.start, 0);
    assert.equal(findFailures(cannot)[0]!.steps[0], 6);
    assert.equal(findFailures('x KRB_AP_ERR_SKEW y')[0]!.code, 'kerberos-skew');
    assert.deepEqual(findFailures('250 2.6.0 Queued mail for delivery'), []);
  });

  it('detects the kind by content first, then by file name', () => {
    assert.equal(detectEvidenceKind(protocolLog('receive', { sessions: 1 })), 'smtp-receive-log');
    assert.equal(detectEvidenceKind(protocolLog('send', { sessions: 1 })), 'smtp-send-log');
    assert.equal(detectEvidenceKind(trackingLog({ messages: 1 })), 'tracking-log');
    assert.equal(detectEvidenceKind(messageHeaders([{ from: EX01, by: EX02, at: 0 }])), 'headers');
    assert.equal(detectEvidenceKind(queueList()), 'queue');
    assert.equal(detectEvidenceKind('hello', 'C:\\Logs\\RECV2026112210-1.LOG'), 'smtp-receive-log');
    assert.equal(detectEvidenceKind('hello', 'MSGTRKMS2026112210-1.LOG'), 'tracking-log');
    assert.equal(detectEvidenceKind('hello', 'mail.eml'), 'headers');
    assert.equal(detectEvidenceKind('hello', 'notes.txt'), 'unknown');
    // A BOM before the header is allowed.
    assert.equal(detectEvidenceKind('\uFEFF' + trackingLog({ messages: 1 })), 'tracking-log');
  });
});

describe('evidence: SMTP Receive protocol log', () => {
  const text = protocolLog('receive', {
    sessions: 6,
    outcome: (i) => (['ok', 'kerberos-454', 'no-exchange-auth', 'tls-failed', 'blob', 'exps-535'] as const)[i]!,
  });
  const lines = linesOf(text);
  const a = analyseEvidence(text, { fileName: 'RECV2026112210-1.LOG' });

  it('reports the 454 4.7.0 answering X-EXPS GSSAPI with the exact range, step and ends', () => {
    assert.equal(a.kind, 'smtp-receive-log');
    const line = lines.findIndex((l) => l.includes(',>,454 4.7.0'));
    const f = a.findings.find((x) => x.range.line === line && x.code === 'x-exps-failed');
    assert.ok(f, JSON.stringify(a.findings.map((x) => [x.range.line, x.code])));
    assert.equal(lines[line]!.slice(f.range.start, f.range.end), '454 4.7.0 Temporary authentication failure');
    assert.deepEqual(f.steps.slice(0, 2), [1, 3]);
    assert.match(f.message, /from 10\.0\.0\.11 to EX02/);
    assert.deepEqual(f.sending, { ip: EX01.ip });
    assert.equal(f.receiving?.name, 'EX02');
  });

  it('reports refused X-EXPS without a 454, TLS failures and UnexpectedExchangeAuthBlob', () => {
    const codes = a.findings.map((f) => f.code);
    assert.ok(codes.includes('tls-failed'));
    assert.ok(codes.includes('unexpected-exchange-auth-blob'));
    const refused = a.findings.filter((f) => f.code === 'x-exps-failed' && /was refused/.test(f.message));
    assert.equal(refused.length, 2, 'the 504 5.7.4 and the 535 5.7.3');
    assert.ok(
      refused.every((f) => lines[f.range.line]!.slice(f.range.start, f.range.end).match(/^(504 5\.7\.4|535 5\.7\.3)/)),
    );
  });

  it('outlines one symbol per session id, with the remote end and the outcome', () => {
    assert.equal(a.symbols.length, 6);
    const ids = [...new Set(lines.filter((l) => /^\d{4}-/.test(l)).map((l) => l.split(',')[2]))];
    assert.deepEqual(
      a.symbols.map((s) => s.name),
      ids,
    );
    assert.match(a.symbols[0]!.detail, /^10\.0\.0\.11:\d+ · last reply 221$/);
    assert.match(a.symbols[1]!.detail, /failed: 454 4\.7\.0$/);
    assert.match(a.symbols[3]!.detail, /TLS negotiation failed/);
  });

  it('offers the sending server of each failing session for "Diagnose"', () => {
    assert.equal(a.hosts.length, 5);
    assert.deepEqual(a.hosts[0]!.host, { ip: EX01.ip });
    assert.equal(a.hosts[0]!.role, 'sending');
    assert.equal(a.hosts[0]!.peer?.name, 'EX02');
  });

  it('flags malformed records once each, and still finds failure text in them', () => {
    const broken =
      text +
      'garbage without fields\r\n2026-11-22T11:00:00.000Z,half a record 454 4.7.0 Temporary authentication failure\r\n';
    const b = analyseEvidence(broken, { fileName: 'RECV.LOG' });
    assert.equal(b.findings.filter((f) => f.code === 'malformed').length, 2);
    assert.ok(b.findings.some((f) => f.code === 'auth-temporary-failure'));
  });
});

describe('evidence: SMTP Send protocol log', () => {
  const text = protocolLog('send', {
    sessions: 3,
    outcome: (i) => (['ok', 'kerberos-454', 'no-exchange-auth'] as const)[i]!,
  });
  const a = analyseEvidence(text);

  it('sees the 454 4.7.0 received from the target, with the target as the receiving end', () => {
    assert.equal(a.kind, 'smtp-send-log');
    const f = a.findings.find((x) => x.code === 'x-exps-failed' && x.message.startsWith('454'));
    assert.ok(f);
    assert.deepEqual(f.receiving, { ip: EX02.ip, port: 2525 });
    assert.equal(a.hosts[0]!.role, 'receiving');
  });

  it('notes a target that offers no Exchange Server authentication (step 6)', () => {
    const f = a.findings.find((x) => x.code === 'no-exchange-auth-offered');
    assert.ok(f);
    assert.deepEqual(f.steps, [6]);
    assert.deepEqual(f.receiving, { ip: EX02.ip, port: 2525 });
  });
});

describe('evidence: clocks in Send log banners (step 1)', () => {
  it('compares the remote banner clock with the line time', () => {
    const skewed = analyseEvidence(protocolLog('send', { sessions: 2, bannerSkewSeconds: 420, outcome: () => 'ok' }));
    const f = skewed.findings.filter((x) => x.code === 'clock-skew');
    assert.equal(f.length, 2);
    assert.equal(f[0]!.severity, 'error');
    assert.match(f[0]!.message, /banner of 10\.0\.0\.12:2525 gives its clock \+7 min 0\d s from this server's/);
    assert.deepEqual(f[0]!.steps, [1]);
    const warn = analyseEvidence(protocolLog('send', { sessions: 1, bannerSkewSeconds: -90, outcome: () => 'ok' }));
    assert.deepEqual(
      warn.findings.map((x) => [x.code, x.severity]),
      [['clock-skew', 'warning']],
    );
    assert.equal(
      analyseEvidence(protocolLog('send', { sessions: 3, bannerSkewSeconds: 20, outcome: () => 'ok' })).findings.length,
      0,
    );
    // A Receive log's banner is this server's own clock: nothing to compare.
    assert.equal(
      analyseEvidence(protocolLog('receive', { sessions: 2, bannerSkewSeconds: 420, outcome: () => 'ok' })).findings
        .length,
      0,
    );
  });
});

describe('evidence: message tracking log', () => {
  it('reports the DEFER with 451 4.4.0 ... 454 4.7.0 and names the next hop', () => {
    const text = trackingLog({ messages: 8, failEvery: 4 });
    const a = analyseEvidence(text);
    assert.equal(a.kind, 'tracking-log');
    assert.equal(a.findings.length, 2);
    const f = a.findings[0]!;
    assert.equal(f.code, 'auth-failure-relayed');
    assert.equal(f.receiving?.name, EX02.fqdn);
    assert.equal(f.sending?.name, EX01.fqdn);
    assert.match(a.symbols[0]!.name, /^DEFER 2026-11-22T10:01/);
  });
});

describe('evidence: message headers', () => {
  it('reads the hop chain bottom-up with delays', () => {
    const a = analyseEvidence(
      messageHeaders([
        { from: 'client.contoso.com', by: EX01, at: 0 },
        { from: EX01, by: EX02, at: 3 },
        { from: EX02, by: EX03, at: 65 },
      ]),
      { fileName: 'x.eml' },
    );
    assert.equal(a.kind, 'headers');
    const chain = a.symbols[0]!;
    assert.equal(chain.children!.length, 3);
    assert.deepEqual(
      chain.children!.map((c) => c.name),
      [
        '1. client.contoso.com → EX01.contoso.com',
        '2. EX01.contoso.com → EX02.contoso.com',
        '3. EX02.contoso.com → EX03.contoso.com',
      ],
    );
    assert.match(chain.children![1]!.detail, /^\+3 s/);
    assert.match(chain.children![2]!.detail, /^\+1 min 02 s/);
    assert.equal(a.findings.length, 0);
  });

  it('warns on a negative delay beyond the threshold and errs beyond the Kerberos tolerance', () => {
    const text = messageHeaders([
      { from: 'client', by: EX01, at: 0 },
      { from: EX01, by: EX02, at: -90 },
      { from: EX02, by: EX03, at: -600 },
    ]);
    const a = analyseEvidence(text, { clockWarningSeconds: 60, clockToleranceMinutes: 5 });
    assert.deepEqual(
      a.findings.map((f) => [f.code, f.severity]),
      [
        ['clock-skew', 'warning'],
        ['clock-skew', 'error'],
      ],
    );
    const warn = a.findings.find((f) => f.severity === 'warning')!;
    assert.match(warn.message, /EX01\.contoso\.com and EX02\.contoso\.com differ by at least 1 min 30 s/);
    assert.deepEqual(warn.steps, [1]);
    const lines = linesOf(text);
    assert.match(lines[warn.range.line]!.slice(warn.range.start, warn.range.end), /^Sun, 22 Nov 2026 09:58:30 \+0000$/);
    assert.equal(analyseEvidence(text, { clockWarningSeconds: 900, clockToleranceMinutes: 30 }).findings.length, 0);
  });

  it('reports failure text in an NDR body', () => {
    const a = analyseEvidence(
      messageHeaders([{ from: EX01, by: EX02, at: 0 }], { body: `Remote Server returned '${QUEUE_ERROR(EX03)}'\r\n` }),
    );
    assert.equal(a.findings[0]?.code, 'auth-failure-relayed');
  });
});

describe('evidence: queue output and event 1035', () => {
  it('reads Get-Queue | Format-List: sending server from Identity, receiving from the last endpoint', () => {
    const text = queueList();
    const a = analyseEvidence(text);
    assert.equal(a.kind, 'queue');
    assert.deepEqual(
      a.symbols.map((s) => s.name),
      ['EX01\\3', 'EX01\\Submission'],
    );
    const f = a.findings[0]!;
    assert.equal(f.code, 'auth-failure-relayed');
    assert.deepEqual(f.sending, { name: 'EX01' });
    assert.deepEqual(f.receiving, { ip: EX02.ip, port: 2525 });
    assert.equal(a.hosts[0]!.peer?.name, 'EX01');
  });

  it('reads event 1035 text: step 5 first, sending IP and receiving connector server', () => {
    const a = analyseEvidence(EVENT_1035(EX02, EX01));
    const f = a.findings[0]!;
    assert.equal(f.code, 'event-1035');
    assert.equal(f.steps[0], 5);
    assert.deepEqual(f.sending, { ip: EX01.ip });
    assert.deepEqual(f.receiving, { name: 'EX02' });
    assert.match(
      f.message,
      /error IllegalMessage, connector Default EX02, mechanism ExchangeAuth, source 10\.0\.0\.11/,
    );
  });
});
