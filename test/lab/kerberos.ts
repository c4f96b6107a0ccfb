/**
 * Kerberos for the lab's reader, kept away from the machine's own: a krb5.conf of the lab (realm
 * CONTOSO.TEST, KDC dc1.contoso.test, no reverse DNS; verified-facts §10) and a private credential
 * cache under `.lab/krb5/`. `npm run lab -- kinit` fills the cache with a ticket for ead-reader
 * (its password goes to kinit on standard input, never in argv) and prints the variables to export.
 * Tests use `kinitLab({ cache, lifetime })` for caches of their own (a short lifetime gives an
 * expired ticket).
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { BIND_SAM, DC1, DNS_DOMAIN, REALM, paths } from './layout';
import { readSecrets } from './secrets';
import { run } from './tools';

export function krb5ConfText(): string {
  return [
    '[libdefaults]',
    `\tdefault_realm = ${REALM}`,
    '\tdns_lookup_kdc = false',
    '\tdns_lookup_realm = false',
    '\trdns = false',
    '\tdns_canonicalize_hostname = false',
    '',
    '[realms]',
    `\t${REALM} = {`,
    `\t\tkdc = ${DC1.host}`,
    `\t\tadmin_server = ${DC1.host}`,
    '\t}',
    '',
    '[domain_realm]',
    `\t.${DNS_DOMAIN} = ${REALM}`,
    `\t${DNS_DOMAIN} = ${REALM}`,
    '',
  ].join('\n');
}

export interface KinitOptions {
  /** Credential cache file (default `.lab/krb5/ccache`). */
  cache?: string;
  /** kinit lifetime, e.g. `10h` or `5s`. */
  lifetime?: string;
}

export interface KinitResult {
  principal: string;
  /** `FILE:/abs/path` for KRB5CCNAME. */
  ccname: string;
  krb5Config: string;
}

export function writeKrb5Conf(): string {
  mkdirSync(path.dirname(paths.krb5Conf), { recursive: true });
  writeFileSync(paths.krb5Conf, krb5ConfText());
  return paths.krb5Conf;
}

export async function kinitLab(options: KinitOptions = {}): Promise<KinitResult> {
  const secrets = readSecrets();
  if (!secrets) throw new Error('The lab has not been provisioned. Start it with: npm run lab -- start');
  const krb5Config = writeKrb5Conf();
  const cache = path.resolve(options.cache ?? paths.krb5Cache);
  mkdirSync(path.dirname(cache), { recursive: true });
  rmSync(cache, { force: true });
  const principal = `${BIND_SAM}@${REALM}`;
  const ccname = `FILE:${cache}`;
  await run('kinit', [...(options.lifetime ? ['-l', options.lifetime] : []), principal], {
    input: `${secrets.bind}\n`,
    env: { KRB5_CONFIG: krb5Config, KRB5CCNAME: ccname },
    secrets: [secrets.bind],
    timeoutMs: 30_000,
  });
  return { principal, ccname, krb5Config };
}
