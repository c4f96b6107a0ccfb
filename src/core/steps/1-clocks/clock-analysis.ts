/**
 * Step 1, the arithmetic (pure): clock readings of DCs, KDCs and Exchange servers, each an
 * estimate of "remote clock minus this machine's clock" with an uncertainty, turned into the
 * domain's time and each host's distance from it.
 *
 * This machine's own clock cancels out: every skew is measured against it, so the difference of
 * two skews is the skew between the two hosts. The domain's time is taken from the largest group
 * of hosts that agree with each other (within the warning threshold), preferring the group that
 * holds the PDC emulator, then the configured DC, then the one with more DCs: the odd host out is
 * the one to blame, even with only two hosts to compare.
 */
import { durationText } from '../../l10n/duration';
import { render } from '../../l10n/render';
import type { LocalText } from '../../../shared/local-text';

export type ClockMethod = 'ldap' | 'kdc-udp' | 'kdc-tcp' | 'smtp' | 'w32tm';
export type HostKind = 'dc' | 'server';

export interface ClockHost {
  kind: HostKind;
  /** Short name: DC1, EX01. */
  name: string;
  fqdn?: string;
  /** AD site name, when known: an Exchange server authenticates against the DCs of its site. */
  site?: string;
}

export interface ClockReading {
  host: ClockHost;
  method: ClockMethod;
  /** `RootDSE currentTime over LDAPS dc1.contoso.test:636` */
  source: string;
  /** The value as the host gave it (`20261122134747.0Z`, the banner line, `+00.0349344s`). */
  observedText: string;
  /** Estimated remote clock (ms since the epoch) at localMs. */
  remoteMs: number;
  /** This machine's clock (ms since the epoch) at the midpoint of the exchange. */
  localMs: number;
  /** Half the round trip plus the remote value's own precision. */
  uncertaintyMs: number;
}

export interface ClockThresholds {
  toleranceMs: number;
  warningMs: number;
}

export type ClockSeverity = 'ok' | 'warning' | 'error';

export function skewOf(r: ClockReading): number {
  return r.remoteMs - r.localMs;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  if (sorted.length === 0) return 0;
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

function hostKey(h: ClockHost): string {
  return `${h.kind}:${h.name.toLowerCase()}`;
}

/**
 * One figure per host: the reading Kerberos would feel (a DC's KDC time before its LDAP time, then
 * w32tm), so two readings of one host are never averaged into a value neither of them saw.
 */
export interface HostClock {
  host: ClockHost;
  skewMs: number;
  uncertaintyMs: number;
  /** The reading the figure comes from. */
  preferred: ClockReading;
  readings: ClockReading[];
}

const METHOD_PREFERENCE: readonly ClockMethod[] = ['kdc-udp', 'kdc-tcp', 'ldap', 'w32tm', 'smtp'];

export function hostClocks(readings: readonly ClockReading[]): HostClock[] {
  const byHost = new Map<string, ClockReading[]>();
  for (const r of readings) byHost.set(hostKey(r.host), [...(byHost.get(hostKey(r.host)) ?? []), r]);
  return [...byHost.values()].map((rs) => {
    const preferred = [...rs].sort(
      (a, b) => METHOD_PREFERENCE.indexOf(a.method) - METHOD_PREFERENCE.indexOf(b.method),
    )[0] as ClockReading;
    return {
      host: preferred.host,
      skewMs: skewOf(preferred),
      uncertaintyMs: preferred.uncertaintyMs,
      preferred,
      readings: rs,
    };
  });
}

export interface DomainTime {
  /** Skew of the domain's time against this machine. */
  skewMs: number;
  /** The hosts that agree on it. */
  agreeing: ClockHost[];
}

export interface ReferencePreferences {
  /** Short name of the PDC emulator, when known. */
  pdcEmulator?: string;
  /** Short name of the DC the user configured. */
  configuredDc?: string;
}

function lexicographicallyGreater(a: readonly number[], b: readonly number[]): boolean {
  for (let i = 0; i < a.length; i++) {
    const x = a[i] ?? 0;
    const y = b[i] ?? 0;
    if (x !== y) return x > y;
  }
  return false;
}

/** Readings more certain than this (half a second: finer than a whole-second clock) are "precise". */
const PRECISE_MS = 500;

export function domainTime(
  hosts: readonly HostClock[],
  thresholds: ClockThresholds,
  prefs: ReferencePreferences = {},
): DomainTime | undefined {
  if (hosts.length === 0) return undefined;
  const isDc = (h: HostClock, name?: string): boolean =>
    h.host.kind === 'dc' && name !== undefined && h.host.name.toLowerCase() === name.toLowerCase();
  let best: { members: HostClock[]; rank: number[] } | undefined;
  for (const centre of hosts) {
    const members = hosts.filter((h) => Math.abs(h.skewMs - centre.skewMs) <= thresholds.warningMs);
    const rank = [
      members.length,
      members.some((m) => isDc(m, prefs.pdcEmulator)) ? 1 : 0,
      members.some((m) => isDc(m, prefs.configuredDc)) ? 1 : 0,
      members.filter((m) => m.host.kind === 'dc').length,
    ];
    if (!best || lexicographicallyGreater(rank, best.rank)) best = { members, rank };
  }
  const members = best?.members ?? [];
  // Sub-second readings (a KDC's stime + susec) fix the domain's time better than whole-second
  // ones (RootDSE, SMTP banners): when the agreeing group has any, the time is theirs.
  const precise = members.filter((m) => m.uncertaintyMs < PRECISE_MS);
  const basis = precise.length > 0 ? precise : members;
  return { skewMs: median(basis.map((m) => m.skewMs)), agreeing: members.map((m) => m.host) };
}

/**
 * Error when the skew is beyond the tolerance even at the edge of its uncertainty; warning when it
 * might be (or is beyond the warning threshold); ok otherwise.
 */
export function classifySkew(skewMs: number, uncertaintyMs: number, thresholds: ClockThresholds): ClockSeverity {
  const size = Math.abs(skewMs);
  if (size - uncertaintyMs > thresholds.toleranceMs) return 'error';
  if (size > thresholds.toleranceMs || size - uncertaintyMs > thresholds.warningMs) return 'warning';
  return 'ok';
}

/** `+7 min 2.1 s`, `-350 ms`, `+1 h 2 min 0.0 s`: signed, positive meaning ahead. */
export function formatSkew(ms: number): string {
  const sign = ms < 0 ? '-' : '+';
  return `${sign}${formatDuration(Math.abs(ms))}`;
}

/** `7 min 2.1 s`, `350 ms`: the English of `durationText` (src/core/l10n/duration.ts). */
export function formatDuration(ms: number): string {
  return render('en', durationText(ms));
}

/** `ahead of` / `behind` for a title, as a phrase in the title's language. */
export function direction(ms: number): LocalText {
  return { key: ms >= 0 ? 'fp.1.ahead-of' : 'fp.1.behind' };
}

export interface PairSkew {
  server: ClockHost;
  dc: ClockHost;
  /** Server clock minus DC clock. */
  skewMs: number;
  uncertaintyMs: number;
  severity: ClockSeverity;
}

/**
 * Every Exchange server against the DCs that authenticate it (those of its site when its site and
 * theirs are known, else all of them): what Kerberos between them would see.
 */
export function pairSkews(hosts: readonly HostClock[], thresholds: ClockThresholds): PairSkew[] {
  const servers = hosts.filter((h) => h.host.kind === 'server');
  const dcs = hosts.filter((h) => h.host.kind === 'dc');
  const sameSite = (s: HostClock, d: HostClock): boolean => s.host.site?.toLowerCase() === d.host.site?.toLowerCase();
  return servers.flatMap((s) => {
    const local = s.host.site ? dcs.filter((d) => sameSite(s, d)) : [];
    return (local.length ? local : dcs).map((d) => {
      const skewMs = s.skewMs - d.skewMs;
      const uncertaintyMs = s.uncertaintyMs + d.uncertaintyMs;
      return {
        server: s.host,
        dc: d.host,
        skewMs,
        uncertaintyMs,
        severity: classifySkew(skewMs, uncertaintyMs, thresholds),
      };
    });
  });
}

const RANK: Record<ClockSeverity, number> = { ok: 0, warning: 1, error: 2 };

export function worseSeverity(a: ClockSeverity, b: ClockSeverity): ClockSeverity {
  return RANK[b] > RANK[a] ? b : a;
}

/**
 * The worst server-to-DC pair a host is part of, when that pair should count against the host: two
 * hosts each a little off in opposite directions (DC1 -170 s, EX01 +170 s) are each within the
 * tolerance of the domain's time but 340 s apart, which Kerberos between them rejects. A host whose
 * own clock agrees with the domain (within the warning threshold) is not blamed for its partner's
 * skew: the partner's own deviation already says so.
 */
export function worstPairFor(
  host: ClockHost,
  deviationMs: number,
  pairs: readonly PairSkew[],
  thresholds: ClockThresholds,
): PairSkew | undefined {
  if (Math.abs(deviationMs) <= thresholds.warningMs) return undefined;
  const mine = pairs.filter(
    (p) => (host.kind === 'dc' ? p.dc : p.server).name.toLowerCase() === host.name.toLowerCase(),
  );
  let worst: PairSkew | undefined;
  for (const p of mine) {
    if (
      !worst ||
      RANK[p.severity] > RANK[worst.severity] ||
      (RANK[p.severity] === RANK[worst.severity] && Math.abs(p.skewMs) > Math.abs(worst.skewMs))
    )
      worst = p;
  }
  return worst;
}
