/**
 * The delivery path of one message from its headers, tracking log lines and bounce: the servers in
 * order, the hops merged across evidence, and the failing hop with the step the recognisers name.
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildDeliveryPath } from '../../../../src/core/evidence/delivery-path';
import { EX01, EX02, EX03, messageHeaders, trackingLog } from '../../../fixtures/evidence/generate';

const dsn = readFileSync(join(__dirname, '../../../fixtures/localised/dsn-delayed-454.eml'), 'utf8');

describe('evidence: the delivery path of one message', () => {
  it('reads the Received chain as hops in the order of travel, with sender, recipient and time', () => {
    const eml = messageHeaders([
      { from: 'CLIENT1.contoso.com (10.0.0.50)', by: EX01, at: 0 },
      { from: EX01, by: EX02, at: 2 },
      { from: EX02, by: EX03, at: 5, with: 'Microsoft SMTP Server id 15.2.1118.7' },
    ]);
    const p = buildDeliveryPath([{ text: eml, fileName: 'message.eml' }]);
    assert.equal(p.sender, 'alice@contoso.com');
    assert.equal(p.recipient, 'bob@contoso.com');
    assert.equal(p.messageId, 'abc123@EX01.contoso.com');
    assert.deepEqual(
      p.nodes.map((n) => n.name),
      ['CLIENT1.contoso.com', EX01.fqdn, EX02.fqdn, EX03.fqdn],
    );
    assert.deepEqual(
      p.hops.map((h) => [h.from, h.to]),
      [
        [0, 1],
        [1, 2],
        [2, 3],
      ],
    );
    assert.equal(p.hops[2]!.time, Date.parse('2026-11-22T10:00:05Z'));
    assert.match(p.hops[2]!.via ?? '', /^Microsoft SMTP Server/);
    assert.equal(p.failing, undefined);
    assert.ok(p.hops.every((h) => !h.failing && h.sources.join() === 'headers'));
  });

  it('marks a hop stamped beyond the Kerberos tolerance before the previous one as failing on step 1', () => {
    const eml = messageHeaders([
      { from: EX01, by: EX02, at: 0 },
      { from: EX02, by: EX03, at: -900 },
    ]);
    const p = buildDeliveryPath([{ text: eml }]);
    assert.equal(p.failing, 1);
    assert.deepEqual(p.hops[1]!.steps, [1]);
    assert.equal(p.hops[0]!.failing, false);
  });

  it('follows the failing message of a tracking log: RECEIVE then DEFER with 454 4.7.0 on the EX01 -> EX02 hop', () => {
    const log = trackingLog({ messages: 4, failEvery: 4 });
    const p = buildDeliveryPath([{ text: log, fileName: 'MSGTRK2026112210-1.LOG' }]);
    assert.equal(p.sender, 'alice@contoso.com');
    assert.equal(p.recipient, 'bob@contoso.com');
    assert.deepEqual(
      p.nodes.map((n) => [n.name, n.ip]),
      [
        ['CLIENT1.contoso.com', '10.0.0.50'],
        [EX01.fqdn, EX01.ip],
        [EX02.fqdn, EX02.ip],
      ],
    );
    assert.equal(p.failing, 1);
    const hop = p.hops[1]!;
    assert.equal(hop.failing, true);
    assert.match(hop.status ?? '', /454 4\.7\.0/);
    assert.equal(hop.via, 'EX01\\Default EX01');
    assert.ok(hop.steps.length > 0);
    // Only that message: the other messages' ids are not on the path.
    assert.ok(p.messageId?.endsWith('@' + EX01.fqdn));
  });

  it('joins a bounce and the headers: the DSN names the failing hop from the reporting MTA to the remote MTA', () => {
    const eml = messageHeaders([
      { from: 'CLIENT1.contoso.test (10.0.0.50)', by: { ...EX01, fqdn: 'EX01.contoso.test' }, at: 0 },
    ]);
    const p = buildDeliveryPath([
      { text: eml, fileName: 'sent.eml' },
      { text: dsn, fileName: 'Delivery delayed.eml' },
    ]);
    assert.deepEqual(
      p.nodes.map((n) => n.name.toLowerCase()),
      ['client1.contoso.test', 'ex01.contoso.test', 'ex02.contoso.test'],
    );
    const failing = p.hops[p.failing!]!;
    assert.equal(p.nodes[failing.from]!.name, 'EX01.contoso.test');
    assert.equal(p.nodes[failing.to]!.name, 'ex02.contoso.test');
    assert.deepEqual(failing.sources, ['bounce']);
    assert.match(failing.status ?? '', /^451 4\.4\.0 .*454 4\.7\.0/);
    assert.ok(failing.steps.length > 0, 'a 454 4.7.0 names a step');
  });

  it('merges the same hop seen in the headers and in the tracking log, keeping the failure', () => {
    const log = trackingLog({ messages: 2, failEvery: 2 });
    const eml = messageHeaders([
      { from: 'CLIENT1.contoso.com (10.0.0.50)', by: EX01, at: 0 },
      { from: EX01, by: EX02, at: 3 },
    ]);
    const p = buildDeliveryPath([{ text: eml }, { text: log, fileName: 'MSGTRK1.LOG' }]);
    assert.equal(p.nodes.length, 3);
    assert.equal(p.hops.length, 2);
    const hop = p.hops[1]!;
    assert.deepEqual([...hop.sources].sort(), ['headers', 'tracking-log']);
    assert.equal(hop.failing, true);
    assert.equal(p.failing, 1);
  });

  it('puts the servers in travel order whatever order the documents come in', () => {
    const eml = messageHeaders([
      { from: 'CLIENT1.contoso.test (10.0.0.50)', by: { ...EX01, fqdn: 'EX01.contoso.test' }, at: 0 },
    ]);
    const p = buildDeliveryPath([
      { text: dsn, fileName: 'Delivery delayed.eml' },
      { text: eml, fileName: 'sent.eml' },
    ]);
    assert.deepEqual(
      p.nodes.map((n) => n.name.toLowerCase()),
      ['client1.contoso.test', 'ex01.contoso.test', 'ex02.contoso.test'],
    );
    assert.equal(p.failing, 1);
  });

  it('follows in the tracking log the message the headers name, not the first failing one', () => {
    const log = trackingLog({ messages: 4, failEvery: 4 });
    const ok = /,(<[^,]+>),/.exec(log.split('\r\n')[5]!)?.[1];
    assert.ok(ok, 'the first message has an id');
    const p = buildDeliveryPath([{ text: log, fileName: 'MSGTRK1.LOG' }], { messageId: ok });
    assert.equal(p.messageId, ok.slice(1, -1));
    assert.equal(p.failing, undefined);
    assert.deepEqual(
      p.hops.map((h) => h.status),
      ['250 2.1.5 Recipient OK', '250 2.6.0 Queued mail for delivery'],
    );
  });

  it('keeps a long status to a readable length', () => {
    const long = dsn.replaceAll(
      'host, but that did not succeed.',
      'host, but that did not succeed.' + ' x'.repeat(2000),
    );
    const p = buildDeliveryPath([{ text: long, fileName: 'bounce.eml' }]);
    const status = p.hops[p.failing!]!.status!;
    assert.ok(status.length <= 601, String(status.length));
    assert.ok(status.endsWith('…'));
  });

  it('gives an empty path for evidence that says nothing about a path', () => {
    const p = buildDeliveryPath([{ text: 'just some text\nwith no headers', fileName: 'notes.txt' }]);
    assert.deepEqual(p.nodes, []);
    assert.deepEqual(p.hops, []);
  });
});
