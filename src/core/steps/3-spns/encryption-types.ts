/**
 * Kerberos encryption types as Active Directory stores them on an account
 * (msDS-SupportedEncryptionTypes) and as Kerberos numbers them in tickets (RFC 3961/4757/3962
 * etype numbers), decoded for step 3: which types an Exchange account can be issued tickets in,
 * whether it is limited to RC4, and whether it shares a type with a KDC.
 *
 * Facts, from Microsoft's public documentation:
 * - Bits of msDS-SupportedEncryptionTypes: 0x1 DES-CBC-CRC, 0x2 DES-CBC-MD5, 0x4 RC4-HMAC,
 *   0x8 AES128-CTS-HMAC-SHA1-96, 0x10 AES256-CTS-HMAC-SHA1-96, 0x20 AES256 session keys
 *   ("AES-SK", KB5021131, November 2022). Windows computers write their own value when they
 *   join (0x1C on current Windows Server); a DC's account carries what the "Configure encryption
 *   types allowed for Kerberos" policy allows it.
 * - RC4 leaves Kerberos defaults in stages (KB5073381, CVE-2026-20833,
 *   https://support.microsoft.com/topic/1ebcda33-720a-4da8-93c1-b0496e1910dc): updates from
 *   13 January 2026 add KDCSVC audit events 201-209 on DCs; updates from April 2026 turn on
 *   enforcement by default, so accounts without an explicit msDS-SupportedEncryptionTypes are
 *   treated as AES-SHA1 only; from July 2026 the rollback value RC4DefaultDisablementPhase is no
 *   longer read. An account that allows RC4 only is refused wherever its DCs no longer issue RC4.
 * - KDC System-log events that say an account lacks a usable key (provider
 *   Microsoft-Windows-Kerberos-Key-Distribution-Center): 14 (AS request, no suitable key),
 *   16 (TGS request, no suitable key for the target), 26 and 27 (the requested types are not
 *   among the account's keys, e.g. KB 2002141 for event 27), 42 (the KDC lacks strong keys for an
 *   account whose password was not changed since the domain could hold AES keys, KB5021131).
 *   Exchange's own name for the same failure: KdcUnknownEncryptionType.
 */

import type { LocalText } from '../../../shared/local-text';

export const ENCTYPE_BITS = {
  'DES-CBC-CRC': 0x1,
  'DES-CBC-MD5': 0x2,
  RC4: 0x4,
  AES128: 0x8,
  AES256: 0x10,
  'AES256-SK': 0x20,
} as const;
export type EnctypeName = keyof typeof ENCTYPE_BITS;

/** The bits that name a ticket's key type (AES-SK only says which session keys are allowed). */
export const TICKET_TYPE_MASK = 0x1f;
const DES_MASK = 0x3;
const AES_MASK = 0x18;
const RC4_BIT = 0x4;

/** The KDC events that name missing or unsupported keys, for the remedies and explanations. */
export const KDC_KEY_EVENTS: readonly number[] = [14, 16, 26, 27, 42];

/** Names of the bits set in a msDS-SupportedEncryptionTypes value (known bits only). */
export function decodeEnctypes(value: number): EnctypeName[] {
  return (Object.entries(ENCTYPE_BITS) as [EnctypeName, number][])
    .filter(([, bit]) => (value & bit) !== 0)
    .map(([name]) => name);
}

/** `0x1C (RC4, AES128, AES256)`, or `not set` for an absent value. */
export function describeEnctypes(value: number | undefined): string {
  if (value === undefined) return 'not set';
  const names = decodeEnctypes(value);
  return `0x${value.toString(16).toUpperCase()} (${names.length ? names.join(', ') : 'no known type'})`;
}

/** describeEnctypes as a catalogue param: the value and type names as they are, our words as phrases. */
export function enctypesText(value: number | undefined): string | LocalText {
  if (value === undefined) return { key: 'fp.3.not-set' };
  const names = decodeEnctypes(value);
  return names.length
    ? describeEnctypes(value)
    : { key: 'fp.3.no-known-type', params: { value: `0x${value.toString(16).toUpperCase()}` } };
}

export function allowsAes(value: number): boolean {
  return (value & AES_MASK) !== 0;
}

/** RC4 allowed and neither AES type: tickets for this account can only be RC4 (or DES). */
export function isRc4Only(value: number): boolean {
  return (value & RC4_BIT) !== 0 && !allowsAes(value);
}

/** Only DES types set: no current KDC issues these (DES is off by default since Windows 7/2008 R2). */
export function isDesOnly(value: number): boolean {
  return (value & TICKET_TYPE_MASK) !== 0 && (value & ~DES_MASK & TICKET_TYPE_MASK) === 0;
}

/** Ticket types both values allow (0 when they share none). */
export function commonTicketTypes(a: number, b: number): number {
  return a & b & TICKET_TYPE_MASK;
}

/** RFC 3961 etype numbers as MIT/Heimdal/Windows print them, to the bit they correspond to. */
const ETYPE_NUMBERS: Readonly<Record<number, EnctypeName>> = {
  1: 'DES-CBC-CRC',
  3: 'DES-CBC-MD5',
  23: 'RC4',
  17: 'AES128',
  18: 'AES256',
};

const ETYPE_TEXT: readonly [RegExp, EnctypeName][] = [
  [/aes256|AES-256/i, 'AES256'],
  [/aes128|AES-128/i, 'AES128'],
  [/arcfour|rc4/i, 'RC4'],
  [/des-cbc-md5|DES-CBC-MD5/i, 'DES-CBC-MD5'],
  [/des-cbc-crc|DES-CBC-CRC/i, 'DES-CBC-CRC'],
];

/** `aes256-cts-hmac-sha1-96`, `DEPRECATED:arcfour-hmac`, `AES-256-CTS-HMAC-SHA1-96`, `18` -> a name. */
export function enctypeFromText(text: string): EnctypeName | undefined {
  const t = text.trim();
  if (/^\d+$/.test(t)) return ETYPE_NUMBERS[Number(t)];
  return ETYPE_TEXT.find(([re]) => re.test(t))?.[1];
}
