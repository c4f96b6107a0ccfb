/**
 * Shared by the remedy builders: a remedy whose names fail validation is left out (with the
 * reason available to the caller) rather than shown half-built, and host names are checked once
 * before they go into a hand-assembled PowerShell script.
 */
import type { Remedy } from '../../shared/findings';
import { CommandLineError, makeRemedy, type RemedySpec } from '../safety/command-line';
import { quoteForPowerShell } from '../safety/quote';
import { validateHostName } from '../safety/validation';

/** What `build` makes, or undefined when a name in it does not pass validation (CommandLineError). */
export function whenValid<T>(build: () => T): T | undefined {
  try {
    return build();
  } catch (e) {
    if (e instanceof CommandLineError) return undefined;
    throw e;
  }
}

/** makeRemedy, or undefined when a name in it does not pass validation. */
export function tryRemedy(spec: RemedySpec): Remedy | undefined {
  return whenValid(() => makeRemedy(spec));
}

export function compact(remedies: readonly (Remedy | undefined)[]): Remedy[] {
  return remedies.filter((r): r is Remedy => r !== undefined);
}

/** A validated host name as a single-quoted PowerShell string; throws CommandLineError otherwise. */
export function psHost(host: string): string {
  const valid = validateHostName(host);
  if (!valid.ok) throw new CommandLineError(`"${host.slice(0, 60)}": ${valid.reason}`, 0);
  return quoteForPowerShell(valid.value.name);
}

/** `'a','b'`: a PowerShell array of validated host names. */
export function psHostList(hosts: readonly string[]): string {
  return hosts.map(psHost).join(',');
}
