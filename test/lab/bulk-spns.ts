/**
 * Fills the running lab's directory with many SPNs for bench/spn-scan.ts: service accounts
 * `bulk-00001`... with four SPNs each (HTTP/ and MSSQLSvc/ on a host name of their own), added
 * offline through Samba's modules while DC1 is stopped (about 100 s for 20,000 SPNs on 2 cores), then
 * kept in `.lab/base/bulk/` so the next time takes seconds. A later scenario switch removes them.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { DC1, DNS_DOMAIN, DOMAIN_DN, paths } from './layout';
import { copyTree } from './provision';
import { entriesLdif, type LdifEntry } from './ldif';
import { ldbAdd } from './ldb';
import { startDc, stopDc, waitForDc } from './samba';
import { readState, withLabLock, writeState } from './state';

const PER_ACCOUNT = 4;
const BATCH_ACCOUNTS = 5000;

export function bulkEntries(spnCount: number): LdifEntry[] {
  const accounts = Math.ceil(spnCount / PER_ACCOUNT);
  return Array.from({ length: accounts }, (_, i) => {
    const id = String(i + 1).padStart(5, '0');
    const host = `app${id}.${DNS_DOMAIN}`;
    const spns = [`HTTP/app${id}`, `HTTP/${host}`, `MSSQLSvc/${host}`, `MSSQLSvc/${host}:1433`].slice(
      0,
      Math.min(PER_ACCOUNT, spnCount - i * PER_ACCOUNT),
    );
    return {
      dn: `CN=bulk-${id},CN=Users,${DOMAIN_DN}`,
      attributes: [
        ['objectClass', 'user'],
        ['sAMAccountName', `bulk-${id}`],
        ['userAccountControl', '514'],
        ['servicePrincipalName', spns],
      ],
    };
  });
}

export async function addBulkSpns(spnCount: number): Promise<void> {
  await withLabLock('bulk-spns', async () => {
    const state = readState();
    if (!state) throw new Error('The lab is not running. Start it with: npm run lab -- start');
    const dbKey = `${state.dbKey}+bulk:${spnCount}`;
    if (state.dbKey.includes('+bulk:'))
      throw new Error(
        'The lab already holds bulk SPNs; switch scenario first (npm run lab -- start --scenario healthy)',
      );
    const started = Date.now();
    const cached = path.join(paths.base, 'bulk', createHash('sha256').update(dbKey).digest('hex').slice(0, 12), 'dc1');
    await stopDc(DC1);
    if (existsSync(cached)) await copyTree(cached, paths.dc(DC1));
    else {
      // In batches: one ldbadd transaction of 25,000 accounts ran past its 5-minute limit, while
      // 5,000 accounts take about 25 s each.
      const entries = bulkEntries(spnCount);
      for (let i = 0; i < entries.length; i += BATCH_ACCOUNTS) {
        await ldbAdd(DC1, entriesLdif(entries.slice(i, i + BATCH_ACCOUNTS)));
        process.stderr.write(
          `lab: ${Math.min(i + BATCH_ACCOUNTS, entries.length)} of ${entries.length} accounts added\n`,
        );
      }
      await copyTree(paths.dc(DC1), cached);
    }
    await startDc(DC1);
    await waitForDc(DC1);
    writeState({ ...state, dbKey });
    process.stderr.write(
      `lab: added ${spnCount} SPNs on ${Math.ceil(spnCount / PER_ACCOUNT)} accounts in ${((Date.now() - started) / 1000).toFixed(1)} s\n`,
    );
  });
}
