/**
 * A CheckContext over in-memory data for the step 3, 5 and 6 check tests: discovery runs for real
 * on the contoso fixture (or entries a test edits), sessions are FakeDirectorySessions, DNS and
 * processes answer from tables, and every emitted finding and log line is recorded.
 */
import type { Finding } from '../../../../../src/shared/findings';
import type { CheckContext, Scope } from '../../../../../src/core/engine/check';
import { DEFAULT_ENGINE_SETTINGS } from '../../../../../src/core/engine/check';
import type { CoreIo, DirectoryEntry, ProcessResult } from '../../../../../src/core/io';
import { DoctorError } from '../../../../../src/core/errors';
import { discover } from '../../../../../src/core/directory/discovery';
import { FakeDirectorySession } from '../../directory/fake-directory';

export interface FakeContextOptions {
  entries: DirectoryEntry[];
  platform?: NodeJS.Platform;
  dns?: Record<string, string[] | Error>;
  reverse?: Record<string, string[]>;
  /** Answers a process run; undefined means "not found". */
  run?: (file: string, args: readonly string[]) => ProcessResult | undefined;
  has?: string[];
  gcFails?: boolean;
  scope?: Scope;
  settings?: Partial<CheckContext['settings']>;
}

export interface FakeContext {
  ctx: CheckContext;
  findings: Finding[];
  logs: string[];
  opened: { host: string; globalCatalog: boolean }[];
  runs: { file: string; args: readonly string[] }[];
}

export async function fakeContext(options: FakeContextOptions): Promise<FakeContext> {
  const findings: Finding[] = [];
  const logs: string[] = [];
  const opened: FakeContext['opened'] = [];
  const runs: FakeContext['runs'] = [];
  const io: CoreIo = {
    clock: { now: () => Date.parse('2026-11-22T13:47:47Z'), monotonic: () => performance.now() },
    tcp: { connect: () => Promise.reject(new DoctorError('refused', 'no sockets in unit tests')) },
    udp: { exchange: () => Promise.reject(new DoctorError('refused', 'no sockets in unit tests')) },
    dns: {
      lookup: (host) => {
        const v = options.dns?.[host.toLowerCase()];
        if (v instanceof Error) return Promise.reject(v);
        return v ? Promise.resolve(v) : Promise.reject(new DoctorError('dns', `${host} does not resolve`));
      },
      reverse: (address) => Promise.resolve(options.reverse?.[address] ?? []),
    },
    process: {
      run: (file, args) => {
        runs.push({ file, args });
        const r = options.run?.(file, args);
        return r ? Promise.resolve(r) : Promise.reject(new DoctorError('unavailable', `${file} not found`));
      },
      has: (file) => Promise.resolve((options.has ?? []).includes(file)),
    },
    directory: { connect: () => Promise.reject(new Error('use openSession')) },
    platform: options.platform ?? 'linux',
  };
  const session = new FakeDirectorySession(options.entries);
  const discovery = await discover(session, { clock: io.clock, timeoutMs: 1000 });
  const scope = options.scope ?? { kind: 'organisation' };
  const pick = (name: string) => discovery.servers.find((s) => s.name.toLowerCase() === name.toLowerCase());
  const servers =
    scope.kind === 'organisation'
      ? discovery.servers
      : scope.kind === 'server'
        ? [pick(scope.server)].filter((s) => s !== undefined)
        : [pick(scope.sending), pick(scope.receiving)].filter((s) => s !== undefined);
  const ctx: CheckContext = {
    io,
    discovery,
    servers,
    allServers: discovery.servers,
    domainControllers: discovery.domainControllers,
    scope,
    settings: { ...DEFAULT_ENGINE_SETTINGS, realm: 'CONTOSO.TEST', probeTimeoutMs: 1000, ...options.settings },
    directory: {
      targets: [{ host: 'dc1.contoso.test', port: 636, security: 'ldaps' }],
      credentials: { user: 'doctor@contoso.test', password: 'S3cret-Pa55!' },
    },
    openSession: (host, o) => {
      opened.push({ host, globalCatalog: o?.globalCatalog === true });
      if (o?.globalCatalog && options.gcFails)
        return Promise.reject(new DoctorError('refused', `${host}:3269 refused the connection`));
      return Promise.resolve(new FakeDirectorySession(options.entries));
    },
    signal: new AbortController().signal,
    emit: (f) => findings.push(f),
    log: (m) => logs.push(m),
  };
  return { ctx, findings, logs, opened, runs };
}

export function ok(stdout: string, exitCode = 0, stderr = ''): ProcessResult {
  return { stdout, stderr, exitCode };
}
