/**
 * Command lines for step 5, as pure functions: turn Kerberos logging on and off (reg add / reg
 * delete, locally on the server or through the Remote Registry; or PowerShell remoting), read its
 * LogLevel, and fetch the Kerberos events of the System log and event 1035 of the Application log
 * as JSON. The check runs the PowerShell forms through an argument vector; the walkthrough and the
 * "enable/disable Kerberos logging" commands show the same lines. Host names are validated and
 * single-quoted; everything else in the scripts is constant text.
 */
import type { Remedy } from '../../../shared/findings';
import { arg, buildCommandLine, type CommandArg } from '../../safety/command-line';
import { quoteForPowerShell } from '../../safety/quote';
import { validateHostName } from '../../safety/validation';
import { summaryOf } from '../../l10n/worded-parts';
import type { MessageKey } from '../../l10n/en';
import { RUN_ON, type RunOnPlace } from '../../remedies/run-on';

export const KERBEROS_PARAMETERS_KEY = 'HKLM\\SYSTEM\\CurrentControlSet\\Control\\Lsa\\Kerberos\\Parameters';
const PS_KEY = `HKLM:\\SYSTEM\\CurrentControlSet\\Control\\Lsa\\Kerberos\\Parameters`;

/** Events read per log; the newest first. */
export const MAX_EVENTS = 50;

/** Throws when `host` is not a plain host name (so it can never carry script text). */
export function checkedHost(host: string): string {
  const v = validateHostName(host);
  if (!v.ok) throw new Error(`"${host}" cannot be used in a command: ${v.reason}`);
  return v.value.name;
}

/**
 * The argument vector of `reg add|delete <key> /v LogLevel ...`, locally or through the server's
 * Remote Registry (`\\SERVER\HKLM\...`); the one place this command is spelled.
 */
export function kerberosLoggingRegArgs(host: string | undefined, action: 'add' | 'delete'): CommandArg[] {
  const key = host ? `\\\\${checkedHost(host)}\\${KERBEROS_PARAMETERS_KEY}` : KERBEROS_PARAMETERS_KEY;
  return action === 'add'
    ? [
        arg.text('add'),
        arg.text(key),
        arg.switch('/v'),
        arg.text('LogLevel'),
        arg.switch('/t'),
        arg.text('REG_DWORD'),
        arg.switch('/d'),
        arg.integer(1),
        arg.switch('/f'),
      ]
    : [arg.text('delete'), arg.text(key), arg.switch('/v'), arg.text('LogLevel'), arg.switch('/f')];
}

function regRemedy(host: string | undefined, action: 'add' | 'delete'): Remedy {
  const args = kerberosLoggingRegArgs(host, action);
  return {
    ...summaryOf(action === 'add' ? 'fp.5.remedy.enable' : 'fp.5.remedy.disable'),
    command: buildCommandLine('cmd', 'reg', args),
    ...(host ? RUN_ON.remoteRegistry : RUN_ON.exchangeElevated),
    shell: 'cmd',
    changesState: true,
  };
}

/** `reg add "HKLM\...\Kerberos\Parameters" /v LogLevel /t REG_DWORD /d 1 /f`, locally or via \\SERVER. */
export function enableKerberosLoggingCommand(remoteHost?: string): Remedy {
  return regRemedy(remoteHost, 'add');
}

/** `reg delete "HKLM\...\Kerberos\Parameters" /v LogLevel /f`, locally or via \\SERVER. */
export function disableKerberosLoggingCommand(remoteHost?: string): Remedy {
  return regRemedy(remoteHost, 'delete');
}

function remote(host: string | undefined, block: string): string {
  return host
    ? `Invoke-Command -ComputerName ${quoteForPowerShell(checkedHost(host))} -ScriptBlock { ${block} }`
    : block;
}

/** PowerShell that prints `{"LogLevel": n}` or nothing when the value is absent. */
export function readLogLevelScript(host?: string): string {
  return remote(
    host,
    `Get-ItemProperty -Path '${PS_KEY}' -Name LogLevel -ErrorAction SilentlyContinue | Select-Object LogLevel | ConvertTo-Json`,
  );
}

/** PowerShell remoting form of enable/disable, for machines where remote registry is closed. */
export function setLogLevelScript(host: string | undefined, enable: boolean): string {
  return remote(
    host,
    enable
      ? `New-ItemProperty -Path '${PS_KEY}' -Name LogLevel -PropertyType DWord -Value 1 -Force | Out-Null`
      : `Remove-ItemProperty -Path '${PS_KEY}' -Name LogLevel -ErrorAction SilentlyContinue`,
  );
}

const SELECT =
  'Select-Object Id,ProviderName,LogName,MachineName,TimeCreated,RecordId,LevelDisplayName,Message,@{n=\'Properties\';e={@($_.Properties | ForEach-Object { @{ Value = "$($_.Value)" } })}} | ConvertTo-Json -Depth 4';

export interface EventScriptOptions {
  sinceHours?: number;
  /**
   * For the check itself: errors are raised (so an access denial is not read as "no events"),
   * except Get-WinEvent's "no events found", which prints an empty JSON array.
   */
  strict?: boolean;
}

function winEvent(host: string | undefined, filter: string, options: EventScriptOptions): string {
  const computer = host ? ` -ComputerName ${quoteForPowerShell(checkedHost(host))}` : '';
  const hours = Math.max(1, Math.floor(options.sinceHours ?? 24));
  const get = `Get-WinEvent${computer} -FilterHashtable @{${filter}; StartTime=(Get-Date).AddHours(-${hours})} -MaxEvents ${MAX_EVENTS}`;
  if (!options.strict) return `${get} -ErrorAction SilentlyContinue | ${SELECT}`;
  return `try { ${get} -ErrorAction Stop | ${SELECT} } catch { if ($_.FullyQualifiedErrorId -like 'NoMatchingEventsFound*') { '[]' } else { throw } }`;
}

/** Kerberos client (3, 4) and KDC (11, 14...) events of the System log, as JSON. */
export function kerberosEventsScript(host?: string, options: EventScriptOptions = {}): string {
  return winEvent(
    host,
    "LogName='System'; ProviderName='Microsoft-Windows-Security-Kerberos','Microsoft-Windows-Kerberos-Key-Distribution-Center'",
    options,
  );
}

/** MSExchangeTransport / FrontEndTransport event 1035 (inbound authentication failed), as JSON. */
export function exchangeAuthEventsScript(host?: string, options: EventScriptOptions = {}): string {
  return winEvent(
    host,
    "LogName='Application'; ProviderName='MSExchangeTransport','MSExchangeFrontEndTransport'; Id=1035",
    options,
  );
}

/** The argument vector that runs a script in Windows PowerShell without profiles or prompts. */
export function powershellArgs(script: string): string[] {
  return ['-NoProfile', '-NonInteractive', '-Command', script];
}

function psRemedy(summary: MessageKey, command: string, runOn: RunOnPlace, changesState: boolean): Remedy {
  return { ...summaryOf(summary), command, ...runOn, shell: 'powershell', changesState };
}

/** The lines to run on (or against) a server when this machine cannot read its logs itself. */
export function kerberosLoggingRemedies(server: string): Remedy[] {
  const remedies = [
    enableKerberosLoggingCommand(),
    psRemedy('fp.5.remedy.read-kerberos', kerberosEventsScript(), RUN_ON.exchange, false),
    psRemedy('fp.5.remedy.read-1035', exchangeAuthEventsScript(), RUN_ON.exchange, false),
    disableKerberosLoggingCommand(),
  ];
  // The remote form carries the server name; a name that does not validate is left out.
  if (validateHostName(server).ok) {
    remedies.push(psRemedy('fp.5.remedy.read-remote', kerberosEventsScript(server), RUN_ON.remoteEventLog, false));
  }
  return remedies;
}
