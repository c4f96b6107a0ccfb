/**
 * The one place the command line writes to stdout and stderr. Whatever is written (findings,
 * progress, warnings, errors, the "servers found" list) passes two filters here:
 *
 * - the secrets (the bind password) are masked, as in the JSON and Markdown reports;
 * - every control, bidirectional or invisible character is shown as a visible escape
 *   (sanitizeForTerminal), so text from a server, a directory or a file cannot send escape
 *   sequences to the terminal: no OSC 0 (title), OSC 52 (clipboard) or OSC 633 (VS Code shell
 *   integration, which the extension reads back when it runs this CLI in its terminal).
 *
 * Kept as they are: line ends (LF, CRLF) and tabs, and in a text stream with colour on, the SGR colour
 * sequences the text printer itself paints with (the printer sanitises every server value before
 * it paints, so no server text reaches here as a raw ESC through it). A JSON stream gets JSON
 * escapes (`\u009b`) instead, so the document stays valid JSON.
 */
import { redactSecrets } from '../core/report/meta';
import { sanitizeForTerminal } from '../core/safety/terminal-text';

/** Where text goes: process.stdout, process.stderr or a test's collector. */
export interface TextSink {
  write(text: string): unknown;
}

export interface CliOutputOptions {
  /** Strings masked wherever they appear (the bind password); read at each write, so it may be filled later. */
  secrets?: readonly string[];
  /** Keep the printer's own SGR colour sequences (`ESC [ 31 m`); only for a text stream on a colour terminal. */
  colour?: boolean;
  /** `json`: escape as `\uXXXX` so a JSON document stays valid; `text` (default): `\xNN`/`\uXXXX` shown literally. */
  kind?: 'text' | 'json';
}

/** The SGR codes TextPrinter uses: reset, bold, red, green, yellow, magenta, cyan. */
const OWN_SGR = '\\u001b\\[(?:0|1|31|32|33|35|36)m';
const KEEP_PLAIN = /(\r?\n|\t)/;
const KEEP_COLOUR = new RegExp(`(\\r?\\n|\\t|${OWN_SGR})`);
/** Characters a JSON document may hold raw that a terminal could act on (C0 is escaped by JSON.stringify). */
const JSON_UNSAFE = /[\u007f-\u009f\u061c\u200b-\u200f\u2028\u2029\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/gu;

/** `text` with every character a terminal could act on made visible; line ends and tabs kept. */
export function neutraliseForTerminal(text: string, colour = false): string {
  return text
    .split(colour ? KEEP_COLOUR : KEEP_PLAIN)
    .map((part, i) => (i % 2 === 1 ? part : sanitizeForTerminal(part)))
    .join('');
}

/** A JSON document with the characters JSON.stringify leaves raw written as `\uXXXX` escapes. */
export function neutraliseJson(json: string): string {
  return json.replace(JSON_UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** A sink that masks the secrets and neutralises control characters before writing. */
export function cliOutput(out: TextSink, options: CliOutputOptions = {}): TextSink {
  const secrets = options.secrets ?? [];
  const clean =
    options.kind === 'json'
      ? (text: string) => neutraliseJson(text)
      : (text: string) => neutraliseForTerminal(text, options.colour === true);
  return { write: (text: string) => out.write(clean(redactSecrets(text, secrets))) };
}
