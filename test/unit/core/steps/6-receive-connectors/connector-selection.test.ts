import { strict as assert } from 'node:assert';
import {
  explainSelection,
  linkLocalCoverage,
  listensOnIpv6,
  selectionReason,
} from '../../../../../src/core/steps/6-receive-connectors/connector-selection';
import {
  addExchangeServersGroup,
  addLinkLocalRange,
} from '../../../../../src/core/steps/6-receive-connectors/permission-groups-remedy';
import type { ReceiveConnector } from '../../../../../src/core/directory/model';
import { ex02Connector } from './ex02-connector-fixture';

function connector(name: string, bindings: string[], ranges: string[], enabled = true, flags = 31): ReceiveConnector {
  return ex02Connector(name, flags, bindings, ranges, enabled);
}

const ALL = ['0.0.0.0-255.255.255.255', '::-ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff'];
const ANY = ['0.0.0.0:2525', '[::]:2525'];
const DEFAULT = connector('Default EX02', ANY, ALL);

const outcomes = (e: ReturnType<typeof explainSelection>): Record<string, string> =>
  Object.fromEntries(e.candidates.map((c) => [c.connector.name, c.outcome]));

describe('connector selection per source address (step 6)', () => {
  it('IPv4: the narrowest range wins, and the wider one is named as the loser', () => {
    const relay = connector('Relay', ANY, ['10.0.0.0/24'], true, 13);
    const e = explainSelection([DEFAULT, relay], 2525, '10.0.0.5');
    assert.equal(e.winner?.connector.name, 'Relay');
    assert.equal(e.winner?.range.size, 256n);
    assert.deepEqual(outcomes(e), { 'Default EX02': 'wider-range', Relay: 'wins' });
    assert.match(
      selectionReason(e),
      /Relay has the narrowest range holding 10\.0\.0\.5 \(10\.0\.0\.0\/24, 256 addresses\)/,
    );
    assert.equal(explainSelection([DEFAULT, relay], 2525, '10.0.1.5').winner?.connector.name, 'Default EX02');
  });

  it('IPv6: a /64 beats the whole IPv6 space; an IPv4 range never holds an IPv6 address', () => {
    const site = connector('Site v6', ANY, ['2001:db8:1::/64']);
    const v4only = connector('v4 only', ANY, ['0.0.0.0/0']);
    const e = explainSelection([DEFAULT, site, v4only], 2525, '2001:db8:1::20');
    assert.equal(e.winner?.connector.name, 'Site v6');
    assert.equal(outcomes(e)['v4 only'], 'no-range');
  });

  it('IPv4-mapped IPv6 (::ffff:10.0.0.5) is matched against IPv4 ranges', () => {
    const relay = connector('Relay', ANY, ['10.0.0.5']);
    const e = explainSelection([DEFAULT, relay], 2525, '::ffff:10.0.0.5');
    assert.equal(e.winner?.connector.name, 'Relay');
    assert.equal(e.winner?.range.size, 1n);
  });

  it('link-local: a connector taking only a global IPv6 prefix leaves fe80::/10 uncovered', () => {
    const narrowed = connector('Default EX02', ANY, ['0.0.0.0-255.255.255.255', 'fd00:ead::/64']);
    const e = explainSelection([narrowed], 2525, 'fe80::1c2:3ff:fe04:506');
    assert.equal(e.winner, undefined);
    assert.match(selectionReason(e), /no enabled connector bound on 2525/);
    const cover = linkLocalCoverage([narrowed], 2525);
    assert.deepEqual([cover.full.length, cover.partial.length, cover.anyIpv6.length], [0, 0, 1]);
    assert.equal(listensOnIpv6([narrowed], 2525), true);
    assert.equal(linkLocalCoverage([DEFAULT], 2525).full.length, 1);
    const part = linkLocalCoverage([connector('Part', ANY, ['fe80::/64'])], 2525);
    assert.deepEqual([part.full.length, part.partial.length], [0, 1]);
    assert.equal(listensOnIpv6([connector('v4', ['0.0.0.0:2525'], ALL)], 2525), false);
    assert.equal(
      explainSelection([narrowed, connector('LL', ANY, ['fe80::/10'])], 2525, 'fe80::1').winner?.connector.name,
      'LL',
    );
  });

  it('overlapping ranges of equal size are reported as a tie, not silently resolved', () => {
    const a = connector('A', ANY, ['10.0.0.0/24']);
    const b = connector('B', ANY, ['10.0.0.128-10.0.1.127']);
    const e = explainSelection([a, b], 2525, '10.0.0.200');
    assert.equal(e.winner?.connector.name, 'A');
    assert.deepEqual(
      e.ties.map((c) => c.name),
      ['B'],
    );
    assert.equal(outcomes(e).B, 'tie');
    assert.equal(explainSelection([a, b], 2525, '10.0.0.5').ties.length, 0, 'only A holds 10.0.0.5');
  });

  it('disabled connectors and connectors on other ports never win, and say so', () => {
    const off = connector('Off', ANY, ['10.0.0.5'], false);
    const other = connector('Other port', ['0.0.0.0:25'], ['10.0.0.5']);
    const e = explainSelection([DEFAULT, off, other], 2525, '10.0.0.5');
    assert.equal(e.winner?.connector.name, 'Default EX02');
    assert.deepEqual(outcomes(e), { 'Default EX02': 'wins', Off: 'disabled', 'Other port': 'not-on-port' });
  });

  it('a binding to one address: only connections to that address reach it; it wins a tie of equal ranges', () => {
    const bound = connector('Bound', ['10.0.0.20:2525'], ALL);
    const elsewhere = explainSelection([DEFAULT, bound], 2525, '10.0.0.5', ['10.0.0.21']);
    assert.equal(elsewhere.winner?.connector.name, 'Default EX02');
    assert.equal(outcomes(elsewhere).Bound, 'other-address');
    const here = explainSelection([DEFAULT, bound], 2525, '10.0.0.5', ['10.0.0.20']);
    assert.equal(here.winner?.connector.name, 'Bound');
    assert.equal(here.ties.length, 0, 'the specific binding decides; no tie');
  });

  it('remedies keep what the connector has: permission groups read back, ranges added with @{Add=}', () => {
    const relay = connector("Relay 'apps'", ['0.0.0.0:25'], ['10.0.0.0/24'], true, 13);
    const pg = addExchangeServersGroup(relay);
    assert.equal(
      pg?.command,
      "$groups = (Get-ReceiveConnector -Identity 'EX02\\Relay ''apps''').PermissionGroups; Set-ReceiveConnector -Identity 'EX02\\Relay ''apps''' -PermissionGroups \"$groups, ExchangeServers\"",
    );
    assert.equal(pg?.changesState, true);
    assert.equal(
      addLinkLocalRange(DEFAULT)?.command,
      "Set-ReceiveConnector -Identity 'EX02\\Default EX02' -RemoteIPRanges @{Add='fe80::/10'}",
    );
    assert.equal(addExchangeServersGroup(connector('bad\u0007name', ANY, ALL)), undefined);
  });
});
