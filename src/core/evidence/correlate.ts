/**
 * Both ends of one failure, joined: the sender's evidence (event 2017, its send protocol log, its
 * queue, the Kerberos events of its System log) and the receiver's (event 1035, its receive
 * protocol log) are observations of the same failing session when they name the same two hosts
 * and fall within a few minutes of each other. Hosts are matched through every alias the evidence
 * itself gives (an IP and the name it said in EHLO or its greeting, a queue's `{FQDN=}` and
 * `{IP=}`, an SPN's host), so an address on one side meets a name on the other.
 * One correlated failure names the pair, the step to look at first and its cause. Pure.
 */
import type { Step } from '../../shared/findings';
import { render, stepsText, text, type LocalText } from '../l10n/render';
import type { MessageKey } from '../l10n/en';
import { isKnownAuthError, meaningOfAuthError } from './auth-error-steps';
import type { AuthObservation, CorrelatedFailure, ObservationSource } from '../../shared/evidence-correlation';
import type { HostEnd } from '../../shared/evidence-model';

export type { AuthObservation, CorrelatedFailure, ObservationSource };

export interface CorrelateOptions {
  /** Observations further apart than this are different failures (default 10 minutes). */
  windowMs?: number;
  /** Pairs of host spellings known to be the same machine (IP and name). */
  aliases?: readonly [string, string][];
}

/** `ex01.contoso.com` and `EX01` are the same key; addresses stay as written. */
export function hostKey(h: HostEnd | string | undefined): string | undefined {
  const v = typeof h === 'string' ? h : (h?.ip ?? h?.name);
  if (!v) return undefined;
  const t = v.trim().toLowerCase().replace(/\$$/, '');
  if (/^[0-9.]+$/.test(t) || t.includes(':') || t.includes('*')) return t;
  return t.split('.')[0] || undefined;
}

class Aliases {
  private readonly parent = new Map<string, string>();
  find(k: string): string {
    let p = this.parent.get(k) ?? k;
    while (p !== (this.parent.get(p) ?? p)) p = this.parent.get(p) ?? p;
    this.parent.set(k, p);
    return p;
  }
  union(a: string, b: string): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra !== rb) this.parent.set(ra < rb ? rb : ra, ra < rb ? ra : rb);
  }
}

/** Kerberos names first (they say exactly what broke), then the status tokens. */
function causeOf(obs: readonly AuthObservation[]): { steps: Step[]; error?: string } {
  const krb = obs.find((o) => o.source === 'kerberos-event' && o.steps?.length);
  const specific = obs.find((o) => o.error && o.error !== 'IllegalMessage') ?? obs.find((o) => o.error);
  const error = krb?.error ?? specific?.error;
  const steps = krb?.steps ?? specific?.steps ?? meaningOfAuthError(specific?.error).steps;
  return { steps, ...(error ? { error } : {}) };
}

function label(keys: readonly string[], written: Map<string, string>): string {
  const names = keys.map((k) => written.get(k) ?? k);
  return names.find((n) => !/^[0-9.:*]+$/.test(n)) ?? names[0] ?? '?';
}

export function correlate(
  observations: readonly AuthObservation[],
  options: CorrelateOptions = {},
): CorrelatedFailure[] {
  const windowMs = options.windowMs ?? 10 * 60_000;
  const aliases = new Aliases();
  for (const [a, b] of options.aliases ?? []) {
    const ka = hostKey(a);
    const kb = hostKey(b);
    if (ka && kb) aliases.union(ka, kb);
  }
  const written = new Map<string, string>();
  const remember = (h: HostEnd | undefined): void => {
    const k = hostKey(h);
    if (k && h?.name && !written.has(k)) written.set(k, h.name);
  };
  for (const pair of options.aliases ?? []) for (const v of pair) if (!/^[0-9.:*]+$/.test(v)) remember({ name: v });
  for (const o of observations) {
    remember(o.sending);
    remember(o.receiving);
    // One observation that gives a host both as address and name is an alias too.
    for (const h of [o.sending, o.receiving]) if (h?.ip && h.name) aliases.union(hostKey(h.ip)!, hostKey(h.name)!);
  }
  const root = (h: HostEnd | undefined): string | undefined => {
    const k = hostKey(h);
    return k ? aliases.find(k) : undefined;
  };

  // Pairs: both ends known; observations with one end join a pair that has that end.
  const pairs = new Map<string, { s: string; r: string; obs: AuthObservation[] }>();
  const partial: AuthObservation[] = [];
  for (const o of observations) {
    const s = root(o.sending);
    const r = root(o.receiving);
    if (s && r && s !== r) {
      const key = `${s}>${r}`;
      const p = pairs.get(key) ?? { s, r, obs: [] };
      p.obs.push(o);
      pairs.set(key, p);
    } else partial.push(o);
  }
  for (const o of partial) {
    const s = root(o.sending);
    const r = root(o.receiving);
    for (const p of pairs.values()) if ((s && p.s === s) || (r && p.r === r)) p.obs.push(o);
  }

  const out: CorrelatedFailure[] = [];
  for (const p of pairs.values()) {
    const timed = p.obs.filter((o) => o.time !== undefined).sort((a, b) => a.time! - b.time!);
    const untimed = p.obs.filter((o) => o.time === undefined);
    // Split the timed observations where a gap exceeds the window; the untimed join the first cluster.
    const clusters: AuthObservation[][] = [];
    for (const o of timed) {
      const last = clusters[clusters.length - 1];
      if (last && o.time! - last[last.length - 1]!.time! <= windowMs) last.push(o);
      else clusters.push([o]);
    }
    if (!clusters.length) clusters.push([]);
    clusters[0]!.push(...untimed);
    for (const obs of clusters) {
      const sources = [...new Set(obs.map((o) => o.source))];
      const sides = new Set(obs.map((o) => sideOf(o.source)));
      // "Both ends": evidence written by the sender and by the receiver (or a DC's Kerberos view).
      if (sides.size < 2) continue;
      const { steps, error } = causeOf(obs);
      const step = steps[0] ?? 5;
      const times = obs.map((o) => o.time).filter((t): t is number => t !== undefined);
      const sending = label([...keysOf(p.s, aliases, written)], written);
      const receiving = label([...keysOf(p.r, aliases, written)], written);
      const local = text('ev.correlated', {
        sending,
        receiving,
        count: obs.length,
        sources: sources.join(', '),
        step,
        cause: causeOfError(error),
      });
      const item: CorrelatedFailure = {
        sending,
        receiving,
        step,
        steps,
        sources,
        observations: obs,
        text: local,
        message: `${render('en', local)} ${render('en', stepsText(steps))}.`,
      };
      if (times.length) {
        // Sorted by time already (timed observations first, in order).
        item.from = times.reduce((a, b) => Math.min(a, b));
        item.to = times.reduce((a, b) => Math.max(a, b));
      }
      out.push(item);
    }
  }
  return out.sort((a, b) => b.observations.length - a.observations.length);
}

/** The catalogue's cause for a status token or a Kerberos error name. */
function causeOfError(error: string | undefined): LocalText {
  if (!error) return text('cause.default');
  if (isKnownAuthError(error)) return text(`cause.${error}` as MessageKey);
  if (/SKEW/.test(error)) return text('cause.TimeSkew');
  if (/MODIFIED|BAD_INTEGRITY/.test(error)) return text('cause.MessageAltered');
  if (/ETYPE/.test(error)) return text('cause.KdcUnknownEncryptionType');
  if (/S_PRINCIPAL_UNKNOWN/.test(error)) return text('cause.TargetUnknown');
  return text('cause.default');
}

function sideOf(source: ObservationSource): 'sending' | 'receiving' | 'kdc' {
  if (source === 'event-1035' || source === 'receive-log') return 'receiving';
  if (source === 'kerberos-event') return 'kdc';
  return 'sending';
}

function* keysOf(rootKey: string, aliases: Aliases, written: Map<string, string>): Generator<string> {
  for (const k of written.keys()) if (aliases.find(k) === rootKey) yield k;
  yield rootKey;
}
