/**
 * Which name of an Exchange server the probes use. Senders reach a server, and name its SPN, by
 * the FQDN Exchange registered (networkAddress `ncacn_ip_tcp:`); the computer account's dNSHostName
 * is normally the same name. When the two differ, the one that resolves is probed (the registered
 * FQDN first) and the choice is kept with the reason, so findings can say which name they used.
 * Lookups happen only for servers whose names differ, once per run (the checks of one run share
 * its signal, which keys the choices; a later run asks DNS again).
 */
import type { ExchangeServer } from '../directory/model';
import type { CheckContext } from './check';
import { isCancellation } from '../steps/3-spns/spn-context';

export interface NameChoice {
  name: string;
  /** Why this name and not the other: set only when the two names differ. */
  why?: string;
  /** Whether each differing name resolved (for step 3's finding). */
  resolves?: Record<string, boolean>;
}

function clean(name: string | undefined): string | undefined {
  const n = name?.trim().replace(/\.$/, '').toLowerCase();
  return n || undefined;
}

/** The registered FQDN and the dNSHostName, when both are known and differ. */
export function differingNames(server: ExchangeServer): { registered: string; dnsHostName: string } | undefined {
  const registered = clean(server.fqdn);
  const dnsHostName = clean(server.computer?.dnsHostName);
  return registered && dnsHostName && registered !== dnsHostName ? { registered, dnsHostName } : undefined;
}

type RunKey = Pick<CheckContext, 'signal'>;
interface RunChoices {
  pending: WeakMap<ExchangeServer, Promise<NameChoice>>;
  settled: WeakMap<ExchangeServer, NameChoice>;
}
const runs = new WeakMap<AbortSignal, RunChoices>();

function choicesOf(ctx: RunKey): RunChoices {
  let r = runs.get(ctx.signal);
  if (!r) {
    r = { pending: new WeakMap(), settled: new WeakMap() };
    runs.set(ctx.signal, r);
  }
  return r;
}

/** The name to probe, without looking anything up: this run's choice, else the registered FQDN. */
export function probeName(ctx: RunKey, server: ExchangeServer): string {
  return (
    choicesOf(ctx).settled.get(server)?.name ?? clean(server.fqdn) ?? clean(server.computer?.dnsHostName) ?? server.name
  );
}

/** The choice this run made for a server by chooseServerNames, when its names differ. */
export function nameChoice(ctx: RunKey, server: ExchangeServer): NameChoice | undefined {
  return choicesOf(ctx).settled.get(server);
}

async function resolves(ctx: CheckContext, name: string): Promise<boolean> {
  try {
    const list = await ctx.io.dns.lookup(name, { timeoutMs: ctx.settings.probeTimeoutMs, signal: ctx.signal });
    return list.length > 0;
  } catch (e) {
    if (isCancellation(e)) throw e;
    return false;
  }
}

async function choose(ctx: CheckContext, registered: string, dnsHostName: string): Promise<NameChoice> {
  const [a, b] = await Promise.all([resolves(ctx, registered), resolves(ctx, dnsHostName)]);
  const state = { [registered]: a, [dnsHostName]: b };
  if (a)
    return {
      name: registered,
      why: `${registered} (the FQDN Exchange registered); dNSHostName ${dnsHostName} ${b ? 'resolves too' : 'does not resolve'}`,
      resolves: state,
    };
  if (b)
    return {
      name: dnsHostName,
      why: `${dnsHostName} (the computer's dNSHostName); the FQDN Exchange registered, ${registered}, does not resolve`,
      resolves: state,
    };
  return {
    name: registered,
    why: `${registered} (the FQDN Exchange registered); neither it nor ${dnsHostName} resolves`,
    resolves: state,
  };
}

/** Settles the names of servers whose registered FQDN and dNSHostName differ; a no-op for the rest. */
export async function chooseServerNames(ctx: CheckContext, servers: readonly ExchangeServer[]): Promise<void> {
  await Promise.all(
    servers.map(async (server) => {
      const names = differingNames(server);
      if (!names) return;
      const run = choicesOf(ctx);
      let pending = run.pending.get(server);
      if (!pending) {
        pending = choose(ctx, names.registered, names.dnsHostName);
        run.pending.set(server, pending);
      }
      run.settled.set(server, await pending);
    }),
  );
}
