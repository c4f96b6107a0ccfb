import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { redactArgvValues } from '../../../src/cli/usage-redaction';

/** Runs the CLI's entry point from source (tsx), without any EAD_* setting of the caller. */
function cli(args: string[]): { code: number | null; stderr: string; stdout: string } {
  const env: Record<string, string> = { PATH: process.env.PATH ?? '' };
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], {
    env,
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: r.status, stderr: r.stderr, stdout: r.stdout };
}

const SECRET = 'Hunter2-Secret!';

describe('CLI usage errors', () => {
  it('never echo a value typed on the command line, and still name the option that was wrong', function () {
    this.timeout(120_000);
    const cases: string[][] = [
      ['diagnose', '--dc', 'dc1.contoso.test', '--user', 'a@contoso.test', '--timeout', SECRET],
      ['diagnose', '--dc', 'dc1.contoso.test', '--user', 'a@contoso.test', `--timeout=${SECRET}`],
      ['diagnose', '--dc', 'dc1.contoso.test', '--user', 'a@contoso.test', SECRET],
      ['diagnose', '--dc', 'dc1.contoso.test', '--user', 'a@contoso.test', '--security', SECRET],
      ['diagnose', `--password=${SECRET}`],
      ['setspn', '-L', SECRET],
    ];
    for (const args of cases) {
      const r = cli(args);
      assert.equal(r.code, 2, `${args[args.length - 1] === SECRET ? 'positional' : 'option'}: exit code 2`);
      assert.ok(!r.stderr.includes('Hunter2'), `the value was echoed: ${r.stderr.replaceAll(SECRET, '***')}`);
      assert.match(r.stderr, /<argument \d+>|--password=… is not accepted/, r.stderr.replaceAll(SECRET, '***'));
    }
  });

  it('replace whole values only, in one pass, and keep option names and commands', () => {
    const argv = ['diagnose', '--timeout', '1', '--steps=9', 'EX01'];
    assert.equal(
      redactArgvValues('--timeout must be between 1 and 300, not 1; 10 is fine; --steps=9 and 9; EX01', argv),
      '--timeout must be between <argument 3> and 300, not <argument 3>; 10 is fine; --steps=<argument 4> and <argument 4>; <argument 5>',
    );
    // A value that is a digit of a placeholder is not replaced inside the placeholder.
    assert.equal(redactArgvValues('x 4 y', ['diagnose', 'x', '4']), '<argument 2> <argument 3> y');
    assert.equal(redactArgvValues('Unknown command "diagnose"', ['diagnose']), 'Unknown command "diagnose"');
    assert.equal(redactArgvValues('a.b and a+b', ['a+b']), 'a.b and <argument 1>');
  });
});
