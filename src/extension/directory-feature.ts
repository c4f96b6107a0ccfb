/**
 * Wires the directory feature: credential store, discovery service, the tree view, the sign-in
 * commands and the listeners that refresh on settings or secret changes. Returns the API.
 */
import * as vscode from 'vscode';
import { AuthDirectoryConnector } from '../io/directory-auth';
import { ExecaProcessRunner } from '../io/process';
import type { DiscoveryResult } from '../core/directory/model';
import type { ExchangeAuthDoctorApi } from './api';
import { COMMANDS, STATE_CONTEXT_KEY, VIEW_ID } from './commands';
import { CredentialStore } from './directory/credentials';
import { DiscoveryService } from './directory/discovery-service';
import { SECTION, readSettings } from './directory/settings';
import { SignIn } from './directory/sign-in';
import { ServerTreeProvider } from './tree/server-tree';

const WATCHED = ['directory', 'servers', 'timeouts'].map((k) => `${SECTION}.${k}`);

export function activateDirectoryFeature(
  context: vscode.ExtensionContext,
  log: vscode.LogOutputChannel,
): ExchangeAuthDoctorApi {
  const credentials = new CredentialStore(context.secrets);
  const service = new DiscoveryService(new AuthDirectoryConnector(new ExecaProcessRunner()), credentials, log, VIEW_ID);
  const tree = new ServerTreeProvider(service.state);
  const view = vscode.window.createTreeView(VIEW_ID, { treeDataProvider: tree, showCollapseAll: true });
  const signIn = new SignIn(credentials, service, log);
  const discoveryChanged = new vscode.EventEmitter<DiscoveryResult | undefined>();
  const current = (): DiscoveryResult | undefined =>
    service.state.kind === 'ready' ? service.state.result : undefined;

  context.subscriptions.push(
    service,
    tree,
    view,
    discoveryChanged,
    service.onDidChange((state) => {
      tree.update(state);
      void vscode.commands.executeCommand('setContext', STATE_CONTEXT_KEY, state.kind);
      discoveryChanged.fire(current());
    }),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (WATCHED.some((k) => e.affectsConfiguration(k))) void service.refresh();
    }),
    credentials.onDidChange(() => void service.refresh()),
    vscode.commands.registerCommand(COMMANDS.signIn, (way?: unknown) =>
      signIn.signIn(way === 'kerberos' || way === 'password' ? way : undefined),
    ),
    vscode.commands.registerCommand(COMMANDS.signOut, () => signIn.signOut()),
    vscode.commands.registerCommand(COMMANDS.refresh, () => service.refresh()),
    vscode.commands.registerCommand(COMMANDS.showLog, () => log.show()),
  );
  void service.refresh();

  return {
    getDiscovery: current,
    getDirectoryStatus: () => {
      const s = service.state;
      return s.kind === 'failed'
        ? { kind: s.kind, failure: { kind: s.error.kind, message: s.error.message } }
        : { kind: s.kind };
    },
    refresh: () => service.refresh(),
    signInWithPassword: (password) => signIn.store(readSettings(), password),
    signOut: async () => {
      await credentials.delete(readSettings());
      await service.refresh();
    },
    storedPasswordCount: () => credentials.storedCount(),
    getTreeSnapshot: () => tree.snapshot(),
    setServerHealth: (name, severity, summary) => tree.setServerHealth(name, severity, summary),
    clearServerHealth: (name) => tree.clearServerHealth(name),
    getServerHealth: (name) => tree.getServerHealth(name),
    onDidChangeDiscovery: discoveryChanged.event,
    log,
  };
}
