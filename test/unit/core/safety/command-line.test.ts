import { strict as assert } from 'node:assert';
import {
  CommandLineError,
  arg,
  buildCommandLine,
  commandArgv,
  makeRemedy,
  renderRemedyCommand,
  tryBuildCommandLine,
} from '../../../../src/core/safety/command-line';
import { hasUnsafeTerminalText, sanitizeForTerminal } from '../../../../src/core/safety/terminal-text';
import { HOSTILE_NAMES, INVISIBLE_AND_BIDI } from './hostile';
import { runPosix } from './shells';

describe('buildCommandLine', () => {
  it('builds setspn lines that read the same in every shell', () => {
    for (const shell of ['powershell', 'posix', 'cmd'] as const) {
      assert.equal(buildCommandLine(shell, 'setspn', [arg.switch('-L'), arg.host('EX01')]), 'setspn -L EX01');
      assert.equal(
        buildCommandLine(shell, 'setspn', [arg.switch('-S'), arg.spn('SMTPSVC/ex01.contoso.test'), arg.host('EX01')]),
        'setspn -S SMTPSVC/ex01.contoso.test EX01',
      );
    }
  });

  it('builds w32tm and repadmin lines with joined switches', () => {
    assert.equal(
      buildCommandLine('cmd', 'w32tm', [
        arg.switch('/stripchart'),
        arg.joined('/computer:', 'dc1.contoso.test', 'host'),
        arg.switch('/samples:5'),
        arg.switch('/dataonly'),
      ]),
      'w32tm /stripchart /computer:dc1.contoso.test /samples:5 /dataonly',
    );
    assert.equal(
      buildCommandLine('powershell', 'repadmin', [arg.switch('/syncall'), arg.host('DC1'), arg.switch('/AdeP')]),
      'repadmin /syncall DC1 /AdeP',
    );
    assert.equal(
      buildCommandLine('powershell', 'Test-NetConnection', [
        arg.switch('-ComputerName'),
        arg.host('dc1.contoso.test'),
        arg.switch('-Port'),
        arg.integer(88),
      ]),
      "Test-NetConnection -ComputerName dc1.contoso.test -Port '88'",
    );
  });

  it('quotes DNs for PowerShell (a comma there builds an array) and spaces for cmd', () => {
    const dn = 'CN=Default EX01,CN=Servers,DC=contoso,DC=test';
    assert.equal(buildCommandLine('powershell', 'setspn', [arg.switch('-L'), arg.dn(dn)]), `setspn -L '${dn}'`);
    assert.equal(buildCommandLine('cmd', 'setspn', [arg.switch('-L'), arg.dn(dn)]), `setspn -L "${dn}"`);
    assert.equal(buildCommandLine('posix', 'setspn', [arg.switch('-L'), arg.dn(dn)]), `setspn -L '${dn}'`);
  });

  it('refuses every hostile host name in every shell', () => {
    for (const shell of ['powershell', 'posix', 'cmd'] as const) {
      for (const name of HOSTILE_NAMES) {
        const r = tryBuildCommandLine(shell, 'setspn', [arg.switch('-L'), arg.host(name)]);
        assert.equal(r.ok, false, `${shell} ${JSON.stringify(name)}`);
        if (!r.ok) assert.equal(r.argIndex, 1);
      }
    }
  });

  it('refuses switches that are not switches, prefixes that are not prefixes, and bad executables', () => {
    assert.throws(() => buildCommandLine('posix', 'setspn', [arg.switch('-L;id')]), CommandLineError);
    assert.throws(() => buildCommandLine('posix', 'setspn', [arg.switch('L')]), CommandLineError);
    assert.throws(() => buildCommandLine('posix', 'w32tm', [arg.joined('/computer', 'dc1', 'host')]), CommandLineError);
    assert.throws(() => buildCommandLine('posix', '', []), CommandLineError);
    assert.throws(() => buildCommandLine('posix', 'setspn\n', []), CommandLineError);
    assert.throws(() => buildCommandLine('posix', 'x', [arg.integer('8 8')]), CommandLineError);
  });

  it('quotes free text per shell, and cmd refuses what it cannot hold', () => {
    const text = "it's $(calc) & `x`";
    assert.equal(
      buildCommandLine('powershell', 'Write-Output', [arg.text(text)]),
      `Write-Output 'it''s $(calc) & \`x\`'`,
    );
    assert.equal(buildCommandLine('posix', 'echo', [arg.text(text)]), `echo 'it'\\''s $(calc) & \`x\`'`);
    const r = tryBuildCommandLine('cmd', 'echo', [arg.text(text)]);
    assert.equal(r.ok, false);
    if (!r.ok) assert.match(r.reason, /cmd\.exe/);
    assert.throws(() => buildCommandLine('posix', 'echo', [arg.text('a\nb')]), /line break/);
    assert.throws(() => buildCommandLine('posix', 'echo', [arg.text('-n')]), /option/);
  });

  it('refuses free text and executables holding invisible or bidirectional characters, in every shell', () => {
    for (const shell of ['powershell', 'posix', 'cmd'] as const) {
      for (const c of INVISIBLE_AND_BIDI) {
        const code = `U+${(c.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
        for (const text of [`Get-Thing${c}`, `a ${c}b`, `${c}`, `'${c}; calc'`]) {
          const r = tryBuildCommandLine(shell, 'Write-Output', [arg.text(text)]);
          assert.equal(r.ok, false, `${shell} ${code} in ${JSON.stringify(text)}`);
          if (!r.ok) {
            assert.equal(r.argIndex, 0);
            assert.ok(r.reason.includes(code), r.reason);
            assert.ok(!hasUnsafeTerminalText(r.reason), 'the message itself shows no such character');
          }
        }
        assert.throws(
          () => buildCommandLine(shell, `setspn${c}`, [arg.switch('-L')]),
          CommandLineError,
          `${shell} executable ${code}`,
        );
        assert.throws(
          () =>
            makeRemedy({
              summary: 's',
              runOn: 'r',
              shell,
              changesState: true,
              executable: 'echo',
              args: [arg.text(`x${c}`)],
            }),
          CommandLineError,
        );
      }
    }
  });

  it('sanitizeForTerminal shows invisible and bidirectional characters as escapes', () => {
    for (const c of INVISIBLE_AND_BIDI) {
      const out = sanitizeForTerminal(`setspn -S ${c}SMTPSVC/ex01 EX01`);
      assert.ok(!hasUnsafeTerminalText(out), JSON.stringify(out));
      assert.match(out, /^setspn -S \\u[0-9A-F]{4}SMTPSVC\/ex01 EX01$/);
    }
    assert.equal(sanitizeForTerminal('ab\u202ecd'), 'ab\\u202Ecd');
  });

  it('calls a path with spaces through & in PowerShell', () => {
    assert.equal(
      buildCommandLine('powershell', 'C:\\Program Files\\Tools\\setspn.exe', [arg.switch('-X')]),
      "& 'C:\\Program Files\\Tools\\setspn.exe' -X",
    );
  });

  it('gives the unquoted argument vector for execa', () => {
    assert.deepEqual(
      commandArgv('w32tm', [
        arg.switch('/stripchart'),
        arg.joined('/computer:', 'dc1.contoso.test', 'host'),
        arg.text("it's"),
      ]),
      ['/stripchart', '/computer:dc1.contoso.test', "it's"],
    );
  });

  it('a POSIX line built here runs in bash and sh with exactly the intended arguments', () => {
    // Leaving out what a typed line cannot carry.
    const values = HOSTILE_NAMES.filter(
      (s) =>
        s !== '' &&
        !/[\0\n\r\u2028\u2029]/.test(s) &&
        !s.startsWith('-') &&
        // eslint-disable-next-line no-control-regex -- control characters are what is filtered out
        !/[\u0000-\u001f\u007f-\u009f]/.test(s) &&
        !hasUnsafeTerminalText(s),
    );
    const lines = values.map((v) => buildCommandLine('posix', 'printf', [arg.text('[%s]'), arg.text(v)]));
    for (const shell of ['bash', 'sh'] as const) {
      // One shell run for all lines; each printf must print exactly its own value.
      assert.equal(runPosix(shell, lines.join(' ; ')), values.map((v) => `[${v}]`).join(''), shell);
    }
    assert.equal(buildCommandLine('posix', 'printf', [arg.text('%s'), arg.text('ex01\\x')]), "printf '%s' 'ex01\\x'");
  });
});

describe('remedies', () => {
  it('makeRemedy builds a validated command and renderRemedyCommand shows it with its effect', () => {
    const remedy = makeRemedy({
      summary: 'Register the missing SMTPSVC SPN on EX02',
      runOn: 'any domain-joined Windows machine',
      shell: 'powershell',
      changesState: true,
      executable: 'setspn',
      args: [arg.switch('-S'), arg.spn('SMTPSVC/ex02.contoso.test'), arg.host('EX02')],
    });
    assert.equal(remedy.command, 'setspn -S SMTPSVC/ex02.contoso.test EX02');
    assert.equal(
      renderRemedyCommand(remedy),
      '# Register the missing SMTPSVC SPN on EX02 (changes the server; run on any domain-joined Windows machine)\nsetspn -S SMTPSVC/ex02.contoso.test EX02',
    );
    assert.match(renderRemedyCommand({ ...remedy, shell: 'cmd', changesState: false }), /^REM .*read-only/);
  });

  it('renderRemedyCommand cannot be made to emit a second line or escape sequences', () => {
    const out = renderRemedyCommand({
      summary: 'x\nrm -rf /\u001b]0;t\u0007',
      runOn: 'EX01\r\n',
      command: 'setspn -L EX01',
      shell: 'posix',
      changesState: false,
    });
    assert.equal(out.split('\n').length, 2);
    assert.ok(!out.includes('\u001b') && !out.includes('\u0007') && !out.includes('\r'));
  });

  it('makeRemedy refuses a hostile name', () => {
    assert.throws(
      () =>
        makeRemedy({
          summary: 's',
          runOn: 'r',
          shell: 'powershell',
          changesState: true,
          executable: 'setspn',
          args: [arg.switch('-S'), arg.spn('SMTPSVC/ex01;calc'), arg.host('EX01')],
        }),
      CommandLineError,
    );
  });
});
