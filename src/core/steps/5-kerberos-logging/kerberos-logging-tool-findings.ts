/**
 * Findings from a terminal run of `Get-WinEvent` (Kerberos events) and of the `reg` command that turns Kerberos logging on or off (step 5). Pure.
 */
import type { Finding } from '../../../shared/findings';
import { cleanTerminalOutput } from '../../parsers/terminal-clean';
import { parseWinEvents } from './winevent';
import {
  outputEvidence,
  subjectOf,
  unrecognisedFinding,
  valueEvidence,
  type ToolContext,
} from '../../tools/tool-output';

export function eventFindings(raw: string, exitCode: number | undefined, ctx: ToolContext): Finding[] {
  const parsed = parseWinEvents(raw);
  if (!parsed.recognised) return [unrecognisedFinding(ctx, 5, 'Get-WinEvent', parsed.reason, raw, exitCode)];
  const subject = subjectOf(ctx);
  const events = parsed.value;
  if (events.length === 0)
    return [
      {
        code: 'kerberos-log.clean',
        step: 5,
        severity: 'ok',
        subject,
        title: 'No Kerberos errors in the System log',
        explanation: 'No Kerberos client or KDC error events were logged in the period read.',
        evidence: [outputEvidence(ctx, raw)],
        remedies: [],
      },
    ];
  const byKind = new Map<string, typeof events>();
  for (const e of events) byKind.set(`${e.provider}/${e.id}`, [...(byKind.get(`${e.provider}/${e.id}`) ?? []), e]);
  return [...byKind.values()].map((list): Finding => {
    const first = list[0];
    const d = first?.detail;
    const what =
      d?.kind === 'kerberos-error'
        ? `Kerberos error ${d.errorName ?? d.errorCode ?? ''}${d.targetName ? ` for ${d.targetName}` : ''}`
        : d?.kind === 'ap-err-modified'
          ? `KRB_AP_ERR_MODIFIED${d.targetName ? ` for ${d.targetName}` : ''} (duplicate SPN or wrong account)`
          : d?.kind === 'kdc-duplicate-name'
            ? `KDC: duplicate name ${d.duplicateName ?? ''}`
            : d?.kind === 'kdc-no-suitable-key'
              ? `KDC: no suitable key for ${d.targetService ?? d.account ?? '?'}`
              : d?.kind === 'exchange-inbound-auth-failed'
                ? `Inbound authentication failed${d.connector ? ` on ${d.connector}` : ''}`
                : `Event ${first?.id ?? '?'} from ${first?.provider ?? '?'}`;
    return {
      code: `kerberos-log.event-${first?.id ?? 0}`,
      step: 5,
      severity: 'error',
      subject,
      title: `${what} (${list.length}×, last ${first?.timeCreated ?? '?'})`,
      explanation:
        'These events name what Kerberos could not do; the KB 979174 step they point to is where the fix is.',
      evidence: list
        .slice(0, 5)
        .map((e) => valueEvidence(ctx, `${e.provider} ${e.id} ${e.timeCreated ?? ''}`.trim(), e.message.slice(0, 500))),
      remedies: [],
    };
  });
}

/** `reg add` / `reg delete` / the PowerShell remoting form: success is "completed successfully" or exit 0. */
export function registryFindings(
  enable: boolean,
  raw: string,
  exitCode: number | undefined,
  ctx: ToolContext,
): Finding[] {
  const text = cleanTerminalOutput(raw);
  const ok = exitCode === 0 || /completed successfully/i.test(text);
  const action = enable ? 'turned on' : 'turned off';
  return [
    {
      code: ok ? (enable ? 'kerberos-log.enabled' : 'kerberos-log.disabled') : 'kerberos-log.change-failed',
      step: 5,
      severity: ok ? 'ok' : 'error',
      subject: subjectOf(ctx),
      title: ok ? `Kerberos logging ${action}` : `Kerberos logging could not be ${action}`,
      explanation: enable
        ? 'LogLevel = 1 takes effect at once; Kerberos errors now go to the System log. Turn it off once the events are collected.'
        : 'LogLevel removed.',
      evidence: [outputEvidence(ctx, raw)],
      remedies: [],
    },
  ];
}
