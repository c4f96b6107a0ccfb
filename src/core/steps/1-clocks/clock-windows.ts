/**
 * Step 1 on Windows: `w32tm /stripchart /computer:<dc> /samples:3 /dataonly` measures each DC's
 * offset with NTP, independently of the LDAP and Kerberos readings. Used when the machine has
 * w32tm and the settings allow Windows tools; its output is parsed as text (never exit codes).
 */
import type { CheckContext } from '../../engine/check';
import type { DomainController } from '../../directory/model';
import { parseW32tmStripchart } from './w32tm-stripchart';
import { arg, commandArgv } from '../../safety/command-line';
import { stripchartOutcome } from './clock-offset-findings';
import { dcHost, type SourceOutcome } from './clock-sources';
import { describeError, isCancellation } from '../3-spns/spn-context';
import { reasonOf } from '../../l10n/worded-parts';

export async function windowsTimeToolAvailable(ctx: CheckContext): Promise<boolean> {
  if (ctx.io.platform !== 'win32' || ctx.settings.windowsTools === 'never') return false;
  return ctx.io.process.has('w32tm');
}

export async function readStripchart(ctx: CheckContext, dc: DomainController): Promise<SourceOutcome> {
  const host = dcHost(dc);
  const target = host.fqdn ?? host.name;
  const source = `w32tm /stripchart /computer:${target} /samples:3 /dataonly`;
  try {
    const argv = commandArgv('w32tm', [
      arg.switch('/stripchart'),
      arg.joined('/computer:', target, 'host'),
      arg.switch('/samples:3'),
      arg.switch('/dataonly'),
    ]);
    const result = await ctx.io.process.run('w32tm', argv, {
      timeoutMs: ctx.settings.probeTimeoutMs + 6000,
      signal: ctx.signal,
    });
    const localMs = ctx.io.clock.now();
    const parsed = parseW32tmStripchart(result.stdout || result.stderr);
    if (!parsed.recognised)
      return { failure: { host, source, ...reasonOf('fp.1.reason.w32tm-unrecognised', { message: parsed.reason }) } };
    return stripchartOutcome(host, parsed.value, source, localMs);
  } catch (e) {
    if (isCancellation(e)) throw e;
    return { failure: { host, source, reason: describeError(e) } };
  }
}
