/**
 * The "Exchange Servers" tree in a real VS Code, against the lab DC. The workspace is the one the
 * lab writes (.lab/workspace, settings pointing at dc1.contoso.test); the password comes from the
 * lab environment (EAD_BIND_PASSWORD, passed to the editor by the runner) and is stored through the
 * extension's API into SecretStorage, as the Sign in command would.
 */
import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { EXTENSION_ID, type ExchangeAuthDoctorApi } from '../../../src/extension/api';
import type { TreeSnapshot } from '../../../src/extension/tree/server-tree';
import { find, SECTION } from './tree-helpers';
import { startSilentServer } from '../../integration/silent-server';

const show = (nodes: TreeSnapshot[]): string =>
  JSON.stringify(nodes.map((n) => ({ label: n.label, description: n.description, children: n.children.length })));

/** Sets workspace settings for the duration of `body`, then puts the previous values back. */
async function withSettings(values: Record<string, unknown>, body: () => Promise<void>): Promise<void> {
  const config = () => vscode.workspace.getConfiguration(SECTION);
  const previous = Object.fromEntries(Object.keys(values).map((k) => [k, config().inspect(k)?.workspaceValue]));
  try {
    for (const [k, v] of Object.entries(values)) await config().update(k, v, vscode.ConfigurationTarget.Workspace);
    await body();
  } finally {
    for (const [k, v] of Object.entries(previous)) await config().update(k, v, vscode.ConfigurationTarget.Workspace);
  }
}

describe('Exchange Servers tree (lab)', function () {
  this.timeout(60000);
  let api: ExchangeAuthDoctorApi;
  const password = process.env.EAD_BIND_PASSWORD;

  before(async () => {
    assert.ok(
      password,
      'EAD_BIND_PASSWORD must reach the extension host (eval "$(npm run --silent lab -- env)" before the runner)',
    );
    const ext = vscode.extensions.getExtension<ExchangeAuthDoctorApi>(EXTENSION_ID);
    assert.ok(ext, `extension ${EXTENSION_ID} is installed`);
    api = await ext.activate();
    const hosts = vscode.workspace.getConfiguration(SECTION).get<string[]>('directory.hosts');
    assert.ok(hosts?.length, 'the lab workspace sets exchangeAuthDoctor.directory.hosts');
  });

  afterEach(async () => {
    api.clearServerHealth();
    if (password) await api.signInWithPassword(password);
  });

  it('shows the welcome state when signed out', async () => {
    await api.signOut();
    assert.equal(api.getDirectoryStatus().kind, 'signed-out');
    assert.deepEqual(api.getTreeSnapshot(), [], 'an empty tree lets the viewsWelcome sign-in content show');
  });

  it('lists EX01 and EX02 under the organisation and site, and DC1 under Domain Controllers', async () => {
    await api.signInWithPassword(password!);
    await api.refresh();
    const tree = api.getTreeSnapshot();
    assert.equal(api.getDirectoryStatus().kind, 'ready', show(tree));
    const org = tree.find((n) => n.contextValue === 'organisation');
    assert.ok(org, show(tree));
    const site: TreeSnapshot | undefined = org.children.find((n) => n.label === 'Default-First-Site-Name');
    assert.ok(site, show(org.children));
    assert.equal(site.contextValue, 'site');
    const servers = site.children;
    for (const name of ['EX01', 'EX02']) {
      const server: TreeSnapshot | undefined = servers.find((n) => n.label === name);
      assert.ok(server, `${name} in ${show(servers)}`);
      assert.equal(server.contextValue, 'exchangeServer');
      assert.match(server.description ?? '', /Exchange .*15\.\d+\.\d+/, 'version in the description');
      assert.match(server.tooltip ?? '', new RegExp(`${name.toLowerCase()}\\.contoso\\.test`), 'FQDN in the tooltip');
      assert.match(server.tooltip ?? '', /SMTPSVC\//, 'SPNs in the tooltip');
      assert.ok(
        server.children.length > 0 && server.children.every((c) => c.contextValue === 'receiveConnector'),
        'connectors below the server',
      );
    }
    const dcs = tree.find((n) => n.contextValue === 'domainControllers');
    const dc1 = dcs?.children.find((n) => n.label === 'DC1');
    assert.ok(dc1, show(tree));
    assert.equal(dc1.contextValue, 'domainController');
    assert.match(dc1.description ?? '', /dc1\.contoso\.test/);
    assert.deepEqual(
      api.getDiscovery()?.servers.map((s) => s.name),
      ['EX01', 'EX02'],
    );
  });

  it('shows a findings state on a server item', async () => {
    await api.refresh();
    api.setServerHealth('EX01', 'error', 'SMTPSVC SPN missing');
    const ex01 = find(api.getTreeSnapshot(), (n) => n.label === 'EX01');
    assert.equal(ex01?.icon, 'error');
    assert.match(ex01?.description ?? '', /SMTPSVC SPN missing$/);
    assert.equal(ex01?.contextValue, 'exchangeServer.error');
    assert.match(ex01?.tooltip ?? '', /Last check: error — SMTPSVC SPN missing$/);
  });

  it('shows "Bind failed: invalid credentials" with Sign in as the next action', async () => {
    await api.signInWithPassword(`${password!}-wrong`);
    await api.refresh();
    const [first] = api.getTreeSnapshot();
    assert.equal(first?.label, 'Bind failed: invalid credentials');
    assert.equal(first?.command, 'exchangeAuthDoctor.signIn');
    assert.ok(!JSON.stringify(api.getTreeSnapshot()).includes(password!), 'no password in the tree');
  });

  it('shows the TLS item when no CA file is set', async () => {
    await withSettings({ 'directory.caFile': '' }, async () => {
      // The stored password is keyed on the CA file too, so other CA settings need a sign-in of
      // their own (the TLS handshake fails before any bind: the password is not sent).
      await api.signInWithPassword(password!);
      await api.refresh();
      const [first] = api.getTreeSnapshot();
      assert.equal(first?.label, 'TLS: certificate not trusted — set a CA file');
      assert.equal(first?.command, 'workbench.action.openSettings');
      assert.deepEqual(first?.commandArguments, ['exchangeAuthDoctor.directory.caFile']);
      await api.signOut();
    });
  });

  it('shows "did not answer within" for a DC that never answers, within the configured timeout', async () => {
    const silent = await startSilentServer();
    try {
      await withSettings(
        { 'directory.hosts': [silent.host], 'directory.port': silent.port, 'timeouts.connectMs': 1500 },
        async () => {
          // The password is kept per DC host, so this host needs one of its own; a throwaway one,
          // since the lab's password has no business going to another server.
          await api.signInWithPassword('not-the-lab-password');
          const started = Date.now();
          await api.refresh();
          const elapsed = Date.now() - started;
          const [first] = api.getTreeSnapshot();
          assert.equal(first?.label, '127.0.0.1 did not answer within 1.5 s');
          assert.equal(first?.command, 'exchangeAuthDoctor.refresh');
          assert.ok(elapsed < 4000, `took ${elapsed} ms`);
          assert.ok(silent.accepted > 0, 'the extension really connected to the silent DC');
          await api.signOut();
        },
      );
    } finally {
      await silent.close();
    }
  });
});
