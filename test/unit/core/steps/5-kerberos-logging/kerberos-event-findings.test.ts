/**
 * One observation, two observers: the Kerberos events of EX01 read by the engine (PowerShell
 * remoting, faked) and by a terminal run of Get-WinEvent end in the same interpreter
 * (src/core/steps/5-kerberos-logging/kerberos-event-findings.ts) with the same codes and wording.
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Finding } from '../../../../../src/shared/findings';
import { kerberosLoggingCheck } from '../../../../../src/core/steps/5-kerberos-logging/kerberos-logging-check';
import { eventFindings } from '../../../../../src/core/steps/5-kerberos-logging/kerberos-logging-tool-findings';
import { contosoEntries } from '../../directory/contoso-fixture';
import { fakeContext, ok } from '../3-spns/spn-fake-context';
import { ctx, server } from '../../tools/windows-fixtures';

const fixture = (name: string): string => readFileSync(join(__dirname, '../../../../fixtures/windows', name), 'utf8');

async function engine(system: string): Promise<Finding[]> {
  const { ctx: checkContext, findings } = await fakeContext({
    entries: contosoEntries(),
    platform: 'win32',
    has: ['powershell'],
    scope: { kind: 'server', server: 'EX01' },
    run: (_file, args) => {
      const script = args[args.length - 1] ?? '';
      if (script.includes('Get-ItemProperty')) return ok('{ "LogLevel": 1 }');
      if (script.includes("LogName='System'")) return ok(system);
      if (script.includes("LogName='Application'")) return ok('[]');
      return undefined;
    },
  });
  await kerberosLoggingCheck.run(checkContext);
  return findings;
}

function terminal(output: string): Finding[] {
  return eventFindings(
    output,
    0,
    ctx({ server: server('EX01', []), commandLine: 'Get-WinEvent -FilterHashtable @{LogName=...}' }),
  );
}

const wording = (fs: Finding[]) =>
  fs.map((f) => ({ code: f.code, step: f.step, severity: f.severity, title: f.title, explanation: f.explanation }));

describe('step 5: one interpreter for the engine event read and Get-WinEvent', () => {
  it('the same Kerberos events give the same codes, steps, titles and explanations both ways', async () => {
    const system = fixture('winevent-system-kerberos.json');
    const fromEngine = await engine(system);
    const fromTerminal = terminal(system);
    assert.equal(fromEngine.length, 5);
    assert.deepEqual(wording(fromTerminal), wording(fromEngine));
    assert.deepEqual(
      fromTerminal.map((f) => f.subject),
      fromEngine.map((f) => f.subject),
    );
    const skew = fromTerminal.find((f) => /KRB_AP_ERR_SKEW/.test(f.title));
    assert.equal(skew?.step, 1);
    assert.match(skew?.title ?? '', /^EX01 logged 1 × Microsoft-Windows-Security-Kerberos 3: KRB_AP_ERR_SKEW/);
    // Only the engine read LogLevel: its evidence and the line to turn logging off again are its own.
    assert.ok(fromEngine.every((f) => f.evidence[0]?.label === 'LogLevel'));
    assert.ok(fromTerminal.every((f) => f.evidence.every((e) => e.label !== 'LogLevel')));
  });

  it('no events: the same clean finding both ways', async () => {
    const fromEngine = await engine('[]');
    const fromTerminal = terminal(fixture('winevent-none.txt'));
    assert.deepEqual(wording(fromTerminal), wording(fromEngine));
    assert.deepEqual(
      wording(fromEngine).map((w) => `${w.code}:${w.severity}`),
      ['kerberos-log.clean:ok'],
    );
    assert.equal(fromEngine[0]?.title, 'No Kerberos errors in the System log of EX01');
  });
});
