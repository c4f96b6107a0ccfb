/**
 * The private ticket cache of step 3's ticket evidence: kinit gets the password on standard input
 * only (never in its arguments or environment), the cache lives in a 0700 folder of its own, and
 * that folder is gone after close, after a refused kinit and after a cancelled one.
 */
import { strict as assert } from 'node:assert';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ProcessRunner, ProcessResult } from '../../../src/core/io';
import { AbortError, isDoctorError } from '../../../src/core/errors';
import { KinitTicketCaches } from '../../../src/io/private-ticket-cache';

const PASSWORD = 'Pässw0rd with spaces & $HOME';

interface Call {
  file: string;
  args: readonly string[];
  input?: string;
  env?: Record<string, string>;
}

/** A stand-in kinit that writes the cache file KRB5CCNAME names, or refuses, or is cancelled. */
function fakeRunner(behaviour: 'ok' | 'refuse' | 'abort', calls: Call[]): ProcessRunner {
  return {
    has: () => Promise.resolve(true),
    run: (file, args, options) => {
      calls.push({
        file,
        args,
        ...(options.input !== undefined ? { input: options.input } : {}),
        ...(options.env ? { env: options.env } : {}),
      });
      if (behaviour === 'abort') return Promise.reject(new AbortError('kinit'));
      const cache = (options.env?.KRB5CCNAME ?? '').replace(/^FILE:/, '');
      if (behaviour === 'ok') writeFileSync(cache, 'ticket');
      const r: ProcessResult =
        behaviour === 'ok'
          ? { stdout: '', stderr: '', exitCode: 0 }
          : {
              stdout: 'Password for ead-reader@CONTOSO.TEST: ',
              stderr: 'kinit: Password incorrect while getting initial credentials\n',
              exitCode: 1,
            };
      return Promise.resolve(r);
    },
  };
}

describe('io: private ticket cache (kinit from the signed-in password)', () => {
  let tmp = '';
  beforeEach(() => {
    tmp = mkdtempSync(join(tmpdir(), 'ead-test-'));
  });
  afterEach(() => rmSync(tmp, { recursive: true, force: true }));

  it('gives the password to kinit on standard input only, in a 0700 folder that close removes', async () => {
    const calls: Call[] = [];
    const caches = new KinitTicketCaches(fakeRunner('ok', calls), 'linux', tmp);
    const cache = await caches.open('ead-reader@CONTOSO.TEST', PASSWORD, { timeoutMs: 5000 });
    const file = (cache.env.KRB5CCNAME ?? '').replace(/^FILE:/, '');
    assert.ok(file.startsWith(tmp) && existsSync(file));
    const folder = join(file, '..');
    assert.equal(statSync(folder).mode & 0o777, 0o700);
    assert.deepEqual(calls[0]?.args, ['ead-reader@CONTOSO.TEST']);
    assert.equal(calls[0]?.input, `${PASSWORD}\n`);
    assert.ok(!JSON.stringify(calls[0]?.args).includes('Pässw0rd'));
    assert.ok(!JSON.stringify(calls[0]?.env).includes('Pässw0rd'));
    assert.ok(!JSON.stringify(cache.env).includes('Pässw0rd'));
    await cache.close();
    await cache.close();
    assert.ok(!existsSync(folder));
    assert.deepEqual(readdirSync(tmp), []);
  });

  it('uses --password-file=STDIN for Heimdal on macOS', async () => {
    const calls: Call[] = [];
    const cache = await new KinitTicketCaches(fakeRunner('ok', calls), 'darwin', tmp).open('a@B', PASSWORD, {
      timeoutMs: 5000,
    });
    await cache.close();
    assert.deepEqual(calls[0]?.args, ['--password-file=STDIN', 'a@B']);
  });

  it('removes the folder when kinit refuses, and says why without the prompt', async () => {
    const caches = new KinitTicketCaches(fakeRunner('refuse', []), 'linux', tmp);
    await assert.rejects(caches.open('ead-reader@CONTOSO.TEST', PASSWORD, { timeoutMs: 5000 }), (e: unknown) => {
      assert.ok(isDoctorError(e));
      assert.match((e as Error).message, /Password incorrect/);
      assert.ok(!(e as Error).message.includes('Pässw0rd'));
      return true;
    });
    assert.deepEqual(readdirSync(tmp), []);
  });

  it('removes the folder when the run is cancelled during kinit', async () => {
    const caches = new KinitTicketCaches(fakeRunner('abort', []), 'linux', tmp);
    await assert.rejects(caches.open('a@B', PASSWORD, { timeoutMs: 5000 }), AbortError);
    assert.deepEqual(readdirSync(tmp), []);
  });
});
