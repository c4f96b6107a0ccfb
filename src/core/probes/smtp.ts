/**
 * The live EHLO probe of step 6: connect, read the greeting, send EHLO, read the keywords, QUIT.
 * No TLS, no authentication, no mail: it only looks at what the receive connector offers to a
 * client before TLS (`X-ANONYMOUSTLS`, `X-EXPS GSSAPI NTLM`, see verified-facts §5). The connect
 * has its own timeout; the conversation after it runs under one deadline, and the socket is always
 * destroyed.
 */
import type { Duplex } from 'node:stream';
import type { CoreIo, OpOptions } from '../io';
import { DoctorError, withDeadline } from '../errors';
import type { SmtpProbeResult } from '../steps/6-receive-connectors/connectors-live';
import { SmtpReplyReader, type SmtpReply } from './smtp-reply';

/** How long QUIT may take; its answer is a courtesy, not evidence. */
const QUIT_WAIT_MS = 500;

/** The keywords of a 250 EHLO reply: every line after the first (which greets the client). */
export function ehloKeywords(reply: SmtpReply): string[] {
  return reply.lines
    .slice(1)
    .map((l) => l.trim())
    .filter((l) => l !== '');
}

export function analyseKeywords(
  verbs: readonly string[],
): Pick<SmtpProbeResult, 'offersAnonymousTls' | 'expsMechanisms'> {
  const upper = verbs.map((v) => v.toUpperCase().split(/\s+/));
  const offersAnonymousTls = upper.some((words) => words[0] === 'X-ANONYMOUSTLS');
  const mechanisms = upper.filter((words) => words[0] === 'X-EXPS').flatMap((words) => words.slice(1));
  return { offersAnonymousTls, expsMechanisms: [...new Set(mechanisms)] };
}

/** The address the socket connected from, when the stream is a net.Socket (IPv4-mapped form removed). */
export function localAddressOf(socket: Duplex): string | undefined {
  const address = (socket as { localAddress?: unknown }).localAddress;
  if (typeof address !== 'string' || address === '') return undefined;
  return address.replace(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/i, '$1');
}

/** RFC 5321 address literal for the EHLO argument: this probe has no FQDN of its own to give. */
export function ehloArgument(localAddress: string | undefined): string {
  if (!localAddress) return 'exchange-auth-doctor.invalid';
  return localAddress.includes(':') ? `[IPv6:${localAddress}]` : `[${localAddress}]`;
}

function write(socket: Duplex, line: string): void {
  socket.write(`${line}\r\n`);
}

function unexpected(what: string, step: string, reply: SmtpReply): DoctorError {
  return new DoctorError(
    'protocol',
    `${what} answered ${step} with "${reply.raw.split('\n').join(' | ').slice(0, 200)}"`,
  );
}

export async function probeSmtp(io: CoreIo, host: string, port: number, options: OpOptions): Promise<SmtpProbeResult> {
  const what = `SMTP ${host}:${port}`;
  // The connect has its own timeout (which starts when the run gives it a slot); the deadline of
  // the conversation starts once connected, so waiting for a slot never eats it.
  const socket = await io.tcp.connect(host, port, options);
  const reader = new SmtpReplyReader(socket, what);
  try {
    return await withDeadline(what, options.timeoutMs, options.signal, async (signal) => {
      const op: OpOptions = { timeoutMs: options.timeoutMs, signal };
      const greeting = await reader.read(op);
      if (greeting.code !== 220) throw unexpected(what, 'the connection', greeting);
      const localAddress = localAddressOf(socket);
      write(socket, `EHLO ${ehloArgument(localAddress)}`);
      const ehlo = await reader.read(op);
      if (ehlo.code !== 250) throw unexpected(what, 'EHLO', ehlo);
      const verbs = ehloKeywords(ehlo);
      const result: SmtpProbeResult = { verbs, ...analyseKeywords(verbs) };
      if (localAddress) result.localAddress = localAddress;
      write(socket, 'QUIT');
      await reader.read({ timeoutMs: Math.min(QUIT_WAIT_MS, options.timeoutMs), signal }).catch(() => undefined);
      return result;
    });
  } finally {
    // Also on timeout or abort, when the read in progress never settles.
    reader.dispose();
    socket.destroy();
  }
}
