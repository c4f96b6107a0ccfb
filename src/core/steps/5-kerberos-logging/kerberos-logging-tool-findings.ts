/**
 * Findings from a terminal run of `Get-WinEvent` (Kerberos events) and of the `reg` command that
 * turns Kerberos logging on or off (step 5). Pure. The events go through the engine's interpreter
 * (./kerberos-event-findings.ts); the run does not read LogLevel, so nothing is said about it.
 */
import type { Finding } from '../../../shared/findings';
import { makeFinding } from '../../findings/define';
import { cleanTerminalOutput } from '../../parsers/terminal-clean';
import { kerberosLoggingFindings } from './finding-codes';
import { kerberosEventFindings } from './kerberos-event-findings';
import { parseWinEvents } from './winevent';
import { outputEvidence, subjectOf, unrecognisedFinding, type ToolContext } from '../../tools/tool-output';
import type { FindingCode } from '../finding-codes';
import { text } from '../../l10n/render';

export function eventFindings(raw: string, exitCode: number | undefined, ctx: ToolContext): Finding<FindingCode>[] {
  const parsed = parseWinEvents(raw);
  if (!parsed.recognised) return [unrecognisedFinding(ctx, 5, 'Get-WinEvent', parsed.reason, raw, exitCode)];
  const server = ctx.server;
  return kerberosEventFindings({
    server: server?.name ?? text('fp.1.this-machine'),
    subject: subjectOf(ctx),
    host: server ? (server.fqdn ?? server.computer?.dnsHostName ?? server.name) : 'localhost',
    events: parsed.value,
    logLevel: 'not-read',
    eventSource: ctx.commandLine,
    observedAt: ctx.observedAt,
  });
}

/** `reg add` / `reg delete` / the PowerShell remoting form: success is "completed successfully" or exit 0. */
export function registryFindings(
  enable: boolean,
  raw: string,
  exitCode: number | undefined,
  ctx: ToolContext,
): Finding<FindingCode>[] {
  const output = cleanTerminalOutput(raw);
  const ok = exitCode === 0 || /completed successfully/i.test(output);
  const init = { subject: subjectOf(ctx), evidence: [outputEvidence(ctx, raw)] };
  if (!ok)
    return [
      makeFinding(kerberosLoggingFindings, 'kerberos-log.change-failed', {
        ...init,
        severity: 'error',
        params: { action: text(enable ? 'fp.5.action.on' : 'fp.5.action.off') },
      }),
    ];
  return [
    makeFinding(kerberosLoggingFindings, enable ? 'kerberos-log.enabled' : 'kerberos-log.disabled', {
      ...init,
      severity: 'ok',
    }),
  ];
}
