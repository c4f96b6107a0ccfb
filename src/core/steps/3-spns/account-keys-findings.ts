/**
 * Step 3, Kerberos keys, the judging (pure): one Exchange server's computer account as each DC
 * holds it, against the others and against each DC's KDC. A key version that differs between DCs
 * means a DC still encrypts tickets with a key the server no longer has (the receiver logs
 * KRB_AP_ERR_MODIFIED, the sender gets 454 4.7.0); a disabled account, DES only, or no encryption
 * type shared with a KDC stop tickets outright; RC4 only, no types set, an old password or an old
 * last logon are warnings. See ./encryption-types.ts for the facts and their sources.
 */
import type { Evidence, EvidenceTable, Finding, Remedy, Subject } from '../../../shared/findings';
import type { AccountCopy } from './account-keys-read';
import {
  commonTicketTypes,
  describeEnctypes,
  isDesOnly,
  isRc4Only,
  KDC_KEY_EVENTS,
  TICKET_TYPE_MASK,
} from './encryption-types';
import * as fix from './account-remedies';
import { compact } from '../../remedies/build';

/** userAccountControl bits (MS-ADTS 2.2.16). */
export const UAC = { ACCOUNTDISABLE: 0x2, USE_DES_KEY_ONLY: 0x200000 } as const;
/** Machine passwords change every 30 days by default (Netlogon MaximumPasswordAge); twice that is old. */
export const PASSWORD_OLD_DAYS = 60;
/** lastLogonTimestamp lags up to 14 days by design; beyond 60 days the machine has not logged on. */
export const LOGON_OLD_DAYS = 60;
const DAY_MS = 86_400_000;

export interface DcCopy {
  dc: string;
  source: string;
  copy?: AccountCopy;
  /** msDS-SupportedEncryptionTypes of the DC's own account: the types its KDC issues, when set. */
  kdcEnctypes?: number;
}

export interface AccountInput {
  subject: Subject;
  /** `EX02` */
  server: string;
  /** The host name senders use (`ex02.contoso.test`). */
  fqdn?: string;
  copies: readonly DcCopy[];
  /** Other accounts whose dNSHostName is this server's host name. */
  otherClaims: readonly string[];
  /** The other servers in scope: they send to this one. */
  senders: readonly string[];
  domainDn: string;
  nowMs: number;
  observedAt: string;
}

function flags(copy: AccountCopy): string {
  const uac = copy.userAccountControl;
  if (uac === undefined) return '?';
  const parts = [uac & UAC.ACCOUNTDISABLE ? 'disabled' : 'enabled'];
  if (uac & UAC.USE_DES_KEY_ONLY) parts.push('USE_DES_KEY_ONLY');
  return parts.join(', ');
}

export function keysTable(server: string, copies: readonly DcCopy[]): EvidenceTable {
  return {
    caption: `Kerberos keys of ${server}$ on each domain controller`,
    columns: ['DC', 'key version', 'password set', 'encryption types', 'account', "KDC's types"],
    rows: copies.map((c) => [
      c.dc,
      c.copy?.keyVersion !== undefined ? String(c.copy.keyVersion) : c.copy ? '?' : 'not read',
      c.copy?.passwordSetAt ?? '',
      c.copy ? describeEnctypes(c.copy.enctypes) : '',
      c.copy ? flags(c.copy) : '',
      describeEnctypes(c.kdcEnctypes),
    ]),
  };
}

function ev(input: AccountInput, label: string, value: string, source: string): Evidence {
  return { label, value, source, observedAt: input.observedAt };
}

/** The copy judged for state: the newest key (ties: the first DC, the one discovery used). */
export function referenceCopy(copies: readonly DcCopy[]): DcCopy | undefined {
  let best: DcCopy | undefined;
  for (const c of copies)
    if (c.copy && (!best?.copy || (c.copy.keyVersion ?? 0) > (best.copy.keyVersion ?? 0))) best = c;
  return best;
}

function purges(input: AccountInput): Remedy[] {
  return compact(input.senders.map((s) => fix.purgeSystemTickets(s)));
}

function keyVersionFinding(input: AccountInput, read: DcCopy[], table: EvidenceTable): Finding | undefined {
  const versions = read.filter((c) => c.copy?.keyVersion !== undefined);
  const newest = Math.max(...versions.map((c) => c.copy?.keyVersion ?? 0));
  const behind = versions.filter((c) => c.copy?.keyVersion !== newest);
  const ahead = versions.find((c) => c.copy?.keyVersion === newest);
  if (!behind.length || !ahead) return undefined;
  const names = behind.map((c) => c.dc).join(', ');
  return {
    code: 'spn.key-version-differs',
    step: 3,
    severity: 'error',
    subject: input.subject,
    title: `${input.server}$ has key version ${newest} on ${ahead.dc} but ${behind.map((c) => `${c.copy?.keyVersion} on ${c.dc}`).join(', ')}: ${names} ${behind.length > 1 ? 'are' : 'is'} behind`,
    explanation: `${input.server}'s machine password changed on ${ahead.dc} and the change has not reached ${names}. A KDC on ${names} still encrypts tickets for ${input.server} with the old key, which ${input.server} can no longer decrypt (KRB_AP_ERR_MODIFIED on ${input.server}, 454 4.7.0 on the sender). Replicate, then let the senders drop the tickets they cached.`,
    evidence: versions.map((c) => ev(input, 'msDS-KeyVersionNumber', String(c.copy?.keyVersion), c.source)),
    tables: [table],
    remedies: compact([
      ...behind.map((c) => fix.repadminReplicate(c.dc, ahead.dc, input.domainDn)),
      fix.secureChannelTest(input.server),
      ...purges(input),
    ]),
  };
}

function stateFindings(input: AccountInput, ref: DcCopy, table: EvidenceTable): Finding[] {
  const out: Finding[] = [];
  const copy = ref.copy ?? {};
  const base = { step: 3 as const, subject: input.subject, tables: [table] };
  const uac = copy.userAccountControl ?? 0;
  if (uac & UAC.ACCOUNTDISABLE)
    out.push({
      ...base,
      code: 'spn.account-disabled',
      severity: 'error',
      title: `${input.server}$ is disabled (userAccountControl ${uac})`,
      explanation: `A disabled computer account cannot log on: ${input.server} has no secure channel and cannot take part in Kerberos as itself, so Exchange Server authentication to and from it fails.`,
      evidence: [ev(input, 'userAccountControl', String(uac), ref.source)],
      remedies: compact([fix.enableComputer(input.server), fix.secureChannelRepair(input.server)]),
    });
  const types = copy.enctypes;
  const desOnly = (uac & UAC.USE_DES_KEY_ONLY) !== 0 || (types !== undefined && isDesOnly(types));
  if (desOnly)
    out.push({
      ...base,
      code: 'spn.des-only',
      severity: 'error',
      title: `${input.server}$ allows DES keys only (${uac & UAC.USE_DES_KEY_ONLY ? 'USE_DES_KEY_ONLY' : describeEnctypes(types)})`,
      explanation: 'DES is off by default on every supported Windows version: no KDC issues such a ticket.',
      evidence: [ev(input, 'userAccountControl', String(uac), ref.source)],
      remedies: compact([fix.allowAes(input.server)]),
    });
  if (types !== undefined && (types & TICKET_TYPE_MASK) !== 0 && !desOnly) {
    const refusing = input.copies.filter(
      (c) => c.kdcEnctypes !== undefined && commonTicketTypes(types, c.kdcEnctypes) === 0,
    );
    if (refusing.length)
      out.push({
        ...base,
        code: 'spn.no-common-etype',
        severity: 'error',
        title: `No encryption type is common to ${input.server}$ (${describeEnctypes(types)}) and the KDC on ${refusing.map((c) => `${c.dc} (${describeEnctypes(c.kdcEnctypes)})`).join(', ')}`,
        explanation: `A KDC issues a ticket for ${input.server} only in a type both it and the account allow; with none in common the ticket request fails with KDC_ERR_ETYPE_NOSUPP and the DC logs KDC event ${KDC_KEY_EVENTS.slice(0, 4).join(', ')} (Exchange: KdcUnknownEncryptionType).`,
        evidence: [
          ev(input, 'msDS-SupportedEncryptionTypes', String(types), ref.source),
          ...refusing.map((c) =>
            ev(input, `msDS-SupportedEncryptionTypes of ${c.dc}`, String(c.kdcEnctypes), c.source),
          ),
        ],
        remedies: compact([fix.allowAes(input.server), fix.secureChannelRepair(input.server), ...purges(input)]),
      });
    else if (isRc4Only(types))
      out.push({
        ...base,
        code: 'spn.rc4-only',
        severity: 'warning',
        title: `${input.server}$ allows RC4 only (${describeEnctypes(types)})`,
        explanation: `Tickets for ${input.server} are RC4 today. Microsoft is removing RC4 from Kerberos defaults (KB5073381: audit from January 2026, enforcement from April 2026, no rollback from July 2026); a DC that stops issuing RC4 stops issuing tickets for ${input.server}.`,
        evidence: [ev(input, 'msDS-SupportedEncryptionTypes', String(types), ref.source)],
        remedies: compact([fix.allowAes(input.server)]),
      });
  }
  if (types === undefined)
    out.push({
      ...base,
      code: 'spn.enctypes-unset',
      severity: 'warning',
      title: `${input.server}$ has no msDS-SupportedEncryptionTypes`,
      explanation:
        "Windows computers write it when they join. Without it each KDC uses its domain default: RC4 before Microsoft's April 2026 enforcement (KB5073381), AES only after, so tickets change type when the DCs are updated.",
      evidence: [ev(input, 'msDS-SupportedEncryptionTypes', 'not set', ref.source)],
      remedies: compact([fix.allowAes(input.server)]),
    });
  out.push(...ageFindings(input, ref, base));
  return out;
}

function ageFindings(input: AccountInput, ref: DcCopy, base: Pick<Finding, 'step' | 'subject' | 'tables'>): Finding[] {
  const out: Finding[] = [];
  const days = (iso: string): number => Math.floor((input.nowMs - Date.parse(iso)) / DAY_MS);
  const pwd = ref.copy?.passwordSetAt;
  if (pwd && days(pwd) > PASSWORD_OLD_DAYS)
    out.push({
      ...base,
      code: 'spn.password-old',
      severity: 'warning',
      title: `${input.server}'s machine password was last set ${days(pwd)} days ago (${pwd})`,
      explanation: `Windows changes it every 30 days by default. An older one says ${input.server} has not reached a DC to change it: a broken secure channel, or a server restored or cloned from an old image.`,
      evidence: [ev(input, 'pwdLastSet', pwd, ref.source)],
      remedies: compact([fix.secureChannelTest(input.server), fix.secureChannelRepair(input.server)]),
    });
  const logon = ref.copy?.lastLogonAt;
  if (logon && days(logon) > LOGON_OLD_DAYS)
    out.push({
      ...base,
      code: 'spn.logon-old',
      severity: 'warning',
      title: `${input.server}$ last logged on to the domain ${days(logon)} days ago (${logon})`,
      explanation: `lastLogonTimestamp lags by up to 14 days by design, not by months. A server that answers SMTP but has not logged on for so long is likely a restored or cloned machine using another account's identity.`,
      evidence: [ev(input, 'lastLogonTimestamp', logon, ref.source)],
      remedies: compact([fix.secureChannelTest(input.server)]),
    });
  return out;
}

function duplicateHostFinding(input: AccountInput, table: EvidenceTable): Finding | undefined {
  if (!input.fqdn || !input.otherClaims.length) return undefined;
  return {
    code: 'spn.duplicate-dnshostname',
    step: 3,
    severity: 'error',
    subject: input.subject,
    title: `${input.fqdn} is the dNSHostName of ${input.server}$ and also of ${input.otherClaims.join(', ')}`,
    explanation: `Two computer accounts claim one host. Whichever of them gets the host's SPNs or DNS record, tickets and names for ${input.fqdn} can point at the wrong account; usually the other one is left from a restore, a rename or a re-join.`,
    evidence: input.otherClaims.map((a) =>
      ev(input, 'dNSHostName', `${a}: ${input.fqdn}`, input.copies[0]?.source ?? ''),
    ),
    tables: [table],
    remedies: compact([fix.findByDnsHostName(input.fqdn), ...input.otherClaims.map((a) => fix.removeComputer(a))]),
  };
}

/** Every finding for one server's account; an `ok` one when nothing is wrong. */
export function judgeAccount(input: AccountInput): Finding[] {
  const read = input.copies.filter((c) => c.copy);
  const ref = referenceCopy(input.copies);
  if (!ref) return [];
  const table = keysTable(input.server, input.copies);
  const out = compact2([
    keyVersionFinding(input, read, table),
    ...stateFindings(input, ref, table),
    duplicateHostFinding(input, table),
  ]);
  if (out.some((f) => f.severity === 'error' || f.severity === 'warning')) return out;
  return [
    {
      code: 'spn.keys-agree',
      step: 3,
      severity: 'ok',
      subject: input.subject,
      title: `${input.server}$: key version ${ref.copy?.keyVersion ?? '?'} on ${read.map((c) => c.dc).join(', ')}, ${describeEnctypes(ref.copy?.enctypes)}`,
      explanation:
        'Every DC holds the same key version for the account, it is enabled, and it shares an encryption type with every KDC.',
      evidence: read.map((c) => ev(input, 'msDS-KeyVersionNumber', String(c.copy?.keyVersion ?? '?'), c.source)),
      tables: [table],
      remedies: [],
    },
  ];
}

function compact2(list: readonly (Finding | undefined)[]): Finding[] {
  return list.filter((f): f is Finding => f !== undefined);
}
