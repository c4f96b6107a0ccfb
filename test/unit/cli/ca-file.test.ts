import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { UsageError } from '../../../src/cli/args';
import { readCaFile } from '../../../src/cli/connection';
import { CaFileError, MAX_CA_FILE_BYTES, readCaFileAsync } from '../../../src/io/ca-file';

/** A syntactically plausible PEM block; the reader checks the armour, TLS checks the certificate. */
const PEM = `-----BEGIN CERTIFICATE-----\n${'MIIB'.repeat(16)}\n-----END CERTIFICATE-----\n`;

describe('CLI --ca-file', () => {
  let dir: string;
  before(() => (dir = mkdtempSync(path.join(tmpdir(), 'ead-ca-file-'))));
  after(() => rmSync(dir, { recursive: true, force: true }));

  const refused = (file: string, pattern: RegExp): void =>
    assert.throws(
      () => readCaFile(file),
      (e: unknown) => e instanceof UsageError && pattern.test(e.message),
    );

  it('reads a PEM bundle', () => {
    const file = path.join(dir, 'ca.pem');
    writeFileSync(file, PEM + PEM);
    assert.equal(readCaFile(file), PEM + PEM);
  });

  it('refuses a device such as /dev/zero (and a folder) instead of reading it until memory runs out', () => {
    refused(process.platform === 'win32' ? dir : '/dev/zero', /not a regular file/);
    refused(dir, /not a regular file/);
  });

  it(`refuses a file over ${MAX_CA_FILE_BYTES} bytes without reading it whole`, () => {
    const file = path.join(dir, 'big.pem');
    writeFileSync(file, PEM + 'x'.repeat(MAX_CA_FILE_BYTES));
    refused(file, /larger than 1 MiB/);
  });

  it('refuses a file that holds no PEM certificate', () => {
    const file = path.join(dir, 'key.txt');
    writeFileSync(file, 'not a certificate\n');
    refused(file, /holds no PEM certificate/);
  });

  it('the extension reads the same way: the same checks, with a code for its translated message', async () => {
    const file = path.join(dir, 'ca2.pem');
    writeFileSync(file, PEM);
    assert.equal(await readCaFileAsync(file), PEM);
    const code = (p: string): Promise<string> =>
      readCaFileAsync(p).then(
        () => 'read',
        (e: unknown) => (e instanceof CaFileError ? e.code : String(e)),
      );
    assert.equal(await code(process.platform === 'win32' ? dir : '/dev/zero'), 'EFTYPE');
    assert.equal(await code(path.join(dir, 'big.pem')), 'EFBIG');
    assert.equal(await code(path.join(dir, 'key.txt')), 'ENOCERT');
    assert.equal(await code(path.join(dir, 'missing.pem')), 'ENOENT');
  });
});
