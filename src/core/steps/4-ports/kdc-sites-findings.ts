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
import type { FindingCode } from '../finding-codes';
import { makeFinding } from '../../findings/define';
import { portsFindings as T } from './finding-codes';
import { labelOf, tableOf, valueOf } from '../../l10n/worded-parts';
import { text } from '../../l10n/render';
import { stateWords, valueList } from './port-words';

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
  return tableOf({
    caption: text('fp.4.table.site', { site }),
    columns: [
      text('fp.4.col.dc'),
      text('fp.common.value', { value: 'UDP 88' }),
      text('fp.common.value', { value: 'TCP 88' }),
    ],
    rows: kdcs.map((k) => [k.dc, stateWords(k.udp, true), stateWords(k.tcp, true)]),
  });
}

/** One finding per server that has a site: ok, warning (UDP only, or no DC in the site) or error (no KDC answers). */
export function judgeSites(
  servers: readonly SiteServer[],
  kdcs: readonly SiteKdc[],
  observedAt: string,
): Finding<FindingCode>[] {
  const out: Finding<FindingCode>[] = [];
  for (const server of servers) {
    if (!server.site) continue;
    const site = server.site;
    const local = kdcs.filter((k) => sameSite(k.site, site));
    const evidence = local.map((k) => ({
      ...labelOf('fp.4.label.kerberos-on', { dc: k.dc }),
      ...valueOf(text('fp.4.value.kdc-ports', { udp: stateWords(k.udp, true), tcp: stateWords(k.tcp, true) })),
      source: k.source,
      observedAt,
    }));
    const at = { subject: server.subject, evidence };
    if (!local.length) {
      out.push(
        makeFinding(T, 'port.kdc-site-none', { ...at, severity: 'warning', params: { server: server.name, site } }),
      );
      continue;
    }
    if (local.every((k) => k.udp === 'untested' && k.tcp === 'untested')) continue;
    const tables = [siteTable(site, local)];
    const answering = local.filter((k) => answers(k.udp) || answers(k.tcp));
    const udpOnly = local.filter((k) => answers(k.udp) && failed(k.tcp));
    const names = (list: readonly SiteKdc[]) => valueList(list.map((k) => k.dc));
    if (!answering.length)
      out.push(
        makeFinding(T, 'port.kdc-site-unreachable', {
          ...at,
          severity: 'error',
          params: { server: server.name, site, kdcs: names(local) },
          tables,
          remedies: local.flatMap((k) => kdcServiceRemedies(k.dc)),
        }),
      );
    else if (udpOnly.length)
      out.push(
        makeFinding(T, 'port.kdc-tcp-blocked', {
          ...at,
          severity: 'warning',
          params: { server: server.name, site, kdcs: names(udpOnly) },
          tables,
        }),
      );
    else
      out.push(
        makeFinding(T, 'port.kdc-site-ok', {
          ...at,
          severity: 'ok',
          params: { server: server.name, site, kdcs: names(answering) },
          tables,
        }),
      );
  }
  return out;
}
