/**
 * Where the lab keeps everything, and the fixed facts of its domain. All state lives under
 * `<repo>/.lab/` (gitignored); the live DC folders are reset from pristine copies per scenario,
 * always at the same path, because samba-tool writes absolute paths into smb.conf.
 */
import * as path from 'node:path';

export const REPO_ROOT = path.resolve(__dirname, '..', '..');
export const LAB_DIR = process.env.EAD_LAB_DIR_OVERRIDE
  ? path.resolve(process.env.EAD_LAB_DIR_OVERRIDE)
  : path.join(REPO_ROOT, '.lab');

/** Bump when provisioning changes, so an old `.lab/base` is rebuilt instead of reused. */
export const PROVISION_VERSION = '4';

export const REALM = 'CONTOSO.TEST';
export const DNS_DOMAIN = 'contoso.test';
export const NETBIOS_DOMAIN = 'CONTOSO';
export const DOMAIN_DN = 'DC=contoso,DC=test';
export const CONFIG_DN = `CN=Configuration,${DOMAIN_DN}`;
export const SCHEMA_DN = `CN=Schema,${CONFIG_DN}`;
export const SITE_NAME = 'Default-First-Site-Name';
export const SITE_DN = `CN=${SITE_NAME},CN=Sites,${CONFIG_DN}`;
export const ORGANISATION = 'Contoso';
export const EXCHANGE_DN = `CN=Microsoft Exchange,CN=Services,${CONFIG_DN}`;
export const ORG_DN = `CN=${ORGANISATION},${EXCHANGE_DN}`;
export const ADMIN_GROUP_DN = `CN=Exchange Administrative Group (FYDIBOHF23SPDLT),CN=Administrative Groups,${ORG_DN}`;
export const SERVERS_DN = `CN=Servers,${ADMIN_GROUP_DN}`;

/** The non-admin account tools bind with (a plain domain user). */
export const BIND_SAM = 'ead-reader';
export const BIND_UPN = `${BIND_SAM}@${DNS_DOMAIN}`;
/** A service account that exists so the duplicate-spn scenario has somewhere to plant a copy. */
export const SERVICE_SAM = 'svc-relay';

export interface DcSpec {
  name: string;
  host: string;
  address: string;
  /** Where samba listens while the latency relay holds `address` (see ./latency-relay.ts). */
  innerAddress: string;
}

export const DC1: DcSpec = { name: 'DC1', host: `dc1.${DNS_DOMAIN}`, address: '127.0.0.1', innerAddress: '127.0.1.1' };
export const DC2: DcSpec = { name: 'DC2', host: `dc2.${DNS_DOMAIN}`, address: '127.0.0.2', innerAddress: '127.0.1.2' };

export const MAX_SERVERS = 200;
export const DEFAULT_SERVERS = 2;

export const paths = {
  lab: LAB_DIR,
  lock: path.join(LAB_DIR, 'lock'),
  state: path.join(LAB_DIR, 'state.json'),
  secrets: path.join(LAB_DIR, 'secrets.json'),
  tls: path.join(LAB_DIR, 'tls'),
  caFile: path.join(LAB_DIR, 'tls', 'ca.pem'),
  logs: path.join(LAB_DIR, 'logs'),
  run: path.join(LAB_DIR, 'run'),
  base: path.join(LAB_DIR, 'base'),
  baseStamp: path.join(LAB_DIR, 'base', 'VERSION'),
  workspace: path.join(LAB_DIR, 'workspace'),
  exchangeConfig: path.join(LAB_DIR, 'exchange.json'),
  exchangePid: path.join(LAB_DIR, 'run', 'exchange.pid'),
  exchangeReady: path.join(LAB_DIR, 'run', 'exchange.ready'),
  relayConfig: path.join(LAB_DIR, 'relay.json'),
  relayPid: path.join(LAB_DIR, 'run', 'relay.pid'),
  relayReady: path.join(LAB_DIR, 'run', 'relay.ready'),
  /** The lab's own krb5.conf and the private credential cache `lab kinit` fills. */
  krb5Conf: path.join(LAB_DIR, 'krb5', 'krb5.conf'),
  krb5Cache: path.join(LAB_DIR, 'krb5', 'ccache'),
  /** Live folder of a DC (the one samba runs from). */
  dc: (dc: DcSpec) => path.join(LAB_DIR, dc.name.toLowerCase()),
  /** Pristine copy of a DC folder for a base ('solo': DC1 alone; 'pair': DC1 and DC2). */
  pristine: (base: string, dc: DcSpec) => path.join(LAB_DIR, 'base', base, dc.name.toLowerCase()),
  dcPid: (dc: DcSpec) => path.join(LAB_DIR, 'run', `${dc.name.toLowerCase()}.pid`),
  smbConf: (dc: DcSpec) => path.join(LAB_DIR, dc.name.toLowerCase(), 'etc', 'smb.conf'),
  samLdb: (dc: DcSpec) => path.join(LAB_DIR, dc.name.toLowerCase(), 'private', 'sam.ldb'),
  /** The domain partition's backend file: written directly (no modules) to plant what Samba refuses. */
  domainPartition: (dc: DcSpec) =>
    path.join(LAB_DIR, dc.name.toLowerCase(), 'private', 'sam.ldb.d', `${DOMAIN_DN.toUpperCase()}.ldb`),
};
