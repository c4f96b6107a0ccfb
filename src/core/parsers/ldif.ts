/**
 * A parser for the LDIF content records that `ldapsearch` prints (RFC 2849): records separated by
 * blank lines, `#` comments, folded lines (a line that starts with one space continues the one
 * before, with that space removed), `name: value`, `name:: base64` (values that are not safe
 * ASCII: non-ASCII text, binary GUIDs and SIDs, leading spaces or colons), and an optional
 * `version: 1` line. Search continuation references (`ref:` records without a `dn:`) are skipped.
 *
 * Values stay in the form they came in (text or base64) so the caller decides per attribute
 * whether it wants text or the bytes as base64; `ldifText` and `ldifBase64` convert. Anything that
 * does not fit the grammar (a line without a colon, bad base64, a `:<` URL reference, which
 * ldapsearch never prints for a search) throws an LdifError naming the line, instead of returning
 * half an entry.
 */
export type LdifValue = { kind: 'text'; value: string } | { kind: 'base64'; value: string };

export interface LdifRecord {
  dn: string;
  /** Attribute names as printed (options such as `;range=0-1499` kept), values in order. */
  attributes: Map<string, LdifValue[]>;
}

export class LdifError extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(`LDIF line ${line}: ${message}`);
    this.name = 'LdifError';
  }
}

const BASE64_RE = /^[A-Za-z0-9+/]*={0,2}$/;
const NAME_RE = /^[A-Za-z0-9][A-Za-z0-9;=.-]*$/;

/** Decodes base64 to bytes, refusing anything that is not canonical base64. */
export function decodeBase64(text: string, line = 0): Uint8Array {
  if (text.length % 4 !== 0 || !BASE64_RE.test(text)) throw new LdifError('the value is not valid base64', line);
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

function encodeBase64(bytes: Uint8Array): string {
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary);
}

/** The value as text (base64 values decoded as UTF-8, as LDAP strings are). */
export function ldifText(v: LdifValue): string {
  return v.kind === 'text' ? v.value : new TextDecoder('utf-8').decode(decodeBase64(v.value));
}

/** The value's bytes as base64 (text values are their UTF-8 bytes). */
export function ldifBase64(v: LdifValue): string {
  return v.kind === 'base64' ? v.value : encodeBase64(new TextEncoder().encode(v.value));
}

/** Joins folded lines; returns each logical line with the number of its first physical line. */
function unfold(text: string): { text: string; line: number }[] {
  const out: { text: string; line: number }[] = [];
  // What a line starting with a space continues: a value line, a comment, or nothing (after a blank line).
  let folding: 'none' | 'value' | 'comment' = 'none';
  text.split(/\r?\n/).forEach((raw, i) => {
    const last = out[out.length - 1];
    if (raw.startsWith(' ') && folding !== 'none') {
      if (folding === 'value' && last) last.text += raw.slice(1);
      return;
    }
    if (raw.startsWith('#')) {
      folding = 'comment';
      return;
    }
    out.push({ text: raw, line: i + 1 });
    folding = raw.trim() === '' ? 'none' : 'value';
  });
  return out;
}

function parseLine(text: string, line: number): { name: string; value: LdifValue } {
  const colon = text.indexOf(':');
  if (colon <= 0) throw new LdifError(`expected "name: value", got "${text.slice(0, 60)}"`, line);
  const name = text.slice(0, colon);
  if (!NAME_RE.test(name)) throw new LdifError(`"${name.slice(0, 60)}" is not an attribute name`, line);
  const rest = text.slice(colon + 1);
  if (rest.startsWith(':')) {
    const b64 = rest.slice(1).trim();
    decodeBase64(b64, line);
    return { name, value: { kind: 'base64', value: b64 } };
  }
  if (rest.startsWith('<')) throw new LdifError(`URL values (${name}:<) are not supported`, line);
  return { name, value: { kind: 'text', value: rest.replace(/^ +/, '') } };
}

export function parseLdif(text: string): LdifRecord[] {
  const records: LdifRecord[] = [];
  let current: { dn?: string; attributes: Map<string, LdifValue[]>; line: number } | undefined;
  const finish = (): void => {
    if (current?.dn !== undefined) records.push({ dn: current.dn, attributes: current.attributes });
    current = undefined;
  };
  for (const { text: logical, line } of unfold(text)) {
    if (logical.trim() === '') {
      finish();
      continue;
    }
    const { name, value } = parseLine(logical, line);
    if (!current) {
      if (name.toLowerCase() === 'version' && records.length === 0) continue;
      current = { attributes: new Map(), line };
      if (name.toLowerCase() === 'dn') {
        current.dn = ldifText(value);
        continue;
      }
      // A search reference (`ref: ldap://...`) has no dn; its lines are read and dropped.
      if (name.toLowerCase() !== 'ref') throw new LdifError(`a record must start with "dn:", not "${name}:"`, line);
      continue;
    }
    if (current.dn === undefined) continue;
    const list = current.attributes.get(name);
    if (list) list.push(value);
    else current.attributes.set(name, [value]);
  }
  finish();
  return records;
}
