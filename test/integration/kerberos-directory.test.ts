/**
 * The Kerberos directory adapter (`ldapsearch -Y GSSAPI`) against the lab: the same discovery and
 * the same `diagnose` findings as the password adapter over LDAPS, on healthy and all-faults; the
 * clear messages for no ticket, an expired ticket, a missing SASL module and clock skew; and the
 * ldap-signing-required scenario, where a password on plain 389 is refused with "use LDAPS or
 * Kerberos" and Kerberos works. Each test gets its own credential cache (test/lab/kerberos.ts) and
 * removes it; process.env (which ldapsearch inherits) is restored after each block.
 */
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { discoverWithFailover } from '../../src/core/directory/failover';
import type { DiscoveryResult } from '../../src/core/directory/model';
import { isDoctorError } from '../../src/core/errors';
import type { Clock, DirectoryCredentials, DirectoryTarget, ProcessRunner } from '../../src/core/io';
import { AuthDirectoryConnector } from '../../src/io/directory-auth';
import { ExecaProcessRunner } from '../../src/io/process';
import type { Finding } from '../../src/shared/findings';
import { kinitLab } from '../lab/kerberos';
import { SCENARIOS } from '../lab/scenarios';
import { assertScenarioReport, runCli } from './cli-run';
import { startSilentServer } from './silent-server';
import { useScenario, type LabEnv } from './lab-fixture';

const clock: Clock = { now: () => Date.now(), monotonic: () => performance.now() };
const connector = new AuthDirectoryConnector(new ExecaProcessRunner(), 'linux');
const kerberos: DirectoryCredentials = { kind: 'kerberos' };

/** Sets variables of this process (ldapsearch and klist inherit them) and gives a function that restores them. */
function setEnv(values: Record<string, string>): () => void {
  const before = Object.fromEntries(Object.keys(values).map((k) => [k, process.env[k]]));
  Object.assign(process.env, values);
  return () => {
    for (const [k, v] of Object.entries(before)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  };
}

function ldapsTarget(env: LabEnv): DirectoryTarget {
  return {
    host: env.EAD_DC_HOST ?? '',
    port: 636,
    security: 'ldaps',
    caPem: readFileSync(env.EAD_CA_FILE ?? '', 'utf8'),
  };
}
const plainTarget = (env: LabEnv): DirectoryTarget => ({ host: env.EAD_DC_HOST ?? '', port: 389, security: 'ldap' });
const password = (env: LabEnv): DirectoryCredentials => ({
  user: env.EAD_BIND_USER ?? '',
  password: env.EAD_BIND_PASSWORD ?? '',
});

/** What discovery found, without when and through which URL and binding. */
function found(r: DiscoveryResult): unknown {
  return { organisation: r.organisation, servers: r.servers, dcs: r.domainControllers, warnings: r.warnings };
}

async function failure(p: Promise<unknown>): Promise<{ kind: string; message: string }> {
  try {
    await p;
  } catch (e) {
    assert.ok(isDoctorError(e), `a DoctorError, not ${String(e)}`);
    return { kind: e.kind, message: e.message };
  }
  assert.fail('expected the sign-in to fail');
}

const key = (f: Finding): string => `${f.step} ${f.severity} ${f.subject.kind}:${f.subject.name}`;

describe('Kerberos directory adapter (lab)', function () {
  this.timeout(180_000);
  let dir: string;
  let restore: (() => void) | undefined;

  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'ead-krb-test-'));
  });
  afterEach(() => {
    restore?.();
    restore = undefined;
    rmSync(dir, { recursive: true, force: true });
  });

  async function withTicket(lifetime?: string): Promise<Record<string, string>> {
    const k = await kinitLab({ cache: path.join(dir, 'ccache'), ...(lifetime ? { lifetime } : {}) });
    const vars = { KRB5CCNAME: k.ccname, KRB5_CONFIG: k.krb5Config };
    restore = setEnv(vars);
    return vars;
  }

  for (const scenario of ['healthy', 'all-faults']) {
    describe(scenario, () => {
      let env: LabEnv;
      before(async () => {
        env = await useScenario(scenario);
      });

      it('discovery sealed with the ticket on plain 389 finds what the password over LDAPS finds', async () => {
        await withTicket();
        const options = { clock, timeoutMs: 20_000, pageSize: 2 };
        const viaPassword = await discoverWithFailover(connector, [ldapsTarget(env)], password(env), options);
        const viaKerberos = await discoverWithFailover(connector, [plainTarget(env)], kerberos, options);
        assert.deepEqual(found(viaKerberos), found(viaPassword));
        assert.deepEqual(viaKerberos.binding, {
          transport: 'ldap',
          mechanism: 'gssapi',
          identity: 'ead-reader@CONTOSO.TEST',
          ssf: 256,
        });
        assert.equal(viaPassword.binding?.mechanism, 'simple');
        // Kerberos over LDAPS (TLS verified against the lab CA) finds the same too.
        const overTls = await discoverWithFailover(connector, [ldapsTarget(env)], kerberos, options);
        assert.deepEqual(found(overTls), found(viaPassword));
      });

      it('diagnose --auth kerberos reports the findings diagnose with the password over LDAPS reports', async () => {
        const vars = await withTicket();
        const viaPassword = runCli(['diagnose', '--json']);
        const viaKerberos = runCli(['diagnose', '--json', '--auth', 'kerberos', '--security', 'ldap'], {
          ...vars,
          EAD_BIND_PASSWORD: '',
        });
        const scenarioSpec = SCENARIOS[scenario];
        assert.ok(scenarioSpec);
        const a = assertScenarioReport(`${scenario} (password)`, scenarioSpec, viaPassword).map(key).sort();
        const b = assertScenarioReport(`${scenario} (kerberos)`, scenarioSpec, viaKerberos).map(key).sort();
        assert.deepEqual(b, a);
        const meta = (JSON.parse(viaKerberos.stdout) as { meta: { directoryUrl: string } }).meta;
        assert.equal(meta.directoryUrl, `ldap://${env.EAD_DC_HOST}:389`);
      });

      it('setspn -L and -X with --auth kerberos read the same as with the password', async () => {
        const vars = { ...(await withTicket()), EAD_BIND_PASSWORD: '' };
        for (const args of [['-L', 'EX01'], ['-X']]) {
          const viaPassword = runCli(['setspn', ...args]);
          const viaKerberos = runCli(['setspn', ...args, '--auth', 'kerberos', '--security', 'ldap'], vars);
          assert.equal(viaKerberos.code, viaPassword.code, viaKerberos.stderr);
          assert.equal(viaKerberos.stdout, viaPassword.stdout);
        }
      });
    });
  }

  describe('clear messages', () => {
    let env: LabEnv;
    before(async () => {
      env = await useScenario('healthy');
    });

    it('no ticket: "run kinit", from the adapter and from the CLI (exit 2)', async () => {
      restore = setEnv({ KRB5CCNAME: `FILE:${path.join(dir, 'none')}`, KRB5_CONFIG: env.EAD_KRB5_CONFIG ?? '' });
      const f = await failure(connector.connect(plainTarget(env), kerberos, { timeoutMs: 10_000 }));
      assert.equal(f.kind, 'kerberos-no-ticket');
      assert.match(f.message, /No Kerberos ticket on this machine: run kinit your-user@CONTOSO\.TEST/);
      const cli = runCli(['diagnose', '--auth', 'kerberos'], {
        KRB5CCNAME: `FILE:${path.join(dir, 'none')}`,
        EAD_BIND_PASSWORD: '',
      });
      assert.equal(cli.code, 2, cli.stderr);
      assert.match(cli.stderr, /run kinit/);
    });

    it('an expired ticket: "has expired: run kinit" with the principal', async () => {
      await withTicket('2s');
      // Wait for the ticket to expire: klist -s turns false then (a condition, not a timed assertion).
      for (let i = 0; i < 100 && spawnSync('klist', ['-s']).status === 0; i++)
        await new Promise((r) => setTimeout(r, 200));
      assert.notEqual(spawnSync('klist', ['-s']).status, 0, 'the 2-second ticket expired');
      const f = await failure(connector.connect(plainTarget(env), kerberos, { timeoutMs: 10_000 }));
      assert.equal(f.kind, 'kerberos-expired');
      assert.match(f.message, /ead-reader@CONTOSO\.TEST has expired: run kinit ead-reader@CONTOSO\.TEST/);
    });

    it('a missing SASL GSSAPI module: the package to install', async () => {
      await withTicket();
      const restoreTicket = restore;
      const noModules = setEnv({ SASL_PATH: dir }); // a folder without any SASL plug-in
      restore = () => {
        noModules();
        restoreTicket?.();
      };
      const f = await failure(connector.connect(plainTarget(env), kerberos, { timeoutMs: 10_000 }));
      assert.equal(f.kind, 'kerberos-unavailable');
      assert.match(f.message, /SASL GSSAPI module is missing.*apt-get install libsasl2-modules-gssapi-mit/);
    });

    it('clock skew: this machine 10 minutes ahead of the DC (ldapsearch under faketime) gets the clock message', async () => {
      await withTicket();
      const real = new ExecaProcessRunner();
      // Only ldapsearch runs with the shifted clock: the ticket and klist stay real.
      const skewed: ProcessRunner = {
        has: (file) => real.has(file),
        run: (file, args, options) =>
          file === 'ldapsearch'
            ? real.run('faketime', ['-f', '+10m', file, ...args], options)
            : real.run(file, args, options),
      };
      const f = await failure(
        new AuthDirectoryConnector(skewed, 'linux').connect(plainTarget(env), kerberos, { timeoutMs: 10_000 }),
      );
      assert.equal(f.kind, 'clock-skew');
      assert.match(f.message, /clock and the domain's differ by more than the tolerance/);
    });

    it('a DC that accepts TCP and never answers: a timeout within the deadline; cancellation stops ldapsearch', async () => {
      await withTicket();
      const silent = await startSilentServer();
      try {
        // The DC's name (so the ticket for ldap/<name> is issued) on the silent server's port.
        const target: DirectoryTarget = { host: env.EAD_DC_HOST ?? '', port: silent.port, security: 'ldap' };
        const timedOut = await failure(connector.connect(target, kerberos, { timeoutMs: 1500 }));
        assert.equal(timedOut.kind, 'timeout');
        assert.match(timedOut.message, /did not answer within 1\.5 s/);
        assert.ok(silent.accepted > 0, 'ldapsearch really connected');
        const controller = new AbortController();
        setTimeout(() => controller.abort(), 300);
        const aborted = await failure(
          connector.connect(target, kerberos, { timeoutMs: 60_000, signal: controller.signal }),
        );
        assert.equal(aborted.kind, 'aborted');
        const running = (): boolean =>
          (spawnSync('ps', ['-eo', 'args'], { encoding: 'utf8' }).stdout ?? '').includes(`:${silent.port}`);
        for (let i = 0; i < 50 && running(); i++) await new Promise((r) => setTimeout(r, 100));
        assert.ok(!running(), 'no ldapsearch is left talking to the silent server');
      } finally {
        await silent.close();
      }
    });

    it('a password is never sent over plain LDAP, even where the DC would take it', async () => {
      const f = await failure(connector.connect(plainTarget(env), password(env), { timeoutMs: 10_000 }));
      assert.equal(f.kind, 'usage');
      assert.match(f.message, /never sent over it unencrypted/);
    });
  });

  describe('ldap-signing-required', () => {
    let env: LabEnv;
    before(async () => {
      env = await useScenario('ldap-signing-required');
    });

    it('a password on plain 389: "the DC requires signing: use LDAPS or Kerberos"; Kerberos and LDAPS work', async () => {
      const f = await failure(connector.connect(plainTarget(env), password(env), { timeoutMs: 10_000 }));
      assert.equal(f.kind, 'bind-strong-auth-required');
      assert.match(f.message, /requires LDAP signing.*use LDAPS or Kerberos/);
      await withTicket();
      const options = { clock, timeoutMs: 20_000 };
      const viaKerberos = await discoverWithFailover(connector, [plainTarget(env)], kerberos, options);
      const viaPassword = await discoverWithFailover(connector, [ldapsTarget(env)], password(env), options);
      assert.deepEqual(
        viaKerberos.servers.map((s) => s.name),
        ['EX01', 'EX02'],
      );
      assert.deepEqual(found(viaKerberos), found(viaPassword));
    });
  });
});
