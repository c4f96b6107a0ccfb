/**
 * From a tool plan's invocation to the two things a run needs: the command line typed into the
 * terminal (quoted for that terminal's shell by the one tested function, buildCommandLine) and the
 * argument vector for execa (no shell). Both come from the same typed arguments, so the visible
 * command and the one run in the background agree. Pure (no `vscode`).
 */
import type { ShellKind } from '../../shared/findings';
import {
  CommandLineError,
  arg,
  buildCommandLine,
  commandArgv,
  renderToken,
  type CommandArg,
} from '../safety/command-line';
import { powershellArgs } from '../steps/5-kerberos-logging/kerberos-logging-commands';
import type { Invocation } from './tool-plan';

export interface CliLocation {
  /** The Node binary (the extension host's own, run as Node). */
  node: string;
  /** dist/cli.js of the extension. */
  script: string;
  /**
   * True when `node` is Electron (the desktop editor's process.execPath): it needs
   * ELECTRON_RUN_AS_NODE=1 to act as Node. That is set for this one command only (a prefix on
   * the typed line, the environment of the background process), never in the terminal's
   * environment, where it would make every Electron app started there run as Node.
   */
  runAsNode?: boolean;
}

export interface PreparedRun {
  commandLine: string;
  file: string;
  args: string[];
  /** Environment for this command only (the background process's; the typed line carries it itself). */
  env?: Record<string, string>;
}

/**
 * `line` with ELECTRON_RUN_AS_NODE=1 for that command alone: `VAR=1 cmd` in POSIX shells; in
 * PowerShell set for the command and removed after it whatever happens. cmd.exe has no form that
 * does not leave it set, and the extension never starts cmd.exe, so it is refused.
 */
function withRunAsNode(shell: ShellKind, line: string): string {
  switch (shell) {
    case 'posix':
      return `ELECTRON_RUN_AS_NODE=1 ${line}`;
    case 'powershell':
      return `$env:ELECTRON_RUN_AS_NODE = '1'; try { ${line} } finally { Remove-Item Env:ELECTRON_RUN_AS_NODE -ErrorAction Ignore }`;
    case 'cmd':
      throw new CommandLineError('the exchange-auth-doctor CLI cannot be run from cmd.exe here; use PowerShell', -1);
  }
}

/** The CLI's long options (`--server`, `--steps`): constant text of this extension, never a value. */
const LONG_OPTION = /^--[a-z][a-z0-9-]*$/;

/** One CLI argument: long options as they are; everything else validated and quoted by src/core/safety. */
function cliToken(shell: ShellKind, a: CommandArg): { value: string; shown: string } {
  if (a.kind === 'switch' && LONG_OPTION.test(a.text)) return { value: a.text, shown: a.text };
  const [value = ''] = commandArgv('exchange-auth-doctor', [a]);
  return { value, shown: a.kind === 'switch' ? value : renderToken(shell, value) };
}

export function prepareRun(
  inv: Exclude<Invocation, { kind: 'unavailable' }>,
  shell: ShellKind,
  cli: CliLocation,
  powershellExe = 'powershell',
): PreparedRun {
  switch (inv.kind) {
    case 'exe':
      return {
        commandLine: buildCommandLine(shell, inv.executable, inv.args),
        file: inv.executable,
        args: commandArgv(inv.executable, inv.args),
      };
    case 'powershell': {
      const args = powershellArgs(inv.script);
      // In a PowerShell terminal the script is typed as is; elsewhere it is handed to PowerShell
      // as one quoted argument (cmd.exe cannot carry it: buildCommandLine refuses).
      const commandLine =
        shell === 'powershell'
          ? inv.script
          : buildCommandLine(shell, powershellExe, [
              arg.switch('-NoProfile'),
              arg.switch('-NonInteractive'),
              arg.switch('-Command'),
              arg.text(inv.script),
            ]);
      return { commandLine, file: powershellExe, args };
    }
    case 'cli': {
      const tokens = inv.args.map((a) => cliToken(shell, a));
      const line = [buildCommandLine(shell, cli.node, [arg.text(cli.script)]), ...tokens.map((t) => t.shown)].join(' ');
      return {
        commandLine: cli.runAsNode ? withRunAsNode(shell, line) : line,
        file: cli.node,
        args: [...commandArgv(cli.node, [arg.text(cli.script)]), ...tokens.map((t) => t.value)],
        ...(cli.runAsNode ? { env: { ELECTRON_RUN_AS_NODE: '1' } } : {}),
      };
    }
  }
}
