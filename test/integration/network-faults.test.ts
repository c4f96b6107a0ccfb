/**
 * The lab as a network that drops and delays (test/lab/network-faults.ts): the `firewalled`
 * scenario with 10 Exchange servers, diagnosed by the built CLI. Correctness only: each silently
 * dropped port is named, with "no answer", as a warning (step 4) or an unknown (step 6), the only
 * error is the KDC port of DC2, and everything else is complete. No assertion here is about time;
 * bench/fanout.ts measures that. Then `lab stop` must leave no drop rule and no process behind.
 */
import { strict as assert } from 'node:assert';
import type { Finding } from '../../src/shared/findings';
import { SCENARIOS } from '../lab/scenarios';
import { dropsInstalled } from '../lab/network-faults';
import { labProcesses } from '../lab/owner';
import { paths } from '../lab/layout';
import * as path from 'node:path';
import { labApi, useScenario } from './lab-fixture';
import { buildCli } from './built-cli';
import { assertScenarioReport, runCli } from './cli-run';

const SERVERS = 10;
const names = Array.from({ length: SERVERS }, (_, i) => `EX${String(i + 1).padStart(2, '0')}`);

describe('the lab as a network: firewalled with 10 servers', function () {
  this.timeout(300_000);
  let findings: Finding[] = [];

  before(async function () {
    buildCli();
    await useScenario('firewalled', SERVERS);
    const scenario = SCENARIOS.firewalled;
    if (!scenario) throw new Error('no firewalled scenario');
    findings = assertScenarioReport('firewalled', scenario, runCli(['diagnose', '--json']));
  });

  it('names both dropped transport ports of every server in step 4, as "no answer", a warning', () => {
    for (const name of names) {
      // The ports finding (step 4 also has the KDC-in-site finding and the SMTP path finding for each server).
      const f = findings.find(
        (x) =>
          x.step === 4 && x.subject.name === name && x.code.startsWith('port.') && !x.code.startsWith('port.kdc-site'),
      );
      assert.ok(f, `${name} has a step 4 finding`);
      assert.equal(f.severity, 'warning', `${name}: ${f.title}`);
      assert.match(f.title, /TCP 465 \(SMTP\) no answer/);
      assert.match(f.title, /TCP 717 \(SMTP\) no answer/);
      const rows = f.tables?.[0]?.rows ?? [];
      for (const port of ['TCP 25', 'TCP 2525']) assert.equal(rows.find((r) => r[0] === port)?.[3], 'open', port);
    }
  });

  it('reports each dropped port as an unknown EHLO in step 6, and the connectors that answered as checked', () => {
    for (const name of names) {
      const host = `${name.toLowerCase()}.contoso.test`;
      for (const port of [465, 717]) {
        const f = findings.find((x) => x.step === 6 && x.subject.id === `${host}:${port}`);
        assert.ok(f, `${host}:${port} has a step 6 finding`);
        assert.equal(f.severity, 'unknown');
        assert.match(f.reason ?? '', new RegExp(`${host}:${port} did not answer`));
      }
      const agreed = findings.filter(
        (x) => x.step === 6 && x.code === 'connector.wire-agrees' && x.subject.name.startsWith(`${name}\\`),
      );
      assert.equal(agreed.length, 3, `${name}: ports 25, 587 and 2525 were compared with the directory`);
    }
  });

  it('says UDP 88 of DC2 does not answer (the only error), while its TCP 88 does', () => {
    const dc2 = findings.find((x) => x.step === 4 && x.subject.name === 'DC2');
    assert.equal(dc2?.severity, 'error');
    assert.match(dc2?.title ?? '', /UDP 88 \(Kerberos\) no answer/);
    assert.equal(dc2?.tables?.[0]?.rows.find((r) => r[0] === 'TCP 88')?.[3], 'open');
  });

  it('completes every other check: clocks read, SPNs found, replication compared', () => {
    for (const name of names) {
      for (const step of [1, 3] as const) {
        const f = findings.filter((x) => x.step === step && x.subject.name === name);
        assert.ok(f.length > 0, `${name} step ${step}`);
        assert.ok(
          f.every((x) => x.severity === 'ok'),
          `${name} step ${step}: ${f.map((x) => x.title).join('; ')}`,
        );
      }
    }
    assert.ok(findings.some((x) => x.step === 2 && x.subject.name === 'DC2' && x.severity === 'ok'));
  });

  it('lab stop leaves no drop rule and no process of the lab behind', async () => {
    assert.equal(dropsInstalled(), true, 'the scenario installed its rules');
    await labApi().stopLab();
    assert.equal(dropsInstalled(), false, 'the nftables table is gone');
    const ours = labProcesses().filter((p) => path.resolve(p.labDir) === path.resolve(paths.lab));
    assert.deepEqual(ours, [], 'no samba, listener or relay of this lab is running');
  });
});
