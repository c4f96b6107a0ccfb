/**
 * The credential-free Kerberos probe against the lab's real Samba KDC, in whatever scenario the
 * lab runs (every scenario has DC1 and EX01): UDP and TCP 88, an existing and an unknown client
 * principal, and the KDC's clock against this machine's (same host, so within the round trip).
 */
import { strict as assert } from 'node:assert';
import { labEnv } from '../lab/api';
import { createNodeIo } from '../../src/io/node-io';
import { sendAsReq } from '../../src/core/probes/kerberos';

describe('Kerberos AS-REQ probe against the lab KDC', function () {
  this.timeout(30_000);
  const io = createNodeIo();

  for (const transport of ['udp', 'tcp'] as const) {
    it(`${transport.toUpperCase()} 88: PREAUTH_REQUIRED for EX01$, C_PRINCIPAL_UNKNOWN for a made-up name, and the KDC's clock`, async () => {
      const env = labEnv();
      const host = env.EAD_DC_HOST ?? '';
      const realm = env.EAD_REALM ?? '';
      const known = await sendAsReq(io, host, transport, { timeoutMs: 5000, realm, principal: 'EX01$' });
      assert.equal(known.error.errorCode, 25);
      assert.equal(known.error.realm, realm);
      assert.equal(known.error.sname, `krbtgt/${realm}`);
      // Same machine: the KDC's clock is ours, to within the round trip (plus scheduling noise).
      const skew = known.error.serverTimeMs - known.localMidMs;
      assert.ok(
        Math.abs(skew) <= known.roundTripMs / 2 + 50,
        `skew ${skew.toFixed(1)} ms, round trip ${known.roundTripMs.toFixed(1)} ms`,
      );
      const unknown = await sendAsReq(io, host, transport, {
        timeoutMs: 5000,
        realm,
        principal: 'no-such-account-ead',
      });
      assert.equal(unknown.error.errorCode, 6);
    });
  }
});
