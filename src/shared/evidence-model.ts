/**
 * Plain data produced by the evidence parsers (SMTP protocol logs, message tracking logs, message
 * headers, queue output). No `vscode`, no `vscode-languageserver`: the language server, the CLI and
 * the benchmarks all use these. Positions are zero-based lines and UTF-16 character offsets, like LSP.
 */
import type { Step } from './findings';
import type { LocalText } from './local-text';

export type EvidenceKind =
  'smtp-receive-log' | 'smtp-send-log' | 'tracking-log' | 'headers' | 'queue' | 'windows-events' | 'unknown';

export interface TextRange {
  line: number;
  start: number;
  end: number;
  /** When the range ends on another line than it starts (hop blocks, folded headers). */
  endLine?: number;
}

export type FindingSeverity = 'error' | 'warning' | 'information';

/** Stable identifiers of what a finding is about; used as the diagnostic code. */
export type EvidenceCode =
  | 'auth-temporary-failure'
  | 'auth-failure-relayed'
  | 'exchange-auth-unavailable'
  | 'x-exps-failed'
  | 'x-anonymoustls-failed'
  | 'unexpected-exchange-auth-blob'
  | 'tls-failed'
  | 'event-1035'
  | 'event-2017'
  | 'outbound-auth-failed'
  | 'inbound-auth-failed'
  | 'kerberos-event'
  | 'kerberos-skew'
  | 'kerberos-modified'
  | 'kerberos-error'
  | 'no-exchange-auth-offered'
  | 'clock-skew'
  | 'long-line'
  | 'malformed';

export interface HostEnd {
  /** Host name as written (short or FQDN). */
  name?: string;
  ip?: string;
  port?: number;
}

export interface EvidenceFinding {
  code: EvidenceCode;
  severity: FindingSeverity;
  range: TextRange;
  /** English, self-contained; names the likely step of KB 979174. */
  message: string;
  /** The same message as a catalogue code and parameters, for the user's language (src/core/l10n). */
  text?: LocalText;
  /** Likely steps, most likely first. */
  steps: Step[];
  /** The ends of the failing connection when the evidence names them. */
  sending?: HostEnd;
  receiving?: HostEnd;
}

export interface EvidenceSymbol {
  name: string;
  detail: string;
  kind: 'session' | 'hop' | 'queue' | 'event' | 'header-block';
  range: TextRange;
  /** The line range to select in the outline (usually the first line). */
  selection: TextRange;
  children?: EvidenceSymbol[];
}

/** A host or endpoint mentioned in the evidence: a candidate for "Diagnose this server". */
export interface HostMention {
  range: TextRange;
  host: HostEnd;
  /** The role the host plays at that place, when known. */
  role?: 'sending' | 'receiving';
  /** The other end of the same connection, when known. */
  peer?: HostEnd;
  /** The likely first step to look at, for the lens title. */
  step?: Step;
}

export interface EvidenceAnalysis {
  kind: EvidenceKind;
  findings: EvidenceFinding[];
  symbols: EvidenceSymbol[];
  hosts: HostMention[];
}
