/**
 * Step 2, the comparison (pure). For each Exchange object and each compared attribute whose values
 * differ between DCs, which copy is the newer one is decided, in this order:
 *
 * 1. msDS-ReplAttributeMetaData, when every copy carries it (Windows DCs): the higher originating
 *    version, then the later originating time, wins, as in AD's own conflict resolution. The
 *    others are behind.
 * 2. Otherwise, when one copy's values include every other copy's (a superset), the DCs holding
 *    less are behind: they lack what was added elsewhere (the usual case: a new SPN has not reached
 *    a DC yet).
 * 3. Otherwise the DCs disagree and no single one can be blamed from here: each is told which DCs
 *    hold what it does not.
 *
 * A DC without any copy of an object the others hold is behind. whenChanged is never used to pick a
 * winner: it is a local, non-replicated stamp, and a lagging DC with an unrelated local change would
 * look newest.
 */
import type { LocalParam, LocalText } from '../../../shared/local-text';
import { text } from '../../l10n/render';
import type { DomainController } from '../../directory/model';
import { COMPARED, objectLabel, type AttributeStamp, type DcCopies, type ObjectCopy } from './replication-read';

export interface Difference {
  objectKey: string;
  object: string;
  /** Attribute name, or undefined when the DC has no copy of the object at all. */
  attribute?: string;
  /** `behind`: this DC lacks a newer copy; `disagree`: the DCs differ and none can be blamed. */
  kind: 'behind' | 'disagree';
  /** How the newer copy was told: replication metadata, one value set holding the other, or a missing object. */
  basis: 'metadata' | 'superset' | 'missing' | 'none';
  /** The DC with the newer copy (behind), or every DC holding other values (disagree), comma-separated. */
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
  /** Objects for which this DC holds a copy no other DC is ahead of. */
  referenceFor: string[];
}

type Holder = { dc: DomainController; copy: ObjectCopy };

function norm(values: readonly string[]): string[] {
  return [...new Set(values.map((v) => v.trim().toLowerCase()))].sort();
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  const x = norm(a);
  const y = norm(b);
  return x.length === y.length && x.every((v, i) => v === y[i]);
}

function includesAll(big: readonly string[], small: readonly string[]): boolean {
  const set = new Set(norm(big));
  return norm(small).every((v) => set.has(v));
}

function compareStamps(a: AttributeStamp, b: AttributeStamp): number {
  if (a.version !== b.version) return a.version - b.version;
  const ta = a.originatingTime ? Date.parse(a.originatingTime) : Number.NEGATIVE_INFINITY;
  const tb = b.originatingTime ? Date.parse(b.originatingTime) : Number.NEGATIVE_INFINITY;
  return ta === tb ? 0 : ta > tb ? 1 : -1;
}

/** The holder whose copy of `attribute` is newest by replication metadata, when every holder has it and the winner is unique. */
function byMetadata(holders: readonly Holder[], attribute: string): Holder | undefined {
  const key = attribute.toLowerCase();
  if (!holders.every((h) => h.copy.metadata?.[key])) return undefined;
  const stamp = (h: Holder): AttributeStamp => h.copy.metadata?.[key] as AttributeStamp;
  const best = [...holders].sort((a, b) => compareStamps(stamp(b), stamp(a)));
  const first = best[0];
  if (!first) return undefined;
  // Two different values with the same stamp cannot be ordered.
  const tied = best.filter((h) => compareStamps(stamp(h), stamp(first)) === 0);
  return tied.every((h) => sameSet(h.copy.values[attribute] ?? [], first.copy.values[attribute] ?? []))
    ? first
    : undefined;
}

/** The holder whose values include every other holder's, when there is one. */
function bySuperset(holders: readonly Holder[], attribute: string): Holder | undefined {
  const values = (h: Holder): string[] => h.copy.values[attribute] ?? [];
  return holders.find((h) => holders.every((o) => includesAll(values(h), values(o))));
}

function difference(
  copy: ObjectCopy,
  attribute: string,
  ref: { dcs: string; values: string[]; whenChanged?: string },
  kind: Difference['kind'],
  basis: Difference['basis'],
): Difference {
  const values = copy.values[attribute] ?? [];
  const mine = new Set(norm(values));
  const theirs = new Set(norm(ref.values));
  const d: Difference = {
    objectKey: copy.key,
    object: copy.label,
    attribute,
    kind,
    basis,
    referenceDc: ref.dcs,
    referenceValues: ref.values,
    values,
    lacks: [
      ...new Map(ref.values.filter((v) => !mine.has(v.trim().toLowerCase())).map((v) => [v.toLowerCase(), v])).values(),
    ],
    extra: values.filter((v) => !theirs.has(v.trim().toLowerCase())),
  };
  if (ref.whenChanged) d.referenceWhenChanged = ref.whenChanged;
  if (copy.whenChanged) d.whenChanged = copy.whenChanged;
  return d;
}

function attributeDifferences(holders: readonly Holder[], attribute: string): Map<Holder, Difference> {
  const out = new Map<Holder, Difference>();
  const values = (h: Holder): string[] => h.copy.values[attribute] ?? [];
  const first = holders[0];
  if (!first || holders.every((h) => sameSet(values(h), values(first)))) return out;
  const meta = byMetadata(holders, attribute);
  const ref = meta ?? bySuperset(holders, attribute);
  if (ref) {
    const basis = meta ? 'metadata' : 'superset';
    for (const h of holders) {
      if (sameSet(values(h), values(ref))) continue;
      out.set(
        h,
        difference(
          h.copy,
          attribute,
          {
            dcs: ref.dc.name,
            values: values(ref),
            ...(ref.copy.whenChanged ? { whenChanged: ref.copy.whenChanged } : {}),
          },
          'behind',
          basis,
        ),
      );
    }
    return out;
  }
  for (const h of holders) {
    const others = holders.filter((o) => !sameSet(values(o), values(h)));
    out.set(
      h,
      difference(
        h.copy,
        attribute,
        { dcs: others.map((o) => o.dc.name).join(', '), values: others.flatMap(values) },
        'disagree',
        'none',
      ),
    );
  }
  return out;
}

/**
 * Compares the DCs that answered. `expected` lists the objects to look for (the servers in
 * scope); an object no DC holds is not a replication problem and is left to the other steps.
 */
export function compareCopies(
  answered: readonly DcCopies[],
  expected: readonly { key: string; label: string }[],
): DcComparison[] {
  const result = new Map<string, DcComparison>(
    answered.map((a) => [a.dc.name, { dc: a.dc, differences: [], referenceFor: [] }]),
  );
  for (const { key, label } of expected) {
    const holders: Holder[] = answered.flatMap((a) => {
      const copy = a.objects.get(key);
      return copy ? [{ dc: a.dc, copy }] : [];
    });
    const shown = holders[0];
    if (!shown) continue;
    const behind = new Set<string>();
    for (const a of answered) {
      if (a.objects.has(key)) continue;
      const d: Difference = {
        objectKey: key,
        object: label,
        kind: 'behind',
        basis: 'missing',
        referenceDc: shown.dc.name,
        referenceValues: [shown.copy.dn],
        values: [],
        lacks: [shown.copy.dn],
        extra: [],
      };
      if (shown.copy.whenChanged) d.referenceWhenChanged = shown.copy.whenChanged;
      result.get(a.dc.name)?.differences.push(d);
      behind.add(a.dc.name);
    }
    for (const attribute of COMPARED[shown.copy.kind]) {
      for (const [h, d] of attributeDifferences(holders, attribute)) {
        result.get(h.dc.name)?.differences.push(d);
        behind.add(h.dc.name);
      }
    }
    for (const h of holders) if (!behind.has(h.dc.name)) result.get(h.dc.name)?.referenceFor.push(label);
  }
  return [...result.values()];
}

/** `lacks SMTPSVC/ex02.contoso.test in servicePrincipalName of EX02$`, in one line, as a phrase. */
export function describeDifference(d: Difference): LocalText {
  const object = objectLabel(d.object);
  const reference = d.referenceDc;
  if (!d.attribute)
    return text('fp.2.diff.no-object', { object, reference, value: d.referenceValues[0] ?? text('fp.2.it') });
  const where = { attribute: d.attribute, object };
  const list = (values: readonly string[]): LocalParam => (values.length ? values.join(', ') : text('fp.2.none'));
  if (d.kind === 'disagree')
    return text('fp.2.diff.disagree', { reference, ...where, here: list(d.extra), there: list(d.lacks) });
  const lacks = d.lacks.join(', ');
  const extra = d.extra.join(', ');
  if (lacks && extra) return text('fp.2.diff.lacks-and-still-has', { lacks, extra, ...where });
  if (lacks) return text('fp.2.diff.lacks', { lacks, ...where });
  if (extra) return text('fp.2.diff.still-has', { extra, ...where });
  return text('fp.2.diff.differs', { reference, ...where });
}
