import { strict as assert } from 'node:assert';
import { readPsCollection } from '../../../../src/core/parsers/ps-format-list';
import { psDate } from '../../../../src/core/parsers/ps-json';
import {
  parseReceiveConnectorJson,
  parseReceiveConnectorList,
  parseReceiveConnectors,
} from '../../../../src/core/steps/6-receive-connectors/receive-connector';
import { parseTestNetConnection } from '../../../../src/core/steps/4-ports/test-netconnection';
import { fixture, valueOf } from './fixture';

describe('Get-ReceiveConnector output', () => {
  it('reads Format-List blocks: collections, flags, booleans, a wrapped RemoteIPRanges', () => {
    const outcome = parseReceiveConnectorList(fixture('receive-connector-fl.txt'));
    const [def, relay, client] = valueOf(outcome);
    assert.equal(def?.name, 'Default EX01');
    assert.equal(def?.server, 'EX01');
    assert.equal(def?.exchangeServerAuth, true);
    assert.deepEqual(def?.bindings, ['0.0.0.0:2525', '[::]:2525']);
    assert.deepEqual(def?.permissionGroups, [
      'AnonymousUsers',
      'ExchangeUsers',
      'ExchangeServers',
      'ExchangeLegacyServers',
    ]);
    assert.equal(relay?.exchangeServerAuth, false);
    assert.deepEqual(relay?.remoteIpRanges, [
      '192.168.10.0/24',
      '10.20.30.40',
      '10.20.30.41-10.20.30.60',
      '172.16.5.9',
    ]);
    assert.equal(client?.enabled, false);
    assert.deepEqual(outcome.problems, []);
  });

  it('flags a collection cut short by $FormatEnumerationLimit', () => {
    const outcome = parseReceiveConnectorList(fixture('receive-connector-fl-truncated.txt'));
    const [c] = valueOf(outcome);
    assert.deepEqual(c?.truncatedFields, ['RemoteIPRanges']);
    assert.deepEqual(c?.remoteIpRanges, ['10.0.0.11', '10.0.0.12', '10.0.0.13', '10.0.0.14']);
    assert.match(outcome.problems[0]?.message ?? '', /FormatEnumerationLimit/);
  });

  it('reads Identity and comma-joined ranges from a public sample', () => {
    const [a, b] = valueOf(parseReceiveConnectorList(fixture('receive-connector-fl-identity.txt')));
    assert.equal(a?.identity, 'SRV-MAIL01\\Default Frontend SRV-MAIL01');
    assert.equal(a?.exchangeServerAuth, true);
    assert.deepEqual(b?.remoteIpRanges, ['10.0.20.22', '10.0.21.11', '10.0.21.12']);
    assert.equal(b?.exchangeServerAuth, false);
  });

  it('reads ConvertTo-Json through remoting (names) and locally (numbers, objects, one object)', () => {
    const remote = valueOf(parseReceiveConnectors(fixture('receive-connector-remoting.json')));
    const fromList = valueOf(parseReceiveConnectors(fixture('receive-connector-fl.txt')));
    assert.deepEqual(remote[0], fromList[0], 'both forms give the same connector');
    const [local] = valueOf(parseReceiveConnectorJson(fixture('receive-connector-local.json')));
    assert.deepEqual(local?.authMechanisms, ['Tls']);
    assert.equal(local?.exchangeServerAuth, false);
    assert.deepEqual(local?.permissionGroups, ['AnonymousUsers', 'ExchangeServers', 'ExchangeLegacyServers']);
    assert.deepEqual(local?.bindings, ['0.0.0.0:2525', '[::]:2525']);
    assert.deepEqual(local?.remoteIpRanges, ['0.0.0.0-255.255.255.255']);
    assert.equal(local?.server, 'EX02');
  });

  it('says unrecognised for broken JSON or unrelated lists', () => {
    assert.equal(parseReceiveConnectorJson('[{"Name": ').recognised, false);
    assert.equal(parseReceiveConnectorList('Foo : bar\n').recognised, false);
  });

  it('reads PowerShell collections', () => {
    assert.deepEqual(readPsCollection('{}'), { items: [], truncated: false });
    assert.deepEqual(readPsCollection('{a, b…}'), { items: ['a', 'b'], truncated: true });
  });
});

describe('parseTestNetConnection', () => {
  it('reads an open port', () => {
    const [r] = valueOf(parseTestNetConnection(fixture('tnc-88-open.txt')));
    assert.equal(r?.tcp, 'open');
    assert.equal(r?.remotePort, 88);
    assert.equal(r?.remoteAddress, '192.168.10.5');
  });

  it('reads a failed port with its warning, ping details, and a ping timeout', () => {
    const [r] = valueOf(parseTestNetConnection(fixture('tnc-failed-warning.txt')));
    assert.equal(r?.tcp, 'failed');
    assert.equal(r?.pingSucceeded, true);
    assert.equal(r?.pingRttMs, 0);
    assert.deepEqual(r?.warnings, ['TCP connect to (192.168.1.107 : 4444) failed']);
    const [t] = valueOf(parseTestNetConnection(fixture('tnc-ping-timeout.txt')));
    assert.equal(t?.pingSucceeded, false);
    assert.equal(t?.warnings.length, 2);
  });

  it('keeps warnings with the target they name when several run', () => {
    const [a, b] = valueOf(parseTestNetConnection(fixture('tnc-two-targets.txt')));
    assert.equal(a?.tcp, 'open');
    assert.deepEqual(a?.warnings, []);
    assert.equal(b?.tcp, 'failed');
    assert.deepEqual(b?.warnings, ['TCP connect to (192.168.10.6 : 88) failed']);
  });

  it('reads -InformationLevel Quiet and the JSON form', () => {
    const [q] = valueOf(parseTestNetConnection(fixture('tnc-quiet.txt')));
    assert.equal(q?.tcp, 'failed');
    const [j1, j2] = valueOf(parseTestNetConnection(fixture('tnc.json')));
    assert.equal(j1?.remoteAddress, '192.168.10.5');
    assert.equal(j1?.sourceAddress, '192.168.10.21');
    assert.equal(j1?.pingRttMs, 1);
    assert.equal(j1?.tcp, 'open');
    assert.equal(j2?.tcp, 'failed');
  });

  it('says unrecognised for unrelated text', () => {
    assert.equal(parseTestNetConnection('The term Test-NetConnection is not recognized').recognised, false);
  });
});

describe('psDate', () => {
  it('reads /Date(ms)/, an offset form, ISO with 7 fraction digits and 5.1 DateTime objects', () => {
    assert.equal(psDate('/Date(1595374458918)/'), '2020-07-21T23:34:18.918Z');
    assert.equal(psDate('/Date(1595374458918+0200)/'), '2020-07-21T23:34:18.918Z');
    assert.equal(psDate('2026-08-03T18:34:56.1234567Z'), '2026-08-03T18:34:56.123Z');
    assert.equal(psDate({ value: '/Date(0)/', DisplayHint: 2 }), '1970-01-01T00:00:00.000Z');
    assert.equal(psDate('/Date(abc)/'), undefined);
  });
});
