/**
 * Step 5: Kerberos logging. On Windows with PowerShell, for each server in scope: read LogLevel
 * through PowerShell remoting, fetch the Kerberos events of the System log and event 1035 of the
 * Application log, and turn them into findings on the step each points to (0x25 -> clocks, 0x7 and
 * event 4 / KDC 11 -> SPNs, ...). Elsewhere the logs cannot be read from here, so each server gets
 * an `unknown` finding with the exact lines to run on it.
 */
import { STEP_TITLES, type Finding, type Step } from '../../../shared/findings';
import type { Check, CheckContext } from '../../engine/check';
import type { ExchangeServer } from '../../directory/model';
import { lookupKerberosError } from '../../kerberos-codes';
import { parseWinEvents, type WinEvent } from './winevent';
import { readJson, prop, num } from '../../parsers/ps-json';
import {
  disableKerberosLoggingCommand,
  exchangeAuthEventsScript,
  kerberosEventsScript,
  kerberosLoggingRemedies,
  powershellArgs,
  readLogLevelScript,
} from './kerberos-logging-commands';
import { describeError, evidence, isCancellation, serverSubject } from '../3-spns/spn-context';

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
      ctx.emit({
        code: 'kerberos-log.unreadable',
        step: 5,
        severity: 'unknown',
        subject: serverSubject(server),
        title: `The event logs of ${server.name} could not be read remotely`,
        explanation:
          'Reading LogLevel and the event logs needs PowerShell remoting (WinRM) to the server and administrative rights there. Run the lines below on the server instead.',
        evidence: [evidence(ctx, 'PowerShell', describeError(e), `PowerShell remoting to ${hostOf(server)}`)],
        remedies: kerberosLoggingRemedies(hostOf(server)),
        reason: describeError(e),
      });
    }
  }
}

function hostOf(server: ExchangeServer): string {
  return server.fqdn ?? server.computer?.dnsHostName ?? server.name;
}

export function needsWindowsFinding(ctx: Pick<CheckContext, 'io' | 'settings'>, server: ExchangeServer): Finding {
  const why =
    ctx.io.platform === 'win32'
      ? 'Windows PowerShell was not found or Windows tools are turned off in the settings'
      : `reading the Windows event logs and registry of a server needs Windows PowerShell remoting, and this machine runs ${ctx.io.platform}`;
  return {
    code: 'kerberos-log.needs-windows',
    step: 5,
    severity: 'unknown',
    subject: serverSubject(server),
    title: `Kerberos logging on ${server.name} has to be checked on Windows`,
    explanation:
      'Kerberos errors are written to the System log only while LogLevel is 1. Turn it on on the server that logs event 1035, reproduce the failure (or wait for the next retry), read the events, and turn it off again.',
    evidence: [],
    remedies: kerberosLoggingRemedies(hostOf(server)),
    reason: why,
  };
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
  for (const f of eventFindings(ctx, server, events, logLevel)) ctx.emit(f);
}

interface EventGroup {
  key: string;
  step: Step;
  why: string;
  events: WinEvent[];
}

function describeEvent(e: WinEvent): string {
  const d = e.detail;
  switch (d.kind) {
    case 'kerberos-error':
      return `${d.errorName ?? (d.errorCode !== undefined ? `0x${d.errorCode.toString(16)}` : 'error')} for ${d.targetName ?? d.serverName ?? '?'}`;
    case 'ap-err-modified':
      return `KRB_AP_ERR_MODIFIED from ${d.server ?? '?'} for ${d.targetName ?? '?'}`;
    case 'kdc-duplicate-name':
      return `duplicate name ${d.duplicateName ?? '?'}`;
    case 'kdc-no-suitable-key':
      return `no suitable key for ${d.targetService ?? '?'} on ${d.account ?? '?'}`;
    case 'exchange-inbound-auth-failed':
      return `${d.mechanism ?? 'authentication'} failed (${d.error ?? '?'}) on ${d.connector ?? '?'} from ${d.sourceIp ?? '?'}`;
    case 'other':
      return e.message.split(/\r?\n/)[0] ?? '';
  }
}

function isBenign(e: WinEvent): boolean {
  return (
    e.detail.kind === 'kerberos-error' &&
    e.detail.errorCode !== undefined &&
    lookupKerberosError(e.detail.errorCode)?.benign === true
  );
}

/** Groups the events by what they point to and makes one finding per group. */
export function eventFindings(
  ctx: Pick<CheckContext, 'io'>,
  server: ExchangeServer,
  events: readonly WinEvent[],
  logLevel: number | undefined,
): Finding[] {
  const subject = serverSubject(server);
  const host = hostOf(server);
  const source = `Get-WinEvent on ${host}`;
  const loggingOn = logLevel !== undefined && logLevel > 0;
  const levelEvidence = evidence(
    ctx,
    'LogLevel',
    logLevel === undefined ? '(not set)' : String(logLevel),
    `registry of ${host}`,
  );
  const groups = new Map<string, EventGroup>();
  for (const e of events) {
    if (isBenign(e)) continue;
    const hint = e.steps[0];
    const code = e.detail.kind === 'kerberos-error' ? (e.detail.errorCode ?? '') : '';
    const key = `${e.provider}|${e.id}|${code}`;
    const group = groups.get(key) ?? {
      key,
      step: hint?.step ?? 5,
      why: hint?.why ?? 'A Kerberos error this product has no specific advice for; read the event text.',
      events: [],
    };
    group.events.push(e);
    groups.set(key, group);
  }
  const findings: Finding[] = [];
  for (const g of groups.values()) {
    const first = g.events[0];
    if (!first) continue;
    const symptom = first.id === 1035;
    const known =
      first.detail.kind === 'kerberos-error' && first.detail.errorCode !== undefined
        ? lookupKerberosError(first.detail.errorCode)
        : undefined;
    findings.push({
      code: symptom ? 'kerberos-log.exchange-auth-failed' : 'kerberos-log.event',
      step: g.step,
      severity: symptom || g.step === 5 ? 'warning' : 'error',
      subject,
      title: `${server.name} logged ${g.events.length} × ${first.provider} ${first.id}: ${describeEvent(first)}`,
      explanation: `${known ? `${known.meaning} ` : ''}${g.why}`,
      evidence: [
        levelEvidence,
        ...g.events
          .slice(0, 3)
          .map((e) => evidence(ctx, `event ${e.id} ${e.timeCreated ?? ''}`.trim(), e.message.slice(0, 600), source)),
      ],
      tables: [
        {
          caption: `${first.provider} ${first.id} on ${server.name}`,
          columns: ['Time', 'Machine', 'Detail'],
          rows: g.events.map((e) => [e.timeCreated ?? '', e.machineName ?? '', describeEvent(e)]),
        },
      ],
      remedies: loggingOn ? [disableKerberosLoggingCommand()] : [],
    });
  }
  if (findings.length) return findings;
  if (loggingOn) {
    return [
      {
        code: 'kerberos-log.clean',
        step: 5,
        severity: 'ok',
        subject,
        title: `Kerberos logging is on on ${server.name} and the last day holds no Kerberos errors`,
        explanation:
          'With LogLevel 1 every Kerberos error is written to the System log; none was found. Turn logging off again when you are done.',
        evidence: [levelEvidence],
        remedies: [disableKerberosLoggingCommand()],
      },
    ];
  }
  return [
    {
      code: 'kerberos-log.off',
      step: 5,
      severity: 'unknown',
      subject,
      title: `Kerberos logging is off on ${server.name}, so its System log cannot show Kerberos errors`,
      explanation:
        'No Kerberos or 1035 events were found, but with LogLevel unset Windows does not log client-side Kerberos errors. Turn logging on, let the next delivery attempt fail, and check again.',
      evidence: [levelEvidence],
      remedies: kerberosLoggingRemedies(host),
      reason: 'Kerberos logging (LogLevel) is not enabled on this server',
    },
  ];
}
