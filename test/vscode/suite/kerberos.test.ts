/**
 * Signing in with Kerberos in a real VS Code against the lab DC: a ticket for the lab's reader is
 * put into a private credential cache of this test (kinit reads the password from standard input),
 * the extension host's KRB5CCNAME points at it, and the Sign in command with `kerberos` shows the
 * tree without any password prompt (a prompt would keep the command from returning) and without
 * anything stored in SecretStorage.
 */
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { EXTENSION_ID, type ExchangeAuthDoctorApi } from '../../../src/extension/api';
import { find, SECTION } from './tree-helpers';

const KEYS = ['directory.authentication', 'directory.security', 'directory.port'] as const;

describe('Kerberos sign-in (lab)', function () {
  this.timeout(60000);
  let api: ExchangeAuthDoctorApi;
  let dir: string;
  const saved: Record<string, string | undefined> = {};
  const password = process.env.EAD_BIND_PASSWORD;

  before(async () => {
    const user = process.env.EAD_BIND_USER;
    const krb5Config = process.env.EAD_KRB5_CONFIG;
    assert.ok(password && user && krb5Config, 'the lab environment (EAD_BIND_*, EAD_KRB5_CONFIG) reaches the editor');
    const ext = vscode.extensions.getExtension<ExchangeAuthDoctorApi>(EXTENSION_ID);
    assert.ok(ext, `extension ${EXTENSION_ID} is installed`);
    api = await ext.activate();
    dir = mkdtempSync(path.join(os.tmpdir(), 'ead-vscode-krb-'));
    const [name, domain] = user.split('@');
    const principal = `${name ?? ''}@${(domain ?? '').toUpperCase()}`;
    const env = { KRB5_CONFIG: krb5Config, KRB5CCNAME: `FILE:${path.join(dir, 'ccache')}` };
    const kinit = spawnSync('kinit', [principal], {
      input: `${password}\n`,
      env: { ...process.env, ...env },
      encoding: 'utf8',
      timeout: 30000,
    });
    assert.equal(kinit.status, 0, `kinit ${principal}: ${kinit.stderr}`);
    // The extension's ldapsearch inherits the extension host's environment.
    for (const [k, v] of Object.entries(env)) {
      saved[k] = process.env[k];
      process.env[k] = v;
    }
  });

  after(async () => {
    const config = vscode.workspace.getConfiguration(SECTION);
    for (const k of KEYS) await config.update(k, undefined, vscode.ConfigurationTarget.Workspace);
    await config.update('directory.authentication', undefined, vscode.ConfigurationTarget.Global);
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
    if (dir) rmSync(dir, { recursive: true, force: true });
    // The other test files expect the lab's password to be stored, as the tree tests leave it.
    if (password) await api.signInWithPassword(password);
    await api.refresh();
  });

  it('signs in with the ticket, shows the tree sealed over plain LDAP, and stores no password', async () => {
    await api.signInWithPassword(password!);
    assert.equal(await api.storedPasswordCount(), 1, 'the count sees a stored password');
    await api.signOut();
    assert.equal(await api.storedPasswordCount(), 0, 'signed out: SecretStorage holds no password');
    const config = vscode.workspace.getConfiguration(SECTION);
    await config.update('directory.security', 'ldap', vscode.ConfigurationTarget.Workspace);
    await config.update('directory.port', 389, vscode.ConfigurationTarget.Workspace);

    // Resolves only if nothing waits for input: a password box would keep it pending.
    await vscode.commands.executeCommand('exchangeAuthDoctor.signIn', 'kerberos');
    await api.refresh();

    assert.equal(
      vscode.workspace.getConfiguration(SECTION).get('directory.authentication'),
      'kerberos',
      'the sign-in records the chosen way',
    );
    const status = api.getDirectoryStatus();
    assert.equal(status.kind, 'ready', JSON.stringify(status));
    assert.deepEqual(
      api.getDiscovery()?.servers.map((s) => s.name),
      ['EX01', 'EX02'],
    );
    const org = find(api.getTreeSnapshot(), (n) => n.contextValue === 'organisation');
    assert.match(org?.tooltip ?? '', /LDAP with Kerberos sealing as ead-reader@CONTOSO\.TEST/);
    assert.match(org?.tooltip ?? '', /ldap:\/\/dc1\.contoso\.test:389/);
    assert.ok(
      find(api.getTreeSnapshot(), (n) => n.label === 'DC1'),
      'DC1 is listed',
    );
    assert.equal(await api.storedPasswordCount(), 0, 'Kerberos stored nothing in SecretStorage');
  });

  it('without a ticket the tree says to run kinit, and still nothing is stored', async () => {
    const cache = process.env.KRB5CCNAME;
    process.env.KRB5CCNAME = `FILE:${path.join(dir, 'no-such-cache')}`;
    try {
      await api.refresh();
      const status = api.getDirectoryStatus();
      assert.equal(status.failure?.kind, 'kerberos-no-ticket', JSON.stringify(status));
      assert.match(api.getTreeSnapshot()[0]?.label ?? '', /run kinit/);
      assert.equal(await api.storedPasswordCount(), 0);
    } finally {
      process.env.KRB5CCNAME = cache;
    }
  });
});
