import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readEventRecords } from '../../../../src/core/evidence/event-records';
import {
  readInboundAuthFailure,
  readOutboundAuthFailure,
  type InboundAuthFailure,
} from '../../../../src/core/evidence/transport-auth-events';

const events = (name: string): string =>
  readFileSync(join(__dirname, '../../../fixtures/localised/events', name), 'utf8');

function only1035(text: string): InboundAuthFailure[] {
  return readEventRecords(text)
    .map(readInboundAuthFailure)
    .filter((x): x is InboundAuthFailure => !!x);
}

describe('evidence: event 1035 in every display language and shape', () => {
  const expected: Record<string, { error: string; connector: string }> = {
    en: { error: 'IllegalMessage', connector: 'Default EX02' },
    es: { error: 'LogonDenied', connector: 'Interno EX02' },
    nl: { error: 'UnexpectedExchangeAuthBlob', connector: 'Default Frontend EX02' },
    he: { error: 'KdcUnknownEncryptionType', connector: 'Default EX02' },
    'zh-cn': { error: 'LogonDenied', connector: '组织内接收' },
    de: { error: 'IllegalMessage', connector: 'Intern EX02' },
    fr: { error: 'IllegalMessage', connector: 'Default EX02' },
    ja: { error: 'IllegalMessage', connector: '社内受信' },
  };
  for (const [lang, want] of Object.entries(expected)) {
    it(`"Copy details as text" in ${lang}: sending address, connector, receiving server, error`, () => {
      const found = only1035(events(`1035-details-${lang}.txt`));
      assert.equal(found.length, 1);
      const e = found[0]!;
      assert.equal(e.sourceIp, '10.0.0.11');
      assert.equal(e.connector, want.connector);
      assert.equal(e.receivingServer, 'EX02');
      assert.equal(e.error, want.error);
      assert.equal(e.mechanism, 'ExchangeAuth');
    });
  }

  it('without the XML part, the description alone gives the same fields (de, ja)', () => {
    for (const lang of ['de', 'ja']) {
      const text = events(`1035-details-${lang}.txt`).split(/\r?\n(?=Ereignis-XML:|イベント XML:)/)[0]!;
      const [e] = only1035(text);
      assert.equal(readEventRecords(text)[0]?.data.length, 0, lang);
      assert.equal(e?.connector, expected[lang]!.connector, lang);
      assert.equal(e?.sourceIp, '10.0.0.11', lang);
      assert.equal(e?.error, 'IllegalMessage', lang);
    }
  });

  it('the XML part of "Copy details as text" gives the time and the insertion strings', () => {
    const [r] = readEventRecords(events('1035-details-de.txt'));
    assert.equal(r?.form, 'details-text');
    assert.equal(r?.time, '2026-12-04T09:41:07.000000000Z');
    assert.deepEqual(r?.data, ['IllegalMessage', 'Intern EX02', 'ExchangeAuth', '10.0.0.11']);
    assert.match(r.message, /Empfangsconnector Intern EX02/);
  });

  it('wevtutil qe /f:xml: one record per <Event>, fields from <EventData><Data>', () => {
    const found = only1035(events('1035-wevtutil.xml'));
    assert.deepEqual(
      found.map((e) => [e.error, e.connector, e.sourceIp, e.receivingServer, e.time]),
      [
        ['IllegalMessage', 'Default EX02', '10.0.0.11', 'EX02', '2026-12-04T09:41:07.512Z'],
        ['KdcUnknownEncryptionType', 'Default Frontend EX02', '10.0.0.12', 'EX02', '2026-12-04T09:46:07.733Z'],
      ],
    );
  });

  it('Event Viewer "Save as XML": entities decoded', () => {
    const [e] = only1035(events('1035-saved-events.xml'));
    assert.equal(e?.connector, 'Relay & Intern EX02');
    assert.equal(e?.error, 'LogonDenied');
  });

  it('Get-WinEvent | Format-List wrapped at 80 columns: the message is joined back', () => {
    const found = only1035(events('1035-format-list-80.txt'));
    assert.equal(found.length, 2);
    assert.equal(found[0]!.connector, 'Default EX02');
    assert.equal(found[0]!.sourceIp, '10.0.0.11');
    assert.equal(found[0]!.receivingServer, 'EX02');
    assert.equal(found[0]!.time, '12/4/2026 9:41:07 AM');
  });

  it('Format-List * on a Chinese Windows: MachineName and a Chinese connector name', () => {
    const [e] = only1035(events('1035-format-list-all-zh-cn.txt'));
    assert.equal(e?.connector, '组织内接收 EX02');
    assert.equal(e?.receivingServer, 'EX02');
    assert.equal(e?.error, 'LogonDenied');
  });

  it('the translated KB renderings (es, nl, he): error and mechanism, no address invented', () => {
    for (const lang of ['es', 'nl', 'he']) {
      const text = events(`1035-kb-${lang}.txt`);
      const e = readInboundAuthFailure({ id: 1035, data: [], message: text, line: 0, endLine: 0, form: 'message' });
      assert.equal(e?.error, 'IllegalMessage', lang);
      assert.equal(e?.mechanism, 'ExchangeAuth', lang);
      assert.equal(e?.sourceIp, undefined, lang);
    }
  });

  it('a Kerberos System event is not read as 1035', () => {
    const xml = events('1035-wevtutil.xml')
      .replace(/1035/g, '3')
      .replace(/MSExchangeTransport/g, 'Microsoft-Windows-Security-Kerberos');
    assert.deepEqual(only1035(xml), []);
  });
});

describe('evidence: event 2017 on the sending server', () => {
  it('verbatim zh-cn case: the target SPN names the receiving server, the error token is kept', () => {
    const message = /Message:\s+(.*)/.exec(events('2017-zh-cn-case.txt'))![1]!;
    const e = readOutboundAuthFailure({
      id: 2017,
      provider: 'MSExchangeTransport',
      computer: 'M10-HQ-MLCEN01.cnc.intra',
      data: [],
      message,
      line: 0,
      endLine: 0,
      form: 'message',
    });
    assert.equal(e?.error, 'LogonDenied');
    assert.equal(e?.connector, '组织内 SMTP 发送连接器');
    assert.equal(e?.targetSpn, 'SMTPSVC/M10-SD-MLCH02.sd.cnc.intra');
    assert.equal(e?.targetHost, 'M10-SD-MLCH02.sd.cnc.intra');
    assert.equal(e?.sendingServer, 'M10-HQ-MLCEN01');
  });
});

describe('evidence: Event Viewer labels confirmed on a verbatim Chinese copy', () => {
  it('reads id, provider, computer, time and description of a zh-cn "Copy details as text"', () => {
    const [r, ...rest] = readEventRecords(events('details-zh-cn-4688-verbatim.txt'));
    assert.equal(rest.length, 0);
    assert.equal(r?.id, 4688);
    assert.equal(r?.provider, 'Microsoft-Windows-Security-Auditing');
    assert.equal(r?.computer, 'WIN-SAPNNP06AE5.jackma.com');
    assert.equal(r?.time, '2022/12/26 16:54:49');
    assert.match(r?.message ?? '', /^已创建新进程。/);
    assert.match(r?.message ?? '', /进程命令行:\tnet {2}stop windefend$/);
    assert.equal(readInboundAuthFailure(r), undefined);
  });
});
