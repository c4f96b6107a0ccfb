/**
 * The two Kerberos messages the credential-free probe needs (RFC 4120 §5.4.1 and §5.9.1), in DER
 * through asn1js: an AS-REQ without pre-authentication, and the KRB-ERROR a KDC answers it with.
 * The KRB-ERROR always carries the KDC's clock (stime, susec) and says whether the client
 * principal exists (25 PREAUTH_REQUIRED) or not (6 C_PRINCIPAL_UNKNOWN).
 *
 * Every explicit tag here is context-specific and wraps exactly one element, as in the RFC's module.
 */
import * as asn1js from 'asn1js';
import { DoctorError } from '../errors';

const UNIVERSAL = 1;
const APPLICATION = 2;
const CONTEXT = 3;

const AS_REQ = 10;
const AS_REP = 11;
const KRB_ERROR = 30;
const NT_PRINCIPAL = 1;
const NT_SRV_INST = 2;

/** forwardable, renewable, canonicalize, renewable-ok: what kinit asks for. */
const KDC_OPTIONS = new Uint8Array([0x40, 0x81, 0x00, 0x10]);
/** aes256-cts-hmac-sha1-96, aes128-cts-hmac-sha1-96, rc4-hmac. */
export const DEFAULT_ETYPES = [18, 17, 23] as const;
/** The "till" MIT kinit and Windows send when no lifetime is asked for. */
const TILL = new Date(Date.UTC(2037, 8, 13, 2, 48, 5));

export interface AsRequest {
  /** Client principal, e.g. `EX01$` or `Administrator` (components separated by `/`). */
  principal: string;
  realm: string;
  /** 31-bit nonce; the KDC echoes it only in an AS-REP. */
  nonce: number;
  etypes?: readonly number[];
}

export interface KrbError {
  pvno: number;
  /** The KDC's clock: stime in ms since the epoch plus susec. */
  serverTimeMs: number;
  /** stime as sent (`20261122134747Z`). */
  stime: string;
  susec: number;
  errorCode: number;
  realm: string;
  /** `krbtgt/CONTOSO.TEST` */
  sname: string;
  crealm?: string;
  cname?: string;
  /** The client's time, when the KDC echoes it. */
  ctimeMs?: number;
  etext?: string;
  edata?: Uint8Array;
}

const tagged = (tag: number, inner: asn1js.AsnType): asn1js.Constructed =>
  new asn1js.Constructed({ idBlock: { tagClass: CONTEXT, tagNumber: tag }, value: [inner] });

const kerberosString = (value: string): asn1js.GeneralString => new asn1js.GeneralString({ value });

function principalName(type: number, components: readonly string[]): asn1js.Sequence {
  return new asn1js.Sequence({
    value: [
      tagged(0, new asn1js.Integer({ value: type })),
      tagged(1, new asn1js.Sequence({ value: components.map(kerberosString) })),
    ],
  });
}

/** Names and realms travel as GeneralString; only printable ASCII is sent. */
function checkText(what: string, value: string): void {
  if (!/^[\x21-\x7e]{1,255}$/.test(value))
    throw new DoctorError('usage', `${what} "${value}" is not a Kerberos name this probe can send`);
}

export function encodeAsReq(request: AsRequest): Uint8Array {
  checkText('The realm', request.realm);
  const components = request.principal.split('/');
  for (const c of components) checkText('The principal', c);
  if (!Number.isInteger(request.nonce) || request.nonce < 0 || request.nonce > 0x7fffffff) {
    throw new DoctorError('usage', `The nonce ${request.nonce} is not a 31-bit integer`);
  }
  const etypes = request.etypes ?? DEFAULT_ETYPES;
  const body = new asn1js.Sequence({
    value: [
      tagged(0, new asn1js.BitString({ valueHex: KDC_OPTIONS })),
      tagged(1, principalName(NT_PRINCIPAL, components)),
      tagged(2, kerberosString(request.realm)),
      tagged(3, principalName(NT_SRV_INST, ['krbtgt', request.realm])),
      tagged(5, new asn1js.GeneralizedTime({ valueDate: TILL })),
      tagged(7, new asn1js.Integer({ value: request.nonce })),
      tagged(8, new asn1js.Sequence({ value: etypes.map((e) => new asn1js.Integer({ value: e })) })),
    ],
  });
  const kdcReq = new asn1js.Sequence({
    value: [
      tagged(1, new asn1js.Integer({ value: 5 })),
      tagged(2, new asn1js.Integer({ value: AS_REQ })),
      tagged(4, body),
    ],
  });
  const message = new asn1js.Constructed({ idBlock: { tagClass: APPLICATION, tagNumber: AS_REQ }, value: [kdcReq] });
  return new Uint8Array(message.toBER(false));
}

function malformed(detail: string): DoctorError {
  return new DoctorError('protocol', `The KDC's reply is not a valid Kerberos message: ${detail}`);
}

/** The fields of a SEQUENCE of `[n] element`, by tag number. */
function fields(block: asn1js.AsnType | undefined, what: string): Map<number, asn1js.AsnType> {
  if (!(block instanceof asn1js.Sequence)) throw malformed(`${what} is not a SEQUENCE`);
  const map = new Map<number, asn1js.AsnType>();
  for (const item of block.valueBlock.value) {
    if (item.idBlock.tagClass !== CONTEXT || !(item instanceof asn1js.Constructed))
      throw malformed(`${what} holds an element without a context tag`);
    const inner = item.valueBlock.value[0];
    if (!inner || item.valueBlock.value.length !== 1)
      throw malformed(`[${item.idBlock.tagNumber}] of ${what} does not hold one element`);
    map.set(item.idBlock.tagNumber, inner);
  }
  return map;
}

/**
 * Every INTEGER in these messages is an Int32 or a Microseconds (RFC 4120 §5.2.4): four bytes at
 * most. asn1js reads a longer one as 0, which for error-code would mean KDC_ERR_NONE.
 */
function integer(block: asn1js.AsnType | undefined, what: string): number {
  if (!(block instanceof asn1js.Integer)) throw malformed(`${what} is not an INTEGER`);
  const bytes = block.valueBlock.valueHexView;
  if (bytes.length < 1 || bytes.length > 4)
    throw malformed(`${what} is an INTEGER of ${bytes.length} bytes (at most 4)`);
  // Two's complement read here: asn1js's valueDec is 0 for four-byte values too.
  let value = 0;
  for (const b of bytes) value = value * 256 + b;
  return (bytes[0] ?? 0) & 0x80 ? value - 2 ** (8 * bytes.length) : value;
}

/** KerberosTime is `YYYYMMDDHHMMSSZ` (RFC 4120 §5.2.3); asn1js rolls impossible fields over instead. */
const KERBEROS_TIME = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})Z$/;

function kerberosTimeMs(value: string): number | undefined {
  const m = KERBEROS_TIME.exec(value);
  if (!m) return undefined;
  const [year, month, day, hour, minute, second] = m.slice(1).map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const ms = Date.UTC(year, month - 1, day, hour, minute, second);
  const d = new Date(ms);
  // The fields survive a round trip only when each was in range (no 31 April, no second 60).
  const same =
    d.getUTCFullYear() === year &&
    d.getUTCMonth() === month - 1 &&
    d.getUTCDate() === day &&
    d.getUTCHours() === hour &&
    d.getUTCMinutes() === minute &&
    d.getUTCSeconds() === second;
  return same ? ms : undefined;
}

function text(block: asn1js.AsnType | undefined, what: string): string {
  if (!(block instanceof asn1js.GeneralString)) throw malformed(`${what} is not a GeneralString`);
  return block.valueBlock.value;
}

function time(block: asn1js.AsnType | undefined, what: string): { ms: number; text: string } {
  if (!(block instanceof asn1js.GeneralizedTime)) throw malformed(`${what} is not a GeneralizedTime`);
  const raw = Buffer.from(block.valueBlock.valueHexView).toString('latin1');
  const ms = kerberosTimeMs(raw);
  if (ms === undefined) throw malformed(`${what} ${JSON.stringify(raw)} is not a valid time`);
  return { ms, text: block.toString('iso') };
}

function principal(block: asn1js.AsnType | undefined, what: string): string {
  const f = fields(block, what);
  const names = f.get(1);
  if (!(names instanceof asn1js.Sequence)) throw malformed(`the name-string of ${what} is not a SEQUENCE`);
  return names.valueBlock.value.map((n, i) => text(n, `component ${i} of ${what}`)).join('/');
}

/** Decodes a KDC reply that should be a KRB-ERROR; an AS-REP or anything else is a protocol error. */
export function decodeKrbError(bytes: Uint8Array): KrbError {
  try {
    return decodeKrbErrorUnchecked(bytes);
  } catch (e) {
    // asn1js throws plain Errors on some malformed values (e.g. a GeneralizedTime it cannot parse).
    if (e instanceof DoctorError) throw e;
    throw malformed(e instanceof Error ? e.message : String(e));
  }
}

function decodeKrbErrorUnchecked(bytes: Uint8Array): KrbError {
  const decoded = asn1js.fromBER(bytes);
  if (decoded.offset === -1) throw malformed(decoded.result.error || 'DER decoding failed');
  const top = decoded.result;
  if (top.idBlock.tagClass === APPLICATION && top.idBlock.tagNumber === AS_REP) {
    throw new DoctorError(
      'protocol',
      'The KDC answered with an AS-REP: the account does not require Kerberos pre-authentication, so the reply carries no clock in the clear',
    );
  }
  if (
    top.idBlock.tagClass !== APPLICATION ||
    top.idBlock.tagNumber !== KRB_ERROR ||
    !(top instanceof asn1js.Constructed)
  ) {
    const kind =
      top.idBlock.tagClass === UNIVERSAL ? 'universal' : top.idBlock.tagClass === APPLICATION ? 'APPLICATION' : 'other';
    throw malformed(`expected a KRB-ERROR ([APPLICATION 30]), got ${kind} tag ${top.idBlock.tagNumber}`);
  }
  const f = fields(top.valueBlock.value[0], 'KRB-ERROR');
  const pvno = integer(f.get(0), 'pvno');
  const msgType = integer(f.get(1), 'msg-type');
  if (msgType !== KRB_ERROR) throw malformed(`msg-type is ${msgType}, not 30`);
  const stime = time(f.get(4), 'stime');
  const susec = integer(f.get(5), 'susec');
  if (susec < 0 || susec > 999_999) throw malformed(`susec ${susec} is out of range`);
  const error: KrbError = {
    pvno,
    serverTimeMs: stime.ms + susec / 1000,
    stime: stime.text,
    susec,
    errorCode: integer(f.get(6), 'error-code'),
    realm: text(f.get(9), 'realm'),
    sname: principal(f.get(10), 'sname'),
  };
  if (f.has(2)) error.ctimeMs = time(f.get(2), 'ctime').ms + (f.has(3) ? integer(f.get(3), 'cusec') / 1000 : 0);
  if (f.has(7)) error.crealm = text(f.get(7), 'crealm');
  if (f.has(8)) error.cname = principal(f.get(8), 'cname');
  if (f.has(11)) error.etext = text(f.get(11), 'e-text');
  const edata = f.get(12);
  if (edata instanceof asn1js.OctetString) error.edata = new Uint8Array(edata.valueBlock.valueHexView);
  return error;
}
