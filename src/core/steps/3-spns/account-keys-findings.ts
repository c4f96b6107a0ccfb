/**
 * Step 3, Kerberos keys, the judging (pure): one Exchange server's computer account as each DC
 * holds it, against the others and against each DC's KDC. A key version that differs between DCs
 * means a DC still encrypts tickets with a key the server no longer has (the receiver logs
 * KRB_AP_ERR_MODIFIED, the sender gets 454 4.7.0); a disabled account, DES only, or no encryption
 * type shared with a KDC stop tickets outright; RC4 only, no types set, an old password or an old
 * last logon are warnings. See ./encryption-types.ts for the facts and their sources.
 */
import type { Evidence, EvidenceTable, Finding, Remedy, Subject } from '../../../shared/findings';
import type { FindingCode } from '../finding-codes';
import { makeFinding } from '../../findings/define';
import { spnFindings as T } from './finding-codes';
import type { AccountCopy } from './account-keys-read';
import { commonTicketTypes, enctypesText, isDesOnly, isRc4Only, TICKET_TYPE_MASK } from './encryption-types';
import type { LocalText } from '../../../shared/local-text';
import type { MessageKey } from '../../l10n/en';
import { text } from '../../l10n/render';
import { labelOf, tableOf } from '../../l10n/worded-parts';
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
  /** When the domain could first hold AES keys (./account-keys-read.ts readAesSince), when known. */
  aesSince?: string;
  nowMs: number;
  observedAt: string;
}

function flags(copy: AccountCopy): string | LocalText {
  const uac = copy.userAccountControl;
  if (uac === undefined) return '?';
  const state = uac & UAC.ACCOUNTDISABLE ? 'fp.3.keys.disabled' : 'fp.3.keys.enabled';
  return uac & UAC.USE_DES_KEY_ONLY ? text('fp.3.keys.with-des-only', { state: text(state) }) : text(state);
}

export function keysTable(server: string, copies: readonly DcCopy[]): EvidenceTable {
  const columns: MessageKey[] = [
    'fp.3.keys.dc',
    'fp.3.keys.version',
    'fp.3.keys.password-set',
    'fp.3.keys.types',
    'fp.3.keys.account',
    'fp.3.keys.kdc-types',
  ];
  return tableOf({
    caption: text('fp.3.keys.caption', { account: `${server}$` }),
    columns: columns.map((key) => text(key)),
    rows: copies.map((c) => [
      c.dc,
      c.copy?.keyVersion !== undefined ? String(c.copy.keyVersion) : c.copy ? '?' : text('fp.3.keys.not-read'),
      c.copy?.passwordSetAt ?? '',
      c.copy ? enctypesText(c.copy.enctypes) : '',
      c.copy ? flags(c.copy) : '',
      enctypesText(c.kdcEnctypes),
    ]),
  });
}

function ev(
  input: AccountInput,
  label: string | { label: string; labelText: LocalText },
  value: string,
  source: string,
): Evidence {
  return { ...(typeof label === 'string' ? { label } : label), value, source, observedAt: input.observedAt };
}

/** `msDS-SupportedEncryptionTypes of DC1` as an evidence label. */
function attributeOf(attribute: string, name: string): { label: string; labelText: LocalText } {
  return labelOf('fp.3.label.attribute-of', { attribute, name });
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

function keyVersionFinding(
  input: AccountInput,
  read: DcCopy[],
  table: EvidenceTable,
): Finding<FindingCode> | undefined {
  const versions = read.filter((c) => c.copy?.keyVersion !== undefined);
  const newest = Math.max(...versions.map((c) => c.copy?.keyVersion ?? 0));
  const behind = versions.filter((c) => c.copy?.keyVersion !== newest);
  const ahead = versions.find((c) => c.copy?.keyVersion === newest);
  if (!behind.length || !ahead) return undefined;
  return makeFinding(T, 'spn.key-version-differs', {
    severity: 'error',
    subject: input.subject,
    params: {
      account: `${input.server}$`,
      server: input.server,
      newest,
      ahead: ahead.dc,
      older: behind.map((c) => text('fp.3.version-on', { version: c.copy?.keyVersion ?? '?', dc: c.dc })),
      behind: behind.map((c) => c.dc).join(', '),
    },
    evidence: versions.map((c) => ev(input, 'msDS-KeyVersionNumber', String(c.copy?.keyVersion), c.source)),
    tables: [table],
    remedies: compact([
      ...behind.map((c) => fix.repadminReplicate(c.dc, ahead.dc, input.domainDn)),
      fix.secureChannelTest(input.server),
      ...purges(input),
    ]),
  });
}

function stateFindings(input: AccountInput, ref: DcCopy, table: EvidenceTable): Finding<FindingCode>[] {
  const out: Finding<FindingCode>[] = [];
  const copy = ref.copy ?? {};
  const account = `${input.server}$`;
  const base = { subject: input.subject, tables: [table] };
  const uac = copy.userAccountControl ?? 0;
  if (uac & UAC.ACCOUNTDISABLE)
    out.push(
      makeFinding(T, 'spn.account-disabled', {
        ...base,
        severity: 'error',
        params: { account, server: input.server, uac },
        evidence: [ev(input, 'userAccountControl', String(uac), ref.source)],
        remedies: compact([fix.enableComputer(input.server), fix.secureChannelRepair(input.server)]),
      }),
    );
  const types = copy.enctypes;
  const desOnly = (uac & UAC.USE_DES_KEY_ONLY) !== 0 || (types !== undefined && isDesOnly(types));
  if (desOnly)
    out.push(
      makeFinding(T, 'spn.des-only', {
        ...base,
        severity: 'error',
        params: { account, what: uac & UAC.USE_DES_KEY_ONLY ? 'USE_DES_KEY_ONLY' : enctypesText(types) },
        evidence: [ev(input, 'userAccountControl', String(uac), ref.source)],
        remedies: compact([fix.allowAes(input.server)]),
      }),
    );
  if (types !== undefined && (types & TICKET_TYPE_MASK) !== 0 && !desOnly) {
    const refusing = input.copies.filter(
      (c) => c.kdcEnctypes !== undefined && commonTicketTypes(types, c.kdcEnctypes) === 0,
    );
    if (refusing.length)
      out.push(
        makeFinding(T, 'spn.no-common-etype', {
          ...base,
          severity: 'error',
          params: {
            account,
            server: input.server,
            enctypes: enctypesText(types),
            kdcs: refusing.map((c) => text('fp.3.dc-types', { dc: c.dc, types: enctypesText(c.kdcEnctypes) })),
          },
          evidence: [
            ev(input, 'msDS-SupportedEncryptionTypes', String(types), ref.source),
            ...refusing.map((c) =>
              ev(input, attributeOf('msDS-SupportedEncryptionTypes', c.dc), String(c.kdcEnctypes), c.source),
            ),
          ],
          remedies: compact([
            ...refusing.map((c) => fix.kdcKeyEvents(c.dc)),
            fix.allowAes(input.server),
            fix.secureChannelRepair(input.server),
            ...purges(input),
          ]),
        }),
      );
    else if (isRc4Only(types))
      out.push(
        makeFinding(T, 'spn.rc4-only', {
          ...base,
          severity: 'warning',
          params: { account, server: input.server, enctypes: enctypesText(types) },
          evidence: [ev(input, 'msDS-SupportedEncryptionTypes', String(types), ref.source)],
          remedies: compact([fix.allowAes(input.server), ...input.copies.map((c) => fix.kdcKeyEvents(c.dc))]),
        }),
      );
  }
  if (types === undefined)
    out.push(
      makeFinding(T, 'spn.enctypes-unset', {
        ...base,
        severity: 'warning',
        params: { account },
        evidence: [ev(input, 'msDS-SupportedEncryptionTypes', 'not set', ref.source)],
        remedies: compact([fix.allowAes(input.server)]),
      }),
    );
  out.push(...ageFindings(input, ref, base));
  return out;
}

function ageFindings(
  input: AccountInput,
  ref: DcCopy,
  base: { subject: Subject; tables: EvidenceTable[] },
): Finding<FindingCode>[] {
  const out: Finding<FindingCode>[] = [];
  const days = (iso: string): number => Math.floor((input.nowMs - Date.parse(iso)) / DAY_MS);
  const account = `${input.server}$`;
  const pwd = ref.copy?.passwordSetAt;
  if (pwd && days(pwd) > PASSWORD_OLD_DAYS)
    out.push(
      makeFinding(T, 'spn.password-old', {
        ...base,
        severity: 'warning',
        params: { server: input.server, days: days(pwd), when: pwd },
        evidence: [ev(input, 'pwdLastSet', pwd, ref.source)],
        remedies: compact([fix.secureChannelTest(input.server), fix.secureChannelRepair(input.server)]),
      }),
    );
  if (pwd && input.aesSince && Date.parse(pwd) < Date.parse(input.aesSince))
    out.push(
      makeFinding(T, 'spn.aes-keys-missing', {
        ...base,
        severity: 'warning',
        params: { account, when: pwd, since: input.aesSince },
        evidence: [
          ev(input, 'pwdLastSet', pwd, ref.source),
          ev(input, labelOf('fp.3.label.aes-since'), input.aesSince, ref.source),
        ],
        remedies: compact([fix.secureChannelRepair(input.server)]),
      }),
    );
  const logon = ref.copy?.lastLogonAt;
  if (logon && days(logon) > LOGON_OLD_DAYS)
    out.push(
      makeFinding(T, 'spn.logon-old', {
        ...base,
        severity: 'warning',
        params: { account, days: days(logon), when: logon },
        evidence: [ev(input, 'lastLogonTimestamp', logon, ref.source)],
        remedies: compact([fix.secureChannelTest(input.server)]),
      }),
    );
  return out;
}

function duplicateHostFinding(input: AccountInput, table: EvidenceTable): Finding<FindingCode> | undefined {
  if (!input.fqdn || !input.otherClaims.length) return undefined;
  return makeFinding(T, 'spn.duplicate-dnshostname', {
    severity: 'error',
    subject: input.subject,
    params: { fqdn: input.fqdn, account: `${input.server}$`, others: input.otherClaims.join(', ') },
    evidence: input.otherClaims.map((a) =>
      ev(input, 'dNSHostName', `${a}: ${input.fqdn}`, input.copies[0]?.source ?? ''),
    ),
    tables: [table],
    remedies: compact([fix.findByDnsHostName(input.fqdn), ...input.otherClaims.map((a) => fix.removeComputer(a))]),
  });
}

/** Every finding for one server's account; an `ok` one when nothing is wrong. */
export function judgeAccount(input: AccountInput): Finding<FindingCode>[] {
  const read = input.copies.filter((c) => c.copy);
  const ref = referenceCopy(input.copies);
  if (!ref) return [];
  const table = keysTable(input.server, input.copies);
  const out = [
    keyVersionFinding(input, read, table),
    ...stateFindings(input, ref, table),
    duplicateHostFinding(input, table),
  ].filter((f): f is Finding<FindingCode> => f !== undefined);
  if (out.some((f) => f.severity === 'error' || f.severity === 'warning')) return out;
  return [
    makeFinding(T, 'spn.keys-agree', {
      severity: 'ok',
      subject: input.subject,
      params: {
        account: `${input.server}$`,
        keyVersion: ref.copy?.keyVersion ?? '?',
        dcs: read.map((c) => c.dc).join(', '),
        enctypes: enctypesText(ref.copy?.enctypes),
      },
      evidence: [
        ...read.map((c) => ev(input, 'msDS-KeyVersionNumber', String(c.copy?.keyVersion ?? '?'), c.source)),
        ...(input.aesSince ? [ev(input, labelOf('fp.3.label.aes-since'), input.aesSince, ref.source)] : []),
      ],
      tables: [table],
    }),
  ];
}

/** For a pair: the sender's and the receiver's accounts share no ticket type (both values known). */
export function judgePairTypes(
  input: AccountInput,
  sending: { server: string; copy?: DcCopy },
  receiving: DcCopy | undefined,
): Finding<FindingCode> | undefined {
  const s = sending.copy?.copy?.enctypes;
  const r = receiving?.copy?.enctypes;
  if (s === undefined || r === undefined || !(s & TICKET_TYPE_MASK) || !(r & TICKET_TYPE_MASK)) return undefined;
  if (commonTicketTypes(s, r) !== 0) return undefined;
  return makeFinding(T, 'spn.no-common-etype-pair', {
    severity: 'error',
    subject: input.subject,
    params: {
      sending: sending.server,
      sendingAccount: `${sending.server}$`,
      sendingTypes: enctypesText(s),
      account: `${input.server}$`,
      server: input.server,
      enctypes: enctypesText(r),
    },
    evidence: [
      ev(
        input,
        attributeOf('msDS-SupportedEncryptionTypes', `${sending.server}$`),
        String(s),
        sending.copy?.source ?? '',
      ),
      ev(input, attributeOf('msDS-SupportedEncryptionTypes', `${input.server}$`), String(r), receiving?.source ?? ''),
    ],
    remedies: compact([
      fix.allowAes(sending.server),
      fix.allowAes(input.server),
      fix.purgeSystemTickets(sending.server),
    ]),
  });
}
