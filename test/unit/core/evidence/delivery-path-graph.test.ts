/**
 * The layout of the delivery-path diagram: columns in the order of travel, a fork spread over
 * rows, each hop in a cell of its own between its two ends, recipients after the server they end on.
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildDeliveryPath } from '../../../../src/core/evidence/delivery-path';
import { layoutDeliveryPath, type DeliveryGraph } from '../../../../src/core/evidence/delivery-path-graph';
import { EX01, EX02, EX03, messageHeaders } from '../../../fixtures/evidence/generate';

const dir = join(__dirname, '../../../fixtures/evidence/delivery-path');
const read = (f: string) => ({ text: readFileSync(join(dir, f), 'utf8'), fileName: f });
const at = (g: DeliveryGraph, id: string) => g.boxes.find((b) => b.id === id)!;

describe('evidence: the delivery-path diagram layout', () => {
  it('lays a linear path out in one row: sender, servers, recipient', () => {
    const p = buildDeliveryPath([
      {
        text: messageHeaders([
          { from: 'CLIENT1.contoso.com (10.0.0.50)', by: EX01, at: 0 },
          { from: EX01, by: EX02, at: 1 },
          { from: EX02, by: EX03, at: 2 },
        ]),
      },
    ]);
    const g = layoutDeliveryPath(p);
    assert.deepEqual(
      g.boxes.map((b) => [b.id, b.col, b.row]),
      [
        ['s', 0, 0],
        ['n0', 1, 0],
        ['n1', 2, 0],
        ['n2', 3, 0],
        ['n3', 4, 0],
        ['r0', 5, 0],
      ],
    );
    assert.equal(g.rows, 1);
    assert.deepEqual(
      g.edges.filter((e) => e.kind === 'hop').map((e) => e.cell),
      [
        { col: 3, row: 0 },
        { col: 5, row: 0 },
        { col: 7, row: 0 },
      ],
    );
    assert.deepEqual(
      g.edges.filter((e) => e.kind !== 'hop').map((e) => [e.kind, e.from, e.to]),
      [
        ['submit', 's', 'n0'],
        ['deliver', 'n3', 'r0'],
      ],
    );
  });

  it('spreads a fork over two rows and joins each recipient to where it ended', () => {
    const p = buildDeliveryPath([read('MSGTRK20100419-1-win2k3dc.LOG'), read('MSGTRK20100419-1-ex02.LOG')]);
    const g = layoutDeliveryPath(p);
    const ex02 = `n${p.nodes.findIndex((n) => n.name.startsWith('EX02'))}`;
    const ex03 = `n${p.nodes.findIndex((n) => n.name.startsWith('EX03'))}`;
    assert.equal(at(g, ex02).col, at(g, ex03).col);
    assert.notEqual(at(g, ex02).row, at(g, ex03).row);
    assert.equal(g.rows, 2);
    const deliver = g.edges
      .filter((e) => e.kind === 'deliver')
      .map((e) => [e.from, p.recipients![Number(e.to.slice(1))]]);
    assert.deepEqual(
      deliver.sort(),
      [
        [ex02, 'user8@qa.ifr.lan'],
        [ex03, 'user9@qa.ifr.lan'],
      ].sort(),
    );
    // user9's copy went through the failing hop: its box and the hop are marked, user8's are not.
    const r9 = g.boxes.find((b) => b.kind === 'recipient' && p.recipients![b.index!] === 'user9@qa.ifr.lan')!;
    const r8 = g.boxes.find((b) => b.kind === 'recipient' && p.recipients![b.index!] === 'user8@qa.ifr.lan')!;
    assert.equal(r9.failing, true);
    assert.equal(r8.failing, false);
    const hops = g.edges.filter((e) => e.kind === 'hop');
    assert.deepEqual(
      hops.map((e) => e.failing),
      p.hops.map((h) => h.failing),
    );
    // Two hop cells never share a grid cell.
    assert.equal(new Set(hops.map((e) => `${e.cell!.col}:${e.cell!.row}`)).size, hops.length);
  });

  it('never puts two boxes in one cell and keeps every edge between known boxes', () => {
    const p = buildDeliveryPath([
      {
        text: messageHeaders([
          { from: EX01, by: EX02, at: 0 },
          { from: EX02, by: EX03, at: 1 },
          { from: EX03, by: EX01, at: 2 },
        ]),
      },
      read('MSGTRK20100419-1-win2k3dc.LOG'),
    ]);
    const g = layoutDeliveryPath(p);
    assert.equal(new Set(g.boxes.map((b) => `${b.col}:${b.row}`)).size, g.boxes.length);
    const ids = new Set(g.boxes.map((b) => b.id));
    for (const e of g.edges) assert.ok(ids.has(e.from) && ids.has(e.to), JSON.stringify(e));
  });
});
