/**
 * Step 1 remedies: look at and resynchronise the Windows Time service. A member server or a DC
 * that is not the PDC emulator follows the domain hierarchy; the PDC emulator of the forest root
 * follows an outside source, which is the one line here that needs a value from the admin.
 */
import type { Remedy } from '../../../shared/findings';
import { arg } from '../../safety/command-line';
import { compact } from '../../remedies/build';
import { RUN_ON } from '../../remedies/run-on';
import { tryPhraseRemedy as tryRemedy } from '../../remedies/phrase-remedy';

/** The placeholder the PDC emulator line uses; the summary tells the admin to put theirs in. */
export const DEFAULT_TIME_SOURCE = 'pool.ntp.org';

export function w32tmStatus(server: string): Remedy | undefined {
  return tryRemedy({
    phrase: 'fp.1.fix.status',
    params: { server },
    runOn: server,
    shell: 'powershell',
    changesState: false,
    executable: 'w32tm',
    args: [arg.switch('/query'), arg.switch('/status')],
  });
}

export function w32tmSource(server: string): Remedy | undefined {
  return tryRemedy({
    phrase: 'fp.1.fix.source',
    params: { server },
    runOn: server,
    shell: 'powershell',
    changesState: false,
    executable: 'w32tm',
    args: [arg.switch('/query'), arg.switch('/source')],
  });
}

export function w32tmResync(server: string): Remedy | undefined {
  return tryRemedy({
    phrase: 'fp.1.fix.resync',
    params: { server },
    runOn: server,
    shell: 'powershell',
    changesState: true,
    executable: 'w32tm',
    args: [arg.switch('/resync'), arg.switch('/rediscover')],
  });
}

/** A DC that is not the PDC emulator (and any member server) should follow the domain hierarchy. */
export function w32tmFollowDomain(server: string): Remedy | undefined {
  return tryRemedy({
    phrase: 'fp.1.fix.follow-domain',
    params: { server },
    runOn: server,
    shell: 'powershell',
    changesState: true,
    executable: 'w32tm',
    args: [arg.switch('/config'), arg.switch('/syncfromflags:domhier'), arg.switch('/update')],
  });
}

/** The PDC emulator of the forest root domain is the one DC that follows an outside source. */
export function w32tmPdcSource(pdc: string, source = DEFAULT_TIME_SOURCE): Remedy | undefined {
  return tryRemedy({
    phrase: 'fp.1.fix.pdc-source',
    params: { pdc, source },
    runOn: pdc,
    shell: 'powershell',
    changesState: true,
    executable: 'w32tm',
    args: [
      arg.switch('/config'),
      arg.joined('/manualpeerlist:', `${source},0x8`, 'text'),
      arg.switch('/syncfromflags:manual'),
      arg.switch('/reliable:yes'),
      arg.switch('/update'),
    ],
  });
}

/** What this machine compared remotely, when w32tm exists here. */
export function w32tmStripchart(target: string): Remedy | undefined {
  return tryRemedy({
    phrase: 'fp.1.fix.stripchart',
    params: { target },
    ...RUN_ON.anyWindows,
    shell: 'powershell',
    changesState: false,
    executable: 'w32tm',
    args: [
      arg.switch('/stripchart'),
      arg.joined('/computer:', target, 'host'),
      arg.switch('/samples:3'),
      arg.switch('/dataonly'),
    ],
  });
}

export interface TimeRemedyOptions {
  /** The DC holding the PDC emulator role, when known. */
  pdcEmulator?: string;
  /** True for a DC: it should follow the domain hierarchy unless it is the PDC emulator. */
  isDc?: boolean;
}

/** The remedies for a host whose clock is off: look first, then resync; the PDC gets its source line. */
export function clockRemedies(host: string, options: TimeRemedyOptions = {}): Remedy[] {
  const isPdc = options.pdcEmulator !== undefined && options.pdcEmulator.toLowerCase() === host.toLowerCase();
  return compact([
    w32tmStatus(host),
    w32tmSource(host),
    isPdc ? w32tmPdcSource(host) : options.isDc ? w32tmFollowDomain(host) : undefined,
    w32tmResync(host),
  ]);
}
