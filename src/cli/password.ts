/**
 * The bind password: from EAD_BIND_PASSWORD, or typed at a masked prompt when stdin is a terminal.
 * Never from an option (see args.ts). The prompt echoes nothing but a `*` per character, handles
 * backspace, and treats Ctrl+C as cancellation.
 */
import type { Writable } from 'node:stream';
import { UsageError } from './args';
import { readPasswordFromSocket } from './password-socket';

export class PromptCancelled extends Error {
  constructor() {
    super('Cancelled at the password prompt');
    this.name = 'PromptCancelled';
  }
}

export async function readPassword(
  env: Record<string, string | undefined>,
  user: string,
  stdin: NodeJS.ReadStream = process.stdin,
  out: Writable = process.stderr,
): Promise<string> {
  const fromEnv = env.EAD_BIND_PASSWORD;
  if (fromEnv !== undefined && fromEnv !== '') return fromEnv;
  // Run from VS Code's terminal: the extension hands the password over once (password-socket.ts).
  const socket = env.EAD_PASSWORD_SOCKET;
  if (socket) {
    const handed = await readPasswordFromSocket(socket, env.EAD_PASSWORD_TOKEN ?? '');
    if (handed !== undefined) return handed;
  }
  if (!stdin.isTTY) {
    throw new UsageError(`No password for ${user}: set EAD_BIND_PASSWORD, or run in a terminal to be asked for it`);
  }
  return promptMasked(stdin, out, `Password for ${user}: `);
}

export function promptMasked(stdin: NodeJS.ReadStream, out: Writable, question: string): Promise<string> {
  return new Promise((resolve, reject) => {
    let value = '';
    out.write(question);
    stdin.setRawMode(true);
    stdin.resume();
    stdin.setEncoding('utf8');
    const done = (): void => {
      stdin.setRawMode(false);
      stdin.pause();
      stdin.removeListener('data', onData);
      out.write('\n');
    };
    const onData = (chunk: string): void => {
      for (const ch of chunk) {
        if (ch === '\r' || ch === '\n') {
          done();
          resolve(value);
          return;
        }
        if (ch === '\u0003') {
          done();
          reject(new PromptCancelled());
          return;
        }
        if (ch === '\u0004' && value === '') {
          done();
          reject(new PromptCancelled());
          return;
        }
        if (ch === '\u007f' || ch === '\b') {
          if (value.length) {
            value = value.slice(0, -1);
            out.write('\b \b');
          }
          continue;
        }
        // eslint-disable-next-line no-control-regex -- other control characters are ignored
        if (/[\u0000-\u001f]/.test(ch)) continue;
        value += ch;
        out.write('*');
      }
    };
    stdin.on('data', onData);
  });
}
