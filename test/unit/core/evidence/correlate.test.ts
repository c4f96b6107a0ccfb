import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { correlate, type AuthObservation } from '../../../../src/core/evidence/correlate';
import { observationsFromText, parseUtc } from '../../../../src/core/evidence/observations';
import { render } from '../../../../src/core/l10n/render';

const dir = join(__dirname, '../../../fixtures/localised/both-ends');
const FILES = ['EX01/SEND2026120409-1.LOG', 'EX02/application-1035.xml', 'DC1/system-kdc.xml'];

function gather(files: readonly string[]) {
  const observations: AuthObservation[] = [];
  const aliases: [string, string][] = [];
  for (const f of files) {
    const o = observationsFromText(readFileSync(join(dir, f), 'utf8'), f);
    observations.push(...o.observations);
    aliases.push(...o.aliases);
  }
  return { observations, aliases };
}

describe('evidence: both ends of one failure joined by time and endpoint', () => {
  it('reads each file: the send log with its aliases, the 1035s, the KDC event', () => {
    const send = observationsFromText(readFileSync(join(dir, FILES[0]!), 'utf8'), FILES[0]!);
    assert.deepEqual(
      send.observations.map((o) => [o.source, o.error, o.sending?.ip, o.receiving?.ip]),
      [['send-log', 'KdcUnknownEncryptionType', '10.0.0.11', '10.0.0.12']],
    );
    assert.deepEqual(send.aliases, [
      ['10.0.0.12', 'ex02.contoso.test'],
      ['10.0.0.11', 'ex01.contoso.test'],
      ['10.0.0.12', 'ex02.contoso.test'],
    ]);
    const kdc = observationsFromText(readFileSync(join(dir, FILES[2]!), 'utf8'), FILES[2]!);
    assert.equal(kdc.observations[0]?.source, 'kerberos-event');
    assert.equal(kdc.observations[0]?.receiving?.name, 'ex02.contoso.test');
    assert.deepEqual(kdc.observations[0]?.steps, [3]);
  });

  it('one finding for EX01 to EX02 that names step 3 and the cause; the lone 1035 from another sender is not joined', () => {
    const { observations, aliases } = gather(FILES);
    const found = correlate(observations, { aliases });
    assert.equal(found.length, 1, JSON.stringify(found.map((f) => f.message)));
    const f = found[0]!;
    assert.equal(f.sending, 'ex01.contoso.test');
    assert.match(f.receiving, /^ex02/i);
    assert.equal(f.step, 3);
    assert.deepEqual([...f.sources].sort(), ['event-1035', 'kerberos-event', 'send-log']);
    assert.equal(f.observations.length, 3);
    assert.equal(f.to! - f.from!, 23);
    assert.match(f.message, /share no encryption type/);
    assert.match(render('zh-cn', f.text), /先看第 3 步：域控制器与帐户之间没有共同的加密类型/);
  });

  it('without the aliases of the send log, an address and a name do not meet', () => {
    const { observations } = gather(FILES.slice(0, 2));
    assert.deepEqual(correlate(observations), []);
    assert.equal(correlate(observations, { aliases: gather(FILES.slice(0, 1)).aliases }).length, 1);
  });

  it('evidence hours apart is two failures, not one', () => {
    const { observations, aliases } = gather(FILES);
    const late = observations.map((o) =>
      o.source === 'event-1035' && o.time ? { ...o, time: o.time + 3_600_000 } : o,
    );
    const found = correlate(late, { aliases });
    assert.ok(found.every((f) => !(f.sources.includes('event-1035') && f.sources.includes('send-log'))));
  });

  it('reads only times that say their zone', () => {
    assert.equal(parseUtc('2026-12-04T09:41:07.512Z'), Date.UTC(2026, 11, 4, 9, 41, 7, 512));
    assert.equal(parseUtc('2026-12-04T09:41:07.000000000Z'), Date.UTC(2026, 11, 4, 9, 41, 7));
    assert.equal(parseUtc('12/4/2026 9:41:07 AM'), undefined);
  });
});

describe('evidence: a bounce joins the receiver evidence of the same failure', () => {
  it('the DSN (reporting EX01, remote MTA ex02) and the 1035 of EX02 are one failure', () => {
    const dsn = readFileSync(join(__dirname, '../../../fixtures/localised/dsn-delayed-454.eml'), 'utf8');
    const b = observationsFromText(dsn, 'Delivery delayed.eml');
    assert.deepEqual(
      b.observations.map((o) => [o.source, o.sending?.name, o.receiving?.name]),
      [['bounce', 'EX01.contoso.test', 'ex02.contoso.test']],
    );
    const e = observationsFromText(readFileSync(join(dir, FILES[1]!), 'utf8'), FILES[1]!);
    const sender = e.observations.find((o) => o.sending?.ip === '10.0.0.11')!;
    // The 1035 names the sender by address; the alias comes from anywhere that pairs them (here: given).
    const found = correlate([...b.observations, sender], { aliases: [['10.0.0.11', 'EX01.contoso.test']] });
    assert.equal(found.length, 1);
    assert.deepEqual([...found[0]!.sources].sort(), ['bounce', 'event-1035']);
  });
});

describe('evidence: a Kerberos client event on the sender says the cause', () => {
  it('Security-Kerberos 3 (KRB_AP_ERR_SKEW for SMTPSVC/ex02) on EX01 with the 1035 of EX02: step 1, clocks', () => {
    const krb3 =
      '<Event xmlns="http://schemas.microsoft.com/win/2004/08/events/event"><System><Provider Name="Microsoft-Windows-Security-Kerberos" /><EventID Qualifiers="32768">3</EventID><TimeCreated SystemTime="2026-12-04T09:41:07.420Z" /><Channel>System</Channel><Computer>EX01.contoso.test</Computer></System><RenderingInfo Culture="en-US"><Message>A Kerberos error message was received: on logon session Client Time: Server Time: 9:48:07.0000 12/4/2026 Z Error Code: 0x25 KRB_AP_ERR_SKEW Extended Error: Client Realm: Client Name: Server Realm: CONTOSO.TEST Server Name: SMTPSVC/ex02.contoso.test Target Name: SMTPSVC/ex02.contoso.test@CONTOSO.TEST</Message></RenderingInfo></Event>\n';
    const k = observationsFromText(krb3, 'EX01/system.xml');
    assert.deepEqual(
      k.observations.map((o) => [o.source, o.sending?.name, o.receiving?.name, o.error, o.steps]),
      [['kerberos-event', 'EX01.contoso.test', 'ex02.contoso.test', 'KRB_AP_ERR_SKEW', [1]]],
    );
    const e = observationsFromText(readFileSync(join(dir, FILES[1]!), 'utf8'), FILES[1]!);
    const found = correlate([...k.observations, ...e.observations], { aliases: [['10.0.0.11', 'ex01.contoso.test']] });
    assert.equal(found.length, 1);
    assert.equal(found[0]!.step, 1);
    assert.match(found[0]!.message, /the clocks differ by more than the Kerberos tolerance/);
  });
});
