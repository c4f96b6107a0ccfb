/**
 * What step 0 makes of a paste: the symptom recognised (src/core/symptom/recognise.ts), its ends
 * matched to the discovered servers (match.ts), the failures it shows from both ends
 * (both-ends.ts), and the scope it implies (the pair when both ends are known servers, else the
 * one server it names). Pure; the panel resolves the servers' addresses first.
 */
import type { Scope } from '../engine/check';
import type { SymptomState } from '../../shared/walkthrough-protocol';
import { bothEndsOf } from '../symptom/both-ends';
import { matchSymptomServers, type KnownServer } from '../symptom/match';
import { recogniseSymptom } from '../symptom/recognise';

export function symptomStep(text: string, servers: readonly KnownServer[]): { symptom: SymptomState; scope?: Scope } {
  const r = recogniseSymptom(text);
  const pair = matchSymptomServers(r, servers);
  const symptom: SymptomState = {
    text,
    recognised: r.recognised,
    kinds: r.kinds,
    has454: r.has454,
    has451: r.has451,
    facts: r.facts,
    missing: (['sending', 'receiving'] as const).filter((end) => !r[end]?.name && !r[end]?.ip),
    unmatched: pair.unmatched,
  };
  const both = bothEndsOf(text);
  if (both.length)
    symptom.bothEnds = both.map((f) => ({
      sending: f.sending,
      receiving: f.receiving,
      step: f.step,
      text: f.text,
      message: f.message,
    }));
  if (pair.sending) symptom.sending = pair.sending;
  if (pair.receiving) symptom.receiving = pair.receiving;
  if (pair.complete && pair.sending && pair.receiving)
    return { symptom, scope: { kind: 'pair', sending: pair.sending, receiving: pair.receiving } };
  const one = pair.receiving ?? pair.sending;
  return one ? { symptom, scope: { kind: 'server', server: one } } : { symptom };
}
