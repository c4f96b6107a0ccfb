/**
 * Step 1, the engine's evidence: each host's finding with its readings (source, observed value,
 * observed time, skew against this machine, uncertainty) and the Exchange-server-to-DC skews. The
 * offset that decides is worded by ./clock-offset-findings.ts from the table in ./finding-codes.ts.
 */
import type { Evidence, EvidenceTable, Finding, Remedy, Subject } from '../../../shared/findings';
import { durationText } from '../../l10n/duration';
import type { CheckContext } from '../../engine/check';
import {
  direction,
  formatDuration,
  formatSkew,
  skewOf,
  type ClockHost,
  type ClockReading,
  type ClockSeverity,
  type ClockThresholds,
  type DomainTime,
  type HostClock,
  type PairSkew,
} from './clock-analysis';
import type { ClockFailure } from './clock-sources';
import { w32tmSource, w32tmStatus } from './clock-remedies';
import { compact } from '../../remedies/build';
import type { LocalText } from '../../../shared/local-text';
import { makeFinding } from '../../findings/define';
import { text, type ParamValue } from '../../l10n/render';
import { labelOf, reasonOf, tableOf, nameOf } from '../../l10n/worded-parts';
import { semicolonList } from '../../l10n/semicolon-list';
import type { MessageKey } from '../../l10n/en';
import { clockFindings } from './finding-codes';
import {
  clockOffsetFinding,
  clockUnreadableFinding,
  type ClockOffset,
  type ClockReason,
} from './clock-offset-findings';
import type { FindingCode } from '../finding-codes';

export interface ClockReport {
  ctx: CheckContext;
  thresholds: ClockThresholds;
  hosts: HostClock[];
  pairs: PairSkew[];
  failures: ClockFailure[];
  domain?: DomainTime;
  pdcEmulator?: string;
}

const METHOD_TEXT: Record<ClockReading['method'], LocalText> = {
  ldap: text('fp.1.method.ldap'),
  'kdc-udp': text('fp.1.method.kdc-udp'),
  'kdc-tcp': text('fp.1.method.kdc-tcp'),
  smtp: text('fp.1.method.smtp'),
  w32tm: text('fp.1.method.w32tm'),
};

export function hostSubject(host: ClockHost): Subject {
  const subject: Subject = { kind: host.kind, name: host.name };
  if (host.fqdn) subject.id = host.fqdn;
  return subject;
}

function iso(ms: number): string {
  return new Date(Math.round(ms)).toISOString();
}

function readingEvidence(r: ClockReading): Evidence {
  return {
    ...labelOf('fp.1.label.reading', { method: METHOD_TEXT[r.method], host: r.host.name }),
    value: r.observedText,
    source: r.source,
    observedAt: iso(r.localMs),
  };
}

function failureEvidence(ctx: CheckContext, f: ClockFailure): Evidence {
  return {
    ...labelOf('fp.1.label.no-time', { host: f.host.name }),
    value: f.reason,
    source: f.source,
    observedAt: iso(ctx.io.clock.now()),
  };
}

function readingsTable(
  report: ClockReport,
  hosts: readonly HostClock[],
  failures: readonly ClockFailure[],
): EvidenceTable {
  const rows: (string | LocalText)[][] = hosts.flatMap((h) =>
    h.readings.map((r) => [
      text('fp.1.readings.host-method', { host: r.host.name, method: METHOD_TEXT[r.method] }),
      iso(r.remoteMs),
      formatSkew(skewOf(r)),
      report.domain ? formatSkew(skewOf(r) - report.domain.skewMs) : text('fp.1.readings.na'),
      `±${formatDuration(r.uncertaintyMs)}`,
    ]),
  );
  for (const f of failures)
    rows.push([
      text('fp.1.readings.host-source', { host: f.host.name, source: f.sourceText ?? f.source }),
      text('fp.1.readings.no-answer', { message: f.reasonText ?? f.reason }),
      '',
      '',
      '',
    ]);
  return tableOf({
    caption: text('fp.1.readings.caption'),
    columns: phrases(
      'fp.1.readings.source',
      'fp.1.readings.observed',
      'fp.1.readings.vs-local',
      'fp.1.readings.vs-domain',
      'fp.1.readings.uncertainty',
    ),
    rows,
  });
}

function phrases(...keys: MessageKey[]): LocalText[] {
  return keys.map((key) => text(key));
}

function pairsTable(pairs: readonly PairSkew[], thresholds: ClockThresholds): EvidenceTable {
  const result: Record<ClockSeverity, LocalText> = {
    ok: text('fp.1.pairs.within'),
    warning: text('fp.1.pairs.beyond-warning', { warning: durationText(thresholds.warningMs) }),
    error: text('fp.1.pairs.beyond-tolerance', { tolerance: durationText(thresholds.toleranceMs) }),
  };
  return tableOf({
    caption: text('fp.1.pairs.caption'),
    columns: phrases(
      'fp.1.pairs.server',
      'fp.1.pairs.dc',
      'fp.1.pairs.skew',
      'fp.1.readings.uncertainty',
      'fp.1.pairs.result',
    ),
    rows: pairs.map((p) => [
      p.server.name,
      p.dc.name,
      formatSkew(p.skewMs),
      `±${formatDuration(p.uncertaintyMs)}`,
      result[p.severity],
    ]),
  });
}

function referenceText(report: ClockReport): LocalText {
  const names = report.domain?.agreeing.map((h) => h.name) ?? [];
  return names.length ? text('fp.1.domain-time-agreed', { names: names.join(', ') }) : text('fp.1.domain-time');
}

export function clockFinding(
  report: ClockReport,
  host: HostClock,
  worst: { reading: ClockReading; deviationMs: number; severity: ClockSeverity; pair?: PairSkew },
  failures: readonly ClockFailure[],
  remedies: Remedy[],
  subject: Subject,
): Finding<FindingCode> {
  const { thresholds } = report;
  const name = host.host.name;
  const by: ParamValue =
    host.host.kind === 'dc' && worst.reading.method.startsWith('kdc') ? text('fp.1.kdc-on', { host: name }) : name;
  const ref = referenceText(report);
  const pairs = report.pairs.filter((p) => (host.host.kind === 'dc' ? p.dc.name === name : p.server.name === name));
  const agreeing = report.hosts.filter((h) => h !== host && report.domain?.agreeing.includes(h.host));
  const tables = [readingsTable(report, [host, ...agreeing], failures)];
  if (pairs.length) tables.push(pairsTable(pairs, thresholds));
  const offset: ClockOffset = worst.pair
    ? pairOffset(by, host.host, worst.deviationMs, worst.pair, ref, thresholds)
    : { host: host.host, by, offsetMs: worst.deviationMs, uncertaintyMs: worst.reading.uncertaintyMs, reference: ref };
  return clockOffsetFinding(offset, thresholds, {
    severity: worst.severity,
    subject,
    evidence: [...host.readings.map(readingEvidence), ...failures.map((f) => failureEvidence(report.ctx, f))],
    tables,
    remedies,
  });
}

/** When a server-to-DC pair, not the host's own deviation, decides the severity: the skew against the other host. */
function pairOffset(
  by: ParamValue,
  host: ClockHost,
  deviationMs: number,
  pair: PairSkew,
  ref: LocalText,
  thresholds: ClockThresholds,
): ClockOffset {
  // pair.skewMs is server minus DC; from this host's side.
  const mine = host.kind === 'server' ? pair.skewMs : -pair.skewMs;
  const other = host.kind === 'server' ? pair.dc.name : pair.server.name;
  const against = { skew: formatSkew(deviationMs), reference: ref };
  return {
    host,
    by: by as string | LocalText,
    offsetMs: mine,
    uncertaintyMs: pair.uncertaintyMs,
    reference: text('fp.1.clock-of', { host: other }),
    detail:
      pair.severity === 'error'
        ? text('fp.1.pair-beyond', { tolerance: durationText(thresholds.toleranceMs), ...against })
        : text('fp.1.pair-within', against),
  };
}

export function unreachableFinding(
  report: ClockReport,
  host: ClockHost,
  failures: readonly ClockFailure[],
): Finding<FindingCode> {
  const reason: ClockReason = !report.domain
    ? reasonOf('fp.1.reason.no-time-at-all')
    : failures.length
      ? reasonOf('fp.1.reason.no-reading', { host: host.name, reasons: semicolonList(failures.map(failureReasonText)) })
      : reasonOf('fp.1.reason.not-asked', { host: host.name });
  const noDate = failures.length > 0 && failures.every((f) => f.reasonText?.key === 'fp.1.reason.no-banner-date');
  const init = {
    subject: hostSubject(host),
    evidence: failures.map((f) => failureEvidence(report.ctx, f)),
    tables: report.hosts.length ? [readingsTable(report, report.hosts, failures)] : [],
    remedies: compact([w32tmStatus(host.name), w32tmSource(host.name)]),
  };
  if (!noDate) return clockUnreadableFinding(host, reason, init);
  return makeFinding(clockFindings, 'clock.no-banner-date', {
    ...init,
    severity: 'unknown',
    params: { host: host.name },
    ...reason,
  });
}

/** `source: reason` of one failure, its reason as a phrase when it has one. */
function failureReasonText(f: ClockFailure): LocalText {
  return text('fp.1.reason.source', { source: f.sourceText ?? f.source, message: f.reasonText ?? f.reason });
}

/** This machine's own clock matters only for what it checks itself (tickets in step 3). */
export function localFinding(report: ClockReport, domain: DomainTime): Finding<FindingCode> | undefined {
  const skew = -domain.skewMs;
  if (Math.abs(skew) <= report.thresholds.warningMs) return undefined;
  return makeFinding(clockFindings, 'clock.local-skew', {
    severity: 'warning',
    subject: { kind: 'local', ...nameOf('fp.1.this-machine') },
    params: { duration: durationText(Math.abs(skew)), direction: direction(skew) },
    tables: [readingsTable(report, report.hosts, [])],
  });
}
