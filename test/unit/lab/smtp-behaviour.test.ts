import { strict as assert } from 'node:assert';
import { parseBannerDate } from '../../../src/core/steps/1-clocks/clock-banner';
import {
  TEMP_AUTH_FAILURE,
  banner,
  ehloKeywords,
  exchangeDate,
  respond,
  respondAuthData,
  type ListenerSpec,
  type ServerSpec,
} from '../../../test/lab/smtp-behaviour';

const hub: ListenerSpec = { port: 2525, connector: 'Default EX01', flags: 31, role: 32 };
const server = (o: Partial<ServerSpec> = {}): ServerSpec => ({
  name: 'EX01',
  fqdn: 'ex01.contoso.test',
  address: '127.0.0.11',
  clockOffsetMs: 0,
  zoneMinutes: -420,
  authFails: false,
  listeners: [hub],
  ...o,
});
const fresh = () => ({ tls: false, greeted: false });

describe('lab: fake Exchange receive connector on the wire', () => {
  it('writes the banner date as Exchange does, with the local offset, and the engine reads it back', () => {
    const t = Date.UTC(2016, 7, 5, 23, 24, 41);
    assert.equal(exchangeDate(t, -420), 'Fri, 5 Aug 2016 16:24:41 -0700');
    const line = banner(server({ clockOffsetMs: 7 * 60_000 }), t);
    assert.equal(line, '220 ex01.contoso.test Microsoft ESMTP MAIL Service ready at Fri, 5 Aug 2016 16:31:41 -0700');
    assert.equal(parseBannerDate(line), t + 7 * 60_000);
  });

  it('offers X-ANONYMOUSTLS and X-EXPS only as the AuthMechanism flags allow', () => {
    const with16 = ehloKeywords(hub, false);
    assert.ok(
      with16.includes('X-ANONYMOUSTLS') &&
        with16.includes('STARTTLS') &&
        with16.includes('X-EXPS GSSAPI NTLM') &&
        with16.includes('XEXCH50'),
    );
    const without16 = ehloKeywords({ ...hub, flags: 15 }, false);
    assert.ok(!without16.includes('X-ANONYMOUSTLS'));
    assert.ok(without16.includes('X-EXPS GSSAPI NTLM'), 'Integrated still offers GSSAPI');
    assert.ok(ehloKeywords(hub, true).includes('X-EXPS EXCHANGEAUTH GSSAPI NTLM'), 'EXCHANGEAUTH after TLS');
    assert.ok(!ehloKeywords({ ...hub, role: 16384 }, false).includes('XEXCH50'), 'hub-only verbs');
  });

  it('answers X-EXPS with 454 4.7.0 when the scenario breaks Kerberos, and QUIT with 221', () => {
    const broken = server({ authFails: true });
    assert.equal(respond(broken, hub, fresh(), 'X-EXPS GSSAPI', '127.0.0.1').reply, TEMP_AUTH_FAILURE);
    assert.equal(respond(server(), hub, fresh(), 'X-EXPS GSSAPI', '127.0.0.1').reply, '334 ');
    assert.equal(
      respondAuthData(server(), Buffer.from([0x60, 0x82, 0x01]).toString('base64')),
      '235 2.7.0 Authentication successful',
    );
    assert.equal(respondAuthData(server(), 'QUIT'), '535 5.7.3 Authentication unsuccessful');
    assert.equal(
      respond(server(), { ...hub, flags: 15 }, fresh(), 'X-ANONYMOUSTLS', 'x').reply,
      '500 5.3.3 Unrecognized command',
    );
    const quit = respond(server(), hub, fresh(), 'QUIT', 'x');
    assert.deepEqual([quit.reply, quit.close], ['221 2.0.0 Service closing transmission channel', true]);
  });

  it('ends the EHLO reply with a space-separated last line', () => {
    const lines = respond(server(), hub, fresh(), 'EHLO probe', '127.0.0.1').reply.split('\r\n');
    assert.equal(lines[0], '250-ex01.contoso.test Hello [127.0.0.1]');
    assert.match(lines.at(-1) ?? '', /^250 XSHADOWREQUEST$/);
    assert.ok(lines.slice(0, -1).every((l) => l.startsWith('250-')));
  });
});
