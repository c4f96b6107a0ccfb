/**
 * Hands the bind password to the CLI run in the extension's terminal without putting it in the
 * terminal's environment (where every command run there would inherit it and `env` would print
 * it). The terminal gets only EAD_PASSWORD_SOCKET (a Unix socket in a fresh 0700 directory under
 * the temporary folder, or a named pipe with a random name on Windows) and EAD_PASSWORD_TOKEN (a
 * random token, useless on its own). The extension listens there only while it runs one CLI
 * command: the first client that sends the token gets the password, and the listener closes.
 * The CLI side is src/cli/password-socket.ts. Pure Node (no `vscode`): unit-tested.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { chmodSync, mkdtempSync, rmSync, unlinkSync } from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';

export const PASSWORD_SOCKET_ENV = 'EAD_PASSWORD_SOCKET';
export const PASSWORD_TOKEN_ENV = 'EAD_PASSWORD_TOKEN';

export interface ArmedHandoff {
  /** Resolves true once the password was handed over, false when disarmed or expired first. */
  readonly served: Promise<boolean>;
  /** Stops listening (idempotent). */
  disarm(): Promise<void>;
}

export interface PasswordHandoffOptions {
  platform?: NodeJS.Platform;
  tmpdir?: string;
}

/** The longest token line a client may send before it is cut off. */
const MAX_LINE = 256;

export class PasswordHandoff {
  private readonly platform: NodeJS.Platform;
  private readonly tmpdir: string;
  private dir: string | undefined;
  private socketPath: string | undefined;
  private readonly token = randomBytes(32).toString('hex');
  private current: ArmedHandoff | undefined;

  constructor(options: PasswordHandoffOptions = {}) {
    this.platform = options.platform ?? process.platform;
    this.tmpdir = options.tmpdir ?? os.tmpdir();
  }

  /** Where the CLI asks: stable for the life of this object, so the terminal need not be recreated. */
  get address(): string {
    if (!this.socketPath) {
      if (this.platform === 'win32') {
        this.socketPath = `\\\\.\\pipe\\exchange-auth-doctor-${randomBytes(16).toString('hex')}`;
      } else {
        // mkdtemp creates the directory with mode 0700: no other user can reach the socket.
        this.dir = mkdtempSync(path.join(this.tmpdir, 'ead-'));
        this.socketPath = path.join(this.dir, 'pw.sock');
      }
    }
    return this.socketPath;
  }

  /** The terminal's part: where to ask and the token; never the password. */
  env(): Record<string, string> {
    return { [PASSWORD_SOCKET_ENV]: this.address, [PASSWORD_TOKEN_ENV]: this.token };
  }

  /**
   * Listens until one client presents the token (it gets `password`, then the listener closes),
   * `ttlMs` pass, or disarm() is called. A previous arming is disarmed first.
   */
  async arm(password: string, ttlMs: number): Promise<ArmedHandoff> {
    await this.current?.disarm();
    const address = this.address;
    if (this.platform !== 'win32') {
      try {
        unlinkSync(address);
      } catch {
        // not there: fine
      }
    }
    const expected = Buffer.from(this.token, 'utf8');
    let resolveServed!: (value: boolean) => void;
    const served = new Promise<boolean>((resolve) => (resolveServed = resolve));
    let closed = false;
    /** Connections that have not (yet) been answered. */
    const waiting = new Set<net.Socket>();
    const server = net.createServer((socket) => {
      if (closed) {
        socket.destroy();
        return;
      }
      waiting.add(socket);
      socket.on('close', () => waiting.delete(socket));
      socket.on('error', () => socket.destroy());
      socket.setTimeout(2000, () => socket.destroy());
      let line = '';
      socket.setEncoding('utf8');
      socket.on('data', (chunk: string) => {
        line += chunk;
        const nl = line.indexOf('\n');
        if (nl < 0) {
          if (line.length > MAX_LINE) socket.destroy();
          return;
        }
        const given = Buffer.from(line.slice(0, nl), 'utf8');
        if (closed || given.length !== expected.length || !timingSafeEqual(given, expected)) {
          socket.destroy();
          return;
        }
        waiting.delete(socket);
        socket.end(password);
        resolveServed(true);
        void disarm();
      });
    });
    const disarm = async (): Promise<void> => {
      if (closed) return;
      closed = true;
      clearTimeout(timer);
      resolveServed(false);
      // Clients that did not present the token are cut off; one being answered finishes.
      for (const s of waiting) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      if (this.platform !== 'win32') {
        try {
          unlinkSync(address);
        } catch {
          // already removed by close()
        }
      }
      if (this.current === armed) this.current = undefined;
    };
    const armed: ArmedHandoff = { served, disarm };
    const timer = setTimeout(() => void disarm(), ttlMs);
    try {
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen({ path: address, readableAll: false, writableAll: false }, () => {
          server.off('error', reject);
          resolve();
        });
      });
      if (this.platform !== 'win32') chmodSync(address, 0o600);
    } catch (e) {
      await disarm();
      throw e;
    }
    this.current = armed;
    return armed;
  }

  dispose(): void {
    void this.current?.disarm();
    if (this.dir) rmSync(this.dir, { recursive: true, force: true });
    this.dir = undefined;
  }
}
