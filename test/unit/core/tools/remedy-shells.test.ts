/**
 * A remedy holding a hostile connector name from the directory (`Relay & calc.exe & rem`, which
 * cmd.exe would read as three commands) prepared for each shell the runner's terminal can have:
 * the line the consent dialog shows and the terminal gets is one line, reads back as the same
 * PowerShell command in PowerShell and in bash, and is refused for cmd.exe instead of typed there.
 */
import { strict as assert } from 'node:assert';
import { CommandLineError } from '../../../../src/core/safety/command-line';
import { setExchangeServerAuth } from '../../../../src/core/steps/6-receive-connectors/connectors-remedies';
import { prepareRun } from '../../../../src/core/tools/invocation';
import { posixArgs, readPowerShellSingleQuoted } from '../safety/shells';

const cli = { node: '/usr/bin/node', script: '/ext/dist/cli.js' };
const HOSTILE = ['Relay & calc.exe & rem', "Relay'; calc.exe; '", 'Relay $(calc.exe) `calc` %COMSPEC%'];

function remedyFor(name: string): string {
  const remedy = setExchangeServerAuth({
    name,
    dn: `CN=${name},CN=SMTP Receive Connectors,CN=Protocols,CN=EX01`,
    server: 'EX01',
    enabled: true,
    authFlags: 0x20,
    authMechanisms: [],
    bindings: ['0.0.0.0:25'],
    remoteIpRanges: [],
  });
  assert.ok(remedy, name);
  assert.equal(remedy.shell, 'powershell');
  return remedy.command;
}

describe('a remedy with a hostile connector name, in each shell the runner can have', () => {
  for (const name of HOSTILE) {
    it(`PowerShell types it as shown, with the identity as one literal: ${name}`, () => {
      const script = remedyFor(name);
      const run = prepareRun({ kind: 'powershell', script }, 'powershell', cli, 'pwsh');
      assert.equal(run.commandLine, script);
      assert.ok(!/[\r\n]/.test(run.commandLine));
      const identity = /-Identity ('(?:[^'\u2018\u2019\u201a\u201b]|'')*')/u.exec(script)?.[1] ?? '';
      assert.equal(readPowerShellSingleQuoted(identity), `EX01\\${name}`);
    });

    it(`bash gets PowerShell with the very same script as one argument: ${name}`, () => {
      const script = remedyFor(name);
      const run = prepareRun({ kind: 'powershell', script }, 'posix', cli, 'pwsh');
      assert.ok(run.commandLine.startsWith('pwsh '), run.commandLine);
      const words = posixArgs('bash', [run.commandLine.slice('pwsh '.length)]);
      assert.deepEqual(words, ['-NoProfile', '-NonInteractive', '-Command', script]);
    });

    it(`cmd.exe never gets it: ${name}`, () => {
      const script = remedyFor(name);
      assert.throws(() => prepareRun({ kind: 'powershell', script }, 'cmd', cli, 'pwsh'), CommandLineError);
    });
  }
});
