/** Failure text in any evidence without a structure of its own (NDR bodies, pasted event text). */
import { findFailures } from './failure-patterns';
import { iterateLines } from './lines';
import { findingFromHit } from './messages';
import type { EvidenceFinding } from '../../shared/evidence-model';
import { MAX_FINDINGS } from './protocol-log';

export function genericFindings(text: string): EvidenceFinding[] {
  const out: EvidenceFinding[] = [];
  for (const line of iterateLines(text)) {
    if (out.length >= MAX_FINDINGS) break;
    for (const hit of findFailures(line.text))
      out.push(findingFromHit(hit, { line: line.index, start: hit.start, end: hit.end }));
  }
  return out;
}
