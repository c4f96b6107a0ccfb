/**
 * The JSON report: `{ meta, verdict, findings }`, every finding as the plain object the engine
 * emitted (at least code, step, severity, subject, title). Stable key order so diffs of two runs
 * read well.
 */
import type { Finding, Verdict } from '../../shared/findings';
import type { KerberosReadiness } from '../../shared/kerberos-readiness';
import { redactSecrets, type ReportMeta } from './meta';

export interface JsonReport {
  meta: ReportMeta;
  verdict: Verdict;
  findings: Finding[];
  /** For a pair: the Kerberos readiness table (./kerberos-readiness.ts). */
  kerberosReadiness?: KerberosReadiness;
}

export interface RenderOptions {
  /** Strings that must never appear in the output (the bind password); masked if they do. */
  secrets?: readonly string[];
  /** The pair's Kerberos readiness table, added to the report when given. */
  readiness?: KerberosReadiness;
}

export function buildJsonReport(
  findings: readonly Finding[],
  verdict: Verdict,
  meta: ReportMeta,
  readiness?: KerberosReadiness,
): JsonReport {
  const report: JsonReport = { meta, verdict, findings: findings.map(orderFinding) };
  if (readiness) report.kerberosReadiness = readiness;
  return report;
}

function orderFinding(f: Finding): Finding {
  const ordered: Finding = {
    code: f.code,
    step: f.step,
    severity: f.severity,
    subject: f.subject,
    title: f.title,
    explanation: f.explanation,
    evidence: f.evidence,
    remedies: f.remedies,
  };
  if (f.reason !== undefined) ordered.reason = f.reason;
  if (f.tables) ordered.tables = f.tables;
  return ordered;
}

export function renderJson(
  findings: readonly Finding[],
  verdict: Verdict,
  meta: ReportMeta,
  options: RenderOptions = {},
): string {
  return (
    redactSecrets(
      JSON.stringify(buildJsonReport(findings, verdict, meta, options.readiness), null, 2),
      options.secrets,
    ) + '\n'
  );
}
