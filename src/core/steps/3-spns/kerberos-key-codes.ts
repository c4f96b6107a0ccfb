/**
 * Step 3 finding codes for the Kerberos keys, encryption types and state of the Exchange computer
 * accounts (issue 12), with their English wording ({name} placeholders filled from params). See
 * ./encryption-types.ts for the facts behind the wording and their sources.
 */
import { defineFindings } from '../../findings/define';

export const kerberosKeyFindings = defineFindings(3, {
  'spn.keys-agree': {
    title: '{account}: key version {keyVersion} on {dcs}, {enctypes}',
    explanation:
      'Every DC holds the same key version for the account, it is enabled, and it shares an encryption type with every KDC.',
  },
  'spn.keys-unread': {
    title: 'The Kerberos keys of {account} could not be read from any DC',
    explanation: 'Each DC was asked for the account; none answered with it.',
  },
  'spn.key-version-differs': {
    title: '{account} has key version {newest} on {ahead} but {older}; behind: {behind}',
    explanation:
      "{server}'s machine password changed on {ahead} and the change has not reached {behind}. A KDC there still encrypts tickets for {server} with the old key, which {server} can no longer decrypt (KRB_AP_ERR_MODIFIED on {server}, 454 4.7.0 on the sender). Replicate, then let the senders drop the tickets they cached.",
  },
  'spn.account-disabled': {
    title: '{account} is disabled (userAccountControl {uac})',
    explanation:
      'A disabled computer account cannot log on: {server} has no secure channel and cannot take part in Kerberos as itself, so Exchange Server authentication to and from it fails.',
  },
  'spn.des-only': {
    title: '{account} allows DES keys only ({what})',
    explanation: 'DES is off by default on every supported Windows version: no KDC issues such a ticket.',
  },
  'spn.no-common-etype': {
    title: 'No encryption type is common to {account} ({enctypes}) and the KDC on {kdcs}',
    explanation:
      'A KDC issues a ticket for {server} only in a type both it and the account allow; with none in common the request fails with KDC_ERR_ETYPE_NOSUPP and the DC logs KDC event 14, 16, 26 or 27 (Exchange: KdcUnknownEncryptionType).',
  },
  'spn.rc4-only': {
    title: '{account} allows RC4 only ({enctypes})',
    explanation:
      'Tickets for {server} are RC4 today. Microsoft is removing RC4 from Kerberos defaults (KB5073381: audit from January 2026, enforcement from April 2026, no rollback from July 2026); a DC that stops issuing RC4 stops issuing tickets for {server}.',
  },
  'spn.enctypes-unset': {
    title: '{account} has no msDS-SupportedEncryptionTypes',
    explanation:
      "Windows computers write it when they join. Without it each KDC uses its domain default: RC4 before Microsoft's April 2026 enforcement (KB5073381), AES only after, so tickets change type when the DCs are updated.",
  },
  'spn.password-old': {
    title: "{server}'s machine password was last set {days} days ago ({when})",
    explanation:
      'Windows changes it every 30 days by default. An older one says {server} has not reached a DC to change it: a broken secure channel, or a server restored or cloned from an old image.',
  },
  'spn.aes-keys-missing': {
    title: "{account}'s password was last set {when}, before the domain could hold AES keys ({since})",
    explanation:
      'AES keys are made when a password is set on a domain prepared for Windows Server 2008 or later; an account whose password is older may hold RC4 keys only, and KDCs that stop issuing RC4 (KB5073381) stop issuing its tickets. A new machine password makes the AES keys (KDC event 42 says the same for krbtgt and other accounts).',
  },
  'spn.logon-old': {
    title: '{account} last logged on to the domain {days} days ago ({when})',
    explanation:
      'lastLogonTimestamp lags by up to 14 days by design, not by months. A server that answers SMTP but has not logged on for so long is likely a restored or cloned machine using another identity.',
  },
  'spn.duplicate-dnshostname': {
    title: '{fqdn} is the dNSHostName of {account} and also of {others}',
    explanation:
      'Two computer accounts claim one host. Whichever of them gets the SPNs or the DNS record, tickets and names for {fqdn} can point at the wrong account; usually the other one is left from a restore, a rename or a re-join.',
  },
});
