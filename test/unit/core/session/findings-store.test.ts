import { strict as assert } from 'node:assert';
import type { Finding, Severity, Step } from '../../../../src/shared/findings';
import { FindingsStore, type FindingsEntry } from '../../../../src/core/session/findings-store';
import { healthByServer, serversNamedBy, sortFindings } from '../../../../src/core/session/server-health';

function finding(code: string, severity: Severity, subject: Finding['subject'], step: Step = 3): Finding {
  return {
    code,
    step,
    severity,
    subject,
    title: `${code} ${subject.name}`,
    explanation: '',
    evidence: [],
    remedies: [],
    ...(severity === 'unknown' ? { reason: 'r' } : {}),
  };
}

function entry(e: Partial<FindingsEntry> & Pick<FindingsEntry, 'key' | 'findings'>): FindingsEntry {
  return { kind: 'tool', label: e.key, servers: [], steps: [3], organisation: false, at: '2026-11-22T00:00:00Z', ...e };
}

describe('findings store and server health', () => {
  it('names servers from server, connector and pair subjects', () => {
    assert.deepEqual(serversNamedBy(finding('a', 'ok', { kind: 'server', name: 'ex01' })), ['EX01']);
    assert.deepEqual(serversNamedBy(finding('a', 'ok', { kind: 'connector', name: 'EX02\\Default EX02' })), ['EX02']);
    assert.deepEqual(serversNamedBy(finding('a', 'ok', { kind: 'pair', name: 'EX01 -> EX02' })), ['EX01', 'EX02']);
    assert.deepEqual(serversNamedBy(finding('a', 'ok', { kind: 'dc', name: 'DC1' })), []);
  });

  it('health: the worst finding wins; a single worst finding gives its title; DC findings count for the scope', () => {
    const fs = [
      finding('spn.missing', 'error', { kind: 'server', name: 'EX01' }),
      finding('spn.registered', 'ok', { kind: 'server', name: 'EX02' }),
      finding('clock.skew', 'warning', { kind: 'dc', name: 'DC1' }, 1),
    ];
    const h = healthByServer(fs, ['EX01', 'EX02']);
    assert.equal(h.get('EX01')?.severity, 'error');
    assert.equal(h.get('EX01')?.summary, 'spn.missing EX01');
    assert.equal(h.get('EX02')?.severity, 'warning');
    assert.equal(sortFindings(fs)[0]?.code, 'spn.missing');
  });

  it('a tool run replaces its own earlier result only; a diagnosis replaces what it covers', () => {
    const store = new FindingsStore();
    let changes = 0;
    store.onDidChange(() => changes++);
    store.add(
      entry({
        key: 'setspn-L:EX01',
        servers: ['EX01'],
        findings: [finding('spn.missing', 'error', { kind: 'server', name: 'EX01' })],
      }),
    );
    store.add(
      entry({
        key: 'setspn-X:organisation',
        findings: [finding('spn.no-duplicates', 'ok', { kind: 'organisation', name: 'organisation' })],
      }),
    );
    assert.equal(store.all.length, 2);
    assert.equal(store.health().get('EX01')?.severity, 'error');
    store.add(
      entry({
        key: 'setspn-L:EX01',
        servers: ['ex01'],
        findings: [finding('spn.registered', 'ok', { kind: 'server', name: 'EX01' })],
      }),
    );
    assert.equal(store.all.length, 2);
    assert.equal(store.health().get('EX01')?.severity, 'ok');
    store.add(
      entry({
        key: 'diagnosis:server:EX01',
        kind: 'diagnosis',
        servers: ['EX01'],
        steps: [1, 2, 3, 4, 5, 6],
        findings: [finding('clock.skew', 'error', { kind: 'server', name: 'EX01' }, 1)],
      }),
    );
    assert.deepEqual(
      store.all.map((e) => e.key),
      ['setspn-X:organisation', 'diagnosis:server:EX01'],
    );
    assert.deepEqual([...store.byStep().keys()], [1, 3]);
    assert.equal(store.overall(), 'error');
    store.add(
      entry({
        key: 'diagnosis:organisation',
        kind: 'diagnosis',
        organisation: true,
        steps: [1, 2, 3, 4, 5, 6],
        findings: [],
      }),
    );
    assert.deepEqual(
      store.all.map((e) => e.key),
      ['diagnosis:organisation'],
    );
    store.clear();
    assert.equal(store.overall(), undefined);
    assert.equal(changes, 6);
  });
});
