/**
 * The core's I/O over Node: sockets, DNS, processes, the clock and the LDAP client. The CLI, the
 * extension and the integration tests build one of these; unit tests use fakes instead.
 */
import type { Clock, CoreIo } from '../core/io';
import { AuthDirectoryConnector } from './directory-auth';
import { nodeDns } from './dns';
import { ExecaProcessRunner } from './process';
import { nodeTcp } from './tcp';
import { nodeUdp } from './udp';
import { KinitTicketCaches } from './private-ticket-cache';
import { nodeTls } from './tls-upgrade';

export const nodeClock: Clock = {
  now: () => Date.now(),
  monotonic: () => performance.now(),
};

export function createNodeIo(): CoreIo {
  // Fresh objects each time: tests replace single operations (e.g. io.tcp.connect) on their copy.
  const runner = new ExecaProcessRunner();
  return {
    clock: { ...nodeClock },
    tcp: { ...nodeTcp },
    udp: { ...nodeUdp },
    tls: nodeTls,
    dns: { ...nodeDns },
    process: runner,
    // A password goes to ldapts; Kerberos to ldapsearch -Y GSSAPI, or the logon on Windows.
    directory: new AuthDirectoryConnector(runner),
    // Step 3's ticket evidence: kinit into a private cache from the signed-in password.
    kerberos: new KinitTicketCaches(runner),
    platform: process.platform,
  };
}
