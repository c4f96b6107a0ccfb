/**
 * What to run on a domain controller whose LDAP answers while its Kerberos ports are refused: the
 * Kerberos Key Distribution Center service (`Kdc`) is stopped or failed to start. The checks run
 * on the DC itself, so no name goes into the commands but the DC's, in `runOn`. Provider name as in
 * the System log (see also ../checks/kerberos-logging-commands.ts).
 */
import type { Remedy } from '../../../shared/findings';
import { summaryOf } from '../../l10n/worded-parts';

export const KDC_EVENT_PROVIDER = 'Microsoft-Windows-Kerberos-Key-Distribution-Center';

export function kdcServiceRemedies(dc: string): Remedy[] {
  return [
    {
      ...summaryOf('fp.4.remedy.kdc-status', { dc }),
      command: 'Get-Service -Name Kdc',
      runOn: dc,
      shell: 'powershell',
      changesState: false,
    },
    {
      ...summaryOf('fp.4.remedy.kdc-events', { dc }),
      command: `Get-WinEvent -FilterHashtable @{LogName='System'; ProviderName='${KDC_EVENT_PROVIDER}'} -MaxEvents 20`,
      runOn: dc,
      shell: 'powershell',
      changesState: false,
    },
    {
      ...summaryOf('fp.4.remedy.kdc-start', { dc }),
      command: 'Start-Service -Name Kdc',
      runOn: dc,
      shell: 'powershell',
      changesState: true,
    },
  ];
}
