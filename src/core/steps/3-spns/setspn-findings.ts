/**
 * Findings from setspn output (-L, -X, -Q, -S), read by the core's parsers. The same text comes
 * from Windows' setspn.exe and from the CLI's LDAP equivalent, so one interpreter serves both.
 * Pure (no `vscode`).
 */
import type { Finding } from '../../../shared/findings';
import { parseSetspnAdd } from './setspn-add';
import { parseSetspnDuplicates, parseSetspnList, parseSetspnQuery } from './setspn';
import { comparisonRows, compareSpns, expectedSpns, sameSpn } from './expected-spns';
import { compact, setspnAdd, setspnList, setspnQuery } from './spn-remedies';
import {
  outputEvidence,
  subjectOf,
  unrecognisedFinding,
  valueEvidence,
  type ToolContext,
} from '../../tools/tool-output';

const SMTP = /^smtp(svc)?\//i;

/** `CN=EX01,CN=Computers,...` names the computer EX01 (first RDN, case-insensitive). */
function dnNamesServer(dn: string, server: string): boolean {
  const first = /^CN=([^,]+)/i.exec(dn.trim())?.[1] ?? '';
  return first.toUpperCase() === server.toUpperCase();
}

export function setspnListFindings(raw: string, exitCode: number | undefined, ctx: ToolContext): Finding[] {
  const parsed = parseSetspnList(raw);
  if (!parsed.recognised) return [unrecognisedFinding(ctx, 3, 'setspn -L', parsed.reason, raw, exitCode)];
  const result = parsed.value;
  const subject = subjectOf(ctx);
  if (result.kind === 'error') {
    return [
      {
        code: result.error.kind === 'account-not-found' ? 'spn.no-computer-account' : 'spn.list-failed',
        step: 3,
        severity: result.error.kind === 'account-not-found' ? 'error' : 'unknown',
        subject,
        title:
          result.error.kind === 'account-not-found'
            ? `setspn found no account ${result.error.account ?? subject.name}`
            : `setspn -L failed: ${result.error.message}`,
        explanation: 'Without the computer account its SPNs cannot be compared with the ones Exchange needs.',
        evidence: [outputEvidence(ctx, raw)],
        remedies: [],
        reason: result.error.message,
      },
    ];
  }
  const registered = valueEvidence(
    ctx,
    `servicePrincipalName of ${result.accountDn}`,
    result.spns.join(', ') || '(none)',
  );
  const server = ctx.server;
  if (!server) {
    const smtp = result.spns.filter((s) => SMTP.test(s));
    return [
      {
        code: smtp.length ? 'spn.listed' : 'spn.missing',
        step: 3,
        severity: smtp.length ? 'ok' : 'error',
        subject,
        title: smtp.length
          ? `${result.accountDn} holds ${smtp.join(', ')}`
          : `${result.accountDn} holds no SMTP or SMTPSVC SPN`,
        explanation:
          'Other Exchange servers need a ticket for SMTPSVC/<name> of this server; the SPN must be on its computer account.',
        evidence: [registered],
        remedies: [],
      },
    ];
  }
  const expected = expectedSpns(server);
  const cmp = compareSpns(expected, result.spns);
  const table = {
    caption: `SMTP SPNs of ${server.name} (setspn -L)`,
    columns: ['SPN', 'Expected', 'Registered'],
    rows: comparisonRows(expected, result.spns),
  };
  if (cmp.missing.length) {
    return [
      {
        code: 'spn.missing',
        step: 3,
        severity: 'error',
        subject,
        title: `${server.name} lacks ${cmp.missing.map((e) => e.spn).join(', ')}`,
        explanation:
          'Other Exchange servers ask the KDC for a ticket to SMTPSVC/<name> of this server. When the computer account does not hold that SPN (and no other account does), the KDC answers KDC_ERR_S_PRINCIPAL_UNKNOWN and mail queues with 454 4.7.0.',
        evidence: [registered],
        tables: [table],
        remedies: compact([
          ...cmp.missing.map((e) => setspnAdd(e.spn, server.name)),
          ...cmp.missing.map((e) => setspnQuery(e.spn)),
        ]),
      },
    ];
  }
  return [
    {
      code: 'spn.registered',
      step: 3,
      severity: 'ok',
      subject,
      title: `${server.name} holds its ${expected.length} SMTP SPNs`,
      explanation:
        'Every expected SMTP and SMTPSVC SPN is on the computer account (setspn -X or -Q shows whether another account holds them too).',
      evidence: [registered],
      tables: [table],
      remedies: compact([setspnList(server.name)]),
    },
  ];
}

export function setspnDuplicatesFindings(raw: string, exitCode: number | undefined, ctx: ToolContext): Finding[] {
  const parsed = parseSetspnDuplicates(raw);
  if (!parsed.recognised) return [unrecognisedFinding(ctx, 3, 'setspn -X', parsed.reason, raw, exitCode)];
  const r = parsed.value;
  const scopeText = r.checked.join(', ') || r.scope;
  const organisation = { kind: 'organisation' as const, name: 'organisation' };
  const out: Finding[] = [];
  for (const g of r.groups) {
    const smtp = SMTP.test(g.spn);
    out.push({
      code: smtp ? 'spn.duplicate' : 'spn.duplicate-other',
      step: 3,
      severity: smtp ? 'error' : 'warning',
      subject: { kind: 'account', name: g.spn },
      title: `${g.spn} is registered on ${g.accountDns.length} accounts`,
      explanation: smtp
        ? 'An SMTP SPN held by two accounts leaves the KDC to pick one key; tickets then fail to decrypt on the Exchange server (KRB_AP_ERR_MODIFIED, KDC event 11). Remove it from the account that is not the Exchange server.'
        : 'A duplicate SPN breaks Kerberos for that service; it does not affect Exchange authentication unless the SPN is SMTP or SMTPSVC.',
      evidence: [valueEvidence(ctx, `holders of ${g.spn}`, g.accountDns.join('; '))],
      remedies: compact([setspnQuery(g.spn)]),
    });
  }
  if (r.error || !r.complete) {
    out.push({
      code: 'spn.duplicates-incomplete',
      step: 3,
      severity: 'unknown',
      subject: organisation,
      title: 'setspn -X did not finish its scan',
      explanation: 'Only part of the directory was checked for duplicate SPNs.',
      evidence: [outputEvidence(ctx, raw)],
      remedies: [],
      reason: r.error?.message ?? 'the closing "found N group of duplicate SPNs" line is missing',
    });
  } else if (r.groups.length === 0) {
    out.push({
      code: 'spn.no-duplicates',
      step: 3,
      severity: 'ok',
      subject: organisation,
      title: `No duplicate SPNs in ${scopeText}`,
      explanation: 'No SPN is registered on more than one account.',
      evidence: [outputEvidence(ctx, raw)],
      remedies: [],
    });
  }
  return out;
}

export function setspnQueryFindings(
  spn: string,
  raw: string,
  exitCode: number | undefined,
  ctx: ToolContext,
): Finding[] {
  const parsed = parseSetspnQuery(raw);
  if (!parsed.recognised) return [unrecognisedFinding(ctx, 3, `setspn -Q ${spn}`, parsed.reason, raw, exitCode)];
  const r = parsed.value;
  const subject = subjectOf(ctx);
  const holders = r.accounts.filter((a) => a.spns.some((s) => sameSpn(s, spn)) || r.accounts.length === 1);
  const evidence = [valueEvidence(ctx, `holders of ${spn}`, r.accounts.map((a) => a.dn).join('; ') || '(none)')];
  if (r.error || r.found === undefined) {
    return [
      {
        code: 'spn.query-failed',
        step: 3,
        severity: 'unknown',
        subject,
        title: `setspn -Q ${spn} gave no answer`,
        explanation: 'Whether this SPN is registered could not be read.',
        evidence: [outputEvidence(ctx, raw)],
        remedies: [],
        reason: r.error?.message ?? 'neither "Existing SPN found!" nor "No such SPN found." was printed',
      },
    ];
  }
  const server = ctx.server;
  if (!r.found || holders.length === 0) {
    return [
      {
        code: 'spn.missing',
        step: 3,
        severity: 'error',
        subject,
        title: `No account holds ${spn}`,
        explanation:
          'The KDC cannot issue a ticket for an SPN nobody holds (KDC_ERR_S_PRINCIPAL_UNKNOWN): Exchange authentication to this server fails with 454 4.7.0.',
        evidence,
        remedies: server ? compact([setspnAdd(spn, server.name)]) : [],
      },
    ];
  }
  if (holders.length > 1) {
    return [
      {
        code: 'spn.duplicate',
        step: 3,
        severity: 'error',
        subject,
        title: `${spn} is held by ${holders.length} accounts`,
        explanation: 'An SPN on two accounts makes tickets fail to decrypt on one of them (KRB_AP_ERR_MODIFIED).',
        evidence,
        remedies: compact([setspnQuery(spn)]),
      },
    ];
  }
  const holder = holders[0]?.dn ?? '';
  if (server && !dnNamesServer(holder, server.name)) {
    return [
      {
        code: 'spn.wrong-account',
        step: 3,
        severity: 'error',
        subject,
        title: `${spn} is registered on ${holder}, not on ${server.name}`,
        explanation:
          'The KDC encrypts the ticket with the key of whichever account holds the SPN; the Exchange server cannot decrypt a ticket made for another account.',
        evidence,
        remedies: compact([setspnQuery(spn)]),
      },
    ];
  }
  return [
    {
      code: 'spn.registered',
      step: 3,
      severity: 'ok',
      subject,
      title: `${spn} is registered once, on ${holder}`,
      explanation: 'The SPN is held by exactly one account.',
      evidence,
      remedies: [],
    },
  ];
}

export function setspnAddFindings(spn: string, raw: string, exitCode: number | undefined, ctx: ToolContext): Finding[] {
  const parsed = parseSetspnAdd(raw);
  if (!parsed.recognised) return [unrecognisedFinding(ctx, 3, `setspn -S ${spn}`, parsed.reason, raw, exitCode)];
  const r = parsed.value;
  const subject = subjectOf(ctx);
  const evidence = [outputEvidence(ctx, raw)];
  switch (r.kind) {
    case 'registered':
      return [
        {
          code: 'spn.registered-now',
          step: 3,
          severity: 'ok',
          subject,
          title: `${spn} was registered on ${r.accountDn}`,
          explanation: 'setspn said "Updated object".',
          evidence,
          remedies: [],
        },
      ];
    case 'duplicate':
      return [
        {
          code: 'spn.duplicate',
          step: 3,
          severity: 'error',
          subject,
          title: `${spn} was not registered: ${r.conflicts.map((c) => c.dn).join('; ')} already holds it`,
          explanation:
            'setspn -S refuses an SPN another account holds. Remove it there first if that account should not hold it.',
          evidence,
          remedies: compact([setspnQuery(spn)]),
        },
      ];
    case 'unconfirmed':
      return [
        {
          code: 'spn.register-unconfirmed',
          step: 3,
          severity: 'unknown',
          subject,
          title: `Registering ${spn} was not confirmed`,
          explanation: 'setspn did not print "Updated object".',
          evidence,
          remedies: compact([setspnQuery(spn)]),
          reason: 'the output ends before "Updated object"',
        },
      ];
    case 'error':
      return [
        {
          code: 'spn.register-failed',
          step: 3,
          severity: 'error',
          subject,
          title: `Registering ${spn} failed: ${r.error.message}`,
          explanation:
            r.error.kind === 'access-denied'
              ? 'Registering SPNs needs write access to the computer account (Domain Admins, or a delegated right).'
              : 'setspn reported an error.',
          evidence,
          remedies: [],
        },
      ];
  }
}
