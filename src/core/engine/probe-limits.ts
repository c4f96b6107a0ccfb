/**
 * What bounds the probes of a run. Waiting on a socket costs this machine nothing, so the only
 * limits are the ones that protect something: each host (a DC's LDAP and KDC, an Exchange server's
 * listeners) gets at most `perHost` probes at once, the whole run at most `maxConnections` open
 * attempts (file descriptors, and the firewall of the admin's own workstation), and processes, which
 * really load this machine, at most `processes`. Every server's probes start at once; a silently
 * dropped port holds one slot of its own host and one of the generous global pool, never a slot
 * that another host's probes need.
 */
import { Semaphore } from './limit';

export interface ProbeLimitSettings {
  /** Probes at once against one host (connects, datagrams, directory binds). */
  perHost: number;
  /** Connection attempts at once in the whole run. */
  maxConnections: number;
  /** Processes at once (setspn, w32tm, PowerShell, kvno). */
  processes: number;
}

export const DEFAULT_PROBE_LIMITS: ProbeLimitSettings = { perHost: 8, maxConnections: 512, processes: 4 };

export class ProbeLimits {
  private readonly hosts = new Map<string, Semaphore>();
  private readonly global: Semaphore;
  private readonly processSlots: Semaphore;

  constructor(readonly settings: ProbeLimitSettings = DEFAULT_PROBE_LIMITS) {
    this.global = new Semaphore(settings.maxConnections);
    this.processSlots = new Semaphore(settings.processes);
  }

  /** The most connection slots that were ever taken at once (for tests and benchmarks). */
  get peakConnections(): number {
    return this.global.peak;
  }

  /** The most probes that ever ran at once against `host`. */
  peakFor(host: string): number {
    return this.hosts.get(host.toLowerCase())?.peak ?? 0;
  }

  private hostSlots(host: string): Semaphore {
    const key = host.toLowerCase();
    let slots = this.hosts.get(key);
    if (!slots) {
      slots = new Semaphore(this.settings.perHost);
      this.hosts.set(key, slots);
    }
    return slots;
  }

  /**
   * Runs `work` inside a slot of `host` and one of the global pool. The host's slot is taken first,
   * so probes queued behind a busy host never hold global slots while they wait.
   */
  async forHost<T>(host: string, what: string, signal: AbortSignal | undefined, work: () => Promise<T>): Promise<T> {
    const releaseHost = await this.hostSlots(host).acquire(signal, what);
    try {
      return await this.global.run(work, signal, what);
    } finally {
      releaseHost();
    }
  }

  /** Runs a process inside one of the process slots. */
  forProcess<T>(what: string, signal: AbortSignal | undefined, work: () => Promise<T>): Promise<T> {
    return this.processSlots.run(work, signal, what);
  }
}
