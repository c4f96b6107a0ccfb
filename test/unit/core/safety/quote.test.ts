import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { QuoteError, quoteForCmd, quoteForPosix, quoteForPowerShell } from '../../../../src/core/safety/quote';
import { HOSTILE_NAMES } from './hostile';
import { posixArgs, readPowerShellSingleQuoted } from './shells';

const hostile = HOSTILE_NAMES.filter((s) => !s.includes('\0'));
const anyArg = fc
  .string({ unit: 'binary', maxLength: 60 })
  .filter((s) => !s.includes('\0') && Buffer.from(s, 'utf8').toString('utf8') === s); // no lone surrogates

describe('quoteForPosix (checked by a real shell)', () => {
  it('bash and sh read every hostile name back exactly', () => {
    for (const shell of ['bash', 'sh'] as const) {
      assert.deepEqual(posixArgs(shell, hostile.map(quoteForPosix)), hostile, shell);
    }
  });

  it('bash reads arbitrary unicode strings back exactly (property, batched per run)', function () {
    // 100 shell spawns: seconds on a loaded or sandboxed machine.
    this.timeout(120_000);
    fc.assert(
      fc.property(fc.array(anyArg, { minLength: 1, maxLength: 20 }), (args) => {
        assert.deepEqual(posixArgs('bash', args.map(quoteForPosix)), args);
      }),
      { numRuns: 100 },
    );
  });

  it('quotes the empty string and refuses NUL', () => {
    assert.deepEqual(posixArgs('bash', [quoteForPosix('')]), ['']);
    assert.throws(() => quoteForPosix('a\0b'), QuoteError);
  });
});

describe('quoteForPowerShell (checked against PowerShell tokenizer rules; no pwsh on this machine)', () => {
  it('doubles ASCII and typographic single quotes', () => {
    assert.equal(quoteForPowerShell("it's"), "'it''s'");
    assert.equal(quoteForPowerShell('it\u2019s'), "'it\u2019\u2019s'");
    assert.equal(quoteForPowerShell('\u2018\u201a\u201b'), "'\u2018\u2018\u201a\u201a\u201b\u201b'");
    assert.equal(quoteForPowerShell('$(calc)`n"x"'), '\'$(calc)`n"x"\'');
  });

  it('every hostile name reads back as one literal with the same content', () => {
    for (const s of hostile) assert.equal(readPowerShellSingleQuoted(quoteForPowerShell(s)), s, JSON.stringify(s));
  });

  it('arbitrary strings, and strings full of quote characters, read back exactly (property)', () => {
    const quoteHeavy = fc
      .array(fc.constantFrom("'", '\u2018', '\u2019', '\u201a', '\u201b', '"', '`', '$', 'a', ' ', ';'), {
        maxLength: 30,
      })
      .map((a) => a.join(''));
    fc.assert(
      fc.property(fc.oneof(anyArg, quoteHeavy), (s) => {
        assert.equal(readPowerShellSingleQuoted(quoteForPowerShell(s)), s);
      }),
      { numRuns: 3000 },
    );
  });

  it('shows why smart quotes matter: doubling only ASCII quotes would end the literal early', () => {
    const naive = (s: string): string => `'${s.replace(/'/g, "''")}'`;
    assert.equal(readPowerShellSingleQuoted(naive('ex01\u2019;calc;\u2019')), undefined);
    assert.equal(readPowerShellSingleQuoted(quoteForPowerShell('ex01\u2019;calc;\u2019')), 'ex01\u2019;calc;\u2019');
  });

  it('refuses NUL', () => {
    assert.throws(() => quoteForPowerShell('\0'), QuoteError);
  });
});

describe('quoteForCmd (refuses what cmd.exe cannot take safely)', () => {
  it('passes safe words bare and double-quotes words with spaces', () => {
    assert.equal(quoteForCmd('ex01.contoso.test'), 'ex01.contoso.test');
    assert.equal(quoteForCmd('SMTPSVC/ex01.contoso.test'), 'SMTPSVC/ex01.contoso.test');
    assert.equal(quoteForCmd('CN=EX01,CN=Computers,DC=contoso,DC=test'), 'CN=EX01,CN=Computers,DC=contoso,DC=test');
    assert.equal(quoteForCmd('CN=Default EX01,DC=c'), '"CN=Default EX01,DC=c"');
    assert.equal(quoteForCmd(''), '""');
  });

  it('refuses % ^ & | < > ( ) ! " and everything else outside the safe set, with a reason', () => {
    for (const s of [
      '%PATH%',
      'a^b',
      'a&b',
      'a|b',
      'a<b',
      'a>b',
      'a(b)',
      '!x!',
      'a"b',
      "a'b",
      'a\nb',
      '\u0435x01',
      'a;b',
      'a`b',
      'a$b',
      'a*b',
    ]) {
      assert.throws(
        () => quoteForCmd(s),
        (e: unknown) => e instanceof QuoteError && /cmd\.exe/.test(e.message),
        JSON.stringify(s),
      );
    }
    assert.throws(() => quoteForCmd('C:\\dir with space\\'), QuoteError);
  });

  it('never returns a metacharacter (property)', () => {
    fc.assert(
      fc.property(anyArg, (s) => {
        let out: string;
        try {
          out = quoteForCmd(s);
        } catch (e) {
          assert.ok(e instanceof QuoteError);
          return;
        }
        const inner = out.startsWith('"') ? out.slice(1, -1) : out;
        assert.doesNotMatch(inner, /[%^&|<>()!"\r\n\t]/);
      }),
      { numRuns: 3000 },
    );
  });
});
