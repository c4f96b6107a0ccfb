/**
 * Step 4 finding codes for a KDC in each Exchange server's AD site (issue 12), with their English
 * wording ({name} placeholders filled from params).
 */
import { defineFindings } from '../../findings/define';

export const kdcSiteFindings = defineFindings(4, {
  'port.kdc-site-ok': {
    title: "A KDC of {server}'s site {site} answers ({kdcs})",
    explanation: '{server} can get tickets from a KDC in its own site.',
  },
  'port.kdc-site-none': {
    title: "No domain controller is in {server}'s site {site}",
    explanation:
      '{server} has to reach a KDC in another site over the site links; Exchange expects a DC and global catalog in its own site.',
  },
  'port.kdc-site-unreachable': {
    title: "No KDC of {server}'s site {site} answers on port 88 ({kdcs})",
    explanation:
      '{server} asks the KDCs of its own site for tickets first. With none answering it waits for each to time out before trying other sites, or fails: Exchange Server authentication to and from {server} breaks.',
  },
  'port.kdc-tcp-blocked': {
    title: "{kdcs} in {server}'s site {site}: Kerberos answers on UDP 88 but not on TCP 88",
    explanation:
      'Small Kerberos replies fit in one datagram; a larger one (a big PAC, many groups) comes back as KRB_ERR_RESPONSE_TOO_BIG and the client retries over TCP 88, which fails here.',
  },
});
