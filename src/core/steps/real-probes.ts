/**
 * The network probes seen through the small interfaces the step 1 and step 4 checks take
 * (ClockProbes, PortProbes), so the checks can be tested with fakes and the probes can change
 * shape without touching them.
 */
import type { CoreIo, OpOptions } from '../io';
import { readGreeting } from '../probes/smtp-reply';
import { kdcTime } from '../probes/kerberos';
import type { BannerTimeAnswer, ClockProbes } from './1-clocks/clock-sources';
import { parseBannerDate } from './1-clocks/clock-banner';
import { portProbesFrom, type PortProbes } from './4-ports/ports-probe';

export { readGreeting } from '../probes/smtp-reply';

/**
 * The server's clock from its greeting. Timing starts once the connection is up: the server stamps
 * the banner after it accepted the connection, so [connected, banner received] brackets the stamp,
 * and the wait for a slot of the run (or a slow name lookup) before the connect never counts.
 */
export async function bannerTime(
  io: CoreIo,
  host: string,
  port: number,
  options: OpOptions,
): Promise<BannerTimeAnswer> {
  const socket = await io.tcp.connect(host, port, options);
  const wallStart = io.clock.now();
  const monoStart = io.clock.monotonic();
  try {
    const banner = await readGreeting(socket, `SMTP ${host}:${port}`, options);
    const roundTripMs = io.clock.monotonic() - monoStart;
    const answer: BannerTimeAnswer = { banner, roundTripMs, localMidMs: wallStart + roundTripMs / 2 };
    const t = parseBannerDate(banner);
    if (t !== undefined) answer.serverTimeMs = t;
    return answer;
  } finally {
    socket.destroy();
  }
}

export const clockProbes: ClockProbes = { kdcTime, bannerTime };

export const portProbes: PortProbes = portProbesFrom(clockProbes);
