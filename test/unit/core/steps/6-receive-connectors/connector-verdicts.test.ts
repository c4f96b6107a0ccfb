/**
 * One observation, two observers: EX02's receive connector read from the directory by the engine
 * and listed by a terminal run of Get-ReceiveConnector end in the same interpreter
 * (src/core/steps/6-receive-connectors/connector-verdicts.ts) with the same code and wording.
 */
import { strict as assert } from 'node:assert';
import type { Finding } from '../../../../../src/shared/findings';
import { createConnectorsCheck } from '../../../../../src/core/steps/6-receive-connectors/connectors-check';
import { connectorFindings } from '../../../../../src/core/steps/6-receive-connectors/receive-connector-findings';
import { entriesWithDefaultEx02 } from './ex02-connector-fixture';
import { fakeContext } from '../3-spns/spn-fake-context';
import { ctx, server } from '../../tools/windows-fixtures';

const MECHANISMS: Record<string, string> = {
  '15': 'Tls, Integrated, BasicAuth, BasicAuthRequireTLS',
  '31': 'Tls, Integrated, BasicAuth, BasicAuthRequireTLS, ExchangeServer',
};

/** The engine's check on EX02, its Default connector enabled on 2525 for everyone with `flags`. */
async function engine(flags: string): Promise<Finding[]> {
  const entries = entriesWithDefaultEx02(flags);
  const { ctx: checkContext, findings } = await fakeContext({
    entries,
    dns: { 'ex01.contoso.test': ['127.0.0.11'], 'ex02.contoso.test': ['127.0.0.12'] },
    scope: { kind: 'server', server: 'EX02' },
  });
  await createConnectorsCheck().run(checkContext);
  return findings;
}

/** The same connector in Get-ReceiveConnector's list view (layout of test/fixtures/windows/receive-connector-fl.txt). */
function terminal(flags: string): Finding[] {
  const listing = [
    '',
    'Name             : Default EX02',
    `AuthMechanism    : ${MECHANISMS[flags]}`,
    'PermissionGroups : AnonymousUsers, ExchangeUsers, ExchangeServers, ExchangeLegacyServers',
    'Bindings         : {0.0.0.0:2525}',
    'RemoteIPRanges   : {0.0.0.0-255.255.255.255}',
    'Enabled          : True',
    'Server           : EX02',
    '',
  ].join('\r\n');
  return connectorFindings(
    listing,
    0,
    ctx({ server: server('EX02', []), commandLine: 'Get-ReceiveConnector -Server EX02' }),
  );
}

const wording = (fs: Finding[]) =>
  fs.map((f) => ({
    code: f.code,
    step: f.step,
    severity: f.severity,
    subject: f.subject.name,
    title: f.title,
    explanation: f.explanation,
  }));

describe('step 6: one interpreter for the directory read and Get-ReceiveConnector', () => {
  it('a connector without ExchangeServer: the same error, title and explanation both ways', async () => {
    const fromEngine = await engine('15');
    const fromTerminal = terminal('15');
    assert.deepEqual(wording(fromTerminal), wording(fromEngine));
    assert.deepEqual(
      fromEngine.map((f) => `${f.code}:${f.severity}`),
      ['connector.no-exchange-auth:error'],
    );
    assert.equal(fromEngine[0]?.title, 'EX02\\Default EX02 does not offer Exchange Server authentication');
    // Only the engine knows which senders the connector takes.
    assert.ok(fromEngine[0]?.evidence.some((e) => e.label === 'takes mail from' && /EX01 127\.0\.0\.11/.test(e.value)));
    assert.ok(fromTerminal[0]?.evidence.every((e) => e.label !== 'takes mail from'));
  });

  it('a connector with ExchangeServer: the same ok both ways', async () => {
    const fromEngine = await engine('31');
    const fromTerminal = terminal('31');
    assert.deepEqual(wording(fromTerminal), wording(fromEngine));
    assert.deepEqual(
      fromEngine.map((f) => `${f.code}:${f.severity}`),
      ['connector.exchange-auth:ok'],
    );
  });
});
