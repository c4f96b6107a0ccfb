/**
 * The end-to-end form of step 3: ask the KDC for a service ticket to `SMTPSVC/<fqdn>` with the
 * credentials already on this machine. MIT `kvno` on Linux/macOS (only when `klist -s` says a
 * ticket cache exists, so nothing prompts for a password), `klist get` on Windows. The outputs
 * are read as text; the exit code only decides nothing on its own.
 */
import type { ProcessRunner } from '../../io';
import { lookupKerberosError, type KerberosErrorCode } from '../../kerberos-codes';

export type TicketOutcome =
  | { kind: 'issued'; kvno?: number; output: string }
  | { kind: 'failed'; code?: KerberosErrorCode; message: string; output: string }
  | { kind: 'not-tried'; reason: string };

/** MIT messages (com_err text) for the codes that matter here. */
const MIT_MESSAGES: [RegExp, number][] = [
  [/Server not found in Kerberos database/i, 0x7],
  [/Client not found in Kerberos database/i, 0x6],
  [/Clock skew too great/i, 0x25],
  [/Principal has multiple entries in Kerberos database|not unique/i, 0x8],
  [/KDC has no support for encryption type/i, 0xe],
  [/Message stream modified/i, 0x29],
  [/Ticket expired/i, 0x20],
  [/Cannot contact any KDC|Cannot find KDC/i, 0x1d],
];

/** `SMTPSVC/ex01.contoso.test@CONTOSO.TEST: kvno = 2` or `kvno: <message> while getting credentials for ...`. */
export function parseKvnoOutput(stdout: string, stderr: string): TicketOutcome {
  const output = `${stdout}\n${stderr}`.trim();
  const ok = /:\s*kvno\s*=\s*(\d+)/i.exec(stdout);
  if (ok) return { kind: 'issued', kvno: Number(ok[1]), output };
  const line = output.split(/\r?\n/).find((l) => /^kvno:/i.test(l.trim())) ?? output.split(/\r?\n/)[0] ?? '';
  const message = line.replace(/^kvno:\s*/i, '').trim() || 'kvno printed nothing';
  for (const [re, code] of MIT_MESSAGES) {
    if (re.test(output)) {
      const known = lookupKerberosError(code);
      return known ? { kind: 'failed', code: known, message, output } : { kind: 'failed', message, output };
    }
  }
  return { kind: 'failed', message, output };
}

/**
 * Windows `klist get SPN`: `A ticket to SMTPSVC/... has been retrieved successfully.` or
 * `Error calling API LsaCallAuthenticationPackage (GetTicket substatus): 0x6fb` / `klist failed
 * with 0xc000018b/-1073741429`. The substatus is a Win32/NTSTATUS code; the Kerberos code, when
 * Windows shows one, appears as `KDC_ERR_...`.
 */
export function parseKlistGetOutput(stdout: string, stderr: string): TicketOutcome {
  const output = `${stdout}\n${stderr}`.trim();
  if (/has been retrieved successfully/i.test(output)) return { kind: 'issued', output };
  const named = /\b(KDC_ERR_[A-Z_]+|KRB_AP_ERR_[A-Z_]+)\b/.exec(output);
  const known = named ? lookupKerberosError(named[1] ?? '') : undefined;
  const line = output.split(/\r?\n/).find((l) => /error|failed|0x[0-9a-f]+/i.test(l)) ?? output.split(/\r?\n/)[0] ?? '';
  const message = line.trim() || 'klist printed nothing';
  // 0x6fb / 0xc0000225-style substatus for "no such SPN" (SEC_E_TARGET_UNKNOWN 0x80090303).
  const spnUnknown = /0x80090303|0x6fb\b|target principal name is incorrect|SEC_E_TARGET_UNKNOWN/i.test(output);
  const code = known ?? (spnUnknown ? lookupKerberosError(0x7) : undefined);
  return code ? { kind: 'failed', code, message, output } : { kind: 'failed', message, output };
}

export interface TicketRequest {
  spn: string;
  realm: string;
  platform: NodeJS.Platform;
  timeoutMs: number;
  signal?: AbortSignal;
  /** Variables for the tools, e.g. KRB5CCNAME of a private cache (./signed-in-tickets.ts). */
  env?: Record<string, string>;
}

/** Requests the ticket when the tools and a credential cache are there; otherwise says why not. */
export async function requestServiceTicket(runner: ProcessRunner, request: TicketRequest): Promise<TicketOutcome> {
  const opts = {
    timeoutMs: request.timeoutMs,
    ...(request.signal ? { signal: request.signal } : {}),
    ...(request.env ? { env: request.env } : {}),
  };
  if (request.platform === 'win32') {
    if (!(await runner.has('klist'))) return { kind: 'not-tried', reason: 'klist.exe was not found' };
    const r = await runner.run('klist', ['get', request.spn], opts);
    return parseKlistGetOutput(r.stdout, r.stderr);
  }
  if (!(await runner.has('klist')) || !(await runner.has('kvno'))) {
    return { kind: 'not-tried', reason: 'the Kerberos tools (klist, kvno) are not installed on this machine' };
  }
  const cache = await runner.run('klist', ['-s'], opts);
  if (cache.exitCode !== 0) {
    return {
      kind: 'not-tried',
      reason: 'there is no Kerberos ticket cache on this machine (run kinit first to test ticket issue end to end)',
    };
  }
  const principal = request.realm ? `${request.spn}@${request.realm.toUpperCase()}` : request.spn;
  const r = await runner.run('kvno', [principal], opts);
  return parseKvnoOutput(r.stdout, r.stderr);
}
