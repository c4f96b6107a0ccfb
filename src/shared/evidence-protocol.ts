/**
 * The custom LSP messages between the evidence language server (src/server) and the extension
 * (src/extension/evidence), and the identifiers both sides use. One module, imported by both, so a
 * message cannot drift between them.
 *
 * The messages are plain typed descriptors rather than vscode-jsonrpc `RequestType`s: the client
 * and the server libraries bundle different vscode-jsonrpc majors whose classes do not mix. Each
 * side has a few lines that send and handle a descriptor with its types
 * (src/server/messages.ts, src/extension/evidence/messages.ts).
 */
import { commandId } from './command-id';
import type { EvidenceKind, HostEnd } from './evidence-model';
import type { ScanProgress, ScanReport } from './evidence-scan';

export type { HostEnd, ScanProgress, ScanReport };

/** A request `P -> R`. The phantom field carries the types; only `method` exists at run time. */
export interface RequestDescriptor<P, R> {
  readonly method: string;
  readonly __types?: (p: P) => R;
}

/** A notification carrying `P`. */
export interface NotificationDescriptor<P> {
  readonly method: string;
  readonly __types?: (p: P) => void;
}

const request = <P, R>(method: string): RequestDescriptor<P, R> => ({ method });
const notification = <P>(method: string): NotificationDescriptor<P> => ({ method });

/** Language ids contributed in package.json. */
export const EVIDENCE_LANGUAGES = {
  protocolLog: 'exchange-smtp-log',
  trackingLog: 'exchange-tracking-log',
  headers: 'email-headers',
  queue: 'exchange-queue',
  events: 'windows-event-log',
} as const;
export type EvidenceLanguage = (typeof EVIDENCE_LANGUAGES)[keyof typeof EVIDENCE_LANGUAGES];

export const LANGUAGE_OF_KIND: Readonly<Record<EvidenceKind, EvidenceLanguage | undefined>> = {
  'smtp-receive-log': EVIDENCE_LANGUAGES.protocolLog,
  'smtp-send-log': EVIDENCE_LANGUAGES.protocolLog,
  'tracking-log': EVIDENCE_LANGUAGES.trackingLog,
  headers: EVIDENCE_LANGUAGES.headers,
  queue: EVIDENCE_LANGUAGES.queue,
  'windows-events': EVIDENCE_LANGUAGES.events,
  unknown: undefined,
};

/** Commands this feature registers (the client side). */
/**
 * The commands the language server puts in its code lenses and actions (their names are entries
 * of the extension's command table). `diagnose` takes DiagnoseArgs: it runs the pair or server
 * diagnosis; `openStep` takes OpenStepArgs: the walkthrough at a step.
 */
export const SERVER_ACTION_COMMANDS = {
  diagnose: commandId('evidence.diagnose'),
  openStep: commandId('evidence.openStep'),
} as const;

export const SCAN_VIEW_ID = 'exchangeAuthDoctor.evidenceScan';

export interface DiagnoseArgs {
  sending?: string;
  receiving?: string;
  server?: string;
  /** The step to open in the walkthrough when the checks are not available. */
  step?: number;
}

export interface OpenStepArgs {
  step: number;
}

// ---- server -> client ------------------------------------------------------------------------

export interface ResolveHostsParams {
  hosts: HostEnd[];
}

/** For each host asked, the discovered Exchange server it is (same order), or null. */
export interface ResolvedServer {
  name: string;
  fqdn?: string;
}
export type ResolveHostsResult = (ResolvedServer | null)[];

/** Maps host names and IP addresses found in evidence to discovered Exchange servers. */
export const ResolveHostsRequest = request<ResolveHostsParams, ResolveHostsResult>('exchangeAuthDoctor/resolveHosts');

export interface ScanProgressParams extends ScanProgress {
  scanId: string;
}

export const ScanProgressNotification = notification<ScanProgressParams>('exchangeAuthDoctor/scanProgress');

// ---- client -> server ------------------------------------------------------------------------

export interface ScanFolderParams {
  /** A file system path; the server reads the files from disk (not through the editor). */
  folder: string;
  scanId: string;
  /** Keep at most this many lines per remote server and hour. */
  maxHitsPerGroup?: number;
}

/**
 * Scans a folder of logs. Cancel it with CancelScanNotification (the answer then still arrives,
 * with `cancelled: true` and what was found so far) or with the request's cancellation token.
 */
export const ScanFolderRequest = request<ScanFolderParams, ScanReport>('exchangeAuthDoctor/scanFolder');

export interface CancelScanParams {
  scanId: string;
}
export const CancelScanNotification = notification<CancelScanParams>('exchangeAuthDoctor/cancelScan');

export interface EvidenceSettings {
  /** exchangeAuthDoctor.checks.clockWarningSeconds */
  clockWarningSeconds: number;
  /** exchangeAuthDoctor.checks.clockToleranceMinutes */
  clockToleranceMinutes: number;
  /** exchangeAuthDoctor.evidence.scanWorkers (0 = automatic). */
  scanWorkers: number;
}

export const DEFAULT_EVIDENCE_SETTINGS: EvidenceSettings = {
  clockWarningSeconds: 60,
  clockToleranceMinutes: 5,
  scanWorkers: 0,
};

/** Sent at start (initializationOptions) and whenever one of the settings changes. */
export const EvidenceSettingsNotification = notification<EvidenceSettings>('exchangeAuthDoctor/evidenceSettings');

/** What the server made of a document (for tests and the status bar). */
export interface DocumentInfoParams {
  uri: string;
}
export interface DocumentInfo {
  kind: EvidenceKind;
  findings: number;
  version: number;
}
export const DocumentInfoRequest = request<DocumentInfoParams, DocumentInfo | null>('exchangeAuthDoctor/documentInfo');
