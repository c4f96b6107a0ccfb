/**
 * The "Kerberos readiness" of one sending -> receiving pair: one row per thing Kerberos needs
 * (SPN holder, key version on each DC, ticket, encryption types, account, KDC, clock), each with
 * the worst severity the diagnosis found for it. Built from the findings alone (pure), here so the
 * CLI (--json and text) and the walkthrough webview make the same table. Which findings speak to
 * which row is decided by code; the rows about the receiving server's account look only at
 * findings about the receiving server, the KDC and clock rows at both servers.
 */
import { SEVERITY_ORDER, type Finding, type Severity, type Step } from './findings';
import type { LocalText } from './local-text';

export type ReadinessAspect =
  'spn-holder' | 'key-versions' | 'ticket' | 'encryption-types' | 'account' | 'kdc' | 'clock';

export interface ReadinessRow {
  aspect: ReadinessAspect;
  /** English label of the row: `SPN holder`, `Key version on each DC`... */
  label: string;
  /** The label's key in the core catalogue (`fp.readiness.<aspect>`), for a view in another language. */
  labelKey: string;
  step: Step;
  /** The worst finding's severity, or `not-checked` when no finding speaks to it (e.g. no ticket cache). */
  status: Severity | 'not-checked';
  /** The worst finding's title (or why the row was not checked). */
  detail: string;
  /**
   * When the detail is words of ours (no problem found, why the row was not checked): the same as a
   * catalogue phrase. A detail from a finding is its title: build the table from worded findings to
   * have it in another language.
   */
  detailText?: LocalText;
  /** Codes of the findings behind the row. */
  codes: string[];
}

export interface KerberosReadiness {
  sending: string;
  receiving: string;
  rows: ReadinessRow[];
  /** Index of the first row whose status is `error`: where to start. */
  firstFailing?: number;
}

interface RowSpec {
  aspect: ReadinessAspect;
  label: string;
  step: Step;
  /** Findings about which server(s) count. */
  about: 'receiving' | 'both';
  matches: (code: string) => boolean;
  /** Codes that say the row was looked at: found without a matching finding, the row is ok. */
  okFrom?: readonly string[];
  notChecked: string;
  /** `notChecked` as a catalogue phrase. */
  notCheckedText: LocalText;
}

/** The English texts of the catalogue phrases below (src/core/l10n/phrases/steps-4-6/en.ts holds the same). */
const stepNotRun = (step: Step): LocalText => ({ key: 'fp.readiness.step-not-run', params: { step } });
const ACCOUNT_NOT_READ: LocalText = { key: 'fp.readiness.account-not-read' };

const among =
  (...codes: string[]) =>
  (code: string): boolean =>
    codes.includes(code);

/** Codes that say the account was read from the DCs (whatever else they say). */
const READ = ['spn.keys-agree', 'spn.key-version-differs', 'spn.duplicate-dnshostname', 'spn.account-disabled'];

const ROWS: readonly RowSpec[] = [
  {
    aspect: 'spn-holder',
    label: 'SPN holder',
    step: 3,
    about: 'receiving',
    matches: among(
      'spn.registered',
      'spn.missing',
      'spn.duplicate',
      'spn.wrong-account',
      'spn.no-computer-account',
      'spn.fqdn-mismatch',
      'spn.duplicate-dnshostname',
    ),
    notChecked: 'step 3 did not run',
    notCheckedText: stepNotRun(3),
  },
  {
    aspect: 'key-versions',
    label: 'Key version on each DC',
    step: 3,
    about: 'receiving',
    matches: among('spn.keys-agree', 'spn.key-version-differs', 'spn.keys-unread'),
    notChecked: 'the account was not read from the DCs',
    notCheckedText: ACCOUNT_NOT_READ,
  },
  {
    aspect: 'ticket',
    label: 'Service ticket',
    step: 3,
    about: 'receiving',
    matches: among('spn.ticket-issued', 'spn.ticket-failed'),
    notChecked: 'no ticket was requested (Windows logon or no Kerberos tools here)',
    notCheckedText: { key: 'fp.readiness.no-ticket' },
  },
  {
    aspect: 'encryption-types',
    label: 'Encryption types',
    step: 3,
    about: 'receiving',
    matches: among(
      'spn.no-common-etype',
      'spn.no-common-etype-pair',
      'spn.rc4-only',
      'spn.enctypes-unset',
      'spn.des-only',
    ),
    okFrom: READ,
    notChecked: 'the account was not read from the DCs',
    notCheckedText: ACCOUNT_NOT_READ,
  },
  {
    aspect: 'account',
    label: 'Computer account',
    step: 3,
    about: 'receiving',
    matches: among('spn.account-disabled', 'spn.password-old', 'spn.logon-old'),
    okFrom: READ,
    notChecked: 'the account was not read from the DCs',
    notCheckedText: ACCOUNT_NOT_READ,
  },
  {
    aspect: 'kdc',
    label: 'KDC in the site',
    step: 4,
    about: 'both',
    matches: (c) => c.startsWith('port.kdc-site-') || c === 'port.kdc-tcp-blocked',
    notChecked: 'step 4 did not run, or the servers have no site',
    notCheckedText: { key: 'fp.readiness.no-site' },
  },
  {
    aspect: 'clock',
    label: 'Clock',
    step: 1,
    about: 'both',
    matches: (c) => c.startsWith('clock.'),
    notChecked: 'step 1 did not run',
    notCheckedText: stepNotRun(1),
  },
];

function worst(findings: readonly Finding[]): Finding | undefined {
  let w: Finding | undefined;
  for (const f of findings) if (!w || SEVERITY_ORDER[f.severity] > SEVERITY_ORDER[w.severity]) w = f;
  return w;
}

export function buildKerberosReadiness(
  findings: readonly Finding[],
  sending: string,
  receiving: string,
): KerberosReadiness {
  const is = (f: Finding, name: string): boolean => f.subject.name.toLowerCase() === name.toLowerCase();
  const rows = ROWS.map((spec): ReadinessRow => {
    const about = findings.filter(
      (f) => f.step === spec.step && (is(f, receiving) || (spec.about === 'both' && is(f, sending))),
    );
    const matched = about.filter((f) => spec.matches(f.code));
    const base = { aspect: spec.aspect, label: spec.label, labelKey: `fp.readiness.${spec.aspect}`, step: spec.step };
    const chosen = worst(matched);
    if (chosen)
      return {
        ...base,
        status: chosen.severity,
        detail: chosen.title,
        codes: [...new Set(matched.map((f) => f.code))],
      };
    const looked = about.find((f) => spec.okFrom?.includes(f.code));
    if (looked)
      return {
        ...base,
        status: 'ok',
        detail: 'no problem found',
        detailText: { key: 'fp.readiness.no-problem' },
        codes: [],
      };
    return { ...base, status: 'not-checked', detail: spec.notChecked, detailText: spec.notCheckedText, codes: [] };
  });
  const readiness: KerberosReadiness = { sending, receiving, rows };
  const first = rows.findIndex((r) => r.status === 'error');
  if (first >= 0) readiness.firstFailing = first;
  return readiness;
}
