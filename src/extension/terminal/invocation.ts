/**
 * From a tool plan's invocation to the two things a run needs: the command line typed into the
 * terminal (quoted for that terminal's shell by the one tested function, buildCommandLine) and the
 * argument vector for execa (no shell). Both come from the same typed arguments, so the visible
 * command and the one run in the background agree. Pure (no `vscode`).
 */
import type { ShellKind } from '../../shared/findings';
import { arg, buildCommandLine, commandArgv, renderToken, type CommandArg } from '../../core/safety';
import { powershellArgs } from '../../core/checks/kerberos-logging-commands';
import type { Invocation } from './tools';

export interface CliLocation {
  /** The Node binary (the extension host's own, run as Node). */
  node: string;
  /** dist/cli.js of the extension. */
  script: string;
}

export interface PreparedRun {
  commandLine: string;
  file: string;
  args: string[];
}

/** The CLI's long options (`--server`, `--steps`): constant text of this extension, never a value. */
const LONG_OPTION = /^--[a-z][a-z0-9-]*$/;

/** One CLI argument: long options as they are; everything else validated and quoted by src/core/safety. */
function cliToken(shell: ShellKind, a: CommandArg): { value: string; shown: string } {
  if (a.kind === 'switch' && LONG_OPTION.test(a.text)) return { value: a.text, shown: a.text };
  const [value = ''] = commandArgv('exchange-auth-doctor', [a]);
  return { value, shown: a.kind === 'switch' ? value : renderToken(shell, value) };
}

export function prepareRun(inv: Exclude<Invocation, { kind: 'unavailable' }>, shell: ShellKind, cli: CliLocation, powershellExe = 'powershell'): PreparedRun {
  switch (inv.kind) {
    case 'exe':
      return { commandLine: buildCommandLine(shell, inv.executable, inv.args), file: inv.executable, args: commandArgv(inv.executable, inv.args) };
    case 'powershell': {
      const args = powershellArgs(inv.script);
      // In a PowerShell terminal the script is typed as is; elsewhere it is handed to PowerShell
      // as one quoted argument (cmd.exe cannot carry it: buildCommandLine refuses).
      const commandLine =
        shell === 'powershell' ? inv.script
        : buildCommandLine(shell, powershellExe, [arg.switch('-NoProfile'), arg.switch('-NonInteractive'), arg.switch('-Command'), arg.text(inv.script)]);
      return { commandLine, file: powershellExe, args };
    }
    case 'cli': {
      const tokens = inv.args.map((a) => cliToken(shell, a));
      return {
        commandLine: [buildCommandLine(shell, cli.node, [arg.text(cli.script)]), ...tokens.map((t) => t.shown)].join(' '),
        file: cli.node,
        args: [...commandArgv(cli.node, [arg.text(cli.script)]), ...tokens.map((t) => t.value)],
      };
    }
  }
}
