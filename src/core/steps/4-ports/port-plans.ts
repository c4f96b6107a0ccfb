/**
 * The Test-NetConnection run of step 4. Pure.
 */
import type { ExchangeServer } from '../../directory/model';
import { quoteForPowerShell } from '../../safety/quote';
import { portFindings } from './test-netconnection-findings';
import { type ToolPlan, planHost, serverAddress, diagnoseJson } from '../../tools/tool-plan';

/** Test-NetConnection from this machine to each DC on Kerberos (88) and to the server's SMTP ports. */
export function kerberosPortsPlan(server: ExchangeServer, domainControllers: readonly string[]): ToolPlan {
  const targets: [string, number][] = [
    ...domainControllers.map((d): [string, number] => [planHost(d), 88]),
    [serverAddress(server), 25],
  ];
  const script = targets
    .map(([t, p]) => `Test-NetConnection -ComputerName ${quoteForPowerShell(t)} -Port ${p}`)
    .join('; ');
  return {
    tool: 'ports',
    target: server.name,
    title: `Test-NetConnection (Kerberos and SMTP ports for ${server.name})`,
    step: 4,
    changesState: false,
    server,
    windows: { kind: 'powershell', script },
    other: diagnoseJson(server, 4),
    interpret: portFindings,
  };
}
