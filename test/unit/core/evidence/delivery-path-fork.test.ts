/**
 * The delivery path from message tracking logs of one message that went two ways (a fork: one
 * recipient's copy to EX02 and delivered there, the other's deferred on the way to EX03 with
 * 454 4.7.0), from rows partly verbatim (see test/fixtures/evidence/delivery-path/SOURCES.md):
 * the hops, the events that are no hops shown on the server they happened on, and the bounce that
 * joins by the Message-ID of the original it encloses.
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildDeliveryPath } from '../../../../src/core/evidence/delivery-path';
import type { DeliveryPath } from '../../../../src/core/evidence/delivery-path-model';
import { messageHeaders } from '../../../fixtures/evidence/generate';

const dir = join(__dirname, '../../../fixtures/evidence/delivery-path');
const read = (f: string): { text: string; fileName: string } => ({
  text: readFileSync(join(dir, f), 'utf8'),
  fileName: f,
});
const win2k3dc = read('MSGTRK20100419-1-win2k3dc.LOG');
const ex02 = read('MSGTRK20100419-1-ex02.LOG');
const dsn = read('dsn-delayed-fork-454.eml');
const ID = 'C6539E897AEDFA469FE34D029FB708D43495@win2k3dc.qa.ifr.lan';

const names = (p: DeliveryPath): string[] => p.nodes.map((n) => n.name);
const hop = (p: DeliveryPath, from: string, to: string) =>
  p.hops.find((h) => p.nodes[h.from]!.name.startsWith(from) && p.nodes[h.to]!.name.startsWith(to));

describe('evidence: a delivery path that forks, with events on the servers', () => {
  it('reads two next hops from one server as a fork, the failing one marked with its steps', () => {
    const p = buildDeliveryPath([win2k3dc, ex02]);
    assert.equal(p.messageId, ID);
    assert.equal(p.sender, 'user7@qa.ifr.lan');
    assert.deepEqual(p.recipients, ['user8@qa.ifr.lan', 'user9@qa.ifr.lan']);
    assert.deepEqual(names(p), ['WIN2K3DC', 'EX02.qa.ifr.lan', 'EX03.qa.ifr.lan']);
    assert.equal(p.hops.length, 2);
    const ok = hop(p, 'WIN2K3DC', 'EX02')!;
    const bad = hop(p, 'WIN2K3DC', 'EX03')!;
    assert.equal(ok.failing, false);
    assert.deepEqual(ok.recipients, ['user8@qa.ifr.lan']);
    // SEND on WIN2K3DC and RECEIVE on EX02 are the same hop, seen twice.
    assert.equal(ok.via, 'Intra-Organization SMTP Send Connector');
    assert.equal(bad.failing, true);
    assert.deepEqual(bad.recipients, ['user9@qa.ifr.lan']);
    assert.match(bad.status ?? '', /454 4\.7\.0/);
    assert.ok(bad.steps.length > 0);
    assert.equal(p.hops[p.failing!], bad);
  });

  it('puts SUBMIT, STOREDRIVER RECEIVE and RESOLVE on the sending server and DELIVER on the receiving one', () => {
    const p = buildDeliveryPath([win2k3dc, ex02]);
    const events = (name: string) => p.nodes.find((n) => n.name.startsWith(name))!.events?.map((e) => e.event);
    // RESOLVE names no server in its row: it happened on the server that wrote the log.
    assert.deepEqual(events('WIN2K3DC'), ['SUBMIT', 'RECEIVE', 'RESOLVE']);
    assert.deepEqual(events('EX02'), ['DELIVER']);
    assert.equal(events('EX03'), undefined);
    const deliver = p.nodes[1]!.events![0]!;
    assert.deepEqual(deliver.recipients, ['user8@qa.ifr.lan']);
    assert.equal(deliver.status, '250 2.0.0 Delivered');
    assert.equal(deliver.source, 'STOREDRIVER');
    assert.equal(deliver.failing, false);
    const submit = p.nodes[0]!.events![0]!;
    assert.equal(submit.time, Date.parse('2010-04-19T12:29:07.390Z'));
    // The storage-quota notifications of the verbatim header carry no Message-ID: not this message.
    assert.ok(p.nodes.every((n) => !n.events?.some((e) => e.event === 'NOTIFYMAPI')));
  });

  it('joins a bounce by the Message-ID of the original it encloses, not by its own or its In-Reply-To', () => {
    const p = buildDeliveryPath([dsn, win2k3dc, ex02]);
    assert.equal(p.messageId, ID);
    const bad = hop(p, 'WIN2K3DC', 'EX03')!;
    assert.deepEqual([...bad.sources].sort(), ['bounce', 'tracking-log']);
    assert.equal(bad.failing, true);
    assert.equal(p.nodes.length, 3, names(p).join());
  });

  it('leaves off the headers of another message', () => {
    const other = messageHeaders([
      {
        from: 'CLIENT1.contoso.com (10.0.0.50)',
        by: { name: 'EX09', fqdn: 'EX09.contoso.com', ip: '10.0.0.19' },
        at: 0,
      },
    ]);
    const p = buildDeliveryPath([dsn, { text: other, fileName: 'other.eml' }, win2k3dc]);
    assert.ok(!names(p).some((n) => /EX09|CLIENT1/i.test(n)), names(p).join());
    // Without the bounce first, the headers name the message; the log has no rows of it and falls
    // back to its failing message, whose servers join.
    const q = buildDeliveryPath([{ text: other, fileName: 'other.eml' }, win2k3dc]);
    assert.ok(names(q).some((n) => /EX09/.test(n)));
  });

  it('follows the message the bounce names in a log that holds others', () => {
    const noise = win2k3dc.text.replaceAll(ID, 'other-1@qa.ifr.lan');
    const p = buildDeliveryPath([
      dsn,
      { text: noise + win2k3dc.text.split('\n').slice(5).join('\n'), fileName: 'MSGTRK1.LOG' },
    ]);
    assert.equal(p.messageId, ID);
    assert.equal(p.nodes[0]!.events?.filter((e) => e.event === 'SUBMIT').length, 1);
  });
});
