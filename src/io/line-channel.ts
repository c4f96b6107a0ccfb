/**
 * A child process spoken to one line at a time: a JSON request on a line of its standard input,
 * one line of JSON back on its standard output. The Windows directory adapter keeps one
 * PowerShell process per discovery this way instead of starting one per search.
 *
 * The process runs from an absolute path (resolveExecutable: never the working folder) with an
 * argument vector and no shell, in this process's environment minus the bind password
 * (childEnvironment). Every request has a deadline and the caller's AbortSignal; when either fires
 * the process is killed (a request in flight cannot be recalled), and so is a process that exits
 * or breaks the protocol: the channel is then closed and every later request fails at once.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { AbortError, DoctorError, TimeoutError, throwIfAborted } from '../core/errors';
import { childEnvironment } from './process';

/** A line longer than this is not an answer of the protocol. */
const MAX_LINE = 64 * 1024 * 1024;

export class LineChannel {
  private buffer = '';
  private waiting: { resolve(line: string): void; reject(e: Error): void } | undefined;
  private queue: Promise<unknown> = Promise.resolve();
  private failure: DoctorError | undefined;
  private stderr = '';

  private constructor(
    private readonly child: ChildProcessWithoutNullStreams,
    private readonly what: string,
  ) {
    child.stdout.setEncoding('utf8');
    child.stderr.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => this.onData(chunk));
    child.stderr.on('data', (chunk: string) => {
      if (this.stderr.length < 4096) this.stderr += chunk;
    });
    child.on('error', (e) => this.fail(new DoctorError('unavailable', `${what} could not be started: ${e.message}`)));
    child.on('exit', (code) =>
      this.fail(
        new DoctorError(
          'unavailable',
          `${what} ended (exit ${String(code)})${this.stderr.trim() ? `: ${this.stderr.trim().slice(0, 300)}` : ''}`,
        ),
      ),
    );
    child.stdin.on('error', () => undefined);
  }

  /** Starts `executable` (an absolute path) with `args`; `what` names it in messages. */
  static start(executable: string, args: readonly string[], what: string): LineChannel {
    const child = spawn(executable, [...args], {
      shell: false,
      windowsHide: true,
      stdio: ['pipe', 'pipe', 'pipe'],
      env: childEnvironment(process.env),
    });
    return new LineChannel(child, what);
  }

  get closed(): boolean {
    return this.failure !== undefined;
  }

  private onData(chunk: string): void {
    this.buffer += chunk;
    if (this.buffer.length > MAX_LINE) {
      this.fail(new DoctorError('protocol', `${this.what} sent a line longer than the protocol allows`));
      return;
    }
    const end = this.buffer.indexOf('\n');
    if (end < 0) return;
    const line = this.buffer.slice(0, end).replace(/\r$/, '');
    this.buffer = this.buffer.slice(end + 1);
    const waiting = this.waiting;
    this.waiting = undefined;
    if (waiting) waiting.resolve(line);
    else this.fail(new DoctorError('protocol', `${this.what} sent a line nobody asked for`));
  }

  private fail(e: DoctorError): void {
    if (!this.failure) this.failure = e;
    this.waiting?.reject(this.failure);
    this.waiting = undefined;
    if (this.child.exitCode === null && !this.child.killed) this.child.kill();
  }

  /** Sends one request line and resolves with the answer line. Requests run one after the other. */
  request(line: string, options: { timeoutMs: number; signal?: AbortSignal }): Promise<string> {
    const next = this.queue.then(() => this.exchange(line, options));
    this.queue = next.catch(() => undefined);
    return next;
  }

  private exchange(line: string, options: { timeoutMs: number; signal?: AbortSignal }): Promise<string> {
    throwIfAborted(options.signal, this.what);
    if (this.failure)
      return Promise.reject(new DoctorError('unavailable', `${this.what} is closed (${this.failure.message})`));
    if (line.includes('\n')) return Promise.reject(new DoctorError('usage', 'A request must be one line'));
    return new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => this.fail(new TimeoutError(this.what, options.timeoutMs)), options.timeoutMs);
      const onAbort = (): void => this.fail(new AbortError(this.what));
      options.signal?.addEventListener('abort', onAbort, { once: true });
      const done = (): void => {
        clearTimeout(timer);
        options.signal?.removeEventListener('abort', onAbort);
      };
      this.waiting = {
        resolve: (answer) => {
          done();
          resolve(answer);
        },
        reject: (e) => {
          done();
          reject(e);
        },
      };
      this.child.stdin.write(`${line}\n`);
    });
  }

  /** Ends the conversation: closes standard input and kills the process if it has not exited within 2 s. */
  async close(): Promise<void> {
    if (this.child.exitCode !== null || this.child.killed) return;
    const exited = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
    this.child.stdin.end();
    const timer = setTimeout(() => this.child.kill(), 2000);
    await exited;
    clearTimeout(timer);
  }
}
