/**
 * The lab's network faults as text: the options that name them and the nftables script that
 * installs them, which may touch nothing but the lab's own loopback addresses.
 */
import { strict as assert } from 'node:assert';
import { nftScript, parseDropList, parseHostList, parseLatency } from '../../lab/network-faults';
import { interfacesFor, withInterfaces } from '../../lab/samba';
import { DC1, DC2 } from '../../lab/layout';

const addresses: Record<string, string[]> = {
  DC1: ['127.0.0.1', '::1'],
  DC2: ['127.0.0.2'],
  EX01: ['127.0.0.11'],
  EX03: ['127.0.0.13'],
};
const addressesOf = (h: string): string[] => addresses[h] ?? [];
const hosts = Object.keys(addresses);

describe('lab network faults', () => {
  it('reads --drop as TCP ports unless udp/ is written, per protocol', () => {
    assert.deepEqual(parseDropList('465, 717,udp/88,tcp/2525', ['EX03']), [
      { protocol: 'tcp', ports: [465, 717, 2525], on: ['EX03'] },
      { protocol: 'udp', ports: [88], on: ['EX03'] },
    ]);
  });

  it('refuses ports, hosts and latencies that are not what the options take', () => {
    assert.throws(() => parseDropList('465;rm', []), /--drop takes ports/);
    assert.throws(() => parseDropList('70000', []), /--drop takes ports/);
    assert.throws(() => parseDropList(' , ', []), /at least one port/);
    assert.throws(() => parseHostList('EX03,EX99', hosts), /EX99 is not a lab host/);
    assert.deepEqual(parseHostList('ex03, dc2', hosts), ['EX03', 'DC2']);
    assert.throws(() => parseLatency('-5'), /--latency/);
    assert.equal(parseLatency('20'), 20);
  });

  it('drops only on the named hosts, IPv4 and IPv6 apart, in one atomic replacement of its own table', () => {
    const script = nftScript(
      [
        { protocol: 'tcp', ports: [465, 717], on: ['EX01', 'EX03'] },
        { protocol: 'udp', ports: [88], on: ['DC1'] },
      ],
      addressesOf,
      hosts,
    );
    assert.equal(
      script,
      [
        'table inet ead_lab',
        'delete table inet ead_lab',
        'table inet ead_lab {',
        '  chain input {',
        '    type filter hook input priority 0; policy accept;',
        '    ip daddr { 127.0.0.11, 127.0.0.13 } tcp dport { 465, 717 } drop',
        '    ip daddr { 127.0.0.1 } udp dport { 88 } drop',
        '    ip6 daddr { ::1 } udp dport { 88 } drop',
        '  }',
        '}',
        '',
      ].join('\n'),
    );
  });

  it('with no host named, drops on every lab host; with no rule, only removes the table', () => {
    const every = nftScript([{ protocol: 'tcp', ports: [25], on: [] }], addressesOf, hosts);
    assert.match(
      every,
      /ip daddr \{ 127\.0\.0\.1, 127\.0\.0\.2, 127\.0\.0\.11, 127\.0\.0\.13 \} tcp dport \{ 25 \} drop/,
    );
    assert.equal(nftScript([], addressesOf, hosts), 'table inet ead_lab\ndelete table inet ead_lab\n');
  });

  it('puts samba on its inner address behind the latency relay, and back on its own without', () => {
    const conf = '[global]\n\tinterfaces = lo\n\tbind interfaces only = yes\n';
    assert.equal(interfacesFor(DC1, false), 'lo');
    assert.equal(interfacesFor(DC2, false), '127.0.0.2/8');
    assert.equal(interfacesFor(DC1, true), '127.0.1.1/8');
    assert.equal(
      withInterfaces(conf, interfacesFor(DC1, true)),
      '[global]\n\tinterfaces = 127.0.1.1/8\n\tbind interfaces only = yes\n',
    );
    assert.throws(() => withInterfaces('[global]\n', 'lo'), /no interfaces line/);
  });
});
