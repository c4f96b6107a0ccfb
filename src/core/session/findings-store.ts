/**
 * What the findings view, the tree health and the status bar show: the findings of the latest
 * diagnosis runs and terminal tool runs, each kept as one entry. A newer entry that covers the same
 * servers and steps replaces the older ones, so re-running `setspn -L EX01` or a diagnosis of EX01
 * does not leave stale findings behind. Pure (no `vscode`): unit-tested in test/unit/core/session/.
 */
import { worstSeverity, type Finding, type Severity, type Step } from '../../shared/findings';
import { healthByServer, sortFindings, type HealthSummary } from './server-health';

export interface FindingsEntry {
  /** `diagnosis:server:EX01`, `setspn-L:EX01`... */
  key: string;
  /** A diagnosis replaces every older entry it covers; a tool run replaces only its own key. */
  kind: 'diagnosis' | 'tool';
  /** What produced it, for the view and the log: `Diagnosis of EX01`, `setspn -L EX01`. */
  label: string;
  /** Upper-cased server names the entry is about (empty: not about a particular server). */
  servers: string[];
  steps: Step[];
  /** True for a diagnosis of the whole organisation: it covers every server. */
  organisation: boolean;
  findings: Finding[];
  at: string;
}

function covers(newer: FindingsEntry, older: FindingsEntry): boolean {
  if (newer.key === older.key) return true;
  if (newer.kind !== 'diagnosis') return false;
  const stepsCovered = older.steps.every((s) => newer.steps.includes(s));
  if (!stepsCovered) return false;
  if (newer.organisation) return true;
  return older.servers.length > 0 && older.servers.every((s) => newer.servers.includes(s));
}

export class FindingsStore {
  private entries: FindingsEntry[] = [];
  private readonly listeners = new Set<() => void>();

  onDidChange(listener: () => void): { dispose(): void } {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }

  private fire(): void {
    for (const l of this.listeners) l();
  }

  add(entry: FindingsEntry): void {
    const normalised = { ...entry, servers: entry.servers.map((s) => s.toUpperCase()) };
    this.entries = [...this.entries.filter((e) => !covers(normalised, e)), normalised];
    this.fire();
  }

  clear(): void {
    this.entries = [];
    this.fire();
  }

  get all(): readonly FindingsEntry[] {
    return this.entries;
  }

  /** Every finding, worst first. */
  findings(): Finding[] {
    return sortFindings(this.entries.flatMap((e) => e.findings));
  }

  byStep(): Map<Step, Finding[]> {
    const out = new Map<Step, Finding[]>();
    for (const f of this.findings()) out.set(f.step, [...(out.get(f.step) ?? []), f]);
    return new Map([...out.entries()].sort(([a], [b]) => a - b));
  }

  overall(): Severity | undefined {
    const all = this.findings();
    return all.length ? worstSeverity(all.map((f) => f.severity)) : undefined;
  }

  /** Tree health of each server the stored entries are about. */
  health(): Map<string, HealthSummary> {
    const out = new Map<string, HealthSummary>();
    const servers = new Set(this.entries.flatMap((e) => e.servers));
    const findings = this.entries.flatMap((e) => e.findings);
    for (const name of servers) {
      const own = this.entries.filter((e) => e.organisation || e.servers.includes(name)).flatMap((e) => e.findings);
      const h = healthByServer(own, [name]).get(name) ?? healthByServer(findings, [name]).get(name);
      if (h) out.set(name, h);
    }
    return out;
  }
}
