/** The engine's sessions to other DCs and the scope it resolves (organisation, server, pair). */
import { strict as assert } from 'node:assert';
import { runDiagnosis, type DiagnosisRequest } from '../../../../src/core/engine/orchestrator';
import { DoctorError } from '../../../../src/core/errors';
import { FakeIo } from './fake-io';
import { check, credentials, diagnosisRequest, discovery, server, targets } from './fixtures';

const request = diagnosisRequest;

describe('engine: sessions to other DCs', () => {
  it('reuse the configured security, CA and port with the host swapped; the GC on 3269; all closed at the end', async () => {
    const fake = new FakeIo();
    await runDiagnosis(
      request(fake, {
        checks: [
          check('s', 2, async (ctx) => {
            await ctx.openSession('dc2.contoso.test');
            await ctx.openSession('dc1.contoso.test', { globalCatalog: true });
          }),
        ],
      }),
    );
    assert.deepEqual(
      fake.connects.map((t) => [t.host, t.port, t.security, t.caPem === targets[0]?.caPem, t.globalCatalog ?? false]),
      [
        ['dc2.contoso.test', 636, 'ldaps', true, false],
        ['dc1.contoso.test', 3269, 'ldaps', true, true],
      ],
    );
    assert.equal(fake.openSessions, 0);
  });

  it('StartTLS targets get the GC on 3268', async () => {
    const fake = new FakeIo();
    await runDiagnosis(
      request(fake, {
        directory: { targets: [{ host: 'dc1.contoso.test', port: 389, security: 'starttls' }], credentials },
        checks: [
          check('s', 2, async (ctx) => void (await ctx.openSession('dc2.contoso.test', { globalCatalog: true }))),
        ],
      }),
    );
    assert.deepEqual(
      fake.connects.map((t) => `${t.host}:${t.port}:${t.security}`),
      ['dc2.contoso.test:3268:starttls'],
    );
  });

  it('refuses a host name that is not one', async () => {
    const result = await runDiagnosis(
      request(new FakeIo(), { checks: [check('s', 2, async (ctx) => void (await ctx.openSession('dc1;rm -rf /')))] }),
    );
    assert.match(result.findings[0]?.reason ?? '', /not allowed|metacharacter/);
  });

  it("closes the sessions of the caller's own opener too", async () => {
    const fake = new FakeIo();
    await runDiagnosis(
      request(fake, {
        openSession: (host) =>
          fake.io.directory.connect({ host, port: 1636, security: 'ldaps' }, credentials, { timeoutMs: 1000 }),
        checks: [check('s', 2, async (ctx) => void (await ctx.openSession('dc2.contoso.test')))],
      }),
    );
    assert.deepEqual(
      fake.connects.map((t) => t.port),
      [1636],
    );
    assert.equal(fake.openSessions, 0);
  });
});

describe('engine: scope', () => {
  const names = async (fake: FakeIo, scope: DiagnosisRequest['scope']): Promise<string[]> => {
    let seen: string[] = [];
    await runDiagnosis(
      request(fake, {
        scope,
        checks: [check('s', 1, (ctx) => Promise.resolve(void (seen = ctx.servers.map((s) => s.name))))],
      }),
    );
    return seen;
  };

  it('the organisation is every server', async () => {
    assert.deepEqual(await names(new FakeIo(), { kind: 'organisation' }), ['EX01', 'EX02']);
  });

  it('finds a server by short name, FQDN or first label, in any case', async () => {
    assert.deepEqual(await names(new FakeIo(), { kind: 'server', server: 'ex02' }), ['EX02']);
    assert.deepEqual(await names(new FakeIo(), { kind: 'server', server: 'EX01.Contoso.Test' }), ['EX01']);
  });

  it('finds a server by IP address or DNS alias through DNS', async () => {
    const fake = new FakeIo({
      dns: {
        'ex01.contoso.test': ['127.0.0.11'],
        'ex02.contoso.test': ['127.0.0.12'],
        'mail.contoso.test': ['127.0.0.12'],
      },
    });
    assert.deepEqual(await names(fake, { kind: 'server', server: '127.0.0.11' }), ['EX01']);
    assert.deepEqual(await names(fake, { kind: 'server', server: 'mail.contoso.test' }), ['EX02']);
  });

  it('a pair is the sending then the receiving server', async () => {
    assert.deepEqual(await names(new FakeIo(), { kind: 'pair', sending: 'EX02', receiving: 'ex01.contoso.test' }), [
      'EX02',
      'EX01',
    ]);
  });

  it('an unknown name is a usage error that lists the servers found', async () => {
    const fake = new FakeIo({ dns: { 'ex01.contoso.test': ['127.0.0.11'] } });
    await assert.rejects(
      runDiagnosis(request(fake, { scope: { kind: 'server', server: 'EX99' } })),
      (e: unknown) =>
        e instanceof DoctorError && e.kind === 'usage' && /EX99/.test(e.message) && /EX01, EX02/.test(e.message),
    );
    await assert.rejects(
      runDiagnosis(request(fake, { scope: { kind: 'server', server: '10.9.9.9' } })),
      /resolves to 10\.9\.9\.9, which no Exchange server has/,
    );
    await assert.rejects(
      runDiagnosis(request(fake, { scope: { kind: 'server', server: 'ex01;calc' } })),
      /not a server name/,
    );
    await assert.rejects(
      runDiagnosis(request(fake, { scope: { kind: 'pair', sending: 'EX01', receiving: 'ex01' } })),
      /a pair needs two servers/,
    );
  });

  it('an organisation without Exchange servers still runs the checks', async () => {
    let count = -1;
    await runDiagnosis(
      request(new FakeIo(), {
        discovery: discovery([]),
        checks: [check('s', 1, (ctx) => Promise.resolve(void (count = ctx.servers.length)))],
      }),
    );
    assert.equal(count, 0);
  });

  it('a server discovered only by its computer account name still matches', async () => {
    const ex = { ...server('EX03', 'ex03.contoso.test') };
    delete ex.fqdn;
    let seen: string[] = [];
    await runDiagnosis(
      request(new FakeIo(), {
        discovery: discovery([ex]),
        scope: { kind: 'server', server: 'ex03.contoso.test' },
        checks: [check('s', 1, (ctx) => Promise.resolve(void (seen = ctx.servers.map((s) => s.name))))],
      }),
    );
    assert.deepEqual(seen, ['EX03']);
  });
});
