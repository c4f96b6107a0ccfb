/**
 * Findings from setspn output (-L, -X, -Q, -S), read by the core's parsers. The same text comes
 * from Windows' setspn.exe and from the CLI's LDAP equivalent. `-L <server>` and `-Q <spn>` become
 * the observations of ./spn-server-findings.ts, the one interpreter the engine's LDAP read ends in
 * too; their wording is step 3's table (./finding-codes.ts). Pure (no `vscode`).
 */
import type { Finding } from '../../../shared/findings';
import { makeFinding } from '../../findings/define';
import { text } from '../../l10n/render';
import { listOrNone, nameOf, reasonOf } from '../../l10n/worded-parts';
import { labelledValue, toolOutput } from '../../tools/worded-evidence';
import { parseSetspnAdd } from './setspn-add';
import { parseSetspnDuplicates, parseSetspnList, parseSetspnQuery } from './setspn';
import { expectedSpns, normaliseSpn, sameSpn, type ExpectedSpn } from './expected-spns';
import type { ExchangeServer } from '../../directory/model';
import { compact, setspnQuery } from './spn-remedies';
import { spnFindings } from './finding-codes';
import { spnFindingsForServer, type AccountSpns } from './spn-server-findings';
import type { SpnHolder } from './duplicates';
import { subjectOf, unrecognisedFinding, type ToolContext } from '../../tools/tool-output';
import type { FindingCode } from '../finding-codes';

const SMTP = /^smtp(svc)?\//i;

/** `CN=EX01,CN=Computers,...` names the computer EX01 (first RDN, case-insensitive). */
function firstRdn(dn: string): string {
  return /^CN=([^,]+)/i.exec(dn.trim())?.[1] ?? dn;
}

function dnNamesServer(dn: string, server: string): boolean {
  return firstRdn(dn).toUpperCase() === server.toUpperCase();
}

export function setspnListFindings(
  raw: string,
  exitCode: number | undefined,
  ctx: ToolContext,
): Finding<FindingCode>[] {
  const parsed = parseSetspnList(raw);
  if (!parsed.recognised) return [unrecognisedFinding(ctx, 3, 'setspn -L', parsed.reason, raw, exitCode)];
  const result = parsed.value;
  const subject = subjectOf(ctx);
  if (result.kind === 'error') {
    const notFound = result.error.kind === 'account-not-found';
    const evidence = [toolOutput(ctx, raw)];
    const reason = reasonOf('fp.1.printed', { message: result.error.message });
    return [
      notFound
        ? makeFinding(spnFindings, 'spn.no-computer-account', {
            severity: 'error',
            subject,
            params: { server: ctx.server?.name ?? subject.name, account: result.error.account ?? subject.name },
            evidence,
            ...reason,
          })
        : makeFinding(spnFindings, 'spn.list-failed', {
            severity: 'unknown',
            subject,
            params: { message: result.error.message },
            evidence,
            ...reason,
          }),
    ];
  }
  const observation: AccountSpns = {
    accountDn: result.accountDn,
    spns: result.spns,
    source: ctx.commandLine,
    observedAt: ctx.observedAt,
  };
  if (ctx.server) return spnFindingsForServer(observation, ctx.server);
  // No server to compare with: say which SMTP SPNs the account holds.
  const smtp = result.spns.filter((s) => SMTP.test(s));
  const registered = labelledValue(ctx, 'fp.3.label.spn-of', listOrNone(result.spns), {
    account: result.accountDn,
  });
  return [
    smtp.length
      ? makeFinding(spnFindings, 'spn.listed', {
          severity: 'ok',
          subject,
          params: { account: result.accountDn, spns: smtp.join(', ') },
          evidence: [registered],
        })
      : makeFinding(spnFindings, 'spn.missing', {
          severity: 'error',
          subject,
          params: { server: result.accountDn, spns: 'SMTP/*, SMTPSVC/*' },
          evidence: [registered],
        }),
  ];
}

export function setspnDuplicatesFindings(
  raw: string,
  exitCode: number | undefined,
  ctx: ToolContext,
): Finding<FindingCode>[] {
  const parsed = parseSetspnDuplicates(raw);
  if (!parsed.recognised) return [unrecognisedFinding(ctx, 3, 'setspn -X', parsed.reason, raw, exitCode)];
  const r = parsed.value;
  const scope = r.checked.join(', ') || text(r.scope === 'forest' ? 'fp.3.scope.forest' : 'fp.3.scope.domain');
  const organisation = { kind: 'organisation' as const, ...nameOf('fp.common.organisation') };
  const out: Finding<FindingCode>[] = [];
  for (const g of r.groups) {
    const smtp = SMTP.test(g.spn);
    out.push(
      makeFinding(spnFindings, smtp ? 'spn.duplicate' : 'spn.duplicate-other', {
        severity: smtp ? 'error' : 'warning',
        subject: { kind: 'account', name: g.spn },
        params: { spn: g.spn, holders: text('fp.3.on', { spn: g.spn, accounts: g.accountDns.join(', ') }) },
        evidence: [labelledValue(ctx, 'fp.3.label.holders-of', g.accountDns.join('; '), { spn: g.spn })],
        remedies: compact([setspnQuery(g.spn)]),
      }),
    );
  }
  if (r.error || !r.complete) {
    out.push(
      makeFinding(spnFindings, 'spn.duplicates-incomplete', {
        severity: 'unknown',
        subject: organisation,
        evidence: [toolOutput(ctx, raw)],
        ...(r.error ? reasonOf('fp.1.printed', { message: r.error.message }) : reasonOf('fp.3.reason.x-unfinished')),
      }),
    );
  } else if (r.groups.length === 0) {
    out.push(
      makeFinding(spnFindings, 'spn.no-duplicates', {
        severity: 'ok',
        subject: organisation,
        params: { scope },
        evidence: [toolOutput(ctx, raw)],
      }),
    );
  }
  return out;
}

/**
 * setspn -Q answers "who holds this SPN". About a server, that is the observation the engine's
 * holder search makes, narrowed to one SPN: the holder named like the server is its account.
 */
export function setspnQueryFindings(
  spn: string,
  raw: string,
  exitCode: number | undefined,
  ctx: ToolContext,
): Finding<FindingCode>[] {
  const parsed = parseSetspnQuery(raw);
  if (!parsed.recognised) return [unrecognisedFinding(ctx, 3, `setspn -Q ${spn}`, parsed.reason, raw, exitCode)];
  const r = parsed.value;
  const subject = subjectOf(ctx);
  if (r.error || r.found === undefined) {
    return [
      makeFinding(spnFindings, 'spn.query-failed', {
        severity: 'unknown',
        subject,
        params: { spn },
        evidence: [toolOutput(ctx, raw)],
        ...(r.error ? reasonOf('fp.1.printed', { message: r.error.message }) : reasonOf('fp.3.reason.q-unanswered')),
      }),
    ];
  }
  const found = r.found ? r.accounts.filter((a) => a.spns.some((s) => sameSpn(s, spn)) || r.accounts.length === 1) : [];
  const holders: SpnHolder[] = found.map((a) => ({ dn: a.dn, kind: 'other', spns: a.spns }));
  const search = {
    holders: new Map([[normaliseSpn(spn), holders]]),
    source: ctx.commandLine,
    observedAt: ctx.observedAt,
  };
  const server = ctx.server ?? serverNamedBy(spn, holders);
  const own = holders.find((h) => dnNamesServer(h.dn, server.name));
  const account: AccountSpns = {
    accountDn: own?.dn ?? server.computer?.dn ?? `CN=${server.name}`,
    spns: own?.spns ?? [],
    source: ctx.commandLine,
    observedAt: ctx.observedAt,
  };
  const expected: ExpectedSpn[] = expectedSpns(server).filter((e) => sameSpn(e.spn, spn));
  if (!expected.length) expected.push(asExpected(spn));
  const findings = spnFindingsForServer(account, server, search, expected);
  if (!ctx.server) for (const f of findings) f.remedies = f.remedies.filter((m) => !m.changesState);
  return findings;
}

function asExpected(spn: string): ExpectedSpn {
  const [serviceClass = '', host = ''] = spn.split('/');
  return {
    spn,
    serviceClass: serviceClass.toUpperCase() === 'SMTP' ? 'SMTP' : 'SMTPSVC',
    host,
    hostKind: host.includes('.') ? 'fqdn' : 'short',
  };
}

/**
 * Without a server in context, the account the SPN belongs on is the holder named like the SPN's
 * host (or the only holder); when nobody holds it, the host the SPN names. No remedy is offered
 * then: the account to register it on is not known.
 */
function serverNamedBy(spn: string, holders: readonly SpnHolder[]): ExchangeServer {
  const host = spn.split('/')[1] ?? spn;
  const label = host.split('.')[0] ?? host;
  const holder = holders.find((h) => dnNamesServer(h.dn, label)) ?? holders[0];
  return { name: holder ? firstRdn(holder.dn) : host, dn: '', roles: [], receiveConnectors: [] };
}

export function setspnAddFindings(
  spn: string,
  raw: string,
  exitCode: number | undefined,
  ctx: ToolContext,
): Finding<FindingCode>[] {
  const parsed = parseSetspnAdd(raw);
  if (!parsed.recognised) return [unrecognisedFinding(ctx, 3, `setspn -S ${spn}`, parsed.reason, raw, exitCode)];
  const r = parsed.value;
  const subject = subjectOf(ctx);
  const evidence = [toolOutput(ctx, raw)];
  switch (r.kind) {
    case 'registered':
      return [
        makeFinding(spnFindings, 'spn.registered-now', {
          severity: 'ok',
          subject,
          params: { spn, account: r.accountDn },
          evidence,
        }),
      ];
    case 'duplicate':
      return [
        makeFinding(spnFindings, 'spn.duplicate', {
          severity: 'error',
          subject,
          params: { spn, holders: text('fp.3.on', { spn, accounts: r.conflicts.map((c) => c.dn).join(', ') }) },
          evidence,
          remedies: compact([setspnQuery(spn)]),
        }),
      ];
    case 'unconfirmed':
      return [
        makeFinding(spnFindings, 'spn.register-unconfirmed', {
          severity: 'unknown',
          subject,
          params: { spn },
          evidence,
          remedies: compact([setspnQuery(spn)]),
          ...reasonOf('fp.3.reason.s-unconfirmed'),
        }),
      ];
    case 'error':
      return [
        makeFinding(spnFindings, 'spn.register-failed', {
          severity: 'error',
          subject,
          params: {
            spn,
            message: r.error.message,
          },
          evidence,
        }),
      ];
  }
}
