/**
 * A minimal Exchange schema subset for Samba (pure): the attributes and classes discovery reads,
 * under their real lDAPDisplayNames and a private OID arc (1.3.6.1.4.1.32473 is the PEN IANA
 * reserves for documentation, RFC 5612; Exchange's own OIDs are not needed because the extension
 * queries by name). networkAddress and serialNumber are in the base AD schema already.
 *
 * Samba takes schema changes with `dsdb:schema update allowed = yes` and only sees a new class
 * in a later transaction, so the LDIF comes in stages, each applied by its own ldbmodify run.
 */
import { SCHEMA_DN } from './layout';
import { changesLdif, entriesLdif, type LdifEntry } from './ldif';

const ARC = '1.3.6.1.4.1.32473.1';
/** OM object class of DN-syntax attributes (1.3.12.2.1011.28.0.714), BER-encoded. */
const DN_OM_OBJECT_CLASS = Buffer.from('2b0c0287731c00854a', 'hex');
/** Domain Admins and SYSTEM full control, Authenticated Users read (as `container`). */
const DEFAULT_SD = 'D:(A;;RPWPCRCCDCLCLORCWOWDSDDTSW;;;DA)(A;;RPWPCRCCDCLCLORCWOWDSDDTSW;;;SY)(A;;RPLCLORC;;;AU)';

type Syntax = 'integer' | 'dn' | 'unicode' | 'boolean';
const SYNTAX: Record<Syntax, { attributeSyntax: string; oMSyntax: string }> = {
  integer: { attributeSyntax: '2.5.5.9', oMSyntax: '2' },
  dn: { attributeSyntax: '2.5.5.1', oMSyntax: '127' },
  unicode: { attributeSyntax: '2.5.5.12', oMSyntax: '64' },
  boolean: { attributeSyntax: '2.5.5.8', oMSyntax: '1' },
};

function attribute(cn: string, name: string, n: number, syntax: Syntax, single: boolean): LdifEntry {
  const s = SYNTAX[syntax];
  const attributes: LdifEntry['attributes'] = [
    ['objectClass', ['top', 'attributeSchema']],
    ['cn', cn],
    ['lDAPDisplayName', name],
    ['attributeID', `${ARC}.1.${n}`],
    ['attributeSyntax', s.attributeSyntax],
    ['oMSyntax', s.oMSyntax],
    ['isSingleValued', single ? 'TRUE' : 'FALSE'],
    ['adminDisplayName', cn],
    ['systemOnly', 'FALSE'],
    ['searchFlags', '0'],
  ];
  if (syntax === 'dn') attributes.push(['oMObjectClass', DN_OM_OBJECT_CLASS]);
  return { dn: `CN=${cn},${SCHEMA_DN}`, attributes };
}

function objectClass(
  cn: string,
  name: string,
  n: number,
  o: { subClassOf?: string; possSuperiors: string[]; mayContain?: string[] },
): LdifEntry {
  const attributes: LdifEntry['attributes'] = [
    ['objectClass', ['top', 'classSchema']],
    ['cn', cn],
    ['lDAPDisplayName', name],
    ['governsID', `${ARC}.2.${n}`],
    ['subClassOf', o.subClassOf ?? 'top'],
    ['objectClassCategory', '1'],
    ['rDNAttID', 'cn'],
    ['systemOnly', 'FALSE'],
    ['defaultHidingValue', 'FALSE'],
    ['defaultSecurityDescriptor', DEFAULT_SD],
    ['possSuperiors', o.possSuperiors],
  ];
  if (o.mayContain?.length) attributes.push(['mayContain', o.mayContain]);
  return { dn: `CN=${cn},${SCHEMA_DN}`, attributes };
}

const ATTRIBUTES: LdifEntry[] = [
  attribute('ms-Exch-Current-Server-Roles', 'msExchCurrentServerRoles', 1, 'integer', true),
  attribute('ms-Exch-Server-Site', 'msExchServerSite', 2, 'dn', true),
  attribute('ms-Exch-SMTP-Receive-Inbound-Security-Flag', 'msExchSMTPReceiveInboundSecurityFlag', 3, 'integer', true),
  attribute('ms-Exch-Smtp-Receive-Bindings', 'msExchSmtpReceiveBindings', 4, 'unicode', false),
  attribute('ms-Exch-Smtp-Receive-Remote-IP-Ranges', 'msExchSmtpReceiveRemoteIPRanges', 5, 'unicode', false),
  attribute('ms-Exch-Smtp-Receive-Enabled', 'msExchSmtpReceiveEnabled', 6, 'boolean', true),
  attribute('ms-Exch-Smtp-Receive-Role', 'msExchSmtpReceiveRole', 7, 'integer', true),
];

/** The LDIF stages, in order; each must be applied in its own transaction. */
export function schemaStages(): string[] {
  const container = `CN=ms-Exch-Container,${SCHEMA_DN}`;
  return [
    entriesLdif(ATTRIBUTES),
    entriesLdif([
      objectClass('ms-Exch-Organization-Container', 'msExchOrganizationContainer', 1, {
        subClassOf: 'container',
        possSuperiors: ['msExchConfigurationContainer'],
      }),
    ]),
    entriesLdif([
      objectClass('ms-Exch-Container', 'msExchContainer', 2, {
        possSuperiors: ['msExchOrganizationContainer', 'container'],
      }),
    ]),
    entriesLdif([objectClass('ms-Exch-Admin-Group', 'msExchAdminGroup', 3, { possSuperiors: ['msExchContainer'] })]),
    entriesLdif([
      objectClass('ms-Exch-Exchange-Server', 'msExchExchangeServer', 4, {
        possSuperiors: ['msExchContainer'],
        mayContain: ['networkAddress', 'serialNumber', 'msExchCurrentServerRoles', 'msExchServerSite'],
      }),
      objectClass('ms-Exch-Smtp-Receive-Connector', 'msExchSmtpReceiveConnector', 5, {
        possSuperiors: ['msExchContainer'],
        mayContain: [
          'msExchSMTPReceiveInboundSecurityFlag',
          'msExchSmtpReceiveBindings',
          'msExchSmtpReceiveRemoteIPRanges',
          'msExchSmtpReceiveEnabled',
          'msExchSmtpReceiveRole',
        ],
      }),
    ]),
    // Containers under an admin group (Servers) and under a server (Protocols, SMTP Receive Connectors).
    changesLdif([
      {
        dn: container,
        op: 'add',
        attribute: 'possSuperiors',
        values: ['msExchContainer', 'msExchAdminGroup', 'msExchExchangeServer'],
      },
    ]),
  ];
}
