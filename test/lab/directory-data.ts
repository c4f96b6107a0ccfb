/**
 * The lab's directory content as LDIF entries (pure): the Exchange organisation tree in the
 * configuration partition, each server's computer account, msExchExchangeServer object and
 * receive connectors, the non-admin bind user and a service account.
 */
import {
  ADMIN_GROUP_DN,
  BIND_SAM,
  BIND_UPN,
  DNS_DOMAIN,
  DOMAIN_DN,
  EXCHANGE_DN,
  ORG_DN,
  ORGANISATION,
  SERVERS_DN,
  SERVICE_SAM,
  SITE_DN,
} from './layout';
import { unicodePwd, type LdifEntry } from './ldif';
import { ALL_ROLES, SERIAL_NUMBER, exchangeSpns, hostSpns, type LabConnector, type LabServer } from './model';

/** userAccountControl: NORMAL_ACCOUNT 512 + DONT_EXPIRE_PASSWORD 65536; WORKSTATION_TRUST_ACCOUNT 4096. */
const UAC_USER = String(512 + 65536);
const UAC_COMPUTER = '4096';
/**
 * msDS-SupportedEncryptionTypes a Windows computer writes for itself when it joins (0x1C: RC4,
 * AES128, AES256). Without it Samba's KDC falls back to `kdc default domain supported enctypes`
 * (RC4 + AES256-SK) and encrypts the service ticket with RC4. Verified on the lab's KDC (Samba
 * 4.17): `kvno SMTPSVC/ex02.contoso.test` then `klist -e` gave `Etype (skey, tkt):
 * aes256-cts-hmac-sha1-96, DEPRECATED:arcfour-hmac` without it, see the report of issue 12 for after.
 */
export const COMPUTER_ENCTYPES = '28';

export function computerDn(name: string): string {
  return `CN=${name},CN=Computers,${DOMAIN_DN}`;
}

export function exchangeServerDn(name: string): string {
  return `CN=${name},${SERVERS_DN}`;
}

export function connectorDn(server: string, connector: string): string {
  return `CN=${connector},CN=SMTP Receive Connectors,CN=Protocols,${exchangeServerDn(server)}`;
}

export function userDn(cn: string): string {
  return `CN=${cn},CN=Users,${DOMAIN_DN}`;
}

function container(dn: string, objectClass: string): LdifEntry {
  return { dn, attributes: [['objectClass', objectClass]] };
}

/** The organisation down to CN=Servers, plus the bind user and the service account. */
export function baseEntries(passwords: { bind: string; service: string }): LdifEntry[] {
  return [
    container(EXCHANGE_DN, 'msExchConfigurationContainer'),
    {
      dn: ORG_DN,
      attributes: [
        ['objectClass', 'msExchOrganizationContainer'],
        ['name', ORGANISATION],
      ],
    },
    container(`CN=Administrative Groups,${ORG_DN}`, 'msExchContainer'),
    container(ADMIN_GROUP_DN, 'msExchAdminGroup'),
    container(SERVERS_DN, 'msExchContainer'),
    {
      dn: userDn('EAD Reader'),
      attributes: [
        ['objectClass', 'user'],
        ['sAMAccountName', BIND_SAM],
        ['userPrincipalName', BIND_UPN],
        ['displayName', 'Exchange Auth Doctor reader (not an admin)'],
        ['userAccountControl', UAC_USER],
        ['unicodePwd', unicodePwd(passwords.bind)],
      ],
    },
    {
      dn: userDn('SMTP Relay Service'),
      attributes: [
        ['objectClass', 'user'],
        ['sAMAccountName', SERVICE_SAM],
        ['userPrincipalName', `${SERVICE_SAM}@${DNS_DOMAIN}`],
        ['userAccountControl', UAC_USER],
        ['unicodePwd', unicodePwd(passwords.service)],
      ],
    },
  ];
}

/** One Exchange server: computer account (with its SPNs), server object, protocol containers, connectors. */
export function serverEntries(server: LabServer, computerPassword: string): LdifEntry[] {
  const serverDn = exchangeServerDn(server.name);
  return [
    {
      dn: computerDn(server.name),
      attributes: [
        ['objectClass', 'computer'],
        ['sAMAccountName', `${server.name}$`],
        ['userAccountControl', UAC_COMPUTER],
        ['dNSHostName', server.fqdn],
        ['servicePrincipalName', [...hostSpns(server), ...exchangeSpns(server)]],
        ['operatingSystem', 'Windows Server 2019 Datacenter'],
        ['msDS-SupportedEncryptionTypes', COMPUTER_ENCTYPES],
        ['unicodePwd', unicodePwd(computerPassword)],
      ],
    },
    {
      dn: serverDn,
      attributes: [
        ['objectClass', 'msExchExchangeServer'],
        ['networkAddress', [`ncacn_ip_tcp:${server.fqdn}`, `netbios:${server.name}`, `ncacn_np:${server.name}`]],
        ['serialNumber', SERIAL_NUMBER],
        ['msExchCurrentServerRoles', String(ALL_ROLES)],
        ['msExchServerSite', SITE_DN],
      ],
    },
    container(`CN=Protocols,${serverDn}`, 'msExchContainer'),
    container(`CN=SMTP Receive Connectors,CN=Protocols,${serverDn}`, 'msExchContainer'),
    ...server.connectors.map((c) => connectorEntry(server.name, c)),
  ];
}

/** A receive connector's entry, bound to every address on its port (as setup binds them). */
export function connectorEntry(server: string, c: LabConnector): LdifEntry {
  return {
    dn: connectorDn(server, c.name),
    attributes: [
      ['objectClass', 'msExchSmtpReceiveConnector'],
      ['msExchSMTPReceiveInboundSecurityFlag', String(c.flags)],
      ['msExchSmtpReceiveBindings', [`0.0.0.0:${c.port}`, `[::]:${c.port}`]],
      ['msExchSmtpReceiveRemoteIPRanges', c.remoteIpRanges],
      ['msExchSmtpReceiveEnabled', c.enabled ? 'TRUE' : 'FALSE'],
      ['msExchSmtpReceiveRole', String(c.role)],
    ],
  };
}
