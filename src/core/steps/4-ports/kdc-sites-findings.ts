/**
 * Step 4, a KDC per site (pure): an Exchange server authenticates against the DCs of its own AD
 * site first (the DC locator prefers them), so each site that holds Exchange servers needs a KDC
 * that answers. None answering is an error for every server of the site; a KDC that answers on
 * UDP 88 while TCP 88 does not is a warning, because a reply too big for one datagram
 * (KRB_ERR_RESPONSE_TOO_BIG, common with large PACs) makes the client retry over TCP (RFC 4120
 * 7.2.1). A site without any DC is a warning: its servers use DCs of other sites.
 */
import type { EvidenceTable, Finding, Subject } from '../../../shared/findings';
import type { PortState } from './ports-probe';
import { kdcServiceRemedies } from './kdc-remedies';

export interface SiteKdc {
  dc: string;
  site?: string;
  udp: PortState;
  tcp: PortState;
  source: string;
}

export interface SiteServer {
  name: string;
  site?: string;
  subject: Subject;
}

const answers = (s: PortState): boolean => s === 'open';
/** TCP did not give a Kerberos reply for a reason that is not "not tested here". */
const failed = (s: PortState): boolean => s !== 'open' && s !== 'untested';

function sameSite(a: string | undefined, b: string | undefined): boolean {
  return a !== undefined && b !== undefined && a.toLowerCase() === b.toLowerCase();
}

export function siteTable(site: string, kdcs: readonly SiteKdc[]): EvidenceTable {
  return {
    caption: `KDCs of site ${site}, from this machine`,
    columns: ['DC', 'UDP 88', 'TCP 88'],
    rows: kdcs.map((k) => [k.dc, k.udp, k.tcp]),
  };
}

/** One finding per server that has a site: ok, warning (UDP only, or no DC in the site) or error (no KDC answers). */
export function judgeSites(servers: readonly SiteServer[], kdcs: readonly SiteKdc[], observedAt: string): Finding[] {
  const out: Finding[] = [];
  for (const server of servers) {
    if (!server.site) continue;
    const site = server.site;
    const local = kdcs.filter((k) => sameSite(k.site, site));
    const base = { step: 4 as const, subject: server.subject, remedies: [] };
    const evidence = local.map((k) => ({
      label: `Kerberos on ${k.dc}`,
      value: `UDP 88 ${k.udp}, TCP 88 ${k.tcp}`,
      source: k.source,
      observedAt,
    }));
    if (!local.length) {
      out.push({
        ...base,
        code: 'port.kdc-site-none',
        severity: 'warning',
        title: `No domain controller is in ${server.name}'s site ${site}`,
        explanation: `${server.name} has to reach a KDC in another site over the site links; Exchange expects a DC and global catalog in its own site.`,
        evidence: [],
      });
      continue;
    }
    const tables = [siteTable(site, local)];
    const answering = local.filter((k) => answers(k.udp) || answers(k.tcp));
    if (local.every((k) => k.udp === 'untested' && k.tcp === 'untested')) continue;
    if (!answering.length) {
      out.push({
        ...base,
        code: 'port.kdc-site-unreachable',
        severity: 'error',
        title: `No KDC of ${server.name}'s site ${site} answers on port 88 (${local.map((k) => k.dc).join(', ')})`,
        explanation: `${server.name} asks the KDCs of its own site for tickets first. With none answering it waits for each to time out before trying other sites, or fails: Exchange Server authentication to and from ${server.name} breaks.`,
        evidence,
        tables,
        remedies: local.flatMap((k) => kdcServiceRemedies(k.dc)),
      });
      continue;
    }
    const udpOnly = local.filter((k) => answers(k.udp) && failed(k.tcp));
    if (udpOnly.length) {
      out.push({
        ...base,
        code: 'port.kdc-tcp-blocked',
        severity: 'warning',
        title: `${udpOnly.map((k) => k.dc).join(', ')} in ${server.name}'s site ${site} answer Kerberos on UDP 88 but not on TCP 88`,
        explanation:
          'Small Kerberos replies fit in one datagram; a larger one (a big PAC, many groups) comes back as KRB_ERR_RESPONSE_TOO_BIG and the client retries over TCP 88, which fails here.',
        evidence,
        tables,
      });
      continue;
    }
    out.push({
      ...base,
      code: 'port.kdc-site-ok',
      severity: 'ok',
      title: `A KDC of ${server.name}'s site ${site} answers (${answering.map((k) => k.dc).join(', ')})`,
      explanation: `${server.name} can get tickets from a KDC in its own site.`,
      evidence,
      tables,
    });
  }
  return out;
}
