/**
 * Findings from the other Windows tools the commands run (w32tm, repadmin, Test-NetConnection,
 * Get-WinEvent, Get-ReceiveConnector, reg) and from the CLI's `diagnose --json` report that stands
 * in for them on macOS and Linux. Pure (no `vscode`).
 */
import type { Finding, Severity } from '../../shared/findings';
import {
  cleanTerminalOutput,
  parseReceiveConnectors,
  parseRepadminReplSummary,
  parseRepadminSyncAll,
  parseTestNetConnection,
  parseW32tmMonitor,
  parseW32tmStripchart,
  parseWinEvents,
} from '../../core/parsers';
import {
  outputEvidence,
  subjectOf,
  unrecognisedFinding,
  valueEvidence,
  type ToolContext,
} from './tool-findings-common';

function skewSeverity(seconds: number, ctx: ToolContext): Severity {
  const ms = Math.abs(seconds) * 1000;
  return ms >= ctx.clockToleranceMs ? 'error' : ms >= ctx.clockWarningMs ? 'warning' : 'ok';
}

export function stripchartFindings(
  target: string,
  raw: string,
  exitCode: number | undefined,
  ctx: ToolContext,
): Finding[] {
  const parsed = parseW32tmStripchart(raw);
  if (!parsed.recognised) return [unrecognisedFinding(ctx, 1, 'w32tm /stripchart', parsed.reason, raw, exitCode)];
  const r = parsed.value;
  const subject = subjectOf(ctx, { kind: 'dc', name: target });
  const worst = r.summary.worstOffsetSeconds;
  if (r.fatalError || worst === undefined) {
    return [
      {
        code: 'clock.unreachable',
        step: 1,
        severity: 'unknown',
        subject,
        title: `The clock of ${target} could not be read`,
        explanation: 'w32tm got no time sample, so the offset is unknown.',
        evidence: [outputEvidence(ctx, raw)],
        remedies: [],
        reason: r.fatalError?.message ?? `${r.summary.failed} sample(s) failed`,
      },
    ];
  }
  const severity = skewSeverity(worst, ctx);
  return [
    {
      code: severity === 'ok' ? 'clock.in-sync' : 'clock.skew',
      step: 1,
      severity,
      subject,
      title: `${target} is ${worst >= 0 ? '+' : ''}${worst.toFixed(3)} s from this machine`,
      explanation:
        severity === 'error'
          ? 'Beyond the Kerberos tolerance, tickets are rejected (KRB_AP_ERR_SKEW) and Exchange authentication fails with 454 4.7.0.'
          : severity === 'warning'
            ? 'Within the Kerberos tolerance, but clocks that drift this far usually keep drifting.'
            : 'Well within the Kerberos tolerance.',
      evidence: [
        valueEvidence(
          ctx,
          'offsets (s)',
          r.samples
            .map((s) => (s.offsetSeconds === undefined ? (s.error ?? 'error') : s.offsetSeconds.toFixed(4)))
            .join(', '),
        ),
      ],
      remedies: [],
    },
  ];
}

export function monitorFindings(raw: string, exitCode: number | undefined, ctx: ToolContext): Finding[] {
  const parsed = parseW32tmMonitor(raw);
  if (!parsed.recognised) return [unrecognisedFinding(ctx, 1, 'w32tm /monitor', parsed.reason, raw, exitCode)];
  return parsed.value.servers.map((s): Finding => {
    const subject = { kind: 'dc' as const, name: s.name };
    const evidence = [
      valueEvidence(
        ctx,
        `${s.name}${s.isPdc ? ' (PDC)' : ''}`,
        [
          s.address,
          s.ntpOffsetSeconds !== undefined ? `offset ${s.ntpOffsetSeconds}s` : s.ntpError,
          s.refId && `RefID ${s.refId}`,
        ]
          .filter(Boolean)
          .join(', '),
      ),
    ];
    if (s.ntpOffsetSeconds === undefined) {
      return {
        code: 'clock.unreachable',
        step: 1,
        severity: 'unknown',
        subject,
        title: `${s.name} gave no NTP offset`,
        explanation: 'w32tm /monitor could not measure this DC.',
        evidence,
        remedies: [],
        reason: s.ntpError ?? s.addressError?.text ?? 'no offset printed',
      };
    }
    const severity = skewSeverity(s.ntpOffsetSeconds, ctx);
    return {
      code: severity === 'ok' ? 'clock.in-sync' : 'clock.skew',
      step: 1,
      severity,
      subject,
      title: `${s.name} is ${s.ntpOffsetSeconds.toFixed(3)} s from ${s.offsetFrom ?? 'the reference'}`,
      explanation: 'Domain controllers must agree within the Kerberos tolerance.',
      evidence,
      remedies: [],
    };
  });
}

export function replSummaryFindings(raw: string, exitCode: number | undefined, ctx: ToolContext): Finding[] {
  const parsed = parseRepadminReplSummary(raw);
  if (!parsed.recognised) return [unrecognisedFinding(ctx, 2, 'repadmin /replsummary', parsed.reason, raw, exitCode)];
  const r = parsed.value;
  const out: Finding[] = [];
  const rows = [...r.source, ...r.destination];
  const table = {
    caption: 'repadmin /replsummary',
    columns: ['DSA', 'Largest delta', 'Fails/Total', 'Error'],
    rows: rows.map((x) => [x.dsa, x.largestDeltaText, `${x.fails} / ${x.total}`, x.errorText ?? '']),
  };
  for (const x of rows.filter((row) => row.fails > 0)) {
    out.push({
      code: 'replication.failures',
      step: 2,
      severity: 'error',
      subject: { kind: 'dc', name: x.dsa },
      title: `${x.dsa}: ${x.fails} of ${x.total} replication links fail${x.errorText ? ` (${x.errorText})` : ''}`,
      explanation:
        'Domain controllers that do not replicate hand out tickets from stale account data: an SPN added on one DC is unknown to the others.',
      evidence: [
        valueEvidence(
          ctx,
          'row',
          `${x.dsa} ${x.largestDeltaText} ${x.fails}/${x.total} ${x.errorCode ?? ''} ${x.errorText ?? ''}`.trim(),
        ),
      ],
      tables: [table],
      remedies: [],
    });
  }
  for (const u of r.unreachable) {
    out.push({
      code: 'replication.unreachable',
      step: 2,
      severity: 'warning',
      subject: { kind: 'dc', name: u.dsa },
      title: `repadmin could not query ${u.dsa} (error ${u.code})`,
      explanation: 'A DC repadmin cannot reach is a blind spot, not a healthy DC.',
      evidence: [valueEvidence(ctx, 'unreachable', `${u.code} - ${u.dsa}`)],
      remedies: [],
    });
  }
  if (!out.length)
    out.push({
      code: 'replication.healthy',
      step: 2,
      severity: 'ok',
      subject: { kind: 'organisation', name: 'organisation' },
      title: `Replication reports no failures across ${rows.length} row(s)`,
      explanation: 'Every replication link succeeded in its last attempt.',
      evidence: [outputEvidence(ctx, raw)],
      tables: [table],
      remedies: [],
    });
  return out;
}

export function syncAllFindings(raw: string, exitCode: number | undefined, ctx: ToolContext): Finding[] {
  const parsed = parseRepadminSyncAll(raw);
  if (!parsed.recognised) return [unrecognisedFinding(ctx, 2, 'repadmin /syncall', parsed.reason, raw, exitCode)];
  const r = parsed.value;
  const subject = { kind: 'dc' as const, name: r.server ?? 'this DC' };
  if (r.ok)
    return [
      {
        code: 'replication.synced',
        step: 2,
        severity: 'ok',
        subject,
        title: `SyncAll from ${subject.name} terminated with no errors`,
        explanation: 'Every partition was pushed to all partners.',
        evidence: [outputEvidence(ctx, raw)],
        remedies: [],
      },
    ];
  const errors = [...r.errors, ...r.partitions.flatMap((p) => p.errors)];
  return [
    {
      code: 'replication.sync-failed',
      step: 2,
      severity: 'error',
      subject,
      title: `SyncAll from ${subject.name} reported ${errors.length} error(s)`,
      explanation: 'Some partners did not take the changes; tickets may still be issued from stale data.',
      evidence: [
        ...errors.map((e) => valueEvidence(ctx, e.kind, `${e.server ? `${e.server}: ` : ''}${e.message}`)),
        outputEvidence(ctx, raw),
      ],
      remedies: [],
    },
  ];
}

export function portFindings(raw: string, exitCode: number | undefined, ctx: ToolContext): Finding[] {
  const parsed = parseTestNetConnection(raw);
  if (!parsed.recognised) return [unrecognisedFinding(ctx, 4, 'Test-NetConnection', parsed.reason, raw, exitCode)];
  return parsed.value.map((t): Finding => {
    const target = t.computerName ?? t.remoteAddress ?? '?';
    const port = t.remotePort ?? 0;
    const subject = { kind: 'dc' as const, name: target, id: `${target}:${port}` };
    const evidence = [
      valueEvidence(
        ctx,
        `TCP ${port}`,
        `TcpTestSucceeded ${t.tcpTestSucceeded ?? '?'}${t.remoteAddress ? ` (${t.remoteAddress})` : ''}${t.warnings.length ? `; ${t.warnings.join('; ')}` : ''}`,
      ),
    ];
    const kerberos = port === 88 || port === 464;
    if (t.tcp === 'open')
      return {
        code: kerberos ? 'port.kerberos-open' : 'port.open',
        step: 4,
        severity: 'ok',
        subject,
        title: `TCP ${port} on ${target} is open`,
        explanation: 'The port accepted a connection.',
        evidence,
        remedies: [],
      };
    if (t.tcp === 'failed')
      return {
        code: kerberos ? 'port.kerberos-blocked' : 'port.blocked',
        step: 4,
        severity: 'error',
        subject,
        title: `TCP ${port} on ${target} is not reachable`,
        explanation: kerberos
          ? 'Without the KDC on port 88 no ticket can be obtained, so Exchange authentication fails.'
          : 'The port did not accept a connection.',
        evidence,
        remedies: [],
      };
    return {
      code: 'port.not-tested',
      step: 4,
      severity: 'unknown',
      subject,
      title: `No TCP test for ${target}`,
      explanation: 'Test-NetConnection ran without -Port.',
      evidence,
      remedies: [],
      reason: 'no port was tested',
    };
  });
}

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

export function connectorFindings(raw: string, exitCode: number | undefined, ctx: ToolContext): Finding[] {
  const parsed = parseReceiveConnectors(raw);
  if (!parsed.recognised) return [unrecognisedFinding(ctx, 6, 'Get-ReceiveConnector', parsed.reason, raw, exitCode)];
  const server = ctx.server?.name;
  const all = parsed.value;
  const withAuth = all.filter((c) => c.exchangeServerAuth);
  const out = all.map((c): Finding => {
    const name = c.identity ?? (server && c.name ? `${server}\\${c.name}` : (c.name ?? '?'));
    const evidence = [
      valueEvidence(ctx, 'AuthMechanism', c.authMechanisms.join(', ') || '(none)'),
      valueEvidence(ctx, 'Bindings', c.bindings.join(', ') || '(none)'),
    ];
    return c.exchangeServerAuth
      ? {
          code: 'connector.exchange-auth',
          step: 6,
          severity: 'ok',
          subject: { kind: 'connector', name },
          title: `${name} accepts Exchange Server authentication`,
          explanation: 'AuthMechanism includes ExchangeServer.',
          evidence,
          remedies: [],
        }
      : {
          code: 'connector.no-exchange-auth',
          step: 6,
          severity: withAuth.length ? 'warning' : 'error',
          subject: { kind: 'connector', name },
          title: `${name} does not offer Exchange Server authentication`,
          explanation:
            'A connector that receives mail from other Exchange servers needs ExchangeServer in AuthMechanism; without it, Exchange authentication is refused.',
          evidence,
          remedies: [],
        };
  });
  return out.length
    ? out
    : [
        {
          code: 'connector.none',
          step: 6,
          severity: 'unknown',
          subject: subjectOf(ctx),
          title: 'No receive connector was listed',
          explanation: 'Get-ReceiveConnector returned nothing.',
          evidence: [outputEvidence(ctx, raw)],
          remedies: [],
          reason: 'empty result',
        },
      ];
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

/** The CLI's `diagnose --json` report as it came through a terminal: its findings. */
export function reportFindings(raw: string, exitCode: number | undefined, ctx: ToolContext): Finding[] {
  const text = cleanTerminalOutput(raw);
  const start = text.indexOf('{');
  const end = text.lastIndexOf('}');
  try {
    if (start < 0 || end <= start) throw new Error('no JSON object in the output');
    const report = JSON.parse(text.slice(start, end + 1)) as { findings?: unknown };
    if (!Array.isArray(report.findings)) throw new Error('the report has no findings array');
    return (report.findings as Finding[]).filter(
      (f) => typeof f.code === 'string' && typeof f.step === 'number' && typeof f.severity === 'string',
    );
  } catch (e) {
    return [
      unrecognisedFinding(
        ctx,
        1,
        'exchange-auth-doctor diagnose',
        e instanceof Error ? e.message : String(e),
        raw,
        exitCode,
      ),
    ];
  }
}
