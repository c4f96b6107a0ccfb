/**
 * JSON.parse for one LSP message body held in a Buffer, without the copies that make a large
 * document cost four to five times its size while it is read (issue 14, "memory"): the usual path
 * decodes the whole body into a string (1x), then JSON.parse makes the document's text (1x) while
 * the chunks and the joined body (2x) are still alive. Here every long string literal (the text of
 * a `didOpen` or a full `didChange`) is decoded in place inside the body buffer (JSON escapes are
 * never shorter than the UTF-8 they stand for) and turned into a string once; only the small rest,
 * with a placeholder where each long string was, goes through JSON.parse. Body and text are then
 * the only large things alive, about 2x, and the body is dropped as soon as this returns.
 *
 * A lone UTF-16 surrogate escape (`\ud800` not followed by its pair) cannot be written as UTF-8 and
 * becomes U+FFFD; JSON.parse would keep it. Editors do not send such text for log files.
 */

const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/** String literals at least this many bytes long are lifted out; shorter ones stay in the rest. */
export const LIFT_AT = 64 * 1024;

/** The index of the quote closing the string literal opened at `open`, or -1. */
function closingQuote(body: Buffer, open: number): number {
  let at = open + 1;
  for (;;) {
    const q = body.indexOf(QUOTE, at);
    if (q < 0) return -1;
    let slashes = 0;
    while (body[q - 1 - slashes] === BACKSLASH) slashes++;
    if (slashes % 2 === 0) return q;
    at = q + 1;
  }
}

/** Whether the literal closing at `close` is an object key (a colon follows): keys are never lifted. */
function isKey(body: Buffer, close: number): boolean {
  let i = close + 1;
  while (body[i] === 0x20 || body[i] === 0x09 || body[i] === 0x0a || body[i] === 0x0d) i++;
  return body[i] === 0x3a;
}

const SIMPLE: Readonly<Record<number, number>> = {
  0x22: 0x22, // \"
  0x5c: 0x5c, // \\
  0x2f: 0x2f, // \/
  0x62: 0x08, // \b
  0x66: 0x0c, // \f
  0x6e: 0x0a, // \n
  0x72: 0x0d, // \r
  0x74: 0x09, // \t
};

function hex4(body: Buffer, at: number): number {
  const s = body.toString('latin1', at, at + 4);
  if (!/^[0-9a-fA-F]{4}$/.test(s)) throw new SyntaxError(`bad \\u escape at byte ${at}`);
  return parseInt(s, 16);
}

/** Writes code point `cp` as UTF-8 at `w`; returns the next write position. */
function writeUtf8(body: Buffer, w: number, cp: number): number {
  if (cp < 0x80) body[w++] = cp;
  else if (cp < 0x800) {
    body[w++] = 0xc0 | (cp >> 6);
    body[w++] = 0x80 | (cp & 0x3f);
  } else if (cp < 0x10000) {
    body[w++] = 0xe0 | (cp >> 12);
    body[w++] = 0x80 | ((cp >> 6) & 0x3f);
    body[w++] = 0x80 | (cp & 0x3f);
  } else {
    body[w++] = 0xf0 | (cp >> 18);
    body[w++] = 0x80 | ((cp >> 12) & 0x3f);
    body[w++] = 0x80 | ((cp >> 6) & 0x3f);
    body[w++] = 0x80 | (cp & 0x3f);
  }
  return w;
}

/** Decodes the literal between `start` (after the opening quote) and `end` (the closing quote) in place. */
export function decodeInPlace(body: Buffer, start: number, end: number): string {
  let r = start;
  let w = start;
  while (r < end) {
    const slash = body.indexOf(BACKSLASH, r);
    const stop = slash < 0 || slash >= end ? end : slash;
    if (w !== r) body.copyWithin(w, r, stop);
    w += stop - r;
    r = stop;
    if (r >= end) break;
    const kind = body[r + 1]!;
    const simple = SIMPLE[kind];
    if (simple !== undefined) {
      body[w++] = simple;
      r += 2;
      continue;
    }
    if (kind !== 0x75) throw new SyntaxError(`bad escape at byte ${r}`);
    let cp = hex4(body, r + 2);
    r += 6;
    if (cp >= 0xd800 && cp <= 0xdbff && body[r] === BACKSLASH && body[r + 1] === 0x75) {
      const low = hex4(body, r + 2);
      if (low >= 0xdc00 && low <= 0xdfff) {
        cp = 0x10000 + ((cp - 0xd800) << 10) + (low - 0xdc00);
        r += 6;
      }
    }
    if (cp >= 0xd800 && cp <= 0xdfff) cp = 0xfffd;
    w = writeUtf8(body, w, cp);
  }
  return body.toString('utf8', start, w);
}

function restore(value: unknown, lifted: ReadonlyMap<string, string>): unknown {
  if (typeof value === 'string') return lifted.get(value) ?? value;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) value[i] = restore(value[i], lifted);
    return value;
  }
  if (value && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    for (const k of Object.keys(o)) o[k] = restore(o[k], lifted);
  }
  return value;
}

/**
 * Parses a JSON body as JSON.parse(body.toString('utf8')) would, but decodes long string literals in
 * place (the body's bytes are overwritten: do not read it afterwards).
 */
export function parseJsonBody(body: Buffer, liftAt = LIFT_AT): unknown {
  if (body.length < liftAt) return JSON.parse(body.toString('utf8'));
  const spans: [number, number][] = [];
  for (let at = body.indexOf(QUOTE); at >= 0;) {
    const close = closingQuote(body, at);
    if (close < 0) break; // unterminated: JSON.parse below reports it
    if (close - at - 1 >= liftAt && !isKey(body, close)) spans.push([at, close]);
    at = body.indexOf(QUOTE, close + 1);
  }
  if (!spans.length) return JSON.parse(body.toString('utf8'));
  // The rest first (small), while the body still holds the literals' escaped bytes.
  const nonce = `\u0000ead-lift-${Math.random().toString(36).slice(2)}-`;
  const parts: string[] = [];
  let from = 0;
  spans.forEach(([open, close], i) => {
    parts.push(body.toString('utf8', from, open), JSON.stringify(nonce + i));
    from = close + 1;
  });
  parts.push(body.toString('utf8', from));
  const rest: unknown = JSON.parse(parts.join(''));
  const lifted = new Map<string, string>();
  spans.forEach(([open, close], i) => lifted.set(nonce + i, decodeInPlace(body, open + 1, close)));
  return restore(rest, lifted);
}
