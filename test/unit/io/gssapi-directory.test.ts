import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { OpOptions, ProcessResult, ProcessRunner } from '../../../src/core/io';
import { isDoctorError } from '../../../src/core/errors';
import { GssapiDirectoryConnector } from '../../../src/io/gssapi-directory';
import { mapLdapsearchFailure } from '../../../src/io/gssapi-errors';

const captured = (name: string): string => readFileSync(join(__dirname, '../../fixtures/ldapsearch', name), 'utf8');

const ROOTDSE_OK: ProcessResult = {
  stdout: 'dn:\ndnsHostName: dc1.contoso.test\n\n',
  stderr: captured('paged-computers.stderr.txt'),
  exitCode: 0,
};

interface Call {
  file: string;
  args: readonly string[];
  env?: Record<string, string>;
}

/** A ProcessRunner that answers from captured outputs and records every call. */
class FakeRunner implements ProcessRunner {
  calls: Call[] = [];
  constructor(
    private readonly answers: Partial<Record<'klist' | 'klist -s' | 'rootdse' | 'search', ProcessResult>>,
    private readonly installed = ['klist', 'ldapsearch'],
  ) {}
  has(file: string): Promise<boolean> {
    return Promise.resolve(this.installed.includes(file));
  }
  run(
    file: string,
    args: readonly string[],
    options: OpOptions & { env?: Record<string, string> },
  ): Promise<ProcessResult> {
    this.calls.push({ file, args, ...(options.env ? { env: options.env } : {}) });
    const key =
      file === 'klist' ? (args[0] === '-s' ? 'klist -s' : 'klist') : args.includes('base') ? 'rootdse' : 'search';
    const answer = this.answers[key];
    if (!answer) throw new Error(`unexpected ${file} ${args.join(' ')}`);
    return Promise.resolve(answer);
  }
}

const validTicket = {
  klist: { stdout: captured('klist-valid.txt'), stderr: '', exitCode: 0 },
  'klist -s': { stdout: '', stderr: '', exitCode: 0 },
};
const target = { host: 'dc1.contoso.test', port: 389, security: 'ldap' as const };
const kerberos = { kind: 'kerberos' as const };
const op = { timeoutMs: 5000 };

async function failure(p: Promise<unknown>): Promise<{ kind: string; message: string }> {
  try {
    await p;
  } catch (e) {
    assert.ok(isDoctorError(e), String(e));
    return { kind: e.kind, message: e.message };
  }
  assert.fail('expected a failure');
}

describe('GssapiDirectoryConnector', () => {
  it('binds with the ticket, reports a sealed session as the principal the DC saw, and parses paged searches', async () => {
    const runner = new FakeRunner({
      ...validTicket,
      rootdse: ROOTDSE_OK,
      search: { stdout: captured('paged-computers.stdout.txt'), stderr: '', exitCode: 0 },
    });
    const session = await new GssapiDirectoryConnector(runner, 'linux').connect(target, kerberos, op);
    assert.equal(session.url, 'ldap://dc1.contoso.test:389');
    assert.deepEqual(session.binding, {
      transport: 'ldap',
      mechanism: 'gssapi',
      identity: 'ead-reader@CONTOSO.TEST',
      ssf: 256,
    });
    const entries = [];
    for await (const e of session.search(
      {
        base: 'DC=contoso,DC=test',
        scope: 'sub',
        filter: '(objectClass=computer)',
        attributes: ['cn', 'objectGUID'],
        binaryAttributes: ['objectGUID'],
      },
      op,
    ))
      entries.push(e);
    assert.equal(entries.length, 3);
    assert.deepEqual(entries[0]?.attributes.objectGUID, ['lPXE1JgQUkKUyFNHc/xeaQ==']);
    assert.deepEqual(entries[0]?.attributes.cn, ['EX02']);
    await session.close();
    await assert.rejects(async () => {
      for await (const e of session.search({ base: '', scope: 'base', filter: '(objectClass=*)', attributes: [] }, op))
        void e;
    }, /closed/);
  });

  it('says "run kinit" when there is no ticket cache, without starting ldapsearch', async () => {
    const runner = new FakeRunner({ klist: { stdout: '', stderr: captured('klist-no-cache.txt'), exitCode: 1 } });
    const f = await failure(new GssapiDirectoryConnector(runner, 'linux').connect(target, kerberos, op));
    assert.equal(f.kind, 'kerberos-no-ticket');
    assert.match(f.message, /run kinit your-user@CONTOSO\.TEST/);
    assert.ok(!runner.calls.some((c) => c.file === 'ldapsearch'));
  });

  it('says the ticket of the cached principal has expired when only expired tickets are left', async () => {
    const runner = new FakeRunner({
      klist: { stdout: captured('klist-expired.txt'), stderr: '', exitCode: 0 },
      'klist -s': { stdout: '', stderr: '', exitCode: 1 },
    });
    const f = await failure(new GssapiDirectoryConnector(runner, 'linux').connect(target, kerberos, op));
    assert.equal(f.kind, 'kerberos-expired');
    assert.match(f.message, /ead-reader@CONTOSO\.TEST has expired: run kinit ead-reader@CONTOSO\.TEST/);
  });

  it('names the packages when ldapsearch is missing, and refuses a password or StartTLS', async () => {
    const none = new GssapiDirectoryConnector(new FakeRunner({}, ['klist']), 'linux');
    const f = await failure(none.connect(target, kerberos, op));
    assert.equal(f.kind, 'kerberos-unavailable');
    assert.match(f.message, /apt-get install ldap-utils libsasl2-modules-gssapi-mit/);
    const c = new GssapiDirectoryConnector(new FakeRunner(validTicket), 'linux');
    assert.equal((await failure(c.connect(target, { user: 'u@contoso.test', password: 'x' }, op))).kind, 'usage');
    assert.match((await failure(c.connect({ ...target, security: 'starttls' }, kerberos, op))).message, /not StartTLS/);
  });

  it('over LDAPS demands a verified certificate and trusts the given CA through a bundle file it removes on close', async () => {
    const runner = new FakeRunner({ ...validTicket, rootdse: ROOTDSE_OK });
    const ca = '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n';
    const session = await new GssapiDirectoryConnector(runner, 'linux').connect(
      { host: 'dc1.contoso.test', port: 636, security: 'ldaps', caPem: ca },
      kerberos,
      op,
    );
    const env = runner.calls.find((c) => c.file === 'ldapsearch')?.env ?? {};
    assert.equal(env.LDAPTLS_REQCERT, 'demand');
    const bundle = env.LDAPTLS_CACERT ?? '';
    assert.ok(readFileSync(bundle, 'utf8').includes('MIIB'));
    await session.close();
    assert.throws(() => readFileSync(bundle), /ENOENT/);
  });
});

describe('mapLdapsearchFailure on captured ldapsearch errors', () => {
  const ctx = {
    endpoint: 'dc1.contoso.test:389',
    host: 'dc1.contoso.test',
    realm: 'CONTOSO.TEST',
    timeoutMs: 5000,
    platform: 'linux' as const,
  };
  const cases: [string, number, string, RegExp][] = [
    ['no-ticket.stderr.txt', 254, 'kerberos-no-ticket', /run kinit/],
    ['expired-ticket.stderr.txt', 254, 'kerberos-expired', /has expired: run kinit/],
    [
      'no-sasl-module.stderr.txt',
      250,
      'kerberos-unavailable',
      /SASL GSSAPI module is missing.*libsasl2-modules-gssapi-mit/,
    ],
    ['clock-skew.stderr.txt', 254, 'clock-skew', /clock/],
    ['unknown-spn.stderr.txt', 254, 'bind-other', /ldap\/dc1\.contoso\.test/],
    ['no-such-object.stderr.txt', 32, 'not-found', /LDAP 32/],
    ['refused.stderr.txt', 255, 'unreachable', /could not be reached/],
  ];
  for (const [file, code, kind, message] of cases) {
    it(`${file}: ${kind}`, () => {
      const e = mapLdapsearchFailure(code, captured(file), ctx);
      assert.equal(e.kind, kind);
      assert.match(e.message, message);
    });
  }

  it('on macOS points at the system ldapsearch instead of apt-get', () => {
    const e = mapLdapsearchFailure(250, captured('no-sasl-module.stderr.txt'), { ...ctx, platform: 'darwin' });
    assert.match(e.message, /macOS ships it/);
  });

  it('shows control characters from the server as visible escapes', () => {
    const e = mapLdapsearchFailure(1, 'ldap_search: Other (80)\n\tadditional info: bad\u001b[2Jthing\n', ctx);
    assert.ok(!e.message.includes('\u001b'));
    assert.match(e.message, /\\x1B/);
  });
});
