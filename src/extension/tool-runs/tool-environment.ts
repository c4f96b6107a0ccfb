/**
 * Where the tools come from: PowerShell on Windows (pwsh when installed, else Windows PowerShell),
 * and the environment the CLI reads its directory settings from on other systems (EAD_* as in
 * src/cli/args.ts). The password is returned apart from that environment: it never enters the
 * terminal's environment (the runner hands it to the CLI once through password-handoff.ts), nor a
 * command line, nor the log; only the background process of the fallback gets it in its own.
 */
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { CredentialStore } from '../directory/credentials';
import { isDirectoryConfigured, readSettings } from '../settings';
import { directoryCredentials } from '../directory/credentials';

/** pwsh.exe from PATH (absolute directories only, never the working folder), else powershell.exe. */
export function findPowerShell(env: NodeJS.ProcessEnv = process.env): string {
  for (const dir of (env.PATH ?? env.Path ?? '').split(path.delimiter)) {
    if (!dir || !path.isAbsolute(dir)) continue;
    const candidate = path.join(dir, 'pwsh.exe');
    if (existsSync(candidate)) return candidate;
  }
  return 'powershell.exe';
}

export interface CliEnvironment {
  /** The directory settings as EAD_* variables: nothing secret. */
  env: Record<string, string>;
  /** Undefined with Kerberos: the CLI then signs in with the ticket and asks for nothing. */
  password?: string;
}

export async function cliEnvironment(credentials: CredentialStore): Promise<CliEnvironment> {
  const s = readSettings();
  if (!isDirectoryConfigured(s))
    throw new Error(vscode.l10n.t('Set the domain controller and bind user before signing in.'));
  const signIn = await directoryCredentials(s, credentials);
  if (signIn === undefined)
    throw new Error(vscode.l10n.t('No password is stored for {0}; run "Sign in to directory" first.', s.bindUser));
  const env: Record<string, string> = {
    EAD_DC_HOST: s.hosts.join(','),
    EAD_DC_PORT: String(s.port),
    EAD_DC_SECURITY: s.security,
    EAD_AUTH: signIn.kind === 'kerberos' ? 'kerberos' : 'password',
    EAD_TIMEOUT_MS: String(s.connectMs),
  };
  if (s.bindUser) env.EAD_BIND_USER = s.bindUser;
  if (s.caFile) env.EAD_CA_FILE = s.caFile;
  return signIn.kind === 'kerberos' ? { env } : { env, password: signIn.password };
}
