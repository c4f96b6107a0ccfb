/**
 * Small helpers the step 3, 5 and 6 checks share: timestamps, subjects, evidence rows, and the
 * choice of the directory session that sees the whole forest (the global catalog, or the domain
 * partition when the GC ports are closed).
 */
import type { LocalParam, LocalText } from '../../../shared/local-text';
import type { MessageKey } from '../../l10n/en';
import { labelOf, sourceOf, valueOf } from '../../l10n/worded-parts';
import type { Evidence, Subject } from '../../../shared/findings';
import type { ExchangeServer } from '../../directory/model';
import type { DirectorySession } from '../../io';
import type { CheckContext } from '../../engine/check';
import { isDoctorError } from '../../errors';

export function nowIso(ctx: Pick<CheckContext, 'io'>): string {
  return new Date(ctx.io.clock.now()).toISOString();
}

export function serverSubject(server: ExchangeServer): Subject {
  const subject: Subject = { kind: 'server', name: server.name };
  const id = server.fqdn ?? server.computer?.dnsHostName;
  if (id) subject.id = id;
  return subject;
}

/** A value or source that is a phrase (`(none)`, `this machine`) is worded in the view's language. */
export function evidence(
  ctx: Pick<CheckContext, 'io'>,
  label: string,
  value: string | LocalText,
  source: string | LocalText,
): Evidence {
  return { label, ...valueOf(value), ...sourceOf(source), observedAt: nowIso(ctx) };
}

/** Evidence under a label of ours (a catalogue phrase), worded in the view's language. */
export function labelledEvidence(
  ctx: Pick<CheckContext, 'io'>,
  label: { key: MessageKey; params?: Readonly<Record<string, LocalParam>> },
  value: string | LocalText,
  source: string | LocalText,
): Evidence {
  return { ...labelOf(label.key, label.params), ...valueOf(value), ...sourceOf(source), observedAt: nowIso(ctx) };
}

export function describeError(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** Cancellation ends a check; everything else becomes an `unknown` finding or a fallback. */
export function isCancellation(e: unknown): boolean {
  return isDoctorError(e) && e.kind === 'aborted';
}

export interface ForestSession {
  session: DirectorySession;
  /** Search base: '' for the whole global catalog, the domain naming context otherwise. */
  base: string;
  /** `global catalog ldaps://dc1.contoso.test:3269` or `domain partition ...`. */
  label: string;
  /** Why the global catalog was not used, when it was not. */
  fallbackReason?: string;
}

/** The host of the configured DC, or the one discovery talked to. */
export function primaryDcHost(ctx: Pick<CheckContext, 'directory' | 'discovery'>): string | undefined {
  return ctx.directory.targets[0]?.host ?? ctx.discovery.rootDse.dnsHostName;
}

/**
 * Opens the global catalog of the configured DC; when that fails (GC port closed, DC not a GC)
 * falls back to the domain partition of the same DC, saying so. Cancellation is rethrown.
 */
export async function openForestSession(ctx: CheckContext): Promise<ForestSession> {
  const host = primaryDcHost(ctx);
  if (!host) throw new Error('no domain controller is configured');
  try {
    const session = await ctx.openSession(host, { globalCatalog: true });
    return { session, base: '', label: `global catalog ${session.url}` };
  } catch (e) {
    if (isCancellation(e) || ctx.signal.aborted) throw e;
    const session = await ctx.openSession(host);
    return {
      session,
      base: ctx.discovery.rootDse.defaultNamingContext,
      label: `domain partition ${session.url}`,
      fallbackReason: `the global catalog of ${host} could not be opened (${describeError(e)}); only the domain ${ctx.discovery.rootDse.defaultNamingContext} was searched`,
    };
  }
}
