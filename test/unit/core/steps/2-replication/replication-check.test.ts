import { strict as assert } from 'node:assert';
import type { Finding } from '../../../../../src/shared/findings';
import type { DirectoryEntry } from '../../../../../src/core/io';
import { runDiagnosis } from '../../../../../src/core/engine/orchestrator';
import { replicationCheck } from '../../../../../src/core/steps/2-replication/replication-check';
import { FakeIo, hang } from '../../engine/fake-io';
import { assertWhollyWorded } from '../../l10n/english-left';
import { credentials, discovery, settings, targets } from '../../engine/fixtures';

const CONFIG = 'CN=Configuration,DC=contoso,DC=test';
const SERVERS = `CN=Servers,CN=Exchange Administrative Group (FYDIBOHF23SPDLT),CN=Administrative Groups,CN=Contoso,CN=Microsoft Exchange,CN=Services,${CONFIG}`;

interface Copy {
  spns?: string[];
  whenChanged?: string;
  roles?: string;
  /** msDS-ReplAttributeMetaData versions by attribute (as a Windows DC returns them). */
  meta?: Record<string, number>;
  /** The servicePrincipalName version in replPropertyMetaData (as Samba returns it). */
  spnVersion?: number;
}

/** replPropertyMetaData as Samba returns it (base64 of the NDR blob) with one servicePrincipalName entry. */
function replBlob(spnVersion: number): string {
  const b = Buffer.alloc(16 + 48);
  b.writeUInt32LE(1, 0);
  b.writeUInt32LE(1, 8);
  b.writeUInt32LE(0x00090303, 16);
  b.writeUInt32LE(spnVersion, 20);
  b.writeBigUInt64LE(13_444_000_000n + BigInt(spnVersion), 24);
  return b.toString('base64');
}

/** One msDS-ReplAttributeMetaData value, in the XML form Windows returns over LDAP. */
function metaXml(attribute: string, version: number): string {
  return `<DS_REPL_ATTR_META_DATA>\n\t<pszAttributeName>${attribute}</pszAttributeName>\n\t<dwVersion>${version}</dwVersion>\n\t<ftimeLastOriginatingChange>2026-11-22T1${version}:00:00Z</ftimeLastOriginatingChange>\n\t<uuidLastOriginatingDsaInvocationID>6f8e0a2c-1b7e-4f3a-9c55-0a1b2c3d4e5f</uuidLastOriginatingDsaInvocationID>\n\t<usnOriginatingChange>4100</usnOriginatingChange>\n\t<usnLocalChange>4100</usnLocalChange>\n\t<pszLastOriginatingDsaDN></pszLastOriginatingDsaDN>\n</DS_REPL_ATTR_META_DATA>\n\u0000`;
}

function entries(copies: Record<string, Copy | undefined>): DirectoryEntry[] {
  return Object.entries(copies).flatMap(([name, c]): DirectoryEntry[] =>
    c
      ? [
          {
            dn: `CN=${name},CN=Computers,DC=contoso,DC=test`,
            attributes: {
              sAMAccountName: [`${name}$`],
              dNSHostName: [`${name.toLowerCase()}.contoso.test`],
              servicePrincipalName: c.spns ?? [`SMTPSVC/${name.toLowerCase()}.contoso.test`, `SMTPSVC/${name}`],
              whenChanged: [c.whenChanged ?? '20261122120000.0Z'],
              uSNChanged: ['4100'],
              userAccountControl: ['4096'],
              ...(c.meta
                ? { 'msDS-ReplAttributeMetaData': Object.entries(c.meta).map(([a, v]) => metaXml(a, v)) }
                : {}),
              ...(c.spnVersion ? { replPropertyMetaData: [replBlob(c.spnVersion)] } : {}),
            },
          },
          {
            dn: `CN=${name},${SERVERS}`,
            attributes: {
              cn: [name],
              msExchCurrentServerRoles: [c.roles ?? '16439'],
              networkAddress: [`ncacn_ip_tcp:${name.toLowerCase()}.contoso.test`],
              whenChanged: ['20261122110000.0Z'],
              uSNChanged: ['900'],
              ...(c.meta
                ? { 'msDS-ReplAttributeMetaData': Object.entries(c.meta).map(([a, v]) => metaXml(a, v)) }
                : {}),
            },
          },
        ]
      : [],
  );
}

/** The fake DC returns entries by kind: computers for the domain search, Exchange objects for the configuration one. */
function fakeFor(perDc: Record<string, DirectoryEntry[] | 'silent'>): FakeIo {
  return new FakeIo({
    connectDirectory: (t) => (perDc[t.host] === 'silent' ? hang() : () => Promise.resolve()),
    entries: (t) => {
      const list = perDc[t.host];
      return list === 'silent' || !list ? [] : list;
    },
  });
}

async function run(
  perDc: Record<string, DirectoryEntry[] | 'silent'>,
  probeTimeoutMs = 1000,
  d = discovery(),
  connected: string[] = [],
): Promise<Finding[]> {
  const fake = fakeFor(perDc);
  // The fake session ignores filters; split by search base the way the real DC would.
  const io = fake.io;
  const connect = io.directory.connect.bind(io.directory);
  io.directory.connect = async (target, c, o) => {
    connected.push(target.host);
    const s = await connect(target, c, o);
    return {
      url: s.url,
      close: () => s.close(),
      search: async function* (request, options) {
        for await (const e of s.search(request, options))
          if (
            e.dn.toLowerCase().endsWith(request.base.toLowerCase()) &&
            (request.base.startsWith('CN=Microsoft') ? e.dn.includes('Exchange') : !e.dn.includes('Exchange'))
          )
            yield e;
      },
    };
  };
  const { findings } = await runDiagnosis({
    io,
    discovery: d,
    scope: { kind: 'organisation' },
    settings: settings({ steps: [2], probeTimeoutMs }),
    directory: { targets, credentials },
    checks: [replicationCheck],
  });
  assert.equal(fake.openSessions, 0);
  // Every scenario's findings, worded in Hebrew and Chinese, hold no English words of ours.
  assertWhollyWorded(findings);
  return findings;
}

describe('step 2: replication', () => {
  it('DCs that hold the same copies are ok', async () => {
    const same = entries({ EX01: {}, EX02: {} });
    const fs = await run({
      'dc1.contoso.test': same,
      'dc2.contoso.test': entries({ EX01: { whenChanged: '20261122120010.0Z' }, EX02: {} }),
    });
    assert.deepEqual(fs.map((f) => `${f.subject.name} ${f.code} ${f.severity}`).sort(), [
      'DC1 replication.agree ok',
      'DC2 replication.agree ok',
    ]);
  });

  it('a DC without a newly registered SPN is behind, named, with what it lacks and the repadmin lines', async () => {
    const fs = await run({
      'dc1.contoso.test': entries({
        EX01: {},
        EX02: {
          spns: ['SMTPSVC/ex02.contoso.test', 'SMTPSVC/EX02', 'SMTP/ex02.contoso.test'],
          whenChanged: '20261122130000.0Z',
        },
      }),
      'dc2.contoso.test': entries({
        EX01: {},
        EX02: { spns: ['SMTPSVC/ex02.contoso.test', 'SMTPSVC/EX02'], whenChanged: '20261122120000.0Z' },
      }),
    });
    const dc2 = fs.find((f) => f.subject.name === 'DC2');
    assert.equal(dc2?.severity, 'error');
    assert.equal(dc2?.code, 'replication.behind');
    assert.match(
      dc2?.title ?? '',
      /^DC2 is behind DC1: it lacks SMTP\/ex02\.contoso\.test in servicePrincipalName of EX02\$/,
    );
    assert.equal(fs.find((f) => f.subject.name === 'DC1')?.severity, 'ok');
    const sync = dc2?.remedies.find((r) => r.command.startsWith('repadmin /syncall'));
    assert.equal(sync?.command, 'repadmin /syncall dc1.contoso.test /AdeP');
    assert.equal(sync?.changesState, true);
    assert.ok(dc2?.remedies.some((r) => r.command === 'repadmin /replsummary' && !r.changesState));
    assert.ok(dc2?.tables?.[0]?.rows.some((r) => r[0] === 'EX02$' && r[1] === 'servicePrincipalName'));
  });

  it('a DC that lacks a whole Exchange object is behind', async () => {
    const fs = await run({
      'dc1.contoso.test': entries({ EX01: {}, EX02: {} }),
      'dc2.contoso.test': entries({ EX01: {} }),
    });
    const dc2 = fs.find((f) => f.subject.name === 'DC2');
    assert.equal(dc2?.code, 'replication.missing-object');
    assert.match(dc2?.title ?? '', /has no EX02\$/);
    assert.match(dc2?.title ?? '', /and 1 more difference\)/);
  });

  it('the DC that lacks SPNs is behind even when its whenChanged is the newest (an unrelated local change)', async () => {
    const fs = await run({
      'dc1.contoso.test': entries({
        EX01: {},
        EX02: {
          spns: ['SMTPSVC/ex02.contoso.test', 'SMTPSVC/EX02', 'SMTP/mail.contoso.test', 'SMTPSVC/mail.contoso.test'],
          whenChanged: '20261122120000.0Z',
        },
      }),
      'dc2.contoso.test': entries({
        EX01: {},
        EX02: { spns: ['SMTPSVC/ex02.contoso.test', 'SMTPSVC/EX02'], whenChanged: '20261122130000.0Z' },
      }),
    });
    assert.deepEqual(
      fs.filter((f) => f.severity === 'error').map((f) => `${f.subject.name} ${f.code}`),
      ['DC2 replication.behind'],
    );
    assert.match(
      fs.find((f) => f.subject.name === 'DC2')?.title ?? '',
      /^DC2 is behind DC1: it lacks SMTP\/mail\.contoso\.test, SMTPSVC\/mail\.contoso\.test in servicePrincipalName of EX02\$/,
    );
  });

  it('a single value that differs, without replication metadata: the DCs disagree, a warning on both, no culprit', async () => {
    const fs = await run({
      'dc1.contoso.test': entries({ EX01: { roles: '38', whenChanged: '20261122100000.0Z' }, EX02: {} }),
      'dc2.contoso.test': entries({ EX01: { roles: '16439', whenChanged: '20261122120000.0Z' }, EX02: {} }),
    });
    assert.deepEqual(
      fs.filter((f) => f.severity === 'error'),
      [],
    );
    const both = fs.filter((f) => f.code === 'replication.disagree');
    assert.deepEqual(both.map((f) => `${f.subject.name} ${f.severity}`).sort(), ['DC1 warning', 'DC2 warning']);
    assert.match(
      both.find((f) => f.subject.name === 'DC1')?.title ?? '',
      /^DC1 and DC2 disagree: DC1 differs from DC2 in msExchCurrentServerRoles of EX01 \(Exchange server object\): only here 38; only there 16439/,
    );
  });

  it('with msDS-ReplAttributeMetaData, the higher originating version wins, whatever whenChanged says', async () => {
    const fs = await run({
      'dc1.contoso.test': entries({
        EX01: { roles: '38', whenChanged: '20261122130000.0Z', meta: { msExchCurrentServerRoles: 1 } },
        EX02: {},
      }),
      'dc2.contoso.test': entries({
        EX01: { roles: '16439', whenChanged: '20261122100000.0Z', meta: { msExchCurrentServerRoles: 2 } },
        EX02: {},
      }),
    });
    const errors = fs.filter((f) => f.severity === 'error');
    assert.deepEqual(
      errors.map((f) => f.subject.name),
      ['DC1'],
    );
    assert.match(
      errors[0]?.title ?? '',
      /^DC1 is behind DC2: it lacks 16439 and still has 38 in msExchCurrentServerRoles of EX01 \(Exchange server object\)/,
    );
    assert.ok(errors[0]?.tables?.[0]?.rows[0]?.[2]?.includes('newer by replication metadata'));
  });

  it("SPNs changed both ways (removed and added) on DC1: Samba's replPropertyMetaData says DC2 is behind", async () => {
    const fs = await run({
      'dc1.contoso.test': entries({
        EX01: {},
        EX02: {
          spns: ['SMTP/ex02.contoso.test', 'SMTP/mail.contoso.test', 'SMTPSVC/mail.contoso.test'],
          spnVersion: 3,
        },
      }),
      'dc2.contoso.test': entries({
        EX01: {},
        EX02: {
          spns: ['SMTP/ex02.contoso.test', 'SMTPSVC/ex02.contoso.test', 'SMTPSVC/EX02'],
          spnVersion: 1,
          whenChanged: '20261122230000.0Z',
        },
      }),
    });
    assert.deepEqual(
      fs.filter((f) => f.severity !== 'ok').map((f) => `${f.subject.name} ${f.code} ${f.severity}`),
      ['DC2 replication.behind error'],
    );
    // Without the metadata the same copies are a disagreement (no culprit).
    const plain = await run({
      'dc1.contoso.test': entries({
        EX01: {},
        EX02: { spns: ['SMTP/ex02.contoso.test', 'SMTP/mail.contoso.test', 'SMTPSVC/mail.contoso.test'] },
      }),
      'dc2.contoso.test': entries({
        EX01: {},
        EX02: { spns: ['SMTP/ex02.contoso.test', 'SMTPSVC/ex02.contoso.test', 'SMTPSVC/EX02'] },
      }),
    });
    assert.deepEqual(
      plain
        .filter((f) => f.severity !== 'ok')
        .map((f) => `${f.subject.name} ${f.code} ${f.severity}`)
        .sort(),
      ['DC1 replication.disagree warning', 'DC2 replication.disagree warning'],
    );
  });

  it('a DC that does not answer is unknown with the reason, within the probe timeout; the others are compared', async () => {
    const started = performance.now();
    const fs = await run({ 'dc1.contoso.test': entries({ EX01: {}, EX02: {} }), 'dc2.contoso.test': 'silent' }, 150);
    assert.ok(performance.now() - started < 1000);
    const dc2 = fs.find((f) => f.subject.name === 'DC2');
    assert.equal(dc2?.severity, 'unknown');
    assert.match(dc2?.reason ?? '', /dc2\.contoso\.test did not answer: .*did not answer within/);
    assert.equal(fs.find((f) => f.subject.name === 'DC1')?.code, 'replication.not-compared');
  });

  it('asks only the DCs of this domain: a DC of another domain (hasMasterNCs) is left out, one with unknown NCs stays', async () => {
    const d = discovery();
    const [dc1, dc2] = d.domainControllers;
    d.domainControllers = [
      { ...dc1!, masterNamingContexts: ['CN=Configuration,DC=contoso,DC=test', 'dc=Contoso, dc=Test'] },
      { ...dc2! },
      {
        name: 'CHILDDC',
        fqdn: 'childdc.emea.contoso.test',
        dn: 'CN=CHILDDC,CN=Servers,CN=Default-First-Site-Name,CN=Sites,CN=Configuration,DC=contoso,DC=test',
        source: 'sites',
        masterNamingContexts: ['CN=Configuration,DC=contoso,DC=test', 'DC=emea,DC=contoso,DC=test'],
      },
    ];
    const same = entries({ EX01: {}, EX02: {} });
    const connected: string[] = [];
    const fs = await run(
      { 'dc1.contoso.test': same, 'dc2.contoso.test': same, 'childdc.emea.contoso.test': [] },
      1000,
      d,
      connected,
    );
    assert.deepEqual(fs.map((f) => `${f.subject.name} ${f.code} ${f.severity}`).sort(), [
      'DC1 replication.agree ok',
      'DC2 replication.agree ok',
    ]);
    assert.ok(!connected.includes('childdc.emea.contoso.test'), connected.join(', '));
  });

  it('with one DC there is nothing to compare: ok, saying so', async () => {
    const fake = new FakeIo();
    const d = discovery();
    d.domainControllers = d.domainControllers.slice(0, 1);
    const { findings } = await runDiagnosis({
      io: fake.io,
      discovery: d,
      scope: { kind: 'organisation' },
      settings: settings({ steps: [2] }),
      directory: { targets, credentials },
      checks: [replicationCheck],
    });
    assert.deepEqual(
      findings.map((f) => `${f.code} ${f.severity}`),
      ['replication.single-dc ok'],
    );
    assert.match(findings[0]?.title ?? '', /only domain controller/);
  });
});
