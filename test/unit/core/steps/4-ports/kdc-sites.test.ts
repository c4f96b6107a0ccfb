import { strict as assert } from 'node:assert';
import { judgeSites, type SiteKdc } from '../../../../../src/core/steps/4-ports/kdc-sites-findings';

const server = (name: string, site?: string) => ({
  name,
  subject: { kind: 'server' as const, name },
  ...(site ? { site } : {}),
});
const kdc = (dc: string, site: string, udp: SiteKdc['udp'], tcp: SiteKdc['tcp']): SiteKdc => ({
  dc,
  site,
  udp,
  tcp,
  source: `${dc.toLowerCase()}:88`,
});
const AT = '2026-12-04T16:00:00.000Z';

describe('step 4: a KDC in each Exchange server site', () => {
  it('no-kdc-in-site: an error for the server whose site has only a stopped KDC, ok for the other site', () => {
    const fs = judgeSites(
      [server('EX01', 'Default-First-Site-Name'), server('EX02', 'Branch-Site')],
      [kdc('DC1', 'Default-First-Site-Name', 'open', 'open'), kdc('DC2', 'Branch-Site', 'refused', 'refused')],
      AT,
    );
    assert.deepEqual(
      fs.map((f) => `${f.subject.name} ${f.severity} ${f.code}`),
      ['EX01 ok port.kdc-site-ok', 'EX02 error port.kdc-site-unreachable'],
    );
    assert.ok(
      fs[1]?.remedies.some((r) => r.runOn === 'DC2' && r.command === 'Start-Service -Name Kdc' && r.changesState),
    );
  });

  it('UDP open with TCP blocked is a warning; one KDC answering in the site is enough; sites match case-insensitively', () => {
    const udpOnly = judgeSites([server('EX01', 'S')], [kdc('DC1', 'S', 'open', 'no-answer')], AT);
    assert.deepEqual(
      udpOnly.map((f) => f.code),
      ['port.kdc-tcp-blocked'],
    );
    const one = judgeSites(
      [server('EX01', 's')],
      [kdc('DC1', 'S', 'refused', 'refused'), kdc('DC3', 'S', 'open', 'open')],
      AT,
    );
    assert.deepEqual(
      one.map((f) => f.code),
      ['port.kdc-site-ok'],
    );
  });

  it('a site without a DC is a warning; a server without a site, or KDCs not testable here, give nothing', () => {
    assert.deepEqual(
      judgeSites([server('EX01', 'Empty')], [kdc('DC1', 'S', 'open', 'open')], AT).map((f) => f.code),
      ['port.kdc-site-none'],
    );
    assert.deepEqual(judgeSites([server('EX01')], [kdc('DC1', 'S', 'open', 'open')], AT), []);
    assert.deepEqual(judgeSites([server('EX01', 'S')], [kdc('DC1', 'S', 'untested', 'untested')], AT), []);
  });
});
