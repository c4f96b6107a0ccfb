/**
 * Commands and terminal integration in a real VS Code (code-server), against the lab DC: SetSPN -L
 * for a lab server in the extension's terminal with shell integration and its findings on the tree
 * item; the same findings through the fallback (shell integration turned off in the settings: the
 * command runs in the background with execa and the terminal gets the line through sendText);
 * consent, dry-run and workspace trust in front of commands that change a server.
 *
 * Off Windows the commands that change a server have no equivalent to run, so the consent tests
 * force the Windows form through the feature's `windowsTools` hook and decline: nothing may run.
 * Workspace trust: with EAD_WORKSPACE_TRUST=on the runner opens a really untrusted workspace and
 * the first suite checks the refusal there (the lab suite needs the restricted directory settings,
 * so it runs with trust off); with trust off, the injectable trust check (`isTrusted` hook) covers it.
 */
import { strict as assert } from 'node:assert';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { EXTENSION_ID, type ExchangeAuthDoctorApi, type SessionApi } from '../../../src/extension/api';
import type { ToolRunOutcome } from '../../../src/extension/tool-runs/tool-run-service';
import type { DiagnosisRun } from '../../../src/extension/diagnosis/diagnosis-service';
import { commandId } from '../../../src/shared/command-id';
import type { ConfirmRequest, GateHooks } from '../../../src/extension/tool-runs/safety-gate';
import type { Remedy } from '../../../src/shared/findings';
import { find, SECTION } from './tree-helpers';

async function setSetting(key: string, value: unknown): Promise<void> {
  await vscode.workspace.getConfiguration(SECTION).update(key, value, vscode.ConfigurationTarget.Workspace);
}

/** A confirmation hook that records what it was asked and answers `ok`. */
const answer =
  (asked: ConfirmRequest[], ok: boolean) =>
  (r: ConfirmRequest): Promise<boolean> => {
    asked.push(r);
    return Promise.resolve(ok);
  };
const record =
  (shown: string[][]) =>
  (_title: string, lines: string[]): Promise<void> => {
    shown.push(lines);
    return Promise.resolve();
  };

/**
 * Runs SetSPN -L EX01; the lab is shared by several test suites that switch its scenario, which
 * restarts the DC for a few seconds, so a refused connection is retried (twice, 5 s apart).
 */
async function setspnListEx01(): Promise<ToolRunOutcome | undefined> {
  for (let attempt = 0; ; attempt++) {
    const [outcome] =
      (await vscode.commands.executeCommand<ToolRunOutcome[]>('exchangeAuthDoctor.setspnList', 'EX01')) ?? [];
    const unreachable = outcome?.findings.some((f) =>
      f.evidence.some((e) => /Could not reach a domain controller/.test(e.value)),
    );
    if (!unreachable || attempt >= 2) return outcome;
    await new Promise((r) => setTimeout(r, 5000));
  }
}

/** The gate's test hooks: present outside production only (the runner's extension host is not production). */
function hooks(feature: SessionApi, value: GateHooks): void {
  assert.ok(feature.setHooks, 'setHooks exists outside ExtensionMode.Production');
  feature.setHooks(value);
}

const codes = (o: ToolRunOutcome | undefined): string[] =>
  (o?.findings ?? []).map((f) => `${f.code}:${f.severity}`).sort();

describe('Commands and terminal integration (lab)', function () {
  this.timeout(120_000);
  let api: ExchangeAuthDoctorApi;
  let feature: SessionApi;
  const password = process.env.EAD_BIND_PASSWORD;
  const started: vscode.TerminalShellExecution[] = [];
  let startListener: vscode.Disposable | undefined;

  before(async function () {
    if (!password) {
      assert.fail(
        'EAD_BIND_PASSWORD must reach the extension host (the lab must be running; the runner passes its environment)',
      );
    }
    const ext = vscode.extensions.getExtension<ExchangeAuthDoctorApi>(EXTENSION_ID);
    assert.ok(ext, `extension ${EXTENSION_ID} is installed`);
    api = await ext.activate();
    assert.ok(api.session, 'the session API is wired into the extension API');
    feature = api.session;
    await api.signInWithPassword(password);
    // Other suites share the lab and may be restarting its DC for a scenario switch: wait for it.
    for (let i = 0; i < 12; i++) {
      await api.refresh();
      if (api.getDirectoryStatus().kind === 'ready') break;
      await new Promise((r) => setTimeout(r, 5000));
    }
    assert.equal(api.getDirectoryStatus().kind, 'ready', JSON.stringify(api.getDirectoryStatus()));
    startListener = vscode.window.onDidStartTerminalShellExecution((e) => started.push(e.execution));
  });

  afterEach(async () => {
    hooks(feature, {});
    await setSetting('terminal.useShellIntegration', undefined);
    await setSetting('commands.dryRun', undefined);
  });

  after(() => {
    startListener?.dispose();
    feature?.clearFindings();
  });

  let integrated: ToolRunOutcome | undefined;

  it('runs SetSPN -L for EX01 in the terminal with shell integration and shows the findings on the tree item', async () => {
    feature.clearFindings();
    const before = started.length;
    const outcome = await setspnListEx01();
    integrated = outcome;
    assert.equal(outcome?.status, 'ran', JSON.stringify(outcome));
    assert.equal(outcome.via, 'shell-integration');
    assert.equal(outcome.exitCode, 0, JSON.stringify(outcome));
    assert.match(outcome.commandLine ?? '', /cli\.js'? setspn -L EX01$/);
    assert.ok(!(outcome.commandLine ?? '').includes(password!), 'no password on the command line');
    assert.ok(started.length > before, 'a shell execution started in a terminal');
    const terminal = vscode.window.terminals.find((t) => t.name === 'Exchange Auth Doctor');
    assert.ok(terminal, 'the named terminal exists');
    // The shell's environment holds where to ask for the password, never the password itself,
    // and not ELECTRON_RUN_AS_NODE (which would turn every Electron app started there into Node).
    const env = (terminal.creationOptions as vscode.TerminalOptions).env ?? {};
    assert.ok(
      !Object.values(env).some((v) => typeof v === 'string' && v.includes(password!)),
      'no password in the terminal environment',
    );
    assert.equal(env.EAD_BIND_PASSWORD, undefined);
    assert.equal(env.ELECTRON_RUN_AS_NODE, undefined);
    assert.ok(env.EAD_PASSWORD_SOCKET, JSON.stringify(Object.keys(env)));

    // Kept for the unit tests: what execution.read() really returns (test/unit/core/tools/fixtures).
    const results = process.env.EAD_TEST_RESULTS;
    if (results && outcome.output)
      writeFileSync(path.join(path.dirname(results), 'terminal-bash-cli-setspn-L.raw.txt'), outcome.output);
    const spn = outcome.findings.find((f) => f.code.startsWith('spn.'));
    assert.ok(spn, `an SPN finding: ${JSON.stringify(codes(outcome))}`);
    assert.notEqual(spn.code, 'tool.output-unrecognised');
    assert.ok(
      spn.evidence.some((e) => /SMTPSVC\/ex01\.contoso\.test/i.test(e.value)),
      JSON.stringify(spn.evidence),
    );

    const ex01 = find(
      api.getTreeSnapshot(),
      (n) => n.label === 'EX01' && (n.contextValue ?? '').startsWith('exchangeServer'),
    );
    assert.ok(ex01, 'EX01 in the tree');
    const expectedIcon = { ok: 'pass', error: 'error', warning: 'warning', unknown: 'question' }[spn.severity];
    assert.equal(ex01.icon, expectedIcon);
    assert.equal(ex01.contextValue, `exchangeServer.${spn.severity}`);
    assert.ok((ex01.description ?? '').includes(api.getServerHealth('EX01')?.summary ?? '<none>'), ex01.description);

    const view = feature.findingsSnapshot();
    assert.ok(
      view.some((s) => s.step === 3 && s.findings.some((f) => f.subject === 'EX01')),
      JSON.stringify(view),
    );
    assert.match(feature.statusText(), /Exchange auth/);
  });

  it('gives the same findings through the fallback when shell integration is off', async () => {
    assert.ok(integrated, 'the shell-integration run came first');
    await setSetting('terminal.useShellIntegration', false);
    const outcome = await setspnListEx01();
    assert.equal(outcome?.status, 'ran', JSON.stringify(outcome));
    assert.equal(outcome.via, 'fallback');
    assert.equal(outcome.exitCode, 0);
    assert.equal(outcome.commandLine, integrated.commandLine);
    assert.deepEqual(codes(outcome), codes(integrated));
    assert.deepEqual(
      outcome.findings.map((f) => f.title),
      integrated.findings.map((f) => f.title),
    );
  });

  it('runs nothing that changes a server without consent, and shows the exact command line', async () => {
    const asked: ConfirmRequest[] = [];
    hooks(feature, { windowsTools: true, confirm: answer(asked, false) });
    const before = started.length;
    const findingsBefore = feature.findings().length;
    const [outcome] =
      (await vscode.commands.executeCommand<ToolRunOutcome[]>('exchangeAuthDoctor.enableKerberosLogging', 'EX01')) ??
      [];
    assert.equal(outcome?.status, 'declined', JSON.stringify(outcome));
    assert.equal(asked.length, 1);
    // Quoted for the terminal's shell (bash here, PowerShell on Windows): the line that would be typed.
    assert.equal(asked[0]?.commandLines.length, 1);
    assert.match(
      asked[0]?.commandLines[0] ?? '',
      /^reg add '\\\\ex01\.contoso\.test\\HKLM\\SYSTEM\\CurrentControlSet\\Control\\Lsa\\Kerberos\\Parameters' \/v LogLevel \/t REG_DWORD \/d '?1'? \/f$/,
    );
    assert.equal(started.length, before, 'no terminal execution');
    assert.equal(feature.findings().length, findingsBefore, 'no new findings');
  });

  it('with dry-run on, shows the command line and neither asks nor runs', async () => {
    const asked: ConfirmRequest[] = [];
    const shown: string[][] = [];
    await setSetting('commands.dryRun', true);
    hooks(feature, { windowsTools: true, confirm: answer(asked, true), show: record(shown) });
    const before = started.length;
    const [outcome] =
      (await vscode.commands.executeCommand<ToolRunOutcome[]>('exchangeAuthDoctor.forceReplication', 'DC1')) ?? [];
    assert.equal(outcome?.status, 'dry-run', JSON.stringify(outcome));
    assert.equal(asked.length, 0);
    assert.deepEqual(shown, [['repadmin /syncall dc1.contoso.test /AdeP']]);
    assert.equal(started.length, before);
  });

  it('off Windows, a command that changes a server only offers its Windows command line', async () => {
    if (process.platform === 'win32') return;
    const shown: string[][] = [];
    const asked: ConfirmRequest[] = [];
    hooks(feature, { confirm: answer(asked, true), show: record(shown) });
    const [outcome] =
      (await vscode.commands.executeCommand<ToolRunOutcome[]>('exchangeAuthDoctor.disableKerberosLogging', 'EX01')) ??
      [];
    assert.equal(outcome?.status, 'unavailable', JSON.stringify(outcome));
    assert.equal(asked.length, 0);
    assert.match(shown[0]?.[0] ?? '', /^reg delete /);
  });

  it('refuses commands in an untrusted workspace (injected trust check)', async () => {
    const asked: ConfirmRequest[] = [];
    hooks(feature, { windowsTools: true, isTrusted: () => false, confirm: answer(asked, true) });
    const before = started.length;
    for (const id of [
      'exchangeAuthDoctor.enableKerberosLogging',
      'exchangeAuthDoctor.registerMissingSpns',
      'exchangeAuthDoctor.setspnList',
    ]) {
      const outcomes = (await vscode.commands.executeCommand<ToolRunOutcome[]>(id, 'EX01')) ?? [];
      assert.ok(
        outcomes.every((o) => o.status === 'refused'),
        `${id}: ${JSON.stringify(outcomes)}`,
      );
    }
    assert.equal(await vscode.commands.executeCommand('exchangeAuthDoctor.diagnoseServer', 'EX01'), undefined);
    assert.equal(asked.length, 0);
    assert.equal(started.length, before);
  });

  it('refuses a hostile server name before anything runs', async () => {
    const before = started.length;
    const outcomes =
      (await vscode.commands.executeCommand<ToolRunOutcome[]>('exchangeAuthDoctor.setspnList', 'EX01;rm -rf ~')) ?? [];
    assert.equal(outcomes[0]?.status, 'invalid', JSON.stringify(outcomes));
    assert.equal(started.length, before);
  });

  it('diagnoses a server through the diagnosis service and streams its events', async () => {
    const events: string[] = [];
    const run = await feature.diagnosis.run(
      { kind: 'server', server: 'EX01' },
      { steps: [3], progress: false, onEvent: (e) => events.push(e.type) },
    );
    assert.equal(run.cancelled, false);
    assert.ok(run.findings.length > 0 && run.findings.every((f) => f.step === 3));
    assert.ok(events.includes('step-started') && events.includes('finding'), events.join(','));
    assert.equal(feature.diagnosis.last, run);
    assert.ok(api.getServerHealth('EX01'));
  });

  it('runs all checks for a server from the command, and files them in the Findings view, the tree and the status bar', async () => {
    const run = await vscode.commands.executeCommand<DiagnosisRun | undefined>(
      'exchangeAuthDoctor.diagnoseServer',
      'EX01',
    );
    assert.ok(run, 'the diagnosis ran');
    assert.equal(run.cancelled, false);
    assert.deepEqual(run.steps, [1, 2, 3, 4, 5, 6]);
    assert.deepEqual([...new Set(run.findings.map((f) => f.step))].sort(), [1, 2, 3, 4, 5, 6]);
    const view = feature.findingsSnapshot();
    assert.deepEqual(
      view.map((s) => s.step),
      [1, 2, 3, 4, 5, 6],
    );
    const health = api.getServerHealth('EX01');
    assert.ok(health, 'EX01 has a findings state');
    const ex01 = find(
      api.getTreeSnapshot(),
      (n) => n.label === 'EX01' && (n.contextValue ?? '').startsWith('exchangeServer'),
    );
    assert.equal(ex01?.contextValue, `exchangeServer.${health.severity}`);
    assert.match(feature.statusText(), /^\$\((pass|error|warning|question)\) Exchange auth: /);
  });

  it('runs only remedies this extension produced, and takes changesState from the stored one', async () => {
    const asked: ConfirmRequest[] = [];
    hooks(feature, { windowsTools: true, confirm: answer(asked, false) });
    const before = started.length;
    // A remedy nobody produced, claiming to change nothing: refused without asking or running.
    const forged: Remedy = {
      summary: 'harmless',
      command: 'Write-Output forged-remedy',
      runOn: 'this machine',
      shell: 'powershell',
      changesState: false,
    };
    assert.equal(await feature.runRemedy(forged), false);
    const viaCommand =
      (await vscode.commands.executeCommand<ToolRunOutcome[]>(commandId('runRemedy'), {
        type: 'remedy',
        remedy: forged,
        finding: feature.findings()[0],
      })) ?? [];
    assert.deepEqual(
      viaCommand.map((o) => o.status),
      ['refused'],
    );
    assert.equal(asked.length, 0);
    assert.equal(started.length, before, 'nothing ran');

    // A remedy of the findings, handed in with changesState forged to false: the stored one decides.
    const changingRemedies = feature
      .findings()
      .flatMap((f) => f.remedies)
      .filter((r) => r.changesState);
    // A PowerShell line runs in the runner's PowerShell terminal; a cmd.exe line (reg add) is only shown.
    const changing = changingRemedies.find((r) => r.shell === 'powershell') ?? changingRemedies[0];
    if (!changing) return; // the healthy lab may offer no state-changing remedy
    const shown: string[][] = [];
    hooks(feature, { windowsTools: true, confirm: answer(asked, false), show: record(shown) });
    const [outcome] =
      (await vscode.commands.executeCommand<ToolRunOutcome[]>(commandId('runRemedy'), {
        type: 'remedy',
        remedy: { ...changing, changesState: false },
        finding: feature.findings()[0],
      })) ?? [];
    if (changing.shell === 'powershell') {
      assert.equal(outcome?.status, 'declined', JSON.stringify(outcome));
      assert.equal(asked.length, 1);
    } else {
      assert.equal(outcome?.status, 'unavailable', JSON.stringify(outcome));
      assert.equal(shown.length, 1, 'the cmd.exe line is shown to copy');
      assert.equal(asked.length, 0);
    }
    assert.equal(started.length, before);
  });

  it('exports the findings as a Markdown report without the password', async () => {
    const file = vscode.Uri.file(path.join(mkdtempSync(path.join(os.tmpdir(), 'ead-report-')), 'report.md'));
    const uri = await vscode.commands.executeCommand<vscode.Uri>('exchangeAuthDoctor.exportReport', {
      format: 'markdown',
      uri: file,
    });
    assert.equal(uri?.fsPath, file.fsPath);
    const text = readFileSync(file.fsPath, 'utf8');
    assert.match(text, /SMTP/);
    assert.ok(!text.includes(password!), 'no password in the report');
  });
});
