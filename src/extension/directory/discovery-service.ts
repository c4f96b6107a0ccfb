/**
 * Owns the extension's view of the directory: reads settings and the stored password, runs
 * discovery (with failover over the configured DCs), and publishes a state the tree renders.
 * A new refresh cancels the one in flight, so the tree never shows an older answer over a newer.
 */
import * as vscode from 'vscode';
import { CaFileError, readCaFileAsync } from '../../io/ca-file';
import type { Clock, DirectoryConnector, DirectoryCredentials, DirectoryTarget } from '../../core/io';
import { DoctorError, isDoctorError } from '../../core/errors';
import type { DiscoveryResult } from '../../core/directory/model';
import { discoverWithFailover } from '../../core/directory/failover';
import { isDirectoryConfigured, readSettings, settingsProblems, type DirectorySettings } from '../settings';
import type { CredentialStore } from './credentials';
import { directoryCredentials } from './credentials';

export type DirectoryState =
  | { kind: 'not-configured'; settings: DirectorySettings }
  | { kind: 'invalid-settings'; settings: DirectorySettings; problems: string[] }
  | { kind: 'signed-out'; settings: DirectorySettings }
  | { kind: 'loading'; settings: DirectorySettings }
  | { kind: 'ready'; settings: DirectorySettings; result: DiscoveryResult }
  | { kind: 'failed'; settings: DirectorySettings; error: DoctorError };

export const systemClock: Clock = { now: () => Date.now(), monotonic: () => performance.now() };

export function targetsOf(s: DirectorySettings, caPem: string | undefined): DirectoryTarget[] {
  return s.hosts.map((host) => ({ host, port: s.port, security: s.security, ...(caPem ? { caPem } : {}) }));
}

/** A problem with one setting; the tree's item opens that setting. */
export class SettingError extends DoctorError {
  constructor(
    message: string,
    readonly settingKey: string,
  ) {
    super('usage', message);
    this.name = 'SettingError';
  }
}

/** Reads the CA file named in the settings; a missing or non-PEM file is a usage error with a clear message. */
export async function readCaPem(s: DirectorySettings): Promise<string | undefined> {
  if (!s.caFile) return undefined;
  try {
    // Bounded: a regular file of at most 1 MiB (a workspace setting could name /dev/zero).
    return await readCaFileAsync(s.caFile);
  } catch (e) {
    if (e instanceof CaFileError && e.problem === 'no-certificate')
      throw new SettingError(vscode.l10n.t('The CA file {0} holds no PEM certificate', s.caFile), 'directory.caFile');
    throw new SettingError(
      vscode.l10n.t('The CA file {0} cannot be read ({1})', s.caFile, (e as { code?: string }).code ?? String(e)),
      'directory.caFile',
    );
  }
}

export class DiscoveryService implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<DirectoryState>();
  readonly onDidChange = this.changed.event;
  private current: DirectoryState;
  private running: AbortController | undefined;

  constructor(
    private readonly connector: DirectoryConnector,
    private readonly credentials: CredentialStore,
    private readonly log: vscode.LogOutputChannel,
    private readonly viewId: string,
  ) {
    this.current = { kind: 'loading', settings: readSettings() };
  }

  get state(): DirectoryState {
    return this.current;
  }

  private set(state: DirectoryState): void {
    this.current = state;
    this.changed.fire(state);
  }

  /** Cancels a discovery in flight (the tree keeps whatever it showed before). */
  cancel(): void {
    this.running?.abort();
    this.running = undefined;
  }

  private latest: Promise<void> = Promise.resolve();

  /**
   * Runs discovery and resolves when the directory state has settled: if another refresh starts
   * meanwhile (settings or secret changed), it waits for that one too.
   */
  async refresh(): Promise<void> {
    let run = this.run();
    this.latest = run;
    await run;
    while (this.latest !== run) {
      run = this.latest;
      await run;
    }
  }

  private async run(): Promise<void> {
    this.cancel();
    const controller = new AbortController();
    this.running = controller;
    const settings = readSettings();
    const problems = settingsProblems(settings);
    if (problems.length) return this.set({ kind: 'invalid-settings', settings, problems });
    if (!isDirectoryConfigured(settings)) return this.set({ kind: 'not-configured', settings });
    const credentials = await directoryCredentials(settings, this.credentials);
    if (controller.signal.aborted) return;
    if (credentials === undefined) return this.set({ kind: 'signed-out', settings });

    this.set({ kind: 'loading', settings });
    const started = systemClock.monotonic();
    const who = credentials.kind === 'kerberos' ? 'the Kerberos ticket or Windows logon' : settings.bindUser;
    this.log.info(`Discovery: ${settings.hosts.join(', ')} as ${who} (${settings.security}, port ${settings.port})`);
    try {
      const result = await vscode.window.withProgress(
        { location: { viewId: this.viewId }, title: vscode.l10n.t('Reading Active Directory') },
        async () => {
          const caPem = await readCaPem(settings);
          return await discoverWithFailover(this.connector, targetsOf(settings, caPem), credentials, {
            clock: systemClock,
            timeoutMs: settings.operationMs,
            connectTimeoutMs: settings.connectMs,
            signal: controller.signal,
          });
        },
      );
      if (controller.signal.aborted) return;
      const ms = Math.round(systemClock.monotonic() - started);
      this.log.info(
        `Discovery from ${result.source} in ${ms} ms: ${result.servers.length} Exchange server(s), ${result.domainControllers.length} DC(s)`,
      );
      for (const w of result.warnings) this.log.warn(w);
      this.set({ kind: 'ready', settings, result });
    } catch (e) {
      if (controller.signal.aborted) return;
      const error = isDoctorError(e)
        ? e
        : new DoctorError('protocol', e instanceof Error ? e.message : String(e), { cause: e });
      this.log.error(`Discovery failed (${error.kind}): ${error.message}`);
      this.set({ kind: 'failed', settings, error });
    } finally {
      if (this.running === controller) this.running = undefined;
    }
  }

  /** Binds once with candidate credentials (for Sign in); returns the error, or undefined on success. */
  async verify(
    settings: DirectorySettings,
    credentials: DirectoryCredentials,
    signal: AbortSignal,
  ): Promise<DoctorError | undefined> {
    let caPem: string | undefined;
    try {
      caPem = await readCaPem(settings);
    } catch (e) {
      return e as DoctorError;
    }
    let last: DoctorError | undefined;
    for (const target of targetsOf(settings, caPem)) {
      try {
        const session = await this.connector.connect(target, credentials, { timeoutMs: settings.connectMs, signal });
        await session.close();
        this.log.info(`Sign-in verified against ${target.host}:${target.port}`);
        return undefined;
      } catch (e) {
        last = isDoctorError(e) ? e : new DoctorError('protocol', String(e));
        this.log.warn(`Sign-in check against ${target.host}: ${last.message}`);
        if (last.kind === 'bind-invalid-credentials' || last.kind === 'aborted') return last;
      }
    }
    return last;
  }

  dispose(): void {
    this.cancel();
    this.changed.dispose();
  }
}
