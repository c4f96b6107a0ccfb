/**
 * LDIF text for ldbadd/ldbmodify (pure). Values that LDIF cannot carry as plain text are written
 * base64 (`attr:: ...`), as RFC 2849 requires.
 */
export type LdifValue = string | Buffer;

export interface LdifEntry {
  dn: string;
  attributes: [string, LdifValue | LdifValue[]][];
}

export type LdifChange =
  | { dn: string; op: 'add' | 'replace' | 'delete'; attribute: string; values: LdifValue[] }
  | { dn: string; op: 'add-entry'; entry: LdifEntry };

const SAFE = /^[\x21-\x39\x3b\x3d-\x7e][\x20-\x7e]*$/;

export function ldifLine(name: string, value: LdifValue): string {
  if (typeof value === 'string' && (value === '' || (SAFE.test(value) && !value.endsWith(' '))))
    return `${name}: ${value}`;
  const b = typeof value === 'string' ? Buffer.from(value, 'utf8') : value;
  return `${name}:: ${b.toString('base64')}`;
}

export function entryLdif(e: LdifEntry): string {
  const lines = [ldifLine('dn', e.dn)];
  for (const [name, v] of e.attributes) for (const one of Array.isArray(v) ? v : [v]) lines.push(ldifLine(name, one));
  return `${lines.join('\n')}\n\n`;
}

export function entriesLdif(entries: readonly LdifEntry[]): string {
  return entries.map(entryLdif).join('');
}

export function changeLdif(c: LdifChange): string {
  if (c.op === 'add-entry') {
    const body = entryLdif(c.entry).split('\n');
    return [body[0], 'changetype: add', ...body.slice(1)].join('\n');
  }
  const lines = [
    ldifLine('dn', c.dn),
    'changetype: modify',
    `${c.op}: ${c.attribute}`,
    ...c.values.map((v) => ldifLine(c.attribute, v)),
    '-',
  ];
  return `${lines.join('\n')}\n\n`;
}

export function changesLdif(changes: readonly LdifChange[]): string {
  return changes.map(changeLdif).join('');
}

/** The value of unicodePwd: the password in double quotes, UTF-16LE. */
export function unicodePwd(password: string): Buffer {
  return Buffer.from(`"${password}"`, 'utf16le');
}

/** Reads `dn:` lines of LDIF (plain or base64), for tests and diagnostics. */
export function dnsOf(ldif: string): string[] {
  const out: string[] = [];
  for (const m of ldif.matchAll(/^dn(::?) ?(.*)$/gm))
    out.push(m[1] === '::' ? Buffer.from(m[2] ?? '', 'base64').toString('utf8') : (m[2] ?? ''));
  return out;
}
