/**
 * Reading SMTP replies (RFC 5321 §4.2) from a stream: `250-...` continuation lines up to the
 * `250 ...` line that ends the reply. Reads are bounded in bytes and time, so a server that talks
 * forever or not at all cannot hold a probe.
 */
import type { Duplex } from 'node:stream';
import type { OpOptions } from '../io';
import { DoctorError, withDeadline } from '../errors';

/** No reply the probes wait for is longer; Exchange's EHLO reply is about 300 bytes. */
export const MAX_REPLY_BYTES = 8192;

export interface SmtpReply {
  code: number;
  /** The text of each line after the code and separator. */
  lines: string[];
  /** The reply as received, lines joined with `\n` (for evidence). */
  raw: string;
}

const FINAL_LINE = /^(\d{3})(?: |$)/;
const ANY_LINE = /^(\d{3})[ -]?(.*)$/;

/** Parses one complete reply; lines before the final one that carry no code are kept as text. */
export function parseReply(rawLines: readonly string[]): SmtpReply {
  const last = rawLines[rawLines.length - 1] ?? '';
  const code = Number(FINAL_LINE.exec(last)?.[1] ?? NaN);
  const lines = rawLines.map((l) => ANY_LINE.exec(l)?.[2] ?? l);
  return { code, lines, raw: rawLines.join('\n') };
}

/**
 * Buffers everything the socket sends and hands out one reply per `read`. Attach it right after
 * connecting: data that arrives between two reads is kept.
 */
export class SmtpReplyReader {
  private buffer = '';
  private received = 0;
  private failure: Error | undefined;
  private wake: (() => void) | undefined;

  constructor(
    private readonly socket: Duplex,
    private readonly what: string,
    private readonly maxBytes = MAX_REPLY_BYTES,
  ) {
    socket.on('data', this.onData);
    socket.on('error', this.onError);
    socket.on('end', this.onEnd);
    socket.on('close', this.onEnd);
  }

  private readonly onData = (chunk: Buffer | string): void => {
    if (this.failure) return;
    this.received += chunk.length;
    if (this.received > this.maxBytes) {
      // Bounded between reads too (a server may talk while no read waits): past the cap the
      // buffer is dropped and the connection closed, so neither memory nor re-scanning grows.
      this.buffer = '';
      this.failure = new DoctorError(
        'protocol',
        `${this.what} sent more than ${this.maxBytes} bytes without ending its reply`,
      );
      this.socket.destroy();
      this.wake?.();
      return;
    }
    this.buffer += typeof chunk === 'string' ? chunk : chunk.toString('latin1');
    this.wake?.();
  };

  private readonly onError = (e: Error): void => {
    this.failure ??= e;
    this.wake?.();
  };

  private readonly onEnd = (): void => {
    this.failure ??= new DoctorError(
      'protocol',
      `${this.what} closed the connection${this.buffer ? ` after "${this.buffer.slice(0, 120).trim()}"` : ''}`,
    );
    this.wake?.();
  };

  /** Takes one complete reply out of the buffer, if there is one. */
  private take(): SmtpReply | undefined {
    const lines = this.buffer.split('\n');
    for (let i = 0; i < lines.length - 1; i++) {
      const line = (lines[i] ?? '').replace(/\r$/, '');
      if (FINAL_LINE.test(line)) {
        const reply = parseReply(lines.slice(0, i + 1).map((l) => l.replace(/\r$/, '')));
        this.buffer = lines.slice(i + 1).join('\n');
        this.received = this.buffer.length;
        return reply;
      }
    }
    return undefined;
  }

  read(options: OpOptions): Promise<SmtpReply> {
    return withDeadline(
      `${this.what} reply`,
      options.timeoutMs,
      options.signal,
      (signal) =>
        new Promise<SmtpReply>((resolve, reject) => {
          const check = (): void => {
            const reply = this.take();
            if (reply) return finish(() => resolve(reply));
            const failure = this.failure;
            if (failure) return finish(() => reject(failure));
          };
          const finish = (f: () => void): void => {
            this.wake = undefined;
            signal.removeEventListener('abort', onAbort);
            f();
          };
          const onAbort = (): void => finish(() => undefined);
          signal.addEventListener('abort', onAbort, { once: true });
          this.wake = check;
          check();
        }),
    );
  }

  dispose(): void {
    this.wake = undefined;
    this.socket.off('data', this.onData);
    this.socket.off('error', this.onError);
    this.socket.off('end', this.onEnd);
    this.socket.off('close', this.onEnd);
  }
}

/** Reads an SMTP greeting (all `220-` lines up to the final one); the caller closes the socket. */
export async function readGreeting(socket: Duplex, what: string, options: OpOptions): Promise<string> {
  const reader = new SmtpReplyReader(socket, what);
  try {
    return (await reader.read(options)).raw;
  } finally {
    reader.dispose();
  }
}
