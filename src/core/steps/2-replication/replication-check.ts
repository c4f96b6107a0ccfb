/**
 * Step 2: do the domain controllers agree about the Exchange objects? Every DC is asked for each
 * in-scope server's computer account and Exchange server object; a DC whose copy lacks what the
 * newest copy has is behind, and its finding says what it lacks. A DC that does not answer is
 * `unknown`. On Windows, `repadmin /replsummary` adds the replication status of every link.
 */
import { STEP_TITLES, type EvidenceTable, type Finding, type Subject } from '../../../shared/findings';
import type { Check, CheckContext } from '../../engine/check';
import type { DomainController } from '../../directory/model';
import { holdsNamingContext } from '../../directory/domain-controllers';
import { mapAtOnce } from '../../engine/limit';
import { repadminReplSummary, replicationRemedies } from './replication-remedies';
import { compact } from '../../remedies/build';
import { compareCopies, describeDifference, type DcComparison, type Difference } from './replication-compare';
import { expectedObjects, objectLabel, readDcCopies, type DcCopies } from './replication-read';
import type { LocalParam, LocalText } from '../../../shared/local-text';
import { text } from '../../l10n/render';
import { labelOf, listOrNone, reasonOf, tableOf } from '../../l10n/worded-parts';
import { repadminFindings } from './replication-windows';
import { describeError, evidence, isCancellation } from '../3-spns/spn-context';
import { makeFinding } from '../../findings/define';
import { replicationFindings } from './finding-codes';
import type { FindingCode } from '../finding-codes';

export const replicationCheck: Check = { id: 'replication', step: 2, title: STEP_TITLES[2], run: runReplicationCheck };

export function dcSubject(dc: DomainController): Subject {
  const subject: Subject = { kind: 'dc', name: dc.name };
  if (dc.fqdn) subject.id = dc.fqdn;
  return subject;
}

type ReadOutcome = { dc: DomainController; copies: DcCopies } | { dc: DomainController; error: string };

async function runReplicationCheck(ctx: CheckContext): Promise<void> {
  // Only the DCs of this domain hold the Exchange computer accounts: a DC of another domain of the
  // forest would only answer "no such object". DCs whose naming contexts are unknown stay in.
  const domainNc = ctx.discovery.rootDse.defaultNamingContext;
  const dcs = ctx.domainControllers.filter((dc) => holdsNamingContext(dc, domainNc));
  const skipped = ctx.domainControllers.filter((dc) => !dcs.includes(dc));
  if (skipped.length)
    ctx.log(`step 2: ${skipped.map((d) => d.name).join(', ')} hold no copy of ${domainNc}; not compared`);
  const windows = repadminFindings(ctx);
  if (dcs.length < 2) {
    for (const dc of dcs) ctx.emit(singleDcFinding(ctx, dc));
    for (const f of await windows) ctx.emit(f);
    return;
  }
  const outcomes = await mapAtOnce(dcs, ctx.signal, async (dc): Promise<ReadOutcome> => {
    try {
      return { dc, copies: await readDcCopies(ctx, dc, ctx.servers) };
    } catch (e) {
      if (isCancellation(e)) throw e;
      return { dc, error: describeError(e) };
    }
  });
  const answered = outcomes.flatMap((o) => ('copies' in o ? [o.copies] : []));
  const comparisons = compareCopies(answered, expectedObjects(ctx.servers));
  const ahead = pickSource(comparisons);
  for (const o of outcomes) {
    if ('error' in o) ctx.emit(unansweredFinding(ctx, o.dc, o.error));
    else if (answered.length < 2) ctx.emit(notComparedFinding(ctx, o.copies));
    else {
      const c = comparisons.find((x) => x.dc === o.dc);
      if (!c) continue;
      if (c.differences.some((d) => d.kind === 'behind')) ctx.emit(behindFinding(ctx, c, o.copies, ahead));
      else if (c.differences.length) ctx.emit(disagreeFinding(ctx, c, o.copies, ahead));
      else ctx.emit(agreeFinding(ctx, c, o.copies, answered.length));
    }
  }
  for (const f of await windows) ctx.emit(f);
}

/** The DC to push from: the one holding the most reference copies among those not behind. */
function pickSource(comparisons: readonly DcComparison[]): string | undefined {
  const upToDate = comparisons.filter((c) => c.differences.length === 0);
  return (
    [...upToDate].sort((a, b) => b.referenceFor.length - a.referenceFor.length)[0]?.dc.fqdn ?? upToDate[0]?.dc.name
  );
}

/** ` (and 2 more differences)` after the first difference, or nothing. */
function moreText(more: number): LocalParam {
  return more > 1 ? text('fp.2.more', { count: more }) : more === 1 ? text('fp.2.more-one') : '';
}

const BASIS_TEXT: Record<Difference['basis'], LocalText> = {
  metadata: text('fp.2.basis.metadata'),
  superset: text('fp.2.basis.superset'),
  missing: text('fp.2.basis.missing'),
  none: text('fp.2.basis.none'),
};

/** A cell: the values joined, or `(none)` in the view's language. */
function valuesCell(values: readonly string[]): string | LocalText {
  return values.join(', ') || text('fp.2.none');
}

function differencesTable(dc: DomainController, diffs: readonly Difference[]): EvidenceTable {
  const unknown = text('fp.2.unknown');
  return tableOf({
    caption: text('fp.2.diffs.caption', { dc: dc.name }),
    columns: [
      text('fp.2.diffs.object'),
      text('fp.2.diffs.attribute'),
      text('fp.2.diffs.compared'),
      text('fp.2.diffs.values-there'),
      text('fp.2.diffs.values-here', { dc: dc.name }),
      text('fp.2.diffs.when-here', { dc: dc.name }),
    ],
    rows: diffs.map((d) => [
      objectLabel(d.object),
      d.attribute ?? text('fp.2.diffs.whole-object'),
      text('fp.2.diffs.against', {
        dc: d.referenceDc,
        when: d.referenceWhenChanged ?? unknown,
        basis: BASIS_TEXT[d.basis],
      }),
      valuesCell(d.referenceValues),
      d.attribute ? valuesCell(d.values) : text('fp.2.diffs.object-missing'),
      d.whenChanged ?? (d.attribute ? unknown : ''),
    ]),
  });
}

/** `EX02$ servicePrincipalName on DC2` (or `... object on DC2`) as an evidence label. */
function differenceLabel(d: Difference, dc: string): { label: string; labelText: LocalText } {
  const object = objectLabel(d.object);
  return d.attribute
    ? labelOf('fp.2.label.attribute-on', { object, attribute: d.attribute, dc })
    : labelOf('fp.2.label.object-on', { object, dc });
}

function behindFinding(
  ctx: CheckContext,
  c: DcComparison,
  copies: DcCopies,
  ahead: string | undefined,
): Finding<FindingCode> {
  const behind = c.differences.filter((d) => d.kind === 'behind');
  const first = behind[0] as Difference;
  const more = c.differences.length - 1;
  const refs = [...new Set(behind.map((d) => d.referenceDc))].join(', ');
  return makeFinding(replicationFindings, first.attribute ? 'replication.behind' : 'replication.missing-object', {
    severity: 'error',
    subject: dcSubject(c.dc),
    params: { dc: c.dc.name, references: refs, difference: describeDifference(first), more: moreText(more) },
    evidence: c.differences.slice(0, 10).map((d) => ({
      ...evidence(ctx, '', d.attribute ? listOrNone(d.values) : text('fp.common.missing'), copies.url),
      ...differenceLabel(d, c.dc.name),
    })),
    tables: [differencesTable(c.dc, c.differences)],
    remedies: replicationRemedies(c.dc.fqdn ?? c.dc.name, ahead),
  });
}

/** Values differ, but neither replication metadata nor a superset says which DC is behind. */
function disagreeFinding(
  ctx: CheckContext,
  c: DcComparison,
  copies: DcCopies,
  ahead: string | undefined,
): Finding<FindingCode> {
  const first = c.differences[0] as Difference;
  const more = c.differences.length - 1;
  const others = [...new Set(c.differences.flatMap((d) => d.referenceDc.split(', ')))];
  return makeFinding(replicationFindings, 'replication.disagree', {
    severity: 'warning',
    subject: dcSubject(c.dc),
    params: { dc: c.dc.name, others: others.join(', '), difference: describeDifference(first), more: moreText(more) },
    evidence: c.differences.slice(0, 10).map((d) => ({
      ...evidence(ctx, '', listOrNone(d.values), copies.url),
      ...differenceLabel(d, c.dc.name),
    })),
    tables: [differencesTable(c.dc, c.differences)],
    remedies: replicationRemedies(c.dc.fqdn ?? c.dc.name, ahead),
  });
}

function agreeFinding(ctx: CheckContext, c: DcComparison, copies: DcCopies, answered: number): Finding<FindingCode> {
  return makeFinding(replicationFindings, 'replication.agree', {
    severity: 'ok',
    subject: dcSubject(c.dc),
    params: { dc: c.dc.name, count: copies.objects.size, others: answered - 1 },
    evidence: [...copies.objects.values()].slice(0, 20).map((o) => ({
      ...evidence(ctx, '', `${o.whenChanged ?? '?'} / ${o.uSNChanged ?? '?'}`, copies.url),
      ...labelOf('fp.2.label.stamps', { object: objectLabel(o.label) }),
    })),
  });
}

function unansweredFinding(ctx: CheckContext, dc: DomainController, reason: string): Finding<FindingCode> {
  return makeFinding(replicationFindings, 'replication.dc-unreachable', {
    severity: 'unknown',
    subject: dcSubject(dc),
    params: { dc: dc.name },
    evidence: [{ ...evidence(ctx, '', reason, dc.fqdn ?? dc.name), ...labelOf('fp.2.label.connection') }],
    remedies: compact([repadminReplSummary()]),
    ...reasonOf('fp.2.reason.no-answer', { dc: dc.fqdn ?? dc.name, message: reason }),
  });
}

function notComparedFinding(ctx: CheckContext, copies: DcCopies): Finding<FindingCode> {
  return makeFinding(replicationFindings, 'replication.not-compared', {
    severity: 'unknown',
    subject: dcSubject(copies.dc),
    params: { dc: copies.dc.name },
    evidence: [
      { ...evidence(ctx, '', String(copies.objects.size), copies.url), ...labelOf('fp.2.label.objects-read') },
    ],
    remedies: compact([repadminReplSummary()]),
    ...reasonOf('fp.2.reason.others-silent'),
  });
}

function singleDcFinding(ctx: CheckContext, dc: DomainController): Finding<FindingCode> {
  return makeFinding(replicationFindings, 'replication.single-dc', {
    severity: 'ok',
    subject: dcSubject(dc),
    params: { dc: dc.name },
    evidence: [
      {
        ...evidence(ctx, '', listOrNone(ctx.domainControllers.map((d) => d.name)), ctx.discovery.source),
        ...labelOf('fp.2.label.dcs-found'),
      },
    ],
  });
}
