/**
 * The lab's pid files: a pid whose process has been replaced by another (pid reuse after a crash or
 * a reboot) must not be taken for the lab's, or `lab stop` would signal a stranger.
 */
import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { readPid, runningPid, startTime } from '../../lab/processes';

describe('lab pid files', () => {
  let dir: string;
  beforeEach(() => void (dir = mkdtempSync(path.join(tmpdir(), 'ead-pid-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('accepts a pid whose start time matches the one recorded', () => {
    const file = path.join(dir, 'ok.pid');
    writeFileSync(file, `${process.pid} ${startTime(process.pid)}\n`);
    assert.equal(readPid(file), process.pid);
    assert.equal(runningPid(file), process.pid);
  });

  it('refuses a pid now held by a process that started at another time', () => {
    const file = path.join(dir, 'reused.pid');
    const recorded = String(Number(startTime(process.pid)) + 12345);
    writeFileSync(file, `${process.pid} ${recorded}\n`);
    assert.equal(readPid(file), undefined);
    assert.equal(runningPid(file), undefined);
  });

  it('reads old pid files without a start time, and refuses garbage', () => {
    const plain = path.join(dir, 'plain.pid');
    writeFileSync(plain, `${process.pid}\n`);
    assert.equal(readPid(plain), process.pid);
    const junk = path.join(dir, 'junk.pid');
    writeFileSync(junk, 'not a pid\n');
    assert.equal(readPid(junk), undefined);
    assert.equal(readPid(path.join(dir, 'missing.pid')), undefined);
  });
});
