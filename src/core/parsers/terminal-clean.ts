/**
 * Turns what a real terminal emits into the plain text a program printed, so parsers see the same
 * lines whether output came from a pipe or from `execution.read()` in VS Code's terminal.
 *
 * Handled: CSI sequences (colours, erase-in-line, cursor forward/back/column as ConPTY uses them to
 * repaint), OSC sequences ending in BEL or ST (window titles, hyperlinks, VS Code's 633 and the
 * FinalTerm 133 shell-integration marks), DCS/SOS/PM/APC strings, charset designations, 8-bit C1
 * controls, a lone CR (cursor back to column 0, later text overwrites), backspace, BEL and other
 * C0 controls, and a leading byte-order mark. CRLF becomes LF. Tabs are kept.
 */

const ESC = 0x1b;
const BEL = 0x07;
const C1_CSI = 0x9b;
const C1_OSC = 0x9d;
const C1_ST = 0x9c;
/** DCS, SOS, PM, APC in 8-bit form: strings that run until ST. */
const C1_STRINGS = new Set([0x90, 0x98, 0x9e, 0x9f]);
/** The same, introduced by ESC and a letter. */
const ESC_STRINGS = new Set(['P', 'X', '^', '_']);
/** A terminal would not scroll this far right; it bounds padding from hostile cursor moves. */
const MAX_COLUMN = 4096;

// eslint-disable-next-line no-control-regex -- finding control characters is the point
const NEEDS_WORK = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\ufeff]/u;

export function cleanTerminalOutput(raw: string): string {
  if (!NEEDS_WORK.test(raw)) return raw;
  const out: string[] = [];
  let line: string[] = [];
  let col = 0;
  const n = raw.length;
  let i = raw.charCodeAt(0) === 0xfeff ? 1 : 0;

  const write = (ch: string): void => {
    while (line.length < col) line.push(' ');
    line[col] = ch;
    col++;
  };
  const commit = (): void => {
    out.push(line.join(''));
    line = [];
    col = 0;
  };
  /** Index just after a string terminated by BEL, ESC \ or C1 ST (or the end of input). */
  const skipString = (from: number, belEnds: boolean): number => {
    for (let j = from; j < n; j++) {
      const c = raw.charCodeAt(j);
      if (belEnds && c === BEL) return j + 1;
      if (c === C1_ST) return j + 1;
      if (c === ESC && raw[j + 1] === '\\') return j + 2;
    }
    return n;
  };
  /** Applies the CSI whose parameters start at `from`; returns the index after its final byte. */
  const applyCsi = (from: number): number => {
    let j = from;
    while (j < n && /[0-?]/.test(raw[j] ?? '')) j++;
    const params = raw.slice(from, j);
    while (j < n && /[ -/]/.test(raw[j] ?? '')) j++;
    const final = raw[j] ?? '';
    if (!/[@-~]/.test(final)) return j; // malformed: drop what we saw
    const first = params.startsWith('?') ? NaN : Number(params.split(';')[0] || '0');
    const count = Number.isFinite(first) && first > 0 ? Math.min(first, MAX_COLUMN) : 1;
    switch (final) {
      case 'C': // cursor forward: ConPTY draws runs of spaces this way
        col = Math.min(col + count, MAX_COLUMN);
        if (line.length < col) while (line.length < col) line.push(' ');
        break;
      case 'D': // cursor back
        col = Math.max(0, col - count);
        break;
      case 'G': // cursor to column
        col = Math.min(count - 1, MAX_COLUMN);
        break;
      case 'K': // erase in line
        if (params === '' || params === '0') line.length = Math.min(line.length, col);
        else if (params === '2') line = [];
        else if (params === '1') for (let k = 0; k <= col && k < line.length; k++) line[k] = ' ';
        break;
      case 'X': // erase characters without moving
        for (let k = col; k < col + count && k < line.length; k++) line[k] = ' ';
        break;
      default: // colours (m), modes (h/l), screen erase (J), absolute position (H): no text
        break;
    }
    return j + 1;
  };

  while (i < n) {
    const code = raw.codePointAt(i) ?? 0;
    const width = code > 0xffff ? 2 : 1;
    if (code === ESC) {
      const next = raw[i + 1];
      if (next === undefined) break;
      if (next.charCodeAt(0) < 0x20)
        i += 1; // a control (or another ESC) cancels this sequence
      else if (next === '[') i = applyCsi(i + 2);
      else if (next === ']') i = skipString(i + 2, true);
      else if (ESC_STRINGS.has(next)) i = skipString(i + 2, false);
      else if (/[()*+\-./#%]/.test(next))
        i += 3; // charset designation and friends
      else i += 2; // ESC 7, ESC 8, ESC =, ESC >, ESC M...
      continue;
    }
    if (code === C1_CSI) {
      i = applyCsi(i + 1);
      continue;
    }
    if (code === C1_OSC) {
      i = skipString(i + 1, true);
      continue;
    }
    if (C1_STRINGS.has(code)) {
      i = skipString(i + 1, false);
      continue;
    }
    if (code === 0x0d) {
      if (raw.charCodeAt(i + 1) === 0x0a) {
        commit();
        i += 2;
      } else {
        col = 0;
        i++;
      }
      continue;
    }
    if (code === 0x0a) {
      commit();
      i++;
      continue;
    }
    if (code === 0x08) {
      col = Math.max(0, col - 1);
      i++;
      continue;
    }
    if (code === 0x09) {
      write('\t');
      i++;
      continue;
    }
    if (code < 0x20 || (code >= 0x7f && code <= 0x9f) || code === 0xfeff) {
      i++;
      continue;
    }
    write(raw.slice(i, i + width));
    i += width;
  }
  if (line.length > 0 || out.length > 0) out.push(line.join(''));
  return out.join('\n');
}

export interface ShellIntegrationCommand {
  /** The command line as the shell reported it (633;E), when it did. */
  commandLine?: string;
  /** Output between the 633;C (or 133;C) and 633;D marks, cleaned. */
  output: string;
  /** Exit code from the D mark; undefined when the shell did not report one. */
  exitCode?: number;
}

/**
 * Splits a raw terminal transcript into commands using the shell-integration marks VS Code's
 * scripts emit (OSC 633) or the FinalTerm ones (OSC 133). Useful when output is read from the
 * terminal stream rather than from `execution.read()`.
 */
export function splitShellIntegrationOutput(raw: string): ShellIntegrationCommand[] {
  // eslint-disable-next-line no-control-regex -- finding control characters is the point
  const marks = /(?:\u001b\]|\u009d)(633|133);([A-Z])([^\u0007\u001b\u009c]*)(?:\u0007|\u001b\\|\u009c)/gu;
  const commands: ShellIntegrationCommand[] = [];
  let pendingLine: string | undefined;
  let outputStart = -1;
  for (let m = marks.exec(raw); m; m = marks.exec(raw)) {
    const [, , kind, rest = ''] = m;
    if (kind === 'E') pendingLine = decodeCommandLine(rest.replace(/^;/, '').split(';')[0] ?? '');
    else if (kind === 'C') outputStart = marks.lastIndex;
    else if (kind === 'D' && outputStart >= 0) {
      const code = rest.replace(/^;/, '').split(';')[0] ?? '';
      const cmd: ShellIntegrationCommand = { output: cleanTerminalOutput(raw.slice(outputStart, m.index)) };
      if (pendingLine !== undefined) cmd.commandLine = pendingLine;
      if (/^-?\d+$/.test(code)) cmd.exitCode = Number(code);
      commands.push(cmd);
      outputStart = -1;
      pendingLine = undefined;
    }
  }
  return commands;
}

/** 633;E escapes `\` as `\\` and bytes below 0x20 and `;` as `\xAB`. */
function decodeCommandLine(escaped: string): string {
  return escaped.replace(/\\(\\|x([0-9a-fA-F]{2}))/g, (_m, c: string, h: string | undefined) =>
    h ? String.fromCharCode(parseInt(h, 16)) : c,
  );
}
