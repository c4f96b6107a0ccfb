/**
 * The lab's scenarios: what each one breaks, and the error findings the diagnosis engine must
 * report for it (`expected`, read by the integration tests). A scenario is a pristine directory
 * ('solo': DC1 alone; 'pair': DC1 and DC2, where DC2 no longer takes inbound replication), the
 * changes made to DC1's database before it starts, and the behaviour of the fake Exchange servers.
 */
// No run-time imports: tests load this file by path with import(), possibly without tsx (see ./api.ts).
// The constants below repeat ./layout.ts and ./model.ts; test/unit/lab checks that they agree.
export const DNS_DOMAIN = 'contoso.test';
export const SERVICE_SAM = 'svc-relay';
/** Tls, Integrated, BasicAuth, BasicAuthRequireTLS: a connector without ExchangeServer (16). */
export const CLIENT_CONNECTOR_FLAGS = 15;

export type Severity = 'error' | 'warning' | 'ok' | 'unknown';

export interface Expectation {
  step: 1 | 2 | 3 | 4 | 5 | 6;
  /** Finding subject name: `EX02`, `DC2`, `EX02\Default EX02`. */
  subject: string;
  severity: Severity;
  /** The finding's code, when the scenario is about one particular reading (`port.kdc-stopped`). */
  code?: string;
}

/** Changes to DC1's database, applied while it is stopped. */
export type DirectoryFault =
  | { kind: 'remove-spns'; server: string; spns: string[] }
  | { kind: 'add-spns'; server: string; spns: string[] }
  /** Written into the backend file directly: Samba refuses a duplicate SPN through every interface. */
  | { kind: 'plant-duplicate-spn'; spn: string; userSam: string }
  | { kind: 'connector-flags'; server: string; connector: string; flags: number }
  /** The computer account's dNSHostName, changed; networkAddress (the FQDN Exchange registered) stays. */
  | { kind: 'dns-host-name'; server: string; dnsHostName: string }
  /** A new random password for a computer account (Samba makes new keys and raises msDS-KeyVersionNumber). */
  | { kind: 'computer-password'; server: string }
  /** One attribute of a computer account replaced: an Exchange server's (`EX02`) or a DC's (`DC1`). */
  | { kind: 'account-attribute'; account: string; attribute: string; values: string[] }
  /** A second computer account (no SPNs), e.g. a stale copy of a restored server with the same dNSHostName. */
  | { kind: 'add-computer'; name: string; dnsHostName: string }
  /** A second AD site: DCs' server objects moved into it, Exchange servers' msExchServerSite pointed at it. */
  | { kind: 'site'; site: string; dcs: string[]; servers: string[] }
  /** A receive connector an administrator added (a relay for applications, say). */
  | { kind: 'add-connector'; server: string; connector: ExtraConnector }
  /** A connector's msExchSmtpReceiveRemoteIPRanges, replaced. */
  | { kind: 'connector-ranges'; server: string; connector: string; ranges: string[] };

/** A receive connector beyond the five of Exchange setup (./model.ts LabConnector, enabled). */
export interface ExtraConnector {
  name: string;
  port: number;
  flags: number;
  role: number;
  remoteIpRanges: string[];
}

export interface ExchangeFaults {
  /** Banner clock offset per server (ms). */
  clockOffsetMs?: Record<string, number>;
  /** Ports a server does not listen on (connection refused). */
  closedPorts?: Record<string, number[]>;
  /** Connector flags the fake server uses instead of the default (by connector name). */
  connectorFlags?: Record<string, number>;
  /** Servers whose X-EXPS/AUTH answer 454 4.7.0 (their Kerberos is broken in the scenario). */
  authFails?: string[];
  /** Remote IP ranges the fake server uses instead of the default (by connector name). */
  connectorRanges?: Record<string, string[]>;
  /** Connectors the fake server has beyond the default five, per server. */
  extraConnectors?: Record<string, ExtraConnector[]>;
  /** Servers whose transport certificate expired (./exchange-certs.ts). */
  expiredCertificate?: string[];
  /** The only TLS versions a server speaks (Node names: TLSv1 .. TLSv1.3), per server. */
  tlsVersions?: Record<string, { min: string; max: string }>;
  /** Servers reached through an SMTP-inspecting firewall (./smtp-inspection.ts). */
  inspected?: string[];
}

/** Ports a firewall drops silently (no RST, no ICMP), and latency; see ./network-faults.ts. */
export interface ScenarioNetwork {
  drop: { protocol: 'tcp' | 'udp'; ports: number[]; on: string[] }[];
  latencyMs: number;
}
/** Samba server services a DC runs without (`server services = ... -kdc` in effect), per DC name. */
export type DcServicesOff = Partial<Record<'DC1' | 'DC2', string[]>>;

export interface Scenario {
  description: string;
  expected: Expectation[];
  base: 'solo' | 'pair';
  directory: DirectoryFault[];
  /**
   * Changes made to every DC's database alike (state that had replicated everywhere before the
   * fault, so the replication check sees no difference); `directory` changes DC1 only.
   */
  everyDc?: DirectoryFault[];
  exchange: ExchangeFaults;
  /** Network faults; none when absent. */
  network?: ScenarioNetwork;
  /** smb.conf [global] options of every DC of the scenario (the lab's defaults otherwise). */
  dcOptions?: Record<string, string>;
  servicesOff?: DcServicesOff;
}

const SKEW_MS = 7 * 60_000;
const ex02 = (name: string): string => `${name.toLowerCase()}.${DNS_DOMAIN}`;

const missingSpn: DirectoryFault = {
  kind: 'remove-spns',
  server: 'EX02',
  spns: ['SMTPSVC/ex02', `SMTPSVC/${ex02('EX02')}`],
};
const duplicateSpn: DirectoryFault = {
  kind: 'plant-duplicate-spn',
  spn: `SMTPSVC/${ex02('EX01')}`,
  userSam: SERVICE_SAM,
};
const newServiceName: DirectoryFault = {
  kind: 'add-spns',
  server: 'EX02',
  spns: [`SMTP/mail.${DNS_DOMAIN}`, `SMTPSVC/mail.${DNS_DOMAIN}`],
};
const connectorAuth: DirectoryFault = {
  kind: 'connector-flags',
  server: 'EX02',
  connector: 'Default EX02',
  flags: CLIENT_CONNECTOR_FLAGS,
};

const e = (step: Expectation['step'], subject: string, code?: string): Expectation => ({
  step,
  subject,
  severity: 'error',
  ...(code ? { code } : {}),
});

/** Tls, BasicAuth, BasicAuthRequireTLS: an application relay connector without ExchangeServer. */
const RELAY_CONNECTOR_FLAGS = 13;
const relayConnector: ExtraConnector = {
  name: 'Relay EX02',
  port: 25,
  flags: RELAY_CONNECTOR_FLAGS,
  role: 16384,
  // Meant for the application servers 127.0.0.10-127.0.0.20; EX01 (127.0.0.11) falls inside.
  remoteIpRanges: ['127.0.0.10-127.0.0.20'],
};
/** What the Default EX02 connector keeps in `ipv6-link-local`: IPv4 and the site's global IPv6 prefix only. */
const NO_LINK_LOCAL = ['0.0.0.0-255.255.255.255', 'fd00:ead::/64'];

export const SCENARIOS: Record<string, Scenario> = {
  healthy: {
    description:
      'Everything in order: one DC, EX01 and EX02 with their SPNs, clocks in step, default connectors with Exchange Server authentication.',
    expected: [],
    base: 'solo',
    directory: [],
    exchange: {},
  },
  'missing-spn': {
    description: 'EX02 lacks its SMTPSVC/ SPNs (short name and FQDN); EX02 answers X-EXPS with 454 4.7.0.',
    expected: [e(3, 'EX02')],
    base: 'solo',
    directory: [missingSpn],
    exchange: { authFails: ['EX02'] },
  },
  'duplicate-spn': {
    description: `SMTPSVC/${ex02('EX01')} is also registered on the service account ${SERVICE_SAM} (planted in the database file, as Samba refuses it); EX01 answers X-EXPS with 454 4.7.0.`,
    expected: [e(3, 'EX01')],
    base: 'solo',
    directory: [duplicateSpn],
    exchange: { authFails: ['EX01'] },
  },
  'clock-skew': {
    description: "EX02's clock runs 7 minutes ahead (its SMTP banner shows it), beyond Kerberos' 5-minute tolerance.",
    expected: [e(1, 'EX02')],
    base: 'solo',
    directory: [],
    exchange: { clockOffsetMs: { EX02: SKEW_MS }, authFails: ['EX02'] },
  },
  replication: {
    description: `A second DC, DC2 (127.0.0.2), stopped taking inbound replication; then EX02 got the SPNs SMTP/ and SMTPSVC/mail.${DNS_DOMAIN} on DC1. DC2 lacks them.`,
    expected: [e(2, 'DC2')],
    base: 'pair',
    directory: [newServiceName],
    exchange: {},
  },
  'port-blocked': {
    description:
      'EX02 does not listen on the hub transport port 2525 (connection refused), so other servers cannot deliver to it.',
    expected: [e(4, 'EX02')],
    base: 'solo',
    directory: [],
    exchange: { closedPorts: { EX02: [2525] } },
  },
  'connector-auth': {
    description:
      'The "Default EX02" receive connector lost Exchange Server authentication (flags 15 instead of 31): no X-ANONYMOUSTLS.',
    expected: [e(6, 'EX02\\Default EX02')],
    base: 'solo',
    directory: [connectorAuth],
    exchange: { connectorFlags: { 'Default EX02': CLIENT_CONNECTOR_FLAGS }, authFails: ['EX02'] },
  },
  'all-faults': {
    description:
      'All of the faults above at once: DC2 behind, EX02 without SMTPSVC SPNs, 7 minutes ahead, 2525 closed and its default connector without Exchange Server authentication; a duplicate of an EX01 SPN.',
    expected: [e(1, 'EX02'), e(2, 'DC2'), e(3, 'EX02'), e(3, 'EX01'), e(4, 'EX02'), e(6, 'EX02\\Default EX02')],
    base: 'pair',
    directory: [missingSpn, duplicateSpn, newServiceName, connectorAuth],
    exchange: {
      clockOffsetMs: { EX02: SKEW_MS },
      closedPorts: { EX02: [2525] },
      connectorFlags: { 'Default EX02': CLIENT_CONNECTOR_FLAGS },
      authFails: ['EX01', 'EX02'],
    },
  },
  firewalled: {
    description:
      'A firewall between this machine and the servers silently drops TCP 465 and 717 on every Exchange server and UDP 88 on DC2 (no refusal: packets vanish), as admins meet on real networks.',
    expected: [e(4, 'DC2')],
    base: 'pair',
    directory: [],
    exchange: {},
    network: {
      drop: [
        { protocol: 'tcp', ports: [465, 717], on: ['EXCHANGE'] },
        { protocol: 'udp', ports: [88], on: ['DC2'] },
      ],
      latencyMs: 0,
    },
  },
  'ldap-signing-required': {
    description:
      'The DCs require LDAP signing (Samba "ldap server require strong auth = yes", Windows LDAPServerIntegrity 2): a password bind on plain LDAP 389 is refused; LDAPS and Kerberos (SASL sealing) work.',
    expected: [],
    base: 'solo',
    directory: [],
    exchange: {},
    dcOptions: { 'ldap server require strong auth': 'yes' },
  },
  'kdc-stopped': {
    description:
      "DC2's Kerberos Key Distribution Center is stopped (samba runs without its kdc service): LDAP answers, TCP and UDP 88 and TCP 464 are refused. DC1 still issues tickets.",
    expected: [e(4, 'DC2', 'port.kdc-stopped')],
    base: 'pair',
    directory: [],
    exchange: {},
    servicesOff: { DC2: ['kdc'] },
  },
  'dnshostname-mismatch': {
    description: `EX02's computer account says dNSHostName ex02-old.${DNS_DOMAIN}, which does not resolve; Exchange registered ${ex02('EX02')}, which resolves and carries the SPNs. Probes must use ${ex02('EX02')}; the fix is the dNSHostName, not new SPNs.`,
    expected: [{ step: 3, subject: 'EX02', severity: 'warning', code: 'spn.fqdn-mismatch' }],
    base: 'solo',
    directory: [{ kind: 'dns-host-name', server: 'EX02', dnsHostName: `ex02-old.${DNS_DOMAIN}` }],
    exchange: {},
  },
  // Issue 12: Kerberos itself (keys, encryption types, account state, a KDC per site).
  'stale-key': {
    description:
      "EX02's computer password changed on DC1 (new keys, msDS-KeyVersionNumber 2) and DC2, which takes no inbound replication, still holds key version 1: a KDC on DC2 issues tickets EX02 can no longer decrypt (KRB_AP_ERR_MODIFIED), EX02 answers X-EXPS with 454 4.7.0.",
    expected: [e(3, 'EX02', 'spn.key-version-differs')],
    base: 'pair',
    directory: [{ kind: 'computer-password', server: 'EX02' }],
    exchange: { authFails: ['EX02'] },
  },
  'disabled-account': {
    description:
      "EX02's computer account is disabled (userAccountControl 4098: ACCOUNTDISABLE): EX02 can no longer log on to the domain (no secure channel) and answers X-EXPS with 454 4.7.0. Samba's KDC (4.17) still issues tickets for its SPNs (verified: kvno SMTPSVC/ex02.contoso.test = 1), so only the account shows it.",
    expected: [e(3, 'EX02', 'spn.account-disabled')],
    base: 'solo',
    directory: [{ kind: 'account-attribute', account: 'EX02', attribute: 'userAccountControl', values: ['4098'] }],
    exchange: { authFails: ['EX02'] },
  },
  'duplicate-dnshostname': {
    description: `A second computer account, EX02-OLD (left from a restore), also says dNSHostName ${ex02('EX02')}; EX02's own account keeps its SPNs. Unlike dnshostname-mismatch (EX02's account names another host), here two accounts claim one host.`,
    expected: [e(3, 'EX02', 'spn.duplicate-dnshostname')],
    base: 'solo',
    directory: [{ kind: 'add-computer', name: 'EX02-OLD', dnsHostName: ex02('EX02') }],
    exchange: {},
  },
  'rc4-only': {
    description:
      "EX02's account allows RC4 only (msDS-SupportedEncryptionTypes 4) while the DC's KDC offers AES only (Samba \"kdc supported enctypes\" AES128 + AES256; DC1's account says 24, as the Windows policy writes it): no encryption type is common to EX02 and the KDC.",
    expected: [e(3, 'EX02', 'spn.no-common-etype')],
    base: 'solo',
    directory: [
      { kind: 'account-attribute', account: 'EX02', attribute: 'msDS-SupportedEncryptionTypes', values: ['4'] },
      { kind: 'account-attribute', account: 'DC1', attribute: 'msDS-SupportedEncryptionTypes', values: ['24'] },
    ],
    exchange: { authFails: ['EX02'] },
    dcOptions: { 'kdc supported enctypes': 'aes128-cts-hmac-sha1-96 aes256-cts-hmac-sha1-96' },
  },
  'no-kdc-in-site': {
    description:
      "EX02 is in a second AD site, Branch-Site, whose only DC is DC2, and DC2's KDC is stopped: no KDC in EX02's site answers on 88 (DC1, in the first site, still does).",
    expected: [e(4, 'DC2', 'port.kdc-stopped'), e(4, 'EX02', 'port.kdc-site-unreachable')],
    base: 'pair',
    directory: [],
    everyDc: [{ kind: 'site', site: 'Branch-Site', dcs: ['DC2'], servers: ['EX02'] }],
    exchange: {},
    servicesOff: { DC2: ['kdc'] },
  },
  // Issue 13: the wire as the sending server meets it (TLS, certificates, inspection, connector selection).
  'transport-cert-expired': {
    description:
      "EX02's self-signed transport certificate expired (valid 2020-01-01 to 2020-12-31). Exchange still uses it for X-ANONYMOUSTLS: a warning, not an error.",
    expected: [{ step: 6, subject: 'EX02', severity: 'warning', code: 'tls.certificate-expired' }],
    base: 'solo',
    directory: [],
    exchange: { expiredCertificate: ['EX02'] },
  },
  'tls-version-mismatch': {
    description:
      'EX02 speaks only TLS 1.0 and 1.1 (as an SChannel with TLS 1.2 disabled), which this side refuses: X-ANONYMOUSTLS is offered, the handshake fails.',
    expected: [e(6, 'EX02', 'tls.version-mismatch')],
    base: 'solo',
    directory: [],
    exchange: { tlsVersions: { EX02: { min: 'TLSv1', max: 'TLSv1.1' } }, authFails: ['EX02'] },
  },
  'smtp-inspection': {
    description:
      "A firewall in front of EX02 inspects SMTP the way Cisco's default ESMTP inspection does: the banner becomes asterisks, STARTTLS, X-ANONYMOUSTLS and X-EXPS are masked as XXXX...A, unknown verbs never reach EX02.",
    expected: [e(4, 'EX02', 'smtp.inspected')],
    base: 'solo',
    directory: [],
    exchange: { inspected: ['EX02'], authFails: ['EX02'] },
  },
  'relay-captures': {
    description:
      'An administrator added "Relay EX02" on port 25 for application servers 127.0.0.10-127.0.0.20, without Exchange Server authentication; EX01 (127.0.0.11) falls in that range, so the relay connector takes its connections on 25.',
    expected: [e(6, 'EX02\\Relay EX02')],
    base: 'solo',
    directory: [{ kind: 'add-connector', server: 'EX02', connector: relayConnector }],
    exchange: { extraConnectors: { EX02: [relayConnector] } },
  },
  'ipv6-link-local': {
    description:
      'The "Default EX02" connector takes IPv4 and fd00:ead::/64 only; EX02 binds [::]:2525, so EX01 reaching it over IPv6 from its link-local fe80:: address is taken by no connector.',
    expected: [e(6, 'EX02', 'connector.link-local-uncovered')],
    base: 'solo',
    directory: [{ kind: 'connector-ranges', server: 'EX02', connector: 'Default EX02', ranges: NO_LINK_LOCAL }],
    exchange: { connectorRanges: { 'Default EX02': NO_LINK_LOCAL } },
  },
};

export const SCENARIO_NAMES = Object.keys(SCENARIOS);
export const DEFAULT_SCENARIO = 'healthy';

export function scenario(name: string): Scenario {
  const s = SCENARIOS[name];
  if (!s) throw new Error(`unknown scenario "${name}"; known: ${SCENARIO_NAMES.join(', ')}`);
  return s;
}
