import { strict as assert } from 'node:assert';
import type {
  DirectoryEntry,
  DirectorySearch,
  DirectorySession,
  DirectoryTarget,
  OpOptions,
} from '../../../src/core/io';
import { isDoctorError } from '../../../src/core/errors';
import {
  WindowsDirectoryConnector,
  windowsRequest,
  type WindowsProcessStarter,
} from '../../../src/io/windows-directory';
import { LineChannel } from '../../../src/io/line-channel';
import { parseWindowsOutput } from '../../../src/io/windows-directory-output';
import { WINDOWS_DIRECTORY_SCRIPT, powershellArgs } from '../../../src/io/windows-directory-script';

// Outputs in the format the script defines (its header); the script itself has not run on Windows here.
const SERVERS_OUTPUT = JSON.stringify({
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

/**
 * A stand-in for powershell.exe that speaks the script's protocol (one JSON request per line in,
 * one JSON answer per line out): the RootDSE for a base read, the request echoed back otherwise,
 * no answer for (hang=1), an exit for (exit=1). Its pid is in the identity, to show one process.
 */
const STAND_IN = `
const rl = require('node:readline').createInterface({ input: process.stdin });
rl.on('line', (line) => {
  const req = JSON.parse(line);
  if (req.filter.includes('(hang=1)')) return;
  if (req.filter.includes('(exit=1)')) process.exit(3);
  const identity = 'CONTOSO\\\\alice#' + process.pid;
  const entries = req.base === ''
    ? [{ dn: '', attributes: { dnsHostName: ['dc1.contoso.test'] } }]
    : [{ dn: 'CN=echo', attributes: { base: [req.base], filter: [req.filter], ldaps: [String(req.ldaps)] } }];
  process.stdout.write(JSON.stringify({ ok: true, identity, entries }) + '\\n');
});
`;

function standIn(): { starter: WindowsProcessStarter; argv: (readonly string[])[] } {
  const argv: (readonly string[])[] = [];
  return {
    argv,
    starter: {
      resolve: () => Promise.resolve(process.execPath),
      start: (_executable, args, what) => {
        argv.push(args);
        return LineChannel.start(process.execPath, ['-e', STAND_IN], what);
      },
    },
  };
}

const plain: DirectoryTarget = { host: 'dc1.contoso.test', port: 389, security: 'ldap' };
const search = (filter: string, base = 'CN=Configuration,DC=contoso,DC=test'): DirectorySearch => ({
  base,
  scope: 'sub',
  filter,
  attributes: ['cn'],
});

async function all(session: DirectorySession, request: DirectorySearch, options: OpOptions): Promise<DirectoryEntry[]> {
  const out: DirectoryEntry[] = [];
  for await (const e of session.search(request, options)) out.push(e);
  return out;
}

async function failureOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    return isDoctorError(e) ? `${e.kind}: ${e.message}` : String(e);
  }
  return 'no error';
}

describe('Windows directory adapter (output format of its script; not run on Windows here)', () => {
  it('reads entries and the logon name; a single value written as a string is accepted', () => {
    const out = parseWindowsOutput(SERVERS_OUTPUT, ctx);
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

  it('keeps one process per session, passes requests on standard input only, and non-ASCII text intact', async () => {
    const { starter, argv } = standIn();
    const session = await new WindowsDirectoryConnector(starter).connect(
      plain,
      { kind: 'kerberos' },
      { timeoutMs: 5000 },
    );
    try {
      const identity = session.binding?.identity ?? '';
      assert.match(identity, /^CONTOSO\\alice#\d+$/);
      assert.equal(session.binding?.mechanism, 'negotiate');
      const filter = "(&(objectClass=msExchExchangeServer)(cn=O'Brien$(calc)))";
      const [first] = await all(session, search(filter, 'OU=Zürich,DC=contoso,DC=test'), { timeoutMs: 5000 });
      assert.deepEqual(first?.attributes, {
        base: ['OU=Zürich,DC=contoso,DC=test'],
        filter: [filter],
        ldaps: ['false'],
      });
      await all(session, search('(cn=second)'), { timeoutMs: 5000 });
      assert.equal(argv.length, 1, 'one process for the bind and both searches');
      assert.deepEqual(argv[0], powershellArgs());
      assert.ok(!argv[0]?.join(' ').includes('calc'));
      assert.equal(Buffer.from(powershellArgs()[5] ?? '', 'base64').toString('utf16le'), WINDOWS_DIRECTORY_SCRIPT);
      assert.deepEqual(powershellArgs().slice(0, 2), ['-NoProfile', '-NonInteractive']);
    } finally {
      await session.close();
    }
  });

  it('a search that gets no answer times out, kills the process, and the session is closed after it', async () => {
    const session = await new WindowsDirectoryConnector(standIn().starter).connect(
      plain,
      { kind: 'kerberos' },
      { timeoutMs: 5000 },
    );
    assert.match(
      await failureOf(all(session, search('(hang=1)'), { timeoutMs: 300 })),
      /^timeout: .*did not answer within 0\.3 s/,
    );
    assert.match(await failureOf(all(session, search('(cn=x)'), { timeoutMs: 5000 })), /^unavailable: .*closed/);
  });

  it('cancellation ends a search at once; a process that dies says so', async () => {
    const connector = new WindowsDirectoryConnector(standIn().starter);
    const a = await connector.connect(plain, { kind: 'kerberos' }, { timeoutMs: 5000 });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    assert.match(
      await failureOf(all(a, search('(hang=1)'), { timeoutMs: 30_000, signal: controller.signal })),
      /^aborted:/,
    );
    const b = await connector.connect(plain, { kind: 'kerberos' }, { timeoutMs: 5000 });
    assert.match(await failureOf(all(b, search('(exit=1)'), { timeoutMs: 5000 })), /^unavailable: .*ended \(exit 3\)/);
  });

  it('refuses a password, StartTLS and a host that is not a DNS name, before starting anything', async () => {
    const { starter, argv } = standIn();
    const c = new WindowsDirectoryConnector(starter);
    assert.match(
      await failureOf(c.connect(plain, { user: 'a@contoso.test', password: 'x' }, { timeoutMs: 1000 })),
      /^usage:/,
    );
    assert.match(
      await failureOf(c.connect({ ...plain, security: 'starttls' }, { kind: 'kerberos' }, { timeoutMs: 1000 })),
      /not StartTLS/,
    );
    assert.match(
      await failureOf(c.connect({ ...plain, host: 'dc1/x' }, { kind: 'kerberos' }, { timeoutMs: 1000 })),
      /not a DNS host name/,
    );
    assert.equal(argv.length, 0);
  });

  it('builds the request: sealed LDAP unless LDAPS, pages except for base reads, one ASCII line', () => {
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
    const line = windowsRequest(plain, search('(cn=李)', 'OU=Zürich'), 1000);
    assert.match(line, /^[\x20-\x7e]+$/);
    assert.equal((JSON.parse(line) as { base: string }).base, 'OU=Zürich');
  });
});
