import { strict as assert } from 'node:assert';
import { matchSymptomServers, type KnownServer } from '../../../../src/core/symptom/match';
import { recogniseSymptom, serverOfConnector, splitCsv } from '../../../../src/core/symptom/recognise';

const SERVERS: KnownServer[] = [
  { name: 'EX01', fqdns: ['ex01.contoso.test'], addresses: ['10.0.0.11'] },
  { name: 'EX02', fqdns: ['ex02.contoso.test'], addresses: ['10.0.0.12'] },
  { name: 'EX03', fqdns: ['ex03.contoso.test'], addresses: ['10.0.0.13'] },
];

describe('symptom recogniser', () => {
  it('reads the Queue Viewer Last Error with the last endpoint (receiving server by IP)', () => {
    const r = recogniseSymptom(
      'Identity: EX01\\7\nLastError : 451 4.4.0 Primary target IP address responded with: "454 4.7.0 Temporary authentication failure." Attempted failover to alternate host, but that did not succeed. Either there are no alternate hosts, or delivery failed to all alternate hosts. The last endpoint attempted was 10.0.0.12:2525',
    );
    assert.ok(r.recognised);
    assert.deepEqual(r.kinds, ['queue-viewer']);
    assert.equal(r.has454, true);
    assert.deepEqual(r.receiving, { ip: '10.0.0.12', port: 2525 });
    assert.deepEqual(r.sending, { name: 'EX01' });
    const pair = matchSymptomServers(r, SERVERS);
    assert.deepEqual([pair.sending, pair.receiving, pair.complete], ['EX01', 'EX02', true]);
    assert.ok(r.facts.some((f) => f.label === 'Receiving server' && f.value === '10.0.0.12, port 2525 = EX02'));
    assert.equal(r.has451, true);
  });

  it('reads a translated Last Error without any server: 454 via 451, and no end', () => {
    const r = recogniseSymptom(
      '451 4.4.0 Dirección IP de destino principal respondió con: "Error de autenticación temporal 454 4.7.0"',
    );
    assert.deepEqual([r.recognised, r.has454, r.has451], [true, true, true]);
    assert.equal(r.sending, undefined);
    assert.equal(r.receiving, undefined);
    assert.equal(recogniseSymptom('454 4.7.0 Temporary authentication failure').has451, false);
  });

  it('reads event 1035 text: the connector names the receiving server, the source IP the sending one', () => {
    const r = recogniseSymptom(
      'Log Name: Application\nSource: MSExchangeTransport\nEvent ID: 1035\nDescription: Inbound authentication failed with error IllegalMessage for Receive connector Default EX02. The authentication mechanism is ExchangeAuth. The source IP address of the client who tried to authenticate to Microsoft Exchange is [10.0.0.11].',
    );
    assert.deepEqual(r.kinds, ['event-1035']);
    assert.equal(r.has454, false);
    assert.equal(r.error, 'IllegalMessage');
    assert.equal(r.mechanism, 'ExchangeAuth');
    assert.equal(r.connector, 'Default EX02');
    assert.deepEqual(r.receiving, { name: 'EX02' });
    assert.deepEqual(r.sending, { ip: '10.0.0.11' });
    const pair = matchSymptomServers(r, SERVERS);
    assert.deepEqual([pair.sending, pair.receiving, pair.complete], ['EX01', 'EX02', true]);
  });

  it('prefers the Computer line of the event over the connector name', () => {
    const r = recogniseSymptom(
      'Computer: ex03.contoso.test\nInbound authentication failed with error UnexpectedExchangeAuthBlob for Receive connector Custom relay. The authentication mechanism is ExchangeAuth. The source IP address of the client who tried to authenticate to Microsoft Exchange is [10.0.0.11].',
    );
    assert.deepEqual(r.receiving, { name: 'ex03.contoso.test' });
    assert.equal(matchSymptomServers(r, SERVERS).receiving, 'EX03');
  });

  it('reads event 1035 from Get-WinEvent JSON with the core parser', () => {
    const json = JSON.stringify({
      Id: 1035,
      ProviderName: 'MSExchangeTransport',
      LogName: 'Application',
      MachineName: 'EX02.contoso.test',
      Message:
        'Inbound authentication failed with error IllegalMessage for Receive connector Default EX02. The authentication mechanism is ExchangeAuth. The source IP address of the client who tried to authenticate to Microsoft Exchange is [10.0.0.11].',
    });
    const r = recogniseSymptom(json);
    assert.deepEqual(r.kinds, ['event-1035']);
    assert.deepEqual(r.receiving, { name: 'EX02.contoso.test' });
    assert.deepEqual(r.sending, { ip: '10.0.0.11' });
  });

  it('reads a send protocol log line: remote endpoint is the receiver', () => {
    const r = recogniseSymptom(
      '#Fields: date-time,connector-id,session-id,sequence-number,local-endpoint,remote-endpoint,event,data,context\n2026-11-22T10:00:00.123Z,Intra-Organization SMTP Send Connector,08DC1,7,10.0.0.11:50432,10.0.0.12:2525,<,454 4.7.0 Temporary authentication failure,',
    );
    assert.deepEqual(r.kinds, ['smtp-send-log']);
    assert.deepEqual(r.sending, { ip: '10.0.0.11', port: 50432 });
    assert.deepEqual(r.receiving, { ip: '10.0.0.12', port: 2525 });
    assert.equal(r.connector, 'Intra-Organization SMTP Send Connector');
  });

  it('reads a receive protocol log line: remote endpoint is the sender', () => {
    const r = recogniseSymptom(
      '2026-11-22T10:00:00.123Z,EX02\\Default EX02,08DC2,9,10.0.0.12:2525,10.0.0.11:50432,>,"454 4.7.0 Temporary authentication failure",',
    );
    assert.deepEqual(r.kinds, ['smtp-receive-log']);
    const pair = matchSymptomServers(r, SERVERS);
    assert.deepEqual([pair.sending, pair.receiving], ['EX01', 'EX02']);
  });

  it('recognises the bare status code, also in a translated message', () => {
    const r = recogniseSymptom(
      '451 4.4.0 Dirección IP de destino principal respondió con: "Error de autenticación temporal 454 4.7.0"',
    );
    assert.ok(r.recognised);
    assert.equal(r.has454, true);
    assert.ok(r.kinds.includes('queue-viewer'));
  });

  it('does not recognise unrelated text and never throws on junk', () => {
    assert.equal(recogniseSymptom('hello world').recognised, false);
    assert.equal(recogniseSymptom('').recognised, false);
    assert.equal(recogniseSymptom('{not json').recognised, false);
    assert.equal(recogniseSymptom('\u001b[31m,,,,,,,,\u0000').recognised, false);
    assert.equal(recogniseSymptom(undefined as unknown as string).recognised, false);
  });

  it('implies the other end when the organisation has exactly two servers', () => {
    const r = recogniseSymptom(
      'The last endpoint attempted was 10.0.0.12:25 451 4.4.0 "454 4.7.0 Temporary authentication failure."',
    );
    const pair = matchSymptomServers(r, SERVERS.slice(0, 2));
    assert.deepEqual([pair.sending, pair.receiving, pair.complete], ['EX01', 'EX02', true]);
  });

  it('lists ends that match no known server', () => {
    const r = recogniseSymptom(
      'The last endpoint attempted was 192.0.2.9:25 "454 4.7.0 Temporary authentication failure."',
    );
    const pair = matchSymptomServers(r, SERVERS);
    assert.deepEqual(pair.unmatched, ['192.0.2.9']);
    assert.equal(pair.complete, false);
  });

  it('names the server of default connectors and splits quoted CSV', () => {
    assert.equal(serverOfConnector('Default EX02'), 'EX02');
    assert.equal(serverOfConnector('EX02\\Default Frontend EX02'), 'EX02');
    assert.equal(serverOfConnector('Relay from printers'), undefined);
    assert.deepEqual(splitCsv('a,"b,c",,"f""g"'), ['a', 'b,c', '', 'f"g']);
  });
});
