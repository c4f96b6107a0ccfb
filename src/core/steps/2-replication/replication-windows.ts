/**
 * Step 2 on Windows: `repadmin /replsummary` gives every DC's inbound replication status (largest
 * delta, failed links, last error) — what the LDAP comparison cannot see, such as a link that
 * fails for a reason other than the Exchange objects. Parsed as text; absent tool, no findings.
 * Never rejects (it runs beside the comparison): failures become a log line. Its findings are
 * made by ./replsummary-findings.ts, which reads a terminal's run the same way.
 */
import type { Finding, Subject } from '../../../shared/findings';
import type { CheckContext } from '../../engine/check';
import { parseRepadminReplSummary } from './repadmin';
import { replSummaryObservationFindings } from './replsummary-findings';
import { describeError, nowIso } from '../3-spns/spn-context';
import type { FindingCode } from '../finding-codes';

const SOURCE = 'repadmin /replsummary';

function dsaSubject(ctx: CheckContext, dsa: string): Subject {
  const dc = ctx.domainControllers.find(
    (d) => d.name.toLowerCase() === dsa.toLowerCase() || d.fqdn?.toLowerCase() === dsa.toLowerCase(),
  );
  const subject: Subject = { kind: 'dc', name: dc?.name ?? dsa.toUpperCase() };
  if (dc?.fqdn) subject.id = dc.fqdn;
  return subject;
}

export async function repadminFindings(ctx: CheckContext): Promise<Finding<FindingCode>[]> {
  try {
    if (ctx.io.platform !== 'win32' || ctx.settings.windowsTools === 'never' || !(await ctx.io.process.has('repadmin')))
      return [];
    const result = await ctx.io.process.run('repadmin', ['/replsummary'], {
      timeoutMs: Math.max(ctx.settings.probeTimeoutMs, 60_000),
      signal: ctx.signal,
    });
    const parsed = parseRepadminReplSummary(result.stdout || result.stderr);
    if (!parsed.recognised) {
      ctx.log(`repadmin /replsummary output was not recognised: ${parsed.reason}`);
      return [];
    }
    const observation = { result: parsed.value, source: SOURCE, observedAt: nowIso(ctx) };
    return replSummaryObservationFindings(observation, (dsa) => dsaSubject(ctx, dsa));
  } catch (e) {
    ctx.log(`repadmin /replsummary could not be run: ${describeError(e)}`);
    return [];
  }
}
