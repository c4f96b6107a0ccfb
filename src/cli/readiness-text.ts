/**
 * The pair's "Kerberos readiness" table as text for `diagnose --pair A B`: one line per row
 * (step, what, status, the finding behind it), the first failing row marked with `>` so the
 * reader knows where to start. What servers said reaches the terminal only through the CLI's
 * output writer, which shows control characters as visible escapes (src/cli/output.ts).
 */
import type { KerberosReadiness } from '../shared/kerberos-readiness';

const STATUS: Readonly<Record<string, string>> = {
  ok: 'ok',
  warning: 'WARNING',
  error: 'ERROR',
  unknown: 'unknown',
  'not-checked': 'not checked',
};

export function formatReadiness(r: KerberosReadiness): string {
  const label = Math.max(...r.rows.map((x) => x.label.length));
  const lines = r.rows.map((row, i) => {
    const mark = i === r.firstFailing ? '>' : ' ';
    return `${mark} ${row.step}  ${row.label.padEnd(label)}  ${(STATUS[row.status] ?? row.status).padEnd(11)}  ${row.detail}`;
  });
  const where = r.firstFailing !== undefined ? `start at the row marked >` : 'no row failed';
  return [`Kerberos readiness, ${r.sending} -> ${r.receiving} (${where}):`, ...lines, ''].join('\n') + '\n';
}
