/**
 * Provisioning, done once and kept in `.lab/base/`: the 'solo' base (DC1 with the Exchange schema
 * subset, the organisation, EX01 and EX02, the bind user) and the 'pair' base (the same DC1 after
 * DC2 joined it, and DC2 with inbound replication disabled). Scenarios start from a copy of a base.
 */
import * as path from 'node:path';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { DC1, DC2, DNS_DOMAIN, SITE_DN, NETBIOS_DOMAIN, PROVISION_VERSION, REALM, paths, type DcSpec } from './layout';
import { baseEntries, serverEntries } from './directory-data';
import { schemaStages } from './exchange-schema';
import { entriesLdif, changesLdif } from './ldif';
import { ldbAdd, ldbModify, ldbSearch } from './ldb';
import { labServers } from './model';
import { startDc, stopDc, tuneDc, waitForDc } from './samba';
import { ensureSecrets, type LabSecrets } from './secrets';
import { ensureLabCertificates } from './tls';
import { run } from './tools';

export type BaseName = 'solo' | 'pair';

/** NTDSDSA_OPT_DISABLE_INBOUND_REPL: the DC pulls no changes from its partners. */
const DISABLE_INBOUND_REPL = 2;

/** The bases hold the passwords of secrets.json and the certificates of tls/: all must be there. */
export function baseReady(): boolean {
  const complete = [paths.secrets, paths.caFile, paths.pristine('solo', DC1), paths.pristine('pair', DC2)].every((p) =>
    existsSync(p),
  );
  return complete && existsSync(paths.baseStamp) && readFileSync(paths.baseStamp, 'utf8').trim() === PROVISION_VERSION;
}

function log(message: string): void {
  process.stderr.write(`lab: ${message}\n`);
}

/** `cp -a`: Samba insists on the modes of its socket folders (0700), which fs.cpSync does not keep. */
export async function copyTree(from: string, to: string): Promise<void> {
  rmSync(to, { recursive: true, force: true });
  mkdirSync(path.dirname(to), { recursive: true });
  await run('cp', ['-a', from, to]);
}

/** Replaces a DC's live folder with its copy in `base`. */
export async function restoreDc(base: BaseName, dc: DcSpec): Promise<void> {
  await copyTree(paths.pristine(base, dc), paths.dc(dc));
}

async function snapshotDc(base: BaseName, dc: DcSpec): Promise<void> {
  await copyTree(paths.dc(dc), paths.pristine(base, dc));
}

async function provisionDc1(secrets: LabSecrets): Promise<void> {
  rmSync(paths.dc(DC1), { recursive: true, force: true });
  await run(
    'samba-tool',
    [
      'domain',
      'provision',
      `--realm=${REALM}`,
      `--domain=${NETBIOS_DOMAIN}`,
      '--server-role=dc',
      '--dns-backend=NONE',
      `--adminpass=${secrets.administrator}`,
      `--targetdir=${paths.dc(DC1)}`,
      '--host-name=dc1',
      '--option=interfaces=lo',
      '--option=bind interfaces only=yes',
    ],
    { secrets: [secrets.administrator], timeoutMs: 180_000 },
  );
  tuneDc(DC1);
  await addLdapSpn(DC1);
  for (const stage of schemaStages()) await ldbModify(DC1, stage);
  const servers = labServers(2);
  await ldbAdd(
    DC1,
    entriesLdif([...baseEntries(secrets), ...servers.flatMap((s) => serverEntries(s, secrets.computer))]),
  );
}

/**
 * Windows DCs register `ldap/<fqdn>` themselves; Samba does not, and without it a SASL GSSAPI bind
 * fails with "Server not found in Kerberos database" (verified-facts §10). Written into DC1's
 * database (its KDC issues every ticket of the lab), with DC1 stopped.
 */
async function addLdapSpn(dc: DcSpec): Promise<void> {
  for (const spn of [`ldap/${dc.host}`, `ldap/${dc.name.toLowerCase()}`])
    await run('samba-tool', ['spn', 'add', spn, `${dc.name}$`, '-s', paths.smbConf(DC1)]);
}

async function joinDc2(secrets: LabSecrets): Promise<void> {
  rmSync(paths.dc(DC2), { recursive: true, force: true });
  await startDc(DC1);
  try {
    await waitForDc(DC1);
    await run(
      'samba-tool',
      [
        'domain',
        'join',
        DNS_DOMAIN,
        'DC',
        '-U',
        'Administrator',
        `--server=${DC1.host}`,
        `--targetdir=${paths.dc(DC2)}`,
        '--dns-backend=NONE',
        '--option=netbios name=DC2',
        `--option=interfaces=${DC2.address}/8`,
        '--option=bind interfaces only=yes',
      ],
      { env: { PASSWD: secrets.administrator }, secrets: [secrets.administrator], timeoutMs: 300_000 },
    );
  } finally {
    await stopDc(DC1);
  }
  tuneDc(DC2);
  await addLdapSpn(DC2);
  const ntds = await ldbSearch(DC2, `CN=DC2,CN=Servers,${SITE_DN}`, '(objectClass=nTDSDSA)', ['options']);
  const dn = /^dn: (CN=NTDS Settings,CN=DC2,.*)$/m.exec(ntds)?.[1];
  if (!dn) throw new Error('DC2 joined, but its NTDS Settings object was not found');
  const options = Number(/^options: (\d+)$/m.exec(ntds)?.[1] ?? 0);
  await ldbModify(
    DC2,
    changesLdif([{ dn, op: 'replace', attribute: 'options', values: [String(options | DISABLE_INBOUND_REPL)] }]),
  );
}

/** Builds `.lab/base/{solo,pair}` unless the current provisioning version is there already. */
export async function ensureBases(): Promise<void> {
  if (baseReady()) return;
  const started = Date.now();
  mkdirSync(paths.lab, { recursive: true });
  rmSync(paths.base, { recursive: true, force: true });
  rmSync(paths.secrets, { force: true });
  const secrets = ensureSecrets();
  await ensureLabCertificates();
  log('provisioning DC1 (contoso.test) with the Exchange schema subset, EX01 and EX02 ...');
  await provisionDc1(secrets);
  await snapshotDc('solo', DC1);
  log(`solo base ready in ${((Date.now() - started) / 1000).toFixed(1)} s; joining DC2 for the pair base ...`);
  await joinDc2(secrets);
  await snapshotDc('pair', DC1);
  await snapshotDc('pair', DC2);
  await restoreDc('solo', DC1);
  rmSync(paths.dc(DC2), { recursive: true, force: true });
  writeFileSync(paths.baseStamp, `${PROVISION_VERSION}\n`);
  log(`provisioned in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
