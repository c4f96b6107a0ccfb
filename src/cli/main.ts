/**
 * Entry point of `exchange-auth-doctor` (bundled to dist/cli.js). Wiring only: parse the command
 * line, get the password, build the Node I/O, run the command, map the outcome to an exit code.
 * Ctrl+C cancels the run (findings so far are still printed); a second Ctrl+C exits at once.
 */
import { version } from '../../package.json';
import { createNodeIo } from '../io/node-io';
import { isDoctorError } from '../core/errors';
import { UsageError, parseCli } from './args';
import { DIAGNOSE_HELP, MAIN_HELP, SETSPN_HELP } from './help';
import { PromptCancelled, readPassword } from './password';
import { runDiagnose } from './diagnose';
import { buildTargets, explainConnectionError, openFirstSession, readCaFile } from './connection';
import { runSetspn } from './setspn';
import { redactSecrets } from '../core/report/meta';
import type { DirectoryCredentials } from '../core/io';
import { kerberosIdentityAvailable, resolveAuthentication } from '../io/directory-auth';

async function main(argv: string[]): Promise<number> {
  const controller = new AbortController();
  let interrupts = 0;
  process.on('SIGINT', () => {
    interrupts++;
    if (interrupts > 1) process.exit(130);
    process.stderr.write('\nCancelling... (press Ctrl+C again to quit at once)\n');
    controller.abort();
  });

  const command = parseCli(argv, process.env, process.stdout.isTTY === true);
  if (command.command === 'help') {
    process.stdout.write(
      command.topic === 'diagnose' ? DIAGNOSE_HELP : command.topic === 'setspn' ? SETSPN_HELP : MAIN_HELP,
    );
    return 0;
  }
  if (command.command === 'version') {
    process.stdout.write(`${version}\n`);
    return 0;
  }
  const io = createNodeIo();
  // `auto` becomes kerberos when this machine holds a ticket (or a Windows domain logon).
  command.options.auth = await resolveAuthentication(command.options.auth, () =>
    kerberosIdentityAvailable(io.process, io.platform, process.env, {
      timeoutMs: command.options.timeoutMs,
      signal: controller.signal,
    }),
  );
  const kerberos = command.options.auth === 'kerberos';
  // With Kerberos no password is asked or read: the ticket or the logon signs in.
  const password = kerberos ? '' : await readPassword(process.env, command.options.user);
  // Child processes (kvno, klist, ...) must not inherit the password.
  delete process.env.EAD_BIND_PASSWORD;

  if (command.command === 'diagnose') {
    const result = await runDiagnose(
      io,
      command.options,
      password,
      { stdout: process.stdout, stderr: process.stderr, progress: process.stderr.isTTY === true },
      controller.signal,
      version,
    );
    return result.exitCode;
  }

  const options = command.options;
  const targets = buildTargets(options, readCaFile(options.caFile));
  const credentials: DirectoryCredentials = kerberos ? { kind: 'kerberos' } : { user: options.user, password };
  const op = { timeoutMs: options.timeoutMs, signal: controller.signal };
  let domain;
  try {
    domain = await openFirstSession(io, targets, credentials, op);
  } catch (e) {
    process.stderr.write(redactSecrets(`exchange-auth-doctor: ${explainConnectionError(e, options)}\n`, [password]));
    return 2;
  }
  let forest = domain;
  let forestIsGc = false;
  if (command.setspn.mode !== 'list') {
    try {
      forest = await openFirstSession(io, targets, credentials, { ...op, globalCatalog: true });
      forestIsGc = true;
    } catch (e) {
      if (isDoctorError(e) && e.kind === 'aborted') throw e;
      process.stderr.write(
        redactSecrets(
          `The global catalog could not be opened (${e instanceof Error ? e.message : String(e)}); searching the domain only.\n`,
          [password],
        ),
      );
    }
  }
  try {
    const out = await runSetspn(command.setspn, {
      domain,
      forest,
      forestIsGc,
      timeoutMs: options.timeoutMs,
      signal: controller.signal,
    });
    process.stdout.write(redactSecrets(out.stdout, [password]));
    process.stderr.write(redactSecrets(out.stderr, [password]));
    return out.exitCode;
  } finally {
    await domain.close();
    if (forest !== domain) await forest.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    if (e instanceof UsageError) {
      process.stderr.write(`exchange-auth-doctor: ${e.message}\n`);
      process.exitCode = 2;
    } else if (e instanceof PromptCancelled || (isDoctorError(e) && e.kind === 'aborted')) {
      process.stderr.write('exchange-auth-doctor: cancelled\n');
      process.exitCode = 130;
    } else {
      process.stderr.write(`exchange-auth-doctor: ${e instanceof Error ? e.message : String(e)}\n`);
      process.exitCode = 2;
    }
  },
);
