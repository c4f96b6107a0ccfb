import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { PassThrough } from 'node:stream';
import { readPassword } from '../../../src/cli/password';
import { readPasswordFromSocket } from '../../../src/cli/password-socket';
import { PASSWORD_SOCKET_ENV, PASSWORD_TOKEN_ENV, PasswordHandoff } from '../../../src/io/password-handoff';

const PASSWORD = 'Pa$$w0rd; "quoted" \'too\' \u00e9\n';

/** Connects, sends `line`, and collects what comes back until the server closes. */
function ask(address: string, line: string): Promise<string> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    const s = net.connect(address, () => s.write(line));
    s.on('data', (c: Buffer) => chunks.push(c));
    s.on('close', () => resolve(Buffer.concat(chunks).toString('utf8')));
    s.on('error', () => resolve(''));
  });
}

describe('password hand-off to the CLI (no password in the terminal environment)', function () {
  if (process.platform === 'win32') this.timeout(20_000);
  let tmp: string;
  let handoff: PasswordHandoff;

  beforeEach(() => {
    tmp = mkdtempSync(path.join(os.tmpdir(), 'ead-handoff-test-'));
    handoff = new PasswordHandoff({ tmpdir: tmp });
  });
  afterEach(() => {
    handoff.dispose();
    rmSync(tmp, { recursive: true, force: true });
  });

  it('gives the terminal only where to ask and a token, never the password', async () => {
    const env = handoff.env();
    assert.deepEqual(Object.keys(env).sort(), [PASSWORD_SOCKET_ENV, PASSWORD_TOKEN_ENV].sort());
    const armed = await handoff.arm(PASSWORD, 5000);
    assert.ok(!JSON.stringify(handoff.env()).includes('Pa$$w0rd'));
    assert.deepEqual(handoff.env(), env, 'stable: the terminal is not recreated per run');
    await armed.disarm();
  });

  it('serves the password once to the CLI, then stops listening', async () => {
    const env = handoff.env();
    const armed = await handoff.arm(PASSWORD, 5000);
    const address = env[PASSWORD_SOCKET_ENV] ?? '';
    const token = env[PASSWORD_TOKEN_ENV] ?? '';
    assert.equal(await readPasswordFromSocket(address, token), PASSWORD);
    assert.equal(await armed.served, true);
    assert.equal(await readPasswordFromSocket(address, token, 1000), undefined, 'a second ask gets nothing');
  });

  it('the CLI reads it through readPassword when EAD_BIND_PASSWORD is absent', async () => {
    await handoff.arm(PASSWORD, 5000);
    const stdin = Object.assign(new PassThrough(), { isTTY: false }) as unknown as NodeJS.ReadStream;
    assert.equal(await readPassword({ ...handoff.env() }, 'svc', stdin, new PassThrough()), PASSWORD);
    // The hand-off is over: without a terminal to ask in, the CLI says how to give a password.
    await assert.rejects(readPassword({ ...handoff.env() }, 'svc', stdin, new PassThrough()), /EAD_BIND_PASSWORD/);
  });

  it('answers nothing without the token, and a wrong token does not use up the hand-off', async () => {
    const env = handoff.env();
    const armed = await handoff.arm(PASSWORD, 5000);
    const address = env[PASSWORD_SOCKET_ENV] ?? '';
    assert.equal(await ask(address, 'wrong-token\n'), '');
    assert.equal(await ask(address, `${'x'.repeat(1000)}`), '');
    assert.equal(await readPasswordFromSocket(address, env[PASSWORD_TOKEN_ENV] ?? ''), PASSWORD);
    await armed.disarm();
  });

  it('listens only while armed: after disarm or the time limit nothing answers', async () => {
    const env = handoff.env();
    const address = env[PASSWORD_SOCKET_ENV] ?? '';
    const token = env[PASSWORD_TOKEN_ENV] ?? '';
    assert.equal(await readPasswordFromSocket(address, token, 1000), undefined, 'before arming');
    const armed = await handoff.arm(PASSWORD, 5000);
    await armed.disarm();
    assert.equal(await armed.served, false);
    assert.equal(await readPasswordFromSocket(address, token, 1000), undefined, 'after disarm');
    const short = await handoff.arm(PASSWORD, 30);
    assert.equal(await short.served, false, 'expired');
    assert.equal(await readPasswordFromSocket(address, token, 1000), undefined, 'after the time limit');
  });

  it('keeps the socket private to the user (0700 directory, 0600 socket)', async function () {
    if (process.platform === 'win32') this.skip();
    const address = handoff.env()[PASSWORD_SOCKET_ENV] ?? '';
    const armed = await handoff.arm(PASSWORD, 5000);
    assert.ok(address.startsWith(tmp));
    assert.equal(statSync(path.dirname(address)).mode & 0o777, 0o700);
    assert.equal(statSync(address).mode & 0o777, 0o600);
    await armed.disarm();
    handoff.dispose();
    assert.throws(() => statSync(path.dirname(address)), /ENOENT/, 'the directory goes with the extension');
  });
});
