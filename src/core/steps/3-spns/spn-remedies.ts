/**
 * The setspn command lines step 3 offers. Every name goes through src/core/safety (validated,
 * quoted for PowerShell), so a hostile name in the directory cannot become a command; when a
 * name does not pass, the remedy is left out rather than shown half-built.
 */
import type { Remedy } from '../../../shared/findings';
import { arg, type CommandArg } from '../../safety/command-line';
import { RUN_ON } from '../../remedies/run-on';
import { makePhraseRemedy as makeRemedy, tryPhraseRemedy as tryRemedy } from '../../remedies/phrase-remedy';
import type { SpnHolder } from './duplicates';

export { compact } from '../../remedies/build';

/** Where the changing setspn lines run: they need a Domain Admin. */

/** How setspn names an account: a computer by its name without `$`, others by sAMAccountName or DN. */
export function accountArg(holder: Pick<SpnHolder, 'dn' | 'kind' | 'samAccountName'>): CommandArg {
  const sam = holder.samAccountName;
  if (holder.kind === 'computer' && sam) return arg.host(sam.replace(/\$$/, ''));
  if (sam) return arg.text(sam);
  return arg.dn(holder.dn);
}

export function setspnList(server: string): Remedy | undefined {
  return tryRemedy({
    phrase: 'fp.3.fix.list',
    params: { server },
    ...RUN_ON.anyWindows,
    shell: 'powershell',
    changesState: false,
    executable: 'setspn',
    args: [arg.switch('-L'), arg.host(server)],
  });
}

export function setspnAdd(spn: string, server: string): Remedy | undefined {
  return tryRemedy({
    phrase: 'fp.3.fix.add',
    params: { spn, server },
    ...RUN_ON.anyWindowsDomainAdmin,
    shell: 'powershell',
    changesState: true,
    executable: 'setspn',
    args: [arg.switch('-S'), arg.spn(spn), arg.host(server)],
  });
}

export function setspnDelete(
  spn: string,
  holder: Pick<SpnHolder, 'dn' | 'kind' | 'samAccountName'>,
): Remedy | undefined {
  const who = holder.samAccountName ?? holder.dn;
  return tryRemedy({
    phrase: 'fp.3.fix.delete',
    params: { spn, who },
    ...RUN_ON.anyWindowsDomainAdmin,
    shell: 'powershell',
    changesState: true,
    executable: 'setspn',
    args: [arg.switch('-D'), arg.spn(spn), accountArg(holder)],
  });
}

export function setspnQuery(spn: string): Remedy | undefined {
  return tryRemedy({
    phrase: 'fp.3.fix.query',
    params: { spn },
    ...RUN_ON.anyWindows,
    shell: 'powershell',
    changesState: false,
    executable: 'setspn',
    args: [arg.switch('-F'), arg.switch('-Q'), arg.spn(spn)],
  });
}

export function setspnDuplicates(): Remedy {
  return makeRemedy({
    phrase: 'fp.3.fix.duplicates',
    ...RUN_ON.anyWindows,
    shell: 'powershell',
    changesState: false,
    executable: 'setspn',
    args: [arg.switch('-F'), arg.switch('-X')],
  });
}
