import { strict as assert } from 'node:assert';
import { HOSTILE_NAMES } from '../safety/hostile';
import { CommandLineError, arg } from '../../../../src/core/safety/command-line';
import { prepareRun } from '../../../../src/core/tools/invocation';
import { PlanError, type Invocation, type ToolPlan } from '../../../../src/core/tools/tool-plan';
import {
  kerberosEventsPlan,
  kerberosLoggingPlan,
} from '../../../../src/core/steps/5-kerberos-logging/kerberos-logging-plans';
import { kerberosPortsPlan } from '../../../../src/core/steps/4-ports/port-plans';
import { receiveConnectorsPlan } from '../../../../src/core/steps/6-receive-connectors/connector-plans';
import {
  registerMissingSpnPlans,
  setspnListPlan,
  setspnQueryExpectedPlans,
  setspnQueryPlan,
} from '../../../../src/core/steps/3-spns/setspn-plans';
import { stripchartPlan } from '../../../../src/core/steps/1-clocks/w32tm-plans';
import { syncAllPlan } from '../../../../src/core/steps/2-replication/repadmin-plans';
import { FULL_SPNS, server } from './windows-fixtures';

const cli = { node: '/opt/node 24/bin/node', script: "/home/o'brien/.vscode/extensions/ead/dist/cli.js" };
type Runnable = Exclude<Invocation, { kind: 'unavailable' }>;
const runnable = (i: Invocation): Runnable => {
  if (i.kind === 'unavailable') throw new Error('unavailable');
  return i;
};

describe('tool plans and their command lines', () => {
  it('setspn -L: the Windows line, and the CLI line for POSIX shells with the paths quoted', () => {
    const plan = setspnListPlan(server('EX01', []));
    assert.deepEqual(prepareRun(runnable(plan.windows), 'powershell', cli), {
      commandLine: 'setspn -L EX01',
      file: 'setspn',
      args: ['-L', 'EX01'],
    });
    const other = prepareRun(runnable(plan.other), 'posix', cli);
    assert.equal(
      other.commandLine,
      `'/opt/node 24/bin/node' '/home/o'\\''brien/.vscode/extensions/ead/dist/cli.js' setspn -L EX01`,
    );
    assert.deepEqual(other.args, [cli.script, 'setspn', '-L', 'EX01']);
    assert.equal(other.file, cli.node);
    assert.equal(plan.changesState, false);
  });

  it('every plan refuses a hostile server name before any command line exists', () => {
    const builders: ((name: string) => ToolPlan[])[] = [
      (n) => [setspnListPlan(server(n, []))],
      (n) => setspnQueryExpectedPlans(server(n, [])),
      (n) => registerMissingSpnPlans(server(n, [])),
      (n) => [stripchartPlan({ ...server('EX01', []), fqdn: n })],
      (n) => [kerberosPortsPlan(server('EX01', []), [n])],
      (n) => [kerberosLoggingPlan({ ...server('EX01', []), fqdn: n }, true)],
      (n) => [kerberosEventsPlan({ ...server('EX01', []), fqdn: n })],
      (n) => [receiveConnectorsPlan(server(n, []))],
      (n) => [syncAllPlan(n)],
      (n) => [setspnQueryPlan(`SMTPSVC/${n}`)],
    ];
    for (const name of HOSTILE_NAMES) {
      for (const [i, build] of builders.entries()) {
        assert.throws(() => build(name), PlanError, `builder ${i} accepted ${JSON.stringify(name)}`);
      }
    }
  });

  it('register missing SPNs: one setspn -S per SPN the account lacks, each changing state', () => {
    const plans = registerMissingSpnPlans(server('EX02', ['SMTP/EX02', 'SMTP/ex02.contoso.test']));
    assert.deepEqual(
      plans.map((p) => prepareRun(runnable(p.windows), 'powershell', cli).commandLine),
      ['setspn -S SMTPSVC/EX02 EX02', 'setspn -S SMTPSVC/ex02.contoso.test EX02'],
    );
    assert.ok(plans.every((p) => p.changesState && p.other.kind === 'unavailable'));
    assert.deepEqual(registerMissingSpnPlans(server('EX01', FULL_SPNS('EX01'))), []);
  });

  it('state-changing plans are marked; read-only ones are not', () => {
    const ex01 = server('EX01', []);
    assert.equal(kerberosLoggingPlan(ex01, true).changesState, true);
    assert.equal(kerberosLoggingPlan(ex01, false).changesState, true);
    assert.equal(syncAllPlan().changesState, true);
    for (const p of [
      setspnListPlan(ex01),
      stripchartPlan(ex01),
      kerberosEventsPlan(ex01),
      receiveConnectorsPlan(ex01),
      kerberosPortsPlan(ex01, ['dc1.contoso.test']),
    ])
      assert.equal(p.changesState, false, p.tool);
  });

  it('reg add through the Remote Registry is quoted for PowerShell and cmd, and runs as an argument vector', () => {
    const plan = kerberosLoggingPlan(server('EX01', []), true);
    const ps = prepareRun(runnable(plan.windows), 'powershell', cli);
    assert.equal(
      ps.commandLine,
      "reg add '\\\\ex01.contoso.test\\HKLM\\SYSTEM\\CurrentControlSet\\Control\\Lsa\\Kerberos\\Parameters' /v LogLevel /t REG_DWORD /d '1' /f",
    );
    assert.equal(
      ps.args[1],
      '\\\\ex01.contoso.test\\HKLM\\SYSTEM\\CurrentControlSet\\Control\\Lsa\\Kerberos\\Parameters',
    );
    assert.equal(
      prepareRun(runnable(plan.windows), 'cmd', cli).commandLine.startsWith('reg add \\\\ex01.contoso.test\\HKLM'),
      true,
    );
  });

  it('PowerShell scripts run through -Command; the names inside are single-quoted', () => {
    const plan = kerberosPortsPlan(server('EX01', []), ['dc1.contoso.test', 'DC2']);
    const run = prepareRun(runnable(plan.windows), 'powershell', cli, 'pwsh.exe');
    assert.equal(
      run.commandLine,
      "Test-NetConnection -ComputerName 'dc1.contoso.test' -Port 88; Test-NetConnection -ComputerName 'DC2' -Port 88; Test-NetConnection -ComputerName 'ex01.contoso.test' -Port 25",
    );
    assert.deepEqual(run.args.slice(0, 3), ['-NoProfile', '-NonInteractive', '-Command']);
    assert.equal(run.args[3], run.commandLine);
    assert.equal(run.file, 'pwsh.exe');
    // From a POSIX shell the script is one single-quoted argument.
    assert.match(
      prepareRun(runnable(plan.windows), 'posix', cli, 'pwsh').commandLine,
      /^pwsh -NoProfile -NonInteractive -Command 'Test-NetConnection .*'$/,
    );
  });

  it('CLI arguments: only constant long options pass as they are; hostile values never reach a shell unquoted', () => {
    for (const name of HOSTILE_NAMES) {
      const inv: Invocation = { kind: 'cli', args: [arg.text('setspn'), arg.switch('-L'), arg.host(name)] };
      for (const shell of ['posix', 'powershell', 'cmd'] as const)
        assert.throws(
          () => prepareRun(runnable(inv), shell, cli),
          CommandLineError,
          `${shell} ${JSON.stringify(name)}`,
        );
    }
    for (const bad of ['--x;rm -rf ~', '--$(id)', '--a b', '--`id`']) {
      assert.throws(() => prepareRun({ kind: 'cli', args: [arg.switch(bad)] }, 'posix', cli), CommandLineError, bad);
    }
    // Free text is quoted for the shell it is typed into.
    const text: Invocation = {
      kind: 'cli',
      args: [arg.text('diagnose'), arg.switch('--server'), arg.text("EX01'; rm -rf ~ #")],
    };
    assert.match(prepareRun(runnable(text), 'posix', cli).commandLine, / --server 'EX01'\\''; rm -rf ~ #'$/);
    assert.match(prepareRun(runnable(text), 'powershell', cli).commandLine, / --server 'EX01''; rm -rf ~ #'$/);
  });

  it('commands with no CLI equivalent are unavailable off Windows; read-only ones use the CLI report', () => {
    const ex01 = server('EX01', []);
    assert.equal(syncAllPlan('dc1.contoso.test').other.kind, 'unavailable');
    const other = runnable(stripchartPlan(ex01).other);
    const run = prepareRun(other, 'posix', { node: 'node', script: 'cli.js' });
    assert.equal(run.commandLine, 'node cli.js diagnose --server EX01 --steps 1 --json');
    assert.deepEqual(run.args, ['cli.js', 'diagnose', '--server', 'EX01', '--steps', '1', '--json']);
    assert.equal(
      prepareRun(other, 'powershell', { node: 'node', script: 'cli.js' }).commandLine,
      "node cli.js diagnose --server EX01 --steps '1' --json",
    );
  });

  it('Electron as Node: ELECTRON_RUN_AS_NODE for the one CLI command, never left in the shell', () => {
    const inv = runnable(setspnListPlan(server('EX01', [])).other);
    const electron = { node: '/usr/share/code/code', script: '/ext/dist/cli.js', runAsNode: true };
    const posix = prepareRun(inv, 'posix', electron);
    assert.equal(posix.commandLine, "ELECTRON_RUN_AS_NODE=1 '/usr/share/code/code' '/ext/dist/cli.js' setspn -L EX01");
    assert.deepEqual(posix.env, { ELECTRON_RUN_AS_NODE: '1' }, 'the background process gets it in its own environment');
    const ps = prepareRun(inv, 'powershell', { ...electron, node: 'C:\\Program Files\\Microsoft VS Code\\Code.exe' });
    assert.equal(
      ps.commandLine,
      "$env:ELECTRON_RUN_AS_NODE = '1'; try { & 'C:\\Program Files\\Microsoft VS Code\\Code.exe' '/ext/dist/cli.js' setspn -L EX01 } finally { Remove-Item Env:ELECTRON_RUN_AS_NODE -ErrorAction Ignore }",
    );
    assert.throws(() => prepareRun(inv, 'cmd', electron), CommandLineError, 'cmd.exe would keep it set');
    // A real Node (code-server, the lab) needs nothing.
    const node = prepareRun(inv, 'posix', { node: '/usr/bin/node', script: '/ext/dist/cli.js' });
    assert.equal(node.commandLine, "'/usr/bin/node' '/ext/dist/cli.js' setspn -L EX01");
    assert.equal(node.env, undefined);
  });

  it('Get-ReceiveConnector through remoting removes the session it opened, whatever happens', () => {
    const script = (receiveConnectorsPlan(server('EX01', [])).windows as { script: string }).script;
    assert.match(script, /^\$eadSession = \$null; try \{ /);
    assert.match(script, /\$eadSession = New-PSSession .* -ErrorAction Stop; Import-PSSession \$eadSession /);
    assert.match(script, / \} finally \{ if \(\$eadSession\) \{ Remove-PSSession \$eadSession \} \}$/);
    // The Get-ReceiveConnector call is inside the try, so a failing call still removes the session.
    const tryPart = script.slice(0, script.indexOf('} finally {'));
    assert.match(tryPart, /Get-ReceiveConnector -Server 'EX01' \| Format-List/);
  });
});
