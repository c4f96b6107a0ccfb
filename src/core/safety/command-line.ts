/**
 * Builds the command lines the product shows, copies and types into terminals, from an
 * executable and typed arguments: switches are literal and checked against a strict pattern,
 * values are validated (host, SPN, DN or free text) and quoted for the target shell. The same
 * arguments give the argument vector for execa, so the visible command and the one run agree.
 */
import type { Remedy, ShellKind } from '../../shared/findings';
import type { LocalText } from '../../shared/local-text';
import { QuoteError, quoteForCmd, quoteForPosix, quoteForPowerShell } from './quote';
import { describeCodePoint, hasUnsafeTerminalText, sanitizeForTerminal } from './terminal-text';
import { validateDistinguishedName, validateHostName, validateSpn } from './validation';

export type ValueCheck = 'host' | 'spn' | 'dn' | 'text' | 'integer';

export type CommandArg =
  | { kind: 'switch'; text: string }
  | { kind: 'value'; text: string; check: ValueCheck }
  /** One token made of a switch prefix and a value: `/computer:` + `dc1.contoso.com`. */
  | { kind: 'joined'; prefix: string; text: string; check: ValueCheck };

export const arg = {
  switch: (text: string): CommandArg => ({ kind: 'switch', text }),
  host: (text: string): CommandArg => ({ kind: 'value', text, check: 'host' }),
  spn: (text: string): CommandArg => ({ kind: 'value', text, check: 'spn' }),
  dn: (text: string): CommandArg => ({ kind: 'value', text, check: 'dn' }),
  text: (text: string): CommandArg => ({ kind: 'value', text, check: 'text' }),
  integer: (n: number | string): CommandArg => ({ kind: 'value', text: String(n), check: 'integer' }),
  joined: (prefix: string, text: string, check: ValueCheck): CommandArg => ({ kind: 'joined', prefix, text, check }),
};

export class CommandLineError extends Error {
  constructor(
    message: string,
    /** Index of the offending argument; -1 for the executable. */
    readonly argIndex: number,
  ) {
    super(message);
    this.name = 'CommandLineError';
  }
}

const SWITCH = /^[-/][A-Za-z0-9?][A-Za-z0-9_?-]*(?::[A-Za-z0-9_.-]*)?$/;
const PREFIX = /^[-/][A-Za-z0-9][A-Za-z0-9_-]*[:=]$/;
const EXECUTABLE_NAME = /^[A-Za-z0-9_][A-Za-z0-9_.-]*$/;
/**
 * Line breaks would submit a typed command early; other controls could drive the terminal;
 * bidirectional controls and invisible characters would make the line shown for consent differ
 * from the one that runs. The set is terminal-text.ts's (hasUnsafeTerminalText).
 */
function unsafeCharacter(text: string): string | undefined {
  if (!hasUnsafeTerminalText(text)) return undefined;
  return [...text].find((ch) => hasUnsafeTerminalText(ch));
}

function checkValue(text: string, check: ValueCheck): string | undefined {
  switch (check) {
    case 'host': {
      const r = validateHostName(text);
      return r.ok ? undefined : r.reason;
    }
    case 'spn': {
      const r = validateSpn(text);
      return r.ok ? undefined : r.reason;
    }
    case 'dn': {
      const r = validateDistinguishedName(text);
      return r.ok ? undefined : r.reason;
    }
    case 'integer':
      return /^\d{1,10}$/.test(text) ? undefined : `"${sanitizeForTerminal(text)}" is not a whole number`;
    case 'text': {
      const bad = unsafeCharacter(text);
      if (bad !== undefined)
        return `the value contains a line break, control, bidirectional or invisible character (${describeCodePoint(bad)})`;
      if (text.startsWith('-')) return 'the value starts with "-" and would read as an option';
      return undefined;
    }
  }
}

/** Validates every argument; returns the argument vector to hand to execa (no quoting). */
export function commandArgv(executable: string, args: readonly CommandArg[]): string[] {
  if (executable === '' || unsafeCharacter(executable) !== undefined || executable.startsWith('-')) {
    throw new CommandLineError('the executable name is empty or not valid', -1);
  }
  return args.map((a, i) => {
    if (a.kind === 'switch') {
      if (!SWITCH.test(a.text)) throw new CommandLineError(`"${sanitizeForTerminal(a.text)}" is not a valid switch`, i);
      return a.text;
    }
    if (a.kind === 'joined' && !PREFIX.test(a.prefix)) {
      throw new CommandLineError(`"${sanitizeForTerminal(a.prefix)}" is not a valid switch prefix`, i);
    }
    const problem = checkValue(a.text, a.check);
    if (problem) throw new CommandLineError(`argument ${i + 1}: ${problem}`, i);
    return a.kind === 'joined' ? a.prefix + a.text : a.text;
  });
}

const PLAIN: Record<ShellKind, RegExp> = {
  // A bare word PowerShell passes through unchanged in command mode (no , ; $ @ quotes or braces).
  powershell: /^[A-Za-z][A-Za-z0-9_.\\/:-]*$/,
  // No backslash: unquoted, a POSIX shell would take it as an escape.
  posix: /^[A-Za-z0-9_][A-Za-z0-9_./:@%+,-]*$/,
  cmd: /^[A-Za-z0-9_.\\/:=,@+-]+$/,
};

/** Renders one already-validated token for `shell`, quoting only when it is not a plain word. */
export function renderToken(shell: ShellKind, token: string): string {
  if (PLAIN[shell].test(token)) return token;
  switch (shell) {
    case 'powershell':
      return quoteForPowerShell(token);
    case 'posix':
      return quoteForPosix(token);
    case 'cmd':
      return quoteForCmd(token);
  }
}

/**
 * The command line for `shell`. Throws CommandLineError when an argument fails validation or
 * cannot be expressed in that shell (cmd.exe refuses anything outside its safe set).
 */
export function buildCommandLine(shell: ShellKind, executable: string, args: readonly CommandArg[]): string {
  const argv = commandArgv(executable, args);
  let exe: string;
  try {
    if (EXECUTABLE_NAME.test(executable)) exe = executable;
    else if (shell === 'powershell') exe = `& ${quoteForPowerShell(executable)}`;
    else exe = shell === 'posix' ? quoteForPosix(executable) : quoteForCmd(executable);
  } catch (e) {
    throw new CommandLineError(e instanceof Error ? e.message : String(e), -1);
  }
  const tokens = argv.map((token, i) => {
    const a = args[i];
    if (a?.kind === 'switch') return token; // already matched SWITCH: plain in every shell
    try {
      return renderToken(shell, token);
    } catch (e) {
      if (e instanceof QuoteError) throw new CommandLineError(`argument ${i + 1}: ${e.message}`, i);
      throw e;
    }
  });
  return [exe, ...tokens].join(' ');
}

/** Like buildCommandLine, with the failure as a value instead of an exception. */
export function tryBuildCommandLine(
  shell: ShellKind,
  executable: string,
  args: readonly CommandArg[],
): { ok: true; commandLine: string } | { ok: false; reason: string; argIndex: number } {
  try {
    return { ok: true, commandLine: buildCommandLine(shell, executable, args) };
  } catch (e) {
    if (e instanceof CommandLineError) return { ok: false, reason: e.message, argIndex: e.argIndex };
    throw e;
  }
}

export interface RemedySpec {
  summary: string;
  runOn: string;
  /** `runOn` as a phrase when it is words of ours (src/core/remedies/run-on.ts). */
  runOnText?: LocalText;
  shell: ShellKind;
  changesState: boolean;
  executable: string;
  args: readonly CommandArg[];
}

/** A Remedy whose command line was built (validated and quoted) here. Throws CommandLineError. */
export function makeRemedy(spec: RemedySpec): Remedy {
  return {
    summary: spec.summary,
    command: buildCommandLine(spec.shell, spec.executable, spec.args),
    runOn: spec.runOn,
    ...(spec.runOnText ? { runOnText: spec.runOnText } : {}),
    shell: spec.shell,
    changesState: spec.changesState,
  };
}

/**
 * A remedy as shown in a terminal, a report or a confirmation dialog: a comment line saying what
 * it does, whether it changes anything and where to run it, then the command itself.
 */
export function renderRemedyCommand(remedy: Remedy): string {
  const comment = remedy.shell === 'cmd' ? 'REM' : '#';
  const effect = remedy.changesState ? 'changes the server' : 'read-only';
  const summary = sanitizeForTerminal(remedy.summary).replace(/\s+/g, ' ').trim();
  const runOn = sanitizeForTerminal(remedy.runOn).replace(/\s+/g, ' ').trim();
  const command = sanitizeForTerminal(remedy.command);
  return `${comment} ${summary} (${effect}; run on ${runOn})\n${command}`;
}
