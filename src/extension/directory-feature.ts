/**
 * The directory feature: the discovery service, the Exchange Servers tree, sign-in, and the
 * listeners that refresh on settings or secret changes. It builds the extension API that tests
 * and the other features read the discovery through; its commands are in the command table.
 */
import * as vscode from 'vscode';
import { AuthDirectoryConnector } from '../io/directory-auth';
import { ExecaProcessRunner } from '../io/process';
import type { DiscoveryResult } from '../core/directory/model';
import type { ExchangeAuthDoctorApi } from './api';
import type { CredentialStore } from './directory/credentials';
import { DiscoveryService } from './directory/discovery-service';
import { readSettings, type Settings } from './settings';
import { SignIn } from './directory/sign-in';
import { SERVERS_VIEW_ID, ServerTreeProvider } from './tree/server-tree';

/** Context key the viewsWelcome `when` clauses read. */
const STATE_CONTEXT_KEY = 'exchangeAuthDoctor.directoryState';

export interface DirectoryFeatureDeps {
  credentials: CredentialStore;
  settings: Pick<Settings, 'affects'>;
  log: vscode.LogOutputChannel;
  /** Disposed with the extension. */
  subscriptions: vscode.Disposable[];
}

export interface DirectoryFeature {
  api: ExchangeAuthDoctorApi;
  signIn: SignIn;
  discovery: DiscoveryService;
}

export function createDirectoryFeature({
  credentials,
  settings,
  log,
  subscriptions,
}: DirectoryFeatureDeps): DirectoryFeature {
  const service = new DiscoveryService(
    new AuthDirectoryConnector(new ExecaProcessRunner()),
    credentials,
    log,
    SERVERS_VIEW_ID,
  );
  const tree = new ServerTreeProvider(service.state);
  const view = vscode.window.createTreeView(SERVERS_VIEW_ID, { treeDataProvider: tree, showCollapseAll: true });
  const signIn = new SignIn(credentials, service, log);
  const discoveryChanged = new vscode.EventEmitter<DiscoveryResult | undefined>();
  const current = (): DiscoveryResult | undefined =>
    service.state.kind === 'ready' ? service.state.result : undefined;

  subscriptions.push(
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
      if (settings.affects(e, ['directory', 'servers', 'timeouts'])) void service.refresh();
    }),
    credentials.onDidChange(() => void service.refresh()),
  );
  void service.refresh();

  const api: ExchangeAuthDoctorApi = {
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
  return { api, signIn, discovery: service };
}
