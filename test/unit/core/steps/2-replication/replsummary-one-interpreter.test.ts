/**
 * One observation, two readers: `repadmin /replsummary` run by the engine itself on Windows
 * (through CoreIo's process runner, ./replication-windows.ts) and the same text read from a
 * terminal (./repadmin-findings.ts) end in one interpreter and give the same codes, titles and
 * explanations.
 */
import { strict as assert } from 'node:assert';
import type { Finding } from '../../../../../src/shared/findings';
import type { CheckContext } from '../../../../../src/core/engine/check';
import type { CoreIo } from '../../../../../src/core/io';
import type { DomainController } from '../../../../../src/core/directory/model';
import { repadminFindings } from '../../../../../src/core/steps/2-replication/replication-windows';
import { replSummaryFindings } from '../../../../../src/core/steps/2-replication/repadmin-findings';
import { FakeIo } from '../../engine/fake-io';
import { settings } from '../../engine/fixtures';
import { ctx as toolContext, fixture } from '../../tools/windows-fixtures';

const words = (fs: readonly Finding[]) =>
  fs.map((f) => ({ code: f.code, severity: f.severity, title: f.title, explanation: f.explanation }));

const dc = (name: string): DomainController => ({
  name,
  fqdn: `${name.toLowerCase()}.contoso.test`,
  dn: `CN=${name},OU=Domain Controllers,DC=contoso,DC=test`,
  source: 'ou',
});

async function engineRun(stdout: string): Promise<{ findings: Finding[]; argv: string[][] }> {
  const fake = new FakeIo({ platform: 'win32' });
  const argv: string[][] = [];
  const io: CoreIo = {
    ...fake.io,
    process: {
      run: (_file, args) => {
        argv.push([...args]);
        return Promise.resolve({ stdout, stderr: '', exitCode: 0 });
      },
      has: (name) => Promise.resolve(name === 'repadmin'),
    },
  };
  const logs: string[] = [];
  const ctx = {
    io,
    settings: settings(),
    signal: new AbortController().signal,
    domainControllers: [dc('DC01'), dc('DC02')],
    log: (m: string) => logs.push(m),
  } as unknown as CheckContext;
  const findings = await repadminFindings(ctx);
  assert.deepEqual(logs, []);
  return { findings, argv };
}

describe('step 2: one interpreter for repadmin /replsummary, whoever ran it', () => {
  it('a DC failing one inbound link (8524): the engine and a terminal give the same replication.failures', async () => {
    const raw = fixture('repadmin-replsummary-8524.txt');
    const engine = await engineRun(raw);
    const terminal = replSummaryFindings(raw, 0, toolContext({ commandLine: 'repadmin /replsummary' }));
    assert.deepEqual(engine.argv, [['/replsummary']]);
    assert.deepEqual(
      engine.findings.map((f) => `${f.code} ${f.subject.name}`),
      ['replication.failures DC01'],
    );
    assert.match(
      engine.findings[0]!.title,
      /^DC01 fails to receive replication: 1 of 4 inbound links failing \(8524\)/,
    );
    assert.deepEqual(words(terminal), words(engine.findings));
  });

  it('a healthy summary: both say replication.healthy', async () => {
    const raw = fixture('repadmin-replsummary-healthy.txt');
    const engine = await engineRun(raw);
    const terminal = replSummaryFindings(raw, 0, toolContext({ commandLine: 'repadmin /replsummary' }));
    assert.deepEqual(
      engine.findings.map((f) => f.code),
      ['replication.healthy'],
    );
    assert.deepEqual(words(terminal), words(engine.findings));
  });
});
