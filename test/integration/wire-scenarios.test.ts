/**
 * The wire as the sending server sees it (issue 13), from the built CLI against the lab: each
 * scenario's exact errors (test/lab/scenarios.ts) and what the findings must say about it: the
 * masks of SMTP inspection side by side with what the directory expects, the TLS versions of
 * both sides, the expired certificate's dates, the connector that captures EX01, and the IPv6
 * link-local senders no connector takes.
 */
import { strict as assert } from 'node:assert';
import type { Finding } from '../../src/shared/findings';
import { SCENARIOS } from '../lab/scenarios';
import { useScenario } from './lab-fixture';
import { buildCli } from './built-cli';
import { assertScenarioReport, runCli } from './cli-run';

async function diagnose(name: string): Promise<Finding[]> {
  const scenario = SCENARIOS[name];
  assert.ok(scenario, name);
  await useScenario(name);
  return assertScenarioReport(name, scenario, runCli(['diagnose', '--json']));
}

const ofCode = (fs: Finding[], code: string): Finding[] => fs.filter((f) => f.code === code);

describe('the wire as the sending server sees it (lab scenarios of issue 13)', function () {
  this.timeout(300_000);

  before(function () {
    buildCli();
  });

  it('smtp-inspection: step 4 names the masked banner and keywords next to what AD expects; TLS is not judged', async () => {
    const fs = await diagnose('smtp-inspection');
    const inspected = ofCode(fs, 'smtp.inspected');
    assert.deepEqual(inspected.map((f) => f.subject.id).sort(), ['ex02.contoso.test:25', 'ex02.contoso.test:2525']);
    const rows = inspected[0]?.tables?.[0]?.rows ?? [];
    assert.ok(
      rows.some(([sign, , arrived]) => sign === 'banner masked' && /^220 \*+$/.test(arrived ?? '')),
      JSON.stringify(rows),
    );
    assert.ok(rows.some(([sign, , arrived]) => sign === 'EHLO keyword masked' && arrived === '250-XXXXXXXA'));
    assert.ok(rows.some(([sign, expected]) => sign === 'EHLO keyword missing' && expected === 'X-ANONYMOUSTLS'));
    assert.equal(ofCode(fs, 'tls.not-judged-inspected').length, 2);
    assert.ok(
      ofCode(fs, 'smtp.path-clean').some((f) => f.subject.name === 'EX01'),
      'EX01 is reached without the proxy',
    );
  });

  it('tls-version-mismatch: the error names what this side offered and what EX02 speaks', async () => {
    const fs = await diagnose('tls-version-mismatch');
    const [f] = ofCode(fs, 'tls.version-mismatch');
    assert.match(f?.title ?? '', /this side offered TLSv1\.2 to TLSv1\.3, EX02 speaks TLSv1\.1/);
    assert.ok(ofCode(fs, 'tls.handshake').some((x) => x.subject.name === 'EX01'));
  });

  it('transport-cert-expired: a warning with the dates; the handshake itself completes', async () => {
    const fs = await diagnose('transport-cert-expired');
    const expired = ofCode(fs, 'tls.certificate-expired');
    assert.equal(expired.length, 2);
    assert.match(expired[0]?.title ?? '', /expired on 2020-12-31/);
    const cert = expired[0]?.evidence.find((e) => e.label === 'certificate')?.value ?? '';
    assert.match(cert, /subject CN=EX02; names DNS:EX02, DNS:ex02\.contoso\.test; .*self-signed/);
  });

  it('relay-captures: the selection table says Relay EX02 takes EX01 on 25 and why; the remedy keeps its groups', async () => {
    const fs = await diagnose('relay-captures');
    const [sel] = ofCode(fs, 'connector.selection-lacks-auth');
    const row = sel?.tables?.[0]?.rows.find((r) => r[0] === 'EX01' && r[2] === '25');
    assert.equal(row?.[3], 'EX02\\Relay EX02');
    assert.match(row?.[4] ?? '', /127\.0\.0\.10-127\.0\.0\.20/);
    assert.equal(row?.[5], 'no', 'Relay EX02 has no Exchange Server authentication');
    assert.equal(row?.[6], 'yes', 'Relay EX02 has TLS');
    assert.match(row?.[7] ?? '', /Default Frontend EX02: a wider range holds it/);
    assert.ok(sel?.remedies.some((r) => r.command.includes('-PermissionGroups "$groups, ExchangeServers"')));
    // An address EX01 also connects from (behind a NAT, say), outside the relay's range: the default connector takes it.
    const run = runCli(['diagnose', '--json', '--steps', '6', '--source-address', 'EX01=127.0.0.30']);
    const doc = JSON.parse(run.stdout) as { findings: Finding[] };
    const rows = doc.findings.find((f) => f.code === 'connector.selection-lacks-auth')?.tables?.[0]?.rows ?? [];
    const added = rows.find((r) => r[1] === '127.0.0.30 (added in the settings)' && r[2] === '25');
    assert.equal(added?.[3], 'EX02\\Default Frontend EX02', JSON.stringify(rows));
  });

  it('ipv6-link-local: the error names the IPv6 ranges Default EX02 keeps and the remedy adds fe80::/10', async () => {
    const fs = await diagnose('ipv6-link-local');
    const [f] = ofCode(fs, 'connector.link-local-uncovered');
    assert.match(f?.evidence[0]?.value ?? '', /Default EX02: fd00:ead::\/64/);
    assert.ok(f?.remedies.some((r) => r.command.endsWith("-RemoteIPRanges @{Add='fe80::/10'}")));
  });

  it('healthy: TLS 1.3 after X-ANONYMOUSTLS with X-EXPS inside TLS on both internal ports of both servers', async () => {
    const fs = await diagnose('healthy');
    assert.deepEqual(
      ofCode(fs, 'tls.handshake')
        .map((f) => f.subject.id)
        .sort(),
      ['ex01.contoso.test:25', 'ex01.contoso.test:2525', 'ex02.contoso.test:25', 'ex02.contoso.test:2525'],
    );
    assert.equal(ofCode(fs, 'smtp.path-clean').length, 4);
  });
});
