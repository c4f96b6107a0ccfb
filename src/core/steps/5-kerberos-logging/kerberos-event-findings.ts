/**
 * Step 5's one interpreter: the Kerberos and 1035 events of a server (parsed by ./winevent.ts) and
 * its LogLevel, whoever read them, become findings. The engine (./kerberos-logging-check.ts, over
 * PowerShell remoting) and a terminal run of Get-WinEvent (./kerberos-logging-tool-findings.ts)
 * both call `kerberosEventFindings`, so the same events get the same codes and wording. Events are
 * grouped by what they point to; each group's finding goes on that step (src/core/kerberos-codes.ts).
 * Pure.
 */
import type { Evidence, Finding, Remedy, Step, Subject } from '../../../shared/findings';
import { makeFinding } from '../../findings/define';
import { lookupKerberosError } from '../../kerberos-codes';
import { kerberosLoggingFindings } from './finding-codes';
import { disableKerberosLoggingCommand, kerberosLoggingRemedies } from './kerberos-logging-commands';
import type { WinEvent } from './winevent';
import type { FindingCode } from '../finding-codes';
import type { LocalParam, LocalText } from '../../../shared/local-text';
import { render, text } from '../../l10n/render';
import { labelOf, reasonOf, sourceOf, tableOf, valueOf } from '../../l10n/worded-parts';
import { adviceText, meaningText } from '../../l10n/kerberos-words';

/** A server's events and LogLevel as one observer read them. */
export interface KerberosLogObservation {
  /** The server's display name (`EX01`), or a phrase when it is words of ours (`this machine`). */
  server: string | LocalText;
  subject: Subject;
  /** The name the lines to run are written for. */
  host: string;
  events: readonly WinEvent[];
  /** LogLevel from the registry, undefined when it is not set; `not-read` when the observer did not read it. */
  logLevel: number | undefined | 'not-read';
  /** Where the events came from: `Get-WinEvent on ex01...`, or the command line run in the terminal. */
  eventSource: string | LocalText;
  /** Where LogLevel came from, when it was read. */
  levelSource?: string | LocalText;
  /** ISO 8601. */
  observedAt: string;
}

interface EventGroup {
  step: Step;
  why: string;
  events: WinEvent[];
}

export function describeEvent(e: WinEvent): string {
  return render('en', describeEventText(e));
}

/** What an event says, as a phrase of the sentence's language around the names and codes it holds. */
export function describeEventText(e: WinEvent): LocalText {
  const d = e.detail;
  switch (d.kind) {
    case 'kerberos-error': {
      const error: LocalParam =
        d.errorName ?? (d.errorCode !== undefined ? `0x${d.errorCode.toString(16)}` : text('fp.5.detail.error'));
      return text('fp.5.detail.kerberos-error', { error, target: d.targetName ?? d.serverName ?? '?' });
    }
    case 'ap-err-modified':
      return text('fp.5.detail.ap-err-modified', { server: d.server ?? '?', target: d.targetName ?? '?' });
    case 'kdc-duplicate-name':
      return text('fp.5.detail.duplicate-name', { name: d.duplicateName ?? '?' });
    case 'kdc-no-suitable-key':
      return text('fp.5.detail.no-suitable-key', { service: d.targetService ?? '?', account: d.account ?? '?' });
    case 'exchange-inbound-auth-failed':
      return text('fp.5.detail.inbound', {
        mechanism: d.mechanism ?? text('fp.5.detail.authentication'),
        error: d.error ?? '?',
        connector: d.connector ?? '?',
        source: d.sourceIp ?? '?',
      });
    case 'other':
      // What Windows wrote, as it is (a value, in whatever language the server logs in).
      return text('fp.common.value', { value: e.message.split(/\r?\n/)[0] ?? '' });
  }
}

function isBenign(e: WinEvent): boolean {
  return (
    e.detail.kind === 'kerberos-error' &&
    e.detail.errorCode !== undefined &&
    lookupKerberosError(e.detail.errorCode)?.benign === true
  );
}

/** The events by provider, id and error code, each group on the step its first event points to. */
function groupEvents(events: readonly WinEvent[]): EventGroup[] {
  const groups = new Map<string, EventGroup>();
  for (const e of events) {
    if (isBenign(e)) continue;
    const hint = e.steps[0];
    const code = e.detail.kind === 'kerberos-error' ? (e.detail.errorCode ?? '') : '';
    const key = `${e.provider}|${e.id}|${code}`;
    const group = groups.get(key) ?? {
      step: hint?.step ?? 5,
      why: hint?.why ?? 'A Kerberos error this product has no specific advice for; read the event text.',
      events: [],
    };
    group.events.push(e);
    groups.set(key, group);
  }
  return [...groups.values()];
}

function groupFinding(o: KerberosLogObservation, g: EventGroup, levelEvidence: Evidence[], remedies: Remedy[]) {
  const first = g.events[0];
  if (!first) return undefined;
  const symptom = first.id === 1035;
  const known =
    first.detail.kind === 'kerberos-error' && first.detail.errorCode !== undefined
      ? lookupKerberosError(first.detail.errorCode)
      : undefined;
  return makeFinding(kerberosLoggingFindings, symptom ? 'kerberos-log.exchange-auth-failed' : 'kerberos-log.event', {
    step: g.step,
    severity: symptom || g.step === 5 ? 'warning' : 'error',
    subject: o.subject,
    params: {
      server: o.server,
      count: g.events.length,
      provider: first.provider,
      eventId: first.id,
      detail: describeEventText(first),
      meaning: known ? text('fp.5.meaning', { meaning: meaningText(known) }) : '',
      advice: adviceText(g.why),
    },
    evidence: [
      ...levelEvidence,
      ...g.events.slice(0, 3).map((e) => ({
        ...(e.timeCreated
          ? labelOf('fp.5.label.event-at', { id: e.id, time: e.timeCreated })
          : labelOf('fp.5.label.event', { id: e.id })),
        value: e.message.slice(0, 600),
        ...sourceOf(o.eventSource),
        observedAt: o.observedAt,
      })),
    ],
    tables: [
      tableOf({
        caption: text('fp.5.table.events', { provider: first.provider, id: first.id, server: o.server }),
        columns: [text('fp.5.col.time'), text('fp.5.col.machine'), text('fp.5.col.detail')],
        rows: g.events.map((e) => [e.timeCreated ?? '', e.machineName ?? '', describeEventText(e)]),
      }),
    ],
    remedies,
  });
}

/** One finding per group of events, or one saying the log is clean or cannot show errors. */
export function kerberosEventFindings(o: KerberosLogObservation): Finding<FindingCode>[] {
  const read = o.logLevel !== 'not-read';
  const loggingOn = typeof o.logLevel === 'number' && o.logLevel > 0;
  const levelEvidence: Evidence[] = read
    ? [
        {
          label: 'LogLevel',
          ...valueOf(o.logLevel === undefined ? text('fp.5.value.not-set') : String(o.logLevel)),
          ...sourceOf(o.levelSource ?? o.eventSource),
          observedAt: o.observedAt,
        },
      ]
    : [];
  const remedies = loggingOn ? [disableKerberosLoggingCommand()] : [];
  const findings = groupEvents(o.events).flatMap((g) => groupFinding(o, g, levelEvidence, remedies) ?? []);
  if (findings.length) return findings;
  const params = { server: o.server };
  if (loggingOn || !read) {
    return [
      makeFinding(kerberosLoggingFindings, 'kerberos-log.clean', {
        severity: 'ok',
        subject: o.subject,
        params,
        evidence: read
          ? levelEvidence
          : [
              {
                ...labelOf('fp.5.label.events'),
                ...valueOf(text('fp.common.none')),
                ...sourceOf(o.eventSource),
                observedAt: o.observedAt,
              },
            ],
        remedies,
      }),
    ];
  }
  return [
    makeFinding(kerberosLoggingFindings, 'kerberos-log.off', {
      severity: 'unknown',
      subject: o.subject,
      params,
      evidence: levelEvidence,
      remedies: kerberosLoggingRemedies(o.host),
      ...reasonOf('fp.5.reason.off'),
    }),
  ];
}
