import { strict as assert } from 'node:assert';
import {
  parseDelta,
  parseRepadminReplSummary,
  parseRepadminSyncAll,
} from '../../../../../src/core/steps/2-replication/repadmin';
import { fixture, valueOf } from '../../parsers/fixture';

describe('parseRepadminReplSummary', () => {
  it('reads a healthy summary: both tables, deltas in seconds, no fails', () => {
    const outcome = parseRepadminReplSummary(fixture('repadmin-replsummary-healthy.txt'));
    const r = valueOf(outcome);
    assert.equal(r.startTime, '2013-05-18 16:43:23');
    assert.deepEqual(
      r.source.map((x) => [x.dsa, x.largestDeltaSeconds, x.fails, x.total]),
      [
        ['DC', 731, 0, 5],
        ['DC2', 689, 0, 5],
      ],
    );
    assert.equal(r.destination.length, 2);
    assert.equal(r.totalFails, 0);
    assert.deepEqual(outcome.problems, []);
  });

  it('reads a failing link with its error code and text (8524, DNS lookup failure)', () => {
    const r = valueOf(parseRepadminReplSummary(fixture('repadmin-replsummary-8524.txt')));
    const dc01 = r.destination.find((x) => x.dsa === 'DC01');
    assert.equal(dc01?.fails, 1);
    assert.equal(dc01?.percent, 25);
    assert.equal(dc01?.errorCode, 8524);
    assert.equal(dc01?.errorText, 'The DSA operation is unable to proceed because of a DNS lookup failure.');
    assert.equal(r.totalFails, 1);
  });

  it('reads day-long deltas, unsigned HRESULT codes and DCs it could not ask', () => {
    const r = valueOf(parseRepadminReplSummary(fixture('repadmin-replsummary-unreachable.txt')));
    assert.equal(r.source[0]?.largestDeltaSeconds, 86400 + 4 * 3600 + 33 * 60 + 54);
    assert.equal(r.source[0]?.errorCode, 2148074274);
    assert.deepEqual(r.unreachable, [{ code: 58, dsa: 'RODC.domain.com' }]);
    assert.equal(r.destination.length, 2);
  });

  it('reads ">60 days" and ":41s"', () => {
    const r = valueOf(parseRepadminReplSummary(fixture('repadmin-replsummary-60days.txt')));
    assert.equal(r.source[0]?.deltaOverflow, true);
    assert.equal(r.source[0]?.largestDeltaSeconds, 60 * 86400);
    assert.equal(r.source[0]?.errorCode, 8606);
    assert.equal(r.source[2]?.largestDeltaSeconds, 41);
    assert.equal(parseDelta('04h:02m:16s'), 4 * 3600 + 2 * 60 + 16);
    assert.equal(parseDelta('garbage'), undefined);
  });

  it('says unrecognised without a table header', () => {
    assert.equal(parseRepadminReplSummary('Access is denied.').recognised, false);
  });
});

describe('parseRepadminSyncAll', () => {
  it('reads success per partition', () => {
    const r = valueOf(parseRepadminSyncAll(fixture('repadmin-syncall-ok.txt')));
    assert.equal(r.ok, true);
    assert.equal(r.server, 'dc1');
    assert.equal(r.partitions.length, 2);
    assert.ok(r.partitions.every((p) => p.terminatedWithoutErrors && p.completed === 1));
  });

  it('reads contacting and issuing errors once each, with codes and texts', () => {
    const outcome = parseRepadminSyncAll(fixture('repadmin-syncall-errors.txt'));
    const r = valueOf(outcome);
    assert.equal(r.ok, false);
    assert.deepEqual(
      r.errors.map((e) => [e.kind, e.code, e.message]),
      [
        ['contacting', 0x80090322, 'The target principal name is incorrect.'],
        [
          'issuing',
          0x20e2,
          'The replication operation failed because of a schema mismatch between the servers involved.',
        ],
      ],
    );
    assert.equal(r.errors[0]?.server, 'a802b3eb-2653-4e40-97d8-9273f5ec794e._msdcs.domain.com');
    assert.equal(r.partitions[1]?.terminatedWithoutErrors, true);
    assert.deepEqual(outcome.problems, []);
  });

  it('is not ok when output stops early, and unrecognised for foreign text', () => {
    const r = valueOf(parseRepadminSyncAll("Syncing all NC's held on dc1.\nSyncing partition: DC=contoso,DC=test\n"));
    assert.equal(r.ok, false);
    assert.equal(parseRepadminSyncAll('hello').recognised, false);
  });
});
