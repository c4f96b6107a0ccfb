/**
 * Usage errors quote what was typed ("--timeout must be a whole number, not "..."", "Unexpected
 * argument "...""). A password typed into the wrong option, or on the command line by mistake,
 * would be echoed to the terminal and into logs of CI runs. So the message of a usage error names
 * a value by its position instead of repeating it: `not "<argument 4>"`, and a value from the
 * environment by its variable: `<$EAD_DC_PORT>`. Option names stay, so the message still says which
 * option was wrong.
 */

/** The sub-commands: constant text of this CLI, never a value worth hiding. */
const COMMANDS = new Set(['diagnose', 'setspn', 'help', 'version']);
/**
 * Shorter values (a step number, `1` in EAD_ALL_SPNS) are no secret, and replacing them would garble
 * the constant text of a message ("step numbers 1 to 6").
 */
const MIN_LENGTH = 3;

/** Each value typed on the command line (or set in an EAD_* variable) with the placeholder that replaces it. */
function valuesOf(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
): { value: string; label: string }[] {
  const out: { value: string; label: string }[] = [];
  for (const [name, value] of Object.entries(env))
    if (name.startsWith('EAD_') && value) out.push({ value, label: `<$${name}>` });
  argv.forEach((token, i) => {
    const label = `<argument ${i + 1}>`;
    if (token.startsWith('-')) {
      const eq = token.indexOf('=');
      // `--timeout=hunter2`: the value after `=`, and the whole token (parsers may echo it whole).
      if (eq > 0 && eq < token.length - 1) {
        out.push({ value: token, label: `${token.slice(0, eq)}=${label}` });
        out.push({ value: token.slice(eq + 1), label });
      }
      return;
    }
    if (i === 0 && COMMANDS.has(token)) return;
    if (token.length) out.push({ value: token, label });
  });
  // Longest first, so a value that contains another is replaced whole.
  return out.filter((v) => v.value.length >= MIN_LENGTH).sort((a, b) => b.value.length - a.value.length);
}

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * `message` with every value of `argv` replaced by `<argument N>` and every value of an EAD_*
 * variable of `env` by `<$NAME>`, in one pass (so a placeholder is
 * never matched again). A value is replaced where it is not part of a longer word: the typed value
 * `1` leaves "10" alone.
 */
export function redactArgvValues(
  message: string,
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>> = {},
): string {
  const values = valuesOf(argv, env);
  if (values.length === 0) return message;
  const labels = new Map<string, string>();
  for (const { value, label } of values) if (!labels.has(value)) labels.set(value, label);
  const alternatives = [...labels.keys()].map(escapeRegExp).join('|');
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}_])(?:${alternatives})(?![\\p{L}\\p{N}_])`, 'gu');
  return message.replace(pattern, (hit) => labels.get(hit) ?? hit);
}
