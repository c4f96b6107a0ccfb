/**
 * The readers of issue 14 on hostile input: events in any shape, 1035/2017 field extraction, the
 * wrapped Format-List queue, localised setspn -X, the observations and their correlation. Nothing
 * throws, results are plain data, and a large hostile input stays fast (linear reading).
 */
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { textLike } from '../../../fixtures/fuzz/text-like';
import { analyseEvidence } from '../../../../src/core/evidence/analyse';
import { readBounce } from '../../../../src/core/evidence/bounce';
import { correlate } from '../../../../src/core/evidence/correlate';
import { readEventRecords } from '../../../../src/core/evidence/event-records';
import { observationsFromText } from '../../../../src/core/evidence/observations';
import { readInboundAuthFailure, readOutboundAuthFailure } from '../../../../src/core/evidence/transport-auth-events';
import { parseSetspnDuplicates } from '../../../../src/core/steps/3-spns/setspn';
import { recogniseSymptom } from '../../../../src/core/symptom/recognise';

const root = join(__dirname, '../../../fixtures/localised');
const samples = [
  ...readdirSync(join(root, 'events'))
    .filter((f) => !f.endsWith('.md'))
    .map((f) => readFileSync(join(root, 'events', f), 'utf8')),
  ...readdirSync(join(root, 'setspn')).map((f) => readFileSync(join(root, 'setspn', f), 'utf8')),
  readFileSync(join(root, 'queue-fl-zh-cn-case.txt'), 'utf8'),
];

const tokens = fc.constantFrom(
  '<Event xmlns="http://schemas.microsoft.com/win/2004/08/events/event">',
  '</Event>',
  '<Data>',
  '</Data>',
  '<EventID>1035</EventID>',
  '<TimeCreated SystemTime="2026-12-04T09:41:07Z" />',
  '&amp;',
  '&#x1F600;',
  'Event ID: 1035',
  'Source: MSExchangeTransport',
  'Description:',
  'Computer: EX02',
  'LastError : 451 4.4.0',
  '454',
  ' 4.7.0',
  '[10.0.0.1]',
  'ExchangeAuth',
  'for Receive connector ',
  '接收连接器 ',
  ' 的',
  'SMTPSVC/',
  'Outbound Authentication failed with ',
  'EHLO a.b',
  '0 Gruppe(n) doppelter SPNs gefunden.',
  'DC=x,DC=y',
  'Reporting-MTA: dns;a',
  'Diagnostic-Code: smtp;451',
  ' folded',
  '\t',
  '    ',
  '\r\n',
  '\n',
);
const anyText = fc.oneof(...textLike(tokens, samples));

describe('issue 14 readers under fuzzing (no exception escapes)', () => {
  it('events, 1035/2017, queue, setspn -X, symptom and observations survive 1000 hostile inputs', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const records = readEventRecords(text);
        for (const r of records) JSON.stringify([readInboundAuthFailure(r), readOutboundAuthFailure(r)]);
        JSON.stringify(analyseEvidence(text, { kind: 'windows-events' }));
        JSON.stringify(analyseEvidence(text, { kind: 'queue' }));
        const x = parseSetspnDuplicates(text);
        assert.equal(typeof x.recognised, 'boolean');
        JSON.stringify(recogniseSymptom(text));
        JSON.stringify(readBounce(text));
        const o = observationsFromText(text, 'SEND1.LOG');
        JSON.stringify(correlate(o.observations, { aliases: o.aliases }));
      }),
      { numRuns: 1000 },
    );
  });

  // A quadratic reader would not finish these within mocha's timeout; nothing here is timed.
  it('reads 2 MB of repeated markers without their closing parts', () => {
    const hostile = [
      '<Event '.repeat(100_000),
      'Description:\n'.repeat(100_000),
      'LastError : 451 \n   x\n'.repeat(50_000),
      'for Receive connector '.repeat(50_000),
    ];
    for (const text of hostile) {
      assert.ok(Array.isArray(readEventRecords(text)));
      assert.equal(analyseEvidence(text, { kind: 'queue' }).kind, 'queue');
      assert.equal(typeof recogniseSymptom(text).recognised, 'boolean');
    }
  });
});
