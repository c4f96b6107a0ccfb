/**
 * Failures seen from both ends, as the folder scan reports them (src/core/evidence/correlate.ts
 * joins them): each observation is one piece of evidence of an authentication failure, and a
 * correlated failure is the observations of one failing session from more than one side.
 */
import type { HostEnd } from './evidence-model';
import type { Step } from './findings';
import type { LocalText } from './local-text';

export type ObservationSource =
  'event-1035' | 'event-2017' | 'kerberos-event' | 'send-log' | 'receive-log' | 'queue' | 'bounce';

export interface AuthObservation {
  source: ObservationSource;
  file?: string;
  line?: number;
  /** Milliseconds since the epoch (UTC), when the evidence has an unambiguous time. */
  time?: number;
  sending?: HostEnd;
  receiving?: HostEnd;
  /** The status token (LogonDenied, IllegalMessage...) or the Kerberos error name. */
  error?: string;
  /** Steps the observation points to, most likely first. */
  steps?: Step[];
}

export interface CorrelatedFailure {
  sending: string;
  receiving: string;
  step: Step;
  steps: Step[];
  from?: number;
  to?: number;
  sources: ObservationSource[];
  observations: AuthObservation[];
  /** The sentence, for any language; `message` is its English rendering. */
  text: LocalText;
  message: string;
}
