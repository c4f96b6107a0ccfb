/**
 * The built CLI's output as a reader and a script see it, on all-faults: text in step order with
 * one header per step and the verdict last; --json-lines one parseable object per line as results
 * arrive, the verdict last and the same findings as --json.
 */
import { strict as assert } from 'node:assert';
import type { Finding } from '../../src/shared/findings';
import { useScenario } from './lab-fixture';
import { buildCli } from './built-cli';
import { runCli } from './cli-run';

describe('exchange-auth-doctor diagnose output on all-faults', function () {
  this.timeout(300_000);

  before(async function () {
    buildCli();
    await useScenario('all-faults');
  });

  it('text: each step once, in order 1 to 6, then the ranked verdict', () => {
    const r = runCli(['diagnose']);
    assert.equal(r.code, 1, r.stderr);
    const headers = [...r.stdout.matchAll(/^Step (\d):/gm)].map((m) => Number(m[1]));
    assert.deepEqual(headers, [1, 2, 3, 4, 5, 6]);
    const verdictAt = r.stdout.indexOf('\nVerdict: ERROR');
    assert.ok(verdictAt > r.stdout.indexOf('\nStep 6:'), 'the verdict comes last');
    assert.match(r.stdout.slice(verdictAt), /\n {2}1\. Step \d: /);
    assert.equal(r.stderr, '', 'nothing on stderr when it is not a terminal');
  });

  it('--json-lines: one JSON object per line, findings as they come, the verdict last, same findings as --json', () => {
    const lines = runCli(['diagnose', '--json-lines']).stdout.trim().split('\n');
    const objects = lines.map((l) => JSON.parse(l) as { type: string; finding?: Finding; verdict?: unknown });
    assert.equal(objects.at(-1)?.type, 'verdict');
    assert.ok(objects.slice(0, -1).every((o) => o.type === 'finding' || o.type === 'step-finished'));
    assert.equal(objects.filter((o) => o.type === 'step-finished').length, 6);
    const streamed = objects.flatMap((o) =>
      o.finding ? [`${o.finding.step} ${o.finding.code} ${o.finding.subject.name}`] : [],
    );
    const json = JSON.parse(runCli(['diagnose', '--json']).stdout) as { findings: Finding[] };
    const whole = json.findings.map((f) => `${f.step} ${f.code} ${f.subject.name}`);
    assert.deepEqual([...streamed].sort(), [...whole].sort());
  });
});
