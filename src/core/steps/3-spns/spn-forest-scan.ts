/**
 * The forest-wide duplicate scan over every SPN (setspn -X), run when settings.allSpnDuplicates
 * asks for it. One finding for the organisation: `ok` with the counts, or `error` with a table of
 * each duplicated SPN and the accounts that hold it.
 */
import type { CheckContext } from '../../engine/check';
import { scanAllDuplicateSpns } from './duplicates';
import { compact, setspnDuplicates, setspnQuery } from './spn-remedies';
import { describeError, evidence, isCancellation, type ForestSession } from './spn-context';
import { windowsSetspnDuplicates } from './spn-windows';

/** More groups than this are counted but not each given a setspn -Q line. */
const MAX_QUERY_REMEDIES = 10;

export async function runForestDuplicateScan(
  ctx: CheckContext,
  forest: ForestSession,
  pageSize: number,
): Promise<void> {
  const subject = {
    kind: 'organisation' as const,
    name: ctx.discovery.organisation?.name ?? 'organisation',
    id: forest.base || 'forest',
  };
  const started = ctx.io.clock.monotonic();
  try {
    const result = await scanAllDuplicateSpns(forest.session, {
      base: forest.base,
      pageSize,
      timeoutMs: ctx.settings.probeTimeoutMs,
      signal: ctx.signal,
      onProgress: (p) => ctx.log(`SPN scan: ${p.objects} objects, ${p.spns} SPNs read`),
    });
    const seconds = ((ctx.io.clock.monotonic() - started) / 1000).toFixed(1);
    const counts = evidence(
      ctx,
      'scanned',
      `${result.spns} SPNs on ${result.objects} objects in ${seconds} s`,
      forest.label,
    );
    const ev = [counts];
    if (forest.fallbackReason) ev.push(evidence(ctx, 'scope', forest.fallbackReason, forest.label));
    if (result.rangedObjects.length) {
      ev.push(
        evidence(
          ctx,
          'incomplete',
          `${result.rangedObjects.length} object(s) hold more SPNs than one read returns; only the first range was compared: ${result.rangedObjects.slice(0, 5).join('; ')}`,
          forest.label,
        ),
      );
    }
    const windows = await windowsSetspnDuplicates(ctx);
    if (windows) ev.push(windows);
    if (result.groups.length === 0) {
      ctx.emit({
        code: 'spn.forest-no-duplicates',
        step: 3,
        severity: 'ok',
        subject,
        title: `No SPN is registered twice (${result.spns} SPNs checked)`,
        explanation:
          'Every SPN in the searched directory is held by exactly one account, as setspn -X would confirm with "found 0 group of duplicate SPNs".',
        evidence: ev,
        remedies: [setspnDuplicates()],
      });
      return;
    }
    ctx.emit({
      code: 'spn.forest-duplicates',
      step: 3,
      severity: 'error',
      subject,
      title: `${result.groups.length} SPN(s) are registered on more than one account`,
      explanation:
        'When an SPN is held by two accounts the KDC cannot tell which key to use, and services behind that SPN fail Kerberos authentication. Keep each SPN on the account the service runs as and remove it from the others.',
      evidence: ev,
      tables: [
        {
          caption: 'Duplicate SPNs',
          columns: ['SPN', 'Accounts'],
          rows: result.groups.map((g) => [
            g.spn,
            g.holders.map((h) => (h.samAccountName ? `${h.samAccountName} (${h.dn})` : h.dn)).join('; '),
          ]),
        },
      ],
      remedies: [
        setspnDuplicates(),
        ...compact(result.groups.slice(0, MAX_QUERY_REMEDIES).map((g) => setspnQuery(g.spn))),
      ],
    });
  } catch (e) {
    if (isCancellation(e)) throw e;
    ctx.emit({
      code: 'spn.forest-scan-failed',
      step: 3,
      severity: 'unknown',
      subject,
      title: 'The forest-wide duplicate SPN scan did not finish',
      explanation: 'Duplicates among all SPNs could not be ruled out.',
      evidence: [evidence(ctx, 'error', describeError(e), forest.label)],
      remedies: [setspnDuplicates()],
      reason: describeError(e),
    });
  }
}
