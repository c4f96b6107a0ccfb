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
import { text } from '../../l10n/render';
import { listOrNone } from '../../l10n/worded-parts';

/** Where setspn ran, in the view's language. */
const HERE = () => text('fp.3.source.setspn-here');

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
        text('fp.3.value.not-understood', { message: parsed.reason }),
        HERE(),
      );
    const v = parsed.value;
    const value =
      v.kind === 'list'
        ? text('fp.3.value.account-spns', { account: v.accountDn, spns: listOrNone(v.spns) })
        : text('fp.3.value.error', { message: v.error.message });
    return evidence(ctx, `setspn -L ${server.name}`, value, HERE());
  } catch (e) {
    if (isCancellation(e)) throw e;
    return evidence(
      ctx,
      `setspn -L ${server.name}`,
      text('fp.3.value.could-not-run', { message: describeError(e) }),
      HERE(),
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
      return evidence(ctx, 'setspn -F -X', text('fp.3.value.not-understood', { message: parsed.reason }), HERE());
    const v = parsed.value;
    const groups = v.groups.map((g) => `${g.spn}: ${g.accountDns.join(' | ')}`).join('; ');
    const what = text(v.complete ? 'fp.3.value.groups' : 'fp.3.value.groups-incomplete', { count: v.groups.length });
    return evidence(ctx, 'setspn -F -X', groups ? text('fp.3.value.with-list', { what, list: groups }) : what, HERE());
  } catch (e) {
    if (isCancellation(e)) throw e;
    return evidence(ctx, 'setspn -F -X', text('fp.3.value.could-not-run', { message: describeError(e) }), HERE());
  }
}
