/**
 * The end-to-end form of step 3 against the lab: with a Kerberos ticket cache on this machine
 * (MIT kinit as the lab's bind account, through a krb5.conf of our own), `diagnose` asks the KDC
 * for SMTPSVC/<fqdn> with kvno and reports whether a ticket is issued.
 */
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Finding } from '../../src/shared/findings';
import { useScenario } from './lab-fixture';
import { CLI, buildCli } from './built-cli';

function krb5Conf(realm: string, kdc: string): string {
  return [
    '[libdefaults]',
    `  default_realm = ${realm}`,
    '  dns_lookup_kdc = false',
    '  dns_lookup_realm = false',
    '  rdns = false',
    '[realms]',
    `  ${realm} = {`,
    `    kdc = ${kdc}`,
    '  }',
  ].join('\n');
}

describe('service tickets for the Exchange SPNs (kvno, with a ticket cache)', function () {
  this.timeout(180_000);
  let dir = '';
  let kerberosEnv: Record<string, string> = {};

  before(function () {
    if (spawnSync('kinit', ['-V', '--help'], { encoding: 'utf8' }).error) this.skip();
    buildCli();
    dir = mkdtempSync(join(tmpdir(), 'ead-krb5-'));
  });
  after(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  async function signIn(scenario: string): Promise<Record<string, string>> {
    const env = await useScenario(scenario);
    const realm = env.EAD_REALM ?? '';
    writeFileSync(join(dir, 'krb5.conf'), krb5Conf(realm, env.EAD_DC_HOST ?? ''));
    kerberosEnv = { KRB5_CONFIG: join(dir, 'krb5.conf'), KRB5CCNAME: `FILE:${join(dir, 'ccache')}` };
    const principal = `${(env.EAD_BIND_USER ?? '').split('@')[0]}@${realm}`;
    const k = spawnSync('kinit', [principal], {
      input: `${env.EAD_BIND_PASSWORD ?? ''}\n`,
      env: { ...process.env, ...kerberosEnv },
      encoding: 'utf8',
    });
    assert.equal(k.status, 0, `kinit ${principal}: ${k.stderr}`);
    return env;
  }

  function ticketFindings(env: Record<string, string>): Finding[] {
    const r = spawnSync(process.execPath, [CLI, 'diagnose', '--steps', '3', '--json'], {
      env: { ...process.env, ...env, ...kerberosEnv, NO_COLOR: '1' },
      encoding: 'utf8',
      timeout: 170_000,
      maxBuffer: 1 << 28,
    });
    const doc = JSON.parse(r.stdout) as { findings: Finding[] };
    return doc.findings.filter((f) => f.code.startsWith('spn.ticket'));
  }

  it('healthy: the KDC issues a ticket for SMTPSVC/<fqdn> of every server', async () => {
    const fs = ticketFindings(await signIn('healthy'));
    assert.deepEqual(fs.map((f) => `${f.subject.name} ${f.code}`).sort(), [
      'EX01 spn.ticket-issued',
      'EX02 spn.ticket-issued',
    ]);
  });

  it('missing-spn: no ticket for EX02, an error on step 3 naming the Kerberos error', async () => {
    const fs = ticketFindings(await signIn('missing-spn'));
    const ex02 = fs.find((f) => f.subject.name === 'EX02');
    assert.equal(ex02?.code, 'spn.ticket-failed', JSON.stringify(fs.map((f) => f.title)));
    assert.equal(ex02.severity, 'error');
    assert.equal(ex02.step, 3);
    assert.match(ex02.title, /S_PRINCIPAL_UNKNOWN|0x7/);
    assert.equal(fs.find((f) => f.subject.name === 'EX01')?.code, 'spn.ticket-issued');
  });
});
