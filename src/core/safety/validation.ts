/**
 * Validation of names before they go anywhere near a command line or a query: host names
 * (RFC 1123 labels, or a NetBIOS short name), SPNs and distinguished names. Each answer says
 * why a name was refused, naming the offending character by code point, because the usual
 * attacks (a Cyrillic `е` for `e`, a fullwidth letter, a `;` or a newline) are invisible.
 */
import { describeCodePoint } from './terminal-text';

export type Validation<T = string> = { ok: true; value: T } | { ok: false; reason: string };

export type HostKind = 'fqdn' | 'netbios' | 'ipv4';

export interface ValidHost {
  /** The name as given, without a trailing dot. */
  name: string;
  kind: HostKind;
}

const LABEL = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/;

/** The first character outside `allowed`, described for a message. */
function firstBad(value: string, allowed: RegExp): string | undefined {
  for (const ch of value) if (!allowed.test(ch)) return ch;
  return undefined;
}

function badCharacterReason(what: string, value: string, allowed: RegExp, allowedText: string): string | undefined {
  const ch = firstBad(value, allowed);
  if (ch === undefined) return undefined;
  const cp = ch.codePointAt(0) ?? 0;
  const position = [...value].indexOf(ch) + 1;
  let kind = 'a character that is not allowed';
  if (cp < 0x20 || (cp >= 0x7f && cp <= 0x9f)) kind = 'a control character';
  else if (/\s/u.test(ch)) kind = 'white space';
  else if (cp > 0x7f) kind = 'a non-ASCII character (possibly a look-alike of a Latin letter or digit)';
  else if (/[;&|`$(){}<>'"\\*?![\]#~%^=,]/.test(ch)) kind = 'a shell or query metacharacter';
  return `${what} contains ${kind}, ${describeCodePoint(ch)}, at position ${position}; allowed are ${allowedText}`;
}

/**
 * A DNS host name (RFC 1123: labels of 1-63 ASCII letters, digits and hyphens, not starting or
 * ending with a hyphen, 253 characters in all), a NetBIOS computer name (one such label of at
 * most 15 characters) or a dotted IPv4 address.
 */
export function validateHostName(input: string): Validation<ValidHost> {
  if (typeof input !== 'string' || input.length === 0) return { ok: false, reason: 'the host name is empty' };
  const bad = badCharacterReason('the host name', input, /[A-Za-z0-9.-]/, 'ASCII letters, digits, hyphens and dots');
  if (bad) return { ok: false, reason: bad };
  const name = input.endsWith('.') && input.length > 1 ? input.slice(0, -1) : input;
  if (name.startsWith('-'))
    return { ok: false, reason: 'the host name starts with a hyphen (it would read as an option)' };
  if (name.length > 253)
    return { ok: false, reason: `the host name is ${name.length} characters long; at most 253 are allowed` };
  const labels = name.split('.');
  for (const [i, label] of labels.entries()) {
    if (label === '')
      return {
        ok: false,
        reason: `the host name has an empty label at position ${i + 1} (two dots in a row, or a leading dot)`,
      };
    if (label.length > 63)
      return {
        ok: false,
        reason: `the label "${label.slice(0, 20)}..." is ${label.length} characters long; at most 63 are allowed`,
      };
    if (!LABEL.test(label)) return { ok: false, reason: `the label "${label}" starts or ends with a hyphen` };
  }
  if (labels.length === 4 && labels.every((l) => /^\d{1,3}$/.test(l))) {
    if (labels.some((l) => Number(l) > 255)) return { ok: false, reason: 'the IPv4 address has a part above 255' };
    return { ok: true, value: { name, kind: 'ipv4' } };
  }
  if (labels.every((l) => /^\d+$/.test(l)))
    return { ok: false, reason: 'the host name is all digits but not an IPv4 address' };
  if (labels.length === 1) {
    if (name.length > 15) {
      return {
        ok: false,
        reason: `a single-label (NetBIOS) computer name has at most 15 characters; "${name}" has ${name.length}`,
      };
    }
    return { ok: true, value: { name, kind: 'netbios' } };
  }
  return { ok: true, value: { name, kind: 'fqdn' } };
}

export interface ValidSpn {
  spn: string;
  serviceClass: string;
  host: string;
  port?: number;
  serviceName?: string;
}

/** `service/host[:port][/servicename]`, e.g. `SMTPSVC/ex01.contoso.com`, `MSSQLSvc/sql1:1433`. */
export function validateSpn(input: string): Validation<ValidSpn> {
  if (typeof input !== 'string' || input.length === 0) return { ok: false, reason: 'the SPN is empty' };
  const bad = badCharacterReason('the SPN', input, /[A-Za-z0-9.\-/:_]/, 'ASCII letters, digits and - . / : _');
  if (bad) return { ok: false, reason: bad };
  const parts = input.split('/');
  if (parts.length < 2 || parts.length > 3)
    return { ok: false, reason: 'an SPN has the form service/host[:port][/servicename]' };
  const [serviceClass = '', hostPort = '', serviceName] = parts;
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/.test(serviceClass)) {
    return {
      ok: false,
      reason: `the service class "${serviceClass}" must start with a letter or digit and hold letters, digits, . _ -`,
    };
  }
  const hp = /^([^:]*)(?::(\d{1,5}))?$/.exec(hostPort);
  if (!hp) return { ok: false, reason: 'the host part has more than one ":"' };
  const host = validateHostName(hp[1] ?? '');
  if (!host.ok) return { ok: false, reason: `in the SPN, ${host.reason}` };
  const value: ValidSpn = { spn: input, serviceClass, host: host.value.name };
  if (hp[2] !== undefined) {
    const port = Number(hp[2]);
    if (port < 1 || port > 65535) return { ok: false, reason: `the port ${hp[2]} is outside 1-65535` };
    value.port = port;
  }
  if (serviceName !== undefined) {
    if (!/^[A-Za-z0-9_][A-Za-z0-9._-]{0,252}$/.test(serviceName)) {
      return {
        ok: false,
        reason: `the service name "${serviceName}" must hold letters, digits, . _ - and not start with -`,
      };
    }
    value.serviceName = serviceName;
  }
  return { ok: true, value };
}

/**
 * Minimal sanity for a distinguished name: RDNs of `type=value` separated by unescaped commas,
 * types as attribute names or OIDs, no control characters or line breaks, a sane length.
 */
export function validateDistinguishedName(input: string): Validation<{ dn: string; rdns: number }> {
  if (typeof input !== 'string' || input.trim() === '') return { ok: false, reason: 'the distinguished name is empty' };
  if (input.length > 2048)
    return { ok: false, reason: `the distinguished name is ${input.length} characters long; at most 2048 are allowed` };
  // eslint-disable-next-line no-control-regex -- finding control characters is the point
  const ctl = firstBad(input, /[^\u0000-\u001f\u007f-\u009f\u2028\u2029]/u);
  if (ctl !== undefined)
    return { ok: false, reason: `the distinguished name contains a control character, ${describeCodePoint(ctl)}` };
  if (input !== input.trim()) return { ok: false, reason: 'the distinguished name starts or ends with white space' };
  const rdns: string[] = [];
  let current = '';
  for (let i = 0; i < input.length; i++) {
    const c = input[i] ?? '';
    if (c === '\\') {
      if (i + 1 >= input.length) return { ok: false, reason: 'the distinguished name ends with a lone backslash' };
      current += c + (input[i + 1] ?? '');
      i++;
    } else if (c === ',') {
      rdns.push(current);
      current = '';
    } else current += c;
  }
  rdns.push(current);
  for (const [i, rdn] of rdns.entries()) {
    const m = /^\s*([A-Za-z][A-Za-z0-9-]*|\d+(?:\.\d+)+)\s*=(.*)$/.exec(rdn);
    if (!m) return { ok: false, reason: `part ${i + 1} ("${rdn.slice(0, 40)}") is not of the form type=value` };
    if ((m[2] ?? '').trim() === '')
      return { ok: false, reason: `part ${i + 1} ("${rdn.slice(0, 40)}") has an empty value` };
    if (/(^|[^\\])[=+<>;"#]/.test((m[2] ?? '').replace(/^#/, ''))) {
      // `+` joins multi-valued RDNs and is legal, but not in the names this product handles.
      return { ok: false, reason: `part ${i + 1} ("${rdn.slice(0, 40)}") has an unescaped special character` };
    }
  }
  return { ok: true, value: { dn: input, rdns: rdns.length } };
}
