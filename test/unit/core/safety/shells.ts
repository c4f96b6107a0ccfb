import { spawnSync } from 'node:child_process';

/**
 * Runs `printf '%s\0' <words>` in a real POSIX shell and returns the arguments it received.
 * The words are inserted as given: they must already be quoted.
 */
export function posixArgs(shell: 'bash' | 'sh', quotedWords: string[]): string[] {
  const script = `printf '%s\\0' ${quotedWords.join(' ')}`;
  const r = spawnSync(shell, ['-c', script], {
    encoding: 'buffer',
    env: { PATH: process.env.PATH ?? '/usr/bin:/bin', LC_ALL: 'C' },
  });
  if (r.status !== 0) throw new Error(`${shell} failed: ${r.stderr.toString()}`);
  const parts = r.stdout.toString('utf8').split('\0');
  parts.pop(); // after the last NUL
  return parts;
}

export function runPosix(shell: 'bash' | 'sh', commandLine: string): string {
  const r = spawnSync(shell, ['-c', commandLine], {
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '/usr/bin:/bin', LC_ALL: 'C' },
  });
  if (r.status !== 0) throw new Error(`${shell} failed (${r.status}): ${r.stderr}`);
  return r.stdout;
}

const PS_QUOTE = /['\u2018\u2019\u201a\u201b]/u;

/**
 * How PowerShell's tokenizer reads a single-quoted string (ScanStringLiteral): any of the four
 * single-quote characters ends it unless the next character is also one, in which case that
 * second character is taken literally. Returns undefined when `text` is not exactly one literal.
 */
export function readPowerShellSingleQuoted(text: string): string | undefined {
  const chars = [...text];
  if (!PS_QUOTE.test(chars[0] ?? '')) return undefined;
  let out = '';
  for (let i = 1; i < chars.length; i++) {
    const c = chars[i] ?? '';
    if (PS_QUOTE.test(c)) {
      const next = chars[i + 1];
      if (next !== undefined && PS_QUOTE.test(next)) {
        out += next;
        i++;
        continue;
      }
      return i === chars.length - 1 ? out : undefined;
    }
    out += c;
  }
  return undefined;
}
