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
import { runSetspn } from '../core/steps/3-spns/setspn-over-ldap';
import { cliOutput } from './output';
import { redactArgvValues } from './usage-redaction';
import type { DirectoryCredentials } from '../core/io';
import { kerberosIdentityAvailable, resolveAuthentication } from '../io/directory-auth';

// Every line goes through src/cli/output.ts: control characters made visible, and the password
// masked once it is known (the writers read this list at each write), up to the last error line.
const secrets: string[] = [];
const stdout = cliOutput(process.stdout, { secrets });
const stderr = cliOutput(process.stderr, { secrets });

async function main(args: string[]): Promise<number> {
  const controller = new AbortController();
  let interrupts = 0;
  process.on('SIGINT', () => {
    interrupts++;
    if (interrupts > 1) process.exit(130);
    stderr.write('\nCancelling... (press Ctrl+C again to quit at once)\n');
    controller.abort();
  });

  // A reader that stops reading (`| head`) ends the run quietly, as other command-line tools do.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code !== 'EPIPE') throw e;
      controller.abort();
      process.exit(0);
    });
  }

  const command = parseCli(args, process.env, process.stdout.isTTY === true);
  if (command.command === 'help') {
    stdout.write(command.topic === 'diagnose' ? DIAGNOSE_HELP : command.topic === 'setspn' ? SETSPN_HELP : MAIN_HELP);
    return 0;
  }
  if (command.command === 'version') {
    stdout.write(`${version}\n`);
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
  if (password) secrets.push(password);
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
    stderr.write(`exchange-auth-doctor: ${explainConnectionError(e, options)}\n`);
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
      stderr.write(
        `The global catalog could not be opened (${e instanceof Error ? e.message : String(e)}); searching the domain only.\n`,
      );
    }
  }
  try {
    const result = await runSetspn(command.setspn, {
      domain,
      forest,
      forestIsGc,
      timeoutMs: options.timeoutMs,
      signal: controller.signal,
    });
    stdout.write(result.stdout);
    stderr.write(result.stderr);
    return result.exitCode;
  } finally {
    await domain.close();
    if (forest !== domain) await forest.close();
  }
}

const argv = process.argv.slice(2);
/** The EAD_* settings as started (main removes the password from process.env once read). */
const environment = { ...process.env };
main(argv).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    if (e instanceof UsageError) {
      // A value typed in the wrong place (a password) is named by its position, never echoed.
      stderr.write(`exchange-auth-doctor: ${redactArgvValues(e.message, argv, environment)}\n`);
      process.exitCode = 2;
    } else if (e instanceof PromptCancelled || (isDoctorError(e) && e.kind === 'aborted')) {
      stderr.write('exchange-auth-doctor: cancelled\n');
      process.exitCode = 130;
    } else {
      stderr.write(`exchange-auth-doctor: ${e instanceof Error ? e.message : String(e)}\n`);
      process.exitCode = 2;
    }
  },
);
