import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { STATE_CHANGING_COMMANDS, TOOL_COMMANDS } from '../../../src/extension/commands/ids';

const root = join(__dirname, '../../..');
const read = (p: string): unknown => JSON.parse(readFileSync(join(root, p), 'utf8'));

interface Contributes {
  commands: { command: string; title: string; category?: string; enablement?: string }[];
  menus: Record<string, { command?: string; when?: string }[]>;
}

describe('commands feature manifest', () => {
  const fragment = (read('scripts/contrib/commands.json') as { contributes: Contributes }).contributes;
  const pkg = (read('package.json') as { contributes: Contributes }).contributes;
  const nls = read('package.nls.json') as Record<string, string>;

  it('every command id of the feature is contributed (fragment and package.json), with a localised title and the category', () => {
    for (const id of Object.values(TOOL_COMMANDS)) {
      for (const [where, c] of [
        ['fragment', fragment],
        ['package.json', pkg],
      ] as const) {
        const cmd = c.commands.find((x) => x.command === id);
        assert.ok(cmd, `${id} in ${where}`);
        assert.match(cmd.title, /^%.+%$/, `${id} title is a %key%`);
        assert.ok(nls[cmd.title.slice(1, -1)], `${cmd.title} in package.nls.json`);
        assert.equal(cmd.category, '%command.category%');
      }
    }
  });

  it('every command a menu of the fragment names is contributed', () => {
    const ids = new Set(pkg.commands.map((c) => c.command));
    for (const [menu, items] of Object.entries(fragment.menus))
      for (const i of items) if (i.command) assert.ok(ids.has(i.command), `${i.command} (menu ${menu})`);
  });

  it('state-changing commands need a trusted workspace in every menu that shows them', () => {
    for (const id of STATE_CHANGING_COMMANDS) {
      assert.equal(fragment.commands.find((c) => c.command === id)?.enablement, 'isWorkspaceTrusted', id);
      for (const [menu, items] of Object.entries(fragment.menus)) {
        for (const i of items.filter((x) => x.command === id))
          assert.ok(i.when === 'false' || /isWorkspaceTrusted/.test(i.when ?? ''), `${id} in ${menu}: ${i.when}`);
      }
    }
  });

  it('an untrusted workspace cannot set where the directory is, how it is reached, or what runs', () => {
    const restricted = new Set(
      (read('package.json') as { capabilities: { untrustedWorkspaces: { restrictedConfigurations: string[] } } })
        .capabilities.untrustedWorkspaces.restrictedConfigurations,
    );
    const fromFragment =
      (
        read('scripts/contrib/commands.json') as {
          capabilities?: { untrustedWorkspaces?: { restrictedConfigurations?: string[] } };
        }
      ).capabilities?.untrustedWorkspaces?.restrictedConfigurations ?? [];
    for (const key of fromFragment) assert.ok(restricted.has(key), `${key} merged into package.json`);
    // directory.security: a workspace must not be able to choose how the password travels.
    for (const key of [
      'directory.hosts',
      'directory.port',
      'directory.security',
      'directory.caFile',
      'directory.bindUser',
      'servers.manual',
    ]) {
      assert.ok(restricted.has(`exchangeAuthDoctor.${key}`), key);
    }
  });
});
