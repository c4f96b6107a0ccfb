/**
 * What a report says about its own run: what was checked, when, against which directory, with
 * which tool version. Credentials have no field here; `redactSecrets` is the second line of
 * defence for secrets that found their way into a message anyway.
 */
import type { Step } from '../../shared/findings';

export interface ReportMeta {
  tool: { name: string; version: string };
  /** ISO 8601. */
  startedAt: string;
  finishedAt?: string;
  /** `ldaps://dc1.contoso.test:636` */
  directoryUrl?: string;
  /** `organisation`, `server EX01`, `EX01 -> EX02` */
  scope: string;
  servers: string[];
  steps: Step[];
  /** The machine the diagnosis ran from, e.g. `linux`, `win32`. */
  platform?: string;
}

const MASK = 'REDACTED';

/** Replaces every occurrence of each secret (case-sensitive, any length >= 1) with a mask. */
export function redactSecrets(text: string, secrets: readonly string[] = []): string {
  let out = text;
  for (const s of secrets) {
    if (!s) continue;
    out = out.split(s).join(MASK);
    // A secret can also appear JSON-escaped inside a JSON document.
    const escaped = JSON.stringify(s).slice(1, -1);
    if (escaped !== s) out = out.split(escaped).join(MASK);
  }
  return out;
}

/** Redacts every string inside a JSON-serialisable value (before any escaping can disguise a secret). */
export function redactDeep<T>(value: T, secrets: readonly string[] = []): T {
  if (!secrets.some((s) => s)) return value;
  return JSON.parse(redactSecrets(JSON.stringify(value), secrets)) as T;
}
