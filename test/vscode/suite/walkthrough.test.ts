/**
 * The "Resolve 454 4.7.0" walkthrough in a real VS Code against the lab. The suite runs in the
 * extension host and cannot see into the webview, so it reads what the webview rendered through
 * the panel's test hook (the webview answers with its DOM text, lang, dir and each step's status
 * attribute) and sends messages as the webview's buttons would.
 *
 * Which assertions run depends on the lab's scenario (EAD_SCENARIO, default healthy):
 *   npm run lab -- start --scenario all-faults && EAD_SCENARIO=all-faults EAD_TEST_FILES=walkthrough npm run test:vscode
 *   npm run lab -- start --scenario healthy    && EAD_TEST_FILES=walkthrough npm run test:vscode
 */
import { strict as assert } from 'node:assert';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { HOOK, OPEN, activatedAndSignedIn, labScenario, repoRoot, send, snapshot, state } from './walkthrough-hook';
import type { ExchangeAuthDoctorApi } from '../../../src/extension/api';
import type { RenderedSnapshot, WalkthroughState } from '../../../src/shared/walkthrough-protocol';
import { SCENARIOS } from '../../lab/scenarios';
import { wordFinding } from '../../../src/core/l10n/finding-wording';

const scenario = labScenario();
/** Without the lab (EAD_NO_LAB=1) only the parts that need no directory run. */
const lab = !!process.env.EAD_BIND_PASSWORD;

const stepOf = (s: RenderedSnapshot, n: number): RenderedSnapshot['steps'][number] => {
  const step = s.steps.find((x) => x.step === n);
  assert.ok(step, `step ${n} is rendered`);
  return step;
};
const bundle = (lang: string): Record<string, string> =>
  JSON.parse(readFileSync(path.join(repoRoot, 'l10n', `bundle.l10n.${lang}.json`), 'utf8')) as Record<string, string>;

/** Polls the snapshot until `ok` holds (the webview renders asynchronously). */
async function until(ok: (s: RenderedSnapshot) => boolean, what: string, timeoutMs = 15000): Promise<RenderedSnapshot> {
  const end = Date.now() + timeoutMs;
  let last: RenderedSnapshot | undefined;
  while (Date.now() < end) {
    last = await snapshot();
    if (ok(last)) return last;
    await new Promise((r) => setTimeout(r, 200));
  }
  assert.fail(
    `${what}; last render: ${JSON.stringify({ lang: last?.lang, dir: last?.dir, headings: last?.headings, steps: last?.steps.map((s) => [s.step, s.status]) })}`,
  );
}

describe(`walkthrough panel (${lab ? `lab, scenario ${scenario}` : 'no lab'})`, function () {
  this.timeout(180000);
  let api: ExchangeAuthDoctorApi;
  const password = process.env.EAD_BIND_PASSWORD;
  const out = mkdtempSync(path.join(os.tmpdir(), 'ead-walkthrough-'));

  before(async () => {
    api = await activatedAndSignedIn();
  });

  after(async () => {
    await vscode.commands.executeCommand(HOOK, { op: 'close' });
    rmSync(out, { recursive: true, force: true });
  });

  it('opens from the command with a pair and a step, and renders the symptom step and six steps', async () => {
    await vscode.commands.executeCommand(OPEN, { step: 3, sending: 'EX01', receiving: 'EX02' });
    const s = await until((x) => x.headings.length > 8, 'the panel renders its headings');
    assert.equal(s.lang, 'en');
    assert.equal(s.dir, 'ltr');
    assert.ok(s.headings.includes('Resolve 454 4.7.0 Temporary authentication failure'), s.headings.join(' | '));
    for (const n of [0, 1, 2, 3, 4, 5, 6])
      assert.ok(
        s.headings.some((h) => h.startsWith(`Step ${n}: `)),
        `heading of step ${n}`,
      );
    assert.match(s.text, /Checking: EX01 sends to EX02/);
    const st = await state();
    assert.deepEqual(st.scope, { kind: 'pair', sending: 'EX01', receiving: 'EX02' });
    assert.equal(st.currentStep, 3);
    if (lab) assert.deepEqual(st.servers, ['EX01', 'EX02']);
  });

  if (lab)
    it('recognises a pasted event 1035 and sets the pair from it', async () => {
      await send({ type: 'setScope', scope: { kind: 'organisation' } });
      const fqdn = api.getDiscovery()?.servers.find((x) => x.name === 'EX02')?.fqdn ?? 'ex02.contoso.test';
      const text = `Computer: ${fqdn}\nSource: MSExchangeTransport\nEvent ID: 1035\nInbound authentication failed with error IllegalMessage for Receive connector Default EX02. The authentication mechanism is ExchangeAuth. The source IP address of the client who tried to authenticate to Microsoft Exchange is [192.0.2.55].`;
      const st = await send({ type: 'recognise', text });
      assert.equal(st.symptom?.recognised, true);
      assert.deepEqual(st.symptom?.kinds, ['event-1035']);
      assert.equal(st.symptom?.receiving, 'EX02');
      // Two servers in the organisation: the other end is implied even though 192.0.2.55 is unknown.
      assert.deepEqual(st.scope, { kind: 'pair', sending: 'EX01', receiving: 'EX02' });
      const s = await until((x) => /Recognised: Event 1035/.test(x.text), 'the recognition is shown');
      assert.match(s.text, /ExchangeAuth/);
    });

  it('a paste holding both ends shows the failure seen from both, with its step', async () => {
    const dir = path.join(repoRoot, 'test/fixtures/localised/both-ends');
    const text = ['EX01/SEND2026120409-1.LOG', 'EX02/application-1035.xml', 'DC1/system-kdc.xml']
      .map((f) => readFileSync(path.join(dir, f), 'utf8'))
      .join('\n\n');
    const st = await send({ type: 'recognise', text });
    assert.equal(st.symptom?.bothEnds?.[0]?.step, 3, JSON.stringify(st.symptom?.bothEnds));
    const s = await until((x) => /Seen from both ends/.test(x.text), 'the failure from both ends is shown');
    assert.match(s.text, /share no encryption type/);
  });

  const runAll = async (): Promise<RenderedSnapshot> => {
    await send({ type: 'setScope', scope: { kind: 'pair', sending: 'EX01', receiving: 'EX02' } });
    const st = await send({ type: 'run' });
    assert.equal(st.running, false);
    assert.equal(st.error, undefined, st.error);
    return until(
      (x) => x.steps.filter((s) => s.step > 0).every((s) => s.status !== 'idle' && s.status !== 'running'),
      'every step has a result',
    );
  };

  const expected = SCENARIOS[scenario]?.expected ?? [];
  if (lab && expected.length) {
    it(`${scenario}: each faulty step shows its findings inline, with evidence and remedies`, async () => {
      const s = await runAll();
      for (const e of expected) {
        const step = stepOf(s, e.step);
        // A step shows its worst finding: error when any expectation of the step is one.
        const status = expected.some((x) => x.step === e.step && x.severity === 'error') ? 'error' : e.severity;
        assert.equal(
          step.status,
          status,
          `step ${e.step} is ${status === 'error' ? 'an error' : `a ${status}`} (${e.subject}):\n${step.findings.slice(0, 1500)}`,
        );
        assert.ok(
          step.findings.includes(e.subject),
          `step ${e.step} names ${e.subject}:\n${step.findings.slice(0, 1500)}`,
        );
        assert.match(step.findings, /Observed|Value|Expected/, `step ${e.step} shows evidence`);
      }
      assert.match(s.text, /Likely causes, most likely first/);
      assert.match(s.text, /6 of 6 steps checked/);
      const st = await state();
      assert.ok(
        (st.verdict?.causes.length ?? 0) >= new Set(expected.map((e) => e.step)).size,
        'the summary ranks a cause per faulty step',
      );
      if (scenario === 'all-faults') {
        assert.match(stepOf(s, 3).findings, /SMTPSVC\/ex02/i, 'the SPN comparison names the missing SPN');
        assert.match(stepOf(s, 3).findings, /setspn/i, 'a setspn remedy is shown');
        assert.match(stepOf(s, 3).findings, /Run in terminal/, 'remedies can run in a terminal');
        assert.match(stepOf(s, 4).findings, /2525/, 'the closed port is named');
        assert.match(stepOf(s, 6).findings, /Default EX02/);
      }
    });
  }

  if (lab && scenario === 'healthy') {
    it('healthy: every step the lab can check shows ok', async () => {
      const s = await runAll();
      for (const n of [1, 2, 3, 4, 6])
        assert.equal(stepOf(s, n).status, 'ok', `step ${n}:\n${stepOf(s, n).findings.slice(0, 800)}`);
      // Step 5 reads Windows event logs through PowerShell remoting: from Linux it can only say so.
      assert.ok(['ok', 'unknown'].includes(stepOf(s, 5).status), `step 5 is ${stepOf(s, 5).status}`);
      assert.match(s.text, /No step shows a fault\./);
    });
  }

  if (lab)
    it('copies a remedy, and runs none that changes a server without consent', async () => {
      const st = await state();
      const all = st.steps.flatMap((s) =>
        s.findings.flatMap((f, finding) => f.remedies.map((r, remedy) => ({ step: s.step, finding, remedy, r }))),
      );
      const first = all[0];
      assert.ok(first, 'some finding offers a remedy');
      const before = st.commands.length;
      const copied = await send({ type: 'copyRemedy', step: first.step, finding: first.finding, remedy: first.remedy });
      assert.equal(copied.commands.length, before + 1);
      assert.deepEqual([copied.commands.at(-1)?.command, copied.commands.at(-1)?.how], [first.r.command, 'copied']);
      const clip = await vscode.env.clipboard.readText();
      if (clip) assert.equal(clip, first.r.command);
      const changing = all.find((x) => x.r.changesState);
      if (changing) {
        await vscode.commands.executeCommand(HOOK, { op: 'consent', answer: false });
        try {
          const refused = await send({
            type: 'runRemedy',
            step: changing.step,
            finding: changing.finding,
            remedy: changing.remedy,
          });
          assert.equal(refused.commands.length, before + 1, 'a refused command is not recorded as run');
          assert.ok(
            !vscode.window.terminals.some(
              (t) => t.name === 'Exchange Auth Doctor' && refused.commands.some((c) => c.how === 'terminal'),
            ),
          );
        } finally {
          await vscode.commands.executeCommand(HOOK, { op: 'consent' });
        }
      }
    });

  if (lab)
    it('re-checks one step without touching the others', async () => {
      const before = await state();
      const st = await send({ type: 'run', steps: [3] });
      assert.equal(st.running, false);
      for (const n of [1, 2, 4, 5, 6])
        assert.equal(st.steps[n - 1]?.status, before.steps[n - 1]?.status, `step ${n} unchanged`);
      assert.notEqual(st.steps[2]?.status, 'idle');
    });

  if (lab)
    it('cancels a run and keeps what had finished', async () => {
      const running = vscode.commands.executeCommand<WalkthroughState>(HOOK, {
        op: 'message',
        message: { type: 'run' },
      });
      const end = Date.now() + 10000;
      while (!(await state()).running && Date.now() < end) await new Promise((r) => setTimeout(r, 20));
      await send({ type: 'cancel' });
      const st = await running;
      assert.equal(st.running, false);
      assert.equal(st.error, undefined, st.error);
      assert.ok(
        st.steps.every((s) => s.status !== 'running'),
        'no step stays running',
      );
      // Put the results back for the tests that follow.
      await send({ type: 'run' });
    });

  if (lab)
    it('is restored by its serializer with the state its webview saved', async () => {
      const before = await state();
      const restored = await vscode.commands.executeCommand<WalkthroughState>(HOOK, { op: 'revive' });
      assert.deepEqual(
        restored?.steps.map((s) => s.status),
        before.steps.map((s) => s.status),
      );
      assert.deepEqual(restored?.scope, before.scope);
      const s = await until(
        (x) => x.steps.filter((st) => st.step > 0).every((st) => st.status !== 'idle'),
        'the restored panel renders the results',
      );
      assert.deepEqual(
        s.steps.filter((st) => st.step > 0).map((st) => st.status),
        before.steps.map((st) => st.status),
      );
      // Restored findings come from disk: even a read-only remedy asks before it runs.
      const readOnly = restored?.steps
        .flatMap((st) =>
          st.findings.flatMap((f, finding) => f.remedies.map((r, remedy) => ({ step: st.step, finding, remedy, r }))),
        )
        .find((x) => !x.r.changesState);
      if (readOnly) {
        await vscode.commands.executeCommand(HOOK, { op: 'consent', answer: false });
        let after: WalkthroughState;
        try {
          after = await send({
            type: 'runRemedy',
            step: readOnly.step,
            finding: readOnly.finding,
            remedy: readOnly.remedy,
          });
        } finally {
          await vscode.commands.executeCommand(HOOK, { op: 'consent' });
        }
        assert.ok(
          !after.commands.some((c) => c.how === 'terminal'),
          'a restored read-only remedy is not run without consent',
        );
      }
    });

  if (lab && scenario === 'all-faults') {
    it('all-faults in Chinese: the findings are worded in the panel language', async () => {
      await runAll();
      const english = (await state()).steps.flatMap((st) => st.findings);
      // A step shows what needs attention in full; what passed is folded away once something does.
      const translated = english.filter((f) => f.severity !== 'ok' && wordFinding('zh-cn', f).title !== f.title);
      assert.ok(
        translated.length,
        `some finding of all-faults has a Chinese wording: ${english.map((f) => f.code).join(', ')}`,
      );
      await send({ type: 'setLanguage', language: 'zh-cn' });
      const s = await until((x) => x.lang === 'zh-cn', 'the panel is in Chinese');
      for (const f of translated) {
        const shown = stepOf(s, f.step).findings;
        assert.ok(
          shown.includes(wordFinding('zh-cn', f).title),
          `step ${f.step} shows ${f.code} in Chinese:\n${shown.slice(0, 800)}`,
        );
        assert.ok(!shown.includes(f.title), `step ${f.step} no longer shows the English title of ${f.code}`);
      }
      await send({ type: 'setLanguage', language: 'en' });
      await until((x) => x.lang === 'en', 'back to English');
    });
  }

  it('switches to Hebrew: right to left, translated headings', async () => {
    const he = bundle('he');
    await send({ type: 'setLanguage', language: 'he' });
    const s = await until((x) => x.dir === 'rtl', 'the panel turns right to left');
    assert.equal(s.lang, 'he');
    const summary = he['Summary'];
    const step1 = he['Clocks agree within the Kerberos tolerance'];
    assert.ok(summary && summary !== 'Summary' && step1, 'the Hebrew bundle translates the headings');
    assert.ok(s.headings.includes(summary), s.headings.join(' | '));
    assert.ok(
      s.headings.some((h) => h.includes(step1)),
      s.headings.join(' | '),
    );
    assert.ok(!s.headings.includes('Summary'), 'no English heading left');
    await send({ type: 'setLanguage', language: 'en' });
    await until((x) => x.dir === 'ltr' && x.headings.includes('Summary'), 'back to English');
  });

  it('exports the walkthrough as Markdown and as self-contained HTML, without the password', async () => {
    const md = path.join(out, 'report.md');
    const html = path.join(out, 'report.html');
    assert.equal(await vscode.commands.executeCommand(HOOK, { op: 'export', format: 'markdown', path: md }), md);
    assert.equal(await vscode.commands.executeCommand(HOOK, { op: 'export', format: 'html', path: html }), html);
    const mdText = readFileSync(md, 'utf8');
    const htmlText = readFileSync(html, 'utf8');
    assert.match(mdText, /^# Exchange authentication diagnosis \(454 4\.7\.0\)/);
    assert.match(mdText, /Checked: EX01 -\\?> EX02/);
    if (lab) assert.match(mdText, /Directory: .*dc1/i);
    if (lab) assert.match(mdText, /## Symptom as reported/);
    if (lab) assert.match(mdText, /## Step 3: /);
    assert.match(htmlText, /^<!DOCTYPE html>/);
    assert.doesNotMatch(htmlText, /<script|\bsrc=|\bhref=/i);
    if (lab && scenario === 'all-faults') {
      assert.match(mdText, /SMTPSVC\/ex02/i);
      assert.match(htmlText, /Default EX02/);
    }
    if (password)
      for (const text of [mdText, htmlText]) assert.ok(!text.includes(password), 'no password in the report');
  });
});
