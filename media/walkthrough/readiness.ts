/**
 * The "Kerberos readiness" table of the pair being diagnosed (issue 12), in step 3 and in the
 * summary: SPN holder, key version on each DC, ticket, encryption types, account, KDC in the site,
 * clock, each with the worst status found, the first failing row marked. Built from the findings
 * the panel already holds (worded in the panel's language) with the same builder as the CLI
 * (src/shared/kerberos-readiness.ts); our own details are worded from the bundle by their key.
 */
import type { Finding } from '../../src/shared/findings';
import { buildKerberosReadiness, type ReadinessAspect, type ReadinessRow } from '../../src/shared/kerberos-readiness';
import type { WalkthroughState } from '../../src/shared/walkthrough-protocol';
import { k, STATUS_LABEL } from './content';
import { h, replaceChildren, t, table } from './dom';

const ROW_LABEL: Readonly<Record<ReadinessAspect, string>> = {
  'spn-holder': k('SPN holder'),
  'key-versions': k('Key version on each DC'),
  ticket: k('Service ticket'),
  'encryption-types': k('Encryption types'),
  account: k('Computer account'),
  kdc: k('KDC in the site'),
  clock: k('Clock'),
};

/** Our own details (no problem found, why a row was not checked) by their catalogue key; a finding's title is already worded. */
const DETAIL: Readonly<Record<string, string>> = {
  'fp.readiness.no-problem': k('no problem found'),
  'fp.readiness.step-not-run': k('step {0} did not run'),
  'fp.readiness.account-not-read': k('the account was not read from the DCs'),
  'fp.readiness.no-ticket': k('no ticket was requested (Windows logon or no Kerberos tools here)'),
  'fp.readiness.no-site': k('step 4 did not run, or the servers have no site'),
};

function detailText(row: ReadinessRow): string {
  const key = row.detailText ? DETAIL[row.detailText.key] : undefined;
  const step = row.detailText?.params?.['step'];
  return key ? t(key, typeof step === 'number' || typeof step === 'string' ? step : '') : row.detail;
}

function statusText(row: ReadinessRow): string {
  return t(STATUS_LABEL[row.status === 'not-checked' ? 'idle' : row.status]);
}

interface Place {
  id: string;
  anchor: string;
  where: 'before' | 'after';
}

/** Where the table goes: before step 3's findings, and after the summary's likely causes. */
const PLACES: readonly Place[] = [
  { id: 'readiness-3', anchor: 'findings-3-title', where: 'before' },
  { id: 'readiness-summary', anchor: 'causes', where: 'after' },
];

function container(place: Place): HTMLElement | undefined {
  const existing = document.getElementById(place.id);
  if (existing) return existing;
  const anchor = document.getElementById(place.anchor);
  if (!anchor) return undefined;
  const div = h('div', { id: place.id, class: 'readiness' });
  if (place.where === 'before') anchor.before(div);
  else anchor.after(div);
  return div;
}

export function updateReadiness(s: WalkthroughState): void {
  const scope = s.scope;
  const findings: Finding[] = s.steps.flatMap((x) => x.findings);
  const show = scope?.kind === 'pair' && findings.length > 0;
  for (const place of PLACES) {
    const el = container(place);
    if (!el) continue;
    if (!show || scope.kind !== 'pair') {
      replaceChildren(el);
      continue;
    }
    const r = buildKerberosReadiness(findings, scope.sending, scope.receiving);
    const first = r.firstFailing !== undefined ? r.rows[r.firstFailing] : undefined;
    replaceChildren(
      el,
      table(
        [t('Step'), t('Check'), t('Status'), t('Finding')],
        r.rows.map((row) => [String(row.step), t(ROW_LABEL[row.aspect]), statusText(row), detailText(row)]),
        t('Kerberos readiness: {0} sends to {1}', r.sending, r.receiving),
        { rowClass: (_row, i) => (i === r.firstFailing ? 'first-failing' : `readiness-${r.rows[i]?.status ?? ''}`) },
      ),
      h(
        'p',
        { class: 'readiness-start' },
        first ? t('Start here: {0}', t(ROW_LABEL[first.aspect])) : t('No row of the table fails.'),
      ),
    );
  }
}
