/**
 * The "Kerberos readiness" of one sending -> receiving pair: one row per thing Kerberos needs
 * (SPN holder, key version on each DC, ticket, encryption types, account, KDC, clock), each with
 * the worst severity the diagnosis found for it. Plain data for the CLI, --json and the webview.
 */
import type { Severity, Step } from './findings';

export type ReadinessAspect =
  'spn-holder' | 'key-versions' | 'ticket' | 'encryption-types' | 'account' | 'kdc' | 'clock';

export interface ReadinessRow {
  aspect: ReadinessAspect;
  /** English label of the row: `SPN holder`, `Key version on each DC`... */
  label: string;
  step: Step;
  /** The worst finding's severity, or `not-checked` when no finding speaks to it (e.g. no ticket cache). */
  status: Severity | 'not-checked';
  /** The worst finding's title (or why the row was not checked). */
  detail: string;
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
