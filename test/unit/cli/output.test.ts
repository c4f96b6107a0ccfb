import { strict as assert } from 'node:assert';
import { cliOutput } from '../../../src/cli/output';

function collector(): { text: () => string; write: (t: string) => void } {
  let all = '';
  return { text: () => all, write: (t: string) => (all += t) };
}

// OSC 0 (title), OSC 52 (clipboard), OSC 633 (VS Code shell integration), CSI, a C1 CSI and a bidi override.
const HOSTILE = [
  '\u001b]0;pwned\u0007',
  '\u001b]52;c;ZWNobyBwd25lZA==\u0007',
  '\u001b]633;E;rm -rf ~\u0007',
  '\u001b[2J',
  '\u009b31m',
  'abc\u202edef',
  'line\roverwrite',
].join(' ');

describe('CLI output (the one writer)', () => {
  it('makes every control, bidirectional and invisible character visible and masks the password', () => {
    const out = collector();
    cliOutput(out, { secrets: ['Pa55!'] }).write(`error: ${HOSTILE} Pa55!\n\tnext line\r\n`);
    const text = out.text();
    // eslint-disable-next-line no-control-regex -- finding control characters is the point
    assert.ok(!/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202e]/.test(text.replace(/\r\n$/, '')), JSON.stringify(text));
    assert.ok(text.includes('\\x1B]633;E;rm -rf ~\\x07'), text);
    assert.ok(text.includes('\\x9B31m') && text.includes('\\u202E') && text.includes('line\\x0Doverwrite'), text);
    assert.ok(!text.includes('Pa55!'));
    assert.ok(text.endsWith('\n\tnext line\r\n'), 'line ends and tabs are kept');
  });

  it('masks a password added to the list after the writer was made (the CLI learns it after parsing)', () => {
    const secrets: string[] = [];
    const out = collector();
    const writer = cliOutput(out, { secrets });
    writer.write('before Late-Pa55\n');
    secrets.push('Late-Pa55');
    writer.write('after Late-Pa55\n');
    assert.equal(out.text().split('\n')[0], 'before Late-Pa55');
    assert.ok(!out.text().split('\n')[1]?.includes('Late-Pa55'));
  });

  it("keeps the printer's own colours only when colour is on, and no other escape sequence", () => {
    const painted = '\u001b[31mERROR\u001b[0m \u001b[5mblink\u001b[0m';
    const on = collector();
    cliOutput(on, { colour: true }).write(painted);
    assert.equal(on.text(), '\u001b[31mERROR\u001b[0m \\x1B[5mblink\u001b[0m');
    const off = collector();
    cliOutput(off).write(painted);
    assert.ok(!off.text().includes('\u001b'));
  });

  it('keeps a JSON document valid and free of raw C1, bidirectional and separator characters', () => {
    const doc = JSON.stringify({ title: `x ${HOSTILE} \u2028 y` });
    const out = collector();
    cliOutput(out, { kind: 'json' }).write(doc);
    // eslint-disable-next-line no-control-regex -- finding control characters is the point
    assert.ok(!/[\u0000-\u001f\u007f-\u009f\u202e\u2028]/.test(out.text()), out.text());
    assert.deepEqual(JSON.parse(out.text()), JSON.parse(doc));
  });
});
