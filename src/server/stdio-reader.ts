/**
 * The language server's message reader on stdin (LSP base protocol: `Content-Length` header, blank
 * line, UTF-8 JSON body). It replaces vscode-jsonrpc's stream reader so that a large document costs
 * about twice its size while it arrives, not four to five times: each body is read from the file
 * descriptor straight into one buffer of the announced length (no 64 KB chunks left for the garbage
 * collector, no list of chunks joined at the end) and parsed with ./json-lift.ts, which turns the
 * document's text into a string once. bench/server-memory.ts measures it.
 */
import { read } from 'node:fs';
import { AbstractMessageReader, type DataCallback, type Disposable, type Message } from 'vscode-languageserver/node';
import { parseJsonBody } from './json-lift';

const HEADER_END = Buffer.from('\r\n\r\n', 'ascii');
/** Headers are two short lines; anything longer is not LSP. */
const MAX_HEADER = 8 * 1024;
/** How much one read for headers asks for (it may also bring small messages whole). */
const HEAD_READ = 64 * 1024;
/** The largest body accepted: far above the analysis cap (src/server/documents.ts), below V8's string limit. */
export const MAX_BODY = 512 * 1024 * 1024;

/** Reads up to `length` bytes into `into` at `offset`; 0 means end of input. */
export type ReadInto = (into: Buffer, offset: number, length: number) => Promise<number>;

/** `ReadInto` on a file descriptor (stdin is 0): a blocking read in libuv's thread pool, straight into the buffer. */
export function readFromFd(fd: number): ReadInto {
  const once = (into: Buffer, offset: number, length: number): Promise<number> =>
    new Promise((resolve, reject) =>
      read(fd, into, offset, length, null, (e, n) => {
        // A closed pipe reads as EOF on Windows; a descriptor someone made non-blocking as EAGAIN.
        if (e?.code === 'EOF') resolve(0);
        else if (e) reject(e);
        else resolve(n);
      }),
    );
  return async (into, offset, length) => {
    for (;;) {
      try {
        return await once(into, offset, length);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'EAGAIN') throw e;
        await new Promise((r) => setTimeout(r, 5));
      }
    }
  };
}

export class StdioMessageReader extends AbstractMessageReader {
  private stopped = false;

  constructor(private readonly readInto: ReadInto) {
    super();
  }

  listen(callback: DataCallback): Disposable {
    this.stopped = false;
    this.loop(callback).then(
      () => this.fireClose(),
      (e: unknown) => {
        // The stream cannot be resynchronised after a bad header or body: report and stop reading.
        this.fireError(e);
        this.fireClose();
      },
    );
    return { dispose: () => void (this.stopped = true) };
  }

  private async loop(callback: DataCallback): Promise<void> {
    let pending: Buffer = Buffer.alloc(0);
    while (!this.stopped) {
      let end: number;
      while ((end = pending.indexOf(HEADER_END)) < 0) {
        if (pending.length > MAX_HEADER) throw new Error('LSP header too long or missing');
        const more = Buffer.allocUnsafe(HEAD_READ);
        const n = await this.readInto(more, 0, HEAD_READ);
        if (n === 0) return;
        pending = pending.length ? Buffer.concat([pending, more.subarray(0, n)]) : more.subarray(0, n);
      }
      const length = contentLength(pending.toString('ascii', 0, end));
      pending = pending.subarray(end + HEADER_END.length);
      await readBody(
        this.readInto,
        length,
        pending.subarray(0, length),
        (m) => {
          if (!this.stopped) callback(m);
        },
        (e) => this.fireError(e),
      );
      pending = pending.subarray(Math.min(length, pending.length));
    }
  }
}

/**
 * Reads one body (its first bytes already in `start`), parses it and hands it on; a body that is
 * not JSON is reported and skipped (the framing stays intact). A function of its own so that the body buffer is nobody's
 * local once it returns: in the loop's frame the body and the message would stay alive while the
 * loop waits for the next header.
 */
async function readBody(
  readInto: ReadInto,
  length: number,
  start: Buffer,
  onMessage: (m: Message) => void,
  onError: (e: unknown) => void,
): Promise<void> {
  const body = Buffer.allocUnsafe(length);
  start.copy(body, 0, 0, start.length);
  for (let filled = start.length; filled < length;) {
    const n = await readInto(body, filled, length - filled);
    if (n === 0) throw new Error(`input ended ${length - filled} bytes before the end of a message`);
    filled += n;
  }
  let message: Message;
  try {
    message = parseJsonBody(body) as Message;
  } catch (e) {
    onError(e);
    return;
  }
  onMessage(message);
}

/** The body length a header block announces; UTF-8 is the only charset LSP allows. */
export function contentLength(header: string): number {
  let length: number | undefined;
  for (const line of header.split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon < 0) throw new Error(`bad LSP header line: ${JSON.stringify(line.slice(0, 80))}`);
    const name = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    if (name === 'content-length') {
      if (!/^\d+$/.test(value)) throw new Error(`bad Content-Length: ${JSON.stringify(value.slice(0, 40))}`);
      length = Number(value);
    } else if (name === 'content-type' && /charset=/i.test(value) && !/charset=utf-?8/i.test(value)) {
      throw new Error(`unsupported charset in ${JSON.stringify(value.slice(0, 80))}`);
    }
  }
  if (length === undefined) throw new Error('LSP header without Content-Length');
  if (length > MAX_BODY) throw new Error(`LSP message of ${length} bytes is over the ${MAX_BODY}-byte limit`);
  return length;
}
