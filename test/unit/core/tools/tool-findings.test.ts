import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  setspnAddFindings,
  setspnDuplicatesFindings,
  setspnListFindings,
  setspnQueryFindings,
} from '../../../../src/core/steps/3-spns/setspn-findings';
import { connectorFindings } from '../../../../src/core/steps/6-receive-connectors/receive-connector-findings';
import { eventFindings } from '../../../../src/core/steps/5-kerberos-logging/kerberos-logging-tool-findings';
import { portFindings } from '../../../../src/core/steps/4-ports/test-netconnection-findings';
import { replSummaryFindings, syncAllFindings } from '../../../../src/core/steps/2-replication/repadmin-findings';
import { reportFindings } from '../../../../src/core/tools/report-findings';
import { stripchartFindings } from '../../../../src/core/steps/1-clocks/w32tm-findings';
import { FULL_SPNS, ctx, fixture, server } from './windows-fixtures';

const codes = (fs: { code: string; severity: string }[]): string[] => fs.map((f) => `${f.code}:${f.severity}`);

describe('tool output to findings', () => {
  describe('setspn -L', () => {
    it('an account holding all four SMTP SPNs is ok, with the comparison table', () => {
      const ex01 = server('EX01', FULL_SPNS('EX01'));
      const [f, ...rest] = setspnListFindings(fixture('setspn-L-ex01.txt'), 0, ctx({ server: ex01 }));
      assert.equal(rest.length, 0);
      assert.equal(f?.code, 'spn.registered');
      assert.equal(f?.severity, 'ok');
      assert.deepEqual(f?.subject, { kind: 'server', name: 'EX01', id: 'ex01.contoso.test' });
      assert.equal(f?.tables?.[0]?.rows.length, 4);
      assert.equal(f?.evidence[0]?.source, 'setspn -L EX01');
    });

    it('reads the same output captured from a real terminal (escape sequences, CRLF)', () => {
      const ex01 = server('EX01', FULL_SPNS('EX01'));
      const viaTerminal = setspnListFindings(fixture('terminal-pwsh-setspn-L.txt'), 0, ctx({ server: ex01 }));
      assert.ok(
        viaTerminal.length === 1 && viaTerminal[0]?.code !== 'tool.output-unrecognised',
        JSON.stringify(viaTerminal[0]),
      );
    });

    it('reads the CLI output exactly as execution.read() returned it from bash in VS Code', () => {
      const raw = readFileSync(join(__dirname, 'fixtures', 'terminal-bash-cli-setspn-L.raw.txt'), 'utf8');
      assert.ok(raw.startsWith('\u001b]633;C\u0007'), 'the capture holds the shell-integration mark');
      const ex01 = server('EX01', FULL_SPNS('EX01'));
      const fromTerminal = setspnListFindings(raw, 0, ctx({ server: ex01 }));
      const fromPipe = setspnListFindings(
        raw.slice('\u001b]633;C\u0007'.length).replace(/\r\n/g, '\n'),
        0,
        ctx({ server: ex01 }),
      );
      assert.deepEqual(fromTerminal, fromPipe);
      assert.equal(fromTerminal[0]?.code, 'spn.registered');
    });

    it('a server whose account lacks SMTPSVC/<fqdn> gets spn.missing with setspn -S remedies', () => {
      const raw =
        'Registered ServicePrincipalNames for CN=EX02,CN=Computers,DC=contoso,DC=test:\r\n\tSMTP/EX02\r\n\tHOST/EX02\r\n';
      const ex02 = server('EX02', ['SMTP/EX02']);
      const [f] = setspnListFindings(raw, 0, ctx({ server: ex02 }));
      assert.equal(f?.code, 'spn.missing');
      assert.equal(f?.severity, 'error');
      assert.match(f?.title ?? '', /SMTPSVC\/ex02\.contoso\.test/);
      assert.ok(f?.remedies.some((r) => r.command === 'setspn -S SMTPSVC/ex02.contoso.test EX02' && r.changesState));
    });

    it('an unknown account is an error naming it', () => {
      const [f] = setspnListFindings(fixture('setspn-L-not-found.txt'), 1, ctx({ server: server('EX03', []) }));
      assert.equal(f?.code, 'spn.no-computer-account');
      assert.equal(f?.severity, 'error');
    });

    it('text that is not setspn output is unknown, with the reason and the text as evidence', () => {
      const [f] = setspnListFindings('bash: setspn: command not found\n', 127, ctx());
      assert.equal(f?.code, 'tool.output-unrecognised');
      assert.equal(f?.severity, 'unknown');
      assert.ok(f?.reason);
      assert.match(f?.evidence[0]?.value ?? '', /command not found/);
    });
  });

  it('setspn -X: SMTP duplicates are errors', () => {
    const fs = setspnDuplicatesFindings(fixture('setspn-X-duplicates.txt'), 0, ctx());
    assert.deepEqual(codes(fs), ['spn.duplicate:error', 'spn.duplicate:error']);
    assert.deepEqual(codes(setspnDuplicatesFindings(fixture('setspn-X-none.txt'), 0, ctx())), ['spn.no-duplicates:ok']);
  });

  it('setspn -Q: found once on the server is ok, on another account is wrong-account, not found is missing', () => {
    const raw =
      'Checking forest DC=contoso,DC=test\r\nCN=EX01,CN=Computers,DC=contoso,DC=test\r\n\tSMTPSVC/ex01.contoso.test\r\n\tSMTPSVC/EX01\r\n\r\nExisting SPN found!\r\n';
    assert.deepEqual(
      codes(setspnQueryFindings('SMTPSVC/ex01.contoso.test', raw, 0, ctx({ server: server('EX01', []) }))),
      ['spn.registered:ok'],
    );
    assert.deepEqual(
      codes(setspnQueryFindings('SMTPSVC/ex01.contoso.test', raw, 0, ctx({ server: server('EX02', []) }))),
      ['spn.wrong-account:error'],
    );
    assert.deepEqual(
      codes(setspnQueryFindings('SMTPSVC/ex01.contoso.test', fixture('setspn-Q-not-found.txt'), 1, ctx())),
      ['spn.missing:error'],
    );
  });

  it('setspn -S: registered, or refused as a duplicate', () => {
    assert.deepEqual(
      codes(setspnAddFindings('SMTPSVC/ex02.contoso.test', fixture('setspn-S-registered.txt'), 0, ctx())),
      ['spn.registered-now:ok'],
    );
    assert.deepEqual(
      codes(setspnAddFindings('SMTPSVC/ex02.contoso.test', fixture('setspn-S-duplicate.txt'), 1, ctx())),
      ['spn.duplicate:error'],
    );
  });

  it('w32tm /stripchart: a 312 s offset is beyond a 5 minute tolerance', () => {
    const [f] = stripchartFindings('EX02', fixture('w32tm-stripchart-skew.txt'), 0, ctx());
    assert.equal(f?.code, 'clock.skew');
    assert.equal(f?.severity, 'error');
    const [g] = stripchartFindings('EX02', fixture('w32tm-stripchart-skew.txt'), 0, ctx({ clockToleranceMs: 600_000 }));
    assert.equal(g?.severity, 'warning');
    assert.equal(
      stripchartFindings('X', fixture('w32tm-stripchart-host-not-found.txt'), 1, ctx())[0]?.severity,
      'unknown',
    );
  });

  it('repadmin: failures are errors, a healthy summary is ok; /syncall success is ok', () => {
    assert.ok(
      replSummaryFindings(fixture('repadmin-replsummary-8524.txt'), 0, ctx()).some(
        (f) => f.code === 'replication.failures' && f.severity === 'error',
      ),
    );
    assert.deepEqual(codes(replSummaryFindings(fixture('repadmin-replsummary-healthy.txt'), 0, ctx())), [
      'replication.healthy:ok',
    ]);
    assert.deepEqual(codes(syncAllFindings(fixture('repadmin-syncall-ok.txt'), 0, ctx())), ['replication.synced:ok']);
    assert.deepEqual(codes(syncAllFindings(fixture('repadmin-syncall-errors.txt'), 0, ctx())), [
      'replication.sync-failed:error',
    ]);
  });

  it('Test-NetConnection: open 88 is ok, a failed port is an error', () => {
    // port.open: the engine's code for a host whose ports answered (the terminal said port.kerberos-open).
    assert.deepEqual(codes(portFindings(fixture('tnc-88-open.txt'), 0, ctx())), ['port.open:ok']);
    assert.deepEqual(codes(portFindings(fixture('tnc-failed-warning.txt'), 0, ctx())), ['port.blocked:error']);
  });

  it('Get-WinEvent: Kerberos errors are errors on the step they point to, as in the engine; no events is ok', () => {
    const fs = eventFindings(fixture('winevent-system-kerberos.json'), 0, ctx());
    // One interpreter with the engine (kerberos-event-findings.ts): skew -> clocks, SPN events -> SPNs,
    // and an event with no Kerberos meaning stays a step 5 warning (the terminal used to put all on step 5).
    assert.deepEqual(
      fs.map((f) => `${f.code}:${f.severity}:${f.step}`),
      [
        'kerberos-log.event:error:1',
        'kerberos-log.event:error:3',
        'kerberos-log.event:error:3',
        'kerberos-log.event:error:3',
        'kerberos-log.event:warning:5',
      ],
    );
    assert.deepEqual(codes(eventFindings(fixture('winevent-none.txt'), 0, ctx())), ['kerberos-log.clean:ok']);
  });

  it('Get-ReceiveConnector: a connector without ExchangeServer auth is flagged', () => {
    const fs = connectorFindings(fixture('receive-connector-fl.txt'), 0, ctx({ server: server('EX01', []) }));
    assert.ok(fs.some((f) => f.code === 'connector.exchange-auth' && f.subject.name.endsWith('Default EX01')));
    assert.ok(fs.some((f) => f.code === 'connector.no-exchange-auth' && f.severity === 'warning'));
  });

  it('the CLI JSON report read back from a terminal gives its findings', () => {
    const report = {
      meta: {},
      verdict: {},
      findings: [
        {
          code: 'clock.ok',
          step: 1,
          severity: 'ok',
          subject: { kind: 'dc', name: 'DC1' },
          title: 't',
          explanation: 'e',
          evidence: [],
          remedies: [],
        },
        {
          // A code no step declares (another version's report, or a hand-edited one) is not taken.
          code: 'clock.made-up',
          step: 1,
          severity: 'error',
          subject: { kind: 'dc', name: 'DC1' },
          title: 't',
          explanation: 'e',
          evidence: [],
          remedies: [],
        },
      ],
    };
    const raw = `\u001b]633;C\u0007${JSON.stringify(report, null, 2).replace(/\n/g, '\r\n')}\r\n\u001b]633;D;0\u0007`;
    assert.deepEqual(codes(reportFindings(raw, 0, ctx())), ['clock.ok:ok']);
    assert.equal(reportFindings('exchange-auth-doctor: No password', 2, ctx())[0]?.code, 'tool.output-unrecognised');
  });
});
