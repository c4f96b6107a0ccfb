/**
 * The folder the lab writes for the editor: `.lab/workspace/.vscode/settings.json` points the
 * extension at the lab DC. Never the password: the extension asks for it and keeps it in
 * SecretStorage; tests pass it through the EAD_BIND_PASSWORD environment variable.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { BIND_UPN, DC1, paths } from './layout';

export function workspaceSettings(): Record<string, unknown> {
  return {
    'exchangeAuthDoctor.directory.hosts': [DC1.host],
    'exchangeAuthDoctor.directory.port': 636,
    'exchangeAuthDoctor.directory.security': 'ldaps',
    'exchangeAuthDoctor.directory.caFile': paths.caFile,
    'exchangeAuthDoctor.directory.bindUser': BIND_UPN,
    // The workspace lies inside this repository (.lab/): without these the editor asks whether to
    // open the repository of a parent folder, a prompt that has nothing to do with the lab.
    'git.openRepositoryInParentFolders': 'never',
    'git.autoRepositoryDetection': false,
  };
}

export function writeWorkspace(scenario: string): string {
  const dir = path.join(paths.workspace, '.vscode');
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'settings.json'), `${JSON.stringify(workspaceSettings(), null, 2)}\n`);
  writeFileSync(
    path.join(paths.workspace, 'README.md'),
    `# Exchange Auth Doctor lab\n\nThis folder is written by \`npm run lab -- start\`. Its settings point the extension at the lab's\ndomain controller ${DC1.host} (LDAPS, CA ${paths.caFile}) as ${BIND_UPN}.\nSign in with the password from \`npm run lab -- env\` (EAD_BIND_PASSWORD).\n\nScenario: ${scenario}\n`,
  );
  return paths.workspace;
}
