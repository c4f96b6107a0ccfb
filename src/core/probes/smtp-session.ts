/**
 * One SMTP session as a sending Exchange server runs it, stage by stage: TCP, banner, EHLO, the TLS
 * verb (X-ANONYMOUSTLS, else STARTTLS), the TLS handshake, EHLO again inside TLS, QUIT. No
 * authentication and no mail. Each stage is recorded (outcome, time, what was seen) with a
 * transcript of the lines exchanged, so a failure says where it happened; a stage that fails or
 * stalls ends the session there and the result keeps everything before it. The connect has its
 * own timeout; the conversation after it runs under one deadline, and the sockets are always
 * destroyed. Only cancellation of the run is thrown; everything else is in the result.
 */
import type { Duplex } from 'node:stream';
import type { CoreIo, OpOptions } from '../io';
import { isTlsHandshakeError, type TlsSessionInfo, type TlsVersion } from '../io-tls';
import { isDoctorError, withDeadline } from '../errors';
import { SmtpReplyReader, type SmtpReply } from './smtp-reply';
import { ehloArgument, ehloKeywords, localAddressOf } from './smtp';

export type StageName = 'tcp' | 'banner' | 'ehlo' | 'upgrade' | 'tls' | 'ehlo-tls';
export const STAGES: readonly StageName[] = ['tcp', 'banner', 'ehlo', 'upgrade', 'tls', 'ehlo-tls'];

export interface StageRecord {
  stage: StageName;
  outcome: 'ok' | 'failed' | 'skipped';
  /** What was seen, or why it failed or was skipped. */
  detail: string;
  ms: number;
}

export interface EhloSeen {
  /** The first line of the reply (`ex02.contoso.test Hello [10.0.0.5]`). */
  greeting: string;
  keywords: string[];
}

export interface TlsFailure {
  message: string;
  reason?: string;
  noCommonVersion: boolean;
  /** The versions this side offered. */
  offered: { min: TlsVersion; max: TlsVersion };
}

export interface SmtpSessionResult {
  host: string;
  port: number;
  localAddress?: string;
  banner?: string;
  ehlo?: EhloSeen;
  upgrade?: { verb: 'X-ANONYMOUSTLS' | 'STARTTLS'; reply: string };
  tls?: Omit<TlsSessionInfo, 'stream'>;
  tlsError?: TlsFailure;
  ehloInTls?: EhloSeen;
  stages: StageRecord[];
  /** `S: 220 ...`, `C: EHLO ...`; no secrets are ever sent in this session. */
  transcript: string[];
  /** The stage that failed or stalled (timeout), when the session did not run to its end. */
  stoppedAt?: StageName;
}

export interface SmtpSessionOptions extends OpOptions {
  /** Stop after the first EHLO (what step 4's comparison needs). */
  plainOnly?: boolean;
  /** Offer legacy versions too (to learn what an old receiver speaks). */
  legacy?: boolean;
}

const QUIT_WAIT_MS = 500;

function seen(reply: SmtpReply): EhloSeen {
  return { greeting: (reply.lines[0] ?? '').trim(), keywords: ehloKeywords(reply) };
}

/** The TLS verb a sending Exchange server uses: X-ANONYMOUSTLS when offered, else STARTTLS. */
export function upgradeVerb(keywords: readonly string[]): 'X-ANONYMOUSTLS' | 'STARTTLS' | undefined {
  const words = keywords.map((k) => (k.split(/\s+/)[0] ?? '').toUpperCase());
  if (words.includes('X-ANONYMOUSTLS')) return 'X-ANONYMOUSTLS';
  if (words.includes('STARTTLS')) return 'STARTTLS';
  return undefined;
}

export async function runSmtpSession(
  io: CoreIo,
  host: string,
  port: number,
  options: SmtpSessionOptions,
): Promise<SmtpSessionResult> {
  const what = `SMTP ${host}:${port}`;
  const result: SmtpSessionResult = { host, port, stages: [], transcript: [] };
  let started = io.clock.monotonic();
  const record = (stage: StageName, outcome: StageRecord['outcome'], detail: string): void => {
    const now = io.clock.monotonic();
    result.stages.push({ stage, outcome, detail, ms: Math.round(now - started) });
    started = now;
  };
  let socket: Duplex;
  try {
    socket = await io.tcp.connect(host, port, options);
  } catch (e) {
    if (isDoctorError(e) && e.kind === 'aborted') throw e;
    record('tcp', 'failed', e instanceof Error ? e.message : String(e));
    result.stoppedAt = 'tcp';
    return result;
  }
  const local = localAddressOf(socket);
  if (local) result.localAddress = local;
  record('tcp', 'ok', `connected${local ? ` from ${local}` : ''}`);
  let reader = new SmtpReplyReader(socket, what);
  let stream: Duplex = socket;
  let current: StageName = 'banner';
  const send = (line: string): void => {
    result.transcript.push(`C: ${line}`);
    stream.write(`${line}\r\n`);
  };
  const receive = async (op: OpOptions): Promise<SmtpReply> => {
    const reply = await reader.read(op);
    for (const l of reply.raw.split('\n')) result.transcript.push(`S: ${l}`);
    return reply;
  };
  try {
    await withDeadline(what, options.timeoutMs, options.signal, async (signal) => {
      const op: OpOptions = { timeoutMs: options.timeoutMs, signal };
      const banner = await receive(op);
      result.banner = banner.raw;
      if (banner.code !== 220) return record('banner', 'failed', banner.raw);
      record('banner', 'ok', banner.raw);
      current = 'ehlo';
      send(`EHLO ${ehloArgument(local)}`);
      const ehlo = await receive(op);
      if (ehlo.code !== 250) return record('ehlo', 'failed', ehlo.raw);
      result.ehlo = seen(ehlo);
      record('ehlo', 'ok', result.ehlo.keywords.join(' | '));
      if (options.plainOnly) return;
      current = 'upgrade';
      const verb = upgradeVerb(result.ehlo.keywords);
      if (!verb) return record('upgrade', 'skipped', 'neither X-ANONYMOUSTLS nor STARTTLS is offered');
      send(verb);
      const go = await receive(op);
      result.upgrade = { verb, reply: go.raw };
      if (go.code !== 220) return record('upgrade', 'failed', go.raw);
      record('upgrade', 'ok', `${verb}: ${go.raw}`);
      current = 'tls';
      const upgrader = io.tls;
      if (!upgrader) return record('tls', 'skipped', 'this platform offers no TLS');
      reader.dispose();
      let session: TlsSessionInfo;
      try {
        session = await upgrader.upgrade(socket, {
          ...op,
          servername: host,
          ...(options.legacy ? { legacy: true } : {}),
        });
      } catch (e) {
        if (!isTlsHandshakeError(e)) throw e;
        result.tlsError = {
          message: e.message,
          ...(e.reason ? { reason: e.reason } : {}),
          noCommonVersion: e.noCommonVersion,
          offered: options.legacy ? { min: 'TLSv1', max: upgrader.defaultVersions.max } : upgrader.defaultVersions,
        };
        return record('tls', 'failed', e.message);
      }
      const { stream: secured, ...info } = session;
      stream = secured;
      result.tls = info;
      record('tls', 'ok', `${info.protocol} ${info.cipher}`);
      reader = new SmtpReplyReader(secured, `${what} (TLS)`);
      current = 'ehlo-tls';
      send(`EHLO ${ehloArgument(local)}`);
      const again = await receive(op);
      if (again.code !== 250) return record('ehlo-tls', 'failed', again.raw);
      result.ehloInTls = seen(again);
      record('ehlo-tls', 'ok', result.ehloInTls.keywords.join(' | '));
      send('QUIT');
      await receive({ timeoutMs: Math.min(QUIT_WAIT_MS, options.timeoutMs), signal }).catch(() => undefined);
    });
  } catch (e) {
    if (isDoctorError(e) && e.kind === 'aborted') throw e;
    record(current, 'failed', e instanceof Error ? e.message : String(e));
  } finally {
    reader.dispose();
    stream.destroy();
    socket.destroy();
  }
  const failed = result.stages.find((s) => s.outcome === 'failed');
  if (failed) result.stoppedAt = failed.stage;
  return result;
}
