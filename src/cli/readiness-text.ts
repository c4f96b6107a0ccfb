/**
 * The pair's "Kerberos readiness" table as text for `diagnose --pair A B`: one line per row
 * (step, what, status, the finding behind it), the first failing row marked with `>` so the
 * reader knows where to start, in the language of `--lang` (row labels, statuses and our own
 * details from the core catalogue, the findings' titles worded from their codes). What servers said
 * reaches the terminal only through the CLI's output writer, which shows control characters as
 * visible escapes (src/cli/output.ts).
 */
import type { Finding } from '../shared/findings';
import { buildKerberosReadiness, type KerberosReadiness } from '../shared/kerberos-readiness';
import type { MessageKey } from '../core/l10n/en';
import { wordFinding } from '../core/l10n/finding-wording';
import { render, t, type Lang } from '../core/l10n/render';

/** The table built from the findings worded in `lang`, so a row's detail (a finding's title) is too. */
export function readinessIn(lang: Lang, findings: readonly Finding[], sending: string, receiving: string) {
  const worded = lang === 'en' ? findings : findings.map((f) => ({ ...f, title: wordFinding(lang, f).title }));
  return buildKerberosReadiness(worded, sending, receiving);
}

export function formatReadiness(r: KerberosReadiness, lang: Lang = 'en'): string {
  const labels = r.rows.map((x) => t(lang, x.labelKey as MessageKey));
  const statuses = r.rows.map((x) => t(lang, `fp.readiness.status.${x.status}`));
  const label = Math.max(...labels.map((x) => x.length));
  const status = Math.max(11, ...statuses.map((x) => x.length));
  const lines = r.rows.map((row, i) => {
    const mark = i === r.firstFailing ? '>' : ' ';
    const detail = row.detailText ? render(lang, row.detailText) : row.detail;
    return `${mark} ${row.step}  ${labels[i]!.padEnd(label)}  ${statuses[i]!.padEnd(status)}  ${detail}`;
  });
  const where = t(lang, r.firstFailing !== undefined ? 'fp.readiness.start-marked' : 'fp.readiness.none-failed');
  const title = t(lang, 'fp.readiness.title', { sending: r.sending, receiving: r.receiving, where });
  return [title, ...lines, ''].join('\n') + '\n';
}
