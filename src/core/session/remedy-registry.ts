/**
 * The remedies this extension itself produced in this session (diagnosis runs and tool runs),
 * so a request to run one can be checked against them. A caller (the Findings view's context
 * menu, another extension through `executeCommand`, the API) hands in a remedy; only its identity
 * is taken from it: the command line, where it runs and its shell. What runs, and whether it asks
 * first (changesState), always comes from the stored remedy; an unknown remedy is refused.
 * Pure (no `vscode`): unit-tested in test/unit/core/session/.
 */
import type { Finding, Remedy } from '../../shared/findings';

export interface KnownRemedy {
  remedy: Remedy;
  /** The finding it belongs to: its step and subject file the outcome of the run. */
  finding: Finding;
}

/** Enough remedies for every finding of many runs; the oldest are forgotten first. */
const DEFAULT_LIMIT = 5000;

/** Identity of a remedy: command line, where it runs, shell. Undefined when `candidate` is not remedy-shaped. */
export function remedyIdentity(candidate: unknown): string | undefined {
  const r = candidate as Partial<Remedy> | null | undefined;
  if (!r || typeof r !== 'object') return undefined;
  if (typeof r.command !== 'string' || typeof r.runOn !== 'string' || typeof r.shell !== 'string') return undefined;
  return JSON.stringify([r.command, r.runOn, r.shell]);
}

export class RemedyRegistry {
  private readonly known = new Map<string, KnownRemedy>();

  constructor(private readonly limit = DEFAULT_LIMIT) {}

  /** Records the remedies of `findings` (a later record of the same identity wins). */
  remember(findings: readonly Finding[]): void {
    for (const finding of findings) {
      for (const remedy of finding.remedies) {
        const id = remedyIdentity(remedy);
        if (id === undefined) continue;
        this.known.delete(id);
        this.known.set(id, { remedy, finding });
      }
    }
    while (this.known.size > this.limit) {
      const oldest = this.known.keys().next().value;
      if (oldest === undefined) break;
      this.known.delete(oldest);
    }
  }

  /** The stored remedy with the identity of `candidate`, or undefined (refuse to run it). */
  lookup(candidate: unknown): KnownRemedy | undefined {
    const id = remedyIdentity(candidate);
    return id === undefined ? undefined : this.known.get(id);
  }

  get size(): number {
    return this.known.size;
  }
}
