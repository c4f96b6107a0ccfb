/**
 * Every command of this extension is `exchangeAuthDoctor.<name>`, where <name> is a key of the
 * command table (src/extension/commands/command-table.ts), the one place commands are declared.
 * Code that refers to a command (a tree item, the status bar, the language server's code actions)
 * writes `commandId('<name>')`; test/unit/extension/manifest.test.ts checks that every such name
 * is in the table and that the table and package.json list the same commands.
 */
export const COMMAND_PREFIX = 'exchangeAuthDoctor.';

export function commandId(name: string): string {
  return `${COMMAND_PREFIX}${name}`;
}
