/**
 * Which steps of KB 979174 an Exchange authentication error token points to, and what it means in
 * one phrase (English; the l10n catalogue translates by token). The tokens are the SecurityStatus
 * names Exchange writes in events 1035/2017 and in its protocol logs ("Outbound Authentication
 * failed with LogonDenied"), plus its own (IllegalMessage, UnexpectedExchangeAuthBlob).
 * Sources: KB 979174 (IllegalMessage, the six steps), KB 979175 (firewalls stripping X-EXPS),
 * the SSPI status codes documented for InitializeSecurityContext/AcceptSecurityContext.
 */
import type { Step } from '../../shared/findings';

export interface AuthErrorMeaning {
  steps: Step[];
  /** Short cause, English, for messages. */
  cause: string;
}

const TABLE: Readonly<Record<string, AuthErrorMeaning>> = {
  IllegalMessage: { steps: [5, 1, 3], cause: 'the Kerberos exchange was rejected; the System log tells why' },
  LogonDenied: {
    steps: [3, 2, 1],
    cause: 'the logon was refused: a wrong or missing SPN, a stale key or a broken trust',
  },
  KdcUnknownEncryptionType: {
    steps: [3, 5],
    cause: 'the KDC and the accounts share no encryption type (keys of the computer account)',
  },
  UnexpectedExchangeAuthBlob: {
    steps: [6, 3],
    cause: 'the Exchange authentication data was not what the receiver expected',
  },
  TimeSkew: { steps: [1], cause: 'the clocks differ by more than the Kerberos tolerance' },
  TargetUnknown: { steps: [3, 2], cause: 'the KDC does not know the target SPN' },
  WrongPrincipal: { steps: [3, 2], cause: 'the ticket was for another account (duplicate or misplaced SPN)' },
  MessageAltered: { steps: [3, 2], cause: 'the ticket could not be decrypted (duplicate SPN or stale key)' },
  NoAuthenticatingAuthority: { steps: [4, 2], cause: 'no domain controller could be reached for Kerberos' },
  InvalidToken: { steps: [5, 3], cause: 'the authentication token was invalid' },
};

const DEFAULT: AuthErrorMeaning = { steps: [5, 1, 3], cause: 'the authentication between the servers failed' };

export function meaningOfAuthError(token: string | undefined): AuthErrorMeaning {
  return (token && TABLE[token]) || DEFAULT;
}

export function isKnownAuthError(token: string): boolean {
  return token in TABLE;
}
