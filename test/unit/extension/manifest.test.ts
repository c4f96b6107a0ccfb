/**
 * package.json is the one source of the extension's contributions, and the command table
 * (src/extension/commands/command-table.ts) the one list of its commands: the two list the same
 * commands, each with a title in all five languages, and every `commandId('<name>')` in the code
 * names a command of the table. The table module imports `vscode`, so its keys are read from the
 * source with the TypeScript parser (in the manner of vscode-pull-request-github's
 * scripts/check-commands.js), not by loading it.
 */
import { strict as assert } from 'node:assert';
import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { COMMAND_PREFIX } from '../../../src/shared/command-id';
import { filesUnder } from '../l10n/keys';

const root = join(__dirname, '../../..');
const read = (p: string): unknown => JSON.parse(readFileSync(join(root, p), 'utf8'));
const TABLE = 'src/extension/commands/command-table.ts';
const LANGUAGES = ['', 'es.', 'nl.', 'he.', 'zh-cn.'];

interface Manifest {
  activationEvents?: string[];
  capabilities: { untrustedWorkspaces: { restrictedConfigurations: string[] } };
  contributes: {
    commands: { command: string; title: string; category?: string; enablement?: string }[];
    menus: Record<string, { command?: string; submenu?: string; when?: string }[]>;
    walkthroughs: {
      id: string;
      steps: { id: string; title: string; description: string; media: { markdown?: string; image?: string } }[];
    }[];
  };
}

/** The keys of the object literal `COMMAND_TABLE` in the table module. */
function tableNames(): string[] {
  const source = ts.createSourceFile(TABLE, readFileSync(join(root, TABLE), 'utf8'), ts.ScriptTarget.Latest, true);
  const names: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isVariableDeclaration(node) && node.name.getText() === 'COMMAND_TABLE' && node.initializer) {
      let init: ts.Node = node.initializer;
      while (ts.isSatisfiesExpression(init) || ts.isAsExpression(init)) init = init.expression;
      assert.ok(ts.isObjectLiteralExpression(init), 'COMMAND_TABLE is an object literal');
      for (const p of init.properties) {
        assert.ok(p.name && (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name)), `a plain key: ${p.getText()}`);
        names.push(p.name.text);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return names;
}

/** Commands that change a server: they need a trusted workspace wherever they are offered. */
const STATE_CHANGING = [
  'forceReplication',
  'enableKerberosLogging',
  'disableKerberosLogging',
  'registerMissingSpns',
  'runRemedy',
];

describe('contributions (package.json) and the command table', () => {
  const pkg = read('package.json') as Manifest;
  const contributed = pkg.contributes.commands;
  const names = tableNames();

  it('the table and package.json list the same commands', () => {
    assert.ok(names.length >= 30, `${names.length} commands in the table`);
    assert.equal(new Set(names).size, names.length, 'no name twice');
    const ids = names.map((n) => `${COMMAND_PREFIX}${n}`).sort();
    assert.deepEqual(contributed.map((c) => c.command).sort(), ids);
  });

  it('every contributed command has a title in all five languages, and the category', () => {
    const bundles = LANGUAGES.map((l) => [l, read(`package.nls.${l}json`) as Record<string, string>] as const);
    for (const cmd of contributed) {
      assert.match(cmd.title, /^%.+%$/, `${cmd.command} title is a %key%`);
      for (const [l, nls] of bundles) assert.ok(nls[cmd.title.slice(1, -1)], `${cmd.title} in package.nls.${l}json`);
      assert.equal(cmd.category, '%command.category%', cmd.command);
    }
  });

  it('every commandId(...) in the code names a command of the table', () => {
    const known = new Set([...names, 'walkthrough.testHook', 'deliveryPath.testHook']);
    const used = ['src', 'test/vscode'].flatMap((d) =>
      filesUnder(join(root, d)).flatMap((f) =>
        [...readFileSync(f, 'utf8').matchAll(/commandId\('([\w.]+)'\)/g)].map((m): [string, string] => [
          relative(root, f),
          m[1] ?? '',
        ]),
      ),
    );
    assert.ok(used.length > 5, `${used.length} uses`);
    assert.deepEqual(
      used.filter(([, n]) => !known.has(n)),
      [],
    );
  });

  it('every command a menu names is contributed', () => {
    const ids = new Set(contributed.map((c) => c.command));
    for (const [menu, items] of Object.entries(pkg.contributes.menus))
      for (const i of items) if (i.command) assert.ok(ids.has(i.command), `${i.command} (menu ${menu})`);
  });

  it('state-changing commands need a trusted workspace in every menu that shows them', () => {
    for (const name of STATE_CHANGING) {
      const id = `${COMMAND_PREFIX}${name}`;
      assert.ok(names.includes(name), name);
      assert.equal(contributed.find((c) => c.command === id)?.enablement, 'isWorkspaceTrusted', id);
      for (const [menu, items] of Object.entries(pkg.contributes.menus)) {
        for (const i of items.filter((x) => x.command === id))
          assert.ok(i.when === 'false' || /isWorkspaceTrusted/.test(i.when ?? ''), `${id} in ${menu}: ${i.when}`);
      }
    }
  });

  it('an untrusted workspace cannot set where the directory is, how it is reached, or what runs', () => {
    const restricted = new Set(pkg.capabilities.untrustedWorkspaces.restrictedConfigurations);
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

  it('the walkthrough can be restored, is offered on the servers view, and Get Started opens it', () => {
    assert.ok(
      pkg.activationEvents?.includes('onWebviewPanel:exchangeAuthDoctor.walkthrough'),
      'the serializer can activate the extension',
    );
    const open = `${COMMAND_PREFIX}openWalkthrough`;
    assert.ok(pkg.contributes.menus['view/title']?.some((m) => m.command === open));
    assert.ok(pkg.contributes.menus['view/item/context']?.some((m) => m.command === open));
    const walkthrough = pkg.contributes.walkthroughs.find((w) => w.id === 'exchangeAuthDoctor.getStarted');
    assert.ok(walkthrough);
    for (const step of walkthrough.steps) {
      const media = step.media.markdown ?? step.media.image;
      assert.ok(media && existsSync(join(root, media)), `${step.id}: ${media}`);
    }
    const nls = read('package.nls.json') as Record<string, string>;
    const last = walkthrough.steps.at(-1)!;
    assert.match(nls[last.description.replace(/%/g, '')] ?? '', /\(command:exchangeAuthDoctor\.openWalkthrough\)/);
  });

  it('names only strings of package.nls.json', () => {
    const nls = read('package.nls.json') as Record<string, string>;
    const keys = [...JSON.stringify(pkg).matchAll(/"%([^%"]+)%"/g)].map((m) => m[1] ?? '');
    assert.ok(keys.length > 30);
    assert.deepEqual(
      keys.filter((k) => !(k in nls)),
      [],
    );
  });
});
