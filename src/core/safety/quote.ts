/**
 * One function per shell to turn an argument into text that shell reads back as exactly that
 * argument. PowerShell and POSIX shells get single quotes (nothing inside is special but the
 * quote itself). cmd.exe has no quoting that survives `%`, `^`, `!` and `"`, so it gets only
 * arguments from a safe character set and everything else is refused.
 */
import { describeCodePoint } from './terminal-text';

export class QuoteError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'QuoteError';
  }
}

/**
 * PowerShell treats the typographic single quotes U+2018, U+2019, U+201A and U+201B exactly like
 * `'`: each ends a single-quoted string, and doubling any of them gives it literally.
 */
const PS_SINGLE_QUOTES = /['\u2018\u2019\u201a\u201b]/gu;

function refuseNul(value: string, shell: string): void {
  if (value.includes('\0')) throw new QuoteError(`${shell} arguments cannot contain a NUL character`);
}

/** `'it''s'`: a single-quoted PowerShell string literal. */
export function quoteForPowerShell(value: string): string {
  refuseNul(value, 'PowerShell');
  return `'${value.replace(PS_SINGLE_QUOTES, (q) => q + q)}'`;
}

/** `'it'\''s'`: a single-quoted word for sh, bash, zsh, dash. */
export function quoteForPosix(value: string): string {
  refuseNul(value, 'POSIX shell');
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

const CMD_BARE = /^[A-Za-z0-9_.\\/:=,@+-]+$/;
const CMD_QUOTABLE = /^[A-Za-z0-9_.\\/:=,@+ -]+$/;

/**
 * An argument for cmd.exe: as is when it holds only `A-Z a-z 0-9 _ . \ / : = , @ + -`, in double
 * quotes when it also holds spaces, refused otherwise. `%` and `!` expand even inside quotes,
 * `^ & | < > ( )` and `"` change how the line is split; none of them can be made safe.
 */
export function quoteForCmd(value: string): string {
  if (value === '') return '""';
  if (CMD_BARE.test(value)) return value;
  if (CMD_QUOTABLE.test(value)) {
    if (value.endsWith('\\'))
      throw new QuoteError(
        'cmd.exe: an argument in quotes cannot end with a backslash (it would escape the closing quote)',
      );
    return `"${value}"`;
  }
  const bad = [...value].find((ch) => !CMD_QUOTABLE.test(ch)) ?? '';
  throw new QuoteError(
    `cmd.exe cannot be given ${describeCodePoint(bad)} safely; run this command from PowerShell instead`,
  );
}
