/**
 * The network probes seen through the small interfaces the step 1 and step 4 checks take
 * (ClockProbes, PortProbes), so the checks can be tested with fakes and the probes can change
 * shape without touching them.
 */
import type { CoreIo, OpOptions } from '../io';
import { readGreeting } from '../probes/smtp-reply';
import { kdcTime } from '../probes/kerberos';
import type { BannerTimeAnswer, ClockProbes } from './clock-sources';
import { parseBannerDate } from './clock-banner';
import { portProbesFrom, type PortProbes } from './ports-probe';

export { readGreeting } from '../probes/smtp-reply';

export async function bannerTime(io: CoreIo, host: string, port: number, options: OpOptions): Promise<BannerTimeAnswer> {
  const wallStart = io.clock.now();
  const monoStart = io.clock.monotonic();
  const socket = await io.tcp.connect(host, port, options);
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
