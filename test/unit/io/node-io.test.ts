import { strict as assert } from 'node:assert';
import * as path from 'node:path';
import { createNodeIo } from '../../../src/io/node-io';
import { candidatePaths, ExecaProcessRunner } from '../../../src/io/process';
import { DoctorError } from '../../../src/core/errors';
import { closedTcpPort, closedUdpPort, tcpServer, udpServer } from './loopback';

const isKind = (kind: string) => (e: unknown) => e instanceof DoctorError && e.kind === kind;

describe('Node I/O (loopback)', () => {
  const io = createNodeIo();

  describe('tcp', () => {
    it('connects and hands back a usable socket', async () => {
      const server = await tcpServer((s) => s.end('hello'));
      try {
        const socket = await io.tcp.connect('127.0.0.1', server.port, { timeoutMs: 2000 });
        const text = await new Promise<string>((r) => {
          let t = '';
          socket.on('data', (c: Buffer) => (t += c.toString()));
          socket.on('end', () => r(t));
        });
        socket.destroy();
        assert.equal(text, 'hello');
      } finally {
        await server.close();
      }
    });

    it('says refused when nothing listens', async () => {
      await assert.rejects(io.tcp.connect('127.0.0.1', await closedTcpPort(), { timeoutMs: 2000 }), isKind('refused'));
    });

    it('honours an already aborted signal', async () => {
      const c = new AbortController();
      c.abort();
      await assert.rejects(io.tcp.connect('127.0.0.1', 1, { timeoutMs: 2000, signal: c.signal }), isKind('aborted'));
    });

    it('says dns for a name that does not resolve', async () => {
      await assert.rejects(io.tcp.connect('no-such-host.invalid', 25, { timeoutMs: 5000 }), isKind('dns'));
    });
  });

  describe('udp', () => {
    it('sends one datagram and returns the first reply', async () => {
      const server = await udpServer((m) => Buffer.concat([Buffer.from('re:'), m]));
      try {
        const reply = await io.udp.exchange('127.0.0.1', server.port, Buffer.from('ping'), { timeoutMs: 2000 });
        assert.equal(Buffer.from(reply).toString(), 're:ping');
        assert.equal(server.received.length, 1);
      } finally {
        await server.close();
      }
    });

    it('times out on a silent peer and stops on abort', async () => {
      const server = await udpServer(() => undefined);
      try {
        await assert.rejects(
          io.udp.exchange('127.0.0.1', server.port, Buffer.from('x'), { timeoutMs: 200 }),
          isKind('timeout'),
        );
        const c = new AbortController();
        setTimeout(() => c.abort(), 50);
        await assert.rejects(
          io.udp.exchange('127.0.0.1', server.port, Buffer.from('x'), { timeoutMs: 5000, signal: c.signal }),
          isKind('aborted'),
        );
      } finally {
        await server.close();
      }
    });

    it('tells a closed port (ICMP unreachable) from a silent one where the OS reports it', async () => {
      // Linux reports ICMP port unreachable on a connected UDP socket as ECONNREFUSED; other
      // systems may stay silent until the timeout.
      await assert.rejects(
        io.udp.exchange('127.0.0.1', await closedUdpPort(), Buffer.from('x'), { timeoutMs: 500 }),
        (e: unknown) => e instanceof DoctorError && ['refused', 'timeout'].includes(e.kind),
      );
    });
  });

  describe('dns', () => {
    it('resolves IP literals to themselves without asking anyone', async () => {
      assert.deepEqual(await io.dns.lookup('192.0.2.7', { timeoutMs: 1 }), ['192.0.2.7']);
      assert.deepEqual(await io.dns.lookup('[::1]', { timeoutMs: 1 }), ['::1']);
    });

    it('resolves localhost through the system resolver and fails a reserved name as dns', async () => {
      const a = await io.dns.lookup('localhost', { timeoutMs: 5000 });
      assert.ok(
        a.some((x) => x === '127.0.0.1' || x === '::1'),
        a.join(),
      );
      await assert.rejects(io.dns.lookup('no-such-host.invalid', { timeoutMs: 5000 }), isKind('dns'));
    });

    it("maps an address back to names, the system resolver's (hosts file) one first", async () => {
      const names = await io.dns.reverse('127.0.0.1', { timeoutMs: 5000 });
      assert.ok(Array.isArray(names) && names.every((n) => typeof n === 'string' && !n.endsWith('.')), names.join());
    });

    it('honours an aborted signal', async () => {
      const c = new AbortController();
      c.abort();
      await assert.rejects(io.dns.lookup('localhost', { timeoutMs: 5000, signal: c.signal }), isKind('aborted'));
    });
  });

  describe('process', () => {
    it('never hands EAD_BIND_PASSWORD to a child process, whatever its case', async () => {
      const before = process.env.EAD_BIND_PASSWORD;
      process.env.EAD_BIND_PASSWORD = 'child-must-not-see-this';
      try {
        const r = await io.process.run(
          'node',
          [
            '-e',
            'process.stdout.write(JSON.stringify([process.env.EAD_BIND_PASSWORD ?? null, process.env.EXTRA ?? null, !!process.env.PATH]))',
          ],
          {
            timeoutMs: 10_000,
            env: { EXTRA: 'x', ead_bind_password: 'nor-this' },
          },
        );
        assert.deepEqual(JSON.parse(r.stdout), [null, 'x', true]);
      } finally {
        if (before === undefined) delete process.env.EAD_BIND_PASSWORD;
        else process.env.EAD_BIND_PASSWORD = before;
      }
    });

    it('runs an argument vector without a shell and returns the output and exit code', async () => {
      const r = await io.process.run(
        'node',
        [
          '-e',
          'process.stdout.write(process.argv[1]); process.stderr.write("e"); process.exit(3)',
          '$(echo not expanded); rm -rf /',
        ],
        { timeoutMs: 10_000 },
      );
      assert.equal(r.stdout, '$(echo not expanded); rm -rf /');
      assert.equal(r.stderr, 'e');
      assert.equal(r.exitCode, 3);
    });

    it('passes input on stdin', async () => {
      const r = await io.process.run('node', ['-e', 'process.stdin.pipe(process.stdout)'], {
        timeoutMs: 10_000,
        input: 'typed',
      });
      assert.equal(r.stdout, 'typed');
    });

    it('times out and cancels', async () => {
      await assert.rejects(
        io.process.run('node', ['-e', 'setTimeout(() => {}, 60000)'], { timeoutMs: 300 }),
        isKind('timeout'),
      );
      const c = new AbortController();
      setTimeout(() => c.abort(), 200);
      await assert.rejects(
        io.process.run('node', ['-e', 'setTimeout(() => {}, 60000)'], { timeoutMs: 10_000, signal: c.signal }),
        isKind('aborted'),
      );
    });

    it('knows which executables exist and refuses to run a missing one', async () => {
      assert.equal(await io.process.has('node'), true);
      assert.equal(await io.process.has('setspn-that-does-not-exist'), false);
      await assert.rejects(
        io.process.run('setspn-that-does-not-exist', ['-L', 'x'], { timeoutMs: 1000 }),
        isKind('unavailable'),
      );
    });

    it('never looks in the working folder or in relative PATH entries on Windows', () => {
      const where = {
        platform: 'win32' as const,
        env: {
          Path: 'C:\\Windows\\System32;.;;tools;"C:\\Program Files\\PowerShell\\7"',
          PATHEXT: '.COM;.EXE;.BAT;.CMD',
        },
      };
      const c = candidatePaths('setspn', where);
      assert.deepEqual(c, [
        'C:\\Windows\\System32\\setspn.com',
        'C:\\Windows\\System32\\setspn.exe',
        'C:\\Program Files\\PowerShell\\7\\setspn.com',
        'C:\\Program Files\\PowerShell\\7\\setspn.exe',
      ]);
      assert.deepEqual(candidatePaths('pwsh.exe', where), [
        'C:\\Windows\\System32\\pwsh.exe',
        'C:\\Program Files\\PowerShell\\7\\pwsh.exe',
      ]);
      assert.deepEqual(candidatePaths('.\\setspn.exe', where), []);
      assert.deepEqual(candidatePaths('C:\\Tools\\setspn.exe', where), ['C:\\Tools\\setspn.exe']);
      // Batch files would run through cmd.exe: never candidates.
      assert.deepEqual(candidatePaths('C:\\Tools\\setspn.cmd', where), [
        'C:\\Tools\\setspn.cmd.com',
        'C:\\Tools\\setspn.cmd.exe',
      ]);
    });

    it('searches only absolute PATH entries elsewhere too', async () => {
      assert.deepEqual(candidatePaths('kvno', { platform: 'linux', env: { PATH: '/usr/bin::.:bin:/usr/local/bin' } }), [
        '/usr/bin/kvno',
        '/usr/local/bin/kvno',
      ]);
      // A PATH of only the working folder finds nothing, even for an executable that is there.
      const here = new ExecaProcessRunner({ platform: process.platform, env: { PATH: '.' } });
      const nodeDir = path.dirname(process.execPath);
      assert.equal(await here.has('node'), false);
      assert.equal(
        await new ExecaProcessRunner({ platform: process.platform, env: { PATH: nodeDir } }).has('node'),
        true,
      );
    });
  });

  it('has a wall clock and a monotonic clock', () => {
    assert.ok(Math.abs(io.clock.now() - Date.now()) < 1000);
    const a = io.clock.monotonic();
    assert.ok(io.clock.monotonic() >= a);
  });
});
