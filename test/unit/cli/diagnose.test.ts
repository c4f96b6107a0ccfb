import { strict as assert } from 'node:assert';
import { Writable } from 'node:stream';
import { parseCli } from '../../../src/cli/args';
import { runDiagnose } from '../../../src/cli/diagnose';
import { TextPrinter, redactingSink } from '../../../src/cli/text-output';
import { DoctorError } from '../../../src/core/errors';
import { FakeIo } from '../core/engine/fake-io';

const PASSWORD = 'S3cret-Lab-Pw9';

function capture(): { stream: Writable; text: () => string } {
  let text = '';
  const stream = new Writable({
    write(chunk: Buffer, _e, cb) {
      text += chunk.toString();
      cb();
    },
  });
  return { stream, text: () => text };
}

describe('CLI diagnose output redaction', () => {
  it('progress lines and connection errors on stderr never show the password', async () => {
    const cmd = parseCli(['diagnose', '--dc', `dc-${PASSWORD}.contoso.test`, '--user', 'doctor@contoso.test'], {});
    assert.equal(cmd.command, 'diagnose');
    if (cmd.command !== 'diagnose') return;
    const fake = new FakeIo({
      connectDirectory: () => () => Promise.reject(new DoctorError('bind-other', `server echoed ${PASSWORD} back`)),
    });
    const out = capture();
    const err = capture();
    const r = await runDiagnose(
      fake.io,
      { ...cmd.options, caFile: undefined },
      PASSWORD,
      { stdout: out.stream, stderr: err.stream, progress: true },
      new AbortController().signal,
      '0.0.0',
    );
    assert.equal(r.exitCode, 2);
    assert.match(err.text(), /Connecting to dc-REDACTED\.contoso\.test/);
    assert.match(err.text(), /server echoed REDACTED back/);
    assert.ok(!err.text().includes(PASSWORD) && !out.text().includes(PASSWORD), err.text());
  });

  it('text findings go through the same redaction', () => {
    const out = capture();
    const printer = new TextPrinter(redactingSink(out.stream, [PASSWORD]), false, [3]);
    printer.finding({
      code: 'x',
      step: 3,
      severity: 'error',
      subject: { kind: 'server', name: 'EX01' },
      title: `bind as ${PASSWORD}`,
      explanation: '',
      evidence: [],
      remedies: [],
    });
    printer.stepFinished(3);
    assert.match(out.text(), /bind as REDACTED/);
    assert.ok(!out.text().includes(PASSWORD));
  });
});
