/**
 * Small, pure helpers for LDAP text: filter escaping (RFC 4515), DN pieces, AD time formats.
 * Names that come from the directory or from settings go into filters only through escapeFilterValue.
 */

/** Escapes a value for use inside an LDAP filter assertion (RFC 4515 section 3). */
export function escapeFilterValue(value: string): string {
  return value.replace(/[\\*()\0]/g, (c) => `\\${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
}

/** Splits a DN into its RDNs, honouring backslash escapes (`CN=Smith\, John,OU=...`). */
export function splitDn(dn: string): string[] {
  const parts: string[] = [];
  let current = '';
  for (let i = 0; i < dn.length; i++) {
    const c = dn[i];
    if (c === '\\' && i + 1 < dn.length) {
      current += c + dn[i + 1];
      i++;
    } else if (c === ',') {
      parts.push(current.trim());
      current = '';
    } else {
      current += c;
    }
  }
  if (current.trim()) parts.push(current.trim());
  return parts;
}

/** The value of the first RDN, unescaped: `CN=EX01,CN=Servers,...` -> `EX01`. */
export function rdnValue(dn: string): string {
  const first = splitDn(dn)[0] ?? '';
  const eq = first.indexOf('=');
  const raw = eq >= 0 ? first.slice(eq + 1) : first;
  return raw.replace(/\\([0-9a-fA-F]{2}|.)/g, (_m, g: string) =>
    g.length === 2 ? String.fromCharCode(parseInt(g, 16)) : g,
  );
}

/** The DN without its first RDN. */
export function parentDn(dn: string): string {
  return splitDn(dn).slice(1).join(',');
}

/** Case-insensitive DN comparison, ignoring spaces after commas. */
export function sameDn(a: string, b: string): boolean {
  return splitDn(a).join(',').toLowerCase() === splitDn(b).join(',').toLowerCase();
}

/**
 * Parses an LDAP GeneralizedTime (`20261122134747.0Z`, `20261122134747Z`, `20261122134747.123+0100`)
 * to ISO 8601 UTC, or undefined when it is not one.
 */
export function parseGeneralizedTime(text: string): string | undefined {
  const m = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})?(?:[.,](\d+))?(Z|[+-]\d{4})?$/.exec(text.trim());
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s = '00', frac = '', zone = 'Z'] = m;
  if (
    Number(mo) < 1 ||
    Number(mo) > 12 ||
    Number(d) < 1 ||
    Number(d) > 31 ||
    Number(h) > 23 ||
    Number(mi) > 59 ||
    Number(s) > 60
  ) {
    return undefined;
  }
  const ms = frac ? Math.round(Number(`0.${frac}`) * 1000) : 0;
  let t = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s), ms);
  if (Number.isNaN(t)) return undefined;
  if (zone !== 'Z') {
    const sign = zone.startsWith('-') ? -1 : 1;
    t -= sign * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(3, 5))) * 60_000;
  }
  return new Date(t).toISOString();
}
