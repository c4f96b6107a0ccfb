/**
 * `Get-Queue | Format-List` as PowerShell prints it at a given console width: LastError before
 * Identity (the order of the real output), the value word-wrapped onto lines indented to the value
 * column, a word longer than the column chopped. Checked at 80, 120 and 200 columns.
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyseEvidence } from '../../../../src/core/evidence/analyse';

const ERROR =
  '[{LRT=12/4/2026 9:41:07 AM};{LED=451 4.4.0 Primary target IP address responded with: "454 4.7.0 Temporary authentication failure." Attempted failover to alternate host, but that did not succeed. Either there are no alternate hosts, or delivery failed to all alternate hosts. The last endpoint attempted was 10.0.0.12:2525};{FQDN=ex02.contoso.test};{IP=10.0.0.12}]';

/** Format-List's word wrap (PowerShell's GenerateLines): words kept whole unless longer than a line. */
export function wrapValue(value: string, width: number): string[] {
  const lines: string[] = [];
  let cur = '';
  for (const word of value.split(' ')) {
    let w = word;
    if (cur !== '' && cur.length + 1 + w.length <= width) {
      cur += ' ' + w;
      continue;
    }
    if (cur !== '') lines.push(cur);
    while (w.length > width) {
      lines.push(w.slice(0, width));
      w = w.slice(width);
    }
    cur = w;
  }
  if (cur !== '') lines.push(cur);
  return lines;
}

export function formatList(props: [string, string][], width: number): string {
  const pad = Math.max(...props.map(([k]) => k.length)) + 1;
  const out: string[] = [''];
  for (const [k, v] of props) {
    const wrapped = wrapValue(v, width - pad - 3);
    out.push(`${k.padEnd(pad)}: ${wrapped[0] ?? ''}`);
    for (const more of wrapped.slice(1)) out.push(' '.repeat(pad + 2) + more);
  }
  out.push('', '');
  return out.join('\r\n');
}

const queue = (width: number): string =>
  formatList(
    [
      ['DeliveryType', 'SmtpRelayToMailboxDeliveryGroup'],
      ['NextHopDomain', 'site:default-first-site-name; version:15'],
      ['Status', 'Retry'],
      ['MessageCount', '12'],
      ['LastError', ERROR],
      ['RetryCount', '7'],
      ['Identity', 'EX01\\3'],
      ['NextHopCategory', 'Internal'],
    ],
    width,
  );

describe('evidence: Get-Queue | Format-List wrapped at the console width', () => {
  for (const width of [80, 120, 200]) {
    it(`width ${width}: the 454 is found across lines and Identity after LastError keeps the sending server`, () => {
      const text = queue(width);
      const lines = text.split('\r\n');
      assert.ok(lines.every((l) => l.length <= width));
      const a = analyseEvidence(text);
      assert.equal(a.kind, 'queue');
      const f = a.findings.find((x) => x.code === 'auth-failure-relayed');
      assert.ok(f, `no finding at width ${width}: ${JSON.stringify(a.findings)}`);
      assert.deepEqual(f.sending, { name: 'EX01' });
      assert.deepEqual(f.receiving, { ip: '10.0.0.12', port: 2525 });
      // The range starts at "451" and ends after "failure" wherever the wrap put them.
      assert.equal(lines[f.range.line]!.slice(f.range.start, f.range.start + 9), '451 4.4.0');
      const endLine = f.range.endLine ?? f.range.line;
      assert.ok(lines[endLine]!.slice(0, f.range.end).endsWith('failure'));
      assert.deepEqual(
        a.symbols.map((s) => s.name),
        ['EX01\\3'],
      );
    });
  }

  it('a split exactly inside "454 4.7.0" (the width falls between the two codes) is still found', () => {
    // Put "454" at the very end of a line: a width that ends the first line right after it.
    const prefix = 'LastError : ';
    const head = '451 4.4.0 Primary target IP address responded with: "454';
    const text = `Identity  : EX01\\3\r\n${prefix}${head}\r\n${' '.repeat(prefix.length)}4.7.0 Temporary authentication failure."\r\n`;
    const a = analyseEvidence(text);
    const f = a.findings.find((x) => x.code === 'auth-failure-relayed');
    assert.ok(f);
    assert.equal(f.range.line, 1);
    assert.equal(f.range.endLine, 2);
    assert.deepEqual(f.sending, { name: 'EX01' });
  });

  it('a chopped word (an endpoint cut at the width) is glued back', () => {
    const indent = ' '.repeat('LastError : '.length);
    const first = 'LastError : 451 4.4.0 Primary target IP address responded with: "454 4.7.0';
    // The record's widest line, ending inside the address: the wrap chopped the word there.
    const second = `${indent}Temporary authentication failure." The last endpoint attempted was 10.0.0.1`;
    assert.ok(second.length > first.length);
    const text = ['Identity  : EX01\\3', first, second, `${indent}2:2525`, 'Status    : Retry'].join('\r\n');
    const f = analyseEvidence(text).findings.find((x) => x.code === 'auth-failure-relayed');
    assert.ok(f);
    assert.deepEqual(f.receiving, { ip: '10.0.0.12', port: 2525 });
  });

  it('verbatim zh-cn case (hand-copied Format-List): the relayed 454 is found', () => {
    const text = readFileSync(join(__dirname, '../../../fixtures/localised/queue-fl-zh-cn-case.txt'), 'utf8');
    const a = analyseEvidence(text);
    assert.equal(a.kind, 'queue');
    assert.ok(a.findings.some((x) => x.code === 'auth-failure-relayed'));
  });
});

describe('evidence: a translated Last Error (the KB article in es, nl, he)', () => {
  const kb = (lang: string): string => {
    const file = join(__dirname, '../../../fixtures/localised/events', `lasterror-kb-${lang}.txt`);
    return readFileSync(file, 'utf8').trim();
  };
  for (const lang of ['es', 'nl', 'he']) {
    it(`${lang}: the relayed 454 in LastError is found, keyed on the codes`, () => {
      const text = formatList(
        [
          ['Identity', 'EX01\\3'],
          ['LastError', kb(lang)],
        ],
        120,
      );
      const f = analyseEvidence(text).findings.find((x) => x.code === 'auth-failure-relayed');
      assert.ok(f, lang);
      assert.deepEqual(f.sending, { name: 'EX01' });
    });
  }
});
