/**
 * Step 0's "seen from both ends": what an admin pastes may hold the evidence of both servers at once
 * (the sender's send log or event 2017 and the receiver's event 1035, a KDC event). Each block of the
 * paste is read like an evidence file (src/core/evidence/observations.ts) and the observations are
 * joined by time and endpoint (src/core/evidence/correlate.ts), as the language server's folder scan
 * does, into failures that name the step and the cause.
 */
import type { AuthObservation, CorrelatedFailure } from '../../shared/evidence-correlation';
import { correlate } from '../evidence/correlate';
import { observationsFromText } from '../evidence/observations';

/** A paste is read in at most this many blank-line separated blocks (beyond it, as one text). */
const MAX_BLOCKS = 200;

export function bothEndsOf(text: string): CorrelatedFailure[] {
  const blocks = text.split(/\r?\n[ \t]*\r?\n/).filter((b) => b.trim());
  const parts = blocks.length > 1 && blocks.length <= MAX_BLOCKS ? [text, ...blocks] : [text];
  const seen = new Set<string>();
  const observations: AuthObservation[] = [];
  const aliases: [string, string][] = [];
  for (const part of parts) {
    const read = observationsFromText(part, 'pasted');
    aliases.push(...read.aliases);
    for (const o of read.observations) {
      // The same line read in the whole paste and in its block is one observation.
      const key = JSON.stringify({ ...o, file: undefined, line: undefined });
      if (seen.has(key)) continue;
      seen.add(key);
      observations.push(o);
    }
  }
  return correlate(observations, { aliases });
}
