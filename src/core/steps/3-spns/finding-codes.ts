/**
 * Step 3's finding codes and their English wording, in one table: every SPN finding, whether the
 * engine read the directory over LDAP or a terminal ran setspn, is made from this table with
 * `makeFinding` (see src/core/findings/define.ts). `{name}` placeholders are filled from params.
 */
import { defineFindings } from '../../findings/define';

const PRINCIPAL_UNKNOWN =
  'Other Exchange servers ask the KDC for a ticket to SMTPSVC/<name> of this server. When no account holds that SPN, the KDC answers KDC_ERR_S_PRINCIPAL_UNKNOWN, Exchange authentication fails and mail queues with 454 4.7.0.';

export const spnFindings = defineFindings(3, {
  // One server's SPNs (the engine's LDAP read, setspn -L, setspn -Q): ./spn-server-findings.ts
  'spn.no-computer-account': {
    title: 'The computer account {account} of {server} could not be found',
    explanation: 'Without the computer account its SPNs cannot be compared with the ones Exchange needs.',
  },
  'spn.list-failed': {
    title: 'setspn -L failed: {message}',
    explanation: 'Without the computer account its SPNs cannot be compared with the ones Exchange needs.',
  },
  'spn.listed': {
    title: '{account} holds {spns}',
    explanation:
      'Other Exchange servers need a ticket for SMTPSVC/<name> of this server; the SPN must be on its computer account.',
  },
  'spn.missing': { title: '{server} lacks {spns}', explanation: PRINCIPAL_UNKNOWN },
  'spn.wrong-account': {
    title: 'SPNs of {server} are registered on another account: {holders}',
    explanation:
      'The KDC encrypts the ticket with the key of whichever account holds the SPN. When that is not the Exchange server, the server cannot decrypt it (KRB_AP_ERR_MODIFIED) and authentication fails.',
  },
  'spn.duplicate': {
    title: 'Duplicate SPN: {holders}',
    explanation:
      'An SPN held by two accounts leaves the KDC to pick one key; tickets then fail to decrypt on the Exchange server (KRB_AP_ERR_MODIFIED, KDC event 11). Remove the SPN from the account that is not the Exchange server.',
  },
  'spn.registered': {
    title: '{server} holds {spns} on its own account',
    explanation:
      'The SMTP and SMTPSVC SPNs Exchange needs for this server are on its computer account. The last column of the table says which other accounts hold them, where that was searched.',
  },
  'spn.query-failed': {
    title: 'setspn -Q {spn} gave no answer',
    explanation: 'Whether this SPN is registered could not be read.',
  },
  'spn.forest-unreadable': {
    title: 'Duplicate SPNs could not be searched for',
    explanation: '{what}, so duplicates and SPNs on the wrong account were not checked.',
  },
  // Every SPN of the forest (the engine's scan, setspn -X): ./spn-duplicate-findings.ts
  'spn.duplicate-other': {
    title: 'Duplicate SPN: {holders}',
    explanation:
      'A duplicate SPN breaks Kerberos for that service; it does not affect Exchange authentication unless the SPN is SMTP or SMTPSVC.',
  },
  'spn.duplicates-incomplete': {
    title: 'setspn -X did not finish its scan',
    explanation: 'Only part of the directory was checked for duplicate SPNs.',
  },
  'spn.no-duplicates': {
    title: 'No duplicate SPNs in {scope}',
    explanation: 'No SPN is registered on more than one account.',
  },
  'spn.forest-no-duplicates': {
    title: 'No SPN is registered twice ({count} SPNs checked)',
    explanation:
      'Every SPN in the searched directory is held by exactly one account, as setspn -X would confirm with "found 0 group of duplicate SPNs".',
  },
  'spn.forest-duplicates': {
    title: '{count} SPN(s) are registered on more than one account',
    explanation:
      'When an SPN is held by two accounts the KDC cannot tell which key to use, and services behind that SPN fail Kerberos authentication. Keep each SPN on the account the service runs as and remove it from the others.',
  },
  'spn.forest-scan-failed': {
    title: 'The forest-wide duplicate SPN scan did not finish',
    explanation: 'Duplicates among all SPNs could not be ruled out.',
  },
  // setspn -S (registering an SPN from a remedy): ./setspn-findings.ts
  'spn.registered-now': {
    title: '{spn} was registered on {account}',
    explanation: 'setspn said "Updated object".',
  },
  'spn.register-unconfirmed': {
    title: 'Registering {spn} was not confirmed',
    explanation: 'setspn did not print "Updated object".',
  },
  'spn.register-failed': {
    title: 'Registering {spn} failed: {message}',
    explanation:
      'setspn reported an error. Registering an SPN needs write access to the computer account (Domain Admins, or a delegated right).',
  },
  // DNS names of the servers: ./spn-dns.ts
  'spn.fqdn-mismatch': {
    title: '{server}: dNSHostName {dnsHostName} differs from the FQDN Exchange registered ({registered}); {state}',
    explanation: '{why}',
  },
  'spn.dns-unresolved': {
    title: '{name} does not resolve in DNS',
    explanation:
      'Other Exchange servers reach this server, and name its SPN, through this name. Seen from this machine it has no address; check the DNS zone the Exchange servers use.',
  },
  'spn.dns-reverse-mismatch': {
    title: '{address} maps back to {ptr}, not {name}',
    explanation:
      'Kerberos clients that canonicalise names through reverse DNS would ask for a ticket to the other name, whose SPN may not exist. Fix the PTR record or register the SPNs for that name too.',
  },
  'spn.dns-ok': {
    title: '{name} resolves to {addresses}',
    explanation: 'The name senders use for this server resolves, and maps back to itself where a PTR record exists.',
  },
  // The end-to-end service ticket: ./spn-ticket.ts
  'spn.ticket-issued': {
    title: 'The KDC issues a ticket for {spn}{kvno}',
    explanation:
      'A service ticket for the Exchange SPN was issued to the credentials on this machine: the SPN resolves to exactly one account with usable keys.',
  },
  'spn.ticket-failed': {
    title: 'No ticket for {spn}: {error}',
    explanation: '{meaning}',
  },
  // Kerberos keys, encryption types and state of the Exchange computer accounts (issue 12; facts
  // and sources in ./encryption-types.ts).
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
  'spn.no-common-etype-pair': {
    title:
      'No encryption type is common to the sender {sendingAccount} ({sendingTypes}) and the receiver {account} ({enctypes})',
    explanation:
      "The session key of a ticket from {sending} to {server} must be of a type both machines allow; with none in common the KDC refuses the ticket (KDC_ERR_ETYPE_NOSUPP) and {sending} logs Kerberos event 14 or Exchange's KdcUnknownEncryptionType.",
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
