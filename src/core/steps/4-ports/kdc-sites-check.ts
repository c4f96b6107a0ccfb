/**
 * Step 4, a KDC per site (issue 12): asks every DC for a Kerberos reply on UDP and TCP 88 (the
 * probes the ports check uses; each port is tried once per run, so a dropped port costs nothing
 * more here) and judges, per Exchange server in scope, the KDCs of its own AD site
 * (./kdc-sites-findings.ts).
 */
import { STEP_TITLES } from '../../../shared/findings';
import type { Check, CheckContext } from '../../engine/check';
import { mapAtOnce } from '../../engine/limit';
import { kdcPrincipal } from '../1-clocks/clock-check';
import { nowIso, serverSubject } from '../3-spns/spn-context';
import type { PortProbes } from './ports-probe';
import { judgeSites, type SiteKdc } from './kdc-sites-findings';

export function createKdcSitesCheck(probes: PortProbes): Check {
  return { id: 'kdc-sites', step: 4, title: STEP_TITLES[4], run: (ctx) => runKdcSitesCheck(ctx, probes) };
}

async function runKdcSitesCheck(ctx: CheckContext, probes: PortProbes): Promise<void> {
  const sites = new Set(ctx.servers.map((s) => s.site?.toLowerCase()).filter(Boolean));
  if (!sites.size) return;
  const dcs = ctx.domainControllers.filter((dc) => dc.site && sites.has(dc.site.toLowerCase()));
  const options = {
    timeoutMs: ctx.settings.probeTimeoutMs,
    signal: ctx.signal,
    realm: ctx.settings.realm,
    principal: kdcPrincipal(ctx.servers),
  };
  const kdcs: SiteKdc[] = await mapAtOnce(dcs, ctx.signal, async (dc) => {
    const host = dc.fqdn ?? dc.name;
    const [udp, tcp] = await Promise.all([
      probes.kerberosUdp(ctx.io, host, options),
      probes.kerberosTcp(ctx.io, host, options),
    ]);
    const kdc: SiteKdc = { dc: dc.name, udp: udp.state, tcp: tcp.state, source: `${host}:88` };
    if (dc.site) kdc.site = dc.site;
    return kdc;
  });
  if (ctx.signal.aborted) return;
  const servers = ctx.servers.map((s) => ({
    name: s.name,
    subject: serverSubject(s),
    ...(s.site ? { site: s.site } : {}),
  }));
  for (const f of judgeSites(servers, kdcs, nowIso(ctx))) ctx.emit(f);
}
