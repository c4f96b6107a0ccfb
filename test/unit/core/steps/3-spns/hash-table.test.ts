/**
 * The typed-array table behind the duplicate SPN scan: it must answer exactly like a Map of hash
 * to first ordinal, across growth, for hashes that differ only above bit 32, and stay small.
 */
import { strict as assert } from 'node:assert';
import { HashOrdinalTable } from '../../../../../src/core/steps/3-spns/hash-table';
import { hash53 } from '../../../../../src/core/steps/3-spns/hash';

describe('HashOrdinalTable', () => {
  it('answers like a Map of hash to the first ordinal, through many growths', () => {
    const table = new HashOrdinalTable(4);
    const map = new Map<number, number>();
    for (let i = 0; i < 50_000; i++) {
      const h = hash53(`SMTPSVC/host${i % 40_000}.contoso.test`);
      table.setIfAbsent(h, i);
      if (!map.has(h)) map.set(h, i);
    }
    assert.equal(table.size, map.size);
    for (const [h, v] of map) assert.equal(table.get(h), v);
    assert.equal(table.get(hash53('not there')), undefined);
  });

  it('tells apart hashes that are equal in their low 32 bits', () => {
    const table = new HashOrdinalTable();
    const low = 0x1234_5678;
    for (let high = 0; high < 1000; high++) table.setIfAbsent(high * 0x1_0000_0000 + low, high);
    for (let high = 0; high < 1000; high++) assert.equal(table.get(high * 0x1_0000_0000 + low), high);
    assert.equal(table.size, 1000);
  });

  it('holds 100,000 SPNs in under 4 MB', () => {
    const table = new HashOrdinalTable();
    for (let i = 0; i < 100_000; i++) table.setIfAbsent(hash53(`HTTP/app${i}.contoso.test`), i);
    assert.ok(table.bytes <= 4 * 1024 * 1024, `${table.bytes} bytes`);
  });

  it('refuses an ordinal it cannot store', () => {
    assert.throws(() => new HashOrdinalTable().setIfAbsent(1, -1), RangeError);
  });
});
