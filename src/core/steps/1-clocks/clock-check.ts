/**
 * Step 1: do the clocks of the Exchange servers and the DCs (and their KDCs) agree within the
 * Kerberos tolerance? Every host is read from this machine (see ./clock-sources.ts), the domain's
 * time is the one most hosts agree on (see ./clock-analysis.ts), and each host gets one finding:
 * how far it is from that time, with every reading, its uncertainty and the server-to-DC skews as
 * evidence. A host that gives no reading is `unknown` with the reasons.
 */
import { STEP_TITLES, type Finding } from '../../../shared/findings';
import type { Check, CheckContext } from '../../engine/check';
import type { ExchangeServer } from '../../directory/model';
import { mapAtOnce } from '../../engine/limit';
import { clockRemedies, w32tmStripchart } from './clock-remedies';
import { compact } from '../../remedies/build';
import {
  classifySkew,
  domainTime,
  hostClocks,
  pairSkews,
  skewOf,
  worseSeverity,
  worstPairFor,
  type ClockReading,
  type ClockSeverity,
  type DomainTime,
  type HostClock,
} from './clock-analysis';
import {
  readDcTime,
  readKdcTime,
  readServerTime,
  dcHost,
  serverHost,
  type ClockFailure,
  type ClockProbes,
  type SourceOutcome,
} from './clock-sources';
import { readStripchart, windowsTimeToolAvailable } from './clock-windows';
import { readPdcEmulator } from './clock-pdc';
import { clockFinding, hostSubject, localFinding, unreachableFinding, type ClockReport } from './clock-findings';
import { primaryDcHost } from '../3-spns/spn-context';
import { chooseServerNames } from '../../engine/server-names';
import type { FindingCode } from '../finding-codes';

export function createClockCheck(probes: ClockProbes): Check {
  return { id: 'clock', step: 1, title: STEP_TITLES[1], run: (ctx) => runClockCheck(ctx, probes) };
}

/** The AS-REQ names an Exchange server's computer account (it exists, so the KDC says PREAUTH_REQUIRED). */
export function kdcPrincipal(servers: readonly ExchangeServer[]): string {
  const first = servers[0];
  return first ? `${first.name}$` : 'krbtgt';
}

async function runClockCheck(ctx: CheckContext, probes: ClockProbes): Promise<void> {
  await chooseServerNames(ctx, ctx.servers);
  const windows = await windowsTimeToolAvailable(ctx);
  const principal = kdcPrincipal(ctx.servers);
  const tasks: (() => Promise<SourceOutcome[]>)[] = [
    ...ctx.domainControllers.flatMap((dc) => [
      async () => [await readDcTime(ctx, dc)],
      () => readKdcTime(ctx, probes, dc, principal),
      ...(windows ? [async () => [await readStripchart(ctx, dc)]] : []),
    ]),
    ...ctx.servers.map((s) => () => readServerTime(ctx, probes, s)),
  ];
  const configured = primaryDcHost(ctx);
  const [outcomes, pdcEmulator] = await Promise.all([
    mapAtOnce(tasks, ctx.signal, (t) => t()).then((o) => o.flat()),
    configured ? readPdcEmulator(ctx, configured) : Promise.resolve(undefined),
  ]);
  if (ctx.signal.aborted) return;

  const readings = outcomes.flatMap((o) => ('reading' in o ? [o.reading] : []));
  const failures = outcomes.flatMap((o) => ('failure' in o ? [o.failure] : []));
  const thresholds = { toleranceMs: ctx.settings.clockToleranceMs, warningMs: ctx.settings.clockWarningMs };
  const hosts = hostClocks(readings);
  const configuredDc = ctx.domainControllers.find(
    (d) => configured && (d.fqdn ?? d.name).toLowerCase() === configured.toLowerCase(),
  )?.name;
  const domain = domainTime(hosts, thresholds, {
    ...(pdcEmulator ? { pdcEmulator } : {}),
    ...(configuredDc ? { configuredDc } : {}),
  });
  const pairs = pairSkews(hosts, thresholds);
  const report: ClockReport = {
    ctx,
    thresholds,
    hosts,
    pairs,
    failures,
    ...(domain ? { domain } : {}),
    ...(pdcEmulator ? { pdcEmulator } : {}),
  };

  for (const dc of ctx.domainControllers) {
    const h = dcHost(dc);
    ctx.emit(
      hostFinding(
        report,
        hosts.find((x) => x.host.kind === 'dc' && x.host.name === h.name),
        failures.filter((f) => f.host.kind === 'dc' && f.host.name === h.name),
        h.name,
        'dc',
      ),
    );
  }
  for (const server of ctx.servers) {
    const h = serverHost(ctx, server);
    ctx.emit(
      hostFinding(
        report,
        hosts.find((x) => x.host.kind === 'server' && x.host.name === h.name),
        failures.filter((f) => f.host.kind === 'server' && f.host.name === h.name),
        h.name,
        'server',
      ),
    );
  }
  const local = domain ? localFinding(report, domain) : undefined;
  if (local) ctx.emit(local);
}

/** The reading of a host furthest from the domain's time decides its severity. */
export function worstReading(
  host: HostClock,
  domain: DomainTime,
  thresholds: { toleranceMs: number; warningMs: number },
): { reading: ClockReading; deviationMs: number; severity: ClockSeverity } {
  const rank: Record<ClockSeverity, number> = { ok: 0, warning: 1, error: 2 };
  let worst: { reading: ClockReading; deviationMs: number; severity: ClockSeverity } | undefined;
  for (const r of host.readings) {
    const deviationMs = skewOf(r) - domain.skewMs;
    const severity = classifySkew(deviationMs, r.uncertaintyMs, thresholds);
    if (
      !worst ||
      rank[severity] > rank[worst.severity] ||
      (rank[severity] === rank[worst.severity] && Math.abs(deviationMs) > Math.abs(worst.deviationMs))
    ) {
      worst = { reading: r, deviationMs, severity };
    }
  }
  return worst as { reading: ClockReading; deviationMs: number; severity: ClockSeverity };
}

function hostFinding(
  report: ClockReport,
  host: HostClock | undefined,
  failures: ClockFailure[],
  name: string,
  kind: 'dc' | 'server',
): Finding<FindingCode> {
  const subjectHost = host?.host ?? failures[0]?.host ?? { kind, name };
  if (!host || !report.domain) return unreachableFinding(report, subjectHost, failures);
  const deviation = worstReading(host, report.domain, report.thresholds);
  // Two hosts each a little off in opposite directions can be beyond the tolerance of each other.
  const pair = worstPairFor(host.host, deviation.deviationMs, report.pairs, report.thresholds);
  const severity = pair ? worseSeverity(deviation.severity, pair.severity) : deviation.severity;
  const worst = { ...deviation, severity, ...(pair && severity !== deviation.severity ? { pair } : {}) };
  const remedies = compact([
    ...(worst.severity === 'ok'
      ? []
      : clockRemedies(name, {
          isDc: kind === 'dc',
          ...(report.pdcEmulator ? { pdcEmulator: report.pdcEmulator } : {}),
        })),
    kind === 'dc' && worst.severity !== 'ok' ? w32tmStripchart(subjectHost.fqdn ?? name) : undefined,
  ]);
  return clockFinding(report, host, worst, failures, remedies, hostSubject(subjectHost));
}
