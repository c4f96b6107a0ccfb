/**
 * Step 5: Kerberos logging. On Windows with PowerShell, for each server in scope: read LogLevel
 * through PowerShell remoting, fetch the Kerberos events of the System log and event 1035 of the
 * Application log, and turn them into findings on the step each points to (0x25 -> clocks, 0x7 and
 * event 4 / KDC 11 -> SPNs, ...) through ./kerberos-event-findings.ts, the interpreter a terminal
 * run of Get-WinEvent uses too. Elsewhere the logs cannot be read from here, so each server gets
 * an `unknown` finding with the exact lines to run on it.
 */
import { STEP_TITLES, type Finding } from '../../../shared/findings';
import type { Check, CheckContext } from '../../engine/check';
import type { ExchangeServer } from '../../directory/model';
import { makeFinding } from '../../findings/define';
import { kerberosLoggingFindings } from './finding-codes';
import { kerberosEventFindings } from './kerberos-event-findings';
import { parseWinEvents, type WinEvent } from './winevent';
import { readJson, prop, num } from '../../parsers/ps-json';
import {
  exchangeAuthEventsScript,
  kerberosEventsScript,
  kerberosLoggingRemedies,
  powershellArgs,
  readLogLevelScript,
} from './kerberos-logging-commands';
import { describeError, evidence, isCancellation, nowIso, serverSubject } from '../3-spns/spn-context';
import type { FindingCode } from '../finding-codes';
import { reasonOf } from '../../l10n/worded-parts';
import { text } from '../../l10n/render';

/** Remote PowerShell starts slowly; each call gets this many probe timeouts. */
const REMOTING_TIMEOUTS = 3;

export const kerberosLoggingCheck: Check = {
  id: 'kerberos-logging',
  step: 5,
  title: STEP_TITLES[5],
  run: runKerberosLogging,
};

async function powershellExecutable(ctx: CheckContext): Promise<string | undefined> {
  if (ctx.io.platform !== 'win32' || ctx.settings.windowsTools === 'never') return undefined;
  for (const exe of ['powershell', 'pwsh']) if (await ctx.io.process.has(exe)) return exe;
  return undefined;
}

async function runKerberosLogging(ctx: CheckContext): Promise<void> {
  const exe = await powershellExecutable(ctx);
  for (const server of ctx.servers) {
    if (ctx.signal.aborted) return;
    if (!exe) {
      ctx.emit(needsWindowsFinding(ctx, server));
      continue;
    }
    try {
      await readServerLogs(ctx, exe, server);
    } catch (e) {
      if (isCancellation(e)) throw e;
      ctx.emit(
        makeFinding(kerberosLoggingFindings, 'kerberos-log.unreadable', {
          severity: 'unknown',
          subject: serverSubject(server),
          params: { server: server.name },
          evidence: [evidence(ctx, 'PowerShell', describeError(e), `PowerShell remoting to ${hostOf(server)}`)],
          remedies: kerberosLoggingRemedies(hostOf(server)),
          reason: describeError(e),
        }),
      );
    }
  }
}

function hostOf(server: ExchangeServer): string {
  return server.fqdn ?? server.computer?.dnsHostName ?? server.name;
}

export function needsWindowsFinding(
  ctx: Pick<CheckContext, 'io' | 'settings'>,
  server: ExchangeServer,
): Finding<FindingCode> {
  const why =
    ctx.io.platform === 'win32'
      ? reasonOf('fp.5.reason.no-powershell')
      : reasonOf('fp.5.reason.not-windows', { platform: ctx.io.platform });
  return makeFinding(kerberosLoggingFindings, 'kerberos-log.needs-windows', {
    severity: 'unknown',
    subject: serverSubject(server),
    params: { server: server.name },
    remedies: kerberosLoggingRemedies(hostOf(server)),
    ...why,
  });
}

/** `{"LogLevel": 1}` -> 1; empty output (value absent) -> undefined. */
export function parseLogLevel(stdout: string): number | undefined {
  if (!stdout.trim()) return undefined;
  const read = readJson(stdout);
  if (!read.ok) throw new Error(`LogLevel could not be read: ${read.reason}`);
  return num(prop(read.value, 'LogLevel'));
}

async function runScript(ctx: CheckContext, exe: string, script: string): Promise<string> {
  const r = await ctx.io.process.run(exe, powershellArgs(script), {
    timeoutMs: ctx.settings.probeTimeoutMs * REMOTING_TIMEOUTS,
    signal: ctx.signal,
  });
  if (r.exitCode !== 0) {
    const first = (r.stderr.trim() || r.stdout.trim()).split(/\r?\n/)[0] ?? '';
    throw new Error(first || `PowerShell exited with code ${String(r.exitCode)}`);
  }
  return r.stdout;
}

async function readServerLogs(ctx: CheckContext, exe: string, server: ExchangeServer): Promise<void> {
  const host = hostOf(server);
  const logLevel = parseLogLevel(await runScript(ctx, exe, readLogLevelScript(host)));
  const events: WinEvent[] = [];
  for (const script of [
    kerberosEventsScript(host, { strict: true }),
    exchangeAuthEventsScript(host, { strict: true }),
  ]) {
    const parsed = parseWinEvents(await runScript(ctx, exe, script));
    if (!parsed.recognised) throw new Error(`the events could not be read: ${parsed.reason}`);
    events.push(...parsed.value);
  }
  const observation = {
    server: server.name,
    subject: serverSubject(server),
    host,
    events,
    logLevel,
    eventSource: text('fp.5.source.winevent', { host }),
    levelSource: text('fp.5.source.registry', { host }),
    observedAt: nowIso(ctx),
  };
  for (const f of kerberosEventFindings(observation)) ctx.emit(f);
}
