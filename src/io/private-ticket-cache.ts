/**
 * Kerberos tickets for the ticket evidence of step 3, from the password the user signed in with:
 * `kinit` into a credential cache in a private temporary folder (0700, made by mkdtemp), the
 * password written to kinit's standard input and nowhere else (never argv, never the child's
 * environment, never a file), and the folder removed when the run is done. MIT kinit reads the
 * password from standard input; Heimdal (macOS) needs `--password-file=STDIN`.
 * Not run on macOS here: the Heimdal form follows its manual page.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import type { OpOptions, PrivateKerberos, PrivateTicketCache, ProcessRunner } from '../core/io';
import { DoctorError } from '../core/errors';

const FOLDER_PREFIX = 'ead-krb5-';

/** The first line kinit printed, without the password prompt (which names the principal only). */
function kinitMessage(stdout: string, stderr: string): string {
  const text = `${stderr}\n${stdout}`
    .split(/\r?\n/)
    .map((l) => l.replace(/^Password for [^:]*:\s*/, '').trim())
    .find((l) => l.length > 0);
  return text ?? 'kinit gave no reason';
}

export class KinitTicketCaches implements PrivateKerberos {
  constructor(
    private readonly runner: ProcessRunner,
    private readonly platform: NodeJS.Platform = process.platform,
    private readonly tmp: string = os.tmpdir(),
  ) {}

  async open(principal: string, password: string, options: OpOptions): Promise<PrivateTicketCache> {
    if (!(await this.runner.has('kinit'))) throw new DoctorError('kerberos-unavailable', 'kinit is not installed');
    const dir = await mkdtemp(path.join(this.tmp, FOLDER_PREFIX));
    let closed = false;
    const close = async (): Promise<void> => {
      if (closed) return;
      closed = true;
      await rm(dir, { recursive: true, force: true });
    };
    const env = { KRB5CCNAME: `FILE:${path.join(dir, 'ccache')}` };
    try {
      const args = this.platform === 'darwin' ? ['--password-file=STDIN', principal] : [principal];
      const r = await this.runner.run('kinit', args, { ...options, input: `${password}\n`, env });
      if (r.exitCode !== 0)
        throw new DoctorError('bind-invalid-credentials', `kinit ${principal}: ${kinitMessage(r.stdout, r.stderr)}`);
      return { env, close };
    } catch (e) {
      await close();
      throw e;
    }
  }
}
