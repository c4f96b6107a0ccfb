/**
 * A tiny DER writer for test vectors, independent of asn1js, so the probe's encoder and decoder
 * are checked against bytes built another way.
 */
export function tlv(tag: number, ...content: Uint8Array[]): Uint8Array {
  const body = Buffer.concat(content);
  const n = body.length;
  const length = n < 0x80 ? [n] : n < 0x100 ? [0x81, n] : [0x82, n >> 8, n & 0xff];
  return new Uint8Array(Buffer.concat([Buffer.from([tag, ...length]), body]));
}

/** Non-negative INTEGER, minimal two's complement. */
export function int(value: number): Uint8Array {
  const bytes: number[] = [];
  let v = value;
  do {
    bytes.unshift(v & 0xff);
    v = Math.floor(v / 256);
  } while (v > 0);
  if ((bytes[0] ?? 0) & 0x80) bytes.unshift(0);
  return tlv(0x02, Buffer.from(bytes));
}

export const seq = (...items: Uint8Array[]): Uint8Array => tlv(0x30, ...items);
/** Explicit context tag [n], constructed. */
export const ctx = (n: number, inner: Uint8Array): Uint8Array => tlv(0xa0 + n, inner);
export const app = (n: number, inner: Uint8Array): Uint8Array => tlv(0x60 + n, inner);
export const gstr = (s: string): Uint8Array => tlv(0x1b, Buffer.from(s, 'ascii'));
export const gtime = (s: string): Uint8Array => tlv(0x18, Buffer.from(s, 'ascii'));
export const octets = (b: Uint8Array): Uint8Array => tlv(0x04, b);
export const principal = (type: number, ...names: string[]): Uint8Array =>
  seq(ctx(0, int(type)), ctx(1, seq(...names.map(gstr))));

export interface KrbErrorVector {
  stime: string;
  susec: number;
  errorCode: number;
  realm?: string;
  cname?: string;
  etext?: string;
  ctime?: string;
  edata?: Uint8Array;
}

/** A KRB-ERROR as a KDC sends it (fields in tag order, optional ones only when given). */
export function krbError(v: KrbErrorVector): Uint8Array {
  const realm = v.realm ?? 'CONTOSO.TEST';
  const fields = [
    ctx(0, int(5)),
    ctx(1, int(30)),
    ...(v.ctime ? [ctx(2, gtime(v.ctime)), ctx(3, int(0))] : []),
    ctx(4, gtime(v.stime)),
    ctx(5, int(v.susec)),
    ctx(6, int(v.errorCode)),
    ...(v.cname ? [ctx(7, gstr(realm)), ctx(8, principal(1, v.cname))] : []),
    ctx(9, gstr(realm)),
    ctx(10, principal(2, 'krbtgt', realm)),
    ...(v.etext ? [ctx(11, gstr(v.etext))] : []),
    ...(v.edata ? [ctx(12, octets(v.edata))] : []),
  ];
  return app(30, seq(...fields));
}

export const hex = (b: Uint8Array): string => Buffer.from(b).toString('hex');
