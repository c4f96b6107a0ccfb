/**
 * Offline writes to a stopped DC's database with Samba's ldb tools. Through sam.ldb (with Samba's
 * modules, as the DC itself would write: schema checks, USNs, whenChanged, password hashing) or,
 * to plant what Samba refuses (a duplicate SPN), straight into a partition's backend file. The
 * LDIF goes through standard input, so passwords in it never reach a file or a command line.
 */
import { paths, type DcSpec } from './layout';
import { run } from './tools';

function samArgs(dc: DcSpec): string[] {
  return ['-H', paths.samLdb(dc), `--configfile=${paths.smbConf(dc)}`];
}

export async function ldbModify(dc: DcSpec, ldif: string): Promise<void> {
  if (!ldif.trim()) return;
  await run('ldbmodify', samArgs(dc), { input: ldif });
}

export async function ldbAdd(dc: DcSpec, ldif: string): Promise<void> {
  if (!ldif.trim()) return;
  await run('ldbadd', samArgs(dc), { input: ldif });
}

/** Modifies the domain partition's backend file directly: no modules, no checks, no metadata. */
export async function ldbModifyBackend(dc: DcSpec, ldif: string): Promise<void> {
  await run('ldbmodify', ['-H', `tdb://${paths.domainPartition(dc)}`], { input: ldif });
}

export async function ldbSearch(dc: DcSpec, base: string, filter: string, attributes: string[]): Promise<string> {
  const r = await run('ldbsearch', [...samArgs(dc), '-b', base, filter, ...attributes]);
  return r.stdout;
}
