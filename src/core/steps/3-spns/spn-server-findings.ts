/**
 * Step 3's one interpreter of "the SPNs of a server's account, and who else holds them": the
 * engine's LDAP read of the computer account, a terminal's `setspn -L <server>` and `setspn -Q
 * <spn>` all become the observations below and end here, so they yield the same finding codes
 * and the same text. Pure: evidence carries the observation's own source and time.
 */
import type { Evidence, Finding } from '../../../shared/findings';
import type { ExchangeServer } from '../../directory/model';
import { sameDn } from '../../directory/ldap-text';
import type { LocalText } from '../../../shared/local-text';
import { makeFinding } from '../../findings/define';
import { text } from '../../l10n/render';
import { labelOf, listOrNone, tableOf, valueOf } from '../../l10n/worded-parts';
import { semicolonList } from '../../l10n/semicolon-list';
import { compareSpns, expectedSpns, normaliseSpn, type ExpectedSpn } from './expected-spns';
import type { SpnHolder } from './duplicates';
import { compact, setspnAdd, setspnDelete, setspnList, setspnQuery } from './spn-remedies';
import { serverSubject } from './spn-context';
import { spnFindings } from './finding-codes';
import type { FindingCode } from '../finding-codes';

/** The servicePrincipalName values of one account, as some reader saw them. */
export interface AccountSpns {
  accountDn: string;
  /** sAMAccountName, when the reader knows it (LDAP does; setspn -L prints only the DN). */
  accountName?: string;
  spns: readonly string[];
  /** Where it was read: `LDAP <url> (<dn>)`, or the command line that printed it. */
  source: string;
  /** ISO 8601. */
  observedAt: string;
}

/** Who holds each looked-up SPN (the global catalog search, or setspn -Q). */
export interface SpnHolderSearch {
  /** Keyed by normaliseSpn(spn); an SPN that is not a key was not looked up. */
  holders: ReadonlyMap<string, readonly SpnHolder[]>;
  source: string;
  observedAt: string;
}

function holderName(h: SpnHolder): string {
  return h.samAccountName ? `${h.samAccountName} (${h.dn})` : h.dn;
}

/** In titles, another holder is named by its first RDN: the one name LDAP and setspn both print. */
function shortHolderName(h: SpnHolder): string {
  return /^CN=((?:[^,\\]|\\.)+)/i.exec(h.dn)?.[1] ?? h.dn;
}

/** The name titles use for the observed account: its sAMAccountName when anyone knows it. */
function accountLabel(account: AccountSpns, server: ExchangeServer): string {
  if (account.accountName) return account.accountName;
  const computer = server.computer;
  if (computer?.samAccountName && sameDn(computer.dn, account.accountDn)) return computer.samAccountName;
  return account.accountDn;
}

/**
 * The findings for one server: missing SPNs (nobody holds them), SPNs on the wrong account
 * (another account holds them instead), duplicates (the server and another account both hold
 * them), or one `ok` finding with the comparison table. `expected` narrows the comparison to the
 * SPNs an observation is about (setspn -Q asks about one).
 */
export function spnFindingsForServer(
  account: AccountSpns,
  server: ExchangeServer,
  search?: SpnHolderSearch,
  expected: readonly ExpectedSpn[] = expectedSpns(server),
): Finding<FindingCode>[] {
  const cmp = compareSpns(expected, account.spns);
  const subject = serverSubject(server);
  const name = accountLabel(account, server);
  const looked = (e: ExpectedSpn): boolean => search?.holders.has(normaliseSpn(e.spn)) ?? false;
  const others = (e: ExpectedSpn): SpnHolder[] =>
    (search?.holders.get(normaliseSpn(e.spn)) ?? []).filter((h) => !sameDn(h.dn, account.accountDn));

  const missingNowhere = cmp.missing.filter((e) => others(e).length === 0);
  const elsewhere = cmp.missing.filter((e) => others(e).length > 0);
  const duplicated = cmp.present.filter((p) => others(p.expected).length > 0);

  const rows: (string | LocalText)[][] = expected.map((e) => {
    const hit = cmp.present.find((p) => p.expected === e);
    const elsewhereText = others(e).map(holderName).join('; ');
    return [
      e.spn,
      hit ? hit.registered : text('fp.3.cell.missing'),
      elsewhereText || text(looked(e) ? 'fp.3.cell.none' : 'fp.3.cell.not-checked'),
    ];
  });
  for (const u of cmp.unexpectedSmtp) rows.push([u, text('fp.3.cell.not-expected', { spn: u }), '']);
  const table = tableOf({
    caption: text('fp.3.spns.caption', { server: server.name, account: name }),
    columns: [text('fp.3.spns.expected'), text('fp.3.spns.registered', { account: name }), text('fp.3.spns.also-held')],
    rows,
  });
  const registered: Evidence = {
    ...labelOf('fp.3.label.spn-of', { account: account.accountDn }),
    ...valueOf(listOrNone(account.spns)),
    source: account.source,
    observedAt: account.observedAt,
  };
  const holdersEvidence = (spn: string, holders: string[]): Evidence => ({
    ...labelOf('fp.3.label.holders-of', { spn }),
    value: holders.join('; '),
    source: search?.source ?? account.source,
    observedAt: search?.observedAt ?? account.observedAt,
  });
  const base = { subject, tables: [table] };
  const findings: Finding<FindingCode>[] = [];

  if (missingNowhere.length) {
    findings.push(
      makeFinding(spnFindings, 'spn.missing', {
        ...base,
        severity: 'error',
        params: { server: server.name, spns: missingNowhere.map((e) => e.spn).join(', ') },
        evidence: [registered],
        remedies: compact([...missingNowhere.map((e) => setspnAdd(e.spn, server.name)), setspnList(server.name)]),
      }),
    );
  }
  if (elsewhere.length) {
    const holders = semicolonList(
      elsewhere.map((e) => text('fp.3.on', { spn: e.spn, accounts: others(e).map(shortHolderName).join(', ') })),
    );
    findings.push(
      makeFinding(spnFindings, 'spn.wrong-account', {
        ...base,
        severity: 'error',
        params: { server: server.name, holders },
        evidence: [registered, ...elsewhere.map((e) => holdersEvidence(e.spn, others(e).map(holderName)))],
        remedies: compact(
          elsewhere.flatMap((e) => [
            ...others(e).map((h) => setspnDelete(e.spn, h)),
            setspnAdd(e.spn, server.name),
            setspnQuery(e.spn),
          ]),
        ),
      }),
    );
  }
  if (duplicated.length) {
    const holders = semicolonList(
      duplicated.map((p) =>
        text('fp.3.on-and', {
          spn: p.registered,
          account: name,
          others: others(p.expected).map(shortHolderName).join(', '),
        }),
      ),
    );
    findings.push(
      makeFinding(spnFindings, 'spn.duplicate', {
        ...base,
        severity: 'error',
        params: { server: server.name, holders },
        evidence: [
          registered,
          ...duplicated.map((p) =>
            holdersEvidence(p.registered, [`${name} (${account.accountDn})`, ...others(p.expected).map(holderName)]),
          ),
        ],
        remedies: compact(
          duplicated.flatMap((p) => [
            ...others(p.expected).map((h) => setspnDelete(p.registered, h)),
            setspnQuery(p.registered),
          ]),
        ),
      }),
    );
  }
  if (!findings.length) {
    findings.push(
      makeFinding(spnFindings, 'spn.registered', {
        ...base,
        severity: 'ok',
        params: { server: server.name, spns: cmp.present.map((p) => p.registered).join(', ') },
        evidence: [registered],
        remedies: compact([setspnList(server.name)]),
      }),
    );
  }
  return findings;
}
