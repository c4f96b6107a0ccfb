/**
 * Step 2 remedies: see how replication is doing, and push the changes of the DC that has them to
 * every partner. `/syncall <dc> /AdeP` replicates all partitions (A) across sites (e), names
 * partners by DN (d), and pushes from <dc> (P) rather than pulling to it: the DC that is ahead is
 * the one to run it from.
 */
import type { Remedy } from '../../../shared/findings';
import { arg } from '../../safety/command-line';
import { compact } from '../../remedies/build';
import { tryPhraseRemedy as tryRemedy } from '../../remedies/phrase-remedy';

const AD_TOOLS = 'a domain-joined Windows machine with the AD DS tools (as a Domain Admin for /syncall)';

export function repadminReplSummary(): Remedy | undefined {
  return tryRemedy({
    phrase: 'fp.2.fix.replsummary',
    runOn: AD_TOOLS,
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
    runOn: AD_TOOLS,
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
    runOn: source ? AD_TOOLS : 'the DC that holds the changes',
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
