/**
 * Smoke test: the editor loaded this repository's extension (not some installed copy), it
 * activates, and its commands and view are live in the workbench.
 */
import { strict as assert } from 'node:assert';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { EXTENSION_ID } from '../../../src/extension/api';

const repoRoot = path.resolve(__dirname, '..', '..', '..');

describe('smoke', function () {
  this.timeout(30000);

  it('runs in a VS Code with a Node 22+ extension host', () => {
    console.log(`    VS Code ${vscode.version}, extension host Node ${process.versions.node}`);
    assert.match(vscode.version, /^1\.\d+\.\d+/);
    const [major = '0', minor = '0'] = vscode.version.split('.');
    assert.ok(Number(major) > 1 || Number(minor) >= 101, `engines.vscode wants ^1.101.0, got ${vscode.version}`);
    assert.ok(Number(process.versions.node.split('.')[0]) >= 22, `Node ${process.versions.node}`);
  });

  it('loads the extension from this repository and activates it', async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, `${EXTENSION_ID} is not known to the editor`);
    assert.equal(path.resolve(ext.extensionPath), repoRoot, 'the development copy is the one loaded');
    await ext.activate();
    assert.equal(ext.isActive, true);
  });

  it('registers every command the manifest contributes', async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext);
    const manifest = ext.packageJSON as { contributes?: { commands?: { command: string }[] } };
    const contributed = (manifest.contributes?.commands ?? []).map((c) => c.command);
    assert.ok(contributed.length > 0, 'the manifest contributes commands');
    const registered = new Set(await vscode.commands.getCommands(true));
    const missing = contributed.filter((c) => !registered.has(c));
    assert.deepEqual(missing, [], 'contributed commands without a handler');
  });

  it('opens the Exchange Servers view', async () => {
    // `<view id>.focus` exists only when the workbench registered the view from the manifest.
    await vscode.commands.executeCommand('exchangeAuthDoctor.servers.focus');
  });
});
