/** The shapes the symptom recogniser returns (no Node imports, so the webview can import them). */

export type SymptomKind = 'queue-viewer' | 'event-1035' | 'smtp-send-log' | 'smtp-receive-log' | 'status-code';

/** One end of the failing connection as the text names it. */
export interface HostRef {
  /** A host name as written (short or FQDN). */
  name?: string;
  ip?: string;
  port?: number;
  /** The discovered Exchange server it maps to (set by matchSymptomServers). */
  server?: string;
}

export interface SymptomFact {
  /** English label, also the l10n key the panel translates. */
  label: string;
  value: string;
}

export interface SymptomRecognition {
  /** True when the text holds the 454 4.7.0 status (or its 451 4.4.0 wrapper) or event 1035. */
  recognised: boolean;
  kinds: SymptomKind[];
  /** The text shows `454 4.7.0` itself. */
  has454: boolean;
  /** The text shows the sending server's `451 4.4.0` wrapper (Queue Viewer's Last Error). */
  has451: boolean;
  sending?: HostRef;
  receiving?: HostRef;
  connector?: string;
  mechanism?: string;
  error?: string;
  /** What was read, in reading order, for the panel to show. */
  facts: SymptomFact[];
}
