import { strict as assert } from 'node:assert';
import {
  classifyConnectors,
  internalPorts,
  selectConnector,
} from '../../../../../src/core/steps/6-receive-connectors/connectors-classify';
import type { ExchangeServer, ReceiveConnector } from '../../../../../src/core/directory/model';
import { ex02Connector } from './ex02-connector-fixture';

const connector = ex02Connector;

function ex02(connectors: ReceiveConnector[]): ExchangeServer {
  return { name: 'EX02', dn: 'CN=EX02', roles: [], receiveConnectors: connectors };
}

const ALL = ['0.0.0.0-255.255.255.255', '::-ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff'];
const DEFAULT = connector('Default EX02', 31, ['0.0.0.0:2525', '[::]:2525'], ALL);
const FRONTEND = connector('Default Frontend EX02', 29 | 16, ['0.0.0.0:25'], ALL);
const CLIENT = connector('Client Frontend EX02', 13, ['0.0.0.0:587'], ALL);
const SENDERS = [{ server: 'EX01', address: '127.0.0.11' }];

describe('receive connector classification', () => {
  it('finds the internal ports among enabled bindings', () => {
    assert.deepEqual(internalPorts(ex02([DEFAULT, FRONTEND, CLIENT])), [2525, 25]);
    assert.deepEqual(internalPorts(ex02([{ ...DEFAULT, enabled: false }, CLIENT])), []);
  });

  it('passes default connectors that have ExchangeServer', () => {
    const r = classifyConnectors(ex02([DEFAULT, FRONTEND, CLIENT]), SENDERS);
    assert.deepEqual(
      r.verdicts.map((v) => [v.connector.name, v.kind]),
      [
        ['Default EX02', 'ok'],
        ['Default Frontend EX02', 'ok'],
      ],
    );
    assert.deepEqual(r.uncovered, []);
  });

  it('flags the default hub connector without ExchangeServer (bit 16)', () => {
    const noExAuth = connector('Default EX02', 15, ['0.0.0.0:2525'], ALL);
    const r = classifyConnectors(ex02([noExAuth, FRONTEND]), SENDERS);
    const v = r.verdicts.find((x) => x.connector.name === 'Default EX02')!;
    assert.equal(v.kind, 'no-exchange-auth');
    assert.deepEqual(
      v.takes.map((t) => [t.sender.server, t.port]),
      [['EX01', 2525]],
    );
  });

  it('flags a relay connector whose narrower range captures an Exchange server', () => {
    const relay = connector('Relay apps', 1 | 2, ['0.0.0.0:25'], ['127.0.0.0/24']);
    const r = classifyConnectors(ex02([DEFAULT, FRONTEND, relay]), SENDERS);
    const v = r.verdicts.find((x) => x.connector.name === 'Relay apps')!;
    assert.equal(v.kind, 'relay-captures');
    assert.equal(v.takes[0]!.range.text, '127.0.0.0/24');
    // The frontend no longer takes EX01 on 25: the relay won.
    assert.equal(
      r.verdicts.some((x) => x.connector.name === 'Default Frontend EX02'),
      false,
    );
  });

  it('ignores a relay whose ranges do not hold the Exchange servers, and disabled connectors', () => {
    const relay = connector('Relay apps', 3, ['0.0.0.0:25'], ['10.9.0.0/16']);
    const disabled = connector('Old relay', 3, ['0.0.0.0:2525'], ['127.0.0.11'], false);
    const r = classifyConnectors(ex02([DEFAULT, FRONTEND, relay, disabled]), SENDERS);
    assert.ok(r.verdicts.every((v) => v.kind === 'ok'));
  });

  it('prefers a specific binding when ranges tie', () => {
    const specific = connector('Internal EX02', 31, ['127.0.0.12:2525'], ALL);
    assert.equal(selectConnector([DEFAULT, specific], 2525, '127.0.0.11')?.connector.name, 'Internal EX02');
  });

  it('skips a connector bound to a local address the receiver does not have', () => {
    // A relay bound to another NIC's address (10.0.0.12) with narrow ranges holding EX01 would win
    // on ranges, but EX01 connects to EX02's own address (127.0.0.12), where only Default listens.
    const elsewhere = connector('Relay on NIC 2', 3, ['10.0.0.12:2525'], ['127.0.0.11']);
    assert.equal(
      selectConnector([DEFAULT, elsewhere], 2525, '127.0.0.11', ['127.0.0.12'])?.connector.name,
      'Default EX02',
    );
    const r = classifyConnectors(ex02([DEFAULT, FRONTEND, elsewhere]), SENDERS, ['127.0.0.12', '::ffff:7f00:c']);
    assert.ok(
      r.verdicts.every((v) => v.kind === 'ok'),
      r.verdicts.map((v) => `${v.connector.name} ${v.kind}`).join(', '),
    );
    // Bound to one of the receiver's addresses (in another spelling), it does take the mail.
    const here = connector('Relay here', 3, ['[::ffff:127.0.0.12]:2525'], ['127.0.0.11']);
    assert.equal(
      selectConnector([DEFAULT, here], 2525, '127.0.0.11', ['::ffff:127.0.0.12'])?.connector.name,
      'Relay here',
    );
    // Receiver's addresses unknown: every binding counts, as before.
    assert.equal(selectConnector([DEFAULT, elsewhere], 2525, '127.0.0.11')?.connector.name, 'Relay on NIC 2');
  });

  it('lists senders no connector on the hub port accepts', () => {
    const narrow = connector('Default EX02', 31, ['0.0.0.0:2525'], ['10.0.0.0/8']);
    const r = classifyConnectors(ex02([narrow, FRONTEND]), SENDERS);
    assert.deepEqual(r.uncovered, [{ port: 2525, sender: SENDERS[0] }]);
  });
});
