import { strict as assert } from 'node:assert';
import type { OpOptions, ProcessResult, ProcessRunner } from '../../../src/core/io';
import { isDoctorError } from '../../../src/core/errors';
import { WindowsDirectoryConnector, windowsRequest } from '../../../src/io/windows-directory';
import { parseWindowsOutput } from '../../../src/io/windows-directory-output';
import { WINDOWS_DIRECTORY_SCRIPT, powershellArgs } from '../../../src/io/windows-directory-script';

// Outputs in the format the script defines (its header); the script itself has not run on Windows here.
const ROOTDSE = JSON.stringify({
  ok: true,
  identity: 'CONTOSO\\alice',
  entries: [{ dn: '', attributes: { dnsHostName: ['dc1.contoso.test'] } }],
});
const SERVERS = JSON.stringify({
  ok: true,
  identity: 'CONTOSO\\alice',
  entries: [
    {
      dn: 'CN=EX01,CN=Servers,CN=Exchange Administrative Group (FYDIBOHF23SPDLT),CN=Administrative Groups,CN=Contoso,CN=Microsoft Exchange,CN=Services,CN=Configuration,DC=contoso,DC=test',
      attributes: {
        cn: ['EX01'],
        networkaddress: ['ncacn_ip_tcp:ex01.contoso.test', 'netbios:EX01'],
        objectguid: ['oT+TJ2wZuU6HqiKUoBJcnA=='],
      },
    },
  ],
});
const ctx = { endpoint: 'dc1.contoso.test:389', host: 'dc1.contoso.test', timeoutMs: 5000 };

class FakePowerShell implements ProcessRunner {
  inputs: string[] = [];
  argv: (readonly string[])[] = [];
  constructor(private readonly outputs: string[]) {}
  has(file: string): Promise<boolean> {
    return Promise.resolve(file === 'powershell');
  }
  run(_file: string, args: readonly string[], options: OpOptions & { input?: string }): Promise<ProcessResult> {
    this.argv.push(args);
    this.inputs.push(options.input ?? '');
    return Promise.resolve({ stdout: this.outputs.shift() ?? '', stderr: '', exitCode: 0 });
  }
}

describe('Windows directory adapter (output format of its script; not run on Windows here)', () => {
  it('reads entries and the logon name; a single value written as a string is accepted', () => {
    const out = parseWindowsOutput(SERVERS, ctx);
    assert.equal(out.identity, 'CONTOSO\\alice');
    assert.deepEqual(out.entries[0]?.attributes.networkaddress, ['ncacn_ip_tcp:ex01.contoso.test', 'netbios:EX01']);
    const one = parseWindowsOutput(
      '\uFEFF{"ok":true,"identity":"C\\\\a","entries":{"dn":"CN=A","attributes":{"cn":"A"}}}',
      ctx,
    );
    assert.deepEqual(one.entries, [{ dn: 'CN=A', attributes: { cn: ['A'] } }]);
  });

  it('maps ADSI HRESULTs to failure kinds, negative or not, and shows unknown ones with their code', () => {
    const kind = (hresult: number): string => {
      try {
        parseWindowsOutput(JSON.stringify({ ok: false, hresult, message: 'x' }), ctx);
      } catch (e) {
        return isDoctorError(e) ? `${e.kind}: ${e.message}` : String(e);
      }
      return 'no error';
    };
    assert.match(kind(-2147016646), /^unreachable: .*not operational/);
    assert.match(kind(0x80090324 | 0), /^clock-skew:/);
    assert.match(kind(-2147023570), /^bind-invalid-credentials:/);
    assert.match(kind(0x80072029 | 0), /^timeout:/);
    assert.match(kind(0x12345), /^protocol: dc1\.contoso\.test:389: x \(0x00012345\)/);
  });

  it('refuses output that is not the format: no JSON, a malformed entry, values that are not strings', () => {
    assert.throws(
      () => parseWindowsOutput('Exception calling "FindAll"\u001b[31m', ctx),
      /printed no JSON: Exception.*\\x1B/,
    );
    assert.throws(() => parseWindowsOutput('{"ok":true,"entries":[{"dn":1}]}', ctx), /malformed entry \(#1\)/);
    assert.throws(
      () => parseWindowsOutput('{"ok":true,"entries":[{"dn":"x","attributes":{"a":[1]}}]}', ctx),
      /not a list of strings/,
    );
  });

  it('passes the request on standard input only: the command line is the fixed encoded script', async () => {
    const runner = new FakePowerShell([ROOTDSE, SERVERS]);
    const session = await new WindowsDirectoryConnector(runner).connect(
      { host: 'dc1.contoso.test', port: 389, security: 'ldap' },
      { kind: 'kerberos' },
      { timeoutMs: 5000 },
    );
    assert.deepEqual(session.binding, { transport: 'ldap', mechanism: 'negotiate', identity: 'CONTOSO\\alice' });
    const filter = "(&(objectClass=msExchExchangeServer)(cn=O'Brien$(calc)))";
    const got = [];
    for await (const e of session.search(
      { base: 'CN=Configuration,DC=contoso,DC=test', scope: 'sub', filter, attributes: ['cn'] },
      { timeoutMs: 5000 },
    ))
      got.push(e.dn);
    assert.equal(got.length, 1);
    assert.deepEqual(runner.argv[1], powershellArgs());
    assert.ok(!runner.argv[1]?.join(' ').includes('calc'));
    assert.equal((JSON.parse(runner.inputs[1] ?? '{}') as { filter?: string }).filter, filter);
    assert.equal(Buffer.from(powershellArgs()[5] ?? '', 'base64').toString('utf16le'), WINDOWS_DIRECTORY_SCRIPT);
    assert.deepEqual(powershellArgs().slice(0, 2), ['-NoProfile', '-NonInteractive']);
  });

  it('builds the request: sealed LDAP unless LDAPS, pages except for base reads', () => {
    const r = JSON.parse(
      windowsRequest(
        { host: 'dc1.contoso.test', port: 636, security: 'ldaps' },
        { base: '', scope: 'base', filter: '(objectClass=*)', attributes: [] },
        2500,
      ),
    ) as Record<string, unknown>;
    assert.equal(r.ldaps, true);
    assert.equal(r.pageSize, 0);
    assert.equal(r.timeoutSeconds, 3);
  });
});
