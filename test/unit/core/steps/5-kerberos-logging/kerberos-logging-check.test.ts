import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  kerberosLoggingCheck,
  parseLogLevel,
} from '../../../../../src/core/steps/5-kerberos-logging/kerberos-logging-check';
import {
  checkedHost,
  disableKerberosLoggingCommand,
  enableKerberosLoggingCommand,
  kerberosEventsScript,
  powershellArgs,
  readLogLevelScript,
  setLogLevelScript,
} from '../../../../../src/core/steps/5-kerberos-logging/kerberos-logging-commands';
import { contosoEntries } from '../../directory/contoso-fixture';
import { fakeContext, ok } from '../3-spns/spn-fake-context';

const fixture = (name: string): string => readFileSync(join(__dirname, '../../../../fixtures/windows', name), 'utf8');

describe('Kerberos logging command lines', () => {
  it('builds the reg add / reg delete lines, locally and through the remote registry', () => {
    const on = enableKerberosLoggingCommand();
    assert.equal(
      on.command,
      'reg add HKLM\\SYSTEM\\CurrentControlSet\\Control\\Lsa\\Kerberos\\Parameters /v LogLevel /t REG_DWORD /d 1 /f',
    );
    assert.equal(on.changesState, true);
    assert.equal(on.shell, 'cmd');
    const off = disableKerberosLoggingCommand('EX01');
    assert.equal(
      off.command,
      'reg delete \\\\EX01\\HKLM\\SYSTEM\\CurrentControlSet\\Control\\Lsa\\Kerberos\\Parameters /v LogLevel /f',
    );
    assert.equal(off.changesState, true);
  });

  it('quotes the host in PowerShell and refuses names that could carry script', () => {
    assert.match(
      readLogLevelScript('ex01.contoso.test'),
      /^Invoke-Command -ComputerName 'ex01\.contoso\.test' -ScriptBlock \{ Get-ItemProperty/,
    );
    assert.match(
      kerberosEventsScript('EX01'),
      /^Get-WinEvent -ComputerName 'EX01' -FilterHashtable @\{LogName='System'/,
    );
    assert.match(
      setLogLevelScript('EX01', true),
      /New-ItemProperty .* -Name LogLevel -PropertyType DWord -Value 1 -Force/,
    );
    for (const hostile of ["EX01'; Remove-Item C:\\ -Recurse; '", 'EX01 }', 'ex01\n.contoso.test', '$(calc)']) {
      assert.throws(() => checkedHost(hostile), /cannot be used in a command/);
      assert.throws(() => kerberosEventsScript(hostile));
      assert.throws(() => enableKerberosLoggingCommand(hostile));
    }
  });

  it('runs PowerShell without profile and prompts, the script as one argument', () => {
    assert.deepEqual(powershellArgs('Get-Date'), ['-NoProfile', '-NonInteractive', '-Command', 'Get-Date']);
  });

  it('reads LogLevel from ConvertTo-Json output; empty output means not set', () => {
    assert.equal(parseLogLevel('{\r\n    "LogLevel":  1\r\n}\r\n'), 1);
    assert.equal(parseLogLevel('  \r\n'), undefined);
    assert.throws(() => parseLogLevel('Access is denied.'), /LogLevel could not be read/);
  });
});

describe('step 5 check: Kerberos logging', () => {
  it('off Windows: one unknown finding per server with the exact lines to run there', async () => {
    const { ctx, findings } = await fakeContext({ entries: contosoEntries(), platform: 'linux' });
    await kerberosLoggingCheck.run(ctx);
    assert.deepEqual(
      findings.map((f) => [f.code, f.severity, f.subject.name]),
      [
        ['kerberos-log.needs-windows', 'unknown', 'EX01'],
        ['kerberos-log.needs-windows', 'unknown', 'EX02'],
      ],
    );
    const f = findings[0]!;
    assert.match(f.reason!, /needs Windows PowerShell remoting.*linux/);
    const commands = f.remedies.map((r) => r.command);
    assert.ok(
      commands.includes(
        'reg add HKLM\\SYSTEM\\CurrentControlSet\\Control\\Lsa\\Kerberos\\Parameters /v LogLevel /t REG_DWORD /d 1 /f',
      ),
    );
    assert.ok(
      commands.includes(
        'reg delete HKLM\\SYSTEM\\CurrentControlSet\\Control\\Lsa\\Kerberos\\Parameters /v LogLevel /f',
      ),
    );
    assert.ok(
      commands.some(
        (c) => c.startsWith("Get-WinEvent -FilterHashtable @{LogName='Application'") && c.includes('Id=1035'),
      ),
    );
    assert.ok(f.remedies.filter((r) => r.command.startsWith('reg ')).every((r) => r.changesState));
    assert.ok(f.remedies.filter((r) => r.command.startsWith('Get-WinEvent')).every((r) => !r.changesState));
  });

  it('on Windows: reads LogLevel and events, and sends each event to the step it points to', async () => {
    const { ctx, findings, runs } = await fakeContext({
      entries: contosoEntries(),
      platform: 'win32',
      has: ['powershell'],
      scope: { kind: 'server', server: 'EX01' },
      run: (file, args) => {
        const script = args[args.length - 1] ?? '';
        if (script.includes('Get-ItemProperty')) return ok('{ "LogLevel": 1 }');
        if (script.includes("LogName='System'")) return ok(fixture('winevent-system-kerberos.json'));
        if (script.includes("LogName='Application'")) return ok(fixture('winevent-application-1035-single.json'));
        return undefined;
      },
    });
    await kerberosLoggingCheck.run(ctx);
    assert.ok(runs.every((r) => r.file === 'powershell' && r.args[0] === '-NoProfile'));
    assert.ok(runs.every((r) => (r.args[3] ?? '').includes("'ex01.contoso.test'")));
    const byCode = (re: RegExp) => findings.find((f) => re.test(f.title))!;
    const skew = byCode(/KRB_AP_ERR_SKEW/);
    assert.equal(skew.step, 1);
    assert.equal(skew.severity, 'error');
    const modified = byCode(/KRB_AP_ERR_MODIFIED/);
    assert.equal(modified.step, 3);
    const kdc11 = byCode(/duplicate name SMTPSVC\/ex01\.contoso\.test/);
    assert.equal(kdc11.step, 3);
    const symptom = findings.find((f) => f.code === 'kerberos-log.exchange-auth-failed')!;
    assert.equal(symptom.step, 5);
    assert.equal(symptom.severity, 'warning');
    assert.match(symptom.title, /Default EX02 from 192\.168\.10\.21/);
    // Logging is on, so the way to turn it off is offered.
    assert.ok(skew.remedies.some((r) => r.command.startsWith('reg delete')));
  });

  it('on Windows with logging off and no events: unknown, with the way to turn it on', async () => {
    const { ctx, findings } = await fakeContext({
      entries: contosoEntries(),
      platform: 'win32',
      has: ['powershell'],
      scope: { kind: 'server', server: 'EX01' },
      run: (_file, args) => ((args[3] ?? '').includes('Get-WinEvent') ? ok('[]') : ok('')),
    });
    await kerberosLoggingCheck.run(ctx);
    assert.deepEqual(
      findings.map((f) => [f.code, f.severity]),
      [['kerberos-log.off', 'unknown']],
    );
    assert.ok(findings[0]!.remedies.some((r) => r.command.startsWith('reg add')));
  });

  it('on Windows when remoting fails: unknown with the reason', async () => {
    const { ctx, findings } = await fakeContext({
      entries: contosoEntries(),
      platform: 'win32',
      has: ['powershell'],
      scope: { kind: 'server', server: 'EX02' },
      run: () =>
        ok(
          '',
          1,
          '[ex02.contoso.test] Connecting to remote server ex02.contoso.test failed: WinRM cannot complete the operation.',
        ),
    });
    await kerberosLoggingCheck.run(ctx);
    assert.equal(findings[0]!.code, 'kerberos-log.unreadable');
    assert.match(findings[0]!.reason!, /WinRM/);
  });
});
