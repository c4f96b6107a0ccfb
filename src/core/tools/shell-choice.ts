/**
 * Which shell the extension's terminal starts, and which quoting its command lines get. Pure (no
 * `vscode`): unit-tested in test/unit/core/tools/.
 *
 * Command lines are quoted for exactly three families (src/core/safety/quote.ts): PowerShell,
 * POSIX (sh, bash, zsh, dash, ksh) and cmd.exe. fish is not POSIX here: inside its single quotes
 * `\'` and `\\` are escapes, so `'it'\''s'` and a trailing backslash read differently. csh/tcsh
 * expand `!` even inside single quotes; nushell, xonsh and elvish have their own grammars. For a
 * default shell outside the three families the terminal starts bash instead (or sh when there is
 * no bash), so the line typed is read exactly as it was quoted.
 */
import type { ShellKind } from '../../shared/findings';

/** Shells that read POSIX quoting and get VS Code's shell integration. */
const INTEGRATED_POSIX = /(^|\/)(bash|zsh)$/;
const POWERSHELL = /(^|[\\/])(pwsh|powershell)(\.exe)?$/i;
const BASH = ['/bin/bash', '/usr/bin/bash', '/usr/local/bin/bash', '/opt/homebrew/bin/bash'];

/**
 * The shell to start on macOS and Linux: the user's default when it is bash, zsh or pwsh (quoted
 * for and with shell integration); otherwise bash when present (a plain `sh` never gets shell
 * integration, and fish, csh and others would misread POSIX quoting), else /bin/sh.
 * Undefined: start the default shell.
 */
export function posixShellPath(defaultShell: string, exists: (p: string) => boolean): string | undefined {
  if (INTEGRATED_POSIX.test(defaultShell) || POWERSHELL.test(defaultShell)) return undefined;
  return [...BASH, '/bin/sh'].find(exists);
}

/** Which quoting the terminal's shell reads: from the shell we start, or the default profile's. */
export function shellKindOf(shellPath: string | undefined, defaultShell: string, platform: NodeJS.Platform): ShellKind {
  const shell = (shellPath ?? defaultShell ?? '').toLowerCase();
  if (/pwsh|powershell/.test(shell)) return 'powershell';
  if (/cmd(\.exe)?$/.test(shell)) return 'cmd';
  if (!shell && platform === 'win32') return 'powershell';
  return 'posix';
}
