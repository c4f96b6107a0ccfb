/**
 * Step 1, the engine's evidence: each host's finding with its readings (source, observed value,
 * observed time, skew against this machine, uncertainty) and the Exchange-server-to-DC skews. The
 * offset that decides is worded by ./clock-offset-findings.ts from the table in ./finding-codes.ts.
 */
import type { Evidence, EvidenceTable, Finding, Remedy, Subject } from '../../../shared/findings';
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
import { makeFinding } from '../../findings/define';
import { clockFindings } from './finding-codes';
import { clockOffsetFinding, clockUnreadableFinding, type ClockOffset } from './clock-offset-findings';
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

const METHOD_TEXT: Record<ClockReading['method'], string> = {
  ldap: 'directory (RootDSE)',
  'kdc-udp': 'KDC (UDP 88)',
  'kdc-tcp': 'KDC (TCP 88)',
  smtp: 'SMTP banner',
  w32tm: 'w32tm stripchart',
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
    label: `${METHOD_TEXT[r.method]} time of ${r.host.name}`,
    value: r.observedText,
    source: r.source,
    observedAt: iso(r.localMs),
  };
}

function failureEvidence(ctx: CheckContext, f: ClockFailure): Evidence {
  return {
    label: `no time from ${f.host.name}`,
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
  const rows = hosts.flatMap((h) =>
    h.readings.map((r) => [
      `${r.host.name} ${METHOD_TEXT[r.method]}`,
      iso(r.remoteMs),
      formatSkew(skewOf(r)),
      report.domain ? formatSkew(skewOf(r) - report.domain.skewMs) : 'n/a',
      `±${formatDuration(r.uncertaintyMs)}`,
    ]),
  );
  for (const f of failures) rows.push([`${f.host.name} (${f.source})`, `no answer: ${f.reason}`, '', '', '']);
  return {
    caption: 'Clock readings (skews are positive when the host is ahead)',
    columns: ['Source', 'Observed time (UTC)', 'Skew vs this machine', 'Skew vs the domain', 'Uncertainty'],
    rows,
  };
}

function pairsTable(pairs: readonly PairSkew[], thresholds: ClockThresholds): EvidenceTable {
  const result: Record<ClockSeverity, string> = {
    ok: 'within tolerance',
    warning: `beyond ${formatDuration(thresholds.warningMs)} (or possibly beyond the tolerance)`,
    error: `beyond the ${formatDuration(thresholds.toleranceMs)} Kerberos tolerance`,
  };
  return {
    caption: 'Exchange server against each domain controller (what Kerberos between them sees)',
    columns: ['Exchange server', 'Domain controller', 'Skew (server minus DC)', 'Uncertainty', 'Result'],
    rows: pairs.map((p) => [
      p.server.name,
      p.dc.name,
      formatSkew(p.skewMs),
      `±${formatDuration(p.uncertaintyMs)}`,
      result[p.severity],
    ]),
  };
}

function referenceText(report: ClockReport): string {
  const names = report.domain?.agreeing.map((h) => h.name) ?? [];
  return names.length ? `the domain's time (as ${names.join(', ')} agree)` : "the domain's time";
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
  const by = host.host.kind === 'dc' && worst.reading.method.startsWith('kdc') ? `The KDC on ${name}` : name;
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
  by: string,
  host: ClockHost,
  deviationMs: number,
  pair: PairSkew,
  ref: string,
  thresholds: ClockThresholds,
): ClockOffset {
  // pair.skewMs is server minus DC; from this host's side.
  const mine = host.kind === 'server' ? pair.skewMs : -pair.skewMs;
  const other = host.kind === 'server' ? pair.dc.name : pair.server.name;
  const beyond =
    pair.severity === 'error'
      ? `, beyond the ${formatDuration(thresholds.toleranceMs)} Kerberos tolerance between them`
      : '';
  return {
    host,
    by,
    offsetMs: mine,
    uncertaintyMs: pair.uncertaintyMs,
    reference: `${other}'s`,
    detail: `${beyond} (${formatSkew(deviationMs)} against ${ref})`,
  };
}

export function unreachableFinding(
  report: ClockReport,
  host: ClockHost,
  failures: readonly ClockFailure[],
): Finding<FindingCode> {
  const reasons = failures.map((f) => `${f.source}: ${f.reason}`);
  const reason = !report.domain
    ? 'no host gave a clock reading, so there is no time to compare with'
    : failures.length
      ? `no clock reading from ${host.name}: ${reasons.join('; ')}`
      : `${host.name} was not asked`;
  const noDate = failures.length > 0 && failures.every((f) => f.reason.startsWith('the banner carries no date'));
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
    reason,
  });
}

/** This machine's own clock matters only for what it checks itself (tickets in step 3). */
export function localFinding(report: ClockReport, domain: DomainTime): Finding<FindingCode> | undefined {
  const skew = -domain.skewMs;
  if (Math.abs(skew) <= report.thresholds.warningMs) return undefined;
  return makeFinding(clockFindings, 'clock.local-skew', {
    severity: 'warning',
    subject: { kind: 'local', name: 'this machine' },
    params: { duration: formatDuration(Math.abs(skew)), direction: direction(skew) },
    tables: [readingsTable(report, report.hosts, [])],
  });
}
