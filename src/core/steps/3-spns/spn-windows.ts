/**
 * On a Windows workstation with setspn.exe, its own view is added as evidence next to what LDAP
 * returned: `setspn -L <server>` per server, `setspn -F -X` with the forest scan. The directory
 * answer decides the finding; setspn's output is there so an admin sees the tool they know.
 */
import type { Evidence } from '../../../shared/findings';
import type { CheckContext } from '../../engine/check';
import type { ExchangeServer } from '../../directory/model';
import { arg, commandArgv } from '../../safety/command-line';
import { parseSetspnDuplicates, parseSetspnList } from './setspn';
import { describeError, evidence, isCancellation } from './spn-context';

async function setspnAvailable(ctx: CheckContext): Promise<boolean> {
  if (ctx.io.platform !== 'win32' || ctx.settings.windowsTools === 'never') return false;
  return ctx.io.process.has('setspn');
}

export async function windowsSetspnList(ctx: CheckContext, server: ExchangeServer): Promise<Evidence | undefined> {
  if (!(await setspnAvailable(ctx))) return undefined;
  try {
    const argv = commandArgv('setspn', [arg.switch('-L'), arg.host(server.name)]);
    const r = await ctx.io.process.run('setspn', argv, { timeoutMs: ctx.settings.probeTimeoutMs, signal: ctx.signal });
    const parsed = parseSetspnList(r.stdout + r.stderr);
    if (!parsed.recognised)
      return evidence(
        ctx,
        `setspn -L ${server.name}`,
        `output not understood: ${parsed.reason}`,
        'setspn.exe on this machine',
      );
    const v = parsed.value;
    const text = v.kind === 'list' ? `${v.accountDn}: ${v.spns.join(', ') || '(none)'}` : `error: ${v.error.message}`;
    return evidence(ctx, `setspn -L ${server.name}`, text, 'setspn.exe on this machine');
  } catch (e) {
    if (isCancellation(e)) throw e;
    return evidence(
      ctx,
      `setspn -L ${server.name}`,
      `could not run: ${describeError(e)}`,
      'setspn.exe on this machine',
    );
  }
}

/** setspn -F -X can take minutes on a large forest, so it gets ten probe timeouts. */
export async function windowsSetspnDuplicates(ctx: CheckContext): Promise<Evidence | undefined> {
  if (!(await setspnAvailable(ctx))) return undefined;
  try {
    const r = await ctx.io.process.run('setspn', ['-F', '-X'], {
      timeoutMs: ctx.settings.probeTimeoutMs * 10,
      signal: ctx.signal,
    });
    const parsed = parseSetspnDuplicates(r.stdout + r.stderr);
    if (!parsed.recognised)
      return evidence(ctx, 'setspn -F -X', `output not understood: ${parsed.reason}`, 'setspn.exe on this machine');
    const v = parsed.value;
    const groups = v.groups.map((g) => `${g.spn}: ${g.accountDns.join(' | ')}`).join('; ');
    const text = `${v.groups.length} group(s) of duplicate SPNs${v.complete ? '' : ' (output incomplete)'}${groups ? `: ${groups}` : ''}`;
    return evidence(ctx, 'setspn -F -X', text, 'setspn.exe on this machine');
  } catch (e) {
    if (isCancellation(e)) throw e;
    return evidence(ctx, 'setspn -F -X', `could not run: ${describeError(e)}`, 'setspn.exe on this machine');
  }
}
