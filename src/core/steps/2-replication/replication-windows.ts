/**
 * Step 2 on Windows: `repadmin /replsummary` gives every DC's inbound replication status (largest
 * delta, failed links, last error) — what the LDAP comparison cannot see, such as a link that
 * fails for a reason other than the Exchange objects. Parsed as text; absent tool, no findings.
 * Never rejects (it runs beside the comparison): failures become a log line.
 */
import type { Finding, Subject } from '../../../shared/findings';
import type { CheckContext } from '../../engine/check';
import { parseRepadminReplSummary, type ReplSummaryRow } from './repadmin';
import { repadminReplSummary, replicationRemedies } from './replication-remedies';
import { compact } from '../../remedies/build';
import { describeError, evidence } from '../3-spns/spn-context';

const SOURCE = 'repadmin /replsummary';

function dsaSubject(ctx: CheckContext, dsa: string): Subject {
  const dc = ctx.domainControllers.find(
    (d) => d.name.toLowerCase() === dsa.toLowerCase() || d.fqdn?.toLowerCase() === dsa.toLowerCase(),
  );
  const subject: Subject = { kind: 'dc', name: dc?.name ?? dsa.toUpperCase() };
  if (dc?.fqdn) subject.id = dc.fqdn;
  return subject;
}

function rowText(r: ReplSummaryRow): string {
  return `largest delta ${r.largestDeltaText}, ${r.fails}/${r.total} links failing${r.errorCode !== undefined ? `, last error (${r.errorCode}) ${r.errorText ?? ''}` : ''}`.trim();
}

export async function repadminFindings(ctx: CheckContext): Promise<Finding[]> {
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
    const findings: Finding[] = [];
    for (const r of parsed.value.destination) {
      if (r.fails === 0) continue;
      const subject = dsaSubject(ctx, r.dsa);
      findings.push({
        code: 'replication.repadmin-failures',
        step: 2,
        severity: 'error',
        subject,
        title: `${subject.name} fails to receive replication: ${r.fails} of ${r.total} inbound links failing`,
        explanation:
          'repadmin reports failed inbound replication on this DC; it is serving data that may be missing recent changes, including those to Exchange server accounts.',
        evidence: [evidence(ctx, `${r.dsa} as destination`, rowText(r), SOURCE)],
        remedies: replicationRemedies(subject.id ?? subject.name, undefined),
      });
    }
    for (const u of parsed.value.unreachable) {
      const subject = dsaSubject(ctx, u.dsa);
      findings.push({
        code: 'replication.repadmin-unreachable',
        step: 2,
        severity: 'unknown',
        subject,
        title: `repadmin could not query ${subject.name} (error ${u.code})`,
        explanation:
          'repadmin could not reach this DC to read its replication status, so it is a blind spot rather than a healthy DC.',
        evidence: [evidence(ctx, 'operational error', `${u.code} - ${u.dsa}`, SOURCE)],
        remedies: compact([repadminReplSummary()]),
        reason: `repadmin reported error ${u.code} for ${u.dsa}`,
      });
    }
    return findings;
  } catch (e) {
    ctx.log(`repadmin /replsummary could not be run: ${describeError(e)}`);
    return [];
  }
}
