/**
 * What to run on a domain controller whose LDAP answers while its Kerberos ports are refused: the
 * Kerberos Key Distribution Center service (`Kdc`) is stopped or failed to start. The checks run
 * on the DC itself, so no name goes into the commands but the DC's, in `runOn`. Provider name as in
 * the System log (see also ../checks/kerberos-logging-commands.ts).
 */
import type { Remedy } from '../../../shared/findings';

export const KDC_EVENT_PROVIDER = 'Microsoft-Windows-Kerberos-Key-Distribution-Center';

export function kdcServiceRemedies(dc: string): Remedy[] {
  return [
    {
      summary: `See whether the Kerberos Key Distribution Center service runs on ${dc} (Status should be Running)`,
      command: 'Get-Service -Name Kdc',
      runOn: dc,
      shell: 'powershell',
      changesState: false,
    },
    {
      summary: `Read the last KDC events of ${dc}'s System log (why it stopped or did not start)`,
      command: `Get-WinEvent -FilterHashtable @{LogName='System'; ProviderName='${KDC_EVENT_PROVIDER}'} -MaxEvents 20`,
      runOn: dc,
      shell: 'powershell',
      changesState: false,
    },
    {
      summary: `Start the Kerberos Key Distribution Center service on ${dc} (after reading why it stopped)`,
      command: 'Start-Service -Name Kdc',
      runOn: dc,
      shell: 'powershell',
      changesState: true,
    },
  ];
}
