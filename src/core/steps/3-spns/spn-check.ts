/**
 * Step 3: the SMTP and SMTPSVC SPNs of every Exchange server in scope are registered, once, on
 * the server's own computer account. Reads the computer account (setspn -L), asks the global
 * catalog who else holds those SPNs (setspn -Q, forest-wide), optionally scans every SPN of the
 * forest for duplicates (setspn -X), checks the names in DNS, and, when this machine already has
 * Kerberos credentials, requests a ticket for SMTPSVC/<fqdn> as end-to-end proof. What the account
 * and the holder search show is interpreted by ./spn-server-findings.ts, as setspn's output is.
 */
import { STEP_TITLES, type Finding } from '../../../shared/findings';
import type { Check, CheckContext } from '../../engine/check';
import type { ExchangeServer } from '../../directory/model';
import { expectedSpns } from './expected-spns';
import { findSpnHolders, type SpnHolder } from './duplicates';
import { compact, setspnList } from './spn-remedies';
import { makeFinding } from '../../findings/define';
import { text } from '../../l10n/render';
import { reasonOf, nameOr } from '../../l10n/worded-parts';
import type { LocalText } from '../../../shared/local-text';
import { spnFindings } from './finding-codes';
import { spnFindingsForServer, type AccountSpns } from './spn-server-findings';
import {
  describeError,
  labelledEvidence,
  isCancellation,
  nowIso,
  openForestSession,
  serverSubject,
  type ForestSession,
} from './spn-context';
import { runForestDuplicateScan } from './spn-forest-scan';
import { checkServerDns } from './spn-dns';
import { checkServiceTickets } from './spn-ticket';
import { windowsSetspnList } from './spn-windows';
import type { FindingCode } from '../finding-codes';

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
      ctx.emit(
        makeFinding(spnFindings, 'spn.no-computer-account', {
          severity: 'unknown',
          subject: serverSubject(server),
          params: { server: server.name, account: `${server.name}$` },
          evidence: [
            labelledEvidence(
              ctx,
              { key: 'fp.3.label.discovery' },
              text('fp.3.value.no-account', { account: `${server.name}$` }),
              ctx.discovery.source,
            ),
          ],
          remedies: compact([setspnList(server.name)]),
          ...reasonOf('fp.3.reason.no-account', {
            account: `${server.name}$`,
            nc: ctx.discovery.rootDse.defaultNamingContext,
          }),
        }),
      );
      continue;
    }
    const extra = await windowsSetspnList(ctx, server);
    for (const f of engineSpnFindings(ctx, server, holders, forest?.label)) {
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
    ctx.emit(forestUnreadable(ctx, text('fp.3.what.unsearchable'), 'fp.3.label.connection', ctx.discovery.source, e));
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
    ctx.emit(forestUnreadable(ctx, text('fp.3.what.search-failed'), 'fp.3.label.search', forest.label, e));
    return undefined;
  }
}

/** Duplicates and wrong-account SPNs were not checked: what failed, where. */
function forestUnreadable(
  ctx: CheckContext,
  what: LocalText,
  label: 'fp.3.label.connection' | 'fp.3.label.search',
  source: string,
  e: unknown,
): Finding<FindingCode> {
  return makeFinding(spnFindings, 'spn.forest-unreadable', {
    severity: 'unknown',
    subject: { kind: 'organisation', ...nameOr(ctx.discovery.organisation?.name, 'fp.common.organisation') },
    params: { what },
    evidence: [labelledEvidence(ctx, { key: label }, describeError(e), source)],
    ...reasonOf('fp.1.printed', { message: describeError(e) }),
  });
}

/** The engine's observation of a server's account and of the other holders of its SPNs. */
export function engineSpnFindings(
  ctx: Pick<CheckContext, 'io' | 'discovery'>,
  server: ExchangeServer,
  holders: Map<string, SpnHolder[]> | undefined,
  forestLabel: string | undefined,
): Finding<FindingCode>[] {
  const account = server.computer;
  if (!account) return [];
  const observedAt = nowIso(ctx);
  const source = `LDAP ${ctx.discovery.source} (${account.dn})`;
  const observation: AccountSpns = {
    accountDn: account.dn,
    spns: account.servicePrincipalNames,
    source,
    observedAt,
  };
  if (account.samAccountName) observation.accountName = account.samAccountName;
  const search = holders ? { holders, source: forestLabel ?? source, observedAt } : undefined;
  return spnFindingsForServer(observation, server, search);
}
