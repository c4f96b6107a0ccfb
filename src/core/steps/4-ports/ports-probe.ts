/**
 * Step 4, one port: open, refused (the host answered that nothing listens), no answer (dropped by
 * a firewall, or the host is down), no reply (the connection was accepted, the service never
 * answered), unresolved (no such name) or unreachable (no route). The TCP test opens and at once
 * closes a connection; port 88, on UDP and TCP, is tested by the Kerberos AS-REQ probe, because
 * only a KDC's reply proves Kerberos is served: a KDC that hangs still accepts TCP connections.
 */
import type { CoreIo, OpOptions } from '../../io';
import { isDoctorError } from '../../errors';
import type { ClockProbes } from '../1-clocks/clock-sources';

/**
 * `untested`: the probe could not be used here (e.g. not available on this platform); no verdict.
 * `no-reply`: the port accepted a connection but the service did not answer its protocol.
 * `not-accepted`: a tool (Test-NetConnection) says only that the connection failed, not whether
 * it was refused or dropped; the engine's own probes never give it.
 */
export type PortState =
  'open' | 'refused' | 'no-answer' | 'no-reply' | 'not-accepted' | 'unresolved' | 'unreachable' | 'error' | 'untested';

export interface PortAnswer {
  state: PortState;
  /** What happened, in words (`connected in 3 ms`, the error message). */
  detail: string;
  roundTripMs?: number;
}

type KerberosOptions = OpOptions & { realm: string; principal: string };

export interface PortProbes {
  tcp(io: CoreIo, host: string, port: number, options: OpOptions): Promise<PortAnswer>;
  /** TCP 88 judged by a Kerberos exchange, not by the connect alone. */
  kerberosTcp(io: CoreIo, host: string, options: KerberosOptions): Promise<PortAnswer>;
  kerberosUdp(io: CoreIo, host: string, options: KerberosOptions): Promise<PortAnswer>;
}

/** Turns a probe's failure into a state; cancellation is rethrown. */
export function stateOfError(e: unknown): PortAnswer {
  const detail = e instanceof Error ? e.message : String(e);
  if (!isDoctorError(e)) return { state: 'error', detail };
  switch (e.kind) {
    case 'aborted':
      throw e;
    case 'refused':
      return { state: 'refused', detail };
    case 'timeout':
      return { state: 'no-answer', detail };
    case 'dns':
      return { state: 'unresolved', detail };
    case 'unreachable':
      return { state: 'unreachable', detail };
    case 'unavailable':
      return { state: 'untested', detail };
    default:
      return { state: 'error', detail };
  }
}

export async function tcpPortState(io: CoreIo, host: string, port: number, options: OpOptions): Promise<PortAnswer> {
  const start = io.clock.monotonic();
  try {
    const socket = await io.tcp.connect(host, port, options);
    const roundTripMs = io.clock.monotonic() - start;
    socket.destroy();
    return { state: 'open', detail: `connected in ${Math.round(roundTripMs)} ms`, roundTripMs };
  } catch (e) {
    return stateOfError(e);
  }
}

function kdcAnswered(a: { errorCode?: number; roundTripMs: number }): PortAnswer {
  return {
    state: 'open',
    detail: `KDC answered${a.errorCode !== undefined ? ` with KRB-ERROR ${a.errorCode}` : ''} in ${Math.round(a.roundTripMs)} ms`,
    roundTripMs: a.roundTripMs,
  };
}

/**
 * The Kerberos exchange over TCP, watching the connect: a timeout after the connection was accepted
 * is a KDC that does not answer (`no-reply`), one before it a port that drops (`no-answer`).
 */
async function kerberosTcpState(
  clock: ClockProbes,
  io: CoreIo,
  host: string,
  options: KerberosOptions,
): Promise<PortAnswer> {
  let connected = false;
  const watched: CoreIo = {
    ...io,
    tcp: {
      connect: async (h, p, o) => {
        const socket = await io.tcp.connect(h, p, o);
        connected = true;
        return socket;
      },
    },
  };
  try {
    return kdcAnswered(await clock.kdcTime(watched, host, 'tcp', options));
  } catch (e) {
    const answer = stateOfError(e);
    if (!connected || answer.state === 'untested') return answer;
    return { state: 'no-reply', detail: `connection accepted, but no Kerberos reply: ${answer.detail}` };
  }
}

/** Port probes built on the clock probes' Kerberos exchange (UDP and TCP 88) and a plain TCP connect. */
export function portProbesFrom(clock: ClockProbes, tcp: PortProbes['tcp'] = tcpPortState): PortProbes {
  return {
    tcp,
    kerberosTcp: (io, host, options) => kerberosTcpState(clock, io, host, options),
    kerberosUdp: async (io, host, options) => {
      try {
        return kdcAnswered(await clock.kdcTime(io, host, 'udp', options));
      } catch (e) {
        return stateOfError(e);
      }
    },
  };
}
