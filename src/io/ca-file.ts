/**
 * Reading the CA bundle a user names (`--ca-file`, `exchangeAuthDoctor.directory.caFile`). The
 * path is the user's, so it can be anything: `/dev/zero` or a FIFO would be read forever, a log
 * file would be read whole into memory. Only a regular file of at most MAX_CA_FILE_BYTES is read,
 * with one read past the limit to notice a file that grew, and it must hold a PEM certificate.
 * Errors carry an errno-style `code` (EFBIG too large, EFTYPE not a regular file, or the system's)
 * for the extension's translated "cannot be read ({1})" message.
 */
import { closeSync, fstatSync, openSync, readSync, promises as fs } from 'node:fs';

/** 1 MiB: the whole Mozilla CA bundle is about 220 KB. */
export const MAX_CA_FILE_BYTES = 1024 * 1024;
const PEM_CERTIFICATE = '-----BEGIN CERTIFICATE-----';

export type CaFileProblem = 'unreadable' | 'not-a-file' | 'too-large' | 'no-certificate';

export class CaFileError extends Error {
  constructor(
    readonly problem: CaFileProblem,
    message: string,
    readonly code: string,
  ) {
    super(message);
    this.name = 'CaFileError';
  }
}

function check(path: string, bytes: Buffer, length: number): string {
  if (length > MAX_CA_FILE_BYTES)
    throw new CaFileError(
      'too-large',
      `The CA file ${path} is larger than 1 MiB; name the PEM of the issuing CA`,
      'EFBIG',
    );
  const text = bytes.toString('utf8', 0, length);
  if (!text.includes(PEM_CERTIFICATE))
    throw new CaFileError(
      'no-certificate',
      `The CA file ${path} holds no PEM certificate (${PEM_CERTIFICATE})`,
      'ENOCERT',
    );
  return text;
}

const notAFile = (path: string): CaFileError =>
  new CaFileError('not-a-file', `The CA file ${path} is not a regular file`, 'EFTYPE');
const unreadable = (path: string, e: unknown): CaFileError => {
  const code = (e as NodeJS.ErrnoException).code ?? (e instanceof Error ? e.message : String(e));
  return new CaFileError('unreadable', `The CA file ${path} cannot be read (${code})`, code);
};

/** For the CLI, which reads it once before it starts. */
export function readCaFileSync(path: string): string {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (e) {
    throw unreadable(path, e);
  }
  try {
    if (!fstatSync(fd).isFile()) throw notAFile(path);
    const buf = Buffer.alloc(MAX_CA_FILE_BYTES + 1);
    let length = 0;
    for (let n = -1; n !== 0 && length < buf.length; length += n)
      n = readSync(fd, buf, length, buf.length - length, null);
    return check(path, buf, length);
  } catch (e) {
    throw e instanceof CaFileError ? e : unreadable(path, e);
  } finally {
    closeSync(fd);
  }
}

/** For the extension. */
export async function readCaFileAsync(path: string): Promise<string> {
  let handle: fs.FileHandle;
  try {
    handle = await fs.open(path, 'r');
  } catch (e) {
    throw unreadable(path, e);
  }
  try {
    if (!(await handle.stat()).isFile()) throw notAFile(path);
    const buf = Buffer.alloc(MAX_CA_FILE_BYTES + 1);
    let length = 0;
    for (let n = -1; n !== 0 && length < buf.length; length += n)
      n = (await handle.read(buf, length, buf.length - length, null)).bytesRead;
    return check(path, buf, length);
  } catch (e) {
    throw e instanceof CaFileError ? e : unreadable(path, e);
  } finally {
    await handle.close();
  }
}
