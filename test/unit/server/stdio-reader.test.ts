/**
 * src/server/stdio-reader.ts reads LSP frames from a real file descriptor (a temporary file here;
 * stdin's pipe in the server): small messages back to back, a large one read straight into its
 * buffer, a body that is not JSON reported without losing the next message, and a broken header
 * or an early end reported and closed.
 */
import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { closeSync, constants, mkdtempSync, openSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { contentLength, readFromFd, StdioMessageReader } from '../../../src/server/stdio-reader';

const frame = (body: string | Buffer): Buffer => {
  const b = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
  return Buffer.concat([Buffer.from(`Content-Length: ${b.length}\r\n\r\n`, 'ascii'), b]);
};

interface Outcome {
  messages: unknown[];
  errors: string[];
}

let dir = '';

function readAll(bytes: Buffer): Promise<Outcome> {
  const file = path.join(dir, `in-${Math.random().toString(36).slice(2)}`);
  writeFileSync(file, bytes);
  const fd = openSync(file, 'r');
  const reader = new StdioMessageReader(readFromFd(fd));
  const out: Outcome = { messages: [], errors: [] };
  return new Promise((resolve) => {
    reader.onError((e) => out.errors.push(e.message));
    reader.onClose(() => {
      closeSync(fd);
      resolve(out);
    });
    reader.listen((m) => out.messages.push(m));
  });
}

describe('LSP reader on a file descriptor', () => {
  before(() => (dir = mkdtempSync(path.join(tmpdir(), 'ead-reader-'))));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('reads small messages back to back and a large document between them, in order', async () => {
    const text =
      '2026-12-04T10:00:00.000Z,EX02\\Default EX02,08DD,1,10.0.0.2:25,10.0.0.1:15000,<,454 4.7.0 "é中😀"\r\n'.repeat(
        30_000,
      );
    const big = {
      jsonrpc: '2.0',
      method: 'textDocument/didOpen',
      params: { textDocument: { uri: 'file:///a.log', text } },
    };
    const small = (id: number) => ({ jsonrpc: '2.0', id, method: 'shutdown' });
    const { messages, errors } = await readAll(
      Buffer.concat([frame(JSON.stringify(small(1))), frame(JSON.stringify(big)), frame(JSON.stringify(small(2)))]),
    );
    assert.deepEqual(errors, []);
    assert.deepEqual(messages, [small(1), big, small(2)]);
  });

  it('reports a body that is not JSON and reads the next message', async () => {
    const { messages, errors } = await readAll(
      Buffer.concat([frame('{"jsonrpc":'), frame('{"jsonrpc":"2.0","method":"exit"}')]),
    );
    assert.equal(errors.length, 1);
    assert.deepEqual(messages, [{ jsonrpc: '2.0', method: 'exit' }]);
  });

  it('reports an input that ends inside a body, and closes', async () => {
    const whole = frame('{"jsonrpc":"2.0","method":"exit"}');
    const { messages, errors } = await readAll(whole.subarray(0, whole.length - 5));
    assert.deepEqual(messages, []);
    assert.match(errors[0] ?? '', /input ended 5 bytes before the end of a message/);
  });

  it('reports a header without Content-Length, and closes', async () => {
    const { messages, errors } = await readAll(
      Buffer.from('Content-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n{}'),
    );
    assert.deepEqual(messages, []);
    assert.match(errors[0] ?? '', /without Content-Length/);
  });

  it('waits on a non-blocking descriptor (EAGAIN) until the message arrives', async function () {
    if (process.platform === 'win32') this.skip();
    const fifo = path.join(dir, 'fifo');
    execFileSync('mkfifo', [fifo]);
    const fd = openSync(fifo, constants.O_RDONLY | constants.O_NONBLOCK);
    const writer = openSync(fifo, constants.O_WRONLY);
    const reader = new StdioMessageReader(readFromFd(fd));
    const got = new Promise<unknown>((resolve) => reader.listen(resolve));
    await new Promise((r) => setTimeout(r, 50)); // the reader meets an empty pipe first
    writeSync(writer, frame('{"jsonrpc":"2.0","method":"exit"}'));
    assert.deepEqual(await got, { jsonrpc: '2.0', method: 'exit' });
    closeSync(writer);
    await new Promise<void>((resolve) => reader.onClose(() => resolve()));
    closeSync(fd);
  });

  it('reads headers by the protocol: any case, a Content-Type with utf-8, nothing else', () => {
    assert.equal(contentLength('content-length: 12\r\nContent-Type: application/vscode-jsonrpc; charset=utf-8'), 12);
    assert.equal(contentLength('Content-Length:7'), 7);
    assert.throws(
      () => contentLength('Content-Length: 12\r\nContent-Type: application/json; charset=latin1'),
      /charset/,
    );
    assert.throws(() => contentLength('Content-Length: -1'), /bad Content-Length/);
    assert.throws(() => contentLength('Content-Length: 999999999999'), /over the/);
    assert.throws(() => contentLength('nonsense'), /bad LSP header line/);
  });
});
