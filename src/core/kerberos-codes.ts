/**
 * Kerberos error codes (RFC 4120 section 7.5.9, plus the ones Windows adds) with what each means
 * for an Exchange server that cannot authenticate to another, and which step of the KB 979174
 * resolution it points to. The meanings are ours, written for this product.
 */
import type { Step } from '../shared/findings';

export type StepAspect =
  'clock' | 'replication' | 'missing-spn' | 'duplicate-spn' | 'keys' | 'ports' | 'logging' | 'connector' | 'symptom';

export interface StepHint {
  step: Step;
  aspect: StepAspect;
  /** One sentence on why this code or event points there. */
  why: string;
}

export interface KerberosErrorCode {
  code: number;
  /** `0x25` */
  hex: string;
  name: string;
  meaning: string;
  /** True for codes that are part of a normal exchange (pre-authentication required, referrals). */
  benign?: boolean;
  steps: StepHint[];
}

const clock = (why: string): StepHint => ({ step: 1, aspect: 'clock', why });
const replication = (why: string): StepHint => ({ step: 2, aspect: 'replication', why });
const missingSpn = (why: string): StepHint => ({ step: 3, aspect: 'missing-spn', why });
const duplicateSpn = (why: string): StepHint => ({ step: 3, aspect: 'duplicate-spn', why });
const keys = (why: string): StepHint => ({ step: 3, aspect: 'keys', why });
const ports = (why: string): StepHint => ({ step: 4, aspect: 'ports', why });
const logging = (why: string): StepHint => ({ step: 5, aspect: 'logging', why });

type Entry = [number, string, string, StepHint[], boolean?];

const ENTRIES: Entry[] = [
  [0x0, 'KDC_ERR_NONE', 'No error: the request succeeded.', [], true],
  [0x1, 'KDC_ERR_NAME_EXP', 'The client account has expired.', []],
  [0x2, 'KDC_ERR_SERVICE_EXP', 'The service account has expired.', []],
  [0x3, 'KDC_ERR_BAD_PVNO', 'The request used a Kerberos version the KDC does not speak.', []],
  [0x4, 'KDC_ERR_C_OLD_MAST_KVNO', "The client's key was encrypted with an old master key.", []],
  [0x5, 'KDC_ERR_S_OLD_MAST_KVNO', "The server's key was encrypted with an old master key.", []],
  [
    0x6,
    'KDC_ERR_C_PRINCIPAL_UNKNOWN',
    'The KDC does not know the client account (deleted, or not replicated to this DC yet).',
    [replication('A new or renamed account that one DC does not have yet points to replication.')],
  ],
  [
    0x7,
    'KDC_ERR_S_PRINCIPAL_UNKNOWN',
    'No account holds the requested SPN, so the KDC cannot issue a ticket for it.',
    [
      missingSpn('The SMTP/SMTPSVC SPN the sender asked for is registered on no account.'),
      replication('An SPN added on one DC and not yet on the DC that answered looks the same.'),
    ],
  ],
  [
    0x8,
    'KDC_ERR_PRINCIPAL_NOT_UNIQUE',
    'More than one account holds the requested name or SPN.',
    [duplicateSpn('The same SPN on two accounts leaves the KDC unable to choose a key.')],
  ],
  [
    0x9,
    'KDC_ERR_NULL_KEY',
    'The account has no key (no password set).',
    [keys('The target account has no usable key.')],
  ],
  [0xa, 'KDC_ERR_CANNOT_POSTDATE', 'The ticket cannot be postdated.', []],
  [
    0xb,
    'KDC_ERR_NEVER_VALID',
    'The requested start time is later than the end time.',
    [clock('Times that make no sense often come from a clock that is far off.')],
  ],
  [0xc, 'KDC_ERR_POLICY', 'Policy refused the request (logon hours, workstation restrictions, smart card).', []],
  [0xd, 'KDC_ERR_BADOPTION', 'The KDC cannot honour a requested option (often delegation settings).', []],
  [
    0xe,
    'KDC_ERR_ETYPE_NOSUPP',
    'No encryption type is shared by the client, the KDC and the target account.',
    [keys('The account lacks a key of any type the client offers (see KDC event 14).')],
  ],
  [0xf, 'KDC_ERR_SUMTYPE_NOSUPP', 'The checksum type is not supported.', []],
  [
    0x10,
    'KDC_ERR_PADATA_TYPE_NOSUPP',
    'The pre-authentication type is not supported (smart card logon not configured).',
    [],
  ],
  [0x11, 'KDC_ERR_TRTYPE_NOSUPP', 'The transited encoding is not supported.', []],
  [0x12, 'KDC_ERR_CLIENT_REVOKED', 'The client account is disabled, locked out or expired.', []],
  [0x13, 'KDC_ERR_SERVICE_REVOKED', 'The service account is disabled or locked out.', []],
  [0x14, 'KDC_ERR_TGT_REVOKED', 'The ticket-granting ticket was revoked.', []],
  [0x15, 'KDC_ERR_CLIENT_NOTYET', 'The client account is not valid yet.', []],
  [0x16, 'KDC_ERR_SERVICE_NOTYET', 'The service account is not valid yet.', []],
  [0x17, 'KDC_ERR_KEY_EXPIRED', 'The password has expired and must be changed.', []],
  [0x18, 'KDC_ERR_PREAUTH_FAILED', 'Pre-authentication failed: usually a wrong password.', []],
  [0x19, 'KDC_ERR_PREAUTH_REQUIRED', 'The KDC asks for pre-authentication; a normal first answer.', [], true],
  [0x1a, 'KDC_ERR_SERVER_NOMATCH', 'The KDC does not know the requested server.', []],
  [0x1b, 'KDC_ERR_MUST_USE_USER2USER', 'The server has no key; user-to-user authentication is required.', []],
  [0x1c, 'KDC_ERR_PATH_NOT_ACCEPTED', 'The KDC refused the trust path.', []],
  [
    0x1d,
    'KDC_ERR_SVC_UNAVAILABLE',
    'The KDC service is not available.',
    [ports('A KDC that does not answer may be behind a closed port.')],
  ],
  [
    0x1f,
    'KRB_AP_ERR_BAD_INTEGRITY',
    'A checksum did not match: the ticket or message was altered or decrypted with the wrong key.',
    [keys('The target decrypted the ticket with a key that does not match the KDC.')],
  ],
  [
    0x20,
    'KRB_AP_ERR_TKT_EXPIRED',
    'The ticket has expired.',
    [clock('A ticket that expires at once suggests a clock far ahead on the server.')],
  ],
  [
    0x21,
    'KRB_AP_ERR_TKT_NYV',
    'The ticket is not valid yet.',
    [clock('A ticket from the future means the server clock is behind the KDC.')],
  ],
  [0x22, 'KRB_AP_ERR_REPEAT', 'The server saw this authenticator before (a replay).', []],
  [
    0x23,
    'KRB_AP_ERR_NOT_US',
    'The ticket is not for this server.',
    [duplicateSpn('A ticket issued for another account arrives when the SPN sits on the wrong account.')],
  ],
  [0x24, 'KRB_AP_ERR_BADMATCH', 'The ticket and the authenticator do not belong together.', []],
  [
    0x25,
    'KRB_AP_ERR_SKEW',
    'The clocks of the client and the server differ by more than the allowed skew (5 minutes by default).',
    [clock('The clocks of the two computers are too far apart.')],
  ],
  [0x26, 'KRB_AP_ERR_BADADDR', 'The network address in the ticket does not match the sender.', []],
  [0x27, 'KRB_AP_ERR_BADVERSION', 'The protocol version does not match.', []],
  [0x28, 'KRB_AP_ERR_MSG_TYPE', 'The message type is not the one expected.', []],
  [
    0x29,
    'KRB_AP_ERR_MODIFIED',
    'The server could not decrypt the ticket: the SPN is on another account, or the password differs between the server and the KDC.',
    [
      duplicateSpn('The SPN belongs to an account other than the one the service runs as.'),
      replication('A machine password changed on one DC and not yet on the others gives the same error.'),
    ],
  ],
  [0x2a, 'KRB_AP_ERR_BADORDER', 'A message arrived out of order.', []],
  [
    0x2c,
    'KRB_AP_ERR_BADKEYVER',
    'The ticket was encrypted with a key version the server no longer has.',
    [
      replication('An older key version suggests a DC that has not received the latest password.'),
      keys('The service key changed.'),
    ],
  ],
  [
    0x2d,
    'KRB_AP_ERR_NOKEY',
    'The server has no key for the ticket.',
    [keys('The service has no key for this encryption type.')],
  ],
  [0x2e, 'KRB_AP_ERR_MUT_FAIL', 'Mutual authentication failed.', []],
  [0x2f, 'KRB_AP_ERR_BADDIRECTION', 'The message direction is wrong.', []],
  [0x30, 'KRB_AP_ERR_METHOD', 'An alternative authentication method is required.', []],
  [0x31, 'KRB_AP_ERR_BADSEQ', 'The sequence number is wrong.', []],
  [0x32, 'KRB_AP_ERR_INAPP_CKSUM', 'The checksum type does not fit the message.', []],
  [0x33, 'KRB_AP_PATH_NOT_ACCEPTED', 'The desired path is not accepted.', []],
  [
    0x34,
    'KRB_ERR_RESPONSE_TOO_BIG',
    'The answer does not fit in UDP; the client must retry over TCP.',
    [ports('Large tickets need TCP 88; if TCP 88 is blocked, authentication fails.')],
  ],
  [
    0x3c,
    'KRB_ERR_GENERIC',
    'A generic error; the event or extended error says more.',
    [logging('Only the detailed Kerberos log tells what went wrong.')],
  ],
  [0x3d, 'KRB_ERR_FIELD_TOOLONG', 'A field is too long for this implementation.', []],
  [0x3e, 'KDC_ERR_CLIENT_NOT_TRUSTED', 'The client certificate is not trusted (PKINIT).', []],
  [0x3f, 'KDC_ERR_KDC_NOT_TRUSTED', 'The KDC certificate is not trusted (PKINIT).', []],
  [0x40, 'KDC_ERR_INVALID_SIG', 'A PKINIT signature is not valid.', []],
  [0x41, 'KDC_ERR_KEY_TOO_WEAK', 'The key is too weak (PKINIT).', []],
  [0x42, 'KDC_ERR_CERTIFICATE_MISMATCH', 'The certificate does not match (PKINIT).', []],
  [0x43, 'KRB_AP_ERR_NO_TGT', 'No ticket-granting ticket for user-to-user authentication.', []],
  [
    0x44,
    'KDC_ERR_WRONG_REALM',
    'The request went to the wrong realm; a referral, normally followed automatically.',
    [],
    true,
  ],
  [0x45, 'KRB_AP_ERR_USER_TO_USER_REQUIRED', 'The service requires user-to-user authentication.', []],
];

export const KERBEROS_ERRORS: ReadonlyMap<number, KerberosErrorCode> = new Map(
  ENTRIES.map(([code, name, meaning, steps, benign]) => {
    const entry: KerberosErrorCode = { code, hex: `0x${code.toString(16).toUpperCase()}`, name, meaning, steps };
    if (benign) entry.benign = true;
    return [code, entry];
  }),
);

/** Looks a code up by number (37), hex text (`0x25`) or name (`KRB_AP_ERR_SKEW`). */
export function lookupKerberosError(code: number | string): KerberosErrorCode | undefined {
  if (typeof code === 'number') return KERBEROS_ERRORS.get(code);
  const t = code.trim();
  if (/^0x[0-9a-f]+$/i.test(t)) return KERBEROS_ERRORS.get(parseInt(t.slice(2), 16));
  if (/^\d+$/.test(t)) return KERBEROS_ERRORS.get(Number(t));
  const upper = t.toUpperCase();
  for (const e of KERBEROS_ERRORS.values())
    if (e.name === upper || e.name.replace(/^KDC_ERR_|^KRB_AP_ERR_|^KRB_ERR_/, '') === upper) return e;
  return undefined;
}

export function stepsForKerberosError(code: number | string): StepHint[] {
  return lookupKerberosError(code)?.steps ?? [];
}

export const KERBEROS_CLIENT_PROVIDERS = ['Microsoft-Windows-Security-Kerberos', 'Kerberos'];
export const KDC_PROVIDERS = [
  'Microsoft-Windows-Kerberos-Key-Distribution-Center',
  'KDC',
  'Kerberos-Key-Distribution-Center',
];
export const EXCHANGE_TRANSPORT_PROVIDERS = ['MSExchangeTransport', 'MSExchangeFrontEndTransport'];

function isProvider(provider: string, names: string[]): boolean {
  return names.some((n) => n.toLowerCase() === provider.trim().toLowerCase());
}

/**
 * Which step an event points to. Kerberos event 3 is read through its error code; the others by
 * provider and id. Unknown events give no hint.
 */
export function stepsForEvent(event: { provider: string; id: number; errorCode?: number }): StepHint[] {
  const { provider, id } = event;
  if (isProvider(provider, KERBEROS_CLIENT_PROVIDERS)) {
    if (id === 3)
      return event.errorCode === undefined
        ? [logging('A Kerberos error without a readable code: read the event text.')]
        : stepsForKerberosError(event.errorCode);
    if (id === 4) {
      return [
        duplicateSpn('The target could not decrypt its ticket: its SPN is on another account, or registered twice.'),
        replication('A password change not yet on every DC gives the same event.'),
      ];
    }
  }
  if (isProvider(provider, KDC_PROVIDERS)) {
    if (id === 11) return [duplicateSpn('The KDC found the same name on more than one account.')];
    if (id === 14 || id === 16 || id === 27)
      return [keys('The account has no key of an encryption type the request allows.')];
    if (id === 7) return [keys('The KDC could not read the account keys.')];
  }
  if (isProvider(provider, EXCHANGE_TRANSPORT_PROVIDERS) && id === 1035) {
    return [
      {
        step: 5,
        aspect: 'symptom',
        why: 'The receiving server logged the failed Exchange authentication; turn on Kerberos logging there and read the System log.',
      },
    ];
  }
  return [];
}
