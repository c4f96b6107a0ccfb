import { strict as assert } from 'node:assert';
import { posixShellPath, shellKindOf } from '../../../../src/core/tools/shell-choice';

const has =
  (...paths: string[]) =>
  (p: string): boolean =>
    paths.includes(p);

describe('the terminal shell on macOS and Linux', () => {
  it('keeps bash, zsh and pwsh (quoting known, shell integration)', () => {
    for (const s of ['/bin/bash', '/usr/bin/zsh', '/bin/zsh', '/usr/bin/pwsh', '/opt/microsoft/powershell/7/pwsh']) {
      assert.equal(posixShellPath(s, has('/bin/bash')), undefined, s);
    }
  });

  it("starts bash instead of fish: fish reads \\' and \\\\ inside single quotes, so POSIX quoting would break", () => {
    assert.equal(posixShellPath('/usr/bin/fish', has('/bin/bash')), '/bin/bash');
    assert.equal(posixShellPath('/opt/homebrew/bin/fish', has('/opt/homebrew/bin/bash')), '/opt/homebrew/bin/bash');
    assert.equal(shellKindOf(posixShellPath('/usr/bin/fish', has('/usr/bin/bash')), '/usr/bin/fish', 'linux'), 'posix');
    assert.equal(posixShellPath('/usr/bin/fish', has('/usr/bin/bash')), '/usr/bin/bash');
  });

  it('starts bash instead of sh, csh, tcsh, nushell and the like; sh when there is no bash', () => {
    for (const s of ['/bin/sh', '/bin/csh', '/bin/tcsh', '/usr/bin/nu', '/usr/bin/xonsh', '']) {
      assert.equal(posixShellPath(s, has('/bin/bash', '/bin/sh')), '/bin/bash', s);
    }
    assert.equal(posixShellPath('/usr/bin/fish', has('/bin/sh')), '/bin/sh');
  });

  it('quotes for the shell that runs', () => {
    assert.equal(shellKindOf('/bin/bash', '/usr/bin/fish', 'linux'), 'posix');
    assert.equal(shellKindOf(undefined, '/usr/bin/pwsh', 'linux'), 'powershell');
    assert.equal(shellKindOf('C:\\Program Files\\PowerShell\\7\\pwsh.exe', '', 'win32'), 'powershell');
    assert.equal(shellKindOf(undefined, 'C:\\Windows\\System32\\cmd.exe', 'win32'), 'cmd');
    assert.equal(shellKindOf(undefined, '', 'win32'), 'powershell');
  });
});
