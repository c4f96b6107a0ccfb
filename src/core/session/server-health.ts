/**
 * From a run's findings to the state each server item of the tree shows. Pure (no `vscode`), so it
 * is unit-tested in test/unit/core/session/.
 *
 * A finding belongs to a server when its subject names it: `server` EX01, `connector` EX01\Default
 * EX01, `pair` EX01 -> EX02 (both ends). Findings about DCs, KDCs, accounts or this machine belong
 * to every server in the scope of the run, since a server's authentication depends on them.
 */
import { SEVERITY_ORDER, worstSeverity, type Finding, type Severity } from '../../shared/findings';

export interface HealthSummary {
  severity: Severity;
  /** Short text after the server's description: the worst finding's title, or counts. */
  summary: string;
  counts: Record<Severity, number>;
}

/** The upper-cased server names a finding's subject names. */
export function serversNamedBy(f: Finding): string[] {
  const { kind, name } = f.subject;
  if (kind === 'server') return [name.toUpperCase()];
  if (kind === 'connector') return [(name.split('\\')[0] ?? name).toUpperCase()];
  if (kind === 'pair')
    return name
      .split(/\s*->\s*/)
      .map((n) => n.trim().toUpperCase())
      .filter(Boolean);
  return [];
}

function summarise(findings: readonly Finding[]): HealthSummary {
  const counts: Record<Severity, number> = { error: 0, warning: 0, unknown: 0, ok: 0 };
  for (const f of findings) counts[f.severity]++;
  const severity = worstSeverity(findings.map((f) => f.severity));
  const worst = findings.filter((f) => f.severity === severity);
  let summary: string;
  if (severity === 'ok') summary = `${counts.ok} check(s) passed`;
  else if (worst.length === 1 && worst[0]) summary = worst[0].title;
  else
    summary = `${worst.length} ${severity === 'unknown' ? 'not checked' : severity === 'error' ? 'errors' : 'warnings'}`;
  return { severity, summary, counts };
}

/**
 * Health per server (keys upper-cased) for the servers in `scopeServers`; servers with no finding
 * at all are left out, so the tree keeps showing their previous state.
 */
export function healthByServer(
  findings: readonly Finding[],
  scopeServers: readonly string[],
): Map<string, HealthSummary> {
  const wanted = new Set(scopeServers.map((s) => s.toUpperCase()));
  const per = new Map<string, Finding[]>();
  for (const f of findings) {
    const named = serversNamedBy(f).filter((n) => wanted.has(n));
    const owners =
      f.subject.kind === 'server' || f.subject.kind === 'connector' || f.subject.kind === 'pair' ? named : [...wanted];
    for (const o of owners) per.set(o, [...(per.get(o) ?? []), f]);
  }
  const out = new Map<string, HealthSummary>();
  for (const [name, list] of per) out.set(name, summarise(list));
  return out;
}

/** Findings sorted worst first, then by step and subject: the order of the findings view and logs. */
export function sortFindings(findings: readonly Finding[]): Finding[] {
  return [...findings].sort(
    (a, b) =>
      SEVERITY_ORDER[b.severity] - SEVERITY_ORDER[a.severity] ||
      a.step - b.step ||
      a.subject.name.localeCompare(b.subject.name) ||
      a.code.localeCompare(b.code),
  );
}
