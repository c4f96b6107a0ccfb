/**
 * An in-memory DirectorySession for unit tests: a list of entries, RFC 4515 filters evaluated for
 * real (and, or, not, equality, presence, the AD bit-and matching rule), base/one/sub scopes and
 * paging by pageSize. Requests are recorded so tests can assert what discovery asked for.
 */
import type { DirectoryEntry, DirectorySearch, DirectorySession, OpOptions } from '../../../../src/core/io';
import { DoctorError } from '../../../../src/core/errors';
import { splitDn } from '../../../../src/core/directory/ldap-text';

type Filter =
  | { op: 'and' | 'or'; items: Filter[] }
  | { op: 'not'; item: Filter }
  | { op: 'eq' | 'present' | 'bitand' | 'substr'; attr: string; value: string };

export function parseFilter(text: string): Filter {
  let i = 0;
  const parse = (): Filter => {
    if (text[i] !== '(') throw new Error(`bad filter at ${i}: ${text}`);
    i++;
    const c = text[i];
    if (c === '&' || c === '|') {
      i++;
      const items: Filter[] = [];
      while (text[i] === '(') items.push(parse());
      i++;
      return { op: c === '&' ? 'and' : 'or', items };
    }
    if (c === '!') {
      i++;
      const item = parse();
      i++;
      return { op: 'not', item };
    }
    const end = text.indexOf(')', i);
    const body = text.slice(i, end);
    i = end + 1;
    const ext = /^([^:=]+):1\.2\.840\.113556\.1\.4\.803:=(\d+)$/.exec(body);
    if (ext) return { op: 'bitand', attr: ext[1]!, value: ext[2]! };
    const eq = body.indexOf('=');
    const attr = body.slice(0, eq);
    const value = body
      .slice(eq + 1)
      .replace(/\\([0-9a-f]{2})/gi, (_m, h: string) => String.fromCharCode(parseInt(h, 16)));
    if (value === '*') return { op: 'present', attr, value };
    if (value.includes('*')) return { op: 'substr', attr, value };
    return { op: 'eq', attr, value };
  };
  return parse();
}

function values(entry: DirectoryEntry, attr: string): string[] {
  if (attr.toLowerCase() === 'distinguishedname') return [entry.dn];
  for (const [k, v] of Object.entries(entry.attributes)) if (k.toLowerCase() === attr.toLowerCase()) return v;
  return [];
}

export function matches(entry: DirectoryEntry, f: Filter): boolean {
  switch (f.op) {
    case 'and':
      return f.items.every((x) => matches(entry, x));
    case 'or':
      return f.items.some((x) => matches(entry, x));
    case 'not':
      return !matches(entry, f.item);
    case 'present':
      return f.attr.toLowerCase() === 'objectclass' || values(entry, f.attr).length > 0;
    case 'bitand':
      return values(entry, f.attr).some((v) => (Number(v) & Number(f.value)) === Number(f.value));
    case 'substr': {
      const re = new RegExp(
        `^${f.value
          .split('*')
          .map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
          .join('.*')}$`,
        'i',
      );
      return values(entry, f.attr).some((v) => re.test(v));
    }
    case 'eq':
      return values(entry, f.attr).some((v) => v.toLowerCase() === f.value.toLowerCase());
  }
}

const norm = (dn: string): string => splitDn(dn).join(',').toLowerCase();

export interface FakeOptions {
  /** Throw this error for matching requests (to simulate partial failures). */
  failWhen?: (request: DirectorySearch) => Error | undefined;
  /** Milliseconds to wait before each page (to exercise deadlines). */
  pageDelayMs?: number;
}

export class FakeDirectorySession implements DirectorySession {
  readonly url = 'ldaps://fake-dc.contoso.test:636';
  readonly requests: { request: DirectorySearch; options: OpOptions }[] = [];
  pagesServed = 0;
  closed = false;

  constructor(
    private readonly entries: DirectoryEntry[],
    private readonly fake: FakeOptions = {},
  ) {}

  async *search(request: DirectorySearch, options: OpOptions): AsyncIterable<DirectoryEntry> {
    this.requests.push({ request, options });
    if (this.closed) throw new DoctorError('unavailable', 'session closed');
    const failure = this.fake.failWhen?.(request);
    if (failure) throw failure;
    const base = norm(request.base);
    const baseExists = base === '' || this.entries.some((e) => norm(e.dn) === base);
    if (!baseExists) throw new DoctorError('not-found', `no such object ${request.base} (LDAP 32)`);
    const filter = parseFilter(request.filter);
    const inScope = (e: DirectoryEntry): boolean => {
      const dn = norm(e.dn);
      if (request.scope === 'base') return dn === base;
      const parent = splitDn(e.dn).slice(1).join(',').toLowerCase();
      if (request.scope === 'one') return parent === base;
      return dn === base || dn.endsWith(`,${base}`) || base === '';
    };
    const hits = this.entries.filter((e) => inScope(e) && matches(e, filter));
    const size = request.pageSize && request.pageSize > 0 ? request.pageSize : Math.max(hits.length, 1);
    for (let i = 0; i < Math.max(hits.length, 1); i += size) {
      if (options.signal?.aborted) throw new DoctorError('aborted', 'aborted');
      if (this.fake.pageDelayMs) await new Promise((r) => setTimeout(r, this.fake.pageDelayMs));
      this.pagesServed++;
      for (const e of hits.slice(i, i + size)) {
        const wanted = request.attributes.map((a) => a.toLowerCase());
        const attributes = Object.fromEntries(
          Object.entries(e.attributes).filter(([k]) => wanted.includes(k.toLowerCase())),
        );
        yield { dn: e.dn, attributes };
      }
    }
  }

  close(): Promise<void> {
    this.closed = true;
    return Promise.resolve();
  }
}
