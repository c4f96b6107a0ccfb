/**
 * The client side of the extension's one-shot password hand-off (src/extension/terminal/
 * password-handoff.ts). VS Code's terminal gets only where to ask (EAD_PASSWORD_SOCKET: a Unix
 * socket in a private 0700 directory, or a named pipe on Windows) and a token
 * (EAD_PASSWORD_TOKEN); the password itself never enters the shell's environment. The extension
 * listens only while it runs one command, and answers the token once with the password.
 */
import * as net from 'node:net';

/** The password, or undefined when nothing answers (the hand-off is over) within `timeoutMs`. */
export function readPasswordFromSocket(address: string, token: string, timeoutMs = 5000): Promise<string | undefined> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let settled = false;
    const socket = net.connect(address);
    const finish = (value: string | undefined): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      resolve(value);
    };
    const timer = setTimeout(() => finish(undefined), timeoutMs);
    socket.on('connect', () => socket.write(`${token}\n`));
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('end', () => {
      const value = Buffer.concat(chunks).toString('utf8');
      finish(value === '' ? undefined : value);
    });
    socket.on('error', () => finish(undefined));
  });
}
