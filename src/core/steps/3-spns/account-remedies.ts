/**
 * Step 3 remedies for the Kerberos state of an Exchange computer account: replicate the DC that
 * holds an old key, repair the server's secure channel (which sets a new machine password: it
 * changes state), drop the tickets a sending server cached under an old key or type, enable the
 * account, allow AES on it, and find or remove a second account claiming the same dNSHostName.
 * Every name goes through the validating command builder (../../safety/command-line.ts).
 */
import type { Remedy } from '../../../shared/findings';
import { arg } from '../../safety/command-line';
import { RUN_ON } from '../../remedies/run-on';
import { tryPhraseRemedy as tryRemedy } from '../../remedies/phrase-remedy';
import { summaryOf } from '../../l10n/worded-parts';

/** The logon session of the machine itself (SYSTEM), whose tickets Exchange Transport uses. */
const SYSTEM_LOGON_ID = '0x3e7';

/** `repadmin /replicate <behind> <ahead> <domain>`: pull the domain partition to the DC that is behind. */
export function repadminReplicate(behind: string, ahead: string, domainDn: string): Remedy | undefined {
  return tryRemedy({
    phrase: 'fp.3.fix.replicate',
    params: { ahead, behind },
    ...RUN_ON.adTools,
    shell: 'powershell',
    changesState: true,
    executable: 'repadmin',
    args: [arg.switch('/replicate'), arg.host(behind), arg.host(ahead), arg.dn(domainDn)],
  });
}

export function secureChannelTest(server: string): Remedy | undefined {
  return tryRemedy({
    phrase: 'fp.3.fix.secure-channel-test',
    params: { server },
    runOn: server,
    shell: 'powershell',
    changesState: false,
    executable: 'Test-ComputerSecureChannel',
    args: [arg.switch('-Verbose')],
  });
}

export function secureChannelRepair(server: string): Remedy | undefined {
  return tryRemedy({
    phrase: 'fp.3.fix.secure-channel-repair',
    params: { server },
    runOn: server,
    shell: 'powershell',
    changesState: true,
    executable: 'Test-ComputerSecureChannel',
    args: [arg.switch('-Repair')],
  });
}

/** On each sending server: its cached tickets (taken under the old key or type) are dropped. */
export function purgeSystemTickets(sender: string): Remedy | undefined {
  return tryRemedy({
    phrase: 'fp.3.fix.purge',
    params: { sender },
    runOn: sender,
    shell: 'powershell',
    changesState: true,
    executable: 'klist',
    args: [arg.text('purge'), arg.switch('-li'), arg.text(SYSTEM_LOGON_ID)],
  });
}

export function showSystemTickets(sender: string, spn: string): Remedy | undefined {
  return tryRemedy({
    phrase: 'fp.3.fix.ticket-as',
    params: { spn, sender },
    runOn: sender,
    shell: 'powershell',
    changesState: false,
    executable: 'klist',
    args: [arg.text('get'), arg.spn(spn), arg.switch('-li'), arg.text(SYSTEM_LOGON_ID)],
  });
}

export function enableComputer(name: string): Remedy | undefined {
  return tryRemedy({
    phrase: 'fp.3.fix.enable',
    params: { name },
    ...RUN_ON.adTools,
    shell: 'powershell',
    changesState: true,
    executable: 'Enable-ADAccount',
    args: [arg.switch('-Identity'), arg.text(`${name}$`)],
  });
}

/** Writes msDS-SupportedEncryptionTypes = AES128 + AES256 (0x18) on the account. */
export function allowAes(name: string): Remedy | undefined {
  return tryRemedy({
    phrase: 'fp.3.fix.allow-aes',
    params: { name },
    ...RUN_ON.adTools,
    shell: 'powershell',
    changesState: true,
    executable: 'Set-ADComputer',
    args: [arg.switch('-Identity'), arg.text(name), arg.switch('-KerberosEncryptionType'), arg.text('AES128,AES256')],
  });
}

export function findByDnsHostName(fqdn: string): Remedy | undefined {
  return tryRemedy({
    phrase: 'fp.3.fix.find-dnshostname',
    params: { fqdn },
    ...RUN_ON.anyWindows,
    shell: 'powershell',
    changesState: false,
    executable: 'Get-ADComputer',
    args: [
      arg.switch('-LDAPFilter'),
      arg.text(`(dNSHostName=${fqdn})`),
      arg.switch('-Properties'),
      arg.text('dNSHostName,whenCreated,pwdLastSet'),
    ],
  });
}

export function removeComputer(samAccountName: string): Remedy | undefined {
  return tryRemedy({
    phrase: 'fp.3.fix.remove-computer',
    params: { samAccountName },
    ...RUN_ON.adTools,
    shell: 'powershell',
    changesState: true,
    executable: 'Remove-ADComputer',
    args: [arg.switch('-Identity'), arg.text(samAccountName)],
  });
}

/** The KDC's System-log events about missing keys (14, 16, 26, 27, 42) and RC4 use (201-209, KB5073381). */
const KDC_PROVIDER = 'Microsoft-Windows-Kerberos-Key-Distribution-Center';
const KEY_EVENT_IDS = '14,16,26,27,42,201,202,203,204,205,206,207,208,209';

export function kdcKeyEvents(dc: string): Remedy {
  return {
    ...summaryOf('fp.3.fix.kdc-events', { dc }),
    command: `Get-WinEvent -FilterHashtable @{LogName='System'; ProviderName='${KDC_PROVIDER}'; Id=${KEY_EVENT_IDS}} -MaxEvents 50`,
    runOn: dc,
    shell: 'powershell',
    changesState: false,
  };
}
