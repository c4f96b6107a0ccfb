/**
 * Running the lab's external tools: a check that every binary is installed (with the exact
 * apt-get line when one is missing) and a runner that captures output and never prints secrets
 * given to it.
 */
import { spawn } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import * as path from 'node:path';

/** Binary -> the Debian package that ships it. */
export const REQUIRED_BINARIES: Readonly<Record<string, string>> = {
  samba: 'samba-ad-dc',
  'samba-tool': 'samba',
  smbd: 'samba',
  winbindd: 'winbind',
  ldbmodify: 'ldb-tools',
  ldbadd: 'ldb-tools',
  ldbsearch: 'ldb-tools',
  ldapsearch: 'ldap-utils',
  openssl: 'openssl',
};

const SEARCH_PATH = ['/usr/local/sbin', '/usr/local/bin', '/usr/sbin', '/usr/bin', '/sbin', '/bin'];

export function findBinary(name: string): string | undefined {
  const dirs = [...(process.env.PATH ?? '').split(path.delimiter).filter(Boolean), ...SEARCH_PATH];
  for (const d of dirs) {
    const f = path.join(d, name);
    try {
      accessSync(f, constants.X_OK);
      return f;
    } catch {
      // next
    }
  }
  return undefined;
}

/** The lab's base packages; the packages of any missing binary are added to them. */
const BASE_PACKAGES = [
  'samba',
  'samba-ad-dc',
  'samba-ad-provision',
  'krb5-user',
  'ldap-utils',
  'ldb-tools',
  'winbind',
  'smbclient',
  'openssl',
];

/** The Debian packages that ship the missing binaries (empty when nothing is missing). */
export function missingPackages(find: (name: string) => string | undefined = findBinary): string[] {
  return [
    ...new Set(
      Object.entries(REQUIRED_BINARIES)
        .filter(([bin]) => !find(bin))
        .map(([, p]) => p),
    ),
  ];
}

/** What to install when a binary is missing: the base packages and the missing ones. */
function packagesToInstall(find: (name: string) => string | undefined = findBinary): string[] {
  return [...new Set([...BASE_PACKAGES, ...missingPackages(find)])];
}

/** The apt-get line for the missing binaries, or undefined when all are there. */
export function missingPackagesMessage(find: (name: string) => string | undefined = findBinary): string | undefined {
  const missing = Object.entries(REQUIRED_BINARIES).filter(([bin]) => !find(bin));
  if (!missing.length) return undefined;
  return (
    `The lab needs ${missing.map(([b]) => b).join(', ')}, which ${missing.length > 1 ? 'are' : 'is'} not installed. Install as root:\n` +
    `  apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y ${packagesToInstall(find).join(' ')}\n` +
    '(or run: bash scripts/setup.sh)'
  );
}

/**
 * Fails with the exact apt-get line when a binary is missing; installs the packages instead when
 * allowed (root, and CI=true or EAD_LAB_INSTALL=1), as scripts/setup.sh would.
 */
export async function requireBinaries(): Promise<void> {
  const message = missingPackagesMessage();
  if (!message) return;
  const allowed = process.getuid?.() === 0 && (process.env.CI === 'true' || process.env.EAD_LAB_INSTALL === '1');
  if (!allowed) throw new Error(`${message}\n(or set EAD_LAB_INSTALL=1 and run as root to let the lab install them)`);
  const packages = packagesToInstall();
  process.stderr.write(`lab: installing ${packages.join(' ')} ...\n`);
  const env = { DEBIAN_FRONTEND: 'noninteractive' };
  await run('apt-get', ['update', '-q'], { env, timeoutMs: 600_000 });
  await run('apt-get', ['install', '-y', '-q', ...packages], { env, timeoutMs: 1_200_000 });
  const still = missingPackagesMessage();
  if (still) throw new Error(still);
}

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  input?: string;
  timeoutMs?: number;
  env?: Record<string, string>;
  /** Strings to blank out of error messages (passwords). */
  secrets?: string[];
  /** Resolve with the result instead of throwing on a non-zero exit. */
  allowFailure?: boolean;
}

function redact(text: string, secrets: readonly string[]): string {
  return secrets.filter((s) => s.length > 0).reduce((t, s) => t.split(s).join('********'), text);
}

export function run(cmd: string, args: readonly string[], o: RunOptions = {}): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { env: { ...process.env, ...o.env }, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), o.timeoutMs ?? 300_000);
    child.on('error', (e) => {
      clearTimeout(timer);
      reject(new Error(`${cmd} could not be started: ${e.message}`));
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const result = { code: code ?? (signal ? 128 : 1), stdout, stderr };
      if (result.code === 0 || o.allowFailure) return resolve(result);
      const shown = redact(`${cmd} ${args.join(' ')}`, o.secrets ?? []);
      const tail = redact(`${stderr}\n${stdout}`.trim().split('\n').slice(-15).join('\n'), o.secrets ?? []);
      reject(new Error(`${shown} failed (exit ${result.code}${signal ? `, ${signal}` : ''}):\n${tail}`));
    });
    // A child that exits without reading its input (cp) makes this write fail with EPIPE; its exit code says how it went.
    child.stdin.on('error', () => undefined);
    child.stdin.end(o.input ?? '');
  });
}

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
