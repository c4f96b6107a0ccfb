/**
 * What a command is about: the server item it was invoked on (tree context menu), a name passed by
 * another command or a test, or a server picked from the directory (command palette).
 */
import * as vscode from 'vscode';
import type { DiscoveryResult, ExchangeServer } from '../../core/directory/model';
import { matchByName } from '../../core/engine/scope';
import { readSettings } from '../settings';
import type { Scope } from '../../core/engine/check';

export type PairScope = Extract<Scope, { kind: 'pair' }>;

/** A server named in settings only: what is known of it is its name. */
export function manualServer(name: string): ExchangeServer {
  const short = (name.split('.')[0] ?? name).toUpperCase();
  return {
    name: short,
    ...(name.includes('.') ? { fqdn: name.toLowerCase() } : {}),
    dn: '',
    roles: [],
    receiveConnectors: [],
  };
}

/** The server name in a command argument: a tree node (`serverName`), a string, or `{ server }`. */
export function serverNameOf(arg: unknown): string | undefined {
  if (typeof arg === 'string') return arg;
  if (arg && typeof arg === 'object') {
    const o = arg as { serverName?: unknown; server?: unknown };
    if (typeof o.serverName === 'string') return o.serverName;
    if (typeof o.server === 'string') return o.server;
  }
  return undefined;
}

export function knownServers(discovery: DiscoveryResult | undefined): ExchangeServer[] {
  const manual = readSettings().manualServers.map(manualServer);
  const found = discovery?.servers ?? [];
  return [...found, ...manual.filter((m) => !matchByName(found, m.name))];
}

export async function pickServer(
  discovery: DiscoveryResult | undefined,
  arg: unknown,
  placeHolder?: string,
): Promise<ExchangeServer | undefined> {
  const servers = knownServers(discovery);
  const named = serverNameOf(arg);
  if (named) return matchByName(servers, named) ?? manualServer(named);
  if (servers.length === 0) {
    void vscode.window.showWarningMessage(
      vscode.l10n.t(
        'No Exchange server is known yet: sign in to the directory, or list servers in the setting exchangeAuthDoctor.servers.manual.',
      ),
    );
    return undefined;
  }
  if (servers.length === 1) return servers[0];
  const pick = await vscode.window.showQuickPick(
    servers.map((s) => ({ label: s.name, description: s.fqdn ?? '', server: s })),
    { placeHolder: placeHolder ?? vscode.l10n.t('Choose an Exchange server') },
  );
  return pick?.server;
}

export function domainControllerNames(discovery: DiscoveryResult | undefined): string[] {
  const dcs = (discovery?.domainControllers ?? []).map((d) => d.fqdn ?? d.name);
  return dcs.length ? dcs : readSettings().hosts;
}

/** The sending and receiving servers, from the arguments or asked for (the other one when there are two). */
export async function pickPair(
  discovery: DiscoveryResult | undefined,
  first?: unknown,
  second?: unknown,
): Promise<PairScope | undefined> {
  const sending = await pickServer(
    discovery,
    typeof second === 'string' || serverNameOf(first) ? first : undefined,
    vscode.l10n.t('Sending server'),
  );
  if (!sending) return undefined;
  const others = (discovery?.servers ?? []).filter((s) => s.name !== sending.name);
  const receiving = await pickServer(
    discovery,
    typeof second === 'string' ? second : others.length === 1 ? others[0]?.name : undefined,
    vscode.l10n.t('Receiving server'),
  );
  return receiving ? { kind: 'pair', sending: sending.name, receiving: receiving.name } : undefined;
}
