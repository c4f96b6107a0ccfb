/**
 * The forest-wide duplicate scan over every SPN (setspn -X), run when settings.allSpnDuplicates
 * asks for it. One finding for the organisation: `ok` with the counts, or `error` with a table of
 * each duplicated SPN and the accounts that hold it.
 */
import type { CheckContext } from '../../engine/check';
import { scanAllDuplicateSpns } from './duplicates';
import { compact, setspnDuplicates, setspnQuery } from './spn-remedies';
import { describeError, labelledEvidence, isCancellation, type ForestSession } from './spn-context';
import { text } from '../../l10n/render';
import { reasonOf, tableOf, nameOr } from '../../l10n/worded-parts';
import { windowsSetspnDuplicates } from './spn-windows';
import { makeFinding } from '../../findings/define';
import { spnFindings } from './finding-codes';

/** More groups than this are counted but not each given a setspn -Q line. */
const MAX_QUERY_REMEDIES = 10;

export async function runForestDuplicateScan(
  ctx: CheckContext,
  forest: ForestSession,
  pageSize: number,
): Promise<void> {
  const subject = {
    kind: 'organisation' as const,
    ...nameOr(ctx.discovery.organisation?.name, 'fp.common.organisation'),
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
    const counts = labelledEvidence(
      ctx,
      { key: 'fp.3.label.scanned' },
      `${result.spns} SPNs on ${result.objects} objects in ${seconds} s`,
      forest.label,
    );
    const ev = [counts];
    if (forest.fallbackReason)
      ev.push(labelledEvidence(ctx, { key: 'fp.3.label.scope' }, forest.fallbackReason, forest.label));
    if (result.rangedObjects.length) {
      ev.push(
        labelledEvidence(
          ctx,
          { key: 'fp.3.label.incomplete' },
          `${result.rangedObjects.length} object(s) hold more SPNs than one read returns; only the first range was compared: ${result.rangedObjects.slice(0, 5).join('; ')}`,
          forest.label,
        ),
      );
    }
    const windows = await windowsSetspnDuplicates(ctx);
    if (windows) ev.push(windows);
    if (result.groups.length === 0) {
      ctx.emit(
        makeFinding(spnFindings, 'spn.forest-no-duplicates', {
          severity: 'ok',
          subject,
          params: { count: result.spns },
          evidence: ev,
          remedies: [setspnDuplicates()],
        }),
      );
      return;
    }
    ctx.emit(
      makeFinding(spnFindings, 'spn.forest-duplicates', {
        severity: 'error',
        subject,
        params: { count: result.groups.length },
        evidence: ev,
        tables: [
          tableOf({
            caption: text('fp.3.forest.caption'),
            columns: [text('fp.3.forest.spn'), text('fp.3.forest.accounts')],
            rows: result.groups.map((g) => [
              g.spn,
              g.holders.map((h) => (h.samAccountName ? `${h.samAccountName} (${h.dn})` : h.dn)).join('; '),
            ]),
          }),
        ],
        remedies: [
          setspnDuplicates(),
          ...compact(result.groups.slice(0, MAX_QUERY_REMEDIES).map((g) => setspnQuery(g.spn))),
        ],
      }),
    );
  } catch (e) {
    if (isCancellation(e)) throw e;
    ctx.emit(
      makeFinding(spnFindings, 'spn.forest-scan-failed', {
        severity: 'unknown',
        subject,
        evidence: [labelledEvidence(ctx, { key: 'fp.3.label.error' }, describeError(e), forest.label)],
        remedies: [setspnDuplicates()],
        ...reasonOf('fp.1.printed', { message: describeError(e) }),
      }),
    );
  }
}
