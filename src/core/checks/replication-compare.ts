/**
 * Step 2, the comparison (pure). For each Exchange object, the reference copy is the one changed
 * most recently (whenChanged; ties go to the value most DCs hold, then to the DC listed first), and
 * a DC whose copy differs from it in a compared attribute, or that has no copy at all, is behind.
 *
 * whenChanged is not replicated: each DC stamps it when it applies a change, whether made there or
 * received. So a DC that has not received a change keeps an older stamp, while two DCs that hold
 * the same values may differ by the replication delay; the stamps only choose the reference.
 */
import type { DomainController } from '../directory/model';
import { COMPARED, type DcCopies, type ObjectCopy } from './replication-read';

export interface Difference {
  objectKey: string;
  object: string;
  /** Attribute name, or undefined when the DC has no copy of the object at all. */
  attribute?: string;
  referenceDc: string;
  referenceValues: string[];
  values: string[];
  /** Values the reference has and this DC lacks. */
  lacks: string[];
  /** Values this DC still has that the reference no longer does. */
  extra: string[];
  referenceWhenChanged?: string;
  whenChanged?: string;
}

export interface DcComparison {
  dc: DomainController;
  differences: Difference[];
  /** Objects for which this DC holds the reference copy. */
  referenceFor: string[];
}

function norm(values: readonly string[]): string[] {
  return [...new Set(values.map((v) => v.trim().toLowerCase()))].sort();
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  const x = norm(a);
  const y = norm(b);
  return x.length === y.length && x.every((v, i) => v === y[i]);
}

function fingerprint(copy: ObjectCopy): string {
  return COMPARED[copy.kind].map((a) => `${a}=${norm(copy.values[a] ?? []).join('|')}`).join(';');
}

/** The reference copy of one object among the DCs that hold it. */
export function referenceCopy(holders: readonly { dc: DomainController; copy: ObjectCopy }[]): { dc: DomainController; copy: ObjectCopy } | undefined {
  const votes = new Map<string, number>();
  for (const h of holders) votes.set(fingerprint(h.copy), (votes.get(fingerprint(h.copy)) ?? 0) + 1);
  const time = (c: ObjectCopy): number => (c.whenChanged ? Date.parse(c.whenChanged) : Number.NEGATIVE_INFINITY);
  let best: { dc: DomainController; copy: ObjectCopy } | undefined;
  for (const h of holders) {
    if (!best) {
      best = h;
      continue;
    }
    const dt = time(h.copy) - time(best.copy);
    const dv = (votes.get(fingerprint(h.copy)) ?? 0) - (votes.get(fingerprint(best.copy)) ?? 0);
    if (dt > 0 || (dt === 0 && dv > 0)) best = h;
  }
  return best;
}

function differencesOf(ref: { dc: DomainController; copy: ObjectCopy }, copy: ObjectCopy): Difference[] {
  const out: Difference[] = [];
  for (const attribute of COMPARED[copy.kind]) {
    const referenceValues = ref.copy.values[attribute] ?? [];
    const values = copy.values[attribute] ?? [];
    if (sameSet(referenceValues, values)) continue;
    const mine = new Set(norm(values));
    const theirs = new Set(norm(referenceValues));
    const d: Difference = {
      objectKey: copy.key,
      object: copy.label,
      attribute,
      referenceDc: ref.dc.name,
      referenceValues,
      values,
      lacks: referenceValues.filter((v) => !mine.has(v.trim().toLowerCase())),
      extra: values.filter((v) => !theirs.has(v.trim().toLowerCase())),
    };
    if (ref.copy.whenChanged) d.referenceWhenChanged = ref.copy.whenChanged;
    if (copy.whenChanged) d.whenChanged = copy.whenChanged;
    out.push(d);
  }
  return out;
}

/**
 * Compares the DCs that answered. `expected` lists the objects to look for (the servers in
 * scope); an object no DC holds is not a replication problem and is left to the other steps.
 */
export function compareCopies(answered: readonly DcCopies[], expected: readonly { key: string; label: string }[]): DcComparison[] {
  const result = new Map<string, DcComparison>(answered.map((a) => [a.dc.name, { dc: a.dc, differences: [], referenceFor: [] }]));
  for (const { key, label } of expected) {
    const holders = answered.flatMap((a) => {
      const copy = a.objects.get(key);
      return copy ? [{ dc: a.dc, copy }] : [];
    });
    const ref = referenceCopy(holders);
    if (!ref) continue;
    result.get(ref.dc.name)?.referenceFor.push(label);
    for (const a of answered) {
      if (a.dc === ref.dc) continue;
      const entry = result.get(a.dc.name);
      const copy = a.objects.get(key);
      if (!copy) {
        const d: Difference = { objectKey: key, object: label, referenceDc: ref.dc.name, referenceValues: [ref.copy.dn], values: [], lacks: [ref.copy.dn], extra: [] };
        if (ref.copy.whenChanged) d.referenceWhenChanged = ref.copy.whenChanged;
        entry?.differences.push(d);
      } else entry?.differences.push(...differencesOf(ref, copy));
    }
  }
  return [...result.values()];
}

/** `lacks SMTPSVC/ex02.contoso.test in servicePrincipalName of EX02$`, in one line. */
export function describeDifference(d: Difference): string {
  if (!d.attribute) return `has no ${d.object} (${d.referenceDc} has ${d.referenceValues[0] ?? 'it'})`;
  const parts: string[] = [];
  if (d.lacks.length) parts.push(`lacks ${d.lacks.join(', ')}`);
  if (d.extra.length) parts.push(`still has ${d.extra.join(', ')}`);
  if (!parts.length) parts.push(`differs from ${d.referenceDc}`);
  return `${parts.join(' and ')} in ${d.attribute} of ${d.object}`;
}
