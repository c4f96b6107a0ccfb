/**
 * A fake directory on a loopback address that refuses StartTLS with a diagnostic message full of
 * terminal escape sequences (as anyone on the path can: the refusal arrives before TLS). The CLI's
 * output must show them as visible text, never as raw control characters.
 */
import { strict as assert } from 'node:assert';
import { spawn } from 'node:child_process';
import { tcpServer, type Loopback } from '../io/loopback';

// OSC 0 (title), OSC 52 (clipboard), OSC 633 (VS Code shell integration), a CSI, a C1 CSI, a bidi override.
const HOSTILE =
  'go away \u001b]0;pwned\u0007 \u001b]52;c;ZWNobyBwd25lZA==\u0007 \u001b]633;E;rm -rf ~\u0007 \u001b[2J \u009b31m \u202eevil';

function length(n: number): Buffer {
  return n < 0x80 ? Buffer.from([n]) : Buffer.from([0x82, n >> 8, n & 0xff]);
}
function tlv(tag: number, body: Buffer): Buffer {
  return Buffer.concat([Buffer.from([tag]), length(body.length), body]);
}

/** The message ID of the first LDAPMessage in `data` (SEQUENCE { INTEGER id, ... }). */
function messageId(data: Buffer): number {
  let at = 1;
  const first = data[at] ?? 0;
  at += first & 0x80 ? 1 + (first & 0x7f) : 1;
  if (data[at] !== 0x02) return 1;
  const size = data[at + 1] ?? 1;
  let id = 0;
  for (let i = 0; i < size; i++) id = id * 256 + (data[at + 2 + i] ?? 0);
  return id;
}

/** ExtendedResponse ([APPLICATION 24]) with resultCode 52 (unavailable) and the hostile text. */
function refusal(id: number): Buffer {
  const op = tlv(
    0x78,
    Buffer.concat([tlv(0x0a, Buffer.from([2])), tlv(0x04, Buffer.alloc(0)), tlv(0x04, Buffer.from(HOSTILE, 'utf8'))]),
  );
  return tlv(0x30, Buffer.concat([tlv(0x02, Buffer.from([id])), op]));
}

function runCli(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], {
      env: { PATH: process.env.PATH ?? '', EAD_BIND_PASSWORD: 'Fake-Pa55word!' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString('utf8')));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('CLI output against a hostile directory (loopback)', function () {
  this.timeout(120_000);
  let server: Loopback;
  before(async () => {
    server = await tcpServer((socket) => {
      socket.once('data', (data: Buffer) => socket.end(refusal(messageId(data))));
    });
  });
  after(() => server.close());

  for (const command of [['diagnose'], ['setspn', '-L', 'EX01']]) {
    it(`${command[0]}: escape sequences in an LDAP diagnostic message reach the terminal only as visible text`, async () => {
      const r = await runCli([
        ...command,
        '--dc',
        '127.0.0.1',
        '--port',
        String(server.port),
        '--security',
        'starttls',
        '--user',
        'doctor@contoso.test',
        '--timeout',
        '10000',
      ]);
      const all = r.stdout + r.stderr;
      assert.equal(r.code, 2, JSON.stringify(all));
      assert.ok(all.includes('go away'), `the server's message is shown: ${JSON.stringify(all)}`);
      assert.ok(
        // eslint-disable-next-line no-control-regex -- finding control characters is the point
        !/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202e]/.test(all),
        `raw control characters: ${JSON.stringify(all)}`,
      );
      assert.ok(all.includes('\\x1B]633;E;rm -rf ~\\x07') && all.includes('\\u202E'), JSON.stringify(all));
    });
  }
});
