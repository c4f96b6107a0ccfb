/**
 * Step 4 remedies. This machine is not where the traffic that matters flows: Exchange servers talk
 * to the DCs and to each other. So the lines here are meant to run *on* the Exchange servers:
 * one `Test-NetConnection` per port, and a PowerShell remoting form that tests every DC port from
 * every server at once. Test-NetConnection speaks TCP only; UDP 88 is left to the Kerberos probe.
 */
import type { Remedy } from '../../../shared/findings';
import { RUN_ON } from '../../remedies/run-on';
import { CommandLineError, arg } from '../../safety/command-line';
import { compact, psHostList, tryRemedy, whenValid } from '../../remedies/build';
import { summaryOf } from '../../l10n/worded-parts';

export function testNetConnection(runOn: string, target: string, port: number): Remedy | undefined {
  const words = summaryOf('fp.4.remedy.test-port', { runOn, port, target });
  const base = tryRemedy({
    summary: words.summary,
    runOn,
    shell: 'powershell',
    changesState: false,
    executable: 'Test-NetConnection',
    args: [arg.switch('-ComputerName'), arg.host(target)],
  });
  if (!base || !Number.isInteger(port) || port < 1 || port > 65535) return undefined;
  // A port number is a bare word PowerShell reads as a number; the safety module would quote it.
  return { ...base, summaryText: words.summaryText, command: `${base.command} -Port ${port}` };
}

function checkedPorts(ports: readonly number[]): string {
  for (const p of ports)
    if (!Number.isInteger(p) || p < 1 || p > 65535) throw new CommandLineError(`${p} is not a TCP port`, 0);
  return ports.join(',');
}

/**
 * `Invoke-Command -ComputerName 'ex01...','ex02...' -ScriptBlock { ... }`: every server tests every
 * target on every port and the answers come back as one table. Names are validated and quoted;
 * undefined when one of them does not pass.
 */
export function remotePortSweep(
  servers: readonly string[],
  targets: readonly string[],
  ports: readonly number[],
  what: 'domain controller' | 'Exchange server' = 'domain controller',
): Remedy | undefined {
  if (servers.length === 0 || targets.length === 0 || ports.length === 0) return undefined;
  return whenValid(() => {
    const script =
      `foreach ($t in @(${psHostList(targets)})) { foreach ($p in @(${checkedPorts(ports)})) { ` +
      `$r = Test-NetConnection -ComputerName $t -Port $p -WarningAction SilentlyContinue; ` +
      `[pscustomobject]@{ Target = $t; Port = $p; Open = $r.TcpTestSucceeded } } }`;
    return {
      ...summaryOf(what === 'domain controller' ? 'fp.4.remedy.sweep-dcs' : 'fp.4.remedy.sweep-servers', {
        servers: servers.join(', '),
        ports: ports.join(', '),
        targets: targets.join(', '),
      }),
      command: `Invoke-Command -ComputerName ${psHostList(servers)} -ScriptBlock { ${script} } | Sort-Object PSComputerName, Target, Port | Format-Table PSComputerName, Target, Port, Open`,
      ...RUN_ON.winrm,
      shell: 'powershell',
      changesState: false,
    };
  });
}

/** The Test-NetConnection lines for one target and its ports, from each server. */
export function portTestRemedies(servers: readonly string[], target: string, ports: readonly number[]): Remedy[] {
  return compact(servers.flatMap((s) => ports.map((p) => testNetConnection(s, target, p))));
}
