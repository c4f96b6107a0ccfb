/**
 * Every parser takes any text without throwing: random strings, random lines built from the
 * tokens real outputs use, mutated real samples, and samples with escape sequences sprinkled in.
 */
import { strict as assert } from 'node:assert';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { textLike } from '../../../fixtures/fuzz/text-like';
import { parseSetspnList, parseSetspnDuplicates, parseSetspnQuery } from '../../../../src/core/steps/3-spns/setspn';
import { parseSetspnAdd } from '../../../../src/core/steps/3-spns/setspn-add';
import { parseW32tmStripchart } from '../../../../src/core/steps/1-clocks/w32tm-stripchart';
import { parseW32tmMonitor } from '../../../../src/core/steps/1-clocks/w32tm-monitor';
import { parseRepadminReplSummary, parseRepadminSyncAll } from '../../../../src/core/steps/2-replication/repadmin';
import {
  parseReceiveConnectors,
  parseReceiveConnectorList,
  parseReceiveConnectorJson,
} from '../../../../src/core/steps/6-receive-connectors/receive-connector';
import { parseTestNetConnection } from '../../../../src/core/steps/4-ports/test-netconnection';
import { parseWinEvents } from '../../../../src/core/steps/5-kerberos-logging/winevent';
import { cleanTerminalOutput } from '../../../../src/core/parsers/terminal-clean';

/** Every parser under test, by name. */
const parsers = {
  parseSetspnList,
  parseSetspnDuplicates,
  parseSetspnQuery,
  parseSetspnAdd,
  parseW32tmStripchart,
  parseW32tmMonitor,
  parseRepadminReplSummary,
  parseRepadminSyncAll,
  parseReceiveConnectors,
  parseReceiveConnectorList,
  parseReceiveConnectorJson,
  parseTestNetConnection,
  parseWinEvents,
  cleanTerminalOutput,
};
import { fixture } from './fixture';

const ALL: [string, (raw: string) => { recognised: boolean; problems: unknown[] }][] = [
  ['parseSetspnList', parsers.parseSetspnList],
  ['parseSetspnDuplicates', parsers.parseSetspnDuplicates],
  ['parseSetspnQuery', parsers.parseSetspnQuery],
  ['parseSetspnAdd', parsers.parseSetspnAdd],
  ['parseW32tmStripchart', (r) => parsers.parseW32tmStripchart(r)],
  ['parseW32tmMonitor', parsers.parseW32tmMonitor],
  ['parseRepadminReplSummary', parsers.parseRepadminReplSummary],
  ['parseRepadminSyncAll', parsers.parseRepadminSyncAll],
  ['parseReceiveConnectors', parsers.parseReceiveConnectors],
  ['parseReceiveConnectorList', parsers.parseReceiveConnectorList],
  ['parseReceiveConnectorJson', parsers.parseReceiveConnectorJson],
  ['parseTestNetConnection', parsers.parseTestNetConnection],
  ['parseWinEvents', parsers.parseWinEvents],
];

const samples = readdirSync(join(__dirname, '../../../fixtures/windows'))
  .filter((f) => !f.endsWith('.md'))
  .map((f) => fixture(f));

const tokens = fc.constantFrom(
  'Registered ServicePrincipalNames for ',
  'CN=EX01,DC=c',
  '\t',
  '    ',
  ':',
  'Checking domain ',
  'found ',
  ' group of duplicate SPNs.',
  ' is registered on these accounts:',
  'Existing SPN found!',
  'No such SPN found.',
  'Duplicate SPN found, aborting operation!',
  'Updated object',
  'Registering ServicePrincipalNames for ',
  'Could not find account ',
  'Tracking ',
  ' [1.2.3.4:123].',
  'Collecting 3 samples.',
  'The current time is ',
  '06/02/2019 ',
  '14:18:09',
  ', ',
  '+00,0349344s',
  '-312.5s',
  'error: 0x800705B4',
  ' d:+00.1s o:-00.2s',
  '*** PDC ***',
  'ICMP: 0ms delay',
  'NTP: +0.1s offset from x',
  'RefID: ',
  'Stratum: 4',
  'Source DSA  largest delta',
  'Destination DSA  largest delta',
  ' DC01   09m:55s    1 /   4   25  (8524) x',
  '>60 days',
  '58 - DC3',
  'SyncAll terminated with no errors.',
  'SyncAll reported the following errors:',
  'Error issuing replication: 8418 (0x20e2):',
  'Name : x',
  'AuthMechanism : Tls, ExchangeServer',
  '{0.0.0.0:25, [::]:25}',
  '{a, b...}',
  'TcpTestSucceeded : True',
  'WARNING: TCP connect to (a : 88) failed',
  '{"Id":3,',
  '"ProviderName":"Kerberos"',
  '"TimeCreated":"\\/Date(1)\\/"',
  '[',
  ']',
  '{',
  '}',
  '\r\n',
  '\n',
  '\r',
  '\b',
  '\u001b[',
  '\u001b]633;',
  '\u0007',
  '\u009b',
  '\u001b\\',
  '0x',
  '..',
);
const [plain, built, mutated] = textLike(tokens, samples);
const noisy = fc.tuple(fc.constantFrom(...samples), fc.array(fc.nat(), { maxLength: 8 })).map(([s, cuts]) => {
  let out = s;
  for (const c of cuts) {
    const i = c % (out.length + 1);
    out = `${out.slice(0, i)}\u001b[${c % 50}m${out.slice(i)}`;
  }
  return out;
});
const anyText = fc.oneof(plain!, built!, mutated!, noisy);

describe('parser fuzzing (no exception escapes)', () => {
  for (const [name, parse] of ALL) {
    it(`${name} survives 1500 hostile inputs`, () => {
      fc.assert(
        fc.property(anyText, (text) => {
          const out = parse(text);
          assert.equal(typeof out.recognised, 'boolean');
          assert.ok(Array.isArray(out.problems));
          JSON.stringify(out); // results are plain data
        }),
        { numRuns: 1500 },
      );
    });
  }

  it('escape sequences sprinkled into a sample do not change what setspn -L parses', () => {
    const clean = parsers.parseSetspnList(fixture('setspn-L-ex01.txt'));
    fc.assert(
      fc.property(
        fc.array(fc.nat(), { maxLength: 10 }),
        fc.constantFrom('\u001b[0m', '\u001b]633;P;Cwd=C:\\\u0007', '\u001b[?25h', '\u009b1m'),
        (cuts, seq) => {
          // Positions are taken in the original text (highest first), so no sequence lands inside another.
          const original = fixture('setspn-L-ex01.txt');
          let text = original;
          for (const i of cuts.map((c) => c % (original.length + 1)).sort((a, b) => b - a)) {
            text = text.slice(0, i) + seq + text.slice(i);
          }
          assert.deepEqual(parsers.parseSetspnList(text), clean);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('cleanTerminalOutput is idempotent and never leaves ESC, C1 or lone CR', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const once = parsers.cleanTerminalOutput(text);
        // eslint-disable-next-line no-control-regex -- the assertion is about control characters
        assert.doesNotMatch(once, /[\u001b\u0080-\u009f\r\u0000]/u);
        assert.equal(parsers.cleanTerminalOutput(once), once);
      }),
      { numRuns: 2000 },
    );
  });
});
