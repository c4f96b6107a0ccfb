/**
 * Findings from a terminal run of `Get-ReceiveConnector` (step 6). Pure. The listed connectors
 * become the directory model's `ReceiveConnector` and go through the engine's interpreter
 * (./connector-verdicts.ts); the run does not know the other servers' addresses, so each
 * connector is judged on its own.
 */
import type { Finding } from '../../../shared/findings';
import { AUTH_MECHANISM_BITS, authMechanismsFromFlags, type ReceiveConnector } from '../../directory/model';
import { makeFinding } from '../../findings/define';
import { receiveConnectorFindings } from './connector-verdicts';
import { connectorsFindings } from './finding-codes';
import { parseReceiveConnectors, type ReceiveConnectorInfo } from './receive-connector';
import { outputEvidence, subjectOf, unrecognisedFinding, type ToolContext } from '../../tools/tool-output';
import type { FindingCode } from '../finding-codes';
import { reasonOf } from '../../l10n/worded-parts';

/** `Tls, ExchangeServer` as msExchSMTPReceiveInboundSecurityFlag bits (names Exchange does not have are left out). */
function flagsOf(mechanisms: readonly string[]): number {
  const bits: Readonly<Record<string, number>> = AUTH_MECHANISM_BITS;
  return mechanisms.reduce((flags, m) => {
    const bit = Object.keys(bits).find((k) => k.toLowerCase() === m.toLowerCase());
    return bit ? flags | (bits[bit] ?? 0) : flags;
  }, 0);
}

/** A listed connector as the directory model has it; `EX01\Default EX01` gives the server and the name. */
export function connectorFromListing(c: ReceiveConnectorInfo, server: string | undefined): ReceiveConnector {
  const [idServer, idName] = c.identity?.includes('\\') ? c.identity.split('\\', 2) : [undefined, c.identity];
  const name = c.name ?? idName ?? '?';
  const owner = idServer ?? c.server ?? server ?? '?';
  const authFlags = flagsOf(c.authMechanisms);
  return {
    name,
    dn: c.identity ?? `${owner}\\${name}`,
    server: owner,
    enabled: c.enabled ?? true,
    authFlags,
    authMechanisms: authMechanismsFromFlags(authFlags),
    bindings: [...c.bindings],
    remoteIpRanges: [...c.remoteIpRanges],
  };
}

export function connectorFindings(raw: string, exitCode: number | undefined, ctx: ToolContext): Finding<FindingCode>[] {
  const parsed = parseReceiveConnectors(raw);
  if (!parsed.recognised) return [unrecognisedFinding(ctx, 6, 'Get-ReceiveConnector', parsed.reason, raw, exitCode)];
  if (parsed.value.length === 0)
    return [
      makeFinding(connectorsFindings, 'connector.none', {
        severity: 'unknown',
        subject: subjectOf(ctx),
        evidence: [outputEvidence(ctx, raw)],
        ...reasonOf('fp.6.reason.empty'),
      }),
    ];
  const server = ctx.server?.name;
  const connectors = parsed.value.map((c) => connectorFromListing(c, server));
  return receiveConnectorFindings(
    {
      server: server ?? connectors[0]?.server ?? '?',
      subject: subjectOf(ctx),
      connectors,
      source: ctx.commandLine,
      observedAt: ctx.observedAt,
    },
    () => [],
  );
}
