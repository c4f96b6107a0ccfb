/**
 * Giving a receive connector the ExchangeServers permission group without taking away the groups it
 * has. `Set-ReceiveConnector -PermissionGroups` replaces the whole list (OfficeDocs-Exchange issue
 * #1566), and the list is not an attribute the directory returns (Exchange derives it from the
 * connector's security descriptor), so the command reads the connector's current groups in the
 * same shell and sets them with ExchangeServers added. Remote IP ranges are multi-valued, so
 * `@{Add=...}` adds one without restating the others. Names from the directory are single-quoted
 * by the safety layer; the rest of the line is constant text.
 */
import type { Remedy } from '../../../shared/findings';
import { RUN_ON } from '../../remedies/run-on';
import type { ReceiveConnector } from '../../directory/model';
import { arg, buildCommandLine } from '../../safety/command-line';
import { connectorIdentity } from './connectors-remedies';
import { whenValid } from '../../remedies/build';
import { summaryOf } from '../../l10n/worded-parts';

export function addExchangeServersGroup(connector: ReceiveConnector): Remedy | undefined {
  return whenValid(() => {
    const identity = [arg.switch('-Identity'), arg.text(connectorIdentity(connector))];
    const read = buildCommandLine('powershell', 'Get-ReceiveConnector', identity);
    const set = buildCommandLine('powershell', 'Set-ReceiveConnector', identity);
    return {
      ...summaryOf('fp.6.remedy.add-group', { connector: connectorIdentity(connector) }),
      command: `$groups = (${read}).PermissionGroups; ${set} -PermissionGroups "$groups, ExchangeServers"`,
      ...RUN_ON.managementShell,
      shell: 'powershell',
      changesState: true,
    };
  });
}

/** Adds fe80::/10 to a connector's remote IP ranges (a multi-valued property: `@{Add=...}` keeps the rest). */
export function addLinkLocalRange(connector: ReceiveConnector): Remedy | undefined {
  return whenValid(() => {
    const set = buildCommandLine('powershell', 'Set-ReceiveConnector', [
      arg.switch('-Identity'),
      arg.text(connectorIdentity(connector)),
    ]);
    return {
      ...summaryOf('fp.6.remedy.link-local', { connector: connectorIdentity(connector) }),
      command: `${set} -RemoteIPRanges @{Add='fe80::/10'}`,
      ...RUN_ON.managementShell,
      shell: 'powershell',
      changesState: true,
    };
  });
}
