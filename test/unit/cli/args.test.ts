import { strict as assert } from 'node:assert';
import { LAB_ENV } from './lab-env-fixture';
import { UsageError, parseCli, parseSteps, type CliCommand } from '../../../src/cli/args';

function diagnose(cmd: CliCommand) {
  assert.equal(cmd.command, 'diagnose');
  if (cmd.command !== 'diagnose') throw new Error('unreachable');
  return cmd.options;
}

describe('CLI arguments', () => {
  it('reads every connection option from the lab environment', () => {
    const o = diagnose(parseCli(['diagnose', '--json'], LAB_ENV));
    assert.deepEqual(o.dcs, ['dc1.contoso.test']);
    assert.equal(o.port, 636);
    assert.equal(o.security, 'ldaps');
    assert.equal(o.caFile, '/tmp/lab/ca.pem');
    assert.equal(o.user, 'doctor@contoso.test');
    assert.equal(o.realm, 'CONTOSO.TEST');
    assert.deepEqual(o.servers, ['EX01', 'EX02']);
    assert.deepEqual(o.steps, [1, 2, 3, 4, 5, 6]);
    assert.equal(o.format, 'json');
    assert.equal(o.allSpns, false);
  });

  it('lets options override the environment', () => {
    const o = diagnose(
      parseCli(
        [
          'diagnose',
          '--dc',
          'dc2.contoso.test',
          '--dc',
          'dc3.contoso.test,dc4.contoso.test',
          '--port',
          '3269',
          '--security',
          'starttls',
          '--user',
          'a@b.test',
          '--server',
          'EX02',
          '--steps',
          '1,3,6',
          '--all-spns',
          '--timeout',
          '2500',
          '--markdown',
        ],
        LAB_ENV,
      ),
    );
    assert.deepEqual(o.dcs, ['dc2.contoso.test', 'dc3.contoso.test', 'dc4.contoso.test']);
    assert.equal(o.port, 3269);
    assert.equal(o.security, 'starttls');
    assert.equal(o.user, 'a@b.test');
    assert.deepEqual(o.servers, ['EX02']);
    assert.deepEqual(o.steps, [1, 3, 6]);
    assert.equal(o.allSpns, true);
    assert.equal(o.timeoutMs, 2500);
    assert.equal(o.format, 'markdown');
  });

  it('takes --pair as two words or one', () => {
    assert.deepEqual(diagnose(parseCli(['diagnose', '--pair', 'EX01', 'EX02'], LAB_ENV)).pair, {
      sending: 'EX01',
      receiving: 'EX02',
    });
    assert.deepEqual(diagnose(parseCli(['diagnose', '--pair=EX01,EX02', '--json'], LAB_ENV)).pair, {
      sending: 'EX01',
      receiving: 'EX02',
    });
    // A pair does not inherit EAD_SERVERS.
    assert.deepEqual(diagnose(parseCli(['diagnose', '--pair', 'EX01', 'EX02'], LAB_ENV)).servers, []);
    assert.throws(() => parseCli(['diagnose', '--pair', 'EX01'], LAB_ENV), /two servers/);
    assert.throws(() => parseCli(['diagnose', '--pair', 'EX01', 'EX01'], LAB_ENV), /two different/);
  });

  it('refuses a password on the command line in every spelling, naming the alternatives', () => {
    for (const argv of [
      ['diagnose', '--password', 'x'],
      ['diagnose', '--password=hunter2'],
      ['diagnose', '-p', 'x'],
      ['setspn', '-X', '--pwd', 'x'],
      ['diagnose', '--bind-password=x'],
    ]) {
      assert.throws(
        () => parseCli(argv, LAB_ENV),
        (e: unknown) =>
          e instanceof UsageError &&
          /EAD_BIND_PASSWORD/.test(e.message) &&
          /prompt/.test(e.message) &&
          !e.message.includes('hunter2'),
        argv.join(' '),
      );
    }
  });

  it('gives clear usage errors', () => {
    const cases: [string[], RegExp][] = [
      [['diagnose'], /No domain controller/],
      [['frobnicate'], /Unknown command "frobnicate"/],
      [['diagnose', '--dc', 'dc1;rm -rf /', '--user', 'a@b'], /Domain controller .* is not valid/],
      [['diagnose', '--steps', '7'], /--steps/],
      [['diagnose', '--port', '70000'], /--port must be between 1 and 65535/],
      [['diagnose', '--security', 'plain'], /ldaps, starttls or ldap/],
      [['diagnose', '--json', '--markdown'], /one of --json and --markdown/],
      [['diagnose', '--bogus'], /bogus/],
      [['diagnose', 'extra'], /Unexpected argument "extra"/],
      [['setspn'], /exactly one of -L/],
      [['setspn', '-Q', 'SMTPSVC/ex01;calc'], /-Q takes an SPN/],
    ];
    for (const [argv, re] of cases) {
      const env = argv[0] === 'diagnose' && argv.length === 1 ? {} : LAB_ENV;
      assert.throws(
        () => parseCli(argv, env),
        (e: unknown) => e instanceof UsageError && re.test(e.message),
        argv.join(' '),
      );
    }
  });

  it('names an unknown option in balanced quotes, for the command it was given to, and points at --help', () => {
    const cases: [string[], string][] = [
      [['diagnose', '--bogus'], 'Unknown option "--bogus" for diagnose. See exchange-auth-doctor diagnose --help'],
      [['diagnose', '--bogus=1'], 'Unknown option "--bogus" for diagnose. See exchange-auth-doctor diagnose --help'],
      [['setspn', '-z'], 'Unknown option "-z" for setspn. See exchange-auth-doctor setspn --help'],
      [['diagnose', '--x\u001b[2J'], 'Unknown option "--x?[2J" for diagnose. See exchange-auth-doctor diagnose --help'],
      [['diagnose', '--dc'], 'Option --dc needs a value. See exchange-auth-doctor diagnose --help'],
    ];
    for (const [argv, message] of cases)
      assert.throws(
        () => parseCli(argv, LAB_ENV),
        (e: unknown) => e instanceof UsageError && e.message === message,
        argv.join(' '),
      );
  });

  it('parses setspn -L, -X and -Q', () => {
    const l = parseCli(['setspn', '-L', 'EX01'], LAB_ENV);
    assert.ok(l.command === 'setspn' && l.setspn.mode === 'list' && l.setspn.account === 'EX01');
    const x = parseCli(['setspn', '-X'], LAB_ENV);
    assert.ok(x.command === 'setspn' && x.setspn.mode === 'duplicates');
    const q = parseCli(['setspn', '-Q', 'SMTPSVC/*'], LAB_ENV);
    assert.ok(q.command === 'setspn' && q.setspn.mode === 'query' && q.setspn.spn === 'SMTPSVC/*');
  });

  it('uses colours only on a terminal without NO_COLOR', () => {
    assert.equal(diagnose(parseCli(['diagnose'], LAB_ENV, true)).color, true);
    assert.equal(diagnose(parseCli(['diagnose'], LAB_ENV, false)).color, false);
    assert.equal(diagnose(parseCli(['diagnose'], { ...LAB_ENV, NO_COLOR: '1' }, true)).color, false);
    assert.equal(diagnose(parseCli(['diagnose', '--no-color'], LAB_ENV, true)).color, false);
  });

  it('answers --help and --version', () => {
    assert.deepEqual(parseCli([], {}), { command: 'help' });
    assert.deepEqual(parseCli(['diagnose', '--help'], {}), { command: 'help', topic: 'diagnose' });
    assert.deepEqual(parseCli(['--version'], {}), { command: 'version' });
  });

  it('parses step lists and ranges', () => {
    assert.deepEqual(parseSteps('6,1,3'), [1, 3, 6]);
    assert.deepEqual(parseSteps('1-3,5'), [1, 2, 3, 5]);
    assert.throws(() => parseSteps(''), UsageError);
    assert.throws(() => parseSteps('0'), UsageError);
  });
});
