/**
 * `lab start` on a lab already in the scenario keeps what was changed in its directory by hand, and
 * says so; `lab reset` puts the scenario back from its pristine copy. A real change in Samba (an
 * SPN deleted with samba-tool), seen by the built CLI before and after.
 */
import { strict as assert } from 'node:assert';
import type { Finding } from '../../src/shared/findings';
import { resetLab, startLab } from '../lab/api';
import { paths, DC1 } from '../lab/layout';
import { run } from '../lab/tools';
import { useScenario } from './lab-fixture';
import { buildCli } from './built-cli';
import { runCli } from './cli-run';

const spnErrors = (): Finding[] => {
  const r = runCli(['diagnose', '--json', '--steps', '3']);
  return (JSON.parse(r.stdout) as { findings: Finding[] }).findings.filter((f) => f.severity === 'error');
};

describe('lab reset undoes changes made by hand', function () {
  this.timeout(300_000);

  before(async function () {
    buildCli();
    await useScenario('healthy');
  });

  it('start keeps a hand-made change and says the lab was reused; reset removes it', async () => {
    await run('samba-tool', ['spn', 'delete', 'SMTPSVC/ex02.contoso.test', 'EX02$', '-s', paths.smbConf(DC1)]);
    const kept = await startLab({ scenario: 'healthy' });
    assert.equal(kept.changed, 'unchanged');
    assert.deepEqual(
      spnErrors().map((f) => `${f.step} ${f.subject.name}`),
      ['3 EX02'],
      'the SPN deleted by hand is still missing after start',
    );
    const reset = await resetLab();
    assert.equal(reset.changed, 'reset');
    assert.equal(reset.state.scenario, 'healthy');
    assert.deepEqual(spnErrors(), [], 'reset restored the pristine directory');
  });
});
