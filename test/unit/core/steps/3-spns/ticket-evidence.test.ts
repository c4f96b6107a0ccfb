/**
 * Step 3's ticket evidence with the signed-in credentials: a private cache is opened from the
 * password (never passed to a process here), kvno and klist -e run against it, it is closed after
 * the run even when a request fails; Windows reads the ticket's type from what `klist get` listed.
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PrivateKerberos } from '../../../../../src/core/io';
import { checkServiceTickets } from '../../../../../src/core/steps/3-spns/spn-ticket';
import { principalOf } from '../../../../../src/core/steps/3-spns/signed-in-tickets';
import { contosoEntries } from '../../directory/contoso-fixture';
import { fakeContext, ok } from './spn-fake-context';

const KLIST_E = readFileSync(join(__dirname, '../../../../fixtures/kerberos/mit-klist-e-lab.txt'), 'utf8');

function fakeKerberos(log: string[]): PrivateKerberos {
  return {
    open: (principal, password) => {
      log.push(`open ${principal} ${password.length}`);
      return Promise.resolve({
        env: { KRB5CCNAME: 'FILE:/private/ccache' },
        close: () => {
          log.push('close');
          return Promise.resolve();
        },
      });
    },
  };
}

describe('step 3: ticket evidence from the signed-in credentials', () => {
  it('makes principals from UPNs, down-level names and bare names; none from a DN', () => {
    assert.equal(principalOf('ead-reader@contoso.test', 'CONTOSO.TEST'), 'ead-reader@CONTOSO.TEST');
    assert.equal(principalOf('CONTOSO\\ead-reader', 'contoso.test'), 'ead-reader@CONTOSO.TEST');
    assert.equal(principalOf('ead-reader', 'contoso.test'), 'ead-reader@CONTOSO.TEST');
    assert.equal(principalOf('CN=EAD Reader,CN=Users,DC=contoso,DC=test', 'CONTOSO.TEST'), undefined);
  });

  it('asks kvno and klist -e with the private cache only, and closes it after the run', async () => {
    const { ctx, findings } = await fakeContext({ entries: contosoEntries(), has: ['klist', 'kvno'] });
    const log: string[] = [];
    const envs: string[] = [];
    ctx.io.kerberos = fakeKerberos(log);
    const inner = ctx.io.process.run.bind(ctx.io.process);
    ctx.io.process.run = (file, args, o) => {
      envs.push(`${file} ${args.join(' ')} ${o.env?.KRB5CCNAME ?? 'machine cache'}`);
      if (file === 'klist' && args[0] === '-s') return Promise.resolve(ok('', 0));
      if (file === 'klist' && args[0] === '-e') return Promise.resolve(ok(KLIST_E.replace(/ex02/g, 'ex01')));
      if (file === 'kvno') return Promise.resolve(ok(`${args[0]}: kvno = 1\n`));
      return inner(file, args, o);
    };
    await checkServiceTickets(ctx, ctx.servers.slice(0, 1));
    assert.deepEqual(log, ['open doctor@CONTOSO.TEST 12', 'close']);
    assert.ok(envs.length >= 3 && envs.every((e) => e.endsWith('FILE:/private/ccache')), envs.join('\n'));
    const issued = findings.find((f) => f.code === 'spn.ticket-issued');
    assert.match(issued?.title ?? '', /key version 1, encrypted with aes256-cts-hmac-sha1-96/);
  });

  it('closes the private cache when a request throws', async () => {
    const { ctx } = await fakeContext({ entries: contosoEntries(), has: ['klist', 'kvno'] });
    const log: string[] = [];
    ctx.io.kerberos = fakeKerberos(log);
    ctx.io.process.run = () => Promise.reject(new Error('boom'));
    await checkServiceTickets(ctx, ctx.servers);
    assert.deepEqual(log.at(-1), 'close');
  });

  it('on Windows reads the ticket type from what klist get listed, without a private cache', async () => {
    const { ctx, findings } = await fakeContext({
      entries: contosoEntries(),
      platform: 'win32',
      has: ['klist'],
      run: (_file, args) =>
        ok(
          `\nCurrent LogonId is 0:0x3e7\nA ticket to ${args[1]} has been retrieved successfully.\n\nCached Tickets: (1)\n\n#0>\tClient: EX01$ @ CONTOSO.TEST\n\tServer: ${args[1]} @ CONTOSO.TEST\n\tKerbTicket Encryption Type: AES-256-CTS-HMAC-SHA1-96\n\tTicket Flags 0x40a10000 -> forwardable renewable pre_authent name_canonicalize\n`,
        ),
    });
    const log: string[] = [];
    ctx.io.kerberos = fakeKerberos(log);
    await checkServiceTickets(ctx, ctx.servers.slice(0, 1));
    assert.deepEqual(log, []);
    assert.match(
      findings.find((f) => f.code === 'spn.ticket-issued')?.title ?? '',
      /encrypted with AES-256-CTS-HMAC-SHA1-96/,
    );
  });
});
