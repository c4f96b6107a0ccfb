import { strict as assert } from 'node:assert';
import { FakeDirectorySession } from '../../directory/fake-directory';
import { findSpnHolders, scanAllDuplicateSpns } from '../../../../../src/core/steps/3-spns/duplicates';
import { hash53 } from '../../../../../src/core/steps/3-spns/hash';
import type { DirectoryEntry } from '../../../../../src/core/io';

const DOMAIN = 'DC=contoso,DC=test';
const e = (dn: string, attributes: Record<string, string[]>): DirectoryEntry => ({ dn, attributes });

function forest(extra: DirectoryEntry[] = [], bulk = 0): DirectoryEntry[] {
  const entries = [
    e(DOMAIN, { objectClass: ['domain'] }),
    e(`CN=EX01,CN=Computers,${DOMAIN}`, {
      objectClass: ['top', 'person', 'user', 'computer'],
      sAMAccountName: ['EX01$'],
      servicePrincipalName: ['SMTPSVC/ex01.contoso.test', 'SMTP/EX01', 'HOST/EX01'],
    }),
    e(`CN=EX02,CN=Computers,${DOMAIN}`, {
      objectClass: ['top', 'person', 'user', 'computer'],
      sAMAccountName: ['EX02$'],
      servicePrincipalName: ['SMTPSVC/ex02.contoso.test', 'HOST/EX02'],
    }),
    e(`CN=svc-smtp,CN=Users,${DOMAIN}`, {
      objectClass: ['top', 'person', 'user'],
      sAMAccountName: ['svc-smtp'],
      servicePrincipalName: ['smtpsvc/EX01.contoso.test'],
    }),
    ...extra,
  ];
  for (let i = 0; i < bulk; i++) {
    entries.push(
      e(`CN=svc${i},CN=Users,${DOMAIN}`, {
        objectClass: ['user'],
        sAMAccountName: [`svc${i}`],
        servicePrincipalName: [`HTTP/app${i}.contoso.test`, `HTTP/app${i}`],
      }),
    );
  }
  return entries;
}

const opts = { base: DOMAIN, pageSize: 7, timeoutMs: 1000 };

describe('duplicate SPN scan', () => {
  it('finds an SPN held by two accounts, whatever its case, over many pages', async () => {
    const session = new FakeDirectorySession(forest([], 200));
    const result = await scanAllDuplicateSpns(session, opts);
    assert.equal(result.objects, 203);
    assert.equal(result.spns, 406);
    assert.equal(result.groups.length, 1);
    const g = result.groups[0]!;
    assert.equal(g.spn.toLowerCase(), 'smtpsvc/ex01.contoso.test');
    assert.deepEqual(g.holders.map((h) => h.samAccountName).sort(), ['EX01$', 'svc-smtp']);
    assert.deepEqual(g.holders.map((h) => h.kind).sort(), ['computer', 'user']);
    // The scan was paged (page size 7): it never asked for everything at once.
    const scan = session.requests.find((r) => r.request.filter === '(servicePrincipalName=*)')!;
    assert.equal(scan.request.pageSize, 7);
    assert.deepEqual(scan.request.attributes, ['servicePrincipalName']);
    assert.ok(session.pagesServed > 200 / 7);
  });

  it('reports groups of three accounts complete', async () => {
    const third = e(`CN=old-ex01,CN=Computers,${DOMAIN}`, {
      objectClass: ['computer'],
      sAMAccountName: ['OLD-EX01$'],
      servicePrincipalName: ['SMTPSVC/ex01.contoso.test'],
    });
    const result = await scanAllDuplicateSpns(new FakeDirectorySession(forest([third])), opts);
    assert.equal(result.groups.length, 1);
    assert.equal(result.groups[0]!.holders.length, 3);
  });

  it('confirms hash hits against the directory, so a collision is never reported', async () => {
    // Every SPN collides under this hash; only the real duplicate survives confirmation.
    const result = await scanAllDuplicateSpns(new FakeDirectorySession(forest([], 5)), { ...opts, hash: () => 1 });
    assert.ok(result.candidates > 5);
    assert.deepEqual(
      result.groups.map((g) => g.spn.toLowerCase()),
      ['smtpsvc/ex01.contoso.test'],
    );
  });

  it('finds no duplicates in a clean directory and reports progress', async () => {
    const clean = forest([], 30).filter((x) => !x.dn.startsWith('CN=svc-smtp'));
    const progress: number[] = [];
    const result = await scanAllDuplicateSpns(new FakeDirectorySession(clean), {
      ...opts,
      onProgress: (p) => progress.push(p.objects),
      progressEvery: 10,
    });
    assert.equal(result.groups.length, 0);
    assert.deepEqual(progress, [10, 20, 30]);
  });

  it('stops when cancelled', async () => {
    const controller = new AbortController();
    controller.abort();
    await assert.rejects(
      scanAllDuplicateSpns(new FakeDirectorySession(forest([], 50)), { ...opts, signal: controller.signal }),
      /abort/i,
    );
  });

  it('notes objects whose SPNs came back in ranges', async () => {
    const ranged = e(`CN=big,CN=Users,${DOMAIN}`, {
      objectClass: ['user'],
      'servicePrincipalName;range=0-1499': ['HTTP/big1', 'HTTP/big2'],
    });
    // The fake filters attributes by exact name, so feed the ranged entry through a tiny session.
    const session = {
      url: 'ldaps://fake',
      async *search() {
        await Promise.resolve();
        yield ranged;
      },
      close: () => Promise.resolve(),
    };
    const result = await scanAllDuplicateSpns(session, opts);
    assert.deepEqual(result.rangedObjects, [ranged.dn]);
    assert.equal(result.spns, 2);
  });
});

describe('findSpnHolders (setspn -Q)', () => {
  it('returns every holder of each asked SPN, case-insensitively', async () => {
    const holders = await findSpnHolders(
      new FakeDirectorySession(forest()),
      ['SMTPSVC/EX01.contoso.test', 'SMTP/ex02.contoso.test'],
      opts,
    );
    assert.deepEqual(
      holders
        .get('smtpsvc/ex01.contoso.test')
        ?.map((h) => h.samAccountName)
        .sort(),
      ['EX01$', 'svc-smtp'],
    );
    assert.equal(holders.has('smtp/ex02.contoso.test'), false);
  });

  it('treats a missing search base as no holders', async () => {
    const holders = await findSpnHolders(new FakeDirectorySession(forest()), ['SMTP/EX01'], {
      ...opts,
      base: 'DC=other,DC=test',
    });
    assert.equal(holders.size, 0);
  });
});

describe('hash53', () => {
  it('is stable, below 2^53 and spreads similar strings', () => {
    const seen = new Set<number>();
    for (let i = 0; i < 50_000; i++) {
      const h = hash53(`http/app${i}.contoso.test`);
      assert.ok(Number.isSafeInteger(h) && h >= 0);
      seen.add(h);
    }
    assert.equal(seen.size, 50_000);
    assert.equal(hash53('smtpsvc/ex01'), hash53('smtpsvc/ex01'));
  });
});
