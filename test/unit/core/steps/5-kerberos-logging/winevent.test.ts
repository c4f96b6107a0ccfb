import { strict as assert } from 'node:assert';
import {
  KERBEROS_ERRORS,
  lookupKerberosError,
  stepsForEvent,
  stepsForKerberosError,
} from '../../../../../src/core/kerberos-codes';
import { parseWinEvents } from '../../../../../src/core/steps/5-kerberos-logging/winevent';
import { fixture, valueOf } from '../../parsers/fixture';

describe('parseWinEvents', () => {
  it('reads an array of System events and maps each to its step', () => {
    const events = valueOf(parseWinEvents(fixture('winevent-system-kerberos.json')));
    assert.equal(events.length, 5);
    const [skew, modified, dup, key, other] = events;
    assert.deepEqual(skew?.detail, {
      kind: 'kerberos-error',
      errorCode: 0x25,
      errorName: 'KRB_AP_ERR_SKEW',
      serverName: 'krbtgt/CONTOSO.TEST',
      targetName: 'krbtgt/CONTOSO.TEST@CONTOSO.TEST',
      serverTime: '13:47:48.0000 11/22/2026 Z',
    });
    assert.deepEqual(
      skew?.steps.map((s) => s.step),
      [1],
    );
    assert.equal(skew?.timeCreated, '2026-11-23T13:47:48.000Z');
    assert.deepEqual(modified?.detail, {
      kind: 'ap-err-modified',
      server: 'ex02$',
      targetName: 'SMTPSVC/ex02.contoso.test',
    });
    assert.equal(modified?.steps[0]?.step, 3);
    assert.deepEqual(dup?.detail, {
      kind: 'kdc-duplicate-name',
      duplicateName: 'SMTPSVC/ex01.contoso.test',
      nameType: 'DS_SERVICE_PRINCIPAL_NAME',
    });
    assert.equal(dup?.steps[0]?.aspect, 'duplicate-spn');
    assert.deepEqual(key?.detail, {
      kind: 'kdc-no-suitable-key',
      targetService: 'krbtgt',
      account: 'EX02$',
      requestedEtypes: [18, 17, 23, 24, -135, 3],
      availableEtypes: [23, -133, -128, 3, 1],
    });
    assert.equal(key?.steps[0]?.aspect, 'keys');
    assert.deepEqual(other?.detail, { kind: 'other' });
    assert.deepEqual(other?.steps, []);
  });

  it('reads a single object (one event) from the Application log: 1035', () => {
    const [e] = valueOf(parseWinEvents(fixture('winevent-application-1035-single.json')));
    assert.deepEqual(e?.detail, {
      kind: 'exchange-inbound-auth-failed',
      error: 'IllegalMessage',
      connector: 'Default EX02',
      mechanism: 'ExchangeAuth',
      sourceIp: '192.168.10.21',
    });
    assert.equal(e?.steps[0]?.aspect, 'symptom');
  });

  it('reads a localised event 3 through its Properties, and an ISO TimeCreated', () => {
    const [e] = valueOf(parseWinEvents(fixture('winevent-kerberos3-de-properties.json')));
    assert.equal(e?.detail.kind, 'kerberos-error');
    if (e?.detail.kind === 'kerberos-error') {
      assert.equal(e.detail.errorCode, 37);
      assert.equal(e.detail.targetName, 'krbtgt/CONTOSO.TEST@CONTOSO.TEST');
    }
    assert.equal(e?.timeCreated, '2026-11-22T13:47:48.123Z');
  });

  it('reads "No events were found" as an empty list, and refuses non-JSON', () => {
    assert.deepEqual(valueOf(parseWinEvents(fixture('winevent-none.txt'))), []);
    assert.equal(parseWinEvents('Access is denied').recognised, false);
    assert.equal(parseWinEvents('{"Id": 3').recognised, false);
  });
});

describe('kerberos-codes', () => {
  it('knows the codes by number, hex and name, and maps them to KB 979174 steps', () => {
    assert.equal(lookupKerberosError(0x25)?.name, 'KRB_AP_ERR_SKEW');
    assert.equal(lookupKerberosError('0x7')?.name, 'KDC_ERR_S_PRINCIPAL_UNKNOWN');
    assert.equal(lookupKerberosError('KRB_AP_ERR_MODIFIED')?.code, 0x29);
    assert.equal(lookupKerberosError('37')?.hex, '0x25');
    assert.deepEqual(
      stepsForKerberosError(0x25).map((s) => s.step),
      [1],
    );
    assert.deepEqual(
      stepsForKerberosError(0x7).map((s) => s.aspect),
      ['missing-spn', 'replication'],
    );
    assert.equal(stepsForKerberosError(0x8)[0]?.aspect, 'duplicate-spn');
    assert.equal(stepsForKerberosError(0x34)[0]?.step, 4);
    assert.deepEqual(stepsForKerberosError(0x19), []);
    assert.equal(lookupKerberosError(0x19)?.benign, true);
  });

  it('maps events: Kerberos 4 and KDC 11 to step 3, KDC 14 to keys, 1035 to step 5', () => {
    assert.equal(stepsForEvent({ provider: 'Microsoft-Windows-Security-Kerberos', id: 4 })[0]?.step, 3);
    assert.equal(stepsForEvent({ provider: 'KDC', id: 11 })[0]?.aspect, 'duplicate-spn');
    assert.equal(
      stepsForEvent({ provider: 'Microsoft-Windows-Kerberos-Key-Distribution-Center', id: 14 })[0]?.aspect,
      'keys',
    );
    assert.equal(stepsForEvent({ provider: 'Kerberos', id: 3, errorCode: 0x25 })[0]?.step, 1);
    assert.equal(stepsForEvent({ provider: 'MSExchangeTransport', id: 1035 })[0]?.step, 5);
    assert.deepEqual(stepsForEvent({ provider: 'Service Control Manager', id: 7036 }), []);
  });

  it('has unique names and a meaning for every code', () => {
    const names = [...KERBEROS_ERRORS.values()].map((e) => e.name);
    assert.equal(new Set(names).size, names.length);
    for (const e of KERBEROS_ERRORS.values()) assert.ok(e.meaning.length > 10, e.name);
  });
});
