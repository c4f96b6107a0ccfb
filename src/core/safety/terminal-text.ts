/**
 * Text that came from a server (LDAP values, event messages) is shown in terminals and editors.
 * Control characters there could move the cursor, retitle the window, run shell-integration
 * marks or reorder text (bidirectional overrides), and invisible characters (zero-width spaces
 * and joiners, the byte-order mark) could hide part of a command from the person approving it,
 * so they are shown as visible escapes instead.
 */
const UNSAFE_CHARS =
  '\\u0000-\\u001f\\u007f-\\u009f\\u061c\\u200b-\\u200f\\u2028\\u2029\\u202a-\\u202e\\u2060-\\u2064\\u2066-\\u2069\\ufeff';
const UNSAFE = new RegExp(`[${UNSAFE_CHARS}]`, 'gu');
const UNSAFE_ONE = new RegExp(`[${UNSAFE_CHARS}]`, 'u');

/**
 * True when `value` holds a character a terminal or a dialog could act on or hide: C0/C1
 * controls, line and paragraph separators, bidirectional controls (U+061C, U+200E, U+200F,
 * U+202A-U+202E, U+2066-U+2069) and invisible characters (U+200B-U+200D, U+2060-U+2064, U+FEFF).
 */
export function hasUnsafeTerminalText(value: string): boolean {
  return UNSAFE_ONE.test(value);
}

export function sanitizeForTerminal(value: string): string {
  return value.replace(UNSAFE, (c) => {
    const code = c.charCodeAt(0);
    return code <= 0xff
      ? `\\x${code.toString(16).toUpperCase().padStart(2, '0')}`
      : `\\u${code.toString(16).toUpperCase().padStart(4, '0')}`;
  });
}

/** `U+0435` style name of a code point, for messages about a rejected character. */
export function describeCodePoint(ch: string): string {
  const cp = ch.codePointAt(0) ?? 0;
  const shown =
    cp < 0x20 || (cp >= 0x7f && cp <= 0x9f) || /\s/u.test(ch) || hasUnsafeTerminalText(ch) ? '' : ` '${ch}'`;
  return `U+${cp.toString(16).toUpperCase().padStart(4, '0')}${shown}`;
}
