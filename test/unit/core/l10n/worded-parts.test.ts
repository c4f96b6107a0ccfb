/**
 * A finding's remedies, evidence labels, tables and reason built from catalogue phrases keep their
 * English text for reports and JSON, and a view words them in its own language; parts without a
 * phrase (names, values, server messages) stay as they are.
 */
import { strict as assert } from 'node:assert';
import { commonFindings } from '../../../../src/core/findings/common-codes';
import { makeFinding } from '../../../../src/core/findings/define';
import { labelOf, reasonOf, summaryOf, tableOf, wordParts } from '../../../../src/core/l10n/worded-parts';
import { text } from '../../../../src/core/l10n/render';

function sample() {
  return makeFinding(commonFindings, 'engine.check-failed', {
    severity: 'unknown',
    subject: { kind: 'server', name: 'EX01' },
    params: { check: 'clocks' },
    step: 1,
    ...reasonOf('step.name.2'),
    evidence: [
      { ...labelOf('step.name.3'), value: 'SMTP/EX01', source: 'LDAPS dc1:636', observedAt: '2026-12-04T00:00:00Z' },
      {
        label: 'servicePrincipalName',
        value: 'SMTPSVC/EX01',
        source: 'LDAPS dc1:636',
        observedAt: '2026-12-04T00:00:00Z',
      },
    ],
    tables: [
      tableOf({
        caption: text('step.name.1'),
        columns: [text('step.name.4'), text('step.name.5')],
        rows: [['EX01', text('step.name.6')]],
      }),
    ],
    remedies: [
      { ...summaryOf('step.name.1'), command: 'w32tm /resync', runOn: 'EX01', shell: 'cmd', changesState: true },
    ],
  });
}

describe('worded parts of a finding', () => {
  it('keeps English text beside each phrase, and survives JSON', () => {
    const f = sample();
    assert.equal(f.reason, 'AD replication');
    assert.equal(f.evidence[0]!.label, 'SPNs');
    assert.equal(f.remedies[0]!.summary, 'clocks');
    assert.deepEqual(f.tables![0]!.rows, [['EX01', 'Receive connector authentication']]);
    assert.deepEqual(JSON.parse(JSON.stringify(f)), f);
  });

  it('words every phrased part in Spanish and Chinese, and leaves values and plain labels alone', () => {
    const es = wordParts('es', sample());
    assert.equal(es.reason, 'replicación de AD');
    assert.equal(es.evidence[0]!.label, 'SPN');
    assert.equal(es.evidence[1]!.label, 'servicePrincipalName');
    assert.equal(es.evidence[0]!.value, 'SMTP/EX01');
    assert.equal(es.remedies[0]!.summary, 'relojes');
    assert.equal(es.remedies[0]!.command, 'w32tm /resync');
    assert.equal(es.tables![0]!.caption, 'relojes');
    assert.deepEqual(es.tables![0]!.columns, ['puertos de Kerberos', 'registro de Kerberos']);
    assert.deepEqual(es.tables![0]!.rows, [['EX01', 'autenticación del conector de recepción']]);
    assert.equal(wordParts('zh-cn', sample()).remedies[0]!.summary, '时钟');
  });

  it('returns English findings untouched', () => {
    const f = sample();
    assert.equal(wordParts('en', f), f);
  });
});
