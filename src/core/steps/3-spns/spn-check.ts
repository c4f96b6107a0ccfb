/**
 * Step 3: the SMTP and SMTPSVC SPNs of every Exchange server in scope are registered, once, on
 * the server's own computer account. Reads the computer account (setspn -L), asks the global
 * catalog who else holds those SPNs (setspn -Q, forest-wide), optionally scans every SPN of the
 * forest for duplicates (setspn -X), checks the names in DNS, and, when this machine already has
 * Kerberos credentials, requests a ticket for SMTPSVC/<fqdn> as end-to-end proof.
 */
import { STEP_TITLES, type Finding } from '../../../shared/findings';
import type { Check, CheckContext } from '../../engine/check';
import type { ExchangeServer } from '../../directory/model';
import { compareSpns, expectedSpns, normaliseSpn, type ExpectedSpn } from './expected-spns';
import { findSpnHolders, type SpnHolder } from './duplicates';
import { sameDn } from '../../directory/ldap-text';
import { compact, setspnAdd, setspnDelete, setspnList, setspnQuery } from './spn-remedies';
import {
  describeError,
  evidence,
  isCancellation,
  openForestSession,
  serverSubject,
  type ForestSession,
} from './spn-context';
import { runForestDuplicateScan } from './spn-forest-scan';
import { checkServerDns } from './spn-dns';
import { checkServiceTickets } from './spn-ticket';
import { windowsSetspnList } from './spn-windows';

const PAGE_SIZE = 1000;

export const spnCheck: Check = {
  id: 'spn',
  step: 3,
  title: STEP_TITLES[3],
  run: runSpnCheck,
};

async function runSpnCheck(ctx: CheckContext): Promise<void> {
  const servers = ctx.servers;
  const forest = await openForest(ctx);
  const holders = forest ? await lookUpHolders(ctx, forest, servers) : undefined;

  for (const server of servers) {
    if (ctx.signal.aborted) return;
    if (!server.computer) {
      ctx.emit({
        code: 'spn.no-computer-account',
        step: 3,
        severity: 'unknown',
        subject: serverSubject(server),
        title: `The computer account of ${server.name} could not be read`,
        explanation: 'Without the computer account its SPNs cannot be compared with the ones Exchange needs.',
        evidence: [evidence(ctx, 'discovery', `no computer account ${server.name}$ was found`, ctx.discovery.source)],
        remedies: compact([setspnList(server.name)]),
        reason: `no computer account ${server.name}$ was readable in ${ctx.discovery.rootDse.defaultNamingContext} with the bind account`,
      });
      continue;
    }
    const extra = await windowsSetspnList(ctx, server);
    for (const f of serverSpnFindings(ctx, server, holders, forest?.label)) {
      if (extra) f.evidence.push(extra);
      ctx.emit(f);
    }
  }

  if (forest && ctx.settings.allSpnDuplicates && !ctx.signal.aborted)
    await runForestDuplicateScan(ctx, forest, PAGE_SIZE);
  await checkServerDns(ctx, servers);
  await checkServiceTickets(ctx, servers);
}

async function openForest(ctx: CheckContext): Promise<ForestSession | undefined> {
  try {
    const forest = await openForestSession(ctx);
    if (forest.fallbackReason) ctx.log(forest.fallbackReason);
    return forest;
  } catch (e) {
    if (isCancellation(e)) throw e;
    ctx.emit(
      forestUnreadable(
        ctx,
        'The directory could not be searched for other accounts holding the Exchange SPNs',
        'connection',
        ctx.discovery.source,
        e,
      ),
    );
    return undefined;
  }
}

async function lookUpHolders(
  ctx: CheckContext,
  forest: ForestSession,
  servers: readonly ExchangeServer[],
): Promise<Map<string, SpnHolder[]> | undefined> {
  const spns = servers.flatMap((s) => expectedSpns(s).map((e) => e.spn));
  try {
    return await findSpnHolders(forest.session, spns, {
      base: forest.base,
      pageSize: PAGE_SIZE,
      timeoutMs: ctx.settings.probeTimeoutMs,
      signal: ctx.signal,
    });
  } catch (e) {
    if (isCancellation(e)) throw e;
    ctx.emit(
      forestUnreadable(
        ctx,
        'The search for other accounts holding the Exchange SPNs failed',
        'search',
        forest.label,
        e,
      ),
    );
    return undefined;
  }
}

/** Duplicates and wrong-account SPNs were not checked: what failed, where. */
function forestUnreadable(ctx: CheckContext, what: string, label: string, source: string, e: unknown): Finding {
  return {
    code: 'spn.forest-unreadable',
    step: 3,
    severity: 'unknown',
    subject: { kind: 'organisation', name: ctx.discovery.organisation?.name ?? 'organisation' },
    title: 'Duplicate SPNs could not be searched for',
    explanation: `${what}, so duplicates and SPNs on the wrong account were not checked.`,
    evidence: [evidence(ctx, label, describeError(e), source)],
    remedies: [],
    reason: describeError(e),
  };
}

function holderName(h: SpnHolder): string {
  return h.samAccountName ? `${h.samAccountName} (${h.dn})` : h.dn;
}

/**
 * The findings for one server: missing SPNs (nobody holds them), SPNs on the wrong account
 * (another account holds them instead), duplicates (the server and another account both hold
 * them), or one `ok` finding with the comparison table.
 */
export function serverSpnFindings(
  ctx: Pick<CheckContext, 'io' | 'discovery'>,
  server: ExchangeServer,
  holders: Map<string, SpnHolder[]> | undefined,
  forestLabel: string | undefined,
): Finding[] {
  const account = server.computer;
  if (!account) return [];
  const expected = expectedSpns(server);
  const cmp = compareSpns(expected, account.servicePrincipalNames);
  const subject = serverSubject(server);
  const source = `LDAP ${ctx.discovery.source} (${account.dn})`;
  const others = (e: ExpectedSpn): SpnHolder[] =>
    (holders?.get(normaliseSpn(e.spn)) ?? []).filter((h) => !sameDn(h.dn, account.dn));

  const missingNowhere = cmp.missing.filter((e) => others(e).length === 0);
  const elsewhere = cmp.missing.filter((e) => others(e).length > 0);
  const duplicated = cmp.present.filter((p) => others(p.expected).length > 0);

  const rows = expected.map((e) => {
    const hit = cmp.present.find((p) => p.expected === e);
    const elsewhereText = others(e).map(holderName).join('; ');
    return [e.spn, hit ? hit.registered : 'missing', elsewhereText || (holders ? 'none' : 'not checked')];
  });
  for (const u of cmp.unexpectedSmtp) rows.push([u, `${u} (not expected)`, '']);
  const table = {
    caption: `SMTP SPNs of ${server.name}: expected vs registered on ${account.samAccountName || account.dn}`,
    columns: ['Expected SPN', `Registered on ${account.samAccountName || server.name}`, 'Also held by'],
    rows,
  };
  const registeredEvidence = evidence(
    ctx,
    'servicePrincipalName',
    account.servicePrincipalNames.join(', ') || '(none)',
    source,
  );
  const findings: Finding[] = [];

  if (missingNowhere.length) {
    findings.push({
      code: 'spn.missing',
      step: 3,
      severity: 'error',
      subject,
      title: `${server.name} lacks ${missingNowhere.map((e) => e.spn).join(', ')}`,
      explanation:
        'Other Exchange servers ask the KDC for a ticket to SMTPSVC/<name> of this server. When no account holds that SPN, the KDC answers KDC_ERR_S_PRINCIPAL_UNKNOWN, Exchange authentication fails and mail queues with 454 4.7.0.',
      evidence: [registeredEvidence],
      tables: [table],
      remedies: compact([...missingNowhere.map((e) => setspnAdd(e.spn, server.name)), setspnList(server.name)]),
    });
  }
  if (elsewhere.length) {
    findings.push({
      code: 'spn.wrong-account',
      step: 3,
      severity: 'error',
      subject,
      title: `SPNs of ${server.name} are registered on another account: ${elsewhere
        .map(
          (e) =>
            `${e.spn} on ${others(e)
              .map((h) => h.samAccountName ?? h.dn)
              .join(', ')}`,
        )
        .join('; ')}`,
      explanation:
        'The KDC encrypts the ticket with the key of whichever account holds the SPN. When that is not the Exchange server, the server cannot decrypt it (KRB_AP_ERR_MODIFIED) and authentication fails.',
      evidence: [
        registeredEvidence,
        ...elsewhere.map((e) =>
          evidence(ctx, `holders of ${e.spn}`, others(e).map(holderName).join('; '), forestLabel ?? source),
        ),
      ],
      tables: [table],
      remedies: compact(
        elsewhere.flatMap((e) => [
          ...others(e).map((h) => setspnDelete(e.spn, h)),
          setspnAdd(e.spn, server.name),
          setspnQuery(e.spn),
        ]),
      ),
    });
  }
  if (duplicated.length) {
    findings.push({
      code: 'spn.duplicate',
      step: 3,
      severity: 'error',
      subject,
      title: `Duplicate SPN: ${duplicated
        .map(
          (p) =>
            `${p.registered} on ${account.samAccountName} and ${others(p.expected)
              .map((h) => h.samAccountName ?? h.dn)
              .join(', ')}`,
        )
        .join('; ')}`,
      explanation:
        'An SPN held by two accounts leaves the KDC to pick one key; tickets then fail to decrypt on the Exchange server (KRB_AP_ERR_MODIFIED, KDC event 11). Remove the SPN from the account that is not the Exchange server.',
      evidence: [
        registeredEvidence,
        ...duplicated.map((p) =>
          evidence(
            ctx,
            `holders of ${p.registered}`,
            [`${account.samAccountName} (${account.dn})`, ...others(p.expected).map(holderName)].join('; '),
            forestLabel ?? source,
          ),
        ),
      ],
      tables: [table],
      remedies: compact(
        duplicated.flatMap((p) => [
          ...others(p.expected).map((h) => setspnDelete(p.registered, h)),
          setspnQuery(p.registered),
        ]),
      ),
    });
  }
  if (!findings.length) {
    findings.push({
      code: 'spn.registered',
      step: 3,
      severity: 'ok',
      subject,
      title: `${server.name} holds its ${expected.length} SMTP SPNs${holders ? ', each on this account only' : ''}`,
      explanation: holders
        ? 'Every expected SMTP and SMTPSVC SPN is on the computer account and on no other account.'
        : 'Every expected SMTP and SMTPSVC SPN is on the computer account; other accounts were not searched.',
      evidence: [registeredEvidence],
      tables: [table],
      remedies: compact([setspnList(server.name)]),
    });
  }
  return findings;
}
