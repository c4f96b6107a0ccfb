/**
 * The CLI's text output streams in step order whatever order the checks finish in, one header per
 * step, subjects sorted; the progress line stays on a terminal's stderr and off pipes.
 */
import { strict as assert } from 'node:assert';
import type { Finding, Severity, Step, SubjectKind } from '../../../src/shared/findings';
import { TextPrinter, type TextSink } from '../../../src/cli/text-output';
import { ProgressLine } from '../../../src/cli/progress-line';

function sink(): TextSink & { text: string } {
  const s = { text: '', write: (t: string) => (s.text += t) };
  return s;
}

function f(step: Step, name: string, severity: Severity = 'ok', kind: SubjectKind = 'server'): Finding {
  return {
    code: 'x',
    step,
    severity,
    subject: { kind, name },
    title: `${name} on step ${step}`,
    explanation: '',
    evidence: [],
    remedies: [],
    ...(severity === 'unknown' ? { reason: 'no answer' } : {}),
  };
}

describe('CLI text output in step order', () => {
  it('holds a step until every step before it is done, then prints each step once, in order', () => {
    const out = sink();
    const printer = new TextPrinter(out, false, [1, 3, 4, 6]);
    printer.finding(f(4, 'EX02'));
    printer.finding(f(6, 'EX01'));
    printer.finding(f(4, 'EX01'));
    printer.stepFinished(4);
    printer.stepFinished(6);
    assert.equal(out.text, '', 'steps 4 and 6 wait for 1 and 3');
    printer.finding(f(1, 'DC1', 'ok', 'dc'));
    printer.stepFinished(1);
    assert.match(out.text, /Step 1:/);
    assert.doesNotMatch(out.text, /Step 4:/, 'step 3 is still running');
    printer.finding(f(3, 'EX10'));
    printer.finding(f(3, 'EX9'));
    printer.finding(f(3, 'DC1', 'error', 'dc'));
    printer.stepFinished(3);
    const headers = [...out.text.matchAll(/^Step (\d):/gm)].map((m) => m[1]);
    assert.deepEqual(headers, ['1', '3', '4', '6']);
    // Within a step: DCs first, then servers in natural order (EX9 before EX10).
    const step3 = out.text.slice(out.text.indexOf('Step 3:'), out.text.indexOf('Step 4:'));
    const names = [...step3.matchAll(/^ {2}\S+\s+(\S+):/gm)].map((m) => m[1]);
    assert.deepEqual(names, ['DC1', 'EX9', 'EX10']);
    const step4 = out.text.slice(out.text.indexOf('Step 4:'), out.text.indexOf('Step 6:'));
    assert.ok(step4.indexOf('EX01') < step4.indexOf('EX02'));
  });

  it('a cancelled run prints what it has, in step order, before the verdict', () => {
    const out = sink();
    const printer = new TextPrinter(out, false, [1, 2, 3]);
    printer.finding(f(3, 'EX01', 'unknown'));
    printer.finding(f(2, 'DC2', 'warning', 'dc'));
    printer.verdict(
      {
        startedAt: '',
        finishedAt: '',
        overall: 'warning',
        causes: [],
        counts: { error: 0, warning: 1, unknown: 1, ok: 0 },
      },
      [],
    );
    assert.ok(out.text.indexOf('Step 2:') < out.text.indexOf('Step 3:'));
    assert.ok(out.text.indexOf('Step 3:') < out.text.indexOf('Verdict:'));
  });

  it('the progress line writes nothing when stderr is not a terminal', () => {
    const err = sink();
    const line = new ProgressLine(err, false, () => 0);
    line.stepStarted(1);
    line.finding();
    line.stepFinished(1);
    line.stop();
    assert.equal(err.text, '');
  });

  it('on a terminal it rewrites one line in place, steps aside for text, and is wiped at the end', () => {
    const err = sink();
    let now = 0;
    const line = new ProgressLine(err, true, () => now);
    line.stepStarted(3);
    now = 1500;
    line.stepStarted(6);
    line.log('EX01: \u001b]0;pwned\u0007 reading');
    line.stepFinished(3);
    assert.ok(err.text.includes('\r\u001b[2Krunning step 6 · done 3 · 0 findings · 1.5 s'), err.text);
    assert.ok(!err.text.includes('\u001b]0;'), 'text from a server cannot drive the terminal');
    const out = sink();
    const printer = new TextPrinter(out, false, [3], line);
    printer.finding(f(3, 'EX01'));
    const before = err.text.length;
    printer.stepFinished(3);
    assert.ok(err.text.slice(before).startsWith('\r\u001b[2K'), 'wiped before the step is printed');
    line.stop();
    assert.ok(err.text.endsWith('\r\u001b[2K'));
  });
});
