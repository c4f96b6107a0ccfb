/**
 * The Get-ReceiveConnector run of step 6. Pure.
 */
import type { ExchangeServer } from '../../directory/model';
import { quoteForPowerShell } from '../../safety/quote';
import { connectorFindings } from './receive-connector-findings';
import { type ToolPlan, planHost, serverAddress, diagnoseJson } from '../../tools/tool-plan';

const CONNECTOR_FIELDS = 'Identity,Name,Enabled,AuthMechanism,PermissionGroups,Bindings,RemoteIPRanges';

/**
 * Get-ReceiveConnector in the Exchange Management Shell when this is one, else through Exchange's
 * PowerShell remoting endpoint on the server (Kerberos), imported for this one cmdlet. A session
 * opened for it is removed afterwards whatever happens (try/finally), so repeated runs do not
 * pile up sessions against the server's remoting quota.
 */
export function receiveConnectorsPlan(server: ExchangeServer): ToolPlan {
  const name = quoteForPowerShell(planHost(server.name));
  const uri = quoteForPowerShell(`http://${serverAddress(server)}/PowerShell/`);
  const get = `Get-ReceiveConnector -Server ${name} | Format-List ${CONNECTOR_FIELDS}`;
  const script =
    `$eadSession = $null; try { ` +
    `if (-not (Get-Command Get-ReceiveConnector -ErrorAction SilentlyContinue)) { ` +
    `$eadSession = New-PSSession -ConfigurationName Microsoft.Exchange -ConnectionUri ${uri} -Authentication Kerberos -ErrorAction Stop; ` +
    `Import-PSSession $eadSession -CommandName Get-ReceiveConnector -AllowClobber | Out-Null }; ${get} ` +
    `} finally { if ($eadSession) { Remove-PSSession $eadSession } }`;
  return {
    tool: 'receive-connectors',
    target: server.name,
    title: `Get-ReceiveConnector -Server ${server.name}`,
    step: 6,
    changesState: false,
    server,
    windows: { kind: 'powershell', script },
    other: diagnoseJson(server, 6),
    interpret: connectorFindings,
  };
}
