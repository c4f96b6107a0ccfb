/**
 * The contract between the orchestrator and the checks of the six steps. A check reads what it
 * needs through the context (never opening sockets or processes itself), emits findings as it
 * goes, and returns when done. A check that cannot decide emits an `unknown` finding with a reason.
 */
import type { Finding, Step } from '../../shared/findings';
import type { FindingCode } from '../steps/finding-codes';
import type { CoreIo, DirectoryCredentials, DirectorySession, DirectoryTarget } from '../io';
import type { DiscoveryResult, DomainController, ExchangeServer } from '../directory/model';

/** What to diagnose. */
export type Scope =
  { kind: 'organisation' } | { kind: 'server'; server: string } | { kind: 'pair'; sending: string; receiving: string };

export interface EngineSettings {
  /** Kerberos tolerance; beyond it a skew is an error (default 5 minutes). */
  clockToleranceMs: number;
  /** Beyond this a skew is a warning (default 60 s). */
  clockWarningMs: number;
  /** Reply timeout of one probe (an SMTP conversation, a search, a process), once connected. */
  probeTimeoutMs: number;
  /**
   * Connect timeout: a TCP connect, or a Kerberos datagram's answer, that has not come within this
   * is taken as no answer (a LAN answers in milliseconds; a firewall that drops never does).
   */
  connectTimeoutMs: number;
  /** How many probes run at once against one host (a DC, an Exchange server). */
  concurrency: number;
  /** How many connection attempts run at once in the whole run. */
  maxConnections: number;
  /** Kerberos realm, e.g. CONTOSO.TEST (derived from the default naming context when absent). */
  realm: string;
  /** Run the forest-wide duplicate scan over every SPN, not only SMTP/SMTPSVC (setspn -X). */
  allSpnDuplicates: boolean;
  /** Use Windows tools (setspn, w32tm, repadmin, PowerShell) when on Windows: auto = when present. */
  windowsTools: 'auto' | 'never';
  /** Which steps to run (default all). */
  steps: Step[];
  /**
   * Addresses a server may connect from besides those DNS gives it (a load balancer or NAT in
   * between), by server short name in upper case: step 6 tells which connector takes each.
   */
  sourceAddresses?: Readonly<Record<string, readonly string[]>>;
}

export const DEFAULT_ENGINE_SETTINGS: Omit<EngineSettings, 'realm'> = {
  clockToleranceMs: 5 * 60_000,
  clockWarningMs: 60_000,
  probeTimeoutMs: 10_000,
  connectTimeoutMs: 3_000,
  concurrency: 8,
  maxConnections: 512,
  allSpnDuplicates: false,
  windowsTools: 'auto',
  steps: [1, 2, 3, 4, 5, 6],
};

export interface CheckContext {
  readonly io: CoreIo;
  readonly discovery: DiscoveryResult;
  /** The servers in scope (for a pair: sending first, then receiving). */
  readonly servers: readonly ExchangeServer[];
  /** Every Exchange server of the organisation (e.g. for connector remote-range checks). */
  readonly allServers: readonly ExchangeServer[];
  readonly domainControllers: readonly DomainController[];
  readonly scope: Scope;
  readonly settings: EngineSettings;
  /** How to reach the directory: the configured targets and credentials (for other DCs / the GC). */
  readonly directory: { targets: readonly DirectoryTarget[]; credentials: DirectoryCredentials };
  /** Opens (and later closes) a session to a DC given by host name, reusing the configured TLS settings. */
  openSession(host: string, options?: { globalCatalog?: boolean }): Promise<DirectorySession>;
  readonly signal: AbortSignal;
  /** Only codes a step's table declares (src/core/steps/finding-codes.ts) compile here. */
  emit(finding: Finding<FindingCode>): void;
  log(message: string): void;
}

export interface Check {
  id: string;
  step: Step;
  title: string;
  run(ctx: CheckContext): Promise<void>;
}

/** Events streamed by the orchestrator while a diagnosis runs. */
export type EngineEvent =
  | { type: 'step-started'; step: Step }
  | { type: 'finding'; finding: Finding }
  | { type: 'step-finished'; step: Step; durationMs: number }
  | { type: 'log'; message: string };
