/**
 * Step 4, one port: open, refused (the host answered that nothing listens), no answer (dropped by
 * a firewall, or the host is down), unresolved (no such name) or unreachable (no route). The TCP
 * test opens and at once closes a connection; UDP 88 is tested by the Kerberos AS-REQ probe,
 * because only a KDC's reply proves a UDP port is open.
 */
import type { CoreIo, OpOptions } from '../io';
import { isDoctorError } from '../errors';
import type { ClockProbes } from './clock-sources';

/** `untested`: the probe could not be used here (e.g. not available on this platform); no verdict. */
export type PortState = 'open' | 'refused' | 'no-answer' | 'unresolved' | 'unreachable' | 'error' | 'untested';

export interface PortAnswer {
  state: PortState;
  /** What happened, in words (`connected in 3 ms`, the error message). */
  detail: string;
  roundTripMs?: number;
}

export interface PortProbes {
  tcp(io: CoreIo, host: string, port: number, options: OpOptions): Promise<PortAnswer>;
  kerberosUdp(io: CoreIo, host: string, options: OpOptions & { realm: string; principal: string }): Promise<PortAnswer>;
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

/** Port probes built on the clock probes' Kerberos exchange (UDP) and a plain TCP connect. */
export function portProbesFrom(clock: ClockProbes, tcp: PortProbes['tcp'] = tcpPortState): PortProbes {
  return {
    tcp,
    kerberosUdp: async (io, host, options) => {
      try {
        const a = await clock.kdcTime(io, host, 'udp', options);
        return {
          state: 'open',
          detail: `KDC answered${a.errorCode !== undefined ? ` with KRB-ERROR ${a.errorCode}` : ''} in ${Math.round(a.roundTripMs)} ms`,
          roundTripMs: a.roundTripMs,
        };
      } catch (e) {
        return stateOfError(e);
      }
    },
  };
}
