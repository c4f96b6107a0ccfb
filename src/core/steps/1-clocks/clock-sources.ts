/**
 * Step 1, the measurements: one clock reading per source, each timed so its uncertainty is known.
 *   - a DC's RootDSE `currentTime` over its own directory session (1 s precision),
 *   - a KDC's `stime`/`susec` from the KRB-ERROR to an AS-REQ without pre-authentication
 *     (microseconds; UDP 88 first, TCP 88 when UDP does not answer),
 *   - an Exchange server's SMTP banner date on its transport ports (1 s precision).
 * The network probes come in through ClockProbes so the check can be tested without sockets.
 */
import type { CoreIo, OpOptions } from '../../io';
import type { LocalText } from '../../../shared/local-text';
import { render, text } from '../../l10n/render';
import type { CheckContext } from '../../engine/check';
import type { DomainController, ExchangeServer } from '../../directory/model';
import { parseGeneralizedTime } from '../../directory/ldap-text';
import { getFirst } from '../../io';
import type { ClockHost, ClockReading } from './clock-analysis';
import { describeError, isCancellation } from '../3-spns/spn-context';
import { probeName } from '../../engine/server-names';

export interface KdcTimeAnswer {
  /** The KDC's clock (stime + susec) in ms since the epoch. */
  kdcTimeMs: number;
  /** Round trip of the exchange in ms. */
  roundTripMs: number;
  /** This machine's clock at the midpoint of the exchange. */
  localMidMs: number;
  /** KRB-ERROR code (25 PREAUTH_REQUIRED for an existing principal, 6 for an unknown one). */
  errorCode?: number;
  /** `20261122134747Z` + susec as the KDC sent it. */
  raw: string;
}

export interface BannerTimeAnswer {
  banner: string;
  /** The date in the banner, when there is one (ms since the epoch). */
  serverTimeMs?: number;
  roundTripMs: number;
  localMidMs: number;
}

export interface KdcTimeOptions extends OpOptions {
  realm: string;
  principal: string;
}

export interface ClockProbes {
  kdcTime(io: CoreIo, host: string, transport: 'udp' | 'tcp', options: KdcTimeOptions): Promise<KdcTimeAnswer>;
  bannerTime(io: CoreIo, host: string, port: number, options: OpOptions): Promise<BannerTimeAnswer>;
}

export interface ClockFailure {
  host: ClockHost;
  source: string;
  /** In English, or a message from the probe as it was given. */
  reason: string;
  /** The reason as a catalogue phrase, when it is words of ours. */
  reasonText?: LocalText;
  /** The source as a catalogue phrase, when it is words of ours. */
  sourceText?: LocalText;
}

/** A failure whose source (and reason, when ours) are phrases; a message from elsewhere stays as it is. */
function failed(host: ClockHost, source: LocalText, reason: string | LocalText): SourceOutcome {
  const why = typeof reason === 'string' ? { reason } : { reason: render('en', reason), reasonText: reason };
  return { failure: { host, source: render('en', source), sourceText: source, ...why } };
}

export type SourceOutcome = { reading: ClockReading } | { failure: ClockFailure };

/** Transport ports in the order a banner is looked for: hub transport first, then frontend. */
export const BANNER_PORTS = [2525, 25, 465, 717] as const;

/** RootDSE time is truncated to whole seconds: the true time lies in [t, t + 1 s). */
const ONE_SECOND_HALF = 500;

export function dcHost(dc: DomainController): ClockHost {
  return { kind: 'dc', name: dc.name, ...(dc.fqdn ? { fqdn: dc.fqdn } : {}), ...(dc.site ? { site: dc.site } : {}) };
}

/** The server as step 1 reads it, under the name the run probes (./server-names.ts). */
export function serverHost(ctx: Pick<CheckContext, 'signal'>, server: ExchangeServer): ClockHost {
  const fqdn = server.fqdn || server.computer?.dnsHostName ? probeName(ctx, server) : undefined;
  return {
    kind: 'server',
    name: server.name,
    ...(fqdn ? { fqdn } : {}),
    ...(server.site ? { site: server.site } : {}),
  };
}

function address(host: ClockHost): string {
  return host.fqdn ?? host.name;
}

function opts(ctx: CheckContext): OpOptions {
  return { timeoutMs: ctx.settings.probeTimeoutMs, signal: ctx.signal };
}

/** Local wall clock at the midpoint of an exchange timed with the monotonic clock. */
function midpoint(ctx: CheckContext, wallStart: number, monoStart: number): { localMs: number; roundTripMs: number } {
  const roundTripMs = ctx.io.clock.monotonic() - monoStart;
  return { localMs: wallStart + roundTripMs / 2, roundTripMs };
}

export async function readDcTime(ctx: CheckContext, dc: DomainController): Promise<SourceOutcome> {
  const host = dcHost(dc);
  let source = text('fp.1.source.rootdse', { host: address(host) });
  try {
    const session = await ctx.openSession(address(host));
    source = text('fp.1.source.rootdse-over', { url: session.url });
    try {
      const wallStart = ctx.io.clock.now();
      const monoStart = ctx.io.clock.monotonic();
      let value: string | undefined;
      for await (const entry of session.search(
        { base: '', scope: 'base', filter: '(objectClass=*)', attributes: ['currentTime'] },
        opts(ctx),
      )) {
        value ??= getFirst(entry, 'currentTime');
      }
      const { localMs, roundTripMs } = midpoint(ctx, wallStart, monoStart);
      const iso = value ? parseGeneralizedTime(value) : undefined;
      if (!value || !iso)
        return failed(
          host,
          source,
          value ? text('fp.1.reason.not-generalized-time', { value }) : text('fp.1.reason.no-current-time'),
        );
      const reading: ClockReading = {
        host,
        method: 'ldap',
        source: render('en', source),
        observedText: value,
        remoteMs: Date.parse(iso) + ONE_SECOND_HALF,
        localMs,
        uncertaintyMs: roundTripMs / 2 + ONE_SECOND_HALF,
      };
      return { reading };
    } finally {
      await session.close().catch(() => undefined);
    }
  } catch (e) {
    if (isCancellation(e)) throw e;
    return failed(host, source, describeError(e));
  }
}

/**
 * The KDC's time over UDP 88 and TCP 88 at once (so a KDC that answers neither costs one probe
 * timeout, not two); the UDP reading is preferred, TCP is the fallback.
 */
export async function readKdcTime(
  ctx: CheckContext,
  probes: ClockProbes,
  dc: DomainController,
  principal: string,
): Promise<SourceOutcome[]> {
  const host = dcHost(dc);
  const attempt = async (transport: 'udp' | 'tcp'): Promise<SourceOutcome> => {
    const sourceText = text('fp.1.source.kdc', {
      transport: transport.toUpperCase(),
      host: address(host),
      principal: `${principal}@${ctx.settings.realm}`,
    });
    const source = render('en', sourceText);
    try {
      const a = await probes.kdcTime(ctx.io, address(host), transport, {
        ...opts(ctx),
        realm: ctx.settings.realm,
        principal,
      });
      const reading: ClockReading = {
        host,
        method: transport === 'udp' ? 'kdc-udp' : 'kdc-tcp',
        source,
        observedText: a.raw,
        remoteMs: a.kdcTimeMs,
        localMs: a.localMidMs,
        // stime + susec has microsecond precision: the round trip is all the uncertainty.
        uncertaintyMs: a.roundTripMs / 2,
      };
      return { reading };
    } catch (e) {
      if (isCancellation(e)) throw e;
      return failed(host, sourceText, describeError(e));
    }
  };
  const [udp, tcp] = await Promise.all([attempt('udp'), attempt('tcp')]);
  return 'reading' in udp ? [udp] : [udp, tcp];
}

/**
 * The banner of every transport port at once; the first port (in BANNER_PORTS order) whose banner
 * carries a date gives the reading, the others are reported only when none does.
 */
export async function readServerTime(
  ctx: CheckContext,
  probes: ClockProbes,
  server: ExchangeServer,
): Promise<SourceOutcome[]> {
  const host = serverHost(ctx, server);
  const attempt = async (port: number): Promise<SourceOutcome> => {
    const sourceText = text('fp.1.source.banner', { host: address(host), port });
    const source = render('en', sourceText);
    try {
      const a = await probes.bannerTime(ctx.io, address(host), port, opts(ctx));
      if (a.serverTimeMs === undefined)
        return failed(host, sourceText, text('fp.1.reason.no-banner-date', { banner: a.banner.slice(0, 120) }));
      const reading: ClockReading = {
        host,
        method: 'smtp',
        source,
        observedText: a.banner,
        remoteMs: a.serverTimeMs + ONE_SECOND_HALF,
        localMs: a.localMidMs,
        uncertaintyMs: a.roundTripMs / 2 + ONE_SECOND_HALF,
      };
      return { reading };
    } catch (e) {
      if (isCancellation(e)) throw e;
      return failed(host, sourceText, describeError(e));
    }
  };
  const outcomes = await Promise.all(BANNER_PORTS.map(attempt));
  const first = outcomes.find((o) => 'reading' in o);
  return first ? [first] : outcomes;
}
