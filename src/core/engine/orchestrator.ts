/**
 * Runs a diagnosis: resolves the scope to Exchange servers, builds one CheckContext, starts the
 * checks of the selected steps at once, streams every finding as it arrives and ends with the
 * verdict. All probes of the run share per-host limits, one answer per (host, port), the connect
 * timeout and the run's AbortSignal (see ./bounded-io.ts); a check that throws becomes an
 * `unknown` finding and the others go on;
 * cancelling stops every check, waits for the ones already running to let go, closes every
 * directory session and rejects with AbortError.
 */
import { setMaxListeners } from 'node:events';
import type { Finding, Step, Verdict } from '../../shared/findings';
import type { CoreIo, DirectoryCredentials, DirectoryTarget } from '../io';
import type { DiscoveryResult, DomainController } from '../directory/model';
import { AbortError, DoctorError, throwIfAborted } from '../errors';
import type { Check, CheckContext, EngineEvent, EngineSettings, Scope } from './check';
import { boundIo } from './bounded-io';
import { forEachAtOnce } from './limit';
import { DEFAULT_PROBE_LIMITS, ProbeLimits } from './probe-limits';
import { resolveScope } from './scope';
import { sessionOpener, type SessionOpener } from './sessions';
import { buildVerdict } from './verdict';
import { checkFailedFinding, completeFinding } from './engine-findings';
import { allChecks } from '../steps/all-checks';

export interface DiagnosisRequest {
  io: CoreIo;
  discovery: DiscoveryResult;
  scope: Scope;
  settings: EngineSettings;
  directory: { targets: readonly DirectoryTarget[]; credentials: DirectoryCredentials };
  /** The checks to choose from (default: every check of src/core/steps/all-checks.ts); `settings.steps` selects. */
  checks?: readonly Check[];
  /**
   * How to open a session to another DC. Default: the configured target's security, CA and port
   * with the host swapped (global catalog port 3269/3268 when asked). Sessions from either are
   * closed when the run ends.
   */
  openSession?: SessionOpener;
  signal?: AbortSignal;
  onEvent?: (event: EngineEvent) => void;
}

export interface DiagnosisResult {
  findings: Finding[];
  verdict: Verdict;
}

/** Realm from the domain's naming context: DC=contoso,DC=test -> CONTOSO.TEST. */
export function realmOf(defaultNamingContext: string): string {
  return defaultNamingContext
    .split(',')
    .map((p) => p.trim())
    .filter((p) => /^DC=/i.test(p))
    .map((p) => p.slice(3))
    .join('.')
    .toUpperCase();
}

function checkSettings(settings: EngineSettings): void {
  const positive = (n: number): boolean => Number.isFinite(n) && n > 0;
  if (!Number.isInteger(settings.concurrency) || settings.concurrency < 1) {
    throw new DoctorError(
      'usage',
      `The concurrency must be a whole number of at least 1 (it is ${settings.concurrency})`,
    );
  }
  if (!Number.isInteger(settings.maxConnections) || settings.maxConnections < 1) {
    throw new DoctorError(
      'usage',
      `The connection limit must be a whole number of at least 1 (it is ${settings.maxConnections})`,
    );
  }
  if (!positive(settings.connectTimeoutMs))
    throw new DoctorError(
      'usage',
      `The connect timeout must be a positive number of milliseconds (it is ${settings.connectTimeoutMs})`,
    );
  if (!positive(settings.probeTimeoutMs))
    throw new DoctorError(
      'usage',
      `The probe timeout must be a positive number of milliseconds (it is ${settings.probeTimeoutMs})`,
    );
  if (!positive(settings.clockToleranceMs) || !positive(settings.clockWarningMs))
    throw new DoctorError('usage', 'The clock tolerance and warning threshold must be positive');
  const bad = settings.steps.filter((s) => ![1, 2, 3, 4, 5, 6].includes(s));
  if (bad.length) throw new DoctorError('usage', `Steps are numbered 1 to 6; ${bad.join(', ')} is not a step`);
}

/** The DCs discovery found or, when it found none, the one it talked to. */
export function domainControllersOf(
  discovery: DiscoveryResult,
  targets: readonly DirectoryTarget[],
): DomainController[] {
  if (discovery.domainControllers.length) return [...discovery.domainControllers];
  const host = discovery.rootDse.dnsHostName ?? targets[0]?.host;
  if (!host) return [];
  return [{ name: (host.split('.')[0] ?? host).toUpperCase(), fqdn: host.toLowerCase(), dn: '', source: 'settings' }];
}

export async function runDiagnosis(request: DiagnosisRequest): Promise<DiagnosisResult> {
  const { io, discovery, directory } = request;
  checkSettings(request.settings);
  throwIfAborted(request.signal, 'The diagnosis');
  const startedAt = new Date(io.clock.now()).toISOString();
  const settings: EngineSettings = {
    ...request.settings,
    realm: request.settings.realm || realmOf(discovery.rootDse.defaultNamingContext),
  };

  const run = new AbortController();
  // Every probe waiting for a slot or running under a deadline listens on the run's signal: with
  // many servers that is hundreds of listeners at once, by design, not a leak.
  setMaxListeners(0, run.signal);
  const onOuterAbort = (): void => run.abort();
  request.signal?.addEventListener('abort', onOuterAbort, { once: true });
  const limits = new ProbeLimits({
    perHost: settings.concurrency,
    maxConnections: settings.maxConnections,
    processes: DEFAULT_PROBE_LIMITS.processes,
  });
  const bounded = boundIo(io, run.signal, { limits, connectTimeoutMs: settings.connectTimeoutMs });

  const findings: Finding[] = [];
  let open = true;
  let listenerError: { error: unknown } | undefined;
  const send = (event: EngineEvent): void => {
    if (!open || !request.onEvent) return;
    try {
      request.onEvent(event);
    } catch (e) {
      listenerError ??= { error: e };
    }
  };

  const openSession: SessionOpener = request.openSession
    ? async (host, o) => {
        const opener = request.openSession as SessionOpener;
        const session = await limits.forHost(host, `LDAP ${host}`, run.signal, () => opener(host, o));
        return bounded.adopt(session);
      }
    : sessionOpener(
        bounded.io.directory,
        directory.targets,
        directory.credentials,
        settings.probeTimeoutMs,
        run.signal,
      );

  try {
    const servers = await resolveScope(bounded.io, discovery, request.scope, {
      timeoutMs: settings.probeTimeoutMs,
      signal: run.signal,
    });
    const scope: Scope =
      request.scope.kind === 'server'
        ? { kind: 'server', server: servers[0]?.name ?? request.scope.server }
        : request.scope.kind === 'pair'
          ? {
              kind: 'pair',
              sending: servers[0]?.name ?? request.scope.sending,
              receiving: servers[1]?.name ?? request.scope.receiving,
            }
          : request.scope;
    const checks = (request.checks ?? allChecks)
      .filter((c) => settings.steps.includes(c.step))
      .sort((a, b) => a.step - b.step);

    const base: Omit<CheckContext, 'emit' | 'log'> = {
      io: bounded.io,
      discovery,
      servers,
      allServers: discovery.servers,
      domainControllers: domainControllersOf(discovery, directory.targets),
      scope,
      settings,
      directory: { targets: directory.targets, credentials: directory.credentials },
      openSession,
      signal: run.signal,
    };

    const pending = new Map<Step, number>();
    for (const c of checks) pending.set(c.step, (pending.get(c.step) ?? 0) + 1);
    const stepStarted = new Map<Step, number>();

    // Every check at once: waiting on the network costs nothing, and the I/O bounds what it must.
    await forEachAtOnce(checks, run.signal, async (check) => {
      if (!stepStarted.has(check.step)) {
        stepStarted.set(check.step, io.clock.monotonic());
        send({ type: 'step-started', step: check.step });
      }
      const ctx: CheckContext = {
        ...base,
        emit: (finding) => {
          if (!open) return;
          const complete = completeFinding(finding);
          findings.push(complete);
          send({ type: 'finding', finding: complete });
        },
        log: (message) => send({ type: 'log', message: `${check.id}: ${message}` }),
      };
      try {
        await check.run(ctx);
      } catch (e) {
        if (!run.signal.aborted)
          ctx.emit(checkFailedFinding(check, discovery, e, new Date(io.clock.now()).toISOString()));
      }
      const left = (pending.get(check.step) ?? 1) - 1;
      pending.set(check.step, left);
      if (left === 0 && !run.signal.aborted) {
        send({
          type: 'step-finished',
          step: check.step,
          durationMs: io.clock.monotonic() - (stepStarted.get(check.step) ?? 0),
        });
      }
    });
    if (run.signal.aborted) throw new AbortError('The diagnosis');
    if (listenerError) throw listenerError.error;
    const verdict = buildVerdict(findings, startedAt, new Date(io.clock.now()).toISOString());
    return { findings, verdict };
  } finally {
    open = false;
    request.signal?.removeEventListener('abort', onOuterAbort);
    // Stop whatever a check may still have in flight, then close every session of the run.
    run.abort();
    await bounded.closeAll();
  }
}
