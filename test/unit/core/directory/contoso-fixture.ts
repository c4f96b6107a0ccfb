/** Directory entries shaped like a small contoso.test forest with two Exchange servers, as AD returns them. */
import type { DirectoryEntry } from '../../../../src/core/io';

export const DOMAIN = 'DC=contoso,DC=test';
export const CONFIG = `CN=Configuration,${DOMAIN}`;
export const ORG = `CN=Contoso,CN=Microsoft Exchange,CN=Services,${CONFIG}`;
const AG = `CN=Exchange Administrative Group (FYDIBOHF23SPDLT),CN=Administrative Groups,${ORG}`;
export const SITE = `CN=Default-First-Site-Name,CN=Sites,${CONFIG}`;
export const EX01_DN = `CN=EX01,CN=Servers,${AG}`;
export const EX02_DN = `CN=EX02,CN=Servers,${AG}`;

const e = (dn: string, attributes: Record<string, string[]>): DirectoryEntry => ({ dn, attributes });

function connector(server: string, serverDn: string, name: string, attrs: Record<string, string[]>): DirectoryEntry {
  return e(`CN=${name},CN=SMTP Receive Connectors,CN=Protocols,${serverDn}`, {
    objectClass: ['top', 'msExchSmtpReceiveConnector'],
    cn: [name],
    ...attrs,
  });
}

export function contosoEntries(): DirectoryEntry[] {
  return [
    e('', {
      defaultNamingContext: [DOMAIN],
      configurationNamingContext: [CONFIG],
      schemaNamingContext: [`CN=Schema,${CONFIG}`],
      rootDomainNamingContext: [DOMAIN],
      dnsHostName: ['dc1.contoso.test'],
      currentTime: ['20261122134747.0Z'],
    }),
    e(DOMAIN, { objectClass: ['domain'] }),
    e(CONFIG, { objectClass: ['configuration'] }),
    e(`CN=Sites,${CONFIG}`, { objectClass: ['sitesContainer'] }),
    e(SITE, { objectClass: ['site'], cn: ['Default-First-Site-Name'] }),
    e(`CN=Servers,${SITE}`, { objectClass: ['serversContainer'] }),
    e(`CN=DC1,CN=Servers,${SITE}`, { objectClass: ['server'], cn: ['DC1'], dNSHostName: ['dc1.contoso.test'] }),
    // Samba returns hasMasterNCs (not msDS-hasMasterNCs) on NTDS Settings.
    e(`CN=NTDS Settings,CN=DC1,CN=Servers,${SITE}`, {
      objectClass: ['applicationSettings', 'nTDSDSA'],
      hasMasterNCs: [`CN=Schema,${CONFIG}`, CONFIG, DOMAIN],
    }),
    // A server object without NTDS Settings (a demoted DC) is not a DC.
    e(`CN=OLDDC,CN=Servers,${SITE}`, { objectClass: ['server'], cn: ['OLDDC'], dNSHostName: ['olddc.contoso.test'] }),
    e(`CN=Services,${CONFIG}`, { objectClass: ['container'] }),
    e(`CN=Microsoft Exchange,CN=Services,${CONFIG}`, { objectClass: ['msExchConfigurationContainer'] }),
    e(ORG, { objectClass: ['msExchOrganizationContainer'], cn: ['Contoso'], name: ['Contoso'] }),
    e(AG, { objectClass: ['msExchAdminGroup'] }),
    e(`CN=Servers,${AG}`, { objectClass: ['msExchServersContainer'] }),
    e(EX01_DN, {
      objectClass: ['top', 'server', 'msExchExchangeServer'],
      cn: ['EX01'],
      networkAddress: [
        'ncacn_vns_spp:EX01',
        'netbios:EX01',
        'ncacn_np:EX01',
        'ncacn_spx:EX01',
        'ncacn_ip_tcp:ex01.contoso.test',
        'ncalrpc:EX01',
      ],
      serialNumber: ['Version 15.2 (Build 1118.7)'],
      msExchCurrentServerRoles: ['16439'],
      msExchServerSite: [SITE],
    }),
    e(`CN=Protocols,${EX01_DN}`, { objectClass: ['container'] }),
    e(`CN=SMTP Receive Connectors,CN=Protocols,${EX01_DN}`, { objectClass: ['container'] }),
    connector('EX01', EX01_DN, 'Default EX01', {
      msExchSMTPReceiveInboundSecurityFlag: ['31'],
      msExchSmtpReceiveBindings: ['0.0.0.0:2525', '[::]:2525'],
      msExchSmtpReceiveRemoteIPRanges: ['0.0.0.0-255.255.255.255'],
      msExchSmtpReceiveEnabled: ['TRUE'],
      msExchSmtpReceiveRole: ['32'],
    }),
    connector('EX01', EX01_DN, 'Client Frontend EX01', {
      msExchSMTPReceiveInboundSecurityFlag: ['13'],
      msExchSmtpReceiveBindings: ['0.0.0.0:587'],
      msExchSmtpReceiveEnabled: ['TRUE'],
      msExchSmtpReceiveRole: ['16384'],
    }),
    // No security flag: Exchange treats that as 29.
    connector('EX01', EX01_DN, 'Default Frontend EX01', {
      msExchSmtpReceiveBindings: ['0.0.0.0:25'],
      msExchSmtpReceiveRole: ['16384'],
    }),
    e(EX02_DN, {
      objectClass: ['top', 'server', 'msExchExchangeServer'],
      cn: ['EX02'],
      // No ncacn_ip_tcp: the FQDN must come from the computer account.
      networkAddress: ['netbios:EX02'],
      serialNumber: ['Version 15.1 (Build 2507.6)'],
      msExchCurrentServerRoles: ['38'],
      msExchServerSite: [SITE],
    }),
    e(`CN=Protocols,${EX02_DN}`, { objectClass: ['container'] }),
    e(`CN=SMTP Receive Connectors,CN=Protocols,${EX02_DN}`, { objectClass: ['container'] }),
    connector('EX02', EX02_DN, 'Default EX02', {
      msExchSMTPReceiveInboundSecurityFlag: ['15'],
      msExchSmtpReceiveBindings: ['0.0.0.0:2525'],
      msExchSmtpReceiveEnabled: ['FALSE'],
      msExchSmtpReceiveRole: ['32'],
    }),
    e(`CN=Computers,${DOMAIN}`, { objectClass: ['container'] }),
    e(`CN=EX01,CN=Computers,${DOMAIN}`, {
      objectClass: ['computer'],
      objectCategory: ['computer'],
      cn: ['EX01'],
      sAMAccountName: ['EX01$'],
      dNSHostName: ['EX01.contoso.test'],
      servicePrincipalName: [
        'SMTP/ex01.contoso.test',
        'SMTP/EX01',
        'SMTPSVC/ex01.contoso.test',
        'SMTPSVC/EX01',
        'HOST/ex01.contoso.test',
      ],
      uSNChanged: ['4123'],
      whenChanged: ['20261122120000.0Z'],
      userAccountControl: ['4096'],
    }),
    e(`CN=EX02,CN=Computers,${DOMAIN}`, {
      objectClass: ['computer'],
      objectCategory: ['computer'],
      cn: ['EX02'],
      sAMAccountName: ['EX02$'],
      dNSHostName: ['ex02.contoso.test'],
      servicePrincipalName: ['SMTP/ex02.contoso.test', 'SMTPSVC/ex02.contoso.test'],
      uSNChanged: ['4200'],
      whenChanged: ['20261122120500.0Z'],
      userAccountControl: ['4096'],
    }),
    e(`CN=WS01,CN=Computers,${DOMAIN}`, {
      objectClass: ['computer'],
      objectCategory: ['computer'],
      cn: ['WS01'],
      sAMAccountName: ['WS01$'],
      userAccountControl: ['4096'],
    }),
    e(`OU=Domain Controllers,${DOMAIN}`, { objectClass: ['organizationalUnit'] }),
    e(`CN=DC1,OU=Domain Controllers,${DOMAIN}`, {
      objectClass: ['computer'],
      objectCategory: ['computer'],
      cn: ['DC1'],
      sAMAccountName: ['DC1$'],
      dNSHostName: ['dc1.contoso.test'],
      userAccountControl: ['532480'],
    }),
    // A DC the Sites configuration does not list (e.g. not readable there): found through the OU.
    e(`CN=DC2,OU=Domain Controllers,${DOMAIN}`, {
      objectClass: ['computer'],
      objectCategory: ['computer'],
      cn: ['DC2'],
      sAMAccountName: ['DC2$'],
      dNSHostName: ['dc2.contoso.test'],
      userAccountControl: ['532480'],
    }),
  ];
}
