/**
 * Reads the JSON the Windows directory script prints (format in ./windows-directory-script.ts)
 * and turns its failures into DoctorErrors. ADSI reports errors as COM HRESULTs; the ones mapped
 * are Win32 errors wrapped as 0x8007xxxx (winerror.h) and SSPI's SEC_E_* codes.
 */
import { DoctorError, TimeoutError } from '../core/errors';
import type { DirectoryEntry } from '../core/io';
import { sanitizeForTerminal } from '../core/safety/terminal-text';

export interface WindowsSearchOutput {
  identity: string;
  entries: DirectoryEntry[];
}

/** HRESULTs (as unsigned) ADSI returns, with the failure kind and what to say. */
const HRESULTS: Record<number, [DoctorError['kind'], string]> = {
  0x8007203a: ['unreachable', 'the server is not operational (unreachable, or no LDAP there)'],
  0x8007052e: ['bind-invalid-credentials', 'the logon was refused (unknown user name or bad password)'],
  0x80072030: ['not-found', 'no such object (LDAP 32)'],
  0x80072027: ['bind-strong-auth-required', 'the server requires a stronger sign-in (LDAP 8)'],
  0x80072032: ['protocol', 'invalid DN syntax (LDAP 34)'],
  0x80072037: ['not-found', 'the search base is not held by this server (referral, LDAP 10)'],
  0x80070005: ['bind-other', 'access denied (LDAP 50)'],
  0x8007054b: ['dns', 'the domain or server name could not be resolved'],
  0x80090324: [
    'clock-skew',
    "this computer's clock and the DC's differ beyond the Kerberos tolerance (SEC_E_TIME_SKEW)",
  ],
  0x80090311: [
    'kerberos-no-ticket',
    'no domain controller could issue a Kerberos ticket for this logon (SEC_E_NO_AUTHENTICATING_AUTHORITY)',
  ],
  0x8009030e: ['kerberos-no-ticket', 'this logon holds no credentials for the domain (SEC_E_NO_CREDENTIALS)'],
  0x80072024: ['unavailable', 'the server is busy or the administrative limit was exceeded'],
  0x80072029: ['timeout', 'the server time limit was exceeded'],
};

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function strings(v: unknown, where: string): string[] {
  if (!Array.isArray(v) || !v.every((x) => typeof x === 'string'))
    throw new DoctorError('protocol', `The Windows directory script printed ${where} that is not a list of strings`);
  return v;
}

/** Parses the script's standard output; throws the mapped DoctorError for `ok: false`. */
export function parseWindowsOutput(
  stdout: string,
  ctx: { endpoint: string; host: string; timeoutMs: number },
): WindowsSearchOutput {
  let parsed: unknown;
  try {
    parsed = JSON.parse(stdout.replace(/^\uFEFF/, '').trim());
  } catch {
    throw new DoctorError(
      'protocol',
      `The Windows directory script printed no JSON: ${sanitizeForTerminal(stdout.trim().slice(0, 200)) || 'nothing'}`,
    );
  }
  if (!isObject(parsed)) throw new DoctorError('protocol', 'The Windows directory script printed no JSON object');
  if (parsed.ok !== true) {
    const hresult = typeof parsed.hresult === 'number' ? parsed.hresult >>> 0 : undefined;
    const text = sanitizeForTerminal(typeof parsed.message === 'string' ? parsed.message.trim() : '').slice(0, 300);
    const code = hresult === undefined ? '' : ` (0x${hresult.toString(16).toUpperCase().padStart(8, '0')})`;
    const known = hresult === undefined ? undefined : HRESULTS[hresult];
    if (known?.[0] === 'timeout') throw new TimeoutError(ctx.host, ctx.timeoutMs);
    if (known) throw new DoctorError(known[0], `${ctx.endpoint}: ${known[1]}${code}`);
    throw new DoctorError('protocol', `${ctx.endpoint}: ${text || 'the directory read failed'}${code}`);
  }
  const identity = typeof parsed.identity === 'string' ? sanitizeForTerminal(parsed.identity) : '';
  // ConvertTo-Json writes a one-element array as the element itself in PowerShell 5.1 when it
  // comes through a pipeline; the script passes arrays with -InputObject, but accept both.
  const list = parsed.entries === undefined || parsed.entries === null ? [] : parsed.entries;
  const raw = Array.isArray(list) ? list : [list];
  const entries = raw.map((e, i): DirectoryEntry => {
    if (!isObject(e) || typeof e.dn !== 'string' || !isObject(e.attributes))
      throw new DoctorError('protocol', `The Windows directory script printed a malformed entry (#${i + 1})`);
    const attributes: Record<string, string[]> = {};
    for (const [name, values] of Object.entries(e.attributes))
      attributes[name] = typeof values === 'string' ? [values] : strings(values, `the values of ${name}`);
    return { dn: e.dn, attributes };
  });
  return { identity, entries };
}
