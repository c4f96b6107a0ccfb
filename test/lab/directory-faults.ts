/**
 * Applying a scenario's directory faults to a stopped DC: ordinary changes go through Samba's
 * modules (so they carry fresh whenChanged/USN stamps, which the replication check relies on);
 * a duplicate SPN and a dNSHostName that leaves the SPNs behind are written into the backend
 * file, the only way past Samba's uniqueness check and its SPN rewriting.
 */
import { randomBytes } from 'node:crypto';
import type { DcSpec } from './layout';
import { changesLdif, unicodePwd, type LdifChange } from './ldif';
import { computerDn, connectorDn, connectorEntry, exchangeServerDn, userDn } from './directory-data';
import { ldbModify, ldbModifyBackend } from './ldb';
import type { DirectoryFault } from './scenarios';
import { CONFIG_DN, DOMAIN_DN, SERVICE_SAM, SITE_DN, paths } from './layout';
import { run } from './tools';

/** CN of the accounts a duplicate can be planted on. */
const USER_CN: Record<string, string> = { [SERVICE_SAM]: 'SMTP Relay Service' };

/** A DC's computer account (`DC1`) or an Exchange server's (`EX02`). */
function accountDn(name: string): string {
  return /^DC\d+$/i.test(name) ? `CN=${name.toUpperCase()},OU=Domain Controllers,${DOMAIN_DN}` : computerDn(name);
}

export function siteDn(site: string): string {
  return `CN=${site},CN=Sites,${CONFIG_DN}`;
}

/** A password nobody keeps: the fault is that the key changed, not what it is. Meets AD's complexity rule. */
function throwawayPassword(): string {
  return `Lab-${randomBytes(18).toString('base64url')}-9a`;
}

export function faultChanges(fault: DirectoryFault): { modules: LdifChange[]; backend: LdifChange[] } {
  switch (fault.kind) {
    case 'computer-password':
      return {
        modules: [
          {
            dn: computerDn(fault.server),
            op: 'replace',
            attribute: 'unicodePwd',
            values: [unicodePwd(throwawayPassword())],
          },
        ],
        backend: [],
      };
    case 'account-attribute':
      return {
        modules: [{ dn: accountDn(fault.account), op: 'replace', attribute: fault.attribute, values: fault.values }],
        backend: [],
      };
    case 'add-computer':
      return {
        modules: [
          {
            dn: computerDn(fault.name),
            op: 'add-entry',
            entry: {
              dn: computerDn(fault.name),
              attributes: [
                ['objectClass', 'computer'],
                ['sAMAccountName', `${fault.name}$`],
                ['userAccountControl', '4096'],
                ['dNSHostName', fault.dnsHostName],
                ['operatingSystem', 'Windows Server 2019 Datacenter'],
              ],
            },
          },
        ],
        backend: [],
      };
    case 'site': {
      const site = siteDn(fault.site);
      return {
        modules: [
          { dn: site, op: 'add-entry', entry: { dn: site, attributes: [['objectClass', 'site']] } },
          {
            dn: `CN=Servers,${site}`,
            op: 'add-entry',
            entry: { dn: `CN=Servers,${site}`, attributes: [['objectClass', 'serversContainer']] },
          },
          ...fault.servers.map((server): LdifChange => ({
            dn: exchangeServerDn(server),
            op: 'replace',
            attribute: 'msExchServerSite',
            values: [site],
          })),
        ],
        backend: [],
      };
    }
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
    case 'add-connector':
      return {
        modules: [
          {
            dn: connectorDn(fault.server, fault.connector.name),
            op: 'add-entry',
            entry: connectorEntry(fault.server, { ...fault.connector, enabled: true }),
          },
        ],
        backend: [],
      };
    case 'connector-ranges':
      return {
        modules: [
          {
            dn: connectorDn(fault.server, fault.connector),
            op: 'replace',
            attribute: 'msExchSmtpReceiveRemoteIPRanges',
            values: fault.ranges,
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

/** DCs' server objects moved under a site's CN=Servers (their NTDS Settings go with them). */
async function moveDcsToSites(dc: DcSpec, faults: readonly DirectoryFault[]): Promise<void> {
  for (const f of faults) {
    if (f.kind !== 'site') continue;
    for (const name of f.dcs) {
      const from = `CN=${name},CN=Servers,${SITE_DN}`;
      const to = `CN=${name},CN=Servers,${siteDn(f.site)}`;
      await run('ldbrename', ['-H', paths.samLdb(dc), `--configfile=${paths.smbConf(dc)}`, from, to]);
    }
  }
}

export async function applyDirectoryFaults(dc: DcSpec, faults: readonly DirectoryFault[]): Promise<void> {
  const all = faults.map(faultChanges);
  const modules = all.flatMap((c) => c.modules);
  const backend = all.flatMap((c) => c.backend);
  if (modules.length) await ldbModify(dc, changesLdif(modules));
  if (backend.length) await ldbModifyBackend(dc, changesLdif(backend));
  await moveDcsToSites(dc, faults);
}
