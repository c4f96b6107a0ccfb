/**
 * Property tests of every evidence parser: whatever the input (random text, binary garbage,
 * realistic logs cut, spliced and corrupted), no exception escapes and every range is inside the
 * document. Thousands of cases, each bounded in time.
 */
import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import fc from 'fast-check';
import { analyseEvidence } from '../../../../src/core/evidence/analyse';
import { splitCsvLine } from '../../../../src/core/evidence/csv';
import { detectEvidenceKind } from '../../../../src/core/evidence/detect';
import { parseEndpoint } from '../../../../src/core/evidence/endpoint';
import { findFailures, SCAN_NEEDLES } from '../../../../src/core/evidence/failure-patterns';
import { MultiSearch } from '../../../../src/core/evidence/multi-search';
import { analyseHeaders } from '../../../../src/core/evidence/headers';
import { hoverAt } from '../../../../src/core/evidence/hover';
import { parseMailDate } from '../../../../src/core/evidence/mail-date';
import type { EvidenceAnalysis, EvidenceKind, TextRange } from '../../../../src/shared/evidence-model';
import { analyseProtocolLog } from '../../../../src/core/evidence/protocol-log';
import { analyseQueue } from '../../../../src/core/evidence/queue';
import { scanFolder } from '../../../../src/io/evidence/scan-folder';
import { analyseTrackingLog } from '../../../../src/core/evidence/tracking-log';
import { PROTOCOL_LOG_FIELDS } from '../../../../src/core/evidence/w3c';
import {
  EVENT_1035,
  EX01,
  EX02,
  EX03,
  messageHeaders,
  protocolLog,
  queueList,
  trackingLog,
} from '../../../fixtures/evidence/generate';

const ANALYSERS: [string, (t: string) => EvidenceAnalysis][] = [
  ['receive log', (t) => analyseProtocolLog(t, 'RECV.LOG')],
  ['send log', (t) => analyseProtocolLog(t, 'SEND.LOG')],
  ['tracking log', analyseTrackingLog],
  ['headers', (t) => analyseHeaders(t)],
  ['queue', analyseQueue],
];

const SAMPLES = [
  protocolLog('receive', { sessions: 4, outcome: (i) => (['ok', 'kerberos-454', 'tls-failed', 'blob'] as const)[i]! }),
  protocolLog('send', { sessions: 3, outcome: (i) => (['ok', 'no-exchange-auth', 'exps-535'] as const)[i]! }),
  trackingLog({ messages: 4, failEvery: 2 }),
  messageHeaders([
    { from: 'client', by: EX01, at: 0 },
    { from: EX01, by: EX02, at: -400 },
    { from: EX02, by: EX03, at: 5 },
  ]),
  queueList(),
  EVENT_1035(EX02, EX01),
];

function checkRanges(text: string, a: EvidenceAnalysis): void {
  const lines = text.split('\n');
  const ok = (r: TextRange): void => {
    assert.ok(r.line >= 0 && r.line < lines.length, `line ${r.line} of ${lines.length}`);
    const end = r.endLine ?? r.line;
    assert.ok(end >= r.line && end < lines.length);
    assert.ok(r.start >= 0 && r.end >= 0);
    if (end === r.line) assert.ok(r.start <= r.end, JSON.stringify(r));
    assert.ok(r.start <= lines[r.line]!.length, `start ${r.start} beyond line ${r.line}`);
  };
  for (const f of a.findings) {
    ok(f.range);
    assert.equal(typeof f.message, 'string');
  }
  const walk = (syms: EvidenceAnalysis['symbols']): void => {
    for (const s of syms) {
      ok(s.range);
      ok(s.selection);
      if (s.children) walk(s.children);
    }
  };
  walk(a.symbols);
  for (const h of a.hosts) ok(h.range);
}

/** Text that looks like evidence: realistic samples cut, spliced and corrupted. */
const mutated = fc
  .tuple(
    fc.constantFrom(...SAMPLES),
    fc.array(
      fc.oneof(
        fc.record({ op: fc.constant('cut' as const), at: fc.nat() }),
        fc.record({ op: fc.constant('delete' as const), at: fc.nat(), n: fc.integer({ min: 1, max: 40 }) }),
        fc.record({
          op: fc.constant('insert' as const),
          at: fc.nat(),
          s: fc.oneof(
            fc.string({ maxLength: 30 }),
            fc.constantFrom(
              ',',
              '"',
              '\r\n',
              '\n',
              '#Fields: a,b',
              '454 4.7.0',
              '\u0000\u0001',
              ',,,,,,,,',
              ';',
              '(',
              '[',
              'Received: from',
              'KRB_AP_ERR_',
              'Identity : EX9\\1',
            ),
          ),
        }),
        fc.record({ op: fc.constant('binary' as const), at: fc.nat(), bytes: fc.uint8Array({ maxLength: 64 }) }),
      ),
      { maxLength: 8 },
    ),
  )
  .map(([base, ops]) => {
    let t = base;
    for (const o of ops) {
      const at = t.length ? o.at % (t.length + 1) : 0;
      if (o.op === 'cut') t = t.slice(0, at);
      else if (o.op === 'delete') t = t.slice(0, at) + t.slice(at + o.n);
      else if (o.op === 'insert') t = t.slice(0, at) + o.s + t.slice(at);
      else t = t.slice(0, at) + Buffer.from(o.bytes).toString('latin1') + t.slice(at);
    }
    return t;
  });

const anyText = fc.oneof(
  fc.string({ maxLength: 400 }),
  fc.string({ unit: 'grapheme', maxLength: 200 }),
  fc.uint8Array({ maxLength: 400 }).map((b) => Buffer.from(b).toString('latin1')),
  mutated,
);

describe('evidence: fuzz', function () {
  this.timeout(120000);

  for (const [name, analyse] of ANALYSERS) {
    it(`${name}: never throws, ranges stay in the document (1500 cases)`, () => {
      fc.assert(
        fc.property(anyText, (text) => {
          checkRanges(text, analyse(text));
        }),
        { numRuns: 1500, seed: 4242 },
      );
    });
  }

  it('analyseEvidence with detection and every forced kind (1000 cases)', () => {
    const kinds: (EvidenceKind | undefined)[] = [
      undefined,
      'smtp-receive-log',
      'smtp-send-log',
      'tracking-log',
      'headers',
      'queue',
      'unknown',
    ];
    fc.assert(
      fc.property(
        anyText,
        fc.constantFrom(...kinds),
        fc.constantFrom(undefined, 'RECV1.LOG', 'SEND1.LOG', 'MSGTRK1.LOG', 'a.eml'),
        (text, kind, fileName) => {
          const a = analyseEvidence(text, { ...(kind ? { kind } : {}), ...(fileName ? { fileName } : {}) });
          assert.ok(!a.findings.some((f) => f.message.startsWith('Could not analyse')), 'no analyser threw');
          checkRanges(text, a);
        },
      ),
      { numRuns: 1000, seed: 7 },
    );
  });

  it('small parsers: csv, endpoints, dates, failure patterns, detection (5000 cases)', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const fields = splitCsvLine(text);
        assert.ok(fields.every((f) => f.start <= f.end && f.end <= text.length));
        parseEndpoint(text);
        parseMailDate(text);
        detectEvidenceKind(text, text.slice(0, 20));
        for (const h of findFailures(text)) assert.ok(h.start >= 0 && h.end <= text.length && h.start < h.end);
      }),
      { numRuns: 5000, seed: 11 },
    );
  });

  it('hover at any position of any line (3000 cases)', () => {
    fc.assert(
      fc.property(
        anyText,
        fc.nat(),
        fc.constantFrom<EvidenceKind>('smtp-receive-log', 'tracking-log', 'headers', 'unknown'),
        (text, n, kind) => {
          const line = text.split('\n')[0] ?? '';
          const ch = line.length ? n % (line.length + 1) : 0;
          const h = hoverAt(line, ch, kind, PROTOCOL_LOG_FIELDS);
          if (h) assert.ok(h.start <= ch + 1 && h.end >= ch - 1 && h.markdown.length > 0);
        },
      ),
      { numRuns: 3000, seed: 3 },
    );
  });

  it('the one-pass multi-string search finds what indexOf finds (3000 cases)', () => {
    const search = new MultiSearch(SCAN_NEEDLES.map((n) => Buffer.from(n, 'latin1')));
    const piece = fc.oneof(
      fc.string({ maxLength: 20 }),
      fc.constantFrom(...SCAN_NEEDLES),
      fc.constantFrom(...SCAN_NEEDLES).map((n) => n.slice(0, -1)),
      fc.constantFrom('454 454 4.7.0', 'KRB_AP_ERR_KRB_AP_ERR_', '\u00ff\u0000'),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), fc.nat(), fc.nat(), (parts, a, b) => {
        const buf = Buffer.from(parts.join(''), 'latin1');
        const end = buf.length ? a % (buf.length + 1) : 0;
        const before = end ? b % (end + 1) : 0;
        const expected: number[] = [];
        for (let i = 0; i < before; i++) {
          if (SCAN_NEEDLES.some((n) => i + n.length <= end && buf.toString('latin1', i, i + n.length) === n))
            expected.push(i);
        }
        const got: number[] = [];
        search.findAll(buf, end, before, got);
        assert.deepEqual(got, expected);
      }),
      { numRuns: 3000, seed: 9 },
    );
  });

  it('the folder scan counts what grep would on random files (200 cases)', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'ead-fuzz-scan-'));
    try {
      await fc.assert(
        fc.asyncProperty(
          fc.array(
            fc.oneof(fc.string({ maxLength: 80 }), fc.constantFrom(...SCAN_NEEDLES), fc.constantFrom('\n', '\r\n')),
            { maxLength: 60 },
          ),
          fc.integer({ min: 64, max: 300 }),
          async (parts, chunk) => {
            const text = parts.join('');
            const file = path.join(dir, 'f.log');
            writeFileSync(file, text, 'latin1');
            const r = await scanFolder(dir, { chunkSize: chunk });
            const expected = Buffer.from(text, 'latin1')
              .toString('latin1')
              .split('\n')
              .filter((l) => SCAN_NEEDLES.some((n) => l.includes(n))).length;
            assert.equal(r.matchedLines, expected);
          },
        ),
        { numRuns: 200, seed: 5 },
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a 50 MB single line: every analyser answers within seconds', () => {
    const line =
      'A'.repeat(25 * 1024 * 1024) + '454 4.7.0 Temporary authentication failure' + ','.repeat(25 * 1024 * 1024);
    for (const [name, analyse] of ANALYSERS) {
      const t = Date.now();
      const a = analyse(line);
      const ms = Date.now() - t;
      assert.ok(ms < 5000, `${name} took ${ms} ms`);
      checkRanges(line, a);
    }
    const t = Date.now();
    assert.ok(hoverAt(line, 25 * 1024 * 1024 + 5, 'smtp-receive-log', PROTOCOL_LOG_FIELDS) !== null);
    assert.ok(Date.now() - t < 2000);
  });

  it('a 50 MB single line file: the scan finds the failure within seconds', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'ead-fuzz-big-'));
    try {
      writeFileSync(path.join(dir, 'big.log'), 'x'.repeat(50 * 1024 * 1024) + ' 454 4.7.0 at the end');
      const t = Date.now();
      const r = await scanFolder(dir);
      assert.equal(r.matchedLines, 1);
      assert.equal(r.groups[0]!.hits[0]!.line, 0);
      assert.ok(Date.now() - t < 5000);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
