/**
 * The lab's connection settings as EAD_* environment variables (what `npm run lab -- env` prints
 * as `export` lines, shell-quoted, for `eval`), built from the lab's state and secrets.
 */
import { BIND_UPN, DC1, REALM, paths } from './layout';
import { labServers } from './model';
import type { LabState } from './state';

export function labEnvFrom(state: LabState, bindPassword: string): Record<string, string> {
  return {
    EAD_DC_HOST: DC1.host,
    EAD_DC_PORT: '636',
    EAD_DC_SECURITY: 'ldaps',
    EAD_CA_FILE: paths.caFile,
    EAD_BIND_USER: BIND_UPN,
    EAD_BIND_PASSWORD: bindPassword,
    EAD_SERVERS: labServers(state.servers)
      .map((s) => s.name)
      .join(','),
    EAD_DCS: state.dcs.join(','),
    EAD_REALM: REALM,
    /** The lab's krb5.conf (realm and KDC); `lab kinit` fills a private cache with it. */
    EAD_KRB5_CONFIG: paths.krb5Conf,
    EAD_LAB_DIR: paths.lab,
    EAD_WORKSPACE: paths.workspace,
    EAD_SCENARIO: state.scenario,
  };
}

/** POSIX shell single quoting: `it's` -> `'it'\''s'`. */
export function shellQuote(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

export function exportLines(env: Record<string, string>): string {
  return Object.entries(env)
    .map(([k, v]) => `export ${k}=${shellQuote(v)}`)
    .join('\n');
}
