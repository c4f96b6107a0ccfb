import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { buildSync } from 'esbuild';
import { SCAN_NEEDLES } from '../../../../src/core/evidence/failure-patterns';
import { scanFolder } from '../../../../src/io/evidence/scan-folder';
import type { ScanProgress } from '../../../../src/shared/evidence-scan';
import { EVENT_1035, EX01, EX02, EX03, protocolLog, queueList, trackingLog } from '../../../fixtures/evidence/generate';

/** What grep -c -F would count, and the zero-based line numbers. */
function naive(text: string): number[] {
  return text.split('\n').flatMap((l, i) => (SCAN_NEEDLES.some((n) => l.includes(n)) ? [i] : []));
}

describe('evidence: scan log folder', function () {
  this.timeout(60000);
  let dir: string;
  const expected = new Map<string, number[]>();

  before(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'ead-scan-test-'));
    mkdirSync(path.join(dir, 'Hub', 'ProtocolLog', 'SmtpReceive'), { recursive: true });
    const files: [string, string][] = [
      [
        path.join('Hub', 'ProtocolLog', 'SmtpReceive', 'RECV2026112210-1.LOG'),
        protocolLog('receive', { sessions: 60, peers: [EX01, EX03] }),
      ],
      [
        path.join('Hub', 'ProtocolLog', 'SmtpReceive', 'RECV2026112211-1.LOG'),
        protocolLog('receive', {
          sessions: 30,
          start: new Date('2026-11-22T11:00:00Z'),
          outcome: (i) => (i % 3 ? 'ok' : 'tls-failed'),
        }),
      ],
      ['SEND2026112210-1.LOG', protocolLog('send', { sessions: 40, peers: [EX02] })],
      ['MSGTRK2026112210-1.LOG', trackingLog({ messages: 40, failEvery: 5 })],
      ['event.txt', EVENT_1035(EX02, EX01)],
      ['queue.txt', queueList()],
      ['ignored.bin', '454 4.7.0 Temporary authentication failure\n'],
    ];
    for (const [name, text] of files) {
      writeFileSync(path.join(dir, name), text);
      if (!name.endsWith('.bin')) expected.set(path.join(dir, name), naive(text));
    }
  });

  after(() => rmSync(dir, { recursive: true, force: true }));

  const total = (): number => [...expected.values()].reduce((s, l) => s + l.length, 0);

  it('counts the same lines as grep -c -F, with the right line numbers', async () => {
    const r = await scanFolder(dir, { chunkSize: 4096 });
    assert.equal(r.files, 6);
    assert.equal(r.matchedLines, total());
    assert.equal(r.cancelled, false);
    for (const g of r.groups) {
      for (const h of g.hits) {
        assert.ok(expected.get(h.file)!.includes(h.line), `${h.file}:${h.line}`);
        const line = readFileSync(h.file, 'utf8').split('\n')[h.line]!;
        assert.equal(line.replace(/\r$/, '').slice(0, 300), h.text);
      }
    }
  });

  it('groups by remote server (without port) and UTC hour', async () => {
    const r = await scanFolder(dir);
    const keys = r.groups.map((g) => `${g.remote} ${g.hour}`);
    // Sessions 3, 13, 23... fail; with two peers these are all EX03's.
    assert.ok(keys.includes(`${EX03.ip} 2026-11-22T10`), keys.join('\n'));
    assert.ok(keys.includes(`${EX01.ip} 2026-11-22T11`), 'the TLS failures of the second receive log');
    assert.ok(keys.includes(`${EX02.ip} 2026-11-22T10`), 'the send log names the target');
    assert.ok(keys.includes(`${EX02.fqdn} 2026-11-22T10`), 'the tracking log names the next hop by name');
    assert.ok(keys.includes(`${EX02.ip} (no time)`), 'the queue names the last endpoint attempted');
    assert.ok(keys.includes(`${EX01.ip} (no time)`), 'event 1035 names the source IP');
    const tls = r.groups.find((g) => g.hour === '2026-11-22T11')!;
    assert.equal(tls.codes['tls-failed'], 10);
  });

  it('keeps at most maxHitsPerGroup lines per group but counts all', async () => {
    const r = await scanFolder(dir, { maxHitsPerGroup: 1 });
    assert.equal(r.matchedLines, total());
    assert.ok(r.groups.every((g) => g.hits.length <= 1));
    assert.equal(r.truncated, true);
  });

  it('reports progress and stops when cancelled', async () => {
    const seen: ScanProgress[] = [];
    let calls = 0;
    const r = await scanFolder(dir, {
      chunkSize: 1024,
      progressIntervalMs: 0,
      onProgress: (p) => seen.push(p),
      isCancelled: () => ++calls > 5,
    });
    assert.equal(r.cancelled, true);
    assert.ok(r.files < 6);
    assert.ok(seen.length > 0 && seen.every((p) => p.filesTotal === 6 && p.bytesDone <= p.bytesTotal));
  });

  it('handles a line longer than the read buffer and a needle across chunk borders', async () => {
    const d = mkdtempSync(path.join(tmpdir(), 'ead-scan-long-'));
    try {
      const long = 'x'.repeat(10_000) + ' 454 4.7.0 ' + 'y'.repeat(10_000) + ' 454 4.7.0 twice on one line\n';
      const text = 'first\n' + long + 'a\n'.repeat(3) + 'z'.repeat(4090) + 'UnexpectedExchangeAuthBlob\nlast';
      writeFileSync(path.join(d, 'odd.log'), text);
      const r = await scanFolder(d, { chunkSize: 4096 });
      assert.equal(r.matchedLines, 2);
      const lines = r.groups.flatMap((g) => g.hits.map((h) => h.line)).sort((a, b) => a - b);
      assert.deepEqual(lines, [1, 5]);
    } finally {
      rmSync(d, { recursive: true, force: true });
    }
  });

  it('scans on worker threads with the same result', async () => {
    const worker = path.join(tmpdir(), `ead-scan-worker-test-${process.pid}.js`);
    buildSync({
      entryPoints: [path.resolve(__dirname, '../../../../src/io/evidence/scan-worker-entry.ts')],
      bundle: true,
      platform: 'node',
      format: 'cjs',
      outfile: worker,
      logLevel: 'silent',
    });
    try {
      const one = await scanFolder(dir);
      const par = await scanFolder(dir, { workers: { script: worker, count: 2 } });
      assert.equal(par.matchedLines, one.matchedLines);
      assert.equal(par.files, one.files);
      const key = (g: { remote: string; hour: string; count: number }): string => `${g.remote}|${g.hour}|${g.count}`;
      assert.deepEqual(par.groups.map(key).sort(), one.groups.map(key).sort());
    } finally {
      rmSync(worker, { force: true });
    }
  });
});
