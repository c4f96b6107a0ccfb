/**
 * Step 4's finding codes and their English wording: one finding per host, saying whether the
 * ports that matter answered. The engine's probes and a terminal run of Test-NetConnection both
 * end in ./port-reachability.ts, which picks the code and fills these templates.
 * `{name}` is the host's display name (`DC1`, `EX02`), `{host}` the name that was tested.
 */
import { defineFindings } from '../../findings/define';

export const portsFindings = defineFindings(4, {
  'port.kdc-stopped': {
    title: '{name}: the Kerberos Key Distribution Center (KDC) service is not running (LDAP answers; {kerberosStates})',
    explanation:
      'This DC answers LDAP, so it is up and reachable, but refuses Kerberos: no process listens on port 88, which means the Kerberos Key Distribution Center service (Kdc) is stopped or failed to start. Exchange servers that ask this DC for tickets fail or wait, and Exchange Server authentication fails with 454 4.7.0. On the DC, check the service and the KDC events of the System log with the lines below; Kdc should run, start automatically, and the events say why it stopped.',
  },
  'port.kdc-silent': {
    title: '{name}: {failures}',
    explanation:
      'Port 88 accepts connections but the KDC never answers a Kerberos request: the KDC service is hung or overloaded, or something else holds the port. A TCP connect alone would call this port open. Ticket requests to this DC wait until they time out, and Exchange Server authentication fails with 454 4.7.0. Look at the DC: the Kdc service, its events in the System log, and the load of lsass.exe.',
  },
  'port.kerberos-blocked': {
    title: '{name}: {failures}',
    explanation:
      'Exchange servers get Kerberos tickets from the DCs on port 88 (UDP first, TCP for large tickets) and 464. When a DC cannot be reached there, ticket requests fail or wait for a timeout and Exchange Server authentication fails with 454 4.7.0. This was tested from this machine; confirm from the Exchange servers with the lines below.',
  },
  'port.transport-blocked': {
    title: '{name}: {failures}',
    explanation:
      'Other Exchange servers deliver mail to this server on these ports. When they cannot reach them, mail queues on the sending side. This was tested from this machine; confirm from the other Exchange servers with the lines below.',
  },
  'port.blocked': {
    title: '{name}: {failures}',
    explanation:
      'Exchange also needs these ports for its directory lookups and management. They are not what Kerberos itself uses, but a blocked one causes other failures. Confirm from the Exchange servers with the lines below.',
  },
  'port.open': {
    title: '{name} answers on {openPorts}{closedOptional}{notTested}',
    explanation:
      'Every port that matters answered from this machine. The path that matters runs from the Exchange servers; the lines below test it there.',
  },
  'port.host-silent': {
    title: '{name} ({host}) answered on none of its ports',
    explanation:
      'Not a single port answered within the probe timeout: the host is down, its address is wrong, or a firewall drops everything from this machine. Nothing can be said about individual ports.',
  },
  'port.unresolved': {
    title: '{name} ({host}) does not resolve',
    explanation: 'The name does not resolve from this machine, so no port could be tested.',
  },
  'port.not-tested': {
    title: 'No TCP test for {host}',
    explanation: 'Test-NetConnection ran without -Port.',
  },
  // A KDC in each Exchange server's AD site (issue 12).
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
  // The SMTP path as a sending server meets it (./smtp-inspection-check.ts).
  'smtp.path-clean': {
    title: "{where} answers as {server}'s connector should: nothing on the path rewrites SMTP",
    explanation: 'The banner names the server and every keyword its connector offers arrived unchanged.',
  },
  'smtp.inspected': {
    title: 'Something on the path to {where} inspects SMTP: {signs}',
    explanation:
      'A masked banner or EHLO keywords overwritten with X characters are what a firewall with SMTP (ESMTP) inspection does. Exchange servers need X-ANONYMOUSTLS, X-EXPS and GSSAPI to pass unchanged between them (KB 979175); through such a device they cannot start TLS or authenticate, and mail queues with 454 4.7.0 or 451 5.7.3. Turn off SMTP inspection for traffic between Exchange servers, or let those verbs through.',
  },
  'smtp.keywords-differ': {
    title: "{where} does not offer what {server}'s connector should: {missing}",
    explanation:
      'The keywords the directory says this connector offers did not all arrive, or the banner names another host. A custom banner or a connector change the server has not loaded yet look the same as a device that strips keywords; compare with an EHLO from the sending server itself.',
  },
});
