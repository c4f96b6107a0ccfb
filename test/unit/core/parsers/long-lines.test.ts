/**
 * The w32tm and Get-WinEvent parsers read text that came from other machines, so a line can be any
 * length and shape. Each shape below made a pattern retry from every position of a long stretch
 * (quadratic: 20,000 characters took 0.6-0.8 s, so the 200,000 here took over a minute and the
 * test ran into mocha's timeout). Now each is read in one pass; what is asserted is that the
 * hostile line is set aside and the real output around it is still read.
 */
import { strict as assert } from 'node:assert';
import { parseW32tmMonitor } from '../../../../src/core/steps/1-clocks/w32tm-monitor';
import { parseW32tmStripchart } from '../../../../src/core/steps/1-clocks/w32tm-stripchart';
import { parseWinEvents } from '../../../../src/core/steps/5-kerberos-logging/winevent';
import { toLines } from '../../../../src/core/parsers/result';
import { valueOf } from './fixture';

const N = 200_000;
const spaces = ' '.repeat(N);

const STRIPCHART_HEAD = [
  'Tracking dc1.contoso.test [127.0.0.1:123].',
  'Collecting 2 samples.',
  'The current time is 11/22/2026 1:47:47 PM.',
];
const SAMPLES = ['13:47:47, +00.0012000s', '13:47:49, -00.0004000s'];

function stripchartWith(hostile: string): string {
  return [...STRIPCHART_HEAD, SAMPLES[0], hostile, SAMPLES[1]].join('\r\n');
}

describe('parsers on long lines of hostile shapes', function () {
  this.timeout(20_000);

  it('toLines strips trailing spaces and keeps a long inner run of spaces', () => {
    const [line] = toLines(`a${spaces}b${spaces}`);
    assert.equal(line?.text.length, N + 2);
    assert.ok(line?.text.endsWith('b'));
  });

  for (const [name, hostile] of [
    ['a run of spaces between two words', `a${spaces}b`],
    ['a time, a comma and a run of spaces', `13:47:48,${spaces}x`],
    ['a run of opening brackets', `x ${'['.repeat(N)}`],
    ['delay/offset pairs repeated with an open bracket', `13:47:48 ${'d:1s o:1s ['.repeat(N / 11)}`],
    ['"The following error occurred:" and spaces', `The following error occurred:${spaces}x`],
  ] as const) {
    it(`w32tm /stripchart: ${name}`, () => {
      const r = parseW32tmStripchart(stripchartWith(hostile));
      const v = valueOf(r);
      assert.equal(v.target, 'dc1.contoso.test');
      assert.deepEqual(
        v.samples.map((s) => s.offsetSeconds),
        [0.0012, -0.0004],
      );
      assert.equal(r.problems.filter((p) => p.message === 'line not understood; ignored').length, 1);
    });
  }

  it('w32tm /monitor: a header followed by a run of spaces, and an NTP line with one', () => {
    const r = parseW32tmMonitor(
      [
        `a${spaces}b`,
        'DC1.contoso.test *** PDC ***[127.0.0.1:123]:',
        '    ICMP: 0ms delay',
        `    NTP: +1${spaces}x`,
        '    NTP: +0.0000000s offset from DC1.contoso.test',
      ].join('\n'),
    );
    const v = valueOf(r);
    assert.equal(v.servers.length, 1);
    assert.equal(v.servers[0]?.ntpOffsetSeconds, 0);
    assert.equal(r.problems.length, 2);
  });

  const event = (provider: string, id: number, message: string): string =>
    JSON.stringify([{ Id: id, ProviderName: provider, Message: message }]);

  it('Get-WinEvent, Kerberos 3: blank lines and a field padded with spaces', () => {
    const message = `${'\n'.repeat(N)}Server Name: krbtgt/CONTOSO.TEST${spaces}\nTarget Name: a${spaces}b\n`;
    const [e] = valueOf(parseWinEvents(event('Microsoft-Windows-Security-Kerberos', 3, message)));
    assert.equal(e?.detail.kind, 'kerberos-error');
    if (e?.detail.kind !== 'kerberos-error') return;
    assert.equal(e.detail.serverName, 'krbtgt/CONTOSO.TEST');
    assert.equal(e.detail.targetName, `a${spaces}b`);
  });

  for (const [name, provider, id, unit, tail, read] of [
    [
      'Kerberos 4',
      'Microsoft-Windows-Security-Kerberos',
      4,
      'from the server x',
      '',
      (d: object) => assert.deepEqual(d, { kind: 'ap-err-modified' }),
    ],
    [
      'KDC 11',
      'KDC',
      11,
      'duplicate name is x',
      '',
      (d: object) => assert.deepEqual(d, { kind: 'kdc-duplicate-name' }),
    ],
    [
      'KDC 14',
      'KDC',
      14,
      'request for target service a, the account b',
      ' did not have a suitable key',
      (d: object) => assert.equal((d as { targetService?: string }).targetService, 'a'),
    ],
    [
      'MSExchangeTransport 1035',
      'MSExchangeTransport',
      1035,
      'Inbound authentication failed with error x for Receive connector y',
      '',
      (d: object) => assert.deepEqual(d, { kind: 'exchange-inbound-auth-failed' }),
    ],
  ] as const) {
    it(`Get-WinEvent, ${name}: the leading words repeated without the rest`, () => {
      const message = unit.repeat(Math.ceil(N / unit.length)) + tail;
      const [e] = valueOf(parseWinEvents(event(provider, id, message)));
      assert.ok(e);
      read(e.detail);
    });
  }
});
