/**
 * The Message-ID of the original a bounce encloses (RFC 3464 / RFC 6522 third part, Exchange's
 * "Original message headers:"), read from public bounces and a composed one; the bounce's own
 * Message-ID is never taken.
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { readEnclosedMessageId } from '../../../../src/core/evidence/bounce-original';
import { buildDeliveryPath } from '../../../../src/core/evidence/delivery-path';

const dir = join(__dirname, '../../../fixtures/evidence/delivery-path');
const read = (f: string): string => readFileSync(join(dir, f), 'utf8');

describe('evidence: the original message a bounce encloses', () => {
  it('reads a folded Message-ID in a text/rfc822-headers part, not the In-Reply-To', () => {
    assert.equal(
      readEnclosedMessageId(read('dsn-delayed-fork-454.eml')),
      'C6539E897AEDFA469FE34D029FB708D43495@win2k3dc.qa.ifr.lan',
    );
  });

  it('reads the original after the DSN fields of a bounce whose MIME lines were lost', () => {
    const text = read('rfc3464-sisimai-04.eml');
    assert.equal(readEnclosedMessageId(text), '00000000000.000000@mx4.example.co.jp');
    assert.ok(text.includes('Message-Id: <199904292334.00000000@mailx-53.neko.example.edu>'), 'its own id is there');
  });

  it('finds none in an Exchange 2007 NDR whose original headers carry no Message-ID', () => {
    assert.equal(readEnclosedMessageId(read('exchange2007-ndr-sisimai-05.eml')), undefined);
  });

  it('reads the Message-ID under "Original message headers:" in Exchange NDR text', () => {
    const ndr = read('exchange2007-ndr-sisimai-05.eml').replace(
      'Original message headers:\n\nReceived:',
      'Original message headers:\n\nMessage-ID: <orig-1@mx9.example.net>\nReceived:',
    );
    assert.equal(readEnclosedMessageId(ndr), 'orig-1@mx9.example.net');
  });

  it('falls back to In-Reply-To when nothing is enclosed', () => {
    const text =
      'From: postmaster@x\r\nIn-Reply-To: <a-1@x.test>\r\nMessage-ID: <ndr@x>\r\n\r\nReporting-MTA: dns;x\r\n';
    assert.equal(readEnclosedMessageId(text), 'a-1@x.test');
  });

  it('draws a bounce without a Remote-MTA as a failing event on the server that reported it', () => {
    const p = buildDeliveryPath([{ text: read('exchange2007-ndr-sisimai-05.eml'), fileName: 'ndr.eml' }]);
    assert.deepEqual(
      p.nodes.map((n) => n.name),
      ['mta4.example.org'],
    );
    const dsn = p.nodes[0]!.events![0]!;
    assert.equal(dsn.event, 'DSN');
    assert.equal(dsn.failing, true);
    assert.match(dsn.status ?? '', /^550 5\.1\.1 RESOLVER\.ADR\.RecipNotFound/);
    assert.deepEqual(p.recipients, ['mikeneko@example.co.jp']);
    assert.equal(p.failing, undefined, 'no hop failed: there is none');
  });

  it('never throws on random text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), (s) => {
        const id = readEnclosedMessageId(s);
        assert.ok(id === undefined || (id.length > 0 && !/[<>]/.test(id)));
      }),
      { numRuns: 300 },
    );
  });
});
