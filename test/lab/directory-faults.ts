/**
 * Applying a scenario's directory faults to a stopped DC: ordinary changes go through Samba's
 * modules (so they carry fresh whenChanged/USN stamps, which the replication check relies on);
 * a duplicate SPN and a dNSHostName that leaves the SPNs behind are written into the backend
 * file, the only way past Samba's uniqueness check and its SPN rewriting.
 */
import type { DcSpec } from './layout';
import { changesLdif, type LdifChange } from './ldif';
import { computerDn, connectorDn, userDn } from './directory-data';
import { ldbModify, ldbModifyBackend } from './ldb';
import type { DirectoryFault } from './scenarios';
import { SERVICE_SAM } from './layout';

/** CN of the accounts a duplicate can be planted on. */
const USER_CN: Record<string, string> = { [SERVICE_SAM]: 'SMTP Relay Service' };

export function faultChanges(fault: DirectoryFault): { modules: LdifChange[]; backend: LdifChange[] } {
  switch (fault.kind) {
    case 'remove-spns':
      return {
        modules: [
          { dn: computerDn(fault.server), op: 'delete', attribute: 'servicePrincipalName', values: fault.spns },
        ],
        backend: [],
      };
    case 'add-spns':
      return {
        modules: [{ dn: computerDn(fault.server), op: 'add', attribute: 'servicePrincipalName', values: fault.spns }],
        backend: [],
      };
    case 'connector-flags':
      return {
        modules: [
          {
            dn: connectorDn(fault.server, fault.connector),
            op: 'replace',
            attribute: 'msExchSMTPReceiveInboundSecurityFlag',
            values: [String(fault.flags)],
          },
        ],
        backend: [],
      };
    case 'dns-host-name':
      // Into the backend file: through the modules, Samba rewrites the SPNs of the old name to the new
      // one (as Windows does), and the fault is a dNSHostName changed with the SPNs left behind.
      return {
        modules: [],
        backend: [
          { dn: computerDn(fault.server), op: 'replace', attribute: 'dNSHostName', values: [fault.dnsHostName] },
        ],
      };
    case 'plant-duplicate-spn': {
      const cn = USER_CN[fault.userSam];
      if (!cn) throw new Error(`no lab account ${fault.userSam} to plant a duplicate on`);
      return {
        modules: [],
        backend: [{ dn: userDn(cn), op: 'add', attribute: 'servicePrincipalName', values: [fault.spn] }],
      };
    }
  }
}

export async function applyDirectoryFaults(dc: DcSpec, faults: readonly DirectoryFault[]): Promise<void> {
  const all = faults.map(faultChanges);
  const modules = all.flatMap((c) => c.modules);
  const backend = all.flatMap((c) => c.backend);
  if (modules.length) await ldbModify(dc, changesLdif(modules));
  if (backend.length) await ldbModifyBackend(dc, changesLdif(backend));
}
