/**
 * Step 2 remedies: see how replication is doing, and push the changes of the DC that has them to
 * every partner. `/syncall <dc> /AdeP` replicates all partitions (A) across sites (e), names
 * partners by DN (d), and pushes from <dc> (P) rather than pulling to it: the DC that is ahead is
 * the one to run it from.
 */
import type { Remedy } from '../../../shared/findings';
import { RUN_ON } from '../../remedies/run-on';
import { arg } from '../../safety/command-line';
import { compact } from '../../remedies/build';
import { tryPhraseRemedy as tryRemedy } from '../../remedies/phrase-remedy';

export function repadminReplSummary(): Remedy | undefined {
  return tryRemedy({
    phrase: 'fp.2.fix.replsummary',
    ...RUN_ON.adToolsSyncAll,
    shell: 'powershell',
    changesState: false,
    executable: 'repadmin',
    args: [arg.switch('/replsummary')],
  });
}

export function repadminShowRepl(dc: string): Remedy | undefined {
  return tryRemedy({
    phrase: 'fp.2.fix.showrepl',
    params: { dc },
    ...RUN_ON.adToolsSyncAll,
    shell: 'powershell',
    changesState: false,
    executable: 'repadmin',
    args: [arg.switch('/showrepl'), arg.host(dc)],
  });
}

/** Without `source` repadmin pushes from the DC it runs on. */
export function repadminSyncAll(source?: string): Remedy | undefined {
  return tryRemedy({
    ...(source ? { phrase: 'fp.2.fix.syncall-from', params: { source } } : { phrase: 'fp.2.fix.syncall-here' }),
    ...(source ? RUN_ON.adToolsSyncAll : RUN_ON.dcWithChanges),
    shell: 'powershell',
    changesState: true,
    executable: 'repadmin',
    args: source
      ? [arg.switch('/syncall'), arg.host(source), arg.switch('/AdeP')]
      : [arg.switch('/syncall'), arg.switch('/AdeP')],
  });
}

/** Look at the lagging DC, push from the one that is ahead, then confirm with the summary. */
export function replicationRemedies(behind: string | undefined, ahead: string | undefined): Remedy[] {
  return compact([behind ? repadminShowRepl(behind) : undefined, repadminSyncAll(ahead), repadminReplSummary()]);
}
