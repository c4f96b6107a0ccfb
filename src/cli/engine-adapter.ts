/**
 * The one place the CLI meets the engine's orchestrator: settings from the CLI options, engine
 * events passed on as they happen, cancellation to a `cancelled` flag.
 */
import type { Finding, Verdict } from '../shared/findings';
import type { CoreIo, DirectoryCredentials, DirectoryTarget } from '../core/io';
import { DEFAULT_ENGINE_SETTINGS, type EngineEvent, type EngineSettings, type Scope } from '../core/engine/check';
import type { DiscoveryResult } from '../core/directory/model';
import { realmOf, runDiagnosis } from '../core/engine/orchestrator';
import { isDoctorError } from '../core/errors';
import type { DiagnoseOptions } from './args';

export interface EngineRequest {
  io: CoreIo;
  discovery: DiscoveryResult;
  scope: Scope;
  options: DiagnoseOptions;
  directory: { targets: DirectoryTarget[]; credentials: DirectoryCredentials };
  signal: AbortSignal;
  /** Every event of the run as it happens (findings, steps started and finished, log lines). */
  onEvent(event: EngineEvent): void;
}

export function engineSettings(options: DiagnoseOptions, discovery: DiscoveryResult): EngineSettings {
  return {
    ...DEFAULT_ENGINE_SETTINGS,
    realm: options.realm ?? realmOf(discovery.rootDse.defaultNamingContext),
    probeTimeoutMs: options.timeoutMs,
    connectTimeoutMs: options.connectTimeoutMs,
    allSpnDuplicates: options.allSpns,
    steps: options.steps,
    ...(options.sourceAddresses ? { sourceAddresses: options.sourceAddresses } : {}),
  };
}

export async function runEngine(
  req: EngineRequest,
): Promise<{ findings: Finding[]; verdict: Verdict; cancelled: boolean }> {
  const findings: Finding[] = [];
  const onEvent = (e: EngineEvent): void => {
    if (e.type === 'finding') findings.push(e.finding);
    req.onEvent(e);
  };
  try {
    const result = await runDiagnosis({
      io: req.io,
      discovery: req.discovery,
      scope: req.scope,
      settings: engineSettings(req.options, req.discovery),
      directory: req.directory,
      signal: req.signal,
      onEvent,
    });
    return { findings, verdict: result.verdict, cancelled: req.signal.aborted };
  } catch (e) {
    if (req.signal.aborted || (isDoctorError(e) && e.kind === 'aborted')) {
      const now = new Date(req.io.clock.now()).toISOString();
      const counts = { error: 0, warning: 0, unknown: 0, ok: 0 };
      for (const f of findings) counts[f.severity]++;
      const overall = counts.error ? 'error' : counts.warning ? 'warning' : counts.unknown ? 'unknown' : 'ok';
      return { findings, verdict: { startedAt: now, finishedAt: now, overall, causes: [], counts }, cancelled: true };
    }
    throw e;
  }
}
