import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { redactArgvValues } from '../../../src/cli/usage-redaction';

/** Runs the CLI's entry point from source (tsx), without any EAD_* setting of the caller. */
function cli(
  args: string[],
  extra: Record<string, string> = {},
): { code: number | null; stderr: string; stdout: string } {
  const env: Record<string, string> = { PATH: process.env.PATH ?? '', ...extra };
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

  it('never echo a value set in an EAD_* variable either', function () {
    this.timeout(60_000);
    const r = cli(['diagnose'], {
      EAD_DC_HOST: 'dc1.contoso.test',
      EAD_BIND_USER: 'a@contoso.test',
      EAD_DC_PORT: SECRET,
    });
    assert.equal(r.code, 2);
    assert.ok(!r.stderr.includes('Hunter2'), r.stderr.replaceAll(SECRET, '***'));
    assert.match(r.stderr, /<\$EAD_DC_PORT>/, r.stderr.replaceAll(SECRET, '***'));
  });

  it('replace whole values only, in one pass, and keep option names, commands and short values', () => {
    const argv = ['diagnose', '--timeout', '100', '--steps=9', 'EX01', '--dc=dc1.contoso.test'];
    assert.equal(
      redactArgvValues('--timeout must be between 100 and 300, not 100; 1000 is fine; --steps=9; EX01 EX012', argv),
      '--timeout must be between <argument 3> and 300, not <argument 3>; 1000 is fine; --steps=<argument 4>; <argument 5> EX012',
    );
    assert.equal(
      redactArgvValues('--dc=dc1.contoso.test and dc1.contoso.test', argv),
      '--dc=<argument 6> and <argument 6>',
    );
    // A value that is part of a placeholder is not replaced inside the placeholder.
    assert.equal(redactArgvValues('xyz argument', ['diagnose', 'xyz', 'argument']), '<argument 2> <argument 3>');
    assert.equal(redactArgvValues('Unknown command "diagnose"', ['diagnose']), 'Unknown command "diagnose"');
    assert.equal(redactArgvValues('a.b and a+b', ['a+b']), 'a.b and <argument 1>');
  });

  it('name a value from an EAD_* variable by the variable', () => {
    const env = { EAD_DC_PORT: 'Hunter2-Secret!', EAD_ALL_SPNS: '1', PATH: '/usr/bin' };
    assert.equal(
      redactArgvValues('--port must be a whole number, not "Hunter2-Secret!"; steps 1 to 6; /usr/bin', [], env),
      '--port must be a whole number, not "<$EAD_DC_PORT>"; steps 1 to 6; /usr/bin',
    );
  });
});
