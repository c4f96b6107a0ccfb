/**
 * Property test of the delivery path: whatever documents it is given (random text, real headers,
 * tracking logs and bounces cut and spliced), it never throws, every hop joins two different known
 * servers, and the failing index, when there is one, points at a failing hop.
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { buildDeliveryPath } from '../../../../src/core/evidence/delivery-path';
import { EX01, EX02, EX03, messageHeaders, trackingLog } from '../../../fixtures/evidence/generate';

const dsn = readFileSync(join(__dirname, '../../../fixtures/localised/dsn-delayed-454.eml'), 'utf8');
const samples = [
  dsn,
  trackingLog({ messages: 3, failEvery: 2 }),
  messageHeaders([
    { from: EX01, by: EX02, at: 0 },
    { from: EX02, by: EX03, at: -900 },
    { from: EX03, by: EX01, at: 3 },
  ]),
];

const cutOrSpliced = fc
  .tuple(fc.constantFrom(...samples), fc.nat(), fc.nat(), fc.string({ maxLength: 40 }))
  .map(([s, a, b, junk]) => {
    const i = a % (s.length + 1);
    const j = Math.min(s.length, i + (b % 400));
    return s.slice(0, i) + junk + s.slice(j);
  });

describe('evidence: the delivery path under random input', () => {
  it('never throws and keeps its indexes consistent', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            text: fc.oneof(cutOrSpliced, fc.string({ maxLength: 300 }), fc.constantFrom(...samples)),
            fileName: fc.constantFrom(undefined, 'a.eml', 'MSGTRK1.LOG', 'notes.txt'),
          }),
          { maxLength: 4 },
        ),
        (docs) => {
          const p = buildDeliveryPath(docs.map((d) => (d.fileName ? d : { text: d.text })));
          for (const h of p.hops) {
            assert.ok(h.from >= 0 && h.from < p.nodes.length && h.to >= 0 && h.to < p.nodes.length);
            assert.notEqual(h.from, h.to);
            assert.ok(h.sources.length > 0);
          }
          if (p.failing !== undefined) assert.equal(p.hops[p.failing]?.failing, true);
          else assert.ok(p.hops.every((h) => !h.failing));
        },
      ),
      { numRuns: 400 },
    );
  });
});
