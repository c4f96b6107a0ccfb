import { strict as assert } from 'node:assert';
import { cleanTerminalOutput, splitShellIntegrationOutput } from '../../../../src/core/parsers/terminal-clean';

const ESC = '\u001b';
const BEL = '\u0007';

describe('cleanTerminalOutput', () => {
  it('leaves clean text untouched (same string)', () => {
    const text = 'Registered ServicePrincipalNames for CN=EX01:\n\tSMTP/EX01';
    assert.equal(cleanTerminalOutput(text), text);
  });

  it('turns CRLF into LF and drops a BOM', () => {
    assert.equal(cleanTerminalOutput('\ufeffa\r\nb\r\n'), 'a\nb\n');
  });

  it('strips SGR colours and OSC 633/133 marks ending in BEL or ST, 7-bit and 8-bit', () => {
    const raw = `${ESC}]633;A${BEL}${ESC}]633;B${BEL}${ESC}[1;32mok${ESC}[0m${ESC}]133;D;0${ESC}\\\u009d0;title\u009c \u009b31mred\u009b0m`;
    assert.equal(cleanTerminalOutput(raw), 'ok red');
  });

  it('strips OSC 8 hyperlinks, keeping the link text', () => {
    assert.equal(cleanTerminalOutput(`${ESC}]8;;https://example.test${ESC}\\link${ESC}]8;;${ESC}\\`), 'link');
  });

  it('lets a lone CR overwrite the line, as a terminal shows it', () => {
    assert.equal(
      cleanTerminalOutput('Processing entry 100\rfound 0 group of duplicate SPNs.'),
      'found 0 group of duplicate SPNs.',
    );
    assert.equal(cleanTerminalOutput('abcdef\rXY'), 'XYcdef');
  });

  it('applies backspaces, erase-in-line and cursor-forward (ConPTY spacing)', () => {
    assert.equal(cleanTerminalOutput('abc\b\bXY'), 'aXY');
    assert.equal(cleanTerminalOutput(`abcdef\r${ESC}[Kxy`), 'xy');
    assert.equal(cleanTerminalOutput(`Name${ESC}[13C: Default EX01`), 'Name             : Default EX01');
    assert.equal(cleanTerminalOutput(`abcdef${ESC}[3D${ESC}[KZ`), 'abcZ');
  });

  it('drops other controls and private modes, keeps tabs', () => {
    assert.equal(cleanTerminalOutput(`${ESC}[?25l${ESC}[?2004h\tx\u0000\u0007y${ESC}(B${ESC}7${ESC}8`), '\txy');
  });

  it('does not let a hostile cursor move allocate without bound', () => {
    const out = cleanTerminalOutput(`${ESC}[999999999Cx`);
    assert.ok(out.length <= 4097);
  });
});

describe('splitShellIntegrationOutput', () => {
  it('splits commands by 633 marks with command line and exit code', () => {
    const raw =
      `${ESC}]633;E;setspn -L EX01;nonce${BEL}${ESC}]633;C${BEL}Registered ServicePrincipalNames for CN=EX01:\r\n\tSMTP/EX01\r\n${ESC}]633;D;0${BEL}` +
      `${ESC}]633;A${BEL}PS> ${ESC}]633;B${BEL}${ESC}]633;E;w32tm /x\\x3by\\\\z${BEL}${ESC}]633;C${BEL}boom\r\n${ESC}]633;D;1${BEL}` +
      `${ESC}]133;C${BEL}x${ESC}]133;D${BEL}`;
    const cmds = splitShellIntegrationOutput(raw);
    assert.deepEqual(cmds, [
      {
        commandLine: 'setspn -L EX01',
        output: 'Registered ServicePrincipalNames for CN=EX01:\n\tSMTP/EX01\n',
        exitCode: 0,
      },
      { commandLine: 'w32tm /x;y\\z', output: 'boom\n', exitCode: 1 },
      { output: 'x' },
    ]);
  });
});
