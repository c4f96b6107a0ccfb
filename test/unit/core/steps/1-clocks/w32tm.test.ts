import { strict as assert } from 'node:assert';
import { parseClockTime, parseLocalDateTime, parseLocaleDecimal } from '../../../../../src/core/parsers/locale';
import { parseW32tmMonitor } from '../../../../../src/core/steps/1-clocks/w32tm-monitor';
import { parseW32tmStripchart } from '../../../../../src/core/steps/1-clocks/w32tm-stripchart';
import { fixture, valueOf } from '../../parsers/fixture';

describe('parseW32tmStripchart', () => {
  it('reads an en-US run: target, address, 12-hour current time, five offsets in seconds', () => {
    const r = valueOf(parseW32tmStripchart(fixture('w32tm-stripchart-en-us.txt')));
    assert.equal(r.target, 'dcorp-dc.dollarcorp.moneycorp.local');
    assert.equal(r.address, '172.16.2.1:123');
    assert.equal(r.samplesRequested, 5);
    assert.deepEqual(r.currentTime, { year: 2025, month: 2, day: 20, hour: 4, minute: 17, second: 25 });
    assert.deepEqual(
      r.samples.map((s) => s.offsetSeconds),
      [0.0009583, 0.0018698, 0.0002144, 0.0004693, -0.0001129],
    );
    assert.equal(r.samples[4]?.time, '04:17:33');
    assert.equal(r.summary.answered, 5);
    assert.equal(r.summary.worstOffsetSeconds, 0.0018698);
  });

  it('reads a decimal comma and a day-first dotted date (de-DE regional format)', () => {
    const r = valueOf(parseW32tmStripchart(fixture('w32tm-stripchart-de-de.txt')));
    assert.deepEqual(
      r.samples.map((s) => s.offsetSeconds),
      [0.0206779, -0.0011402, 0.0198331],
    );
    assert.deepEqual(r.currentTime, { year: 2026, month: 7, day: 16, hour: 10, minute: 20, second: 0 });
    assert.equal(r.currentTimeAmbiguous, undefined);
  });

  it('reads year-first dates (zh-CN 2019/6/2, ISO 2026-08-24 with AM) and day-first en-GB', () => {
    const zh = valueOf(parseW32tmStripchart(fixture('w32tm-stripchart-zh-cn.txt')));
    assert.deepEqual(zh.currentTime, { year: 2019, month: 6, day: 2, hour: 14, minute: 18, second: 9 });
    const iso = valueOf(parseW32tmStripchart(fixture('w32tm-stripchart-iso-date.txt')));
    assert.deepEqual(iso.currentTime, { year: 2026, month: 8, day: 24, hour: 8, minute: 23, second: 44 });
    const gb = valueOf(parseW32tmStripchart(fixture('w32tm-stripchart-en-gb.txt')));
    assert.deepEqual(gb.currentTime, { year: 2026, month: 11, day: 22, hour: 13, minute: 47, second: 48 });
    assert.equal(gb.summary.worstOffsetSeconds, -305.102187);
  });

  it('marks an ambiguous date and honours a known date order', () => {
    const auto = parseW32tmStripchart(fixture('w32tm-stripchart-one-sample.txt'));
    assert.equal(valueOf(auto).currentTimeAmbiguous, true);
    assert.equal(valueOf(auto).currentTime?.month, 6);
    assert.match(auto.problems[0]?.message ?? '', /ambiguous/);
    const dmy = valueOf(parseW32tmStripchart(fixture('w32tm-stripchart-one-sample.txt'), { dateOrder: 'DMY' }));
    assert.equal(dmy.currentTime?.month, 2);
    assert.equal(dmy.currentTime?.day, 6);
  });

  it('keeps failed samples with their HRESULT and explains a timeout', () => {
    const r = valueOf(parseW32tmStripchart(fixture('w32tm-stripchart-timeout.txt')));
    assert.equal(r.samples.length, 1);
    assert.equal(r.samples[0]?.errorCode, 0x800705b4);
    assert.match(r.samples[0]?.error ?? '', /no answer/);
    assert.deepEqual(r.summary, { answered: 0, failed: 1 });
  });

  it('reads a skew of minutes with a failure in between (12-hour current time)', () => {
    const r = valueOf(parseW32tmStripchart(fixture('w32tm-stripchart-skew.txt')));
    assert.equal(r.currentTime?.hour, 13);
    assert.equal(r.summary.answered, 2);
    assert.equal(r.summary.failed, 1);
    assert.equal(r.summary.worstOffsetSeconds, -312.5);
  });

  it('reads the graph form (d: delay, o: offset) without /dataonly', () => {
    const r = valueOf(parseW32tmStripchart(fixture('w32tm-stripchart-graph.txt')));
    assert.equal(r.samples.length, 4);
    assert.equal(r.samples[0]?.delaySeconds, 0.0623991);
    assert.equal(r.samples[0]?.offsetSeconds, -0.6887759);
    assert.equal(r.samples[1]?.errorCode, 0x800705b4);
    assert.equal(r.summary.maxOffsetSeconds, 9.9312044);
  });

  it('reads a fatal error instead of samples', () => {
    const r = valueOf(parseW32tmStripchart(fixture('w32tm-stripchart-host-not-found.txt')));
    assert.deepEqual(r.fatalError, { message: 'No such host is known.', code: 0x80072af9 });
    assert.equal(r.samples.length, 0);
  });

  it('reads output from a terminal: colours, OSC 633/0 marks, CR overwrite and backspaces', () => {
    const raw = valueOf(parseW32tmStripchart(fixture('terminal-bash-stripchart.txt')));
    const clean = valueOf(
      parseW32tmStripchart(
        'Tracking dc1.contoso.test [192.168.10.5:123].\nCollecting 2 samples.\nThe current time is 16.07.2026 10:20:00.\n10:20:00, +00,0206779s\n10:20:02, -00,0011402s\n',
      ),
    );
    assert.deepEqual(raw, clean);
  });

  it('says unrecognised for other text', () => {
    assert.equal(parseW32tmStripchart('The command completed successfully.').recognised, false);
    assert.equal(parseW32tmStripchart('').recognised, false);
  });
});

describe('parseW32tmMonitor', () => {
  it('reads each DC block: PDC mark, address, ICMP delay, NTP offset, RefID, stratum', () => {
    const outcome = parseW32tmMonitor(fixture('w32tm-monitor.txt'));
    const r = valueOf(outcome);
    assert.deepEqual(
      r.servers.map((s) => [s.name, s.isPdc, s.ntpOffsetSeconds, s.stratum]),
      [
        ['PDC.example.com', true, 0, 4],
        ['DC1.example.com', false, -0.0063029, 5],
        ['DC2.example.com', false, 0.0046926, 2],
      ],
    );
    assert.equal(r.servers[1]?.offsetFrom, 'PDC.example.com');
    assert.equal(r.servers[0]?.refId, 'time.cloudflare.com [162.159.200.123]');
    assert.deepEqual(outcome.problems, [], 'the closing Warning paragraph is known text');
  });

  it('reads IPv6 addresses in brackets', () => {
    const r = valueOf(parseW32tmMonitor(fixture('w32tm-monitor-ipv6.txt')));
    assert.equal(r.servers[0]?.address, '[fe80::3f31:a6d7:6719:b913%6]:123');
    assert.equal(r.servers[1]?.isPdc, true);
  });

  it('reads ICMP and NTP errors and a decimal comma', () => {
    const r = valueOf(parseW32tmMonitor(fixture('w32tm-monitor-errors.txt')));
    assert.match(r.servers[1]?.ntpError ?? '', /ERROR_TIMEOUT/);
    assert.match(r.servers[1]?.icmpError ?? '', /IP_REQ_TIMED_OUT/);
    assert.equal(r.servers[1]?.ntpOffsetSeconds, undefined);
    assert.equal(r.servers[2]?.ntpOffsetSeconds, 367.2519003);
  });
});

describe('locale helpers', () => {
  it('parses clock times in 24-hour, 12-hour and East Asian forms', () => {
    assert.deepEqual(parseClockTime('14:18:09'), { hour: 14, minute: 18, second: 9 });
    assert.deepEqual(parseClockTime('2:18:09 PM'), { hour: 14, minute: 18, second: 9 });
    assert.deepEqual(parseClockTime('12:05:00 AM'), { hour: 0, minute: 5, second: 0 });
    assert.deepEqual(parseClockTime('12:05:00 p.m.'), { hour: 12, minute: 5, second: 0 });
    assert.deepEqual(parseClockTime('下午 2:18:09'), { hour: 14, minute: 18, second: 9 });
    assert.deepEqual(parseClockTime('14.18.09'), { hour: 14, minute: 18, second: 9 });
    assert.equal(parseClockTime('25:00:00'), undefined);
    assert.equal(parseClockTime('13:00:00 PM'), undefined);
  });

  it('parses dates in every order and refuses impossible ones', () => {
    assert.deepEqual(parseLocalDateTime('02.06.2019 14:18:09')?.value, {
      year: 2019,
      month: 6,
      day: 2,
      hour: 14,
      minute: 18,
      second: 9,
    });
    assert.deepEqual(parseLocalDateTime('2019/6/2 14:18:09')?.value, {
      year: 2019,
      month: 6,
      day: 2,
      hour: 14,
      minute: 18,
      second: 9,
    });
    assert.equal(parseLocalDateTime('13/02/2019 10:00:00')?.order, 'DMY');
    assert.equal(parseLocalDateTime('02/13/2019 10:00:00')?.order, 'MDY');
    assert.equal(parseLocalDateTime('02/30/2019 10:00:00'), undefined);
    assert.equal(parseLocalDateTime('29.02.2023 10:00:00'), undefined);
  });

  it('parses decimals with either separator and a sign', () => {
    assert.equal(parseLocaleDecimal('+00,0349344'), 0.0349344);
    assert.equal(parseLocaleDecimal('-312.5000000'), -312.5);
    assert.equal(parseLocaleDecimal('1,234.5'), undefined);
  });
});
