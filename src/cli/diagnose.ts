/**
 * `exchange-auth-doctor diagnose`: discover the organisation through the first DC that answers,
 * run the engine over the chosen scope and steps, stream findings as text (or collect them for
 * --json / --markdown), and return the exit code: 0 no error finding, 1 error findings, 2 when
 * the directory cannot be used, 130 when cancelled.
 */
import type { Writable } from 'node:stream';
import type { Finding, Verdict } from '../shared/findings';
import type { CoreIo, DirectoryCredentials } from '../core/io';
import type { Scope } from '../core/engine/check';
import type { DiscoveryResult } from '../core/directory/model';
import { discoverWithFailover } from '../core/directory/failover';
import { isDoctorError } from '../core/errors';
import { renderJson } from '../core/report/json';
import { buildKerberosReadiness } from '../shared/kerberos-readiness';
import { formatReadiness, readinessIn } from './readiness-text';
import { renderMarkdown } from '../core/report/markdown';
import { type ReportMeta } from '../core/report/meta';
import { UsageError, type DiagnoseOptions } from './args';
import { buildTargets, explainConnectionError, readCaFile } from './connection';
import { runEngine } from './engine-adapter';
import { TextPrinter } from './text-output';
import { cliOutput } from './output';
import { ProgressLine } from './progress-line';
import { redactSecrets } from '../core/report/meta';
import type { EngineEvent } from '../core/engine/check';

export interface DiagnoseStreams {
  stdout: Writable;
  stderr: Writable;
  /** Progress lines on stderr (only when it is a terminal, to keep logs of CI runs short). */
  progress: boolean;
}

export interface DiagnoseResult {
  exitCode: number;
  findings: Finding[];
  verdict?: Verdict;
}

/** Maps the named servers onto the discovered ones; unknown names are a usage error. */
export function chooseScope(options: DiagnoseOptions, discovery: DiscoveryResult): Scope {
  const known = new Map(discovery.servers.map((s) => [s.name.toLowerCase(), s.name]));
  const byFqdn = new Map(
    discovery.servers.flatMap((s) =>
      [s.fqdn, s.computer?.dnsHostName].filter((x): x is string => !!x).map((f) => [f.toLowerCase(), s.name]),
    ),
  );
  const resolve = (name: string): string => {
    const hit = known.get(name.toLowerCase()) ?? byFqdn.get(name.toLowerCase());
    if (!hit) {
      const list = discovery.servers.map((s) => s.name).join(', ') || 'none';
      throw new UsageError(`No Exchange server named ${name} was found in the directory (servers found: ${list})`);
    }
    return hit;
  };
  if (options.pair)
    return { kind: 'pair', sending: resolve(options.pair.sending), receiving: resolve(options.pair.receiving) };
  const named = [...new Set(options.servers.map(resolve))];
  // Every server named (as the lab's EAD_SERVERS does) is the whole organisation.
  if (named.length === 0 || named.length === discovery.servers.length) return { kind: 'organisation' };
  if (named.length === 1) return { kind: 'server', server: named[0] ?? '' };
  throw new UsageError('Name one server, a --pair, or none for the whole organisation');
}

function scopeText(scope: Scope): string {
  if (scope.kind === 'organisation') return 'whole organisation';
  if (scope.kind === 'server') return `server ${scope.server}`;
  return `${scope.sending} -> ${scope.receiving}`;
}

export async function runDiagnose(
  io: CoreIo,
  options: DiagnoseOptions,
  password: string,
  streams: DiagnoseStreams,
  signal: AbortSignal,
  version: string,
): Promise<DiagnoseResult> {
  const startedAt = new Date(io.clock.now()).toISOString();
  // With Kerberos the ticket (or Windows logon) signs in; `password` is then empty and unused.
  const credentials: DirectoryCredentials =
    options.auth === 'kerberos' ? { kind: 'kerberos' } : { user: options.user, password };
  const targets = buildTargets(options, readCaFile(options.caFile));
  // Everything this command prints passes src/cli/output.ts: the password masked (as in the JSON
  // and Markdown reports) and control characters from servers and the directory made visible.
  const secrets = [password];
  const stdout = cliOutput(streams.stdout, { secrets, colour: options.color });
  const stderr = cliOutput(streams.stderr, { secrets });
  const progress = (line: string): void => {
    if (streams.progress) stderr.write(`${line}\n`);
  };

  progress(`Connecting to ${options.dcs.join(', ')} as ${options.user || 'the Kerberos ticket holder'}...`);
  let discovery: DiscoveryResult;
  try {
    discovery = await discoverWithFailover(io.directory, targets, credentials, {
      clock: io.clock,
      timeoutMs: options.timeoutMs,
      signal,
    });
  } catch (e) {
    if (isDoctorError(e) && e.kind === 'aborted') return { exitCode: 130, findings: [] };
    stderr.write(`exchange-auth-doctor: ${explainConnectionError(e, options)}\n`);
    return { exitCode: 2, findings: [] };
  }
  for (const w of discovery.warnings) progress(`warning: ${w}`);
  const scope = chooseScope(options, discovery);
  progress(
    `Diagnosing ${scopeText(scope)} (${discovery.servers.map((s) => s.name).join(', ') || 'no Exchange servers'}), steps ${options.steps.join(',')}`,
  );

  // The progress line writes its own erase sequences, so it gets stderr with the password masked
  // only; it makes what it shows from servers visible itself (src/cli/progress-line.ts).
  const line = new ProgressLine(
    { write: (text: string) => streams.stderr.write(redactSecrets(text, secrets)) },
    streams.progress,
    () => io.clock.monotonic(),
  );
  const printer =
    options.format === 'text' ? new TextPrinter(stdout, options.color, options.steps, line, options.lang) : undefined;
  const jsonOut = cliOutput(streams.stdout, { secrets, kind: 'json' });
  // --json-lines: one object per line, through the same JSON writer as --json.
  const jsonLine = (value: unknown): void => {
    if (options.format === 'json-lines') jsonOut.write(`${JSON.stringify(value)}\n`);
  };
  const onEvent = (e: EngineEvent): void => {
    if (e.type === 'finding') {
      printer?.finding(e.finding);
      line.finding();
      jsonLine({ type: 'finding', finding: e.finding });
    } else if (e.type === 'step-started') line.stepStarted(e.step);
    else if (e.type === 'step-finished') {
      line.stepFinished(e.step);
      printer?.stepFinished(e.step);
      jsonLine({ type: 'step-finished', step: e.step, durationMs: Math.round(e.durationMs) });
    } else line.log(e.message);
  };
  let outcome: Awaited<ReturnType<typeof runEngine>>;
  try {
    outcome = await runEngine({ io, discovery, scope, options, directory: { targets, credentials }, signal, onEvent });
  } finally {
    line.stop();
  }
  const { findings, verdict, cancelled } = outcome;

  const meta: ReportMeta = {
    tool: { name: 'exchange-auth-doctor', version },
    startedAt,
    finishedAt: new Date(io.clock.now()).toISOString(),
    directoryUrl: discovery.source,
    scope: scopeText(scope),
    servers: discovery.servers.map((s) => s.name),
    steps: options.steps,
    platform: io.platform,
  };
  // A pair gets the Kerberos readiness table (issue 12) in --json and after the text verdict.
  const readiness =
    scope.kind === 'pair' ? buildKerberosReadiness(findings, scope.sending, scope.receiving) : undefined;
  if (options.format === 'json')
    jsonOut.write(renderJson(findings, verdict, meta, { secrets, ...(readiness ? { readiness } : {}) }));
  else if (options.format === 'json-lines') jsonLine({ type: 'verdict', verdict, meta, cancelled });
  else if (options.format === 'markdown') stdout.write(renderMarkdown(findings, verdict, meta, { secrets }));
  else {
    printer?.verdict(verdict, findings);
    if (scope.kind === 'pair' && options.format === 'text')
      stdout.write(
        `\n${formatReadiness(readinessIn(options.lang, findings, scope.sending, scope.receiving), options.lang)}`,
      );
  }
  if (cancelled) {
    stderr.write('exchange-auth-doctor: cancelled; the results above are partial\n');
    return { exitCode: 130, findings, verdict };
  }
  return { exitCode: findings.some((f) => f.severity === 'error') ? 1 : 0, findings, verdict };
}
