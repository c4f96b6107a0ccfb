/**
 * Text that came from a server (LDAP values, event messages) is shown in terminals and editors.
 * Control characters there could move the cursor, retitle the window, run shell-integration
 * marks or reorder text (bidirectional overrides), so they are shown as visible escapes instead.
 */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]/gu;

export function sanitizeForTerminal(value: string): string {
  return value.replace(UNSAFE, (c) => {
    const code = c.charCodeAt(0);
    return code <= 0xff ? `\\x${code.toString(16).toUpperCase().padStart(2, '0')}` : `\\u${code.toString(16).toUpperCase().padStart(4, '0')}`;
  });
}

/** `U+0435` style name of a code point, for messages about a rejected character. */
export function describeCodePoint(ch: string): string {
  const cp = ch.codePointAt(0) ?? 0;
  const shown = cp < 0x20 || (cp >= 0x7f && cp <= 0x9f) || /\s/u.test(ch) ? '' : ` '${ch}'`;
  return `U+${cp.toString(16).toUpperCase().padStart(4, '0')}${shown}`;
}
